//! The walk: list what the chosen paths hold (`plan`), then read, decode and report each file,
//! in the plan's order, checking the cancel flag between files.
//!
//! Built to be called from one blocking thread, which is also the only thread the callback runs
//! on (so it may hold a database connection). Behind it, a small pipeline keeps the machine's
//! cores busy, since decoding an hour of FIT takes ~10 ms even in a release build and a
//! thousand files should import in seconds:
//! - one reader thread fetches each file's bytes in order (zips can only be read one entry at
//!   a time);
//! - one decoder per core (at most four) parses them;
//! - the calling thread puts the items back in order and hands each to the callback.
//!
//! Queues are short (two items per decoder), so at most a few files' bytes are in memory at
//! once. Once the cancel flag is seen, or the callback fails, no further item is delivered: the
//! reader stops fetching, and what was already in flight is dropped. The callback returns a
//! `Result` so that a failure on the caller's side (a full disk while saving) stops the walk and
//! comes back unchanged; the walk itself never fails on bad input, which always becomes an item.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Mutex};

use super::caps::Limits;
use super::decode::{decode, sha256_hex};
use super::disk::read_file;
use super::model::{Item, Outcome, Progress, SkipKind, SkipReason, Totals};
use super::plan::{plan, Job, Plan};
use super::strava;
use super::zipped;
use crate::error::Result;

/// Reads every activity in `paths` (files, folders, zips, Strava exports), calling `on_item`
/// once per file, in walk order, with the progress so far. Stops before the next item once
/// `cancel` is set (`Totals::cancelled`), or when `on_item` fails (that error is returned).
pub fn read(
    paths: &[PathBuf],
    limits: &Limits,
    cancel: &AtomicBool,
    on_item: impl FnMut(Item, Progress) -> Result<()>,
) -> Result<Totals> {
    let decoders = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    read_plan(plan(paths, limits), limits, cancel, decoders, on_item)
}

/// A file's bytes as fetched, or its item when fetching already decided it.
enum Fetched {
    Ready(Item),
    Bytes {
        name: String,
        bytes: Vec<u8>,
        row: Option<strava::Row>,
    },
}

pub(super) fn read_plan(
    plan: Plan,
    limits: &Limits,
    cancel: &AtomicBool,
    decoders: usize,
    mut on_item: impl FnMut(Item, Progress) -> Result<()>,
) -> Result<Totals> {
    let Plan {
        jobs,
        mut zips,
        rows_without_file,
    } = plan;
    let total = jobs.len();
    let mut totals = Totals {
        strava_rows_without_file: rows_without_file,
        ..Totals::default()
    };
    let mut deliver = |item: Item, done: usize, totals: &mut Totals| -> Result<()> {
        totals.files += 1;
        match &item.outcome {
            Outcome::Activities(a) => totals.activities += a.len(),
            Outcome::Skipped(_) => totals.skipped += 1,
        }
        let current = item.name.clone();
        on_item(item, Progress { done, total, current })
    };

    if decoders <= 1 {
        for (i, job) in jobs.into_iter().enumerate() {
            if cancel.load(Ordering::Relaxed) {
                totals.cancelled = true;
                break;
            }
            let item = finish(fetch(job, &mut zips, limits), limits);
            deliver(item, i + 1, &mut totals)?;
        }
        return Ok(totals);
    }

    let stop = AtomicBool::new(false);
    let mut result = Ok(());
    let (raw_tx, raw_rx) = mpsc::sync_channel::<(usize, Fetched)>(decoders * 2);
    let (done_tx, done_rx) = mpsc::sync_channel::<(usize, Item)>(decoders * 2);
    let raw_rx = Mutex::new(raw_rx);
    std::thread::scope(|s| {
        let (stop, done_rx) = (&stop, done_rx);
        s.spawn(move || {
            for (i, job) in jobs.into_iter().enumerate() {
                if cancel.load(Ordering::Relaxed) || stop.load(Ordering::Relaxed) {
                    break;
                }
                if raw_tx.send((i, fetch(job, &mut zips, limits))).is_err() {
                    break;
                }
            }
        });
        for _ in 0..decoders {
            let (done_tx, raw_rx) = (done_tx.clone(), &raw_rx);
            s.spawn(move || loop {
                let next = match raw_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => break,
                };
                let Ok((i, fetched)) = next else { break };
                if done_tx.send((i, finish(fetched, limits))).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);

        let mut pending: BTreeMap<usize, Item> = BTreeMap::new();
        let mut next = 0;
        'walk: for (i, item) in done_rx.iter() {
            pending.insert(i, item);
            while let Some(item) = pending.remove(&next) {
                if cancel.load(Ordering::Relaxed) {
                    break 'walk;
                }
                next += 1;
                if let Err(e) = deliver(item, next, &mut totals) {
                    result = Err(e);
                    break 'walk;
                }
            }
        }
        totals.cancelled = next < total && result.is_ok();
        // Unblock the reader and the decoders, so the scope can end.
        stop.store(true, Ordering::Relaxed);
        drop(done_rx);
        if let Ok(rx) = raw_rx.lock() {
            while rx.recv().is_ok() {}
        }
    });
    result.map(|()| totals)
}

/// Fetches one job's bytes (or decides its item without them).
fn fetch(job: Job, zips: &mut [zip::ZipArchive<std::fs::File>], limits: &Limits) -> Fetched {
    let (name, bytes, row) = match job {
        Job::Refused { name, reason } => return Fetched::Ready(skipped(name, reason)),
        Job::Disk { path, name, row } => {
            let bytes = read_file(&path, &name, limits);
            (name, bytes, row)
        }
        Job::Entry { zip, entry, row } => {
            let bytes = zipped::read(&mut zips[zip], &entry, limits);
            (entry.name, bytes, row)
        }
    };
    match bytes {
        Ok(bytes) => Fetched::Bytes { name, bytes, row },
        Err(reason) => Fetched::Ready(skipped(name, reason)),
    }
}

/// Decodes fetched bytes into the file's item. `decode` already guards each parser; this guard
/// covers the rest, so a decoder thread never dies and leaves a hole in the order.
fn finish(fetched: Fetched, limits: &Limits) -> Item {
    let (name, bytes, row) = match fetched {
        Fetched::Ready(item) => return item,
        Fetched::Bytes { name, bytes, row } => (name, bytes, row),
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let mut outcome = decode(&name, &bytes, limits);
        if let (Outcome::Activities(a), Some(row)) = (&mut outcome, &row) {
            strava::apply(row, a);
        }
        outcome
    }))
    .unwrap_or_else(|_| {
        Outcome::Skipped(SkipReason::new(
            SkipKind::Corrupt,
            format!("\"{name}\" could not be read: reading it failed unexpectedly, so it is probably malformed."),
        ))
    });
    Item {
        sha256: Some(sha256_hex(&bytes)),
        name,
        outcome,
    }
}

fn skipped(name: String, reason: SkipReason) -> Item {
    Item {
        name,
        sha256: None,
        outcome: Outcome::Skipped(reason),
    }
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
