CREATE TABLE "recovery_tasks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recovery_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"review_id" bigint NOT NULL,
	"ticket_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"score" integer NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"assignee_id" bigint,
	"note" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"closed_by" bigint,
	CONSTRAINT "recovery_tasks_review_uq" UNIQUE("review_id")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"state" text DEFAULT 'requested' NOT NULL,
	"request_message_id" bigint,
	"consent_message_id" bigint,
	"score" integer,
	"comment" text,
	"consent" boolean,
	"requested_by" bigint,
	"requested_at" timestamp (3) with time zone NOT NULL,
	"rated_at" timestamp (3) with time zone,
	"completed_at" timestamp (3) with time zone,
	"testimonial_state" text DEFAULT 'none' NOT NULL,
	"testimonial_text" text,
	"testimonial_display_name" text,
	"moderated_by" bigint,
	"moderated_at" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "choices" jsonb;--> statement-breakpoint
ALTER TABLE "recovery_tasks" ADD CONSTRAINT "recovery_tasks_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_tasks" ADD CONSTRAINT "recovery_tasks_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_tasks" ADD CONSTRAINT "recovery_tasks_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_tasks" ADD CONSTRAINT "recovery_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_tasks" ADD CONSTRAINT "recovery_tasks_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_request_message_id_messages_id_fk" FOREIGN KEY ("request_message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_consent_message_id_messages_id_fk" FOREIGN KEY ("consent_message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recovery_tasks_state_idx" ON "recovery_tasks" USING btree ("state","id");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_one_open_per_ticket_uq" ON "reviews" USING btree ("ticket_id") WHERE "reviews"."state" in ('requested', 'rated');--> statement-breakpoint
CREATE INDEX "reviews_customer_state_idx" ON "reviews" USING btree ("customer_id","state");--> statement-breakpoint
CREATE INDEX "reviews_request_message_idx" ON "reviews" USING btree ("request_message_id");--> statement-breakpoint
CREATE INDEX "reviews_consent_message_idx" ON "reviews" USING btree ("consent_message_id");--> statement-breakpoint
CREATE INDEX "reviews_testimonial_idx" ON "reviews" USING btree ("testimonial_state","id");