-- claimgraph store schema: the same tables on DuckDB and PostgreSQL (portable types only).
-- A document's statements, their actors and its attributions are keyed by the document id and
-- are deleted and re-inserted together with it in one transaction, so a document is always
-- wholly stored or absent. The `record` columns hold the exact output-format JSON so a stored
-- document comes back unchanged; the other columns exist to be filtered and joined on.
-- Dates the text gives as ISO strings are kept verbatim; the *_date / DATE columns hold their
-- parsed value (NULL when unparseable) for range queries.

CREATE TABLE IF NOT EXISTS meta (
    key             TEXT PRIMARY KEY,
    value           TEXT
);

CREATE TABLE IF NOT EXISTS documents (
    id              TEXT PRIMARY KEY,
    url             TEXT,
    title           TEXT,
    published       TEXT,              -- ISO date or datetime as given
    published_date  DATE,
    site            TEXT,
    credited_source TEXT,
    language        TEXT,
    text            TEXT NOT NULL,
    removed         TEXT,              -- JSON array of removed boilerplate
    source_path     TEXT,
    extra           TEXT,              -- JSON object of document fields this schema has no column for
    n_statements    INTEGER NOT NULL,
    n_attributions  INTEGER NOT NULL,
    ingested_at     TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS statements (
    document_id     TEXT NOT NULL,
    position        INTEGER NOT NULL,  -- order within the document's record
    id              TEXT NOT NULL,     -- the statement's own stable id (not guaranteed unique)
    sentence        INTEGER NOT NULL,  -- -1 for the headline
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
    claimant_org    TEXT,
    claimant_name   TEXT,
    claimant_cue    TEXT,
    via             TEXT,              -- JSON array of relays, nearest to the claimant first
    via_text        TEXT,              -- the relays' texts joined with ' > ', for display
    when_text       TEXT,
    when_start      TEXT,
    when_end        TEXT,
    where_text      TEXT,
    where_country   TEXT,
    confidence      DOUBLE PRECISION,
    event_date      DATE,              -- when.start, else the document's publication date
    record          TEXT NOT NULL,     -- the statement as output-format JSON
    PRIMARY KEY (document_id, position)
);

CREATE TABLE IF NOT EXISTS statement_actors (
    document_id        TEXT NOT NULL,
    statement_position INTEGER NOT NULL,
    statement_id       TEXT NOT NULL,
    role               TEXT NOT NULL,  -- 'actor' or 'recipient'
    position           INTEGER NOT NULL,
    text               TEXT,
    code               TEXT,
    sector             TEXT,
    org                TEXT,
    name               TEXT,
    span_start         INTEGER,        -- into documents.text; into documents.title for a
    span_end           INTEGER,        -- headline statement (the record's spans_in says which)
    PRIMARY KEY (document_id, statement_position, role, position)
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
    source_sector   TEXT,
    kind            TEXT,
    via             TEXT,              -- JSON array of relays
    record          TEXT NOT NULL,     -- the attribution as output-format JSON
    PRIMARY KEY (document_id, position)
);

CREATE INDEX IF NOT EXISTS statements_event_type ON statements (event_type);
CREATE INDEX IF NOT EXISTS statements_event_date ON statements (event_date);
CREATE INDEX IF NOT EXISTS statements_id ON statements (id);
CREATE INDEX IF NOT EXISTS statement_actors_code ON statement_actors (code, role);
CREATE INDEX IF NOT EXISTS documents_published ON documents (published_date);
