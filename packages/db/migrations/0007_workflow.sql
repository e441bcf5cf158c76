CREATE TABLE `complaint_categories` (
	`key` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`facts` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stage_transitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`from_stage` integer NOT NULL,
	`to_stage` integer NOT NULL,
	`direction` text NOT NULL,
	`by_user_id` integer,
	`reason` text,
	`override` integer DEFAULT false NOT NULL,
	`missing` text NOT NULL,
	`dwell_ms` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `stage_transitions_ticket_idx` ON `stage_transitions` (`ticket_id`,`id`);--> statement-breakpoint
CREATE TABLE `ticket_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`actor_user_id` integer,
	`kind` text NOT NULL,
	`data` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ticket_activities_ticket_idx` ON `ticket_activities` (`ticket_id`,`id`);--> statement-breakpoint
CREATE TABLE `ticket_facts` (
	`ticket_id` integer NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`source` text NOT NULL,
	`source_message_id` integer,
	`confirmed_by` integer,
	`confirmed_at` text NOT NULL,
	PRIMARY KEY(`ticket_id`, `key`),
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `ticket_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`author_user_id` integer NOT NULL,
	`body` text NOT NULL,
	`stage` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_notes_ticket_idx` ON `ticket_notes` (`ticket_id`,`id`);--> statement-breakpoint
CREATE TABLE `ticket_workflows` (
	`ticket_id` integer PRIMARY KEY NOT NULL,
	`complaint` integer DEFAULT true NOT NULL,
	`not_complaint_reason` text,
	`stage` integer DEFAULT 1 NOT NULL,
	`stage_entered_at` text NOT NULL,
	`category` text,
	`fault` text,
	`root_cause` text,
	`root_cause_note` text,
	`solution` text,
	`linked_case_id` integer,
	`stuck_nudged_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ticket_workflows_stuck_idx` ON `ticket_workflows` (`stage`,`stage_entered_at`);--> statement-breakpoint
CREATE TABLE `workflow_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
