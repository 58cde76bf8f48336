-- Schema 4: a reminder's delivery is recorded apart from its firing. A reminder is marked fired
-- when it is claimed and delivered once its notification went out (or the window was told), so a
-- crash between the two delivers it again at the next start instead of losing it.
-- Reminders fired before this schema are taken as delivered.

ALTER TABLE reminders ADD COLUMN delivered_at INTEGER;
UPDATE reminders SET delivered_at = fired_at WHERE fired_at IS NOT NULL;
