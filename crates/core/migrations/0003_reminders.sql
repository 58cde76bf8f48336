-- Schema 3: reminders. A reminder derived from a plan names its session and rule; the pair is
-- unique, so re-deriving a plan after an edit updates reminders instead of duplicating them.
-- session_id is a soft reference (no FOREIGN KEY): when a race is deleted its pending reminders go,
-- but fired ones stay as history, and an undone delete finds them and does not fire them again.

CREATE TABLE reminders (
    id            TEXT PRIMARY KEY NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('checkin','book_massage','massage_window','easy_days',
                                                'return_to_hard','pre_race','after_deep','manual')),
    text          TEXT NOT NULL,
    source        TEXT NOT NULL,            -- 'manual' or the rule id that made it
    session_id    TEXT,
    due_utc       INTEGER NOT NULL,
    wall_local    TEXT NOT NULL,            -- YYYY-MM-DDTHH:MM in zone, as the runner set it
    zone          TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('pending','fired','done','snoozed','dismissed')),
    snoozed_until INTEGER,
    fired_at      INTEGER,
    missed        INTEGER NOT NULL DEFAULT 0 CHECK (missed IN (0, 1)),
    delivery_error TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    CHECK ((state = 'snoozed') = (snoozed_until IS NOT NULL))
) STRICT;

CREATE UNIQUE INDEX reminders_by_rule ON reminders (session_id, source) WHERE session_id IS NOT NULL;
CREATE INDEX reminders_waiting ON reminders (state, due_utc) WHERE state IN ('pending', 'snoozed');
CREATE INDEX reminders_by_due ON reminders (due_utc);
