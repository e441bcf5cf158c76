CREATE TABLE `promises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`text` text NOT NULL,
	`due_at` text NOT NULL,
	`owner_user_id` integer NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`settled_at` text,
	`settled_by` integer,
	`reminded_at` text,
	`overdue_at` text,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`settled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promises_one_open_per_ticket_uq` ON `promises` (`ticket_id`) WHERE "promises"."state" = 'open';--> statement-breakpoint
CREATE INDEX `promises_ticket_idx` ON `promises` (`ticket_id`,`id`);--> statement-breakpoint
CREATE TABLE `resolution_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`channel` text NOT NULL,
	`subject` text NOT NULL,
	`category` text,
	`facts` text NOT NULL,
	`root_cause` text,
	`root_cause_note` text,
	`solution` text,
	`customer_text` text NOT NULL,
	`time_to_fix_ms` integer NOT NULL,
	`promise_kept` integer,
	`rating` integer,
	`resolved_at` text NOT NULL,
	`search_text` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `resolution_records_ticket_uq` ON `resolution_records` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `resolution_records_category_idx` ON `resolution_records` (`category`,"resolved_at" desc);