ALTER TABLE `events` ADD `team_id` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `assignee_id` integer;