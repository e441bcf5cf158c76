CREATE TABLE `agent_capacities` (
	`user_id` integer NOT NULL,
	`channel` text NOT NULL,
	`max_open` integer NOT NULL,
	PRIMARY KEY(`user_id`, `channel`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sla_clocks` (
	`ticket_id` integer NOT NULL,
	`metric` text NOT NULL,
	`policy_id` integer,
	`target_seconds` integer NOT NULL,
	`business_hours` integer NOT NULL,
	`state` text NOT NULL,
	`started_at` text NOT NULL,
	`due_at` text,
	`warn_at` text,
	`remaining_seconds` integer,
	`stopped_at` text,
	`warned_at` text,
	`breached_at` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`ticket_id`, `metric`),
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sla_clocks_state_due_idx` ON `sla_clocks` (`state`,`due_at`);--> statement-breakpoint
CREATE TABLE `team_members` (
	`team_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`team_id`, `user_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `team_members_user_idx` ON `team_members` (`user_id`);--> statement-breakpoint
ALTER TABLE `teams` ADD `time_zone` text DEFAULT 'Asia/Jakarta' NOT NULL;--> statement-breakpoint
ALTER TABLE `teams` ADD `assignment_mode` text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE `teams` ADD `default_capacity` integer DEFAULT 5 NOT NULL;