//! Embedded, append-only migrations. Never edit a shipped file: add the next one. rusqlite_migration
//! keeps the schema version in `PRAGMA user_version` and runs pending migrations in a transaction.

use rusqlite_migration::{Migrations, M};

const STEPS: &[&str] = &[
    include_str!("../../migrations/0001_sessions.sql"),
    include_str!("../../migrations/0002_marks.sql"),
    include_str!("../../migrations/0003_reminders.sql"),
    include_str!("../../migrations/0004_reminder_delivery.sql"),
    include_str!("../../migrations/0005_imported_activities.sql"),
];

pub fn all() -> Migrations<'static> {
    Migrations::from_iter(STEPS.iter().map(|sql| M::up(sql)))
}

/// The newest schema this build understands.
pub fn latest_version() -> u32 {
    STEPS.len() as u32
}

/// The SQL of migrations `1..=version`: for the schema a file of that version must have, and for
/// tests that build an old database.
pub fn up_to(version: usize) -> Migrations<'static> {
    Migrations::from_iter(STEPS[..version].iter().map(|sql| M::up(sql)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(super::all().validate().is_ok());
    }
}
