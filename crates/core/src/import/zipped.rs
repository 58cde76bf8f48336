//! Zip archives, read in place: entries are inflated into memory one at a time and never written
//! to disk, and an entry's name is only ever a label, never a path to open or create, so a name
//! like "../../.bashrc" is harmless.
//!
//! Caps (see `caps`): the zip file's own size and entry count are checked before anything is
//! inflated; each entry is refused up front when its declared size is over the cap or its
//! declared ratio looks like a bomb, and again while inflating, since a declared size can lie.
//! zip itself checks each entry's CRC once it is read to the end.

use std::fs::File;
use std::io::{Read, Seek};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use zip::result::ZipError;
use zip::ZipArchive;

use super::caps::{size_label, Limits};
use super::disk::io_words;
use super::inflate::{read_capped, Refused};
use super::model::{SkipKind, SkipReason};

/// An entry worth reading: a file, not hidden, not a directory or a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    pub index: usize,
    pub name: String,
}

/// Opens a zip on disk within the caps; the error is the whole zip's skip reason.
pub(super) fn open(path: &Path, name: &str, limits: &Limits) -> Result<ZipArchive<File>, SkipReason> {
    let skip = |kind, text: String| SkipReason::new(kind, format!("\"{name}\" {text}."));
    let file =
        File::open(path).map_err(|e| skip(SkipKind::Unreadable, format!("could not be opened ({})", io_words(&e))))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > limits.max_zip_bytes {
        return Err(skip(
            SkipKind::TooLarge,
            format!(
                "is {}, over the {} a zip may be, so it was not opened",
                size_label(size),
                size_label(limits.max_zip_bytes)
            ),
        ));
    }
    open_reader(file, name, limits)
}

pub(super) fn open_reader<R: Read + Seek>(reader: R, name: &str, limits: &Limits) -> Result<ZipArchive<R>, SkipReason> {
    let skip = |kind, text: String| SkipReason::new(kind, format!("\"{name}\" {text}."));
    let archive = catch_unwind(AssertUnwindSafe(|| ZipArchive::new(reader)))
        .map_err(|_| skip(SkipKind::Corrupt, "is a damaged zip file".into()))?
        .map_err(|e| skip(SkipKind::Corrupt, format!("is a damaged zip file ({})", zip_words(&e))))?;
    if archive.len() > limits.max_zip_entries {
        return Err(skip(
            SkipKind::TooLarge,
            format!(
                "holds {} entries, over the {} a zip may hold, so it was not read",
                archive.len(),
                limits.max_zip_entries
            ),
        ));
    }
    Ok(archive)
}

/// The entries to read, sorted by name as a folder's files are: files only, hidden ones (and
/// macOS's `__MACOSX` copies) left out.
pub(super) fn entries<R: Read + Seek>(archive: &ZipArchive<R>) -> Vec<Entry> {
    let mut out: Vec<Entry> = (0..archive.len())
        .filter_map(|index| {
            let name = archive.name_for_index(index)?.ok()?.replace('\\', "/");
            (!name.ends_with('/') && !hidden(&name)).then_some(Entry { index, name })
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// A path any part of which is hidden (starts with a dot) or is macOS's resource-fork folder.
/// "." and ".." are not hidden: in an entry name they are only characters.
pub(super) fn hidden(name: &str) -> bool {
    name.split('/')
        .any(|part| (part.starts_with('.') && part != "." && part != "..") || part == "__MACOSX")
}

/// One entry's bytes, unzipped, within the caps.
pub(super) fn read<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    entry: &Entry,
    limits: &Limits,
) -> Result<Vec<u8>, SkipReason> {
    let name = entry.name.as_str();
    let skip = |kind, text: String| SkipReason::new(kind, format!("\"{name}\" {text}."));
    let result = catch_unwind(AssertUnwindSafe(|| {
        let file = archive.by_index(entry.index).map_err(|e| match e {
            ZipError::UnsupportedArchive(_) | ZipError::CompressionMethodNotSupported(_) => skip(
                SkipKind::Unsupported,
                format!(
                    "is packed in a way Aftermile cannot unpack ({}); zip it again with ordinary compression",
                    zip_words(&e)
                ),
            ),
            ZipError::InvalidPassword => skip(SkipKind::Unsupported, "is password-protected".into()),
            e => skip(
                SkipKind::Corrupt,
                format!("is damaged inside its zip ({})", zip_words(&e)),
            ),
        })?;
        if file.encrypted() {
            return Err(skip(SkipKind::Unsupported, "is password-protected".into()));
        }
        if !file.is_file() {
            return Err(skip(SkipKind::Unsupported, "is a link, not a file".into()));
        }
        let by_ratio = file
            .compressed_size()
            .saturating_mul(limits.max_ratio)
            .max(limits.ratio_floor_bytes);
        let by_size = limits.max_file_bytes.min(limits.max_inflated_bytes);
        let cap = by_ratio.min(by_size);
        let refused = |bomb| Refused::TooLarge { bomb, cap };
        let declared = file.size();
        let outcome = if declared > by_size {
            Err(refused(false))
        } else if declared > by_ratio {
            Err(refused(true))
        } else {
            read_capped(file, cap, by_ratio < by_size, declared)
        };
        outcome.map_err(|r| {
            let kind = match r {
                Refused::TooLarge { .. } => SkipKind::TooLarge,
                Refused::Corrupt(_) => SkipKind::Corrupt,
            };
            skip(kind, r.words(limits))
        })
    }));
    result.unwrap_or_else(|_| Err(skip(SkipKind::Corrupt, "is damaged inside its zip".into())))
}

fn zip_words(e: &ZipError) -> String {
    match e {
        ZipError::Io(io) => io_words(io),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;
    use crate::import::fixtures_tests::zip;

    #[test]
    fn entries_skip_folders_hidden_files_and_macos_copies() {
        let z = zip(&[
            ("runs/", b""),
            ("runs/a.fit", b"1"),
            ("runs/.DS_Store", b"2"),
            ("__MACOSX/runs/._a.fit", b"3"),
            ("../../escape.gpx", b"4"),
        ]);
        let archive = open_reader(Cursor::new(z), "t.zip", &Limits::default()).unwrap();
        let names: Vec<String> = entries(&archive).into_iter().map(|e| e.name).collect();
        assert_eq!(
            names,
            vec!["../../escape.gpx", "runs/a.fit"],
            "a name is a label, never a path"
        );
    }

    #[test]
    fn a_bomb_entry_and_too_many_entries_are_refused() {
        let zeros = vec![0u8; 8 * 1024 * 1024];
        let z = zip(&[("bomb.gpx", &zeros[..]), ("ok.gpx", b"<gpx/>")]);
        let mut archive = open_reader(Cursor::new(z.clone()), "t.zip", &Limits::default()).unwrap();
        let list = entries(&archive);
        let e = read(&mut archive, &list[0], &Limits::default()).unwrap_err();
        assert_eq!(e.kind, SkipKind::TooLarge);
        assert!(
            e.message
                .starts_with("\"bomb.gpx\" unpacks to over 200 times its packed size, as a zip bomb does"),
            "{}",
            e.message
        );
        assert_eq!(read(&mut archive, &list[1], &Limits::default()).unwrap(), b"<gpx/>");

        let one = Limits {
            max_zip_entries: 1,
            ..Limits::default()
        };
        let e = open_reader(Cursor::new(z), "t.zip", &one).unwrap_err();
        assert_eq!(e.kind, SkipKind::TooLarge);
        assert_eq!(
            e.message,
            "\"t.zip\" holds 2 entries, over the 1 a zip may hold, so it was not read."
        );
    }

    #[test]
    fn a_damaged_zip_is_corrupt() {
        let e = open_reader(
            Cursor::new(b"PK\x03\x04 nothing more".to_vec()),
            "bad.zip",
            &Limits::default(),
        )
        .unwrap_err();
        assert_eq!(e.kind, SkipKind::Corrupt);
        assert!(
            e.message.starts_with("\"bad.zip\" is a damaged zip file"),
            "{}",
            e.message
        );
    }
}
