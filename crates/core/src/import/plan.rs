//! What a set of chosen paths holds, listed before any file is parsed, so progress knows its
//! total from the start. Listing is cheap: directory entries, the first bytes of each file (a
//! zip is known by its bytes, not its name), zip central directories, and a Strava export's
//! activities.csv.
//!
//! - Folders are walked depth-first in byte order of their names, skipping hidden files and
//!   folders. Links to folders are not followed (a loop would never end); links to files are.
//! - A folder or zip with activities.csv at its top (or one folder down, as Strava's zips nest
//!   it) is a Strava export: its rows come first, in the CSV's order, each matched to its file by
//!   the Filename column; then the files under activities/ the CSV does not list. Other parts of
//!   the export (profile, media, routes) are not activities and are not listed. A row's Filename
//!   is only compared with the names found, never opened as a path. An activities.csv that is
//!   not Strava's (no Filename or Activity ID column) leaves the folder a plain folder.
//! - A path that cannot be listed becomes an item that says so; it never ends the import.

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use zip::ZipArchive;

use super::caps::Limits;
use super::decode::is_zip;
use super::disk::{io_words, read_file};
use super::model::{SkipKind, SkipReason};
use super::strava::{self, Row};
use super::zipped::{self, hidden, Entry};

/// One file to read.
pub(super) enum Job {
    Disk {
        path: PathBuf,
        name: String,
        row: Option<Row>,
    },
    Entry {
        zip: usize,
        entry: Entry,
        row: Option<Row>,
    },
    /// Known to give nothing: its reason is ready.
    Refused {
        name: String,
        reason: SkipReason,
    },
}

#[derive(Default)]
pub(super) struct Plan {
    pub jobs: Vec<Job>,
    pub zips: Vec<ZipArchive<File>>,
    pub rows_without_file: usize,
}

pub(super) fn plan(paths: &[PathBuf], limits: &Limits) -> Plan {
    let mut p = Plan::default();
    for path in paths {
        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => p.folder(path, "", limits),
            Ok(_) => p.file(path, name, limits),
            Err(e) => p.refuse(
                name,
                SkipKind::Unreadable,
                format!("could not be opened ({})", io_words(&e)),
            ),
        }
    }
    p
}

impl Plan {
    fn refuse(&mut self, name: String, kind: SkipKind, text: String) {
        let reason = SkipReason::new(kind, format!("\"{name}\" {text}."));
        self.jobs.push(Job::Refused { name, reason });
    }

    fn file(&mut self, path: &Path, name: String, limits: &Limits) {
        if starts_like_zip(path) {
            self.zip(path, name, limits);
        } else {
            self.jobs.push(Job::Disk {
                path: path.to_owned(),
                name,
                row: None,
            });
        }
    }

    /// Every file under `dir`; names are `prefix` plus the path below `dir`.
    fn folder(&mut self, dir: &Path, prefix: &str, limits: &Limits) {
        let csv = dir.join("activities.csv");
        if csv.is_file() {
            // A CSV that is not Strava's (or cannot be read) is only a file of the folder, and
            // gets its own item saying why.
            if let Some(rows) = read_file(&csv, "activities.csv", limits)
                .ok()
                .and_then(|b| strava::parse_csv(&b))
            {
                return self.strava_folder(dir, prefix, rows);
            }
        }
        for (path, name, is_dir) in listing(dir, prefix, |n| {
            self.refuse(n, SkipKind::Unreadable, "could not be listed".into())
        }) {
            if is_dir {
                self.folder(&path, &format!("{name}/"), limits);
            } else {
                self.file(&path, name, limits);
            }
        }
    }

    fn strava_folder(&mut self, dir: &Path, prefix: &str, rows: Vec<Row>) {
        let mut found: Vec<(String, PathBuf)> = Vec::new();
        let mut stack = vec![(dir.join("activities"), "activities/".to_owned())];
        while let Some((d, rel)) = stack.pop() {
            if !d.is_dir() {
                continue;
            }
            let mut here = Vec::new();
            for (path, name, is_dir) in listing(&d, &rel, |n| {
                self.refuse(
                    format!("{prefix}{n}"),
                    SkipKind::Unreadable,
                    "could not be listed".into(),
                )
            }) {
                if is_dir {
                    here.push((path, format!("{name}/")));
                } else {
                    found.push((name, path));
                }
            }
            stack.extend(here.into_iter().rev());
        }
        found.sort();
        let mut by_name: HashMap<String, PathBuf> = found.iter().cloned().collect();
        for row in rows {
            let Some(file) = row.filename.clone() else {
                self.rows_without_file += 1;
                continue;
            };
            match by_name.remove(&file) {
                Some(path) => self.jobs.push(Job::Disk {
                    path,
                    name: format!("{prefix}{file}"),
                    row: Some(row),
                }),
                None => self.missing(format!("{prefix}{file}")),
            }
        }
        for (name, _) in found {
            if let Some(path) = by_name.remove(&name) {
                self.jobs.push(Job::Disk {
                    path,
                    name: format!("{prefix}{name}"),
                    row: None,
                });
            }
        }
    }

    fn missing(&mut self, name: String) {
        self.refuse(
            name,
            SkipKind::Unreadable,
            "is listed in activities.csv but is not in the export".into(),
        );
    }

    fn zip(&mut self, path: &Path, name: String, limits: &Limits) {
        let mut archive = match zipped::open(path, &name, limits) {
            Ok(a) => a,
            Err(reason) => return self.jobs.push(Job::Refused { name, reason }),
        };
        let zip = self.zips.len();
        let entries = zipped::entries(&archive);
        let csv = entries
            .iter()
            .filter(|e| {
                e.name == "activities.csv" || (e.name.ends_with("/activities.csv") && e.name.matches('/').count() == 1)
            })
            .min_by_key(|e| e.name.len())
            .cloned();
        // As for a folder: a CSV that is not Strava's is only one more entry.
        let strava = csv.and_then(|csv| {
            let rows = zipped::read(&mut archive, &csv, limits)
                .ok()
                .and_then(|b| strava::parse_csv(&b))?;
            Some((csv, rows))
        });
        let Some((csv, rows)) = strava else {
            self.jobs
                .extend(entries.into_iter().map(|entry| Job::Entry { zip, entry, row: None }));
            self.zips.push(archive);
            return;
        };
        let root = csv.name.trim_end_matches("activities.csv").to_owned();
        let activities = format!("{root}activities/");
        let mut by_name: HashMap<String, Entry> = entries
            .into_iter()
            .filter(|e| e.name.starts_with(&activities))
            .map(|e| (e.name[root.len()..].to_owned(), e))
            .collect();
        let mut rest: Vec<String> = by_name.keys().cloned().collect();
        rest.sort();
        for row in rows {
            let Some(file) = row.filename.clone() else {
                self.rows_without_file += 1;
                continue;
            };
            match by_name.remove(&file) {
                Some(entry) => self.jobs.push(Job::Entry {
                    zip,
                    entry,
                    row: Some(row),
                }),
                None => self.missing(format!("{root}{file}")),
            }
        }
        for name in rest {
            if let Some(entry) = by_name.remove(&name) {
                self.jobs.push(Job::Entry { zip, entry, row: None });
            }
        }
        self.zips.push(archive);
    }
}

/// A folder's visible entries in byte order of their names: (path, display name, is a folder).
/// A folder that cannot be listed is reported through `unlisted` with its display name.
fn listing(dir: &Path, prefix: &str, mut unlisted: impl FnMut(String)) -> Vec<(PathBuf, String, bool)> {
    let Ok(read) = std::fs::read_dir(dir) else {
        let label = match prefix.trim_end_matches('/') {
            "" => dir
                .file_name()
                .map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into_owned()),
            p => p.to_owned(),
        };
        unlisted(label);
        return Vec::new();
    };
    let mut out: Vec<(PathBuf, String, bool)> = read
        .flatten()
        .filter_map(|e| {
            let file_name = e.file_name().to_string_lossy().into_owned();
            if hidden(&file_name) {
                return None;
            }
            let kind = e.file_type().ok()?;
            let is_dir = kind.is_dir();
            // A link counts as the file it points to; a link to a folder is not followed.
            if kind.is_symlink() && !std::fs::metadata(e.path()).is_ok_and(|m| m.is_file()) {
                return None;
            }
            Some((e.path(), format!("{prefix}{file_name}"), is_dir))
        })
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

fn starts_like_zip(path: &Path) -> bool {
    let mut head = [0u8; 4];
    File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok() && is_zip(&head)
}
