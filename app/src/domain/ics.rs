//! The calendar invite sent with an interview slot: an iTIP `REQUEST`
//! (RFC 5546) in iCalendar (RFC 5545) from the person who scheduled it to
//! the interviewer. Written by hand: the format is small, and the rules that
//! calendar clients are strict about (escaping, folding, CRLF, which
//! properties a `REQUEST` must carry) are easier to test here than to trust.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invite {
    /// Stable per interview, so that a re-sent invite updates the same event.
    pub uid: String,
    pub starts_at: DateTime<Utc>,
    pub minutes: u32,
    pub summary: String,
    pub description: String,
    pub url: String,
    /// Who scheduled the interview: the `ORGANIZER`, to whom replies go.
    pub organizer_email: String,
    /// How calendars name them (`CN`); the email when empty.
    #[serde(default)]
    pub organizer_name: String,
    /// The interviewer: the one `ATTENDEE`.
    pub attendee_email: String,
    #[serde(default)]
    pub attendee_name: String,
    pub stamp: DateTime<Utc>,
    /// The event's revision (`SEQUENCE`): 0 when scheduled, one more each
    /// time it is moved, handed to someone else or cancelled, so calendar
    /// clients take the newer message over the older (RFC 5546 2.1.4).
    pub sequence: u32,
    pub method: Method,
}

/// What the message does to the interviewer's calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    /// Adds the event, or updates it to this revision.
    Request,
    /// The interview is off: the event is cancelled (`STATUS:CANCELLED`).
    Cancel,
    /// The interview goes on without this attendee, who is taken off it
    /// (a `CANCEL` naming them, without `STATUS`, RFC 5546 3.2.5).
    Uninvite,
}

/// The longest a content line may be, in octets, before it is folded.
const MAX_LINE_OCTETS: usize = 75;

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value: backslash, semicolon and comma are escaped, and every kind
/// of line break becomes `\n`. Other control characters are not allowed in
/// TEXT at all, so they are dropped rather than breaking the file.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value has no escaping; a control character in it could only end
/// the line early and inject properties, so it is removed.
fn uri(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// A parameter value, always quoted so that `:`, `;` and `,` are safe; a
/// double quote cannot appear inside one at all.
fn param(value: &str) -> String {
    let inner: String = value
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .collect();
    format!("\"{inner}\"")
}

/// A person's `CN`: their name, or their email without one.
fn common_name<'a>(name: &'a str, email: &'a str) -> &'a str {
    if name.trim().is_empty() {
        email
    } else {
        name
    }
}

/// Appends one content line, folded so that no physical line exceeds 75
/// octets, never splitting a UTF-8 character; continuation lines start with
/// a space, which counts toward their length.
fn push_line(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

/// A `REQUEST`: everything RFC 5546 3.2.2 requires of a VEVENT (ATTENDEE,
/// DTSTAMP, DTSTART, ORGANIZER, SUMMARY, UID) plus what the interviewer
/// wants to see. The organiser may also be the attendee; that is allowed.
/// A `CANCEL` (3.2.5) carries the same UID with a higher SEQUENCE, the
/// attendee it concerns, and `STATUS:CANCELLED` when the whole event is off.
pub fn invite_ics(i: &Invite) -> String {
    // DTEND must be later than DTSTART (RFC 5545 3.8.2.2). An end beyond
    // chrono's range, or a zero length, is not a real interview; leaving
    // DTEND out keeps the file valid instead of panicking.
    let ends_at = TimeDelta::try_minutes(i64::from(i.minutes))
        .and_then(|d| i.starts_at.checked_add_signed(d))
        .filter(|end| *end > i.starts_at);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "PRODID:-//Alliance Hiring Kit//EN".to_string(),
        "VERSION:2.0".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        match i.method {
            Method::Request => "METHOD:REQUEST",
            Method::Cancel | Method::Uninvite => "METHOD:CANCEL",
        }
        .to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", text(&i.uid)),
        format!("DTSTAMP:{}", utc(i.stamp)),
        format!("SEQUENCE:{}", i.sequence),
    ];
    match i.method {
        Method::Request => lines.push("STATUS:CONFIRMED".to_string()),
        Method::Cancel => lines.push("STATUS:CANCELLED".to_string()),
        Method::Uninvite => {}
    }
    lines.push(format!("DTSTART:{}", utc(i.starts_at)));
    if let Some(end) = ends_at {
        lines.push(format!("DTEND:{}", utc(end)));
    }
    lines.extend([
        format!("SUMMARY:{}", text(&i.summary)),
        format!("DESCRIPTION:{}", text(&i.description)),
        format!("URL:{}", uri(&i.url)),
        format!(
            "ORGANIZER;CN={}:mailto:{}",
            param(common_name(&i.organizer_name, &i.organizer_email)),
            uri(&i.organizer_email)
        ),
        format!(
            "ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{}",
            param(common_name(&i.attendee_name, &i.attendee_email)),
            uri(&i.attendee_email)
        ),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ]);
    let mut out = String::new();
    for line in &lines {
        push_line(&mut out, line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn invite() -> Invite {
        Invite {
            uid: "interview-42@hiring.example".into(),
            starts_at: Utc.with_ymd_and_hms(2026, 3, 9, 23, 30, 0).unwrap(),
            minutes: 45,
            summary: "Deep dive: Ada Lovelace".into(),
            description: "Bring the plan.".into(),
            url: "https://hiring.example/kits/42".into(),
            organizer_email: "rita@example.com".into(),
            attendee_email: "ada@example.com".into(),
            organizer_name: String::new(),
            attendee_name: String::new(),
            stamp: Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 5).unwrap(),
            sequence: 0,
            method: Method::Request,
        }
    }

    #[test]
    fn a_moved_or_cancelled_interview_keeps_its_uid_and_raises_its_sequence() {
        let mut moved = invite();
        moved.sequence = 2;
        let text = unfold(&invite_ics(&moved));
        assert!(text.contains("METHOD:REQUEST\r\n"));
        assert!(text.contains("UID:interview-42@hiring.example\r\nDTSTAMP:20260301T080005Z\r\nSEQUENCE:2\r\nSTATUS:CONFIRMED\r\n"));

        let mut cancelled = moved.clone();
        cancelled.method = Method::Cancel;
        let text = unfold(&invite_ics(&cancelled));
        assert!(text.contains("METHOD:CANCEL\r\n"));
        assert!(text.contains("SEQUENCE:2\r\nSTATUS:CANCELLED\r\n"));
        assert!(text.contains("ATTENDEE;"));

        let mut uninvited = moved;
        uninvited.method = Method::Uninvite;
        let text = unfold(&invite_ics(&uninvited));
        assert!(text.contains("METHOD:CANCEL\r\n"));
        assert!(
            !text.contains("STATUS:"),
            "taking one attendee off is not cancelling the event"
        );
        assert!(text.contains(":mailto:ada@example.com\r\n"));
    }

    /// Undoes folding, as a calendar client does.
    fn unfold(ics: &str) -> String {
        ics.replace("\r\n ", "")
    }

    #[test]
    fn a_short_invite_is_exactly_as_expected() {
        let expected = "BEGIN:VCALENDAR\r\n\
            PRODID:-//Alliance Hiring Kit//EN\r\n\
            VERSION:2.0\r\n\
            CALSCALE:GREGORIAN\r\n\
            METHOD:REQUEST\r\n\
            BEGIN:VEVENT\r\n\
            UID:interview-42@hiring.example\r\n\
            DTSTAMP:20260301T080005Z\r\n\
            SEQUENCE:0\r\n\
            STATUS:CONFIRMED\r\n\
            DTSTART:20260309T233000Z\r\n\
            DTEND:20260310T001500Z\r\n\
            SUMMARY:Deep dive: Ada Lovelace\r\n\
            DESCRIPTION:Bring the plan.\r\n\
            URL:https://hiring.example/kits/42\r\n\
            ORGANIZER;CN=\"rita@example.com\":mailto:rita@example.com\r\n\
            ATTENDEE;CN=\"ada@example.com\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RS\r\n \
            VP=TRUE:mailto:ada@example.com\r\n\
            END:VEVENT\r\n\
            END:VCALENDAR\r\n";
        assert_eq!(invite_ics(&invite()), expected);
    }

    #[test]
    fn text_is_escaped_and_line_breaks_become_backslash_n() {
        let mut i = invite();
        i.summary = "Panel; round 2, \\ final".into();
        i.description = "one\r\ntwo\nthree\rfour\u{7}".into();
        let ics = invite_ics(&i);
        assert!(
            ics.contains("SUMMARY:Panel\\; round 2\\, \\\\ final\r\n"),
            "{ics}"
        );
        assert!(
            ics.contains("DESCRIPTION:one\\ntwo\\nthree\\nfour\r\n"),
            "{ics}"
        );
    }

    #[test]
    fn nothing_user_supplied_can_add_a_property() {
        let mut i = invite();
        i.url = "https://x.example/\r\nATTENDEE:mailto:evil@example.com".into();
        i.attendee_email = "ada@example.com\"\r\nX:1".into();
        i.organizer_email = "rita@example.com\"\nORGANIZER:mailto:evil@example.com".into();
        let ics = unfold(&invite_ics(&i));
        for name in ["ATTENDEE", "ORGANIZER"] {
            let count = ics.split("\r\n").filter(|l| l.starts_with(name)).count();
            assert_eq!(count, 1, "{name}: {ics}");
            assert!(!ics.contains(&format!("\r\n{name}:")), "{ics}");
        }
        assert!(!ics.contains("\r\nX:"), "{ics}");
    }

    #[test]
    fn long_lines_fold_on_character_boundaries() {
        let mut i = invite();
        let description = "Présentez le plan MDF — 30 % du budget, partenaires: ÅWS, Sérvicenow; 日本語のメモ付き。"
            .repeat(4);
        i.description = description.clone();
        let ics = invite_ics(&i);

        assert!(ics.ends_with("\r\n"));
        let physical: Vec<&str> = ics.split("\r\n").collect();
        for line in &physical {
            assert!(
                line.len() <= MAX_LINE_OCTETS,
                "{} octets: {line}",
                line.len()
            );
        }
        let continuations = physical.iter().filter(|l| l.starts_with(' ')).count();
        assert!(continuations >= 4, "{ics}");
        // Every line but the last before a continuation is filled as far as
        // a whole character allows.
        for pair in physical.windows(2) {
            if pair[1].starts_with(' ') {
                let next = pair[1][1..].chars().next().unwrap();
                assert!(pair[0].len() + next.len_utf8() > MAX_LINE_OCTETS, "{ics}");
            }
        }
        assert!(unfold(&ics).contains(&format!("DESCRIPTION:{}\r\n", text(&description))));
        assert!(text(&description).contains("\\, partenaires: ÅWS\\, Sérvicenow\\;"));
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded() {
        let mut out = String::new();
        push_line(&mut out, &"a".repeat(75));
        assert_eq!(out, format!("{}\r\n", "a".repeat(75)));
        let mut out = String::new();
        push_line(&mut out, &"a".repeat(76));
        assert_eq!(out, format!("{}\r\n a\r\n", "a".repeat(75)));
    }

    #[test]
    fn an_out_of_range_end_does_not_panic() {
        let mut i = invite();
        i.starts_at = DateTime::<Utc>::MAX_UTC;
        i.minutes = u32::MAX;
        let ics = invite_ics(&i);
        assert!(ics.contains("DTSTART:"), "{ics}");
        // An end no later than the start would break RFC 5545, so there is none.
        assert!(!ics.contains("DTEND:"), "{ics}");
        let mut i = invite();
        i.minutes = 0;
        assert!(!invite_ics(&i).contains("DTEND:"));
    }

    /// The property names of each component, by component name, from an
    /// unfolded file (a name ends at the first `;` or `:`).
    fn properties_by_component(ics: &str) -> Vec<(String, Vec<String>)> {
        let mut open: Vec<(String, Vec<String>)> = Vec::new();
        let mut done = Vec::new();
        for line in unfold(ics).split_terminator("\r\n") {
            let name = line.split([';', ':']).next().unwrap_or_default();
            let value = line.split_once(':').map(|(_, v)| v).unwrap_or_default();
            match name {
                "BEGIN" => open.push((value.to_string(), Vec::new())),
                "END" => {
                    let component = open.pop().expect("END without BEGIN");
                    assert_eq!(component.0, value, "{ics}");
                    done.push(component);
                }
                _ => open
                    .last_mut()
                    .expect("a property outside any component")
                    .1
                    .push(line.to_string()),
            }
        }
        assert!(open.is_empty(), "unbalanced BEGIN: {ics}");
        done
    }

    /// RFC 5546 3.2.2, "Constraints for a METHOD:REQUEST of a VEVENT", with
    /// the VCALENDAR rules of RFC 5545 3.6.
    #[test]
    fn the_invite_meets_the_itip_request_restriction_table() {
        let mut same_person = invite();
        same_person.organizer_email = same_person.attendee_email.clone();
        let mut no_length = invite();
        no_length.minutes = 0;
        for i in [invite(), same_person, no_length] {
            let ics = invite_ics(&i);
            let components = properties_by_component(&ics);
            let named = |name: &str| -> Vec<&Vec<String>> {
                components
                    .iter()
                    .filter(|(n, _)| n == name)
                    .map(|(_, p)| p)
                    .collect()
            };
            let count = |props: &[String], name: &str| {
                props
                    .iter()
                    .filter(|l| l.split([';', ':']).next() == Some(name))
                    .count()
            };

            let calendars = named("VCALENDAR");
            assert_eq!(calendars.len(), 1, "{ics}");
            let calendar = calendars[0];
            for name in ["PRODID", "VERSION", "METHOD"] {
                assert_eq!(count(calendar, name), 1, "{name}: {ics}");
            }
            assert!(calendar.contains(&"METHOD:REQUEST".to_string()), "{ics}");
            assert!(calendar.contains(&"VERSION:2.0".to_string()), "{ics}");
            for absent in ["VTODO", "VJOURNAL", "VFREEBUSY"] {
                assert!(named(absent).is_empty(), "{absent}: {ics}");
            }

            let events = named("VEVENT");
            assert_eq!(events.len(), 1, "{ics}");
            let event = events[0];
            for name in ["DTSTAMP", "DTSTART", "ORGANIZER", "SUMMARY", "UID"] {
                assert_eq!(count(event, name), 1, "{name}: {ics}");
            }
            assert!(count(event, "ATTENDEE") >= 1, "{ics}");
            for name in [
                "SEQUENCE",
                "CLASS",
                "CREATED",
                "DESCRIPTION",
                "DTEND",
                "DURATION",
                "GEO",
                "LAST-MODIFIED",
                "LOCATION",
                "PRIORITY",
                "RECURRENCE-ID",
                "RRULE",
                "STATUS",
                "TRANSP",
                "URL",
            ] {
                assert!(count(event, name) <= 1, "{name}: {ics}");
            }
            assert!(
                count(event, "DTEND") + count(event, "DURATION") <= 1,
                "{ics}"
            );
            assert_eq!(count(event, "REQUEST-STATUS"), 0, "{ics}");
            assert!(event.contains(&"SEQUENCE:0".to_string()), "{ics}");
            assert!(event.contains(&"STATUS:CONFIRMED".to_string()), "{ics}");
            let organizer = format!("ORGANIZER;CN=\"{0}\":mailto:{0}", i.organizer_email);
            assert!(event.contains(&organizer), "{ics}");
            let attendee = format!(
                "ATTENDEE;CN=\"{0}\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{0}",
                i.attendee_email
            );
            assert!(event.contains(&attendee), "{ics}");
        }
    }

    #[test]
    fn the_uid_is_the_interviews_whenever_the_invite_is_made() {
        let first = invite();
        let mut later = invite();
        later.stamp = first.stamp + TimeDelta::days(3);
        let uid = |i: &Invite| {
            unfold(&invite_ics(i))
                .split("\r\n")
                .find(|l| l.starts_with("UID:"))
                .map(str::to_string)
        };
        assert_eq!(uid(&first), Some("UID:interview-42@hiring.example".into()));
        assert_eq!(uid(&first), uid(&later));
    }
}
