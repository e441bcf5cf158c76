-- Team scope on an existing install (docs/supervisors.md §Roles and scope): a default team if there is
-- none, every ticket and every user in a team, and the event log's copy of each ticket's team and
-- assignee, so agents keep seeing what they saw and replays filter old events like new ones.
INSERT INTO "teams" ("name", "created_at") SELECT 'Umum', now() WHERE NOT EXISTS (SELECT 1 FROM "teams");
--> statement-breakpoint
UPDATE "tickets" SET "team_id" = (SELECT min("id") FROM "teams") WHERE "team_id" IS NULL;
--> statement-breakpoint
UPDATE "users" SET "team_id" = (SELECT min("id") FROM "teams") WHERE "team_id" IS NULL;
--> statement-breakpoint
INSERT INTO "team_members" ("team_id", "user_id", "created_at") SELECT "team_id", "id", now() FROM "users" WHERE "team_id" IS NOT NULL ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE "events" SET "team_id" = t."team_id", "assignee_id" = t."assignee_id" FROM "tickets" t WHERE t."id" = "events"."ticket_id" AND "events"."team_id" IS NULL;
