CREATE TABLE `report_fold_cursor` (
	`name` text PRIMARY KEY NOT NULL,
	`last_event_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_rollups` (
	`key` text PRIMARY KEY NOT NULL,
	`span` text NOT NULL,
	`hour` text NOT NULL,
	`metric` text NOT NULL,
	`grouping` text NOT NULL,
	`team_id` integer,
	`channel` text,
	`agent_id` integer,
	`customer_type` text,
	`characteristic` text,
	`count` integer NOT NULL,
	`sum` integer NOT NULL,
	`histogram` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `report_rollups_metric_hour_idx` ON `report_rollups` (`metric`,`grouping`,`span`,`hour`,`team_id`);--> statement-breakpoint
CREATE TABLE `report_sla_outcomes` (
	`ticket_id` integer NOT NULL,
	`metric` text NOT NULL,
	`clock_started_at` text NOT NULL,
	PRIMARY KEY(`ticket_id`, `metric`, `clock_started_at`)
);
--> statement-breakpoint
CREATE TABLE `report_ticket_states` (
	`ticket_id` integer PRIMARY KEY NOT NULL,
	`team_id` integer,
	`channel` text NOT NULL,
	`agent_id` integer,
	`customer_type` text,
	`characteristic` text,
	`awaiting_since` text,
	`first_replied_at` text
);
