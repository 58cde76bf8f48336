-- Schema 5: activities imported from watches and Strava.
-- A new kind, cross_training (with its sport), and what a watch measured: moving and elapsed time,
-- heart rate, elevation gain, cadence, TRIMP, the device, and the source file's name, format and
-- SHA-256 (so importing the same file again adds nothing). No GPS coordinates are stored.
-- SQLite cannot widen a CHECK constraint in place, so the table is rebuilt (SQLite's documented
-- 12-step procedure; the migration runs with foreign keys off and is checked after).

CREATE TABLE sessions_new (
    id            TEXT PRIMARY KEY NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('easy_run','long_run','workout','race','massage','other_recovery',
                                                'cross_training')),
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
    sport         TEXT CHECK (sport IN ('cycling','swimming','rowing','strength','walking','hiking','other')),
    moving_s      INTEGER CHECK (moving_s > 0),
    elapsed_s     INTEGER CHECK (elapsed_s > 0),
    avg_hr        INTEGER CHECK (avg_hr BETWEEN 20 AND 260),
    max_hr        INTEGER CHECK (max_hr BETWEEN 20 AND 260),
    ascent_m      REAL CHECK (ascent_m >= 0),
    cadence_spm   REAL CHECK (cadence_spm > 0),
    trimp         REAL CHECK (trimp >= 0),
    device        TEXT,
    source_format TEXT CHECK (source_format IN ('fit','tcx','gpx')),
    source_name   TEXT,
    source_sha256 TEXT,
    zone_from_file INTEGER NOT NULL DEFAULT 0 CHECK (zone_from_file IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    CHECK ((kind = 'race') = (race_name IS NOT NULL AND race_distance IS NOT NULL AND race_status IS NOT NULL)),
    CHECK ((kind = 'massage') = (massage_type IS NOT NULL)),
    CHECK ((kind = 'other_recovery') = (recovery_type IS NOT NULL)),
    CHECK ((kind = 'cross_training') = (sport IS NOT NULL)),
    CHECK ((source_format IS NULL) = (source_sha256 IS NULL))
) STRICT;

INSERT INTO sessions_new (id, kind, start_utc, zone, duration_s, distance_m, rpe, notes, race_name, race_distance,
        race_status, finish_time_s, massage_type, therapist, pressure, felt_after, recovery_type, created_at,
        updated_at)
    SELECT id, kind, start_utc, zone, duration_s, distance_m, rpe, notes, race_name, race_distance, race_status,
        finish_time_s, massage_type, therapist, pressure, felt_after, recovery_type, created_at, updated_at
    FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_new RENAME TO sessions;

CREATE INDEX sessions_by_start ON sessions (start_utc DESC, id DESC);
CREATE INDEX sessions_by_kind_start ON sessions (kind, start_utc DESC, id DESC);
-- Importing the same file again is found by its digest.
CREATE INDEX sessions_by_source ON sessions (source_sha256) WHERE source_sha256 IS NOT NULL;
