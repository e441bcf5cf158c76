ALTER TABLE `team_members` ADD `last_assigned_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `presence_choice` text DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `presence_status` text DEFAULT 'offline' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `presence_since` text;