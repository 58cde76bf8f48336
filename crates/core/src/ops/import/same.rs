//! Recognising the same activity (start, sport, duration and distance) and merging a second copy
//! into it: the richer source wins, a typed entry keeps what the runner typed.

use super::*;

/// FIT over TCX over GPX: how much a format carries.
pub(super) fn richness(f: SourceFormat) -> u8 {
    match f {
        SourceFormat::Fit => 3,
        SourceFormat::Tcx => 2,
        SourceFormat::Gpx => 1,
    }
}

pub(super) fn same_sport(existing: &Session, a: &Activity) -> bool {
    match (&existing.details, sport_of(a.sport)) {
        (SessionDetails::CrossTraining(c), Some(sport)) => c.sport == sport,
        (d, None) => d.kind().is_run(),
        _ => false,
    }
}

/// Within `SAME_SIZE` of each other, or not both known.
pub(super) fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) if a > 0.0 && b > 0.0 => (a - b).abs() / a.max(b) <= SAME_SIZE,
        _ => true,
    }
}

/// The durations are the same activity's: elapsed with elapsed and moving with moving for two
/// recordings; a typed duration may be either, so it matches when it is close to one of them.
pub(super) fn same_duration(existing: &Session, a: &Activity) -> bool {
    let f = |v: Option<i32>| v.map(f64::from);
    let g = |v: Option<u32>| v.map(f64::from);
    match existing.measured.as_ref().filter(|m| m.source.is_some()) {
        Some(m) => match (f(m.elapsed_s), g(a.elapsed_s)) {
            (Some(x), Some(y)) => close(Some(x), Some(y)),
            _ => close(f(m.moving_s), g(a.moving_s)),
        },
        None => {
            let typed = f(existing.duration_s);
            close(typed, g(a.moving_s)) || close(typed, g(a.elapsed_s))
        }
    }
}

/// The session this activity already is, if any: the closest start among those that match.
pub(super) fn find_same(tx: &rusqlite::Connection, a: &Activity) -> Result<Option<Session>> {
    let near = sessions::between(
        tx,
        &[],
        a.start - SAME_START,
        a.start + SAME_START + Duration::seconds(1),
        20,
    )?;
    Ok(near
        .into_iter()
        .filter(|s| same_sport(s, a) && same_duration(s, a) && close(s.distance_m, a.distance_m))
        .min_by_key(|s| (s.start_utc - a.start).num_seconds().abs()))
}

/// Brings what `a` measured into `existing`, as the module docs describe.
pub(super) fn merge_into(
    tx: &rusqlite::Connection,
    existing: &Session,
    a: &Activity,
    mut m: Measured,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<DuplicateOutcome> {
    let new_source = m.source.as_ref();
    let old_source = existing.measured.as_ref().and_then(|o| o.source.as_ref());
    let outcome = match (old_source, new_source) {
        // The same file again, or a copy no richer than what is there: nothing to do.
        (Some(old), Some(new)) if old.sha256 == new.sha256 || richness(old.format) >= richness(new.format) => {
            return Ok(DuplicateOutcome::Unchanged)
        }
        (Some(_), _) => DuplicateOutcome::Upgraded,
        (None, _) => DuplicateOutcome::Merged,
    };
    sessions::validate::measured(&m)?;
    let typed = outcome == DuplicateOutcome::Merged;
    // The zone and the word on where it came from must agree. A typed entry keeps the zone the
    // runner gave it; an upgrade takes the richer file's zone when that file records one, and
    // otherwise keeps the zone (and its origin) it had.
    let old_from_file = existing.measured.as_ref().is_some_and(|o| o.zone_from_file);
    let zone = match (typed, m.zone_from_file) {
        (true, from_file) => {
            m.zone_from_file = from_file && zone == existing.zone;
            existing.zone
        }
        (false, true) => zone,
        (false, false) => {
            m.zone_from_file = old_from_file;
            existing.zone
        }
    };
    let measured_secs = m.moving_s.or(m.elapsed_s);
    let measured_metres = distance(a);
    let v = Valid {
        start_utc: existing.start_utc,
        zone,
        // A typed entry keeps what the runner typed and the watch fills in what it lacks; an
        // upgrade takes the richer file's figures.
        duration_s: if typed {
            existing.duration_s.or(measured_secs)
        } else {
            measured_secs.or(existing.duration_s)
        },
        distance_m: if typed {
            existing.distance_m.or(measured_metres)
        } else {
            measured_metres.or(existing.distance_m)
        },
        rpe: existing.rpe,
        notes: existing.notes.clone(),
        details: existing.details.clone(),
        measured: Some(m),
    };
    sessions::upsert(
        tx,
        &SessionRow {
            id: &existing.id,
            valid: &v,
            created: existing.created_at,
            updated: now,
        },
    )?;
    plans::sync_session(tx, &existing.id, now)?;
    Ok(outcome)
}

/// "Easy run on Sat 12 Sep 2026, 07:02 (from a GPX file)".
pub(super) fn describe(s: &Session) -> String {
    let what = match &s.details {
        SessionDetails::CrossTraining(c) => sport_label(c.sport),
        d => d.kind().label(),
    };
    let when = time::wall_in(s.start_utc, s.zone).format("%a %-d %b %Y, %H:%M");
    match s.measured.as_ref().and_then(|m| m.source.as_ref()) {
        Some(src) => format!("{what} on {when} (from a {} file)", src.format.as_str().to_uppercase()),
        None => format!("{what} on {when} (typed in)"),
    }
}
