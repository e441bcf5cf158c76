-- Custom migration: the search box's indexes (docs/customers.md §Search). 'simple' (no stemming, no stop
-- words): words are indexed as written and core asks for a query word's affixed forms
-- (indonesian-terms.rules.ts). The punctuation PostgreSQL's parser would keep inside one token (an email,
-- a URL, a path like INV/2026/11, a_b) becomes a space first, so the words are the ones SQLite's unicode61
-- tokeniser sees. Generated and stored: it can never disagree with the text, and a filter on it costs no
-- re-parse, which the newest-first scan of a common word relies on.
ALTER TABLE "messages" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, translate("body", '@./_-:+#''’', '          '))) STORED;
--> statement-breakpoint
CREATE INDEX "messages_search_idx" ON "messages" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, translate("subject", '@./_-:+#''’', '          '))) STORED;
--> statement-breakpoint
CREATE INDEX "tickets_search_idx" ON "tickets" USING gin ("search");
--> statement-breakpoint
-- Customers: one document per customer from the customer's name and every identity's name, phone, email
-- and @username (SQLite's customer_search holds the same text), rewritten by triggers whenever a source
-- changes — a merge moving identities rewrites both customers — inside the changing statement.
CREATE TABLE "customer_search" (
	"customer_id" bigint PRIMARY KEY NOT NULL REFERENCES "customers"("id") ON DELETE CASCADE,
	"document" text NOT NULL,
	"search" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, translate("document", '@./_-:+#''’', '          '))) STORED
);
--> statement-breakpoint
CREATE INDEX "customer_search_idx" ON "customer_search" USING gin ("search");
--> statement-breakpoint
CREATE FUNCTION customer_search_document(cid bigint) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT c.name || coalesce(' · ' || (
		SELECT string_agg(v, ' · ' ORDER BY v COLLATE "C") FROM (
			SELECT display_name AS v FROM identities WHERE customer_id = cid
			UNION SELECT phone FROM identities WHERE customer_id = cid
			UNION SELECT email FROM identities WHERE customer_id = cid
			UNION SELECT '@' || username FROM identities WHERE customer_id = cid
		) s WHERE v IS NOT NULL AND v <> c.name
	), '')
	FROM customers c WHERE c.id = cid
$$;
--> statement-breakpoint
CREATE FUNCTION customer_search_refresh(cid bigint) RETURNS void LANGUAGE sql AS $$
	INSERT INTO customer_search (customer_id, document)
	SELECT cid, customer_search_document(cid) WHERE EXISTS (SELECT 1 FROM customers WHERE id = cid)
	ON CONFLICT (customer_id) DO UPDATE SET document = excluded.document
$$;
--> statement-breakpoint
CREATE FUNCTION customer_search_customer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM customer_search_refresh(NEW.id);
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION customer_search_identity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM customer_search_refresh(OLD.customer_id); END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM customer_search_refresh(NEW.customer_id); END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customer_search_customer_ai AFTER INSERT ON customers FOR EACH ROW EXECUTE FUNCTION customer_search_customer_changed();
--> statement-breakpoint
CREATE TRIGGER customer_search_customer_au AFTER UPDATE OF name ON customers FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION customer_search_customer_changed();
--> statement-breakpoint
CREATE TRIGGER customer_search_identity_ai AFTER INSERT OR DELETE ON identities FOR EACH ROW EXECUTE FUNCTION customer_search_identity_changed();
--> statement-breakpoint
-- Not on last_inbound_at and the other columns every inbound message touches: only what the document holds.
CREATE TRIGGER customer_search_identity_au AFTER UPDATE OF customer_id, display_name, phone, email, username ON identities FOR EACH ROW
WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.display_name IS DISTINCT FROM NEW.display_name OR OLD.phone IS DISTINCT FROM NEW.phone
	OR OLD.email IS DISTINCT FROM NEW.email OR OLD.username IS DISTINCT FROM NEW.username)
EXECUTE FUNCTION customer_search_identity_changed();
--> statement-breakpoint
INSERT INTO customer_search (customer_id, document) SELECT id, customer_search_document(id) FROM customers;
