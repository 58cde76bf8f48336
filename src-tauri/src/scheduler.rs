//! The reminder scheduler: one task that sleeps until the next reminder fires, and wakes early
//! when reminders, races or settings change (`AppState::changed`) rather than on a polling tick.
//!
//! Each wake claims every due reminder in one transaction (aftermile-core marks them fired before
//! anything is sent), then sends them. A reminder therefore fires once even across restarts; the
//! single-instance plugin keeps a second process from claiming alongside this one, and the claim's
//! IMMEDIATE transaction would serialise them anyway. On start, reminders that came due while the
//! app was closed are claimed at once and marked missed.
//!
//! Delivery is recorded after each reminder went out (a notification, and the window told), so
//! one that fired just before a crash is found at the next start and delivered again; the window
//! keys reminders by id, so it shows once. Sending talks to D-Bus and can block, so it runs on a
//! blocking thread, never on the async workers.
//!
//! The sleep is capped: the monotonic clock stops while a laptop sleeps and does not follow wall
//! clock changes, so after a long sleep the task re-reads the wall clock instead of trusting a
//! stale deadline. The cap is a safety net for suspend, not a poll: changes wake it immediately.

use std::time::Duration;

use aftermile_core::events::{DataArea, ReminderFired, REMINDER_FIRED};
use aftermile_core::reminders;
use aftermile_core::time;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;
use crate::{notify, tray};

const MAX_SLEEP: Duration = Duration::from_secs(15 * 60);

pub fn start(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let changed = app.state::<AppState>().changed.clone();
        if !app.state::<AppState>().is_open() {
            return;
        }
        // Fired before a crash, never delivered: deliver them first.
        let pending = app.state::<AppState>().run(|db| reminders::undelivered(db)).await;
        match pending {
            Ok(list) => deliver(&app, list).await,
            Err(e) => eprintln!("Aftermile: could not read undelivered reminders: {}", e.message),
        }
        loop {
            fire_due(&app).await;
            let next = app
                .state::<AppState>()
                .run(|db| reminders::next_fire_at(db))
                .await
                .ok()
                .flatten();
            tray::show_next(&app, next);
            let sleep = match next {
                Some(at) => (at - time::now()).to_std().unwrap_or(Duration::ZERO).min(MAX_SLEEP),
                None => MAX_SLEEP,
            };
            tokio::select! {
                _ = tokio::time::sleep(sleep) => {}
                _ = changed.notified() => {}
            }
        }
    });
}

async fn fire_due(app: &AppHandle) {
    let state = app.state::<AppState>();
    let fired = match state.run(|db| reminders::claim_due(db, time::now())).await {
        Ok(f) => f,
        Err(e) => {
            eprintln!("Aftermile: could not claim due reminders: {}", e.message);
            return;
        }
    };
    deliver(app, fired).await;
}

/// Sends each reminder, tells the window, and records that it went out.
async fn deliver(app: &AppHandle, list: Vec<reminders::Reminder>) {
    let state = app.state::<AppState>();
    if !list.is_empty() {
        state.tell_window(&[DataArea::Reminders]);
    }
    for r in list {
        let (a, rem) = (app.clone(), r.clone());
        let error = tauri::async_runtime::spawn_blocking(move || notify::send(&a, &rem))
            .await
            .unwrap_or_else(|e| Err(e.to_string()))
            .err();
        let id = r.id.clone();
        let msg = error.clone();
        let recorded = state
            .run(move |db| {
                if let Some(m) = &msg {
                    reminders::record_delivery_error(db, &id, m)?;
                }
                reminders::record_delivered(db, &id, time::now())
            })
            .await;
        if let Some(m) = &error {
            eprintln!("Aftermile: reminder {} not shown as a notification: {m}", r.id);
        }
        if let Err(e) = recorded {
            eprintln!(
                "Aftermile: could not record the delivery of reminder {}: {}",
                r.id, e.message
            );
        }
        let _ = app.emit(
            REMINDER_FIRED,
            ReminderFired {
                reminder: r,
                delivery_error: error,
            },
        );
    }
}
