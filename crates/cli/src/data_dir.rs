//! Which data folder: `--data-dir`, else `AFTERMILE_DATA_DIR`, else the app's own folder, the one
//! Tauri gives the desktop app (the platform's data directory plus the app's identifier), so the
//! command line and the app open the same database.

use std::path::{Path, PathBuf};

use aftermile_core::storage::paths;

/// The app's bundle identifier (tauri.conf.json), which names its data folder.
pub const APP_ID: &str = "app.aftermile.desktop";

pub fn resolve(flag: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(dir) = flag {
        return Ok(dir.to_owned());
    }
    let platform = dirs::data_dir()
        .map(|d| d.join(APP_ID))
        .ok_or_else(|| anyhow::anyhow!("this computer has no data folder for Aftermile; pass --data-dir"))?;
    Ok(paths::data_dir(&platform))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_identifier_is_the_apps() {
        let conf = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tauri.conf.json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&conf).unwrap();
        assert_eq!(
            v["identifier"],
            super::APP_ID,
            "the CLI must open the app's own data folder"
        );
    }
}
