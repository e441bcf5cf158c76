CREATE TABLE `customer_attribute_defs` (
	`key` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`type` text NOT NULL,
	`choices` text DEFAULT '[]' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `customer_attributes` (
	`customer_id` integer NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`customer_id`, `key`),
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`key`) REFERENCES `customer_attribute_defs`(`key`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
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
CREATE TABLE `customer_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`author_user_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_notes_customer_idx` ON `customer_notes` (`customer_id`,`id`);--> statement-breakpoint
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
CREATE TABLE `ticket_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`source_ticket_id` integer NOT NULL,
	`target_ticket_id` integer NOT NULL,
	`message_ids` text NOT NULL,
	`source_status_before` text NOT NULL,
	`actor_user_id` integer,
	`created_at` text NOT NULL,
	`undone_at` text,
	`undone_by_user_id` integer,
	FOREIGN KEY (`source_ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`undone_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ticket_moves_source_idx` ON `ticket_moves` (`source_ticket_id`,`id`);--> statement-breakpoint
CREATE INDEX `ticket_moves_target_idx` ON `ticket_moves` (`target_ticket_id`,`id`);--> statement-breakpoint
ALTER TABLE `customers` ADD `characteristic_source` text DEFAULT 'suggested' NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `characteristic_reason` text;--> statement-breakpoint
CREATE INDEX `ticket_facts_key_value_idx` ON `ticket_facts` (`key`,`value`);