CREATE TABLE `complaint_categories` (
	`key` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`facts` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `phrases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`stage` integer NOT NULL,
	`language` text NOT NULL,
	`tone` text NOT NULL,
	`intensity` text NOT NULL,
	`not_our_fault` integer DEFAULT false NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `phrases_stage_language_idx` ON `phrases` (`stage`,`language`);--> statement-breakpoint
CREATE UNIQUE INDEX `phrases_variant_uq` ON `phrases` (`key`,`language`,`tone`,`intensity`,`not_our_fault`);--> statement-breakpoint
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
CREATE TABLE `recovery_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`ticket_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`score` integer NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`assignee_id` integer,
	`note` text,
	`created_at` text NOT NULL,
	`closed_at` text,
	`closed_by` integer,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recovery_tasks_review_uq` ON `recovery_tasks` (`review_id`);--> statement-breakpoint
CREATE INDEX `recovery_tasks_state_idx` ON `recovery_tasks` (`state`,`id`);--> statement-breakpoint
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
CREATE INDEX `resolution_records_category_idx` ON `resolution_records` (`category`,"resolved_at" desc);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`channel` text NOT NULL,
	`state` text DEFAULT 'requested' NOT NULL,
	`request_message_id` integer,
	`consent_message_id` integer,
	`score` integer,
	`comment` text,
	`consent` integer,
	`requested_by` integer,
	`requested_at` text NOT NULL,
	`rated_at` text,
	`completed_at` text,
	`testimonial_state` text DEFAULT 'none' NOT NULL,
	`testimonial_text` text,
	`testimonial_display_name` text,
	`moderated_by` integer,
	`moderated_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`moderated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_one_open_per_ticket_uq` ON `reviews` (`ticket_id`) WHERE "reviews"."state" in ('requested', 'rated');--> statement-breakpoint
CREATE INDEX `reviews_customer_state_idx` ON `reviews` (`customer_id`,`state`);--> statement-breakpoint
CREATE INDEX `reviews_request_message_idx` ON `reviews` (`request_message_id`);--> statement-breakpoint
CREATE INDEX `reviews_consent_message_idx` ON `reviews` (`consent_message_id`);--> statement-breakpoint
CREATE INDEX `reviews_testimonial_idx` ON `reviews` (`testimonial_state`,`id`);--> statement-breakpoint
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
--> statement-breakpoint
ALTER TABLE `messages` ADD `choices` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `emotion` text;