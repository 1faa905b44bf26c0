-- claimgraph store schema: the same tables on DuckDB and PostgreSQL.
-- One row per document; statements, their actors and the attributions hang off it and are
-- replaced together with it, so a document is always wholly stored or absent.

CREATE TABLE IF NOT EXISTS documents (
    id              TEXT PRIMARY KEY,
    url             TEXT,
    title           TEXT,
    published       TEXT,          -- ISO date or datetime as given
    published_date  DATE,
    site            TEXT,
    credited_source TEXT,
    language        TEXT,
    text            TEXT NOT NULL,
    removed         TEXT,          -- JSON array of removed boilerplate
    source_path     TEXT,
    ingested_at     TIMESTAMP
);

CREATE TABLE IF NOT EXISTS statements (
    id              TEXT PRIMARY KEY,
    document_id     TEXT NOT NULL,
    sentence        INTEGER NOT NULL,
    span_start      INTEGER,
    span_end        INTEGER,
    evidence        TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    event_mode      TEXT,
    cameo           TEXT,
    quad_class      INTEGER,
    intensity       DOUBLE PRECISION,
    trigger         TEXT,
    status          TEXT NOT NULL,
    hedged          BOOLEAN NOT NULL,
    claimant_text   TEXT,
    claimant_code   TEXT,
    claimant_sector TEXT,
    claimant_cue    TEXT,
    via             TEXT,          -- JSON array of relays
    when_text       TEXT,
    when_start      DATE,
    when_end        DATE,
    where_text      TEXT,
    where_country   TEXT,
    confidence      DOUBLE PRECISION,
    event_date      DATE,          -- when_start, else the document's publication date
    record          TEXT NOT NULL  -- the statement as output-format JSON
);

CREATE TABLE IF NOT EXISTS statement_actors (
    statement_id    TEXT NOT NULL,
    document_id     TEXT NOT NULL,
    role            TEXT NOT NULL, -- 'actor' or 'recipient'
    position        INTEGER NOT NULL,
    text            TEXT,
    code            TEXT,
    sector          TEXT,
    org             TEXT,
    name            TEXT,
    PRIMARY KEY (statement_id, role, position)
);

CREATE TABLE IF NOT EXISTS attributions (
    document_id     TEXT NOT NULL,
    position        INTEGER NOT NULL,
    source_start    INTEGER,
    source_end      INTEGER,
    cue_start       INTEGER,
    cue_end         INTEGER,
    content_start   INTEGER,
    content_end     INTEGER,
    source_text     TEXT,
    cue_text        TEXT,
    content_text    TEXT,
    source_code     TEXT,
    PRIMARY KEY (document_id, position)
);

CREATE INDEX IF NOT EXISTS statements_document ON statements (document_id);
CREATE INDEX IF NOT EXISTS statements_type ON statements (event_type);
CREATE INDEX IF NOT EXISTS actors_code ON statement_actors (code, role);
