//! The calendar invite sent with an interview slot (RFC 5545). Written by
//! hand: the format is small, and the rules that calendar clients are strict
//! about (escaping, folding, CRLF) are easier to test here than to trust.

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
    pub attendee_email: String,
    pub stamp: DateTime<Utc>,
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

pub fn invite_ics(i: &Invite) -> String {
    // An end beyond chrono's range is not a real interview; falling back to
    // the start keeps the file valid instead of panicking.
    let ends_at = TimeDelta::try_minutes(i64::from(i.minutes))
        .and_then(|d| i.starts_at.checked_add_signed(d))
        .unwrap_or(i.starts_at);
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "PRODID:-//Alliance Hiring Kit//EN".to_string(),
        "VERSION:2.0".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", text(&i.uid)),
        format!("DTSTAMP:{}", utc(i.stamp)),
        format!("DTSTART:{}", utc(i.starts_at)),
        format!("DTEND:{}", utc(ends_at)),
        format!("SUMMARY:{}", text(&i.summary)),
        format!("DESCRIPTION:{}", text(&i.description)),
        format!("URL:{}", uri(&i.url)),
        format!(
            "ATTENDEE;CN={}:mailto:{}",
            param(&i.attendee_email),
            uri(&i.attendee_email)
        ),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
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
            attendee_email: "ada@example.com".into(),
            stamp: Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 5).unwrap(),
        }
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
            METHOD:PUBLISH\r\n\
            BEGIN:VEVENT\r\n\
            UID:interview-42@hiring.example\r\n\
            DTSTAMP:20260301T080005Z\r\n\
            DTSTART:20260309T233000Z\r\n\
            DTEND:20260310T001500Z\r\n\
            SUMMARY:Deep dive: Ada Lovelace\r\n\
            DESCRIPTION:Bring the plan.\r\n\
            URL:https://hiring.example/kits/42\r\n\
            ATTENDEE;CN=\"ada@example.com\":mailto:ada@example.com\r\n\
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
        let ics = invite_ics(&i);
        let attendees = ics
            .split("\r\n")
            .filter(|l| l.starts_with("ATTENDEE"))
            .count();
        assert_eq!(attendees, 1, "{ics}");
        assert!(!ics.contains("\r\nX:"), "{ics}");
        assert!(!ics.contains("\r\nATTENDEE:"), "{ics}");
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
        assert!(invite_ics(&i).contains("DTEND:"));
    }
}
