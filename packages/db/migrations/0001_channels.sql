CREATE TABLE `channel_configs` (
	`kind` text PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`status_reason` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `parked_statuses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`external_id` text NOT NULL,
	`status` text NOT NULL,
	`at` text NOT NULL,
	`error` text,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `parked_statuses_key_idx` ON `parked_statuses` (`channel`,`external_id`);--> statement-breakpoint
CREATE INDEX `parked_statuses_received_idx` ON `parked_statuses` (`received_at`);--> statement-breakpoint
ALTER TABLE `identities` ADD `last_inbound_at` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `via` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `reply_to_external_id` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `context` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `placeholder` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `template` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `edit_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `edited_at` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `deleted_at` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `reactions` text DEFAULT '[]' NOT NULL;