//! The caps every import is held to, so a hostile or mistaken file costs a skip, not the app.
//!
//! The defaults sit far above anything a watch writes (a 24-hour FIT file with 1-second recording
//! is ~10 MB; a marathon GPX ~5 MB) and far below what would exhaust the runner's memory. Every
//! decompression is also held to a ratio: XML compresses about 10–30×, FIT about 3×, while a zip
//! bomb inflates thousands of times, so an output over `max_ratio` times its input (past a small
//! floor, as tiny files can compress by any ratio) is refused while inflating, never trusted from
//! a header.

/// Caps on one import. `Limits::default()` is what the app uses; tests shrink them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// One file as stored (on disk, or a zip entry once unzipped), in bytes.
    pub max_file_bytes: u64,
    /// A whole zip file on disk, in bytes.
    pub max_zip_bytes: u64,
    /// Entries in one zip's directory.
    pub max_zip_entries: usize,
    /// What one gzip member or zip entry may inflate to, in bytes.
    pub max_inflated_bytes: u64,
    /// Inflated size over compressed size beyond which an entry counts as a zip bomb.
    pub max_ratio: u64,
    /// Below this inflated size the ratio is not checked.
    pub ratio_floor_bytes: u64,
}

const MB: u64 = 1024 * 1024;

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_bytes: 64 * MB,
            max_zip_bytes: 2048 * MB,
            max_zip_entries: 100_000,
            max_inflated_bytes: 256 * MB,
            max_ratio: 200,
            ratio_floor_bytes: MB,
        }
    }
}

impl Limits {
    /// The most `compressed` bytes may inflate to: the size cap, or the ratio cap past its floor.
    pub(super) fn inflate_cap(&self, compressed: u64) -> u64 {
        let by_ratio = compressed.saturating_mul(self.max_ratio).max(self.ratio_floor_bytes);
        by_ratio.min(self.max_inflated_bytes)
    }

    /// Whether hitting `cap` was the ratio's doing (a bomb) rather than the plain size cap.
    pub(super) fn is_bomb(&self, cap: u64) -> bool {
        cap < self.max_inflated_bytes
    }
}

/// Sizes in words: "64 MB", "300 KB", "771 bytes".
pub(super) fn size_label(bytes: u64) -> String {
    if bytes >= MB {
        format!("{} MB", bytes.div_ceil(MB))
    } else if bytes >= 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflate_cap_is_the_ratio_past_the_floor_and_never_above_the_size_cap() {
        let l = Limits::default();
        assert_eq!(l.inflate_cap(10), MB, "tiny inputs get the floor");
        assert_eq!(l.inflate_cap(MB), 200 * MB);
        assert_eq!(l.inflate_cap(10 * MB), 256 * MB);
        assert!(l.is_bomb(l.inflate_cap(MB)));
        assert!(!l.is_bomb(l.inflate_cap(10 * MB)));
        assert_eq!(l.inflate_cap(u64::MAX), 256 * MB, "no overflow");
    }

    #[test]
    fn sizes_read_as_words() {
        assert_eq!(size_label(64 * MB), "64 MB");
        assert_eq!(size_label(64 * MB + 1), "65 MB");
        assert_eq!(size_label(300 * 1024), "300 KB");
        assert_eq!(size_label(771), "771 bytes");
    }
}
