-- Custom migration (drizzle-kit cannot express FTS5): the full-text index over resolution_records.
-- External content: the text lives once, in resolution_records.search_text (core's folded document, the
-- same tokens PostgreSQL indexes); FTS5 keeps only the index. The triggers keep it in step inside the
-- statement that changes the row, so the save's transaction carries both or neither. 'delete' must be
-- given the old text exactly, which the trigger's OLD row is.
CREATE VIRTUAL TABLE `resolution_search` USING fts5(
	search_text,
	content='resolution_records',
	content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `resolution_search_ai` AFTER INSERT ON `resolution_records` BEGIN
	INSERT INTO resolution_search(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `resolution_search_ad` AFTER DELETE ON `resolution_records` BEGIN
	INSERT INTO resolution_search(resolution_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--> statement-breakpoint
-- Only when the text changes: a rating or promise outcome arriving later leaves the index alone.
CREATE TRIGGER `resolution_search_au` AFTER UPDATE OF search_text ON `resolution_records` BEGIN
	INSERT INTO resolution_search(resolution_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
	INSERT INTO resolution_search(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
-- The index's own document frequencies (one row per term), so a search can leave out the terms that
-- match a large share of all cases before bm25 scores anything (see sqlite/similar-cases.repository.ts).
CREATE VIRTUAL TABLE `resolution_search_vocab` USING fts5vocab(resolution_search, 'row');
