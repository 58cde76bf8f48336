//! Tauri commands. Each is `async` (a sync command would run on the main thread and freeze the
//! window), converts its arguments and calls aftermile-core through `AppState::run`. Nothing more.

pub mod briefing;
pub mod data;
pub mod marks;
pub mod reminders;
pub mod sessions;
pub mod settings;
