//! activities.csv with the quirks of real exports: repeated column names in two units, the old
//! and the new column sets, short rows, US dates, quoted commas and line breaks.

use chrono::TimeZone;

use super::*;
use crate::import::model::Format;

/// The column set of exports from around 2018.
pub(crate) const OLD_CSV: &str = "\u{feff}Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Commute,Activity Gear,Filename
1788011357,\"Sep 12, 2018, 3:02:23 PM\",Lunch Run,Run,,2535,8.02,false,,activities/1788011357.gpx
1790000000,\"Sep 14, 2018, 6:00:00 AM\",Yoga,Yoga,\"Stretch, breathe\",3600,0.00,false,,
";

/// The newer, longer set: the second Elapsed Time and Distance in seconds and metres, a
/// workout type, and a row cut short.
pub(crate) const NEW_CSV: &str = "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Workout Type
9000000001,\"Apr 21, 2024, 9:30:05 AM\",Spring Marathon,Run,\"Negative split,
and a PB\",11005,\"42.36\",181,250,false,,Shoes,activities/9000000001.fit.gz,,,11005.0,10930.0,42364.7,5.1,3.87,120.0,1.0
9000000002,\"Apr 24, 2024, 6:10:00 PM\",Intervals,Run,,3100,10.1,170,80,false,,Shoes,activities/9000000002.tcx.gz,,,3100.0,2900.0,10105.2,6.0,3.4,40.0,3.0
9000000003,\"Apr 27, 2024, 7:00:00 AM\",Long one,Run,,7000,21.1,160,90,false,,Shoes,activities/9000000003.gpx,,,7000.0,6900.0,21100.0,4.0,3.0,80.0,2.0
9000000004,\"Apr 28, 2024, 8:00:00 AM\",Commute,Ride,,1800,9.0,,,true,,Bike,activities/9000000004.fit.gz,,,1800.0,1700.0
";

#[test]
fn the_old_column_set_reads_with_its_us_dates_and_km() {
    let rows = parse_csv(OLD_CSV.as_bytes()).unwrap();
    assert_eq!(rows.len(), 2);
    let r = &rows[0];
    assert_eq!(r.filename.as_deref(), Some("activities/1788011357.gpx"));
    assert_eq!(r.name.as_deref(), Some("Lunch Run"));
    assert_eq!(r.kind.as_deref(), Some("Run"));
    assert_eq!(
        r.start,
        Some(Utc.with_ymd_and_hms(2018, 9, 12, 15, 2, 23).unwrap()),
        "3:02:23 PM, UTC"
    );
    assert_eq!(r.elapsed_s, Some(2535));
    assert_eq!(r.distance_m, Some(8020.0), "the only Distance is km");
    assert_eq!(r.workout_type, None);
    let manual = &rows[1];
    assert_eq!(manual.filename, None, "entered by hand: no file");
    assert_eq!(manual.description.as_deref(), Some("Stretch, breathe"));
}

#[test]
fn the_new_column_set_takes_the_second_distance_in_metres_and_the_workout_type() {
    let rows = parse_csv(NEW_CSV.as_bytes()).unwrap();
    assert_eq!(rows.len(), 4);
    let m = &rows[0];
    assert_eq!(m.distance_m, Some(42364.7), "the second Distance, in metres");
    assert_eq!((m.elapsed_s, m.moving_s), (Some(11005), Some(10930)));
    assert_eq!(m.description.as_deref(), Some("Negative split,\nand a PB"));
    assert_eq!(m.start, Some(Utc.with_ymd_and_hms(2024, 4, 21, 9, 30, 5).unwrap()));
    let hints: Vec<RunHint> = rows.iter().map(|r| run_hint(r.workout_type)).collect();
    assert_eq!(
        hints,
        vec![RunHint::Race, RunHint::Workout, RunHint::LongRun, RunHint::None]
    );
    let short = &rows[3];
    assert_eq!(
        short.distance_m,
        Some(9000.0),
        "a row cut short falls back to the km column"
    );
    assert_eq!(short.filename.as_deref(), Some("activities/9000000004.fit.gz"));
}

#[test]
fn dates_in_other_locales_and_a_csv_that_is_not_strava_s() {
    let want = Some(Utc.with_ymd_and_hms(2018, 9, 12, 15, 2, 23).unwrap());
    assert_eq!(date("Sep 12, 2018, 3:02:23 PM"), want);
    assert_eq!(date("12 Sep 2018, 15:02:23"), want);
    assert_eq!(date("2018-09-12 15:02:23"), want);
    assert_eq!(
        date("Sep 2, 2018, 12:00:00 AM"),
        Some(Utc.with_ymd_and_hms(2018, 9, 2, 0, 0, 0).unwrap())
    );
    assert_eq!(date("tomorrow"), None);
    assert_eq!(parse_csv(b"a,b\n1,2\n"), None, "not Strava's");
    let odd = b"Activity ID,Activity Name,Filename\n1,Caf\xe9 run,activities/1.gpx\n";
    assert_eq!(
        parse_csv(odd).unwrap()[0].name.as_deref(),
        Some("Caf\u{fffd} run"),
        "a bad byte costs one character"
    );
}

#[test]
fn a_row_names_types_and_hints_the_activity_its_file_gave() {
    let rows = parse_csv(NEW_CSV.as_bytes()).unwrap();
    let mut a = vec![Activity {
        format: Format::Gpx,
        sport: Sport::Other,
        sub: RunHint::None,
        name: Some("Morning Run".into()),
        description: None,
        start: Utc.with_ymd_and_hms(2024, 4, 21, 9, 30, 5).unwrap(),
        utc_offset_s: None,
        moving_s: None,
        elapsed_s: Some(11_000),
        distance_m: Some(42_000.0),
        avg_hr: None,
        max_hr: None,
        ascent_m: None,
        cadence_spm: None,
        device: None,
        hr: Vec::new(),
    }];
    apply(&rows[0], &mut a);
    assert_eq!(a[0].name.as_deref(), Some("Spring Marathon"));
    assert_eq!((a[0].sport, a[0].sub), (Sport::Running, RunHint::Race));
    assert_eq!(a[0].elapsed_s, Some(11_000), "the file's own time wins");
    assert_eq!(a[0].moving_s, Some(10_930), "the row fills what the file lacks");
    apply(&rows[3], &mut a);
    assert_eq!(
        (a[0].sport, a[0].sub),
        (Sport::Cycling, RunHint::None),
        "workout types apply to runs only"
    );
}
