CREATE TABLE "ticket_moves" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ticket_moves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"source_ticket_id" bigint NOT NULL,
	"target_ticket_id" bigint NOT NULL,
	"message_ids" jsonb NOT NULL,
	"source_status_before" text NOT NULL,
	"actor_user_id" bigint,
	"created_at" timestamp (3) with time zone NOT NULL,
	"undone_at" timestamp (3) with time zone,
	"undone_by_user_id" bigint
);
--> statement-breakpoint
ALTER TABLE "ticket_moves" ADD CONSTRAINT "ticket_moves_source_ticket_id_tickets_id_fk" FOREIGN KEY ("source_ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_moves" ADD CONSTRAINT "ticket_moves_target_ticket_id_tickets_id_fk" FOREIGN KEY ("target_ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_moves" ADD CONSTRAINT "ticket_moves_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_moves" ADD CONSTRAINT "ticket_moves_undone_by_user_id_users_id_fk" FOREIGN KEY ("undone_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_moves_source_idx" ON "ticket_moves" USING btree ("source_ticket_id","id");--> statement-breakpoint
CREATE INDEX "ticket_moves_target_idx" ON "ticket_moves" USING btree ("target_ticket_id","id");