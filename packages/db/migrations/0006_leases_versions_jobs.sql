CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`payload` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`run_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`lease_owner` text,
	`lease_until` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `jobs_due_idx` ON `jobs` (`state`,`run_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_kind_key_uq` ON `jobs` (`kind`,`key`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `lease_until` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Before the constraint: a race the old code allowed may have left a customer two active tickets. The newest
-- keeps threading; the older ones are resolved, kept as history.
UPDATE `tickets` SET `status` = 'resolved', `resolved_at` = coalesce(`resolved_at`, `updated_at`)
WHERE `status` IN ('open', 'pending')
  AND `id` < (SELECT max(t2.`id`) FROM `tickets` t2 WHERE t2.`customer_id` = `tickets`.`customer_id` AND t2.`status` IN ('open', 'pending'));--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_one_active_per_customer_uq` ON `tickets` (`customer_id`) WHERE "tickets"."status" in ('open', 'pending');--> statement-breakpoint
-- Downloads a running server kept in memory before jobs existed: scheduled so none stays "pending" forever.
INSERT OR IGNORE INTO `jobs` (`kind`, `key`, `payload`, `state`, `run_at`, `attempts`, `created_at`, `updated_at`)
SELECT 'media.download', m.`id` || ':' || a.`key`, json_object('messageId', m.`id`, 'index', a.`key`), 'pending', m.`created_at`, 0, m.`created_at`, m.`created_at`
FROM `messages` m, json_each(m.`attachments`) a
WHERE json_extract(a.`value`, '$.state') = 'pending';