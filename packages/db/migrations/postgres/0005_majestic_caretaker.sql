CREATE INDEX "messages_created_idx" ON "messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "reviews_rated_idx" ON "reviews" USING btree ("rated_at");--> statement-breakpoint
CREATE INDEX "tickets_board_idx" ON "tickets" USING btree ("status","team_id","assignee_id","last_inbound_at","last_message_at","created_at");--> statement-breakpoint
CREATE INDEX "tickets_assignee_status_idx" ON "tickets" USING btree ("assignee_id","status");