CREATE TABLE `customer_merges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survivor_id` integer NOT NULL,
	`merged_id` integer NOT NULL,
	`reason` text NOT NULL,
	`evidence` text NOT NULL,
	`actor_user_id` integer,
	`moved` text NOT NULL,
	`created_at` text NOT NULL,
	`undone_at` text,
	`undone_by_user_id` integer,
	FOREIGN KEY (`survivor_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`undone_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `customer_merges_survivor_idx` ON `customer_merges` (`survivor_id`,`id`);--> statement-breakpoint
CREATE INDEX `customer_merges_merged_idx` ON `customer_merges` (`merged_id`,`id`);--> statement-breakpoint
CREATE TABLE `customer_suggestions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`candidate_id` integer NOT NULL,
	`pair_key` text NOT NULL,
	`reason` text NOT NULL,
	`evidence` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`decided_by_user_id` integer,
	`decided_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_suggestions_pair_uq` ON `customer_suggestions` (`pair_key`) WHERE "customer_suggestions"."state" in ('pending', 'rejected');--> statement-breakpoint
CREATE INDEX `customer_suggestions_ticket_idx` ON `customer_suggestions` (`ticket_id`,`state`);--> statement-breakpoint
CREATE INDEX `ticket_facts_key_value_idx` ON `ticket_facts` (`key`,`value`);