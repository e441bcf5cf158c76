ALTER TABLE "events" ADD COLUMN "team_id" bigint;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "assignee_id" bigint;