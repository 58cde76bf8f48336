//! Decompression held to the caps: gzip members here, zip entries in `zipped`. The cap is
//! enforced on the bytes as they come out (`Read::take`), never on a size a header claims, since
//! a hostile header can claim anything.

use std::io::Read;

use flate2::read::MultiGzDecoder;

use super::caps::{size_label, Limits};

pub(super) const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

pub(super) fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&GZIP_MAGIC)
}

/// Why an inflate stopped.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Refused {
    /// Past the size cap (`bomb == false`) or the ratio cap (`bomb == true`).
    TooLarge {
        bomb: bool,
        cap: u64,
    },
    Corrupt(String),
}

impl Refused {
    /// The reason in words, completing "“name” …".
    pub fn words(&self, limits: &Limits) -> String {
        match self {
            Refused::TooLarge { bomb: true, .. } => format!(
                "unpacks to over {} times its packed size, as a zip bomb does, so it was not unpacked",
                limits.max_ratio
            ),
            Refused::TooLarge { bomb: false, cap } => format!(
                "unpacks to more than {}, more than any activity needs, so it was not unpacked",
                size_label(*cap)
            ),
            Refused::Corrupt(why) => format!("could not be unpacked ({why})"),
        }
    }
}

/// Reads `reader` to the end, refusing past `cap` bytes.
pub(super) fn read_capped(reader: impl Read, cap: u64, bomb: bool, size_hint: u64) -> Result<Vec<u8>, Refused> {
    let mut out = Vec::with_capacity(size_hint.min(cap).min(64 * 1024 * 1024) as usize);
    reader
        .take(cap.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| Refused::Corrupt(e.to_string()))?;
    if out.len() as u64 > cap {
        return Err(Refused::TooLarge { bomb, cap });
    }
    Ok(out)
}

/// Gunzips every member of `bytes`, within the caps for its size.
pub(super) fn gunzip(bytes: &[u8], limits: &Limits) -> Result<Vec<u8>, Refused> {
    let cap = limits.inflate_cap(bytes.len() as u64);
    read_capped(
        MultiGzDecoder::new(bytes),
        cap,
        limits.is_bomb(cap),
        bytes.len() as u64 * 8,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::fixtures_tests::gzip;

    #[test]
    fn gunzip_round_trips_and_refuses_past_the_caps() {
        let text = b"<gpx>hello</gpx>".repeat(100);
        let gz = gzip(&text);
        assert!(is_gzip(&gz));
        assert_eq!(gunzip(&gz, &Limits::default()).unwrap(), text);

        let small = Limits {
            max_inflated_bytes: 1000,
            ..Limits::default()
        };
        assert_eq!(gunzip(&gz, &small), Err(Refused::TooLarge { bomb: false, cap: 1000 }));

        let zeros = gzip(&vec![0u8; 4 * 1024 * 1024]);
        let Err(Refused::TooLarge { bomb: true, .. }) = gunzip(&zeros, &Limits::default()) else {
            panic!("4 MB of zeros in a few KB is a bomb");
        };
    }

    #[test]
    fn a_truncated_gzip_is_corrupt() {
        let gz = gzip(&b"<gpx>hello</gpx>".repeat(100));
        assert!(matches!(
            gunzip(&gz[..gz.len() / 2], &Limits::default()),
            Err(Refused::Corrupt(_))
        ));
    }
}
