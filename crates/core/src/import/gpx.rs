//! GPX 1.0 and 1.1: the track points of every `<trk>` in the file, as one activity.
//!
//! - Heart rate and cadence come from Garmin's TrackPointExtension (`hr`, `cad`) or the older
//!   `heartrate`/`cadence` names other apps use, under any prefix, anywhere in a point's
//!   `<extensions>`.
//! - GPX records no timer, no distance and no totals: distance, moving time and elevation gain
//!   are worked out from the points (see `track` for how).
//! - Route points (`<rte>`) and waypoints have no times: a file holding only those is a planned
//!   route, not a recording, and gives no activity.
//! - GPX 1.0 puts `<name>` and `<time>` on the root; 1.1 puts them in `<metadata>`. A track's own
//!   name and description win over both.

use super::model::{Activity, Fail, Format, RunHint, Sport};
use super::sport;
use super::track::{Point, Track};
use super::xml::{self, Node};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    Root,
    Metadata,
    Trk,
    Trkpt,
    Extensions,
    Other,
}

pub(super) fn parse(text: &str) -> Result<Vec<Activity>, Fail> {
    let mut stack: Vec<Tag> = Vec::with_capacity(8);
    let mut track = Track::new();
    let mut point: Option<Point> = None;
    let mut device = None;
    let (mut trk_name, mut doc_name, mut trk_desc, mut doc_desc, mut kind) = (None, None, None, None, None);
    let mut trkpts = 0usize;

    xml::walk(text, |node| match node {
        Node::Open(name, start) => {
            let parent = stack.last().copied();
            let tag = match (parent, name) {
                (None, "gpx") => {
                    device = start.attr("creator").filter(|c| !c.trim().is_empty());
                    Tag::Root
                }
                (Some(Tag::Root), "metadata") => Tag::Metadata,
                (Some(Tag::Root), "trk") => {
                    track.break_segment();
                    Tag::Trk
                }
                (Some(Tag::Other), "trkpt") => {
                    let lat = start.attr("lat").as_deref().and_then(xml::number);
                    let lon = start.attr("lon").as_deref().and_then(xml::number);
                    point = Some(Point {
                        lat_lon: lat.zip(lon),
                        ..Point::default()
                    });
                    Tag::Trkpt
                }
                (Some(Tag::Trkpt | Tag::Extensions), "extensions") => Tag::Extensions,
                (Some(Tag::Extensions), _) => Tag::Extensions,
                _ => Tag::Other,
            };
            stack.push(tag);
        }
        Node::Close(name, text) => {
            let here = stack.pop();
            let parent = stack.last().copied();
            let set = |slot: &mut Option<String>| {
                if slot.is_none() && !text.is_empty() {
                    *slot = Some(text.to_owned());
                }
            };
            match (here, parent, name) {
                (Some(Tag::Trkpt), _, _) => {
                    if let Some(p) = point.take() {
                        trkpts += 1;
                        track.push(p);
                    }
                }
                (Some(Tag::Other), Some(Tag::Trk), "trkseg") => track.break_segment(),
                (Some(Tag::Other), Some(Tag::Trk), "name") => set(&mut trk_name),
                (Some(Tag::Other), Some(Tag::Trk), "desc") => set(&mut trk_desc),
                (Some(Tag::Other), Some(Tag::Trk), "type") => set(&mut kind),
                (Some(Tag::Other), Some(Tag::Metadata | Tag::Root), "name") => set(&mut doc_name),
                (Some(Tag::Other), Some(Tag::Metadata | Tag::Root), "desc") => set(&mut doc_desc),
                (Some(Tag::Other), Some(Tag::Trkpt), _) => {
                    if let Some(p) = point.as_mut() {
                        match name {
                            "ele" => p.ele = xml::number(text),
                            "time" => p.time = xml::instant(text),
                            _ => {}
                        }
                    }
                }
                (Some(Tag::Extensions), _, _) => {
                    if let Some(p) = point.as_mut() {
                        match name {
                            "hr" | "heartrate" => p.hr = xml::number(text).map(|v| v.round().clamp(0.0, 999.0) as u16),
                            "cad" | "cadence" => p.cad = xml::number(text),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    })
    .map_err(Fail::Corrupt)?;

    let s = track.finish();
    let Some(start) = s.start else {
        return Err(Fail::Empty(if trkpts == 0 {
            "no track points (a planned route or a list of places, not a recording)".into()
        } else {
            "track points with no times".into()
        }));
    };
    let sport = kind.as_deref().map_or(Sport::Other, sport::from_name);
    Ok(vec![Activity {
        format: Format::Gpx,
        sport,
        sub: RunHint::None,
        name: trk_name.or(doc_name),
        description: trk_desc.or(doc_desc),
        start,
        utc_offset_s: None,
        moving_s: s.moving_s,
        elapsed_s: s.elapsed_s,
        distance_m: s.distance_m,
        avg_hr: s.avg_hr,
        max_hr: s.max_hr,
        ascent_m: s.ascent_m,
        cadence_spm: s.cadence.filter(|_| sport.on_foot()).map(|c| c * 2.0),
        device,
        hr: s.hr,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    const GPX11: &str = r#"
<?xml version="1.0" encoding="UTF-8"?>
<gpx creator="StravaGPX iPhone" version="1.1" xmlns="http://www.topografix.com/GPX/1/1"
     xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
 <metadata><time>2018-09-12T15:02:23Z</time></metadata>
 <trk>
  <name>Morning Run</name>
  <type>running</type>
  <trkseg>
   <trkpt lat="51.5000" lon="-0.1000"><ele>10.0</ele><time>2018-09-12T15:02:23Z</time>
    <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr><gpxtpx:cad>80</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>
   </trkpt>
   <trkpt lat="51.5009" lon="-0.1000"><ele>20.0</ele><time>2018-09-12T15:02:53Z</time>
    <extensions><ns3:TrackPointExtension xmlns:ns3="x"><ns3:hr>150</ns3:hr><ns3:cad>90</ns3:cad></ns3:TrackPointExtension></extensions>
   </trkpt>
  </trkseg>
 </trk>
</gpx>"#;

    #[test]
    fn gpx_1_1_with_garmin_extensions_under_any_prefix() {
        let a = &parse(&xml::text(GPX11.as_bytes())).unwrap()[0];
        assert_eq!(a.format, Format::Gpx);
        assert_eq!(a.sport, Sport::Running);
        assert_eq!(a.name.as_deref(), Some("Morning Run"));
        assert_eq!(a.device.as_deref(), Some("StravaGPX iPhone"));
        assert_eq!(a.start.to_rfc3339(), "2018-09-12T15:02:23+00:00");
        assert_eq!(a.elapsed_s, Some(30));
        assert_eq!(a.moving_s, Some(30));
        let d = a.distance_m.unwrap();
        assert!((d - 100.1).abs() < 0.5, "{d}");
        assert_eq!((a.avg_hr, a.max_hr), (Some(135), Some(150)));
        assert_eq!(a.hr.len(), 2);
        assert_eq!(a.cadence_spm, Some(170.0), "strides doubled to steps");
        assert_eq!(a.ascent_m, Some(10.0));
        assert_eq!(a.utc_offset_s, None);
    }

    #[test]
    fn gpx_1_0_with_names_on_the_root_and_no_type() {
        let doc = r#"<?xml version="1.0"?>
<gpx version="1.0" creator="GPSBabel" xmlns="http://www.topografix.com/GPX/1/0">
<name>Old &amp; steady</name><time>2009-01-01T10:00:00Z</time>
<trk><trkseg>
<trkpt lat="40.0" lon="-105.0"><ele>1600</ele><time>2009-01-01T10:00:00Z</time><speed>3</speed></trkpt>
<trkpt lat="40.001" lon="-105.0"><ele>1601</ele><time>2009-01-01T10:00:40Z</time></trkpt>
</trkseg></trk></gpx>"#;
        let a = &parse(doc).unwrap()[0];
        assert_eq!(a.name.as_deref(), Some("Old & steady"));
        assert_eq!(a.sport, Sport::Other);
        assert_eq!(a.cadence_spm, None);
        assert_eq!(a.elapsed_s, Some(40));
        assert_eq!(a.ascent_m, Some(0.0), "a 1 m rise is under the noise threshold");
    }

    #[test]
    fn a_route_or_untimed_track_is_empty_and_broken_xml_is_corrupt() {
        let route = r#"<gpx version="1.1"><rte><rtept lat="1" lon="1"/></rte></gpx>"#;
        assert!(matches!(parse(route), Err(Fail::Empty(m)) if m.contains("route")));
        let untimed = r#"<gpx version="1.1"><trk><trkseg><trkpt lat="1" lon="1"/></trkseg></trk></gpx>"#;
        assert!(matches!(parse(untimed), Err(Fail::Empty(m)) if m.contains("no times")));
        let cut = &GPX11[..GPX11.len() / 2];
        assert!(matches!(parse(&xml::text(cut.as_bytes())), Err(Fail::Corrupt(_))));
    }

    #[test]
    fn cycling_cadence_is_not_steps() {
        let doc = GPX11.replace("<type>running</type>", "<type>1</type>");
        let a = &parse(&xml::text(doc.as_bytes())).unwrap()[0];
        assert_eq!(a.sport, Sport::Cycling);
        assert_eq!(a.cadence_spm, None);
    }
}
