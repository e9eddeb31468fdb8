-- Version 2: full-text search over titles and bodies (FTS5 kept in step by
-- triggers), a flag for documents whose reviewed figures disagree with a newer
-- extraction, and a cached metric count for the document list.

ALTER TABLE documents ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN metric_count INTEGER NOT NULL DEFAULT 0;

UPDATE documents SET metric_count = (
    SELECT count(*) FROM metrics m WHERE m.document_id = documents.id AND m.status != 'rejected');

CREATE INDEX documents_flagged ON documents(flagged) WHERE flagged = 1;

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
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

CREATE TRIGGER metrics_count_insert AFTER INSERT ON metrics WHEN new.status != 'rejected' BEGIN
    UPDATE documents SET metric_count = metric_count + 1 WHERE id = new.document_id;
END;
CREATE TRIGGER metrics_count_delete AFTER DELETE ON metrics WHEN old.status != 'rejected' BEGIN
    UPDATE documents SET metric_count = metric_count - 1 WHERE id = old.document_id;
END;
CREATE TRIGGER metrics_count_status AFTER UPDATE OF status ON metrics
WHEN (old.status = 'rejected') != (new.status = 'rejected') BEGIN
    UPDATE documents SET metric_count = metric_count + (CASE WHEN new.status = 'rejected' THEN -1 ELSE 1 END)
    WHERE id = new.document_id;
END;
