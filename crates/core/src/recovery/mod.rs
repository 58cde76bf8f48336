//! Recovery after races: the rules (as data with sources), plan generation, quiet hours and the
//! warnings shown when a massage or hard session goes against the rules.

pub mod days;
pub mod plan;
pub mod quiet;
pub mod rules;
pub mod warnings;

pub use plan::{for_deep_massage, for_race, Cautions, Context, MassageFacts, PlannedReminder, RaceFacts, ReminderKind};
pub use quiet::QuietHours;
pub use rules::{sources, RecoveryRules, RuleLimit, RuleSource, RULE_LIMITS};
pub use warnings::Warning;
