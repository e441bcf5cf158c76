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
ALTER TABLE `messages` ADD `choices` text;