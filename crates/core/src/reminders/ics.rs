//! Calendar export (RFC 5545), so reminders reach the runner even when Aftermile is not running.
//! Each reminder is a 15-minute event at the time it would fire, with a display alarm at its
//! start. Times are written in UTC, which every calendar app reads; lines are CRLF-terminated and
//! folded at 75 octets, and text is escaped as §3.3.11 requires.

use chrono::{DateTime, Utc};

use super::model::Reminder;
use crate::recovery::ReminderKind;

pub fn export(reminders: &[Reminder], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Aftermile//Recovery reminders//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push(&mut out, line);
    }
    for r in reminders {
        let start = r.fires_at.unwrap_or(r.due_utc).format("%Y%m%dT%H%M%SZ");
        push(&mut out, "BEGIN:VEVENT");
        push(&mut out, &format!("UID:{}@aftermile", r.id));
        push(&mut out, &format!("DTSTAMP:{stamp}"));
        push(&mut out, &format!("DTSTART:{start}"));
        push(&mut out, "DURATION:PT15M");
        push(
            &mut out,
            &format!("SUMMARY:{}", escape(&format!("Aftermile: {}", title(r.kind)))),
        );
        push(&mut out, &format!("DESCRIPTION:{}", escape(&r.text)));
        push(&mut out, &format!("CATEGORIES:{}", escape(r.kind.as_str())));
        push(&mut out, "TRANSP:TRANSPARENT");
        push(&mut out, "BEGIN:VALARM");
        push(&mut out, "ACTION:DISPLAY");
        push(&mut out, &format!("DESCRIPTION:{}", escape(&r.text)));
        push(&mut out, "TRIGGER:PT0S");
        push(&mut out, "END:VALARM");
        push(&mut out, "END:VEVENT");
    }
    push(&mut out, "END:VCALENDAR");
    out
}

pub fn title(kind: ReminderKind) -> &'static str {
    match kind {
        ReminderKind::Checkin => "Soreness check-in",
        ReminderKind::BookMassage => "Book a sports massage",
        ReminderKind::MassageWindow => "Massage window",
        ReminderKind::EasyDays => "Easy days",
        ReminderKind::ReturnToHard => "Hard sessions can return",
        ReminderKind::PreRace => "Before the race",
        ReminderKind::AfterDeep => "After deep tissue",
        ReminderKind::Manual => "Reminder",
    }
}

/// TEXT escaping: backslash, semicolon, comma and newlines.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets, never inside a UTF-8 character.
fn push(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_long_lines_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        push(&mut out, &format!("DESCRIPTION:{}", "é".repeat(100)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("DESCRIPTION:{}\r\n", "é".repeat(100)));
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
