-- Custom migration (drizzle-kit cannot express FTS5): the search box's indexes (docs/customers.md §Search).
-- Words are indexed as written; core asks for a query word's affixed forms (indonesian-terms.rules.ts),
-- so no second, expanded copy of every message is stored. Triggers keep every index in step inside the
-- statement that changes the row, so a transaction carries the text and its index entry, or neither.
--
-- Messages and ticket subjects: external content (the text lives once, in its own table). 'delete' must
-- be given the old text exactly, which the trigger's OLD row is. Every message is indexed (system ones
-- too, filtered when searching), because 'rebuild' and 'delete' must agree on which rows the index holds.
CREATE VIRTUAL TABLE `message_search` USING fts5(body, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `message_search_ai` AFTER INSERT ON `messages` BEGIN
	INSERT INTO message_search(rowid, body) VALUES (new.id, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `message_search_ad` AFTER DELETE ON `messages` BEGIN
	INSERT INTO message_search(message_search, rowid, body) VALUES ('delete', old.id, old.body);
END;
--> statement-breakpoint
-- Only when the body changes: delivery receipts update messages constantly and leave the index alone.
CREATE TRIGGER `message_search_au` AFTER UPDATE OF body ON `messages` BEGIN
	INSERT INTO message_search(message_search, rowid, body) VALUES ('delete', old.id, old.body);
	INSERT INTO message_search(rowid, body) VALUES (new.id, new.body);
END;
--> statement-breakpoint
INSERT INTO message_search(message_search) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `ticket_search` USING fts5(subject, content='tickets', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `ticket_search_ai` AFTER INSERT ON `tickets` BEGIN
	INSERT INTO ticket_search(rowid, subject) VALUES (new.id, new.subject);
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_search_ad` AFTER DELETE ON `tickets` BEGIN
	INSERT INTO ticket_search(ticket_search, rowid, subject) VALUES ('delete', old.id, old.subject);
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_search_au` AFTER UPDATE OF subject ON `tickets` BEGIN
	INSERT INTO ticket_search(ticket_search, rowid, subject) VALUES ('delete', old.id, old.subject);
	INSERT INTO ticket_search(rowid, subject) VALUES (new.id, new.subject);
END;
--> statement-breakpoint
INSERT INTO ticket_search(ticket_search) VALUES ('rebuild');
--> statement-breakpoint
-- Customers: one document per customer (rowid = customer id) from the customer's name and every
-- identity's name, phone, email and @username, so "budi 0812" finds Budi by his WhatsApp number. It spans
-- rows of two tables, so it is an ordinary FTS5 table holding its (short) text, rewritten whole whenever
-- one of its sources changes — a merge moving identities rewrites both customers. Values are distinct and
-- in byte order, the same document PostgreSQL builds (0009_search_index.sql).
CREATE VIRTUAL TABLE `customer_search` USING fts5(document, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIEW `customer_search_source` AS
SELECT c.id AS customer_id, c.name || coalesce(' · ' || (
	SELECT group_concat(v, ' · ' ORDER BY v) FROM (
		SELECT display_name AS v FROM identities WHERE customer_id = c.id
		UNION SELECT phone FROM identities WHERE customer_id = c.id
		UNION SELECT email FROM identities WHERE customer_id = c.id
		UNION SELECT '@' || username FROM identities WHERE customer_id = c.id
	) WHERE v IS NOT NULL AND v <> c.name
), '') AS document
FROM customers c;
--> statement-breakpoint
CREATE TRIGGER `customer_search_customer_ai` AFTER INSERT ON `customers` BEGIN
	INSERT INTO customer_search(rowid, document) SELECT customer_id, document FROM customer_search_source WHERE customer_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_customer_au` AFTER UPDATE OF name ON `customers` WHEN old.name IS NOT new.name BEGIN
	DELETE FROM customer_search WHERE rowid = new.id;
	INSERT INTO customer_search(rowid, document) SELECT customer_id, document FROM customer_search_source WHERE customer_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_customer_ad` AFTER DELETE ON `customers` BEGIN
	DELETE FROM customer_search WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_identity_ai` AFTER INSERT ON `identities` BEGIN
	DELETE FROM customer_search WHERE rowid = new.customer_id;
	INSERT INTO customer_search(rowid, document) SELECT customer_id, document FROM customer_search_source WHERE customer_id = new.customer_id;
END;
--> statement-breakpoint
-- Not on last_inbound_at and the other columns every inbound message touches: only what the document holds.
CREATE TRIGGER `customer_search_identity_au` AFTER UPDATE OF customer_id, display_name, phone, email, username ON `identities`
WHEN old.customer_id IS NOT new.customer_id OR old.display_name IS NOT new.display_name OR old.phone IS NOT new.phone
	OR old.email IS NOT new.email OR old.username IS NOT new.username BEGIN
	DELETE FROM customer_search WHERE rowid IN (old.customer_id, new.customer_id);
	INSERT INTO customer_search(rowid, document) SELECT customer_id, document FROM customer_search_source WHERE customer_id IN (old.customer_id, new.customer_id);
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_identity_ad` AFTER DELETE ON `identities` BEGIN
	DELETE FROM customer_search WHERE rowid = old.customer_id;
	INSERT INTO customer_search(rowid, document) SELECT customer_id, document FROM customer_search_source WHERE customer_id = old.customer_id;
END;
--> statement-breakpoint
INSERT INTO customer_search(rowid, document) SELECT customer_id, document FROM customer_search_source;
