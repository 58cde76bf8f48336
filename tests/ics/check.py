"""Parses the exported .ics with the `icalendar` package (a real RFC 5545 parser) and checks that
every reminder kind is there as an event a calendar app can import: a UID, a start in UTC, a
summary, the reminder text as description and a display alarm."""
import sys

from icalendar import Calendar

KINDS = {"checkin", "book_massage", "massage_window", "easy_days", "return_to_hard", "pre_race", "after_deep", "manual"}

path = sys.argv[1]
with open(path, "rb") as f:
    raw = f.read()
cal = Calendar.from_ical(raw)
assert cal.get("VERSION") == "2.0", cal.get("VERSION")
assert str(cal.get("PRODID")).startswith("-//Aftermile//"), cal.get("PRODID")
events = cal.walk("VEVENT")
assert events, "no events"
seen = set()
uids = set()
for ev in events:
    uid = str(ev.get("UID"))
    assert uid.endswith("@aftermile") and uid not in uids, uid
    uids.add(uid)
    start = ev.decoded("DTSTART")
    assert start.tzinfo is not None and start.utcoffset().total_seconds() == 0, start
    assert str(ev.get("SUMMARY")).startswith("Aftermile: "), ev.get("SUMMARY")
    assert str(ev.get("DESCRIPTION")).strip(), "empty description"
    alarms = ev.walk("VALARM")
    assert len(alarms) == 1 and str(alarms[0].get("ACTION")) == "DISPLAY", alarms
    seen.add(str(ev.get("CATEGORIES").cats[0]))
missing = KINDS - seen
assert not missing, f"kinds missing from the export: {missing}"
manual = [ev for ev in events if str(ev.get("CATEGORIES").cats[0]) == "manual"][0]
# Escaped text (semicolon, comma, backslash, newline) comes back exactly as written.
assert str(manual.get("DESCRIPTION")) == "Foam roll, then stretch\\rest; line two\nends here", repr(manual.get("DESCRIPTION"))
race = [ev for ev in events if "Riverside Half" in str(ev.get("DESCRIPTION"))]
assert any('"fast", flat' in str(ev.get("DESCRIPTION")) for ev in race), "quotes and commas survive"
for line in raw.split(b"\r\n"):
    assert len(line) <= 75, f"unfolded line of {len(line)} octets"
print(f"ics-check: {len(events)} events, every kind present, parsed by icalendar: ok")
