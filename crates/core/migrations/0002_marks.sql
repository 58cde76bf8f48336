-- Schema 2: soreness marks on the body chart.
-- A mark may belong to a session (a post-race check-in, the state before or after a massage).
-- Deleting that session keeps the mark: it is still a record of how the body felt.

CREATE TABLE marks (
    id          TEXT PRIMARY KEY NOT NULL,
    region_id   TEXT NOT NULL,
    sensation   TEXT NOT NULL CHECK (sensation IN ('tight','sore','pain','injury')),
    intensity   INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
    swelling    INTEGER NOT NULL CHECK (swelling IN (0, 1)),
    bruising    INTEGER NOT NULL CHECK (bruising IN (0, 1)),
    note        TEXT NOT NULL DEFAULT '',
    at_utc      INTEGER NOT NULL,
    zone        TEXT NOT NULL,
    session_id  TEXT REFERENCES sessions (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

-- The heat map reads the latest mark per region in a window; history reads one region over time.
CREATE INDEX marks_by_at ON marks (at_utc DESC);
CREATE INDEX marks_by_region_at ON marks (region_id, at_utc DESC);
CREATE INDEX marks_by_session ON marks (session_id) WHERE session_id IS NOT NULL;
-- Trend charts place massages that focused on a region.
CREATE INDEX focus_by_region ON session_focus_regions (region_id, session_id);
