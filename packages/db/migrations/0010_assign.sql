ALTER TABLE `team_members` ADD `last_assigned_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `presence_choice` text DEFAULT 'online' NOT NULL;