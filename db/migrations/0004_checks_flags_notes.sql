-- Version 4 (issue 11): what the checks found in each document, for the "Needs attention" queue;
-- and the reviewer's flags and notes (at the end).
-- failed_checks and uncited stay NULL until the document is checked (desktop/store/review_checks.py);
-- attention is the queue's rank, kept by a trigger: failed checks first, then documents flagged after a
-- re-extraction, then many uncited numbers; 0 for a document that needs nothing.

ALTER TABLE documents ADD COLUMN failed_checks INTEGER;
ALTER TABLE documents ADD COLUMN uncited INTEGER;
ALTER TABLE documents ADD COLUMN check_summary TEXT;
ALTER TABLE documents ADD COLUMN attention INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER documents_attention AFTER UPDATE OF flagged, failed_checks, uncited ON documents BEGIN
    UPDATE documents SET attention =
        CASE WHEN coalesce(new.failed_checks, 0) > 0 OR new.flagged = 1 OR coalesce(new.uncited, 0) >= 10
             THEN 1000 * min(coalesce(new.failed_checks, 0), 9) + 100 * new.flagged
                  + min(coalesce(new.uncited, 0), 99)
             ELSE 0 END
    WHERE id = new.id;
END;

UPDATE documents SET attention = 100 WHERE flagged = 1;
CREATE INDEX documents_attention_order ON documents(attention, published, id);

-- Flags and notes (issue 11, defect 11): a reviewer flags a document for a second look (key F) and
-- leaves a note on a document or on a row. Stored, audited, filterable and exported.
ALTER TABLE documents ADD COLUMN review_flag INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN note TEXT;
ALTER TABLE metrics ADD COLUMN note TEXT;
ALTER TABLE operations ADD COLUMN note TEXT;
CREATE INDEX documents_review_flag ON documents(review_flag) WHERE review_flag = 1;

-- Partial indexes: finding the few documents not checked yet, or with notes, without reading every row.
CREATE INDEX documents_unchecked ON documents(id) WHERE failed_checks IS NULL;
CREATE INDEX documents_noted ON documents(id) WHERE note IS NOT NULL;
CREATE INDEX metrics_noted ON metrics(document_id) WHERE note IS NOT NULL;
CREATE INDEX operations_noted ON operations(document_id) WHERE note IS NOT NULL;

-- The list sorts by title and publisher (header clicks) through an index, a page at a time.
CREATE INDEX documents_title_order ON documents(title COLLATE NOCASE, id);
CREATE INDEX documents_publisher_order ON documents(publisher COLLATE NOCASE, id);
