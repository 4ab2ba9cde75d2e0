//! People's time zones (IANA names, chrono-tz): interview times are stored
//! in UTC and entered and read in the zone of whoever is looking. A person
//! without a zone reads UTC.

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

/// The zone a stored name stands for; UTC for '' or a name this build
/// does not know (a zone removed from the database keeps working).
pub fn zone_or_utc(name: &str) -> Tz {
    name.parse().unwrap_or(Tz::UTC)
}

/// A zone as typed or sent by a browser (`Europe/Paris`); '' means none.
pub fn parse_zone(raw: &str) -> Result<String, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(String::new());
    }
    raw.parse::<Tz>()
        .map(|tz| tz.name().to_string())
        .map_err(|_| {
            format!(
                "`{raw}` is not a time zone; choose one from the list (for example Europe/Paris)"
            )
        })
}

/// Every zone a person can choose, by name.
pub fn names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
    names.sort_unstable();
    names
}

/// A wall-clock time in `tz` as the instant it is. In the hour skipped when
/// clocks go forward there is no such time, which is said; in the hour
/// repeated when they go back, the first is meant.
pub fn to_utc(local: NaiveDateTime, tz: Tz) -> Result<DateTime<Utc>, String> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Ok(t.with_timezone(&Utc)),
        LocalResult::None => Err(format!(
            "{} does not exist in {} (the clocks go forward then); give a time outside that hour",
            local.format("%Y-%m-%d %H:%M"),
            tz.name()
        )),
    }
}

/// An interview's slot as someone in `tz` reads it:
/// `Mon 9 Mar 2026, 15:30–16:15 CET` (an interview is never a day long, so
/// the end is its time alone).
pub fn slot(start: DateTime<Utc>, minutes: i64, tz: Tz) -> String {
    let local = start.with_timezone(&tz);
    let end = TimeDelta::try_minutes(minutes)
        .and_then(|d| start.checked_add_signed(d))
        .unwrap_or(start)
        .with_timezone(&tz);
    format!(
        "{}–{} {}",
        local.format("%a %-d %b %Y, %H:%M"),
        end.format("%H:%M"),
        end.format("%Z")
    )
}

/// A stored time (RFC 3339) as someone in `tz` reads it:
/// `Mon 9 Mar 2026, 15:30 CET`; what is not a time is left as it is.
pub fn stamp(stored: &str, tz: Tz) -> String {
    read_in(stored, tz, "%a %-d %b %Y, %H:%M %Z")
        .unwrap_or_else(|| crate::time_text::utc_minutes(stored))
}

/// A stored time (RFC 3339) on `tz`'s clocks in `format`; none when it is
/// not a time.
fn read_in(stored: &str, tz: Tz, format: &str) -> Option<String> {
    DateTime::parse_from_rfc3339(stored)
        .ok()
        .map(|at| at.with_timezone(&tz).format(format).to_string())
}

/// The stored times a view shows, each as someone in `tz` reads it.
pub fn times<'a>(stored: impl IntoIterator<Item = &'a str>, tz: Tz) -> crate::time_text::Times {
    crate::time_text::Times::of(stored, |s| stamp(s, tz))
}

/// A stored time's day as someone in `tz` reads it: `Mon 9 Mar 2026`.
pub fn day(stored: &str, tz: Tz) -> String {
    read_in(stored, tz, "%a %-d %b %Y").unwrap_or_else(|| crate::time_text::utc_date(stored))
}

/// The days of the stored times a view shows, as someone in `tz` reads them.
pub fn days<'a>(stored: impl IntoIterator<Item = &'a str>, tz: Tz) -> crate::time_text::Times {
    crate::time_text::Times::of(stored, |s| day(s, tz))
}

/// A stored time's clock, to the second, as someone in `tz` reads it:
/// `15:30:05 CET` (the board's "Updated").
pub fn clock(stored: &str, tz: Tz) -> String {
    read_in(stored, tz, "%H:%M:%S %Z").unwrap_or_else(|| stored.to_string())
}

/// "now" on the scheduling form, in the scheduler's zone.
pub fn now_in(tz: Tz) -> String {
    Utc::now()
        .with_timezone(&tz)
        .format("%a %-d %b %Y, %H:%M %Z")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn local(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
    }

    #[test]
    fn names_are_checked_and_kept_canonical() {
        assert_eq!(parse_zone(" Europe/Paris ").unwrap(), "Europe/Paris");
        assert_eq!(parse_zone("").unwrap(), "");
        assert!(parse_zone("Mars/Olympus")
            .unwrap_err()
            .contains("Mars/Olympus"));
        assert_eq!(zone_or_utc("nonsense"), Tz::UTC);
        assert!(names().contains(&"America/New_York"));
    }

    #[test]
    fn wall_clock_times_become_instants_across_clock_changes() {
        let paris: Tz = "Europe/Paris".parse().unwrap();
        // Winter: UTC+1.
        assert_eq!(
            to_utc(local(2027, 1, 12, 9, 30), paris)
                .unwrap()
                .to_rfc3339(),
            "2027-01-12T08:30:00+00:00"
        );
        // Summer: UTC+2.
        assert_eq!(
            to_utc(local(2027, 7, 12, 9, 30), paris)
                .unwrap()
                .to_rfc3339(),
            "2027-07-12T07:30:00+00:00"
        );
        // 28 March 2027, 02:30 never happens in Paris.
        assert!(to_utc(local(2027, 3, 28, 2, 30), paris)
            .unwrap_err()
            .contains("does not exist"));
        // 31 October 2027, 02:30 happens twice: the first is meant.
        assert_eq!(
            to_utc(local(2027, 10, 31, 2, 30), paris)
                .unwrap()
                .to_rfc3339(),
            "2027-10-31T00:30:00+00:00"
        );
    }

    #[test]
    fn stored_times_read_on_the_readers_clocks() {
        let paris: Tz = "Europe/Paris".parse().unwrap();
        assert_eq!(
            stamp("2027-07-12T07:30:00.000Z", paris),
            "Mon 12 Jul 2027, 09:30 CEST"
        );
        assert_eq!(
            stamp("2027-01-12T23:30:00.000Z", paris),
            "Wed 13 Jan 2027, 00:30 CET"
        );
        assert_eq!(
            stamp("2027-01-12T23:30:00.000Z", Tz::UTC),
            "Tue 12 Jan 2027, 23:30 UTC"
        );
        assert_eq!(stamp("soon", paris), "soon");
        let t = times(["2027-07-12T07:30:00.000Z"], paris);
        assert_eq!(
            t.at("2027-07-12T07:30:00.000Z"),
            "Mon 12 Jul 2027, 09:30 CEST"
        );
    }

    #[test]
    fn slots_read_in_the_viewers_zone() {
        let start = Utc.with_ymd_and_hms(2027, 1, 12, 8, 30, 0).unwrap();
        assert_eq!(slot(start, 45, Tz::UTC), "Tue 12 Jan 2027, 08:30–09:15 UTC");
        let paris: Tz = "Europe/Paris".parse().unwrap();
        assert_eq!(slot(start, 45, paris), "Tue 12 Jan 2027, 09:30–10:15 CET");
        let tokyo: Tz = "Asia/Tokyo".parse().unwrap();
        assert_eq!(slot(start, 45, tokyo), "Tue 12 Jan 2027, 17:30–18:15 JST");
        let late = Utc.with_ymd_and_hms(2027, 1, 12, 23, 30, 0).unwrap();
        assert_eq!(slot(late, 60, paris), "Wed 13 Jan 2027, 00:30–01:30 CET");
        assert_eq!(slot(late, 60, Tz::UTC), "Tue 12 Jan 2027, 23:30–00:30 UTC");
    }

    #[test]
    fn a_day_is_the_readers_day() {
        let late = "2027-01-12T23:30:00.000Z";
        assert_eq!(day(late, Tz::UTC), "Tue 12 Jan 2027");
        assert_eq!(
            day(late, zone_or_utc("Australia/Sydney")),
            "Wed 13 Jan 2027"
        );
        assert_eq!(
            day(late, zone_or_utc("America/Los_Angeles")),
            "Tue 12 Jan 2027"
        );
        assert_eq!(day("not a time", Tz::UTC), "not a time");
        let days = days([late], zone_or_utc("Australia/Sydney"));
        assert_eq!(days.at(late), "Wed 13 Jan 2027");
    }

    #[test]
    fn a_clock_reads_to_the_second_in_the_readers_zone() {
        let at = "2027-01-12T23:30:05.120Z";
        assert_eq!(clock(at, Tz::UTC), "23:30:05 UTC");
        assert_eq!(clock(at, zone_or_utc("Europe/Paris")), "00:30:05 CET");
        assert_eq!(clock("soon", Tz::UTC), "soon");
    }
}
