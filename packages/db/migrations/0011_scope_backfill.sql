-- Team scope on an existing install (docs/supervisors.md §Roles and scope): a default team if there is
-- none, every ticket and every user in a team, and the event log's copy of each ticket's team and
-- assignee, so agents keep seeing what they saw and replays filter old events like new ones.
INSERT INTO `teams` (`name`, `created_at`) SELECT 'Umum', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE NOT EXISTS (SELECT 1 FROM `teams`);
--> statement-breakpoint
UPDATE `tickets` SET `team_id` = (SELECT min(`id`) FROM `teams`) WHERE `team_id` IS NULL;
--> statement-breakpoint
UPDATE `users` SET `team_id` = (SELECT min(`id`) FROM `teams`) WHERE `team_id` IS NULL;
--> statement-breakpoint
INSERT OR IGNORE INTO `team_members` (`team_id`, `user_id`, `created_at`) SELECT `team_id`, `id`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `users` WHERE `team_id` IS NOT NULL;
--> statement-breakpoint
UPDATE `events` SET
  `team_id` = (SELECT `team_id` FROM `tickets` WHERE `tickets`.`id` = `events`.`ticket_id`),
  `assignee_id` = (SELECT `assignee_id` FROM `tickets` WHERE `tickets`.`id` = `events`.`ticket_id`)
WHERE `ticket_id` IS NOT NULL AND `team_id` IS NULL;
