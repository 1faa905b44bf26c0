-- Tracked questions: kept next to the store's tables in the same database (DuckDB or PostgreSQL).
-- The store's own schema is not touched; this table is created the first time a question is saved.
CREATE TABLE IF NOT EXISTS questions (
    id              TEXT PRIMARY KEY,
    text            TEXT NOT NULL,
    actor           TEXT NOT NULL,     -- actor spec as the store's filters take it: BLR, BLRGOV, NATO
    event_type      TEXT NOT NULL,     -- PLOVER type
    recipient       TEXT,              -- optional actor spec
    deadline        DATE,              -- the question's horizon, if it has one
    source_document TEXT,              -- the document whose headline asked it, if any
    created_at      TIMESTAMP NOT NULL
);
