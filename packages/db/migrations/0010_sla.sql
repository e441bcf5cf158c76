CREATE TABLE `business_calendars` (
	`team_id` integer PRIMARY KEY NOT NULL,
	`windows` text NOT NULL,
	`holiday_list_id` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`holiday_list_id`) REFERENCES `holiday_lists`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `holiday_lists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`holidays` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `holiday_lists_name_unique` ON `holiday_lists` (`name`);--> statement-breakpoint
CREATE TABLE `sla_policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`priority` text NOT NULL,
	`channel` text,
	`team_id` integer,
	`customer_type` text,
	`first_response_seconds` integer,
	`next_response_seconds` integer,
	`resolution_seconds` integer,
	`business_hours` integer NOT NULL,
	`escalation` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sla_policies_priority_idx` ON `sla_policies` (`priority`);--> statement-breakpoint
ALTER TABLE `messages` ADD `automated` integer DEFAULT false NOT NULL;