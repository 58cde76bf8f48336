-- Schema 1: the session log and settings.
-- Instants are unix seconds in UTC, with the IANA zone the runner was in beside them.
-- Kind-specific columns are NULL for other kinds; CHECKs keep the enums honest even for writers
-- other than this app (imports, a future CLI).

CREATE TABLE sessions (
    id            TEXT PRIMARY KEY NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('easy_run','long_run','workout','race','massage','other_recovery')),
    start_utc     INTEGER NOT NULL,
    zone          TEXT NOT NULL,
    duration_s    INTEGER CHECK (duration_s > 0),
    distance_m    REAL CHECK (distance_m > 0),
    rpe           INTEGER CHECK (rpe BETWEEN 1 AND 10),
    notes         TEXT NOT NULL DEFAULT '',
    race_name     TEXT,
    race_distance TEXT CHECK (race_distance IN ('5k','10k','half','marathon','custom')),
    race_status   TEXT CHECK (race_status IN ('planned','done')),
    finish_time_s INTEGER CHECK (finish_time_s > 0),
    massage_type  TEXT CHECK (massage_type IN ('sports','deep_tissue','relaxation','self_massage','foam_rolling')),
    therapist     TEXT,
    pressure      TEXT CHECK (pressure IN ('light','medium','firm')),
    felt_after    TEXT,
    recovery_type TEXT CHECK (recovery_type IN ('stretching','yoga','ice_bath','sleep_note','rest_day')),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    CHECK ((kind = 'race') = (race_name IS NOT NULL AND race_distance IS NOT NULL AND race_status IS NOT NULL)),
    CHECK ((kind = 'massage') = (massage_type IS NOT NULL)),
    CHECK ((kind = 'other_recovery') = (recovery_type IS NOT NULL))
) STRICT;

-- The log lists newest first and pages by (start_utc, id).
CREATE INDEX sessions_by_start ON sessions (start_utc DESC, id DESC);
CREATE INDEX sessions_by_kind_start ON sessions (kind, start_utc DESC, id DESC);

-- A massage's focus regions, as canonical region ids.
CREATE TABLE session_focus_regions (
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    region_id  TEXT NOT NULL,
    PRIMARY KEY (session_id, region_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
