//! TCX (Garmin's Training Center XML): one activity per `<Activity>`, on quick-xml. The `tcx`
//! crate is unmaintained, and the format needs only a few elements.
//!
//! - The laps are the device's own totals: timer time (`TotalTimeSeconds`, pauses excluded),
//!   distance, average heart rate (weighted by each lap's time) and the highest maximum. The
//!   track points give the heart-rate samples, elevation gain and cadence, and stand in for any
//!   total a lap leaves out.
//! - Running cadence is Garmin's `RunCadence` extension (strides per minute, doubled to steps);
//!   a point's plain `<Cadence>` is the fallback some exporters use for runs too.
//! - A file holding only `<Courses>` is a planned route and gives no activity.

use chrono::{DateTime, Duration, Utc};

use super::model::{Activity, Fail, Format, RunHint, Sport};
use super::sport;
use super::track::{Point, Track, HR_MAX, HR_MIN};
use super::xml::{self, Node};

#[derive(Default)]
struct Lap {
    start: Option<DateTime<Utc>>,
    time_s: Option<f64>,
    dist_m: Option<f64>,
    avg_hr: Option<f64>,
    max_hr: Option<f64>,
    cadence: Option<f64>,
}

#[derive(Default)]
struct Act {
    sport: Option<String>,
    id: Option<DateTime<Utc>>,
    notes: Option<String>,
    creator: Option<String>,
    laps: Vec<Lap>,
    track: Track,
    /// Per point: `RunCadence` and `Cadence`, kept apart until the point closes.
    run_cad: Option<f64>,
    cad: Option<f64>,
}

pub(super) fn parse(text: &str) -> Result<Vec<Activity>, Fail> {
    let mut stack: Vec<String> = Vec::with_capacity(12);
    let mut done: Vec<Act> = Vec::new();
    let mut act: Option<Act> = None;
    let mut point: Option<Point> = None;
    let mut courses = false;

    xml::walk(text, |node| match node {
        Node::Open(name, start) => {
            match name {
                "Activity" => {
                    act = Some(Act {
                        sport: start.attr("Sport"),
                        ..Act::default()
                    })
                }
                "Lap" => {
                    if let Some(a) = act.as_mut() {
                        a.laps.push(Lap {
                            start: start.attr("StartTime").as_deref().and_then(xml::instant),
                            ..Lap::default()
                        });
                    }
                }
                "Track" => {
                    if let Some(a) = act.as_mut() {
                        a.track.break_segment();
                    }
                }
                "Trackpoint" => point = Some(Point::default()),
                "Course" => courses = true,
                _ => {}
            }
            stack.push(name.to_owned());
        }
        Node::Close(name, text) => {
            stack.pop();
            let parent = stack.last().map(String::as_str).unwrap_or("");
            let grand = stack.len().checked_sub(2).map_or("", |i| stack[i].as_str());
            let Some(a) = act.as_mut() else { return };
            let num = || xml::number(text);
            match (grand, parent, name) {
                (_, _, "Activity") => done.extend(act.take()),
                (_, _, "Trackpoint") => {
                    if let Some(mut p) = point.take() {
                        p.cad = a.run_cad.take().or(a.cad.take());
                        a.track.push(p);
                    }
                }
                (_, "Activity", "Id") => a.id = xml::instant(text),
                (_, "Activity", "Notes") if !text.is_empty() => a.notes = Some(text.to_owned()),
                ("Activity", "Creator", "Name") if !text.is_empty() => a.creator = Some(text.to_owned()),
                (_, "Trackpoint", _) | ("Trackpoint", _, _) | (_, "TPX", _) => {
                    if let Some(p) = point.as_mut() {
                        match (parent, name) {
                            ("Trackpoint", "Time") => p.time = xml::instant(text),
                            ("Trackpoint", "AltitudeMeters") => p.ele = num(),
                            ("Trackpoint", "DistanceMeters") => p.dist = num(),
                            ("Trackpoint", "Cadence") => a.cad = num(),
                            ("HeartRateBpm", "Value") => p.hr = num().map(|v| v.round().clamp(0.0, 999.0) as u16),
                            ("Position", "LatitudeDegrees") => {
                                p.lat_lon = num().map(|la| (la, p.lat_lon.map_or(f64::NAN, |l| l.1)))
                            }
                            ("Position", "LongitudeDegrees") => {
                                p.lat_lon = num().map(|lo| (p.lat_lon.map_or(f64::NAN, |l| l.0), lo))
                            }
                            ("TPX", "RunCadence") => a.run_cad = num(),
                            _ => {}
                        }
                    }
                }
                (_, "Lap", _) | ("Lap", _, _) | (_, "LX", _) => {
                    if let Some(lap) = a.laps.last_mut() {
                        match (parent, name) {
                            ("Lap", "TotalTimeSeconds") => lap.time_s = num(),
                            ("Lap", "DistanceMeters") => lap.dist_m = num(),
                            ("Lap", "Cadence") => lap.cadence = lap.cadence.or(num()),
                            ("AverageHeartRateBpm", "Value") => lap.avg_hr = num(),
                            ("MaximumHeartRateBpm", "Value") => lap.max_hr = num(),
                            ("LX", "AvgRunCadence") => lap.cadence = num(),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    })
    .map_err(Fail::Corrupt)?;

    let out: Vec<Activity> = done.into_iter().filter_map(summarise).collect();
    if out.is_empty() {
        return Err(Fail::Empty(if courses {
            "only a course (a planned route, not a recording)".into()
        } else {
            "no activity with a start time".into()
        }));
    }
    Ok(out)
}

fn summarise(a: Act) -> Option<Activity> {
    let s = a.track.finish();
    let start = a.id.or(a.laps.first().and_then(|l| l.start)).or(s.start)?;
    let sport = a.sport.as_deref().map_or(Sport::Other, sport::from_name);

    let timed: Vec<&Lap> = a.laps.iter().filter(|l| l.time_s.is_some_and(|t| t >= 0.0)).collect();
    let lap_time: f64 = timed.iter().filter_map(|l| l.time_s).sum();
    let moving_s = (!timed.is_empty()).then(|| lap_time.round() as u32).or(s.moving_s);
    let lap_dist: Vec<f64> = a.laps.iter().filter_map(|l| l.dist_m.filter(|d| *d >= 0.0)).collect();
    let distance_m = (!lap_dist.is_empty()).then(|| lap_dist.iter().sum()).or(s.distance_m);

    let weighted = |f: fn(&Lap) -> Option<f64>| {
        let (sum, w) = timed
            .iter()
            .filter_map(|l| Some((f(l)?, l.time_s?)))
            .fold((0.0, 0.0), |(s, w), (v, t)| (s + v * t, w + t));
        (w > 0.0).then(|| sum / w)
    };
    let hr = |v: f64| {
        Some(v.round())
            .filter(|v| (f64::from(HR_MIN)..=f64::from(HR_MAX)).contains(v))
            .map(|v| v as u16)
    };
    let avg_hr = weighted(|l| l.avg_hr).and_then(hr).or(s.avg_hr);
    let max_hr = a
        .laps
        .iter()
        .filter_map(|l| l.max_hr)
        .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))));
    let max_hr = max_hr.and_then(hr).or(s.max_hr);
    let cadence = weighted(|l| l.cadence.filter(|c| *c > 0.0)).or(s.cadence);

    // Elapsed: to the last point, or to the end of the last lap when the laps have no points.
    let lap_end = a
        .laps
        .iter()
        .filter_map(|l| Some(l.start? + Duration::milliseconds((l.time_s? * 1000.0) as i64)))
        .max();
    let end = match (s.start, s.elapsed_s) {
        (Some(first), Some(e)) => Some(first + Duration::seconds(i64::from(e))),
        _ => lap_end,
    };
    let elapsed_s = end.and_then(|e| u32::try_from((e - start).num_seconds()).ok());
    if s.points == 0 && moving_s.is_none() && distance_m.is_none() {
        return None;
    }
    Some(Activity {
        format: Format::Tcx,
        sport,
        sub: RunHint::None,
        name: None,
        description: a.notes,
        start,
        utc_offset_s: None,
        moving_s,
        elapsed_s,
        distance_m,
        avg_hr,
        max_hr,
        ascent_m: s.ascent_m,
        cadence_spm: cadence.filter(|_| sport.on_foot()).map(|c| c * 2.0),
        device: a.creator,
        hr: s.hr,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) const TCX: &str = r#"          <?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
  xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
 <Activities>
  <Activity Sport="Running">
   <Id>2018-09-12T15:02:23Z</Id>
   <Lap StartTime="2018-09-12T15:02:23Z">
    <TotalTimeSeconds>60</TotalTimeSeconds><DistanceMeters>200</DistanceMeters>
    <AverageHeartRateBpm><Value>140</Value></AverageHeartRateBpm>
    <MaximumHeartRateBpm><Value>150</Value></MaximumHeartRateBpm>
    <Track>
     <Trackpoint><Time>2018-09-12T15:02:23Z</Time>
      <Position><LatitudeDegrees>51.5</LatitudeDegrees><LongitudeDegrees>-0.1</LongitudeDegrees></Position>
      <AltitudeMeters>10</AltitudeMeters><DistanceMeters>0</DistanceMeters>
      <HeartRateBpm><Value>130</Value></HeartRateBpm>
      <Extensions><ns3:TPX><ns3:RunCadence>80</ns3:RunCadence></ns3:TPX></Extensions>
     </Trackpoint>
     <Trackpoint><Time>2018-09-12T15:03:23Z</Time>
      <AltitudeMeters>15</AltitudeMeters><DistanceMeters>200</DistanceMeters>
      <HeartRateBpm><Value>150</Value></HeartRateBpm>
      <Extensions><ns3:TPX><ns3:RunCadence>90</ns3:RunCadence></ns3:TPX></Extensions>
     </Trackpoint>
    </Track>
   </Lap>
   <Lap StartTime="2018-09-12T15:05:23Z">
    <TotalTimeSeconds>120</TotalTimeSeconds><DistanceMeters>300</DistanceMeters>
    <AverageHeartRateBpm><Value>155</Value></AverageHeartRateBpm>
    <MaximumHeartRateBpm><Value>171</Value></MaximumHeartRateBpm>
    <Track>
     <Trackpoint><Time>2018-09-12T15:07:23Z</Time><DistanceMeters>500</DistanceMeters>
      <HeartRateBpm><Value>171</Value></HeartRateBpm></Trackpoint>
    </Track>
   </Lap>
   <Notes>Hill reps &lt;3</Notes>
   <Creator><Name>Forerunner 935</Name></Creator>
  </Activity>
 </Activities>
 <Author><Name>Garmin Connect API</Name></Author>
</TrainingCenterDatabase>"#;

    #[test]
    fn laps_give_the_totals_and_points_give_the_samples() {
        let a = &parse(&xml::text(TCX.as_bytes())).unwrap()[0];
        assert_eq!(a.format, Format::Tcx);
        assert_eq!(a.sport, Sport::Running);
        assert_eq!(a.start.to_rfc3339(), "2018-09-12T15:02:23+00:00");
        assert_eq!(a.moving_s, Some(180), "timer time, the 2-minute pause left out");
        assert_eq!(a.elapsed_s, Some(300));
        assert_eq!(a.distance_m, Some(500.0));
        assert_eq!(a.avg_hr, Some(150), "(140×60 + 155×120) / 180");
        assert_eq!(a.max_hr, Some(171));
        assert_eq!(
            a.hr.iter().map(|s| (s.offset_s, s.bpm)).collect::<Vec<_>>(),
            vec![(0, 130), (60, 150), (300, 171)]
        );
        assert_eq!(a.cadence_spm, Some(170.0));
        assert_eq!(a.ascent_m, Some(5.0));
        assert_eq!(a.description.as_deref(), Some("Hill reps <3"));
        assert_eq!(
            a.device.as_deref(),
            Some("Forerunner 935"),
            "the activity's creator, not the file's author"
        );
    }

    #[test]
    fn a_course_is_empty_and_a_cut_file_is_corrupt() {
        let course =
            r#"<TrainingCenterDatabase><Courses><Course><Name>Loop</Name></Course></Courses></TrainingCenterDatabase>"#;
        assert!(matches!(parse(course), Err(Fail::Empty(m)) if m.contains("course")));
        let cut = &TCX[..TCX.len() - 200];
        assert!(matches!(parse(&xml::text(cut.as_bytes())), Err(Fail::Corrupt(_))));
    }

    #[test]
    fn laps_without_points_still_give_an_activity() {
        let doc = r#"<TrainingCenterDatabase><Activities><Activity Sport="Biking"><Id>2020-01-01T08:00:00Z</Id>
            <Lap StartTime="2020-01-01T08:00:00Z"><TotalTimeSeconds>3600</TotalTimeSeconds><DistanceMeters>30000</DistanceMeters>
            <Cadence>85</Cadence></Lap></Activity></Activities></TrainingCenterDatabase>"#;
        let a = &parse(doc).unwrap()[0];
        assert_eq!(a.sport, Sport::Cycling);
        assert_eq!(
            (a.moving_s, a.elapsed_s, a.distance_m),
            (Some(3600), Some(3600), Some(30000.0))
        );
        assert_eq!(a.cadence_spm, None, "a bike's cadence is not steps");
        assert!(a.hr.is_empty());
    }
}
