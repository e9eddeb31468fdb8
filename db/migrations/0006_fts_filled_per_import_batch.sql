-- Version 6 (issue 15): a bulk import fills the full-text index with one statement a batch.
--
-- FTS5 writes its pending terms out as a new segment at the end of every statement that touches
-- it. Fired from the insert trigger, each release became a segment of its own, merged again and
-- again: 0.55-0.6 ms a release, 60% of the writer. One INSERT ... SELECT for a batch of 500 does
-- the same indexing for 0.2 ms (measured in docs/adr/0010-import-on-both-cores.md).
--
-- fts_deferred holds a row only inside a bulk import's own transaction: the import inserts one,
-- adds its documents (the trigger stands aside), indexes them with one statement, deletes the row
-- and commits; all of it lands or none of it. Every other insert of a document (and every
-- database that never runs a bulk import) is indexed by the trigger exactly as before.

CREATE TABLE fts_deferred (since_id INTEGER NOT NULL);

DROP TRIGGER "documents_ai";
CREATE TRIGGER "documents_ai" AFTER INSERT ON "documents"
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN
  INSERT INTO "documents_fts" (rowid, "title", "body") VALUES (new.rowid, new."title", new."body");
END;
