//! A track's points summed up as they stream past: GPX and TCX points, and FIT records when a file
//! has no session message. Positions are used here for distance and then forgotten; nothing that
//! leaves this file holds one.
//!
//! Choices a reader might not expect:
//! - Distance is the haversine sum between consecutive points of one segment (mean Earth radius
//!   6,371,008.8 m). A gap between two GPX segments is not bridged: the device was not recording,
//!   so the runner's way across it is unknown.
//! - Elevation gain counts a climb only once it is more than 3 m above the last low point
//!   (hysteresis), so the few metres of noise in GPS and barometric altitude do not add up over
//!   an hour; a climb loses at most its last 3 m.
//! - Moving time, for formats without a timer: the time between consecutive points counts unless
//!   the runner covered it at under 0.5 m/s (standing, or an auto-pause gap). With no positions, a
//!   gap over 30 s counts as a pause.
//! - Heart rate outside 20–250 bpm is a sensor dropout, not a reading, and is left out.

use chrono::{DateTime, Utc};

use super::model::HrSample;

const EARTH_RADIUS_M: f64 = 6_371_008.8;
const ASCENT_THRESHOLD_M: f64 = 3.0;
const STANDING_M_PER_S: f64 = 0.5;
const PAUSE_GAP_S: f64 = 30.0;
pub(super) const HR_MIN: u16 = 20;
pub(super) const HR_MAX: u16 = 250;

/// One point as a parser read it; every field may be missing.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Point {
    pub time: Option<DateTime<Utc>>,
    pub lat_lon: Option<(f64, f64)>,
    pub ele: Option<f64>,
    pub hr: Option<u16>,
    /// Raw cadence as recorded (strides or revolutions per minute).
    pub cad: Option<f64>,
    /// A cumulative distance the device recorded (TCX DistanceMeters, FIT distance).
    pub dist: Option<f64>,
}

/// What a track adds up to.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Summary {
    pub start: Option<DateTime<Utc>>,
    pub elapsed_s: Option<u32>,
    pub moving_s: Option<u32>,
    /// From the device's cumulative distance when it has one, else from positions.
    pub distance_m: Option<f64>,
    pub avg_hr: Option<u16>,
    pub max_hr: Option<u16>,
    pub ascent_m: Option<f64>,
    /// Mean of the non-zero raw cadence readings (zero is standing still).
    pub cadence: Option<f64>,
    pub hr: Vec<HrSample>,
    pub points: usize,
}

#[derive(Debug, Default)]
pub(super) struct Track {
    first: Option<DateTime<Utc>>,
    last: Option<DateTime<Utc>>,
    prev: Option<Point>,
    gps_m: f64,
    has_gps: bool,
    dist_min: Option<f64>,
    dist_max: Option<f64>,
    moving_s: f64,
    ascent: Ascent,
    hr: Vec<(DateTime<Utc>, u16)>,
    cad_sum: f64,
    cad_n: u32,
    points: usize,
}

impl Track {
    pub fn new() -> Self {
        Self::default()
    }

    /// The next point starts a new segment: no distance or moving time across the gap.
    pub fn break_segment(&mut self) {
        self.prev = None;
    }

    pub fn push(&mut self, p: Point) {
        self.points += 1;
        let p = Point {
            lat_lon: p.lat_lon.filter(|&(la, lo)| valid_position(la, lo)),
            ele: p.ele.filter(|e| e.is_finite() && (-500.0..=9_000.0).contains(e)),
            dist: p.dist.filter(|d| d.is_finite() && *d >= 0.0),
            cad: p.cad.filter(|c| c.is_finite() && *c > 0.0 && *c < 300.0),
            ..p
        };
        if let Some(t) = p.time {
            self.first = Some(self.first.map_or(t, |f| f.min(t)));
            self.last = Some(self.last.map_or(t, |l| l.max(t)));
            if let Some(bpm) = p.hr.filter(|b| (HR_MIN..=HR_MAX).contains(b)) {
                self.hr.push((t, bpm));
            }
        }
        if let Some(d) = p.dist {
            self.dist_min = Some(self.dist_min.map_or(d, |m| m.min(d)));
            self.dist_max = Some(self.dist_max.map_or(d, |m| m.max(d)));
        }
        if let Some(e) = p.ele {
            self.ascent.push(e);
        }
        if let Some(c) = p.cad {
            self.cad_sum += c;
            self.cad_n += 1;
        }
        if let Some(prev) = self.prev {
            let step = match (prev.lat_lon, p.lat_lon) {
                (Some(a), Some(b)) => Some(haversine_m(a, b)),
                _ => None,
            };
            if let Some(m) = step {
                self.gps_m += m;
                self.has_gps = true;
            }
            if let (Some(t0), Some(t1)) = (prev.time, p.time) {
                let dt = (t1 - t0).num_milliseconds() as f64 / 1000.0;
                let moving = match step {
                    Some(m) => m >= STANDING_M_PER_S * dt,
                    None => dt <= PAUSE_GAP_S,
                };
                if dt > 0.0 && moving {
                    self.moving_s += dt;
                }
            }
        }
        // Keep the last point that had a time or a position, so a bare point does not cut a step.
        if p.time.is_some() || p.lat_lon.is_some() {
            self.prev = Some(p);
        }
    }

    pub fn finish(mut self) -> Summary {
        let elapsed_s = match (self.first, self.last) {
            (Some(f), Some(l)) => u32::try_from((l - f).num_seconds()).ok(),
            _ => None,
        };
        let device_dist = match (self.dist_min, self.dist_max) {
            (Some(lo), Some(hi)) if hi > lo => Some(hi - lo),
            _ => None,
        };
        let distance_m = device_dist.or(self.has_gps.then_some(self.gps_m));
        let hr = match self.first {
            Some(start) => hr_samples(start, &mut self.hr),
            None => Vec::new(),
        };
        let avg_hr = (!hr.is_empty())
            .then(|| (hr.iter().map(|s| f64::from(s.bpm)).sum::<f64>() / hr.len() as f64).round() as u16);
        Summary {
            start: self.first,
            elapsed_s,
            moving_s: elapsed_s.map(|_| self.moving_s.round() as u32),
            distance_m,
            avg_hr,
            max_hr: hr.iter().map(|s| s.bpm).max(),
            ascent_m: self.ascent.total(),
            cadence: (self.cad_n > 0).then(|| self.cad_sum / f64::from(self.cad_n)),
            hr,
            points: self.points,
        }
    }
}

/// Readings as offsets from `start`, sorted, one per second (the last of a second wins).
pub(super) fn hr_samples(start: DateTime<Utc>, raw: &mut [(DateTime<Utc>, u16)]) -> Vec<HrSample> {
    raw.sort_by_key(|(t, _)| *t);
    let mut out: Vec<HrSample> = Vec::with_capacity(raw.len());
    for &(t, bpm) in raw.iter() {
        let Ok(offset_s) = u32::try_from((t - start).num_seconds()) else {
            continue;
        };
        match out.last_mut() {
            Some(last) if last.offset_s == offset_s => last.bpm = bpm,
            _ => out.push(HrSample { offset_s, bpm }),
        }
    }
    out
}

pub(super) fn valid_position(lat: f64, lon: f64) -> bool {
    lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0
}

/// Great-circle distance between two (lat, lon) points in degrees.
pub(super) fn haversine_m((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.sqrt().min(1.0).asin()
}

/// Elevation gain with a hysteresis of `ASCENT_THRESHOLD_M`.
#[derive(Debug, Default)]
pub(super) struct Ascent {
    low: Option<f64>,
    gain: f64,
    seen: bool,
}

impl Ascent {
    pub fn push(&mut self, ele: f64) {
        self.seen = true;
        match self.low {
            None => self.low = Some(ele),
            Some(low) if ele > low + ASCENT_THRESHOLD_M => {
                self.gain += ele - low;
                self.low = Some(ele);
            }
            Some(low) if ele < low => self.low = Some(ele),
            Some(_) => {}
        }
    }

    pub fn total(&self) -> Option<f64> {
        self.seen.then_some(self.gain)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(s: i64) -> Option<DateTime<Utc>> {
        Some(Utc.timestamp_opt(1_600_000_000 + s, 0).unwrap())
    }

    #[test]
    fn haversine_matches_a_known_distance() {
        // One degree of latitude is ~111.2 km on the mean sphere.
        let d = haversine_m((0.0, 0.0), (1.0, 0.0));
        assert!((d - 111_195.0).abs() < 5.0, "{d}");
        assert_eq!(haversine_m((51.5, -0.1), (51.5, -0.1)), 0.0);
    }

    #[test]
    fn ascent_ignores_noise_below_the_threshold_and_counts_real_climbs() {
        let mut a = Ascent::default();
        for e in [100.0, 102.0, 100.0, 102.5, 100.5, 101.0] {
            a.push(e);
        }
        assert_eq!(a.total(), Some(0.0), "jitter of 2.5 m is noise");
        let mut a = Ascent::default();
        for e in (0..=50).map(|i| 100.0 + f64::from(i)) {
            a.push(e);
        }
        let gain = a.total().unwrap();
        assert!(
            (47.0..=50.0).contains(&gain),
            "a 50 m climb counts, less at most 3 m: {gain}"
        );
        assert_eq!(Ascent::default().total(), None);
    }

    #[test]
    fn a_track_sums_distance_time_and_heart_rate_and_keeps_no_position() {
        let mut t = Track::new();
        for i in 0..=10 {
            t.push(Point {
                time: at(i * 10),
                // ~33 m north every 10 s: moving.
                lat_lon: Some((51.0 + f64::from(i as i32) * 0.0003, 0.0)),
                hr: Some(140 + i as u16),
                cad: Some(85.0),
                ..Point::default()
            });
        }
        let s = t.finish();
        assert_eq!(s.elapsed_s, Some(100));
        assert_eq!(s.moving_s, Some(100));
        let d = s.distance_m.unwrap();
        assert!((d - 333.6).abs() < 1.0, "{d}");
        assert_eq!(s.hr.len(), 11);
        assert_eq!(
            s.hr[10],
            HrSample {
                offset_s: 100,
                bpm: 150
            }
        );
        assert_eq!((s.avg_hr, s.max_hr), (Some(145), Some(150)));
        assert_eq!(s.cadence, Some(85.0));
    }

    #[test]
    fn standing_still_and_segment_gaps_are_not_moving_or_distance() {
        let mut t = Track::new();
        t.push(Point {
            time: at(0),
            lat_lon: Some((51.0, 0.0)),
            ..Point::default()
        });
        t.push(Point {
            time: at(10),
            lat_lon: Some((51.0003, 0.0)),
            ..Point::default()
        });
        // Five minutes at a café, then a new segment far away.
        t.push(Point {
            time: at(310),
            lat_lon: Some((51.0003, 0.00001)),
            ..Point::default()
        });
        t.break_segment();
        t.push(Point {
            time: at(400),
            lat_lon: Some((52.0, 0.0)),
            ..Point::default()
        });
        let s = t.finish();
        assert_eq!(s.elapsed_s, Some(400));
        assert_eq!(s.moving_s, Some(10));
        assert!(s.distance_m.unwrap() < 40.0);
    }

    #[test]
    fn device_distance_wins_over_positions_and_bad_values_are_dropped() {
        let mut t = Track::new();
        t.push(Point {
            time: at(0),
            dist: Some(0.0),
            hr: Some(0),
            lat_lon: Some((91.0, 0.0)),
            ..Point::default()
        });
        t.push(Point {
            time: at(60),
            dist: Some(250.0),
            hr: Some(255),
            ele: Some(f64::NAN),
            ..Point::default()
        });
        let s = t.finish();
        assert_eq!(s.distance_m, Some(250.0));
        assert!(s.hr.is_empty());
        assert_eq!(s.ascent_m, None);
    }

    #[test]
    fn heart_rate_samples_are_sorted_and_one_per_second() {
        let base = at(0).unwrap();
        let mut raw = vec![(at(5).unwrap(), 150), (base, 120), (at(5).unwrap(), 151)];
        let s = hr_samples(base, &mut raw);
        assert_eq!(
            s,
            vec![HrSample { offset_s: 0, bpm: 120 }, HrSample { offset_s: 5, bpm: 151 }]
        );
    }
}
