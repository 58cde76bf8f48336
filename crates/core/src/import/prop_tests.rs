//! Bad bytes never panic and always give a clear outcome: random bytes (bare, and behind a FIT
//! header, a gzip header, an XML root or a zip header, so each parser is reached), real FIT files
//! truncated at every offset, and random bit flips in real files.
//!
//! Truncation covers every offset of Activity.fit (771 bytes) and garmin-fenix-5-bike.fit
//! (4.6 KB); the 80 KB multisport file is cut at 400 offsets spread over its length (every
//! offset would take minutes in a debug build, and its messages repeat the same few shapes).

use std::io::Cursor;

use proptest::prelude::*;

use super::caps::Limits;
use super::decode::decode;
use super::fixtures_tests::{fixture, gpx_run, gzip};
use super::model::{Outcome, SkipKind};
use super::zipped;

/// Activities, or a skip whose one sentence names the file.
fn assert_clear(name: &str, outcome: &Outcome) {
    match outcome {
        Outcome::Activities(a) => assert!(!a.is_empty(), "{name}: an empty list of activities"),
        Outcome::Skipped(s) => {
            assert!(s.message.starts_with(&format!("\"{name}\" ")), "{name}: {}", s.message);
            assert!(s.message.ends_with('.'), "{}", s.message);
            assert!(!s.message.contains('\n'), "one sentence: {}", s.message);
        }
    }
}

fn outcome(bytes: &[u8]) -> Outcome {
    let o = decode("f.bin", bytes, &Limits::default());
    assert_clear("f.bin", &o);
    o
}

fn kind(o: &Outcome) -> Option<SkipKind> {
    match o {
        Outcome::Skipped(s) => Some(s.kind),
        Outcome::Activities(_) => None,
    }
}

proptest! {
    // 256 cases each by default; PROPTEST_CASES=5000 for a longer hunt.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn random_bytes_give_a_clear_outcome(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        outcome(&bytes);
    }

    #[test]
    fn random_bytes_behind_each_format_s_header_give_a_clear_outcome(
        which in 0usize..4,
        tail in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let head: Vec<u8> = match which {
            0 => fixture("Activity.fit")[..14].to_vec(),
            1 => b"<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\">".to_vec(),
            2 => b"<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Lap>".to_vec(),
            _ => gzip(b"<gpx>")[..10].to_vec(),
        };
        outcome(&[head, tail].concat());
    }

    #[test]
    fn bit_flips_in_real_files_give_a_clear_outcome(
        which in 0usize..4,
        flips in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..8), 1..8),
    ) {
        let mut bytes = match which {
            0 => fixture("Activity.fit"),
            1 => fixture("garmin-fenix-5-bike.fit"),
            2 => gzip(&fixture("Activity.fit")),
            _ => gpx_run("Flip", "2024-03-01T07:00:00Z", 20).into_bytes(),
        };
        for (at, bit) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= 1 << bit;
        }
        outcome(&bytes);
    }

    #[test]
    fn random_zips_open_or_are_refused_without_panic(tail in proptest::collection::vec(any::<u8>(), 0..1024)) {
        let bytes = [b"PK\x03\x04".to_vec(), tail].concat();
        if let Ok(mut archive) = zipped::open_reader(Cursor::new(bytes), "r.zip", &Limits::default()) {
            for e in zipped::entries(&archive) {
                let _ = zipped::read(&mut archive, &e, &Limits::default());
            }
        }
    }
}

#[test]
fn a_fit_file_cut_at_every_offset_is_damaged_not_a_panic() {
    for file in ["Activity.fit", "garmin-fenix-5-bike.fit"] {
        let bytes = fixture(file);
        for end in 0..bytes.len() {
            let o = outcome(&bytes[..end]);
            let want = match end {
                0 => SkipKind::Empty,
                1..12 => SkipKind::Unsupported,
                _ => SkipKind::Corrupt,
            };
            assert_eq!(kind(&o), Some(want), "{file} cut at {end}");
        }
        assert_eq!(kind(&outcome(&bytes)), None, "{file} whole");
    }
}

#[test]
fn a_chained_fit_file_cut_anywhere_is_damaged_or_its_first_part() {
    let bytes = fixture("sample_mulitple_header.fit");
    let step = bytes.len() / 400;
    for end in (14..bytes.len()).step_by(step) {
        let o = outcome(&bytes[..end]);
        // A cut exactly between two chained files leaves a whole, valid first file.
        assert!(
            matches!(kind(&o), Some(SkipKind::Corrupt | SkipKind::Empty) | None),
            "cut at {end}"
        );
    }
}
