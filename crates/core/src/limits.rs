//! The limits every input is held to, in one place. The validators use them, and the UI gets the
//! same numbers from `ui/src/lib/generated/limits.ts`, which a test writes from `all()` (and fails
//! on when the committed copy has drifted), so a form's `maxlength` can never disagree with what
//! the core accepts.

/// Notes on a session.
pub const SESSION_NOTES_MAX: usize = 10_000;
/// A race name, a therapist's name.
pub const SHORT_TEXT_MAX: usize = 200;
/// How a massage felt afterwards.
pub const FELT_AFTER_MAX: usize = 2_000;
/// A week: longer than any ultra, short enough to catch a misplaced digit.
pub const DURATION_MAX_S: i32 = 7 * 24 * 3600;
/// 1,000 km: longer than any single run, race or stage.
pub const DISTANCE_MAX_M: f64 = 1_000_000.0;
/// Earliest start accepted; anything before is a typo.
pub const EARLIEST_YEAR: i32 = 1950;
/// How far ahead a planned session or a reminder may be.
pub const MAX_AHEAD_DAYS: i64 = 2 * 366;
/// Perceived effort, on the usual 1–10 scale.
pub const RPE_MIN: i32 = 1;
pub const RPE_MAX: i32 = 10;
/// A soreness mark's intensity: 0 (nothing) to 10 (worst imaginable).
pub const INTENSITY_MIN: i32 = 0;
pub const INTENSITY_MAX: i32 = 10;
/// A soreness mark's note.
pub const MARK_NOTE_MAX: usize = 2_000;
/// A reminder's text.
pub const REMINDER_TEXT_MAX: usize = 500;
/// The runner's profile.
pub const PROFILE_NAME_MAX: usize = 120;
pub const PROFILE_CONTACT_MAX: usize = 300;
pub const PROFILE_NOTE_MAX: usize = 2_000;
/// The runner's note to the therapist on the briefing sheet.
pub const BRIEFING_NOTE_MAX: usize = 1_000;
/// The body chart's heat-map window, in days.
pub const HEAT_MAP_DAYS_DEFAULT: u32 = 7;
pub const HEAT_MAP_DAYS_MAX: u32 = 365;
/// Log pages. The first page fills a window and a screen more; the Log fetches the next as the
/// runner scrolls near it. Fifty rows (some 1,000 elements) made opening the Log take 30-57 ms to
/// paint on the 2-core machine in `make bench-app`; twenty-five take 27-41.
pub const SESSION_PAGE_DEFAULT: u32 = 25;
pub const SESSION_PAGE_MAX: u32 = 500;
/// The most ids one log query may name (the entries of one import; a big Strava export has a
/// few thousand).
pub const SESSION_IDS_MAX: usize = 100_000;

/// Every limit by the name the UI uses, for the generated TypeScript.
pub fn all() -> Vec<(&'static str, f64)> {
    vec![
        ("sessionNotesMax", SESSION_NOTES_MAX as f64),
        ("shortTextMax", SHORT_TEXT_MAX as f64),
        ("feltAfterMax", FELT_AFTER_MAX as f64),
        ("durationMaxS", f64::from(DURATION_MAX_S)),
        ("distanceMaxM", DISTANCE_MAX_M),
        ("earliestYear", f64::from(EARLIEST_YEAR)),
        ("maxAheadDays", MAX_AHEAD_DAYS as f64),
        ("rpeMin", f64::from(RPE_MIN)),
        ("rpeMax", f64::from(RPE_MAX)),
        ("intensityMin", f64::from(INTENSITY_MIN)),
        ("intensityMax", f64::from(INTENSITY_MAX)),
        ("markNoteMax", MARK_NOTE_MAX as f64),
        ("reminderTextMax", REMINDER_TEXT_MAX as f64),
        ("profileNameMax", PROFILE_NAME_MAX as f64),
        ("profileContactMax", PROFILE_CONTACT_MAX as f64),
        ("profileNoteMax", PROFILE_NOTE_MAX as f64),
        ("briefingNoteMax", BRIEFING_NOTE_MAX as f64),
        ("heatMapDaysDefault", f64::from(HEAT_MAP_DAYS_DEFAULT)),
        ("heatMapDaysMax", f64::from(HEAT_MAP_DAYS_MAX)),
        ("sessionPageDefault", f64::from(SESSION_PAGE_DEFAULT)),
        ("sessionPageMax", f64::from(SESSION_PAGE_MAX)),
    ]
}
