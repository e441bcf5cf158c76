CREATE INDEX `messages_created_idx` ON `messages` (`created_at`);--> statement-breakpoint
CREATE INDEX `reviews_rated_idx` ON `reviews` (`rated_at`);--> statement-breakpoint
CREATE INDEX `tickets_board_idx` ON `tickets` (`status`,`team_id`,`assignee_id`,`last_inbound_at`,`last_message_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `tickets_assignee_status_idx` ON `tickets` (`assignee_id`,`status`);