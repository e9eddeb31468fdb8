-- Blotter schema, version 1: documents, the extractor's suggestions, the reviewed
-- state and the audit log. Suggestions and the reviewed state stay apart: a new
-- extraction run adds suggestions and never overwrites what a reviewer decided.

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    source_path   TEXT,
    title         TEXT,
    published     TEXT,
    publisher     TEXT,
    url           TEXT,
    area          TEXT,
    body          TEXT NOT NULL,
    front_matter  TEXT NOT NULL DEFAULT '{}',
    encoding      TEXT NOT NULL DEFAULT 'utf-8',
    status        TEXT NOT NULL DEFAULT 'new'
                  CHECK (status IN ('new', 'in_review', 'reviewed', 'skipped')),
    reviewer      TEXT,
    reviewed_at   TEXT,
    imported_at   TEXT NOT NULL
);
CREATE INDEX documents_status ON documents(status);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_name ON documents(name);

CREATE TABLE extraction_runs (
    id                INTEGER PRIMARY KEY,
    document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    extractor_version TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    error             TEXT
);
CREATE INDEX extraction_runs_document ON extraction_runs(document_id);

CREATE TABLE suggested_operations (
    id        INTEGER PRIMARY KEY,
    run_id    INTEGER NOT NULL REFERENCES extraction_runs(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    start     TEXT,
    "end"     TEXT,
    duration  TEXT
);
CREATE INDEX suggested_operations_run ON suggested_operations(run_id);

CREATE TABLE suggested_metrics (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER NOT NULL REFERENCES extraction_runs(id) ON DELETE CASCADE,
    category   TEXT NOT NULL,
    value      REAL,
    qualifier  TEXT NOT NULL,
    unit       TEXT NOT NULL,
    subject    TEXT,
    operation  TEXT,
    "offset"   INTEGER,
    length     INTEGER,
    text       TEXT,
    rule       TEXT
);
CREATE INDEX suggested_metrics_run ON suggested_metrics(run_id);

CREATE TABLE operations (
    id             INTEGER PRIMARY KEY,
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
CREATE INDEX operations_document ON operations(document_id);

CREATE TABLE metrics (
    id             INTEGER PRIMARY KEY,
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
CREATE INDEX metrics_document ON metrics(document_id);

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    reviewer     TEXT NOT NULL,
    document_id  INTEGER,
    entity       TEXT NOT NULL,
    entity_id    INTEGER,
    action       TEXT NOT NULL,
    field        TEXT,
    old          TEXT,
    new          TEXT
);
CREATE INDEX audit_log_document ON audit_log(document_id);
