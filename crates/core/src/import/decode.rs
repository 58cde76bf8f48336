//! One file's bytes to its outcome: check the size, gunzip, sniff the format from the bytes,
//! parse, and word any failure as one sentence that names the file.
//!
//! - The format is never taken from the name: a gzip is known by its magic bytes, FIT by ".FIT"
//!   at offset 8 of its header, GPX and TCX by their XML root element. So "run.txt" holding a
//!   gzipped GPX still imports, and "run.gpx" holding a web page is refused for what it is.
//! - Every parser call runs inside `catch_unwind`. The parsers are meant never to panic, but they
//!   read hostile bytes (fitparser most of all), and one bad file must not end an import of a
//!   thousand. A panic becomes "damaged". This needs `panic = "unwind"`, Cargo's default, which
//!   the workspace keeps.

use std::panic::{catch_unwind, AssertUnwindSafe};

use sha2::{Digest, Sha256};

use super::caps::{size_label, Limits};
use super::inflate::{self, is_gzip};
use super::model::{Activity, Fail, Format, Outcome, SkipKind, SkipReason};
use super::{fit, gpx, tcx, xml};

/// Lower-case hex SHA-256 of `bytes`.
pub(super) fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Whether `bytes` start like a zip archive (a local file header, or an empty archive's end).
pub(super) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

fn is_fit(bytes: &[u8]) -> bool {
    bytes.len() >= 12 && matches!(bytes[0], 12 | 14) && &bytes[8..12] == b".FIT"
}

/// "“name” is 80 MB, over the 64 MB…": a file refused for its size before it was read.
pub(super) fn too_large(name: &str, size: u64, limits: &Limits) -> SkipReason {
    SkipReason::new(
        SkipKind::TooLarge,
        format!(
            "\"{name}\" is {}, over the {} an activity file may be, so it was not read.",
            size_label(size),
            size_label(limits.max_file_bytes)
        ),
    )
}

/// The outcome of one file, given its bytes as stored.
pub(super) fn decode(name: &str, stored: &[u8], limits: &Limits) -> Outcome {
    match decode_inner(name, stored, limits) {
        Ok(activities) => Outcome::Activities(activities),
        Err(why) => Outcome::Skipped(why),
    }
}

fn decode_inner(name: &str, stored: &[u8], limits: &Limits) -> Result<Vec<Activity>, SkipReason> {
    let skip = |kind, text: String| SkipReason::new(kind, format!("\"{name}\" {}.", sentence_part(&text)));
    if stored.len() as u64 > limits.max_file_bytes {
        return Err(too_large(name, stored.len() as u64, limits));
    }
    if stored.iter().all(blank) {
        return Err(skip(SkipKind::Empty, "is empty".into()));
    }
    let unpacked;
    let bytes = if is_gzip(stored) {
        unpacked = inflate::gunzip(stored, limits).map_err(|r| {
            let kind = match r {
                inflate::Refused::TooLarge { .. } => SkipKind::TooLarge,
                inflate::Refused::Corrupt(_) => SkipKind::Corrupt,
            };
            skip(kind, format!("is gzipped but {}", r.words(limits)))
        })?;
        if unpacked.iter().all(blank) {
            return Err(skip(SkipKind::Empty, "is an empty gzip file".into()));
        }
        if is_gzip(&unpacked) {
            return Err(skip(
                SkipKind::Unsupported,
                "is gzipped twice; unpack it once and import the result".into(),
            ));
        }
        &unpacked[..]
    } else {
        stored
    };

    let (format, result) = if is_fit(bytes) {
        (Format::Fit, guarded(|| fit::parse(bytes)))
    } else if is_zip(bytes) {
        return Err(skip(
            SkipKind::Unsupported,
            "is a zip inside another zip or a gzip; unpack the outer one and import what it holds".into(),
        ));
    } else {
        let text = xml::text(bytes);
        match text
            .starts_with('<')
            .then(|| xml::root_name(&text))
            .flatten()
            .as_deref()
        {
            Some("gpx") => (Format::Gpx, guarded(|| gpx::parse(&text))),
            Some("TrainingCenterDatabase") => (Format::Tcx, guarded(|| tcx::parse(&text))),
            Some(root) => {
                return Err(skip(
                    SkipKind::Unsupported,
                    format!("is an XML file but not GPX or TCX (it holds <{}>)", clip(root)),
                ))
            }
            None => return Err(skip(SkipKind::Unsupported, "is not a FIT, GPX or TCX file".into())),
        }
    };
    // A start with no duration and no distance (one point, a watch started and stopped at once)
    // is no activity to log.
    let result = result.and_then(|mut activities| {
        activities.retain(|a| {
            a.elapsed_s.unwrap_or(0) > 0 || a.moving_s.unwrap_or(0) > 0 || a.distance_m.unwrap_or(0.0) > 0.0
        });
        if activities.is_empty() {
            Err(Fail::Empty("a start time but no duration or distance".into()))
        } else {
            Ok(activities)
        }
    });
    result.map_err(|fail| {
        let f = format.label();
        match fail {
            Fail::Corrupt(why) => skip(SkipKind::Corrupt, format!("is a damaged {f} file: {why}")),
            Fail::Empty(why) => skip(
                SkipKind::Empty,
                format!("is a {f} file with nothing to import: it has {why}"),
            ),
            Fail::NotActivity(what) => skip(
                SkipKind::NotActivity,
                format!("is a FIT {what} file, not a recorded activity"),
            ),
        }
    })
}

/// Runs a parser, turning a panic into a damaged-file failure.
fn guarded(parse: impl FnOnce() -> Result<Vec<Activity>, Fail>) -> Result<Vec<Activity>, Fail> {
    catch_unwind(AssertUnwindSafe(parse)).unwrap_or_else(|_| {
        Err(Fail::Corrupt(
            "reading it failed unexpectedly, so it is probably malformed".into(),
        ))
    })
}

/// Spaces and line ends (not a form feed: 0x0C is the first byte of a 12-byte FIT header).
fn blank(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// A parser's detail made fit for the middle of one sentence: one line, no final stop, and
/// short (a parser error can quote a whole line of the file).
fn sentence_part(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = one_line.trim_end_matches('.');
    if trimmed.chars().count() > 200 {
        format!("{}…", trimmed.chars().take(200).collect::<String>())
    } else {
        trimmed.to_owned()
    }
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::fixtures_tests::{fixture, gpx_run, gzip};
    use crate::import::model::Sport;

    fn skipped(o: Outcome) -> SkipReason {
        match o {
            Outcome::Skipped(s) => s,
            Outcome::Activities(a) => panic!("expected a skip, got {a:?}"),
        }
    }

    #[test]
    fn formats_are_sniffed_from_bytes_and_gzip_by_its_magic() {
        let gpx = gpx_run("Tempo", "2024-03-01T07:00:00Z", 5);
        let Outcome::Activities(a) = decode("run.txt", &gzip(gpx.as_bytes()), &Limits::default()) else {
            panic!("a gzipped GPX named .txt is still a GPX");
        };
        assert_eq!((a[0].format, a[0].sport), (Format::Gpx, Sport::Running));
        let Outcome::Activities(a) = decode("run.gpx", &gzip(&fixture("Activity.fit")), &Limits::default()) else {
            panic!("a gzipped FIT named .gpx is still a FIT");
        };
        assert_eq!(a[0].format, Format::Fit);
    }

    #[test]
    fn every_skip_names_the_file_in_one_sentence() {
        let l = Limits::default();
        let cases: Vec<(&str, Vec<u8>, SkipKind, &str)> = vec![
            ("empty.fit", Vec::new(), SkipKind::Empty, "\"empty.fit\" is empty."),
            (
                "notes.txt",
                b"just some notes".to_vec(),
                SkipKind::Unsupported,
                "\"notes.txt\" is not a FIT, GPX or TCX file.",
            ),
            (
                "map.kml",
                b"<?xml version=\"1.0\"?><kml/>".to_vec(),
                SkipKind::Unsupported,
                "\"map.kml\" is an XML file but not GPX or TCX (it holds <kml>).",
            ),
            (
                "Settings.fit",
                fixture("Settings.fit"),
                SkipKind::NotActivity,
                "\"Settings.fit\" is a FIT settings file, not a recorded activity.",
            ),
            (
                "twice.gz",
                gzip(&gzip(b"x")),
                SkipKind::Unsupported,
                "\"twice.gz\" is gzipped twice; unpack it once and import the result.",
            ),
        ];
        for (name, bytes, kind, message) in cases {
            let s = skipped(decode(name, &bytes, &l));
            assert_eq!((s.kind, s.message.as_str()), (kind, message));
        }
        let s = skipped(decode("cut.fit", &fixture("Activity.fit")[..300], &l));
        assert_eq!(s.kind, SkipKind::Corrupt);
        assert!(
            s.message.starts_with("\"cut.fit\" is a damaged FIT file: "),
            "{}",
            s.message
        );
        let route = b"<gpx version=\"1.1\"><rte><rtept lat=\"1\" lon=\"1\"/></rte></gpx>";
        let one_point = b"<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"1\" lon=\"1\"><time>2024-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>";
        let s = skipped(decode("blip.gpx", one_point, &l));
        assert_eq!(s.kind, SkipKind::Empty);
        assert_eq!(
            s.message,
            "\"blip.gpx\" is a GPX file with nothing to import: it has a start time but no duration or distance."
        );
        let s = skipped(decode("route.gpx", route, &l));
        assert_eq!(s.kind, SkipKind::Empty);
        assert!(
            s.message
                .starts_with("\"route.gpx\" is a GPX file with nothing to import: it has no track points"),
            "{}",
            s.message
        );
    }

    #[test]
    fn oversize_files_and_gzip_bombs_are_refused() {
        let small = Limits {
            max_file_bytes: 100,
            ..Limits::default()
        };
        let s = skipped(decode("big.fit", &fixture("Activity.fit"), &small));
        assert_eq!((s.kind, s.kind.code()), (SkipKind::TooLarge, "too_large"));
        assert_eq!(
            s.message,
            "\"big.fit\" is 771 bytes, over the 100 bytes an activity file may be, so it was not read."
        );
        let bomb = gzip(&vec![b' '; 8 * 1024 * 1024]);
        let s = skipped(decode("bomb.gpx.gz", &bomb, &Limits::default()));
        assert_eq!(s.kind, SkipKind::TooLarge);
        assert!(s.message.contains("zip bomb"), "{}", s.message);
    }

    #[test]
    fn the_digest_is_of_the_stored_bytes() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
