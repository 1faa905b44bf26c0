-- Schema 1 -> 2: the resolved place of each statement (additive; old rows keep NULLs, and their
-- record JSON the where it was stored with).
ALTER TABLE statements ADD COLUMN IF NOT EXISTS where_geonames_id INTEGER;
ALTER TABLE statements ADD COLUMN IF NOT EXISTS where_name TEXT;
ALTER TABLE statements ADD COLUMN IF NOT EXISTS where_admin1 TEXT;
ALTER TABLE statements ADD COLUMN IF NOT EXISTS where_lat DOUBLE PRECISION;
ALTER TABLE statements ADD COLUMN IF NOT EXISTS where_lon DOUBLE PRECISION;
ALTER TABLE statements ADD COLUMN IF NOT EXISTS where_precision TEXT;
