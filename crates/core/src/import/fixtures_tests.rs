//! Test helpers: the FIT fixtures in crates/core/tests/fixtures/activities/ (see the README there
//! for where each comes from), and files the tests build themselves.

use std::io::Write;
use std::path::Path;

pub(crate) fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/activities")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// A zip of `(name, bytes)` entries, deflated.
pub(crate) fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        if name.ends_with('/') {
            w.add_directory(*name, opts).unwrap();
        } else {
            w.start_file(*name, opts).unwrap();
            w.write_all(bytes).unwrap();
        }
    }
    w.finish().unwrap().into_inner()
}

/// A small GPX run: `n` points 10 s and ~33 m apart, heart rate rising from 120.
pub(crate) fn gpx_run(name: &str, start: &str, n: usize) -> String {
    let t0 = chrono::DateTime::parse_from_rfc3339(start).unwrap();
    let mut pts = String::new();
    for i in 0..n {
        let t = (t0 + chrono::Duration::seconds(10 * i as i64)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        pts.push_str(&format!(
            "<trkpt lat=\"{:.6}\" lon=\"-0.1\"><ele>10</ele><time>{t}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>\n",
            51.5 + 0.0003 * i as f64,
            120 + i
        ));
    }
    format!(
        "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"><trk><name>{name}</name><type>running</type><trkseg>\n{pts}</trkseg></trk></gpx>\n"
    )
}

/// A small TCX run: one lap of `n` points 10 s and 30 m apart.
pub(crate) fn tcx_run(start: &str, n: usize) -> String {
    let t0 = chrono::DateTime::parse_from_rfc3339(start).unwrap();
    let mut pts = String::new();
    for i in 0..n {
        let t = (t0 + chrono::Duration::seconds(10 * i as i64)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        pts.push_str(&format!(
            "<Trackpoint><Time>{t}</Time><DistanceMeters>{}</DistanceMeters><HeartRateBpm><Value>{}</Value></HeartRateBpm></Trackpoint>\n",
            30 * i,
            130 + i
        ));
    }
    let secs = 10 * n.saturating_sub(1);
    format!(
        "<?xml version=\"1.0\"?>\n<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities><Activity Sport=\"Running\"><Id>{start}</Id><Lap StartTime=\"{start}\"><TotalTimeSeconds>{secs}</TotalTimeSeconds><DistanceMeters>{}</DistanceMeters><Track>\n{pts}</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n",
        30 * n.saturating_sub(1)
    )
}

pub(crate) use super::samples::fit_run;
