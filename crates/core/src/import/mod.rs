//! Import, first half: bytes from watches and Strava become activity summaries. FIT, GPX and TCX
//! files, gzipped or not, single or in folders, zips, and Strava bulk exports (see [`read`]).
//!
//! This module only reads. It writes nothing, opens no database, and uses no other domain: the
//! second half (`ops`) turns each [`Activity`] into a session, can spot duplicates by
//! [`Item::sha256`] and start time, and computes TRIMP from [`Activity::hr`]. Keeping the
//! parsers apart keeps them testable on bytes alone, and lets the CLI and the app share them.
//!
//! Why it is shaped this way:
//! - Formats come from the bytes, never the file name (`decode`).
//! - Every input is held to [`Limits`], and every parser runs under `catch_unwind`: a hostile
//!   file costs a skip with a reason, never the import or the app.
//! - No GPS position leaves this module. Positions give distance (`track`) and are dropped,
//!   since a run's start and end point at the runner's home.
//! - One item per file, in a fixed order, with the total known before the first: progress is
//!   honest and a re-run gives the same list.
//! - Files are decoded on every core behind the caller's thread (`read`), and handed back in
//!   order on that thread: an hour of FIT takes ~10 ms to decode, and a thousand of them should
//!   import in seconds.
//!
//! Files: `plan` lists what the paths hold, `read` walks the list, `decode` turns one file's
//! bytes into an outcome, `fit`, `gpx` and `tcx` parse, `track` sums points, `strava` reads
//! activities.csv, `zipped` and `inflate` unpack within the caps.

mod caps;
mod decode;
mod disk;
mod fit;
mod fit_names;
mod gpx;
mod inflate;
mod model;
mod plan;
mod read;
#[cfg(any(test, feature = "samples"))]
pub mod samples;
mod sport;
mod strava;
mod tcx;
mod track;
mod xml;
mod zipped;

#[cfg(test)]
mod fixtures_tests;
#[cfg(test)]
mod prop_tests;
#[cfg(test)]
mod same_activity_tests;

pub use caps::Limits;
pub use model::{Activity, Format, HrSample, Item, Outcome, Progress, RunHint, SkipKind, SkipReason, Sport, Totals};
pub use read::read;

/// One file's outcome from its bytes alone, as [`read`] gives it for a file on disk, for a host
/// that already holds the bytes. `name` is used in the messages. A zip is not opened here: it is
/// refused as unsupported (give its path to [`read`]).
pub fn read_bytes(name: &str, bytes: &[u8], limits: &Limits) -> Item {
    Item {
        name: name.to_owned(),
        sha256: Some(decode::sha256_hex(bytes)),
        outcome: decode::decode(name, bytes, limits),
    }
}
