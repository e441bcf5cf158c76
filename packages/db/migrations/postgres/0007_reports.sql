CREATE TABLE "report_fold_cursor" (
	"name" text PRIMARY KEY NOT NULL,
	"last_event_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rollups" (
	"key" text PRIMARY KEY NOT NULL,
	"span" text NOT NULL,
	"hour" text NOT NULL,
	"metric" text NOT NULL,
	"grouping" text NOT NULL,
	"team_id" bigint,
	"channel" text,
	"agent_id" bigint,
	"customer_type" text,
	"characteristic" text,
	"count" integer NOT NULL,
	"sum" bigint NOT NULL,
	"histogram" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_sla_outcomes" (
	"ticket_id" bigint NOT NULL,
	"metric" text NOT NULL,
	"clock_started_at" text NOT NULL,
	CONSTRAINT "report_sla_outcomes_ticket_id_metric_clock_started_at_pk" PRIMARY KEY("ticket_id","metric","clock_started_at")
);
--> statement-breakpoint
CREATE TABLE "report_ticket_states" (
	"ticket_id" bigint PRIMARY KEY NOT NULL,
	"team_id" bigint,
	"channel" text NOT NULL,
	"agent_id" bigint,
	"customer_type" text,
	"characteristic" text,
	"awaiting_since" timestamp (3) with time zone,
	"first_replied_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE INDEX "report_rollups_metric_hour_idx" ON "report_rollups" USING btree ("metric","grouping","span","hour","team_id");