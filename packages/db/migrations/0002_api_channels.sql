CREATE TABLE `api_channels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`secret` text NOT NULL,
	`webhook_url` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
