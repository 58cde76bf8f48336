//! Files on disk, read whole within the cap: the size is checked before reading, and the read
//! stops past the cap anyway, should the file grow meanwhile.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::caps::Limits;
use super::decode::too_large;
use super::model::{SkipKind, SkipReason};

pub(super) fn read_file(path: &Path, name: &str, limits: &Limits) -> Result<Vec<u8>, SkipReason> {
    let unreadable = |e: std::io::Error| {
        SkipReason::new(
            SkipKind::Unreadable,
            format!("\"{name}\" could not be read ({}).", io_words(&e)),
        )
    };
    let file = File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > limits.max_file_bytes {
        return Err(too_large(name, size, limits));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limits.max_file_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_large(name, bytes.len() as u64, limits));
    }
    Ok(bytes)
}

/// An I/O error in a few words ("permission was refused").
pub(super) fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "there is no such file or folder".into(),
        K::PermissionDenied => "permission was refused".into(),
        K::UnexpectedEof => "it ends early".into(),
        _ => e.to_string(),
    }
}
