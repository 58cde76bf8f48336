//! What an activity becomes: its measured values (implausible readings dropped), its zone, its
//! kind and details, its notes.

use super::*;

/// The distance, if the log can hold it.
pub(super) fn distance(a: &Activity) -> Option<f64> {
    a.distance_m
        .filter(|d| d.is_finite() && *d > 0.0 && *d <= DISTANCE_MAX_M)
}

/// `text` cut to at most `max` characters, on a character boundary.
pub(super) fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

pub(super) fn format_of(f: Format) -> SourceFormat {
    match f {
        Format::Fit => SourceFormat::Fit,
        Format::Tcx => SourceFormat::Tcx,
        Format::Gpx => SourceFormat::Gpx,
    }
}

/// What the file measured, with what no body or watch can produce (a heart rate of 300 from a
/// strap losing contact, a negative climb) left out rather than losing the run over it.
pub(super) fn measured(a: &Activity, name: &str, sha: &str, s: &Settings) -> Measured {
    let heart = s.profile.heart();
    let samples: Vec<(u32, u16)> =
        a.hr.iter()
            .filter(|h| HR_RANGE.contains(&i32::from(h.bpm)))
            .map(|h| (h.offset_s, h.bpm))
            .collect();
    let secs = |v: Option<u32>| {
        v.and_then(|s| i32::try_from(s).ok())
            .filter(|s| (1..=DURATION_MAX_S).contains(s))
    };
    let bpm = |v: Option<u16>| v.map(i32::from).filter(|h| HR_RANGE.contains(h));
    let (moving_s, elapsed_s, avg_hr) = (secs(a.moving_s), secs(a.elapsed_s), bpm(a.avg_hr));
    // Samples when the file has them; a file with only an average gets the steady-state figure
    // for its moving time, which is how Banister first defined it.
    let trimp = if samples.len() > 1 {
        Some(trimp::from_samples(&samples, &heart))
    } else {
        avg_hr
            .zip(moving_s.or(elapsed_s))
            .map(|(bpm, secs)| heart.steady(f64::from(secs) / 60.0, f64::from(bpm)))
    };
    Measured {
        moving_s,
        elapsed_s,
        avg_hr,
        max_hr: bpm(a.max_hr),
        ascent_m: a.ascent_m.filter(|v| v.is_finite() && (0.0..=20_000.0).contains(v)),
        cadence_spm: a.cadence_spm.filter(|v| v.is_finite() && *v > 0.0 && *v < 400.0),
        trimp: trimp.filter(|t| t.is_finite() && *t >= 0.0),
        device: a
            .device
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| clip(d, SHORT_TEXT_MAX)),
        source: Some(SourceFile {
            format: format_of(a.format),
            name: clip(name, SHORT_TEXT_MAX),
            sha256: sha.to_owned(),
        }),
        zone_from_file: false,
    }
}

/// The zone a session is logged in, and whether it came from the file. A FIT file records the
/// local time, so its offset from UTC says where the runner was: the zone in Settings when that
/// agrees (the usual case), else a zone with that offset at that moment, so the run shows at the
/// hour the runner ran it (a race abroad). Whole hours get the fixed `Etc/GMT±N` zones (whose
/// sign runs backwards, by POSIX convention); other offsets (India's +5:30) the first zone that
/// has it then. GPX and TCX carry no local time: they get the zone in Settings.
pub(super) fn zone_for(a: &Activity, fallback: Tz) -> (Tz, bool) {
    let Some(offset) = a.utc_offset_s else {
        return (fallback, false);
    };
    let offset_at = |tz: Tz| a.start.with_timezone(&tz).offset().fix().local_minus_utc();
    if offset_at(fallback) == offset {
        return (fallback, true);
    }
    let fixed = (offset % 3600 == 0 && (-12..=14).contains(&(offset / 3600))).then(|| {
        let hours = offset / 3600;
        if hours == 0 {
            "Etc/UTC".to_owned()
        } else {
            format!("Etc/GMT{}{}", if hours > 0 { "-" } else { "+" }, hours.abs())
        }
    });
    let found = fixed.and_then(|name| name.parse::<Tz>().ok()).or_else(|| {
        chrono_tz::TZ_VARIANTS
            .iter()
            .copied()
            .find(|tz| offset_at(*tz) == offset)
    });
    match found {
        Some(tz) => (tz, true),
        None => (fallback, false),
    }
}

pub(super) fn sport_label(s: Sport) -> &'static str {
    match s {
        Sport::Cycling => "Ride",
        Sport::Swimming => "Swim",
        Sport::Rowing => "Row",
        Sport::Strength => "Strength session",
        Sport::Walking => "Walk",
        Sport::Hiking => "Hike",
        Sport::Other => "Cross-training",
    }
}

pub(super) fn sport_of(s: FileSport) -> Option<Sport> {
    match s {
        FileSport::Running => None,
        FileSport::Cycling => Some(Sport::Cycling),
        FileSport::Swimming => Some(Sport::Swimming),
        FileSport::Rowing => Some(Sport::Rowing),
        FileSport::Strength => Some(Sport::Strength),
        FileSport::Walking => Some(Sport::Walking),
        FileSport::Hiking => Some(Sport::Hiking),
        FileSport::Other => Some(Sport::Other),
    }
}

/// The race distance closest to `metres` when within 3% of it (a GPS distance is seldom exact).
pub(super) fn race_distance(metres: Option<f64>) -> RaceDistance {
    let Some(m) = metres else { return RaceDistance::Custom };
    [
        RaceDistance::FiveK,
        RaceDistance::TenK,
        RaceDistance::Half,
        RaceDistance::Marathon,
    ]
    .into_iter()
    .find(|d| d.metres().is_some_and(|std| (m - std).abs() / std <= 0.03))
    .unwrap_or(RaceDistance::Custom)
}

/// The notes of a new entry: the activity's name (a race's goes into its race name instead) and
/// its description, as Strava or the watch has them.
pub(super) fn notes_of(a: &Activity) -> String {
    let trimmed = |t: &Option<String>| t.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
    let name = trimmed(&a.name).filter(|_| a.sub != RunHint::Race || sport_of(a.sport).is_some());
    let parts: Vec<String> = [name, trimmed(&a.description)].into_iter().flatten().collect();
    clip(&parts.join("\n"), SESSION_NOTES_MAX)
}

pub(super) fn details(a: &Activity, m: &Measured, s: &Settings) -> SessionDetails {
    if let Some(sport) = sport_of(a.sport) {
        return SessionDetails::CrossTraining(CrossTrainingDetails { sport });
    }
    let long = m
        .moving_s
        .or(m.elapsed_s)
        .is_some_and(|secs| i64::from(secs) >= i64::from(s.import.long_run_minutes) * 60);
    match a.sub {
        RunHint::Race => SessionDetails::Race(RaceDetails {
            name: a
                .name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map_or_else(|| "Race".into(), |n| clip(n, SHORT_TEXT_MAX)),
            distance: race_distance(a.distance_m),
            status: RaceStatus::Done,
            finish_time_s: m.elapsed_s.or(m.moving_s),
        }),
        RunHint::Workout => SessionDetails::Workout,
        RunHint::LongRun => SessionDetails::LongRun,
        RunHint::None if long => SessionDetails::LongRun,
        RunHint::None => SessionDetails::EasyRun,
    }
}
