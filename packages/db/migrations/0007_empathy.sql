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
ALTER TABLE `messages` ADD `emotion` text;