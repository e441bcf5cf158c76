CREATE TABLE "promises" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "promises_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" bigint NOT NULL,
	"text" text NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"owner_user_id" bigint NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"settled_at" timestamp (3) with time zone,
	"settled_by" bigint,
	"reminded_at" timestamp (3) with time zone,
	"overdue_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "resolution_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resolution_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"subject" text NOT NULL,
	"category" text,
	"facts" jsonb NOT NULL,
	"root_cause" text,
	"root_cause_note" text,
	"solution" text,
	"customer_text" text NOT NULL,
	"time_to_fix_ms" integer NOT NULL,
	"promise_kept" boolean,
	"rating" integer,
	"resolved_at" timestamp (3) with time zone NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "resolution_records_ticket_uq" UNIQUE("ticket_id")
);
--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_settled_by_users_id_fk" FOREIGN KEY ("settled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_records" ADD CONSTRAINT "resolution_records_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "promises_one_open_per_ticket_uq" ON "promises" USING btree ("ticket_id") WHERE "promises"."state" = 'open';--> statement-breakpoint
CREATE INDEX "promises_ticket_idx" ON "promises" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "resolution_records_category_idx" ON "resolution_records" USING btree ("category","resolved_at" desc);