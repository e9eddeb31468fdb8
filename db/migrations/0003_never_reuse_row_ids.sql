-- Version 3: reviewed rows never reuse a deleted row's id. With a plain INTEGER PRIMARY KEY,
-- SQLite gives a new row max(id) + 1, so deleting the newest row (an undone "add", or a
-- re-extraction replacing undecided rows) let the next row take its id and mix two rows'
-- audit histories. AUTOINCREMENT needs the tables rebuilt; the counters start past every id
-- the table or the audit log has ever named.

CREATE TABLE operations_v3 (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    suggestion_id  INTEGER REFERENCES suggested_operations(id) ON DELETE SET NULL,
    origin         TEXT NOT NULL CHECK (origin IN ('extractor', 'reviewer')),
    status         TEXT NOT NULL
                   CHECK (status IN ('suggested', 'confirmed', 'corrected', 'added', 'rejected')),
    position       INTEGER NOT NULL DEFAULT 0,
    name           TEXT NOT NULL,
    start          TEXT,
    "end"          TEXT,
    duration       TEXT,
    updated_at     TEXT,
    updated_by     TEXT
);
INSERT INTO operations_v3 SELECT * FROM operations;
DROP TABLE operations;
ALTER TABLE operations_v3 RENAME TO operations;
CREATE INDEX operations_document ON operations(document_id);

CREATE TABLE metrics_v3 (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    suggestion_id  INTEGER REFERENCES suggested_metrics(id) ON DELETE SET NULL,
    origin         TEXT NOT NULL CHECK (origin IN ('extractor', 'reviewer')),
    status         TEXT NOT NULL
                   CHECK (status IN ('suggested', 'confirmed', 'corrected', 'added', 'rejected')),
    position       INTEGER NOT NULL DEFAULT 0,
    category       TEXT NOT NULL,
    value          REAL,
    qualifier      TEXT NOT NULL DEFAULT 'exact',
    unit           TEXT NOT NULL DEFAULT 'count',
    subject        TEXT,
    operation      TEXT,
    "offset"       INTEGER,
    length         INTEGER,
    text           TEXT,
    rule           TEXT,
    updated_at     TEXT,
    updated_by     TEXT
);
INSERT INTO metrics_v3 SELECT * FROM metrics;
DROP TABLE metrics;
ALTER TABLE metrics_v3 RENAME TO metrics;
CREATE INDEX metrics_document ON metrics(document_id);

DELETE FROM sqlite_sequence WHERE name IN ('operations', 'metrics', 'operations_v3', 'metrics_v3');
INSERT INTO sqlite_sequence (name, seq) VALUES
    ('operations', max(coalesce((SELECT max(id) FROM operations), 0),
                       coalesce((SELECT max(entity_id) FROM audit_log WHERE entity = 'operation'), 0))),
    ('metrics', max(coalesce((SELECT max(id) FROM metrics), 0),
                    coalesce((SELECT max(entity_id) FROM audit_log WHERE entity = 'metric'), 0)));
