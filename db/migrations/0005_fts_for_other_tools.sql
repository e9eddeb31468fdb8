-- Version 5 (issue 14): a database other tools can read.
--
-- 1. The full-text index declared the way sqlite-utils' enable_fts declares it. sqlite-utils
--    (and so Datasette's ?_search=) find a table's index by `content="documents"` or
--    `content=[documents]` in its SQL; version 2 wrote content='documents' in single quotes, so
--    `sqlite-utils search` said "not configured for full-text search" and Datasette searched
--    nothing. The triggers take sqlite-utils' names and `INSERT INTO "documents_fts"`, so
--    `sqlite-utils disable-fts` removes them too; the update trigger fires only when the title or
--    the body changes (not on every status change, as sqlite-utils' own would).
--    detail=full (the default) replaces detail=none: phrase ("knives were") and NEAR queries are
--    refused under none and column alike. Cost measured in docs/adr/0007-a-database-other-tools-read.md.
-- 2. The view curated_metrics: the rows and columns `blotter export` writes (docs/export.md),
--    unescaped, for the documents marked reviewed. desktop/export.py's query must stay in step
--    (tests/store/test_database_for_other_tools.py compares them).

DROP TRIGGER documents_fts_insert;
DROP TRIGGER documents_fts_delete;
DROP TRIGGER documents_fts_update;
DROP TABLE documents_fts;

CREATE VIRTUAL TABLE "documents_fts" USING FTS5 (
    "title", "body",
    tokenize='unicode61 remove_diacritics 2',
    content="documents"
);
INSERT INTO "documents_fts" ("documents_fts") VALUES ('rebuild');

CREATE TRIGGER "documents_ai" AFTER INSERT ON "documents" BEGIN
  INSERT INTO "documents_fts" (rowid, "title", "body") VALUES (new.rowid, new."title", new."body");
END;
CREATE TRIGGER "documents_ad" AFTER DELETE ON "documents" BEGIN
  INSERT INTO "documents_fts" ("documents_fts", rowid, "title", "body") VALUES('delete', old.rowid, old."title", old."body");
END;
CREATE TRIGGER "documents_au" AFTER UPDATE OF "title", "body" ON "documents" BEGIN
  INSERT INTO "documents_fts" ("documents_fts", rowid, "title", "body") VALUES('delete', old.rowid, old."title", old."body");
  INSERT INTO "documents_fts" (rowid, "title", "body") VALUES (new.rowid, new."title", new."body");
END;

CREATE VIEW curated_metrics AS
SELECT d.name AS document, d.title AS title, d.published AS published, d.publisher AS publisher, d.url AS url,
       m.operation AS operation, o.start AS operation_start, o."end" AS operation_end,
       m.category AS category,
       CASE WHEN abs(m.value) <= 1e15 THEN m.value END AS value,
       m.qualifier AS qualifier, m.unit AS unit, m.subject AS subject,
       m.text AS evidence, m."offset" AS "offset", m.length AS length, m.status AS status,
       CASE WHEN m.status = 'suggested' THEN NULL ELSE coalesce(m.updated_by, d.reviewer) END AS reviewer,
       CASE WHEN m.status = 'suggested' THEN NULL ELSE d.reviewed_at END AS reviewed_at,
       d.review_flag AS flagged_for_review, d.note AS document_note, m.note AS note,
       m.document_id AS document_id, m.id AS metric_id, m.origin AS origin, m.rule AS rule_id,
       r.extractor_version AS extractor_version,
       CASE WHEN m.status = 'corrected' THEN s.category END AS original_category,
       CASE WHEN m.status = 'corrected' AND abs(s.value) <= 1e15 THEN s.value END AS original_value,
       m.updated_at AS updated_at, m.updated_by AS updated_by
FROM metrics m
JOIN documents d ON d.id = m.document_id
LEFT JOIN suggested_metrics s ON s.id = m.suggestion_id
LEFT JOIN extraction_runs r ON r.id = s.run_id
LEFT JOIN (SELECT document_id, name, min(start) AS start, min("end") AS "end" FROM operations
           WHERE status != 'rejected' GROUP BY document_id, name) o
       ON o.document_id = m.document_id AND o.name = m.operation
WHERE m.status != 'rejected' AND d.status = 'reviewed'
ORDER BY m.document_id, m.position, m.id;
