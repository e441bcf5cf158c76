-- Custom migration: the full-text index over resolution_records. 'simple' (no stemming, no stop words):
-- the document is core's folded token text, and the query builder already dropped the stop words of
-- both languages. Generated and stored, so it can never disagree with search_text.
ALTER TABLE "resolution_records" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "search_text")) STORED;
--> statement-breakpoint
CREATE INDEX "resolution_records_search_idx" ON "resolution_records" USING gin ("search");
