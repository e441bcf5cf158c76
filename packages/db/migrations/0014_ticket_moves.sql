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
CREATE INDEX `ticket_moves_target_idx` ON `ticket_moves` (`target_ticket_id`,`id`);