//! The little of XML that GPX and TCX need, on quick-xml: element starts with their attributes,
//! and element ends with the text they held.
//!
//! - Names are matched by local name only, so `gpxtpx:hr`, `ns3:hr` and a default-namespace `hr`
//!   are the same element: exporters pick prefixes freely, and the namespace URIs of Garmin's
//!   extensions have changed over the years.
//! - Text is taken as UTF-8, with invalid bytes replaced: every GPX and TCX exporter seen writes
//!   UTF-8, and a stray byte in a name should not cost the run.
//! - A BOM and whitespace before `<?xml` are dropped: Strava's TCX files start with spaces, which
//!   XML forbids before the declaration.
//! - A document that ends with elements still open is truncated, and refused as such.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDateTime, Utc};
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// The document's text with a BOM and leading whitespace removed. UTF-16 (which some Windows
/// tools write) is known by its byte-order mark; everything else is read as UTF-8.
pub(super) fn text(bytes: &[u8]) -> Cow<'_, str> {
    let utf16 = |big: bool| {
        let units = bytes[2..].chunks_exact(2).map(|c| {
            if big {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        });
        let s: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        Cow::Owned(trim_front(&s).to_owned())
    };
    match bytes {
        [0xff, 0xfe, ..] => return utf16(false),
        [0xfe, 0xff, ..] => return utf16(true),
        _ => {}
    }
    match String::from_utf8_lossy(bytes) {
        Cow::Borrowed(s) => Cow::Borrowed(trim_front(s)),
        Cow::Owned(s) => Cow::Owned(trim_front(&s).to_owned()),
    }
}

fn trim_front(s: &str) -> &str {
    s.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace())
}

/// An element's start, for reading its attributes by local name.
pub(super) struct Start<'a, 'b> {
    start: &'b BytesStart<'a>,
}

impl Start<'_, '_> {
    pub fn attr(&self, local: &str) -> Option<String> {
        self.start.attributes().flatten().find_map(|a| {
            (a.key.local_name().as_ref() == local)
                .then(|| {
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .ok()
                        .map(Cow::into_owned)
                })
                .flatten()
        })
    }
}

/// What the walk reports.
pub(super) enum Node<'s> {
    /// An element opens (an empty element opens and then closes).
    Open(&'s str, &'s Start<'s, 's>),
    /// An element closes, with the text directly inside it, trimmed.
    Close(&'s str, &'s str),
}

/// The local name of the document's first element, if it has one.
pub(super) fn root_name(text: &str) -> Option<String> {
    let mut reader = Reader::from_str(text);
    for _ in 0..64 {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                return Some(e.local_name().as_ref().to_owned());
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
    None
}

const ENDS_EARLY: &str = "it ends early, as if cut short while copying or downloading";

/// Walks the document, calling `on` for every element start and end.
pub(super) fn walk(text: &str, mut on: impl FnMut(Node<'_>)) -> Result<(), String> {
    let mut reader = Reader::from_str(text);
    let mut buf = String::new();
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| {
            let at = reader.error_position();
            if at as usize + 2 >= text.len() {
                ENDS_EARLY.to_owned()
            } else {
                format!("it is not well-formed XML at byte {at} ({e})")
            }
        })?;
        match event {
            Event::Start(e) => {
                depth += 1;
                buf.clear();
                let name = local(&e);
                on(Node::Open(&name, &Start { start: &e }));
            }
            Event::Empty(e) => {
                buf.clear();
                let name = local(&e);
                on(Node::Open(&name, &Start { start: &e }));
                on(Node::Close(&name, ""));
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                let name = e.local_name().as_ref().to_owned();
                on(Node::Close(&name, buf.trim()));
                buf.clear();
            }
            Event::Text(t) => buf.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            Event::CData(t) => buf.push_str(&t),
            Event::GeneralRef(r) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    buf.push(c);
                } else if let Some(s) = resolve_predefined_entity(&r) {
                    buf.push_str(s);
                }
            }
            Event::Eof => {
                return if depth == 0 { Ok(()) } else { Err(ENDS_EARLY.into()) };
            }
            _ => {}
        }
    }
}

/// An XML Schema dateTime ("2018-09-12T15:02:23Z", with or without fractions or an offset). GPX
/// and TCX times are UTC; one with no zone at all is read as UTC too. Years before
/// `limits::EARLIEST_YEAR` are a device with no clock, not a date.
pub(super) fn instant(s: &str) -> Option<DateTime<Utc>> {
    let t = DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f").map(|n| n.and_utc()))
        .ok()?;
    (chrono::Datelike::year(&t) >= crate::limits::EARLIEST_YEAR).then_some(t)
}

/// A number, ignoring surrounding space; `None` for anything not finite.
pub(super) fn number(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(doc: &str) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        walk(&text(doc.as_bytes()), |n| match n {
            Node::Open(name, s) => out.push(format!(
                "<{name}{}",
                s.attr("v").map(|v| format!(" v={v}")).unwrap_or_default()
            )),
            Node::Close(name, t) => out.push(format!("{name}>{t}")),
        })?;
        Ok(out)
    }

    #[test]
    fn names_are_local_text_is_unescaped_and_leading_space_is_dropped() {
        let doc =
            "\u{feff}  \n<?xml version=\"1.0\"?><a xmlns:x=\"u\"><x:b v=\"1&amp;2\">R &amp; R &#233;</x:b><c/></a>";
        assert_eq!(
            events(doc).unwrap(),
            vec!["<a", "<b v=1&2", "b>R & R é", "<c", "c>", "a>"]
        );
        assert_eq!(root_name(&text(doc.as_bytes())).as_deref(), Some("a"));
    }

    #[test]
    fn utf16_documents_are_read_by_their_byte_order_mark() {
        let doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><gpx creator=\"Åre\"/>";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(doc.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(doc.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(text(&le), doc);
        assert_eq!(text(&be), doc);
        assert_eq!(root_name(&text(&le)).as_deref(), Some("gpx"));
    }

    #[test]
    fn times_read_with_or_without_zone_and_fractions() {
        let t = instant("2018-09-12T15:02:23Z").unwrap();
        assert_eq!(t.to_rfc3339(), "2018-09-12T15:02:23+00:00");
        assert_eq!(instant("2018-09-12T17:02:23+02:00"), Some(t));
        assert_eq!(instant("2018-09-12T15:02:23"), Some(t));
        assert!(instant("2018-09-12T15:02:23.500Z").unwrap() > t);
        assert_eq!(instant("1901-01-01T00:00:00Z"), None);
        assert_eq!(instant("yesterday"), None);
        assert_eq!(number(" 12.5 "), Some(12.5));
        assert_eq!(number("NaN"), None);
    }

    #[test]
    fn a_truncated_or_broken_document_is_an_error() {
        assert_eq!(events("<a><b>1</b>").unwrap_err(), ENDS_EARLY);
        assert_eq!(events("<a><b>1</b><c").unwrap_err(), ENDS_EARLY);
        let broken = events("<a><b>1</c></a>").unwrap_err();
        assert!(broken.starts_with("it is not well-formed XML at byte"), "{broken}");
        assert_eq!(root_name("not xml at all"), None);
    }
}
