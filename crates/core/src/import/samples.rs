//! Activity files written here, byte by byte, for tests, the benchmark and the end-to-end suite:
//! a FIT run and the same run as GPX, of any length and zone. Built only for tests and with the
//! `samples` feature; the app never carries them.
//!
//! The two describe one track: a run heading north at 3.3 m/s with one point a second, heart
//! rate cycling 120–159 and altitude rolling by ±5 m. Read back, the FIT and the GPX give the same
//! start, duration and distance within the tolerances an import treats as one activity.

use chrono::{DateTime, Duration, SecondsFormat, Utc};

/// Metres a second along the track.
const SPEED: f64 = 3.3;

fn latitude(i: u32) -> f64 {
    51.5 + f64::from(i) * SPEED / 111_195.0
}

fn altitude(i: u32) -> f64 {
    50.0 + 5.0 * (f64::from(i) / 120.0).sin()
}

fn heart_rate(i: u32) -> u8 {
    120 + (i % 40) as u8
}

/// The run of `fit_run` as a GPX 1.1 track with Garmin's heart-rate extension, as Strava and
/// Garmin Connect export it (no local time: GPX carries none).
pub fn gpx_run(start: DateTime<Utc>, secs: u32) -> String {
    let mut out = String::with_capacity(200 * secs as usize + 400);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"Aftermile samples\" \
         xmlns=\"http://www.topografix.com/GPX/1/1\" \
         xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n\
         <trk><name>Sample run</name><type>running</type><trkseg>\n",
    );
    for i in 0..secs {
        let t = (start + Duration::seconds(i64::from(i))).to_rfc3339_opts(SecondsFormat::Secs, true);
        out.push_str(&format!(
            "<trkpt lat=\"{:.7}\" lon=\"-0.1000000\"><ele>{:.1}</ele><time>{t}</time><extensions>\
             <gpxtpx:TrackPointExtension><gpxtpx:hr>{}</gpxtpx:hr><gpxtpx:cad>85</gpxtpx:cad>\
             </gpxtpx:TrackPointExtension></extensions></trkpt>\n",
            latitude(i),
            altitude(i),
            heart_rate(i)
        ));
    }
    out.push_str("</trkseg></trk></gpx>\n");
    out
}

/// A FIT activity written here, byte by byte, to the FIT protocol: a run of `secs` one-second
/// records (heading north at 3.3 m/s, heart rate cycling 120–159, altitude rolling by ±5 m,
/// 85 strides a minute), one session and an activity whose local_timestamp is `offset_s` from
/// UTC. For tests that need a real file of a chosen length or zone; fitparser reads it back.
pub fn fit_run(start: DateTime<Utc>, secs: u32, offset_s: i64) -> Vec<u8> {
    const FIT_EPOCH: i64 = 631_065_600;
    let fit_time = |t: i64| u32::try_from(t - FIT_EPOCH).unwrap();
    let t0 = start.timestamp();
    let mut data = Vec::new();
    // Definitions: (local type, global message, [(field, size, base type)]).
    let define = |data: &mut Vec<u8>, local: u8, global: u16, fields: &[(u8, u8, u8)]| {
        data.extend([0x40 | local, 0, 0]);
        data.extend(global.to_le_bytes());
        data.push(fields.len() as u8);
        for f in fields {
            data.extend([f.0, f.1, f.2]);
        }
    };
    let (enum_, u8_, u16_, s32, u32_) = (0x00, 0x02, 0x84, 0x85, 0x86);
    define(
        &mut data,
        0,
        0,
        &[(0, 1, enum_), (1, 2, u16_), (2, 2, u16_), (4, 4, u32_)],
    );
    data.push(0);
    data.push(4); // type: activity
    data.extend(1u16.to_le_bytes()); // manufacturer: garmin
    data.extend(2691u16.to_le_bytes()); // garmin_product: fr935
    data.extend(fit_time(t0).to_le_bytes());

    define(
        &mut data,
        1,
        20,
        &[
            (253, 4, u32_),
            (0, 4, s32),
            (1, 4, s32),
            (2, 2, u16_),
            (3, 1, u8_),
            (4, 1, u8_),
            (5, 4, u32_),
        ],
    );
    let semi = |deg: f64| (deg * 2_147_483_648.0 / 180.0).round() as i32;
    for i in 0..secs {
        let lat = latitude(i);
        let alt = altitude(i);
        data.push(1);
        data.extend(fit_time(t0 + i64::from(i)).to_le_bytes());
        data.extend(semi(lat).to_le_bytes());
        data.extend(semi(-0.1).to_le_bytes());
        data.extend((((alt + 500.0) * 5.0).round() as u16).to_le_bytes());
        data.push(heart_rate(i));
        data.push(85);
        data.extend(((f64::from(i) * 330.0).round() as u32).to_le_bytes());
    }

    let end = t0 + i64::from(secs.saturating_sub(1));
    let elapsed_ms = secs.saturating_sub(1) * 1000;
    let distance_cm = (f64::from(secs.saturating_sub(1)) * 330.0).round() as u32;
    define(
        &mut data,
        2,
        18,
        &[
            (253, 4, u32_),
            (2, 4, u32_),
            (5, 1, enum_),
            (7, 4, u32_),
            (8, 4, u32_),
            (9, 4, u32_),
            (16, 1, u8_),
            (17, 1, u8_),
            (18, 1, u8_),
            (22, 2, u16_),
        ],
    );
    data.push(2);
    data.extend(fit_time(end).to_le_bytes());
    data.extend(fit_time(t0).to_le_bytes());
    data.push(1); // sport: running
    data.extend(elapsed_ms.to_le_bytes());
    data.extend(elapsed_ms.to_le_bytes());
    data.extend(distance_cm.to_le_bytes());
    data.push(140);
    data.push(159);
    data.push(85);
    data.extend(12u16.to_le_bytes());

    define(&mut data, 3, 34, &[(253, 4, u32_), (1, 2, u16_), (5, 4, u32_)]);
    data.push(3);
    data.extend(fit_time(end).to_le_bytes());
    data.extend(1u16.to_le_bytes());
    data.extend(fit_time(end + offset_s).to_le_bytes());

    let mut file = vec![14, 0x20];
    file.extend(2140u16.to_le_bytes());
    file.extend(u32::try_from(data.len()).unwrap().to_le_bytes());
    file.extend(b".FIT");
    let header_crc = fit_crc(&file);
    file.extend(header_crc.to_le_bytes());
    file.extend(data);
    let crc = fit_crc(&file);
    file.extend(crc.to_le_bytes());
    file
}

/// The FIT SDK's CRC-16.
fn fit_crc(bytes: &[u8]) -> u16 {
    const TABLE: [u16; 16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01,
        0x8801, 0x4400,
    ];
    bytes.iter().fold(0u16, |crc, &b| {
        let crc = (crc >> 4) ^ TABLE[(crc & 0xF) as usize] ^ TABLE[(b & 0xF) as usize];
        (crc >> 4) ^ TABLE[(crc & 0xF) as usize] ^ TABLE[(b >> 4) as usize]
    })
}
