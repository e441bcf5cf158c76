CREATE TABLE "phrases" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "phrases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"stage" integer NOT NULL,
	"language" text NOT NULL,
	"tone" text NOT NULL,
	"intensity" text NOT NULL,
	"not_our_fault" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "phrases_variant_uq" UNIQUE("key","language","tone","intensity","not_our_fault")
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "emotion" jsonb;--> statement-breakpoint
CREATE INDEX "phrases_stage_language_idx" ON "phrases" USING btree ("stage","language");