CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action` text NOT NULL,
	`actor_user_id` integer,
	`target` text NOT NULL,
	`data` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_user_id`,`id`);--> statement-breakpoint
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
ALTER TABLE `events` ADD `team_id` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `assignee_id` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `automated` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `messages_created_idx` ON `messages` (`created_at`);--> statement-breakpoint
ALTER TABLE `team_members` ADD `last_assigned_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `deactivated_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `presence_choice` text DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `presence_status` text DEFAULT 'offline' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `presence_since` text;--> statement-breakpoint
CREATE INDEX `reviews_rated_idx` ON `reviews` (`rated_at`);--> statement-breakpoint
CREATE INDEX `tickets_board_idx` ON `tickets` (`status`,`team_id`,`assignee_id`,`last_inbound_at`,`last_message_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `tickets_assignee_status_idx` ON `tickets` (`assignee_id`,`status`);