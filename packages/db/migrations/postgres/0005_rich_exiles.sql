CREATE INDEX "messages_created_idx" ON "messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "reviews_rated_idx" ON "reviews" USING btree ("rated_at");--> statement-breakpoint
CREATE INDEX "tickets_status_team_idx" ON "tickets" USING btree ("status","team_id");--> statement-breakpoint
CREATE INDEX "tickets_assignee_status_idx" ON "tickets" USING btree ("assignee_id","status");