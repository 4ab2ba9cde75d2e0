//! An interview's start and length as a person types them: read, and
//! refused with a sentence that says what is wrong.

use crate::api::panel::{MAX_MINUTES, MIN_MINUTES};

/// How the start time is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeInput {
    /// RFC 3339 with an offset (the API).
    Rfc3339,
    /// A `datetime-local` value (`2026-03-09T14:30`) on the clocks of this
    /// zone (the scheduler's), or RFC 3339.
    Form(chrono_tz::Tz),
}

/// Reads an interview's length in minutes; `None` when left blank.
pub fn parse_minutes(raw: &str) -> Result<Option<i64>, String> {
    match raw.trim() {
        "" => Ok(None),
        raw => match raw.parse::<i64>() {
            Ok(m) if (MIN_MINUTES..=MAX_MINUTES).contains(&m) => Ok(Some(m)),
            Ok(m) => Err(format!(
                "{m} minutes is not a length for an interview; give {MIN_MINUTES} to {MAX_MINUTES}"
            )),
            Err(_) => Err(format!("`{raw}` is not a whole number of minutes")),
        },
    }
}

/// Reads an interview's start time. A time in the past, or more than two
/// years ahead (a mistyped year), is refused.
pub fn parse_start(
    raw: &str,
    input: TimeInput,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<chrono::DateTime<chrono::Utc>, String> {
    use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
    let raw = raw.trim();
    if raw.is_empty() {
        return Err("the start time is required".into());
    }
    let local = || {
        ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(raw, f).ok())
    };
    let zone = match input {
        TimeInput::Form(tz) => tz,
        TimeInput::Rfc3339 => chrono_tz::Tz::UTC,
    };
    let parsed = match (DateTime::parse_from_rfc3339(raw), input) {
        (Ok(t), _) => Some(t.with_timezone(&Utc)),
        (Err(_), TimeInput::Form(tz)) => match local() {
            Some(wall) => Some(crate::domain::zone::to_utc(wall, tz)?),
            None => None,
        },
        (Err(_), TimeInput::Rfc3339) => None,
    };
    let Some(start) = parsed else {
        return Err(match input {
            TimeInput::Rfc3339 => format!(
                "`{raw}` is not an RFC 3339 time with an offset, such as 2026-03-09T14:30:00Z"
            ),
            TimeInput::Form(_) => {
                format!("`{raw}` is not a date and time such as 2026-03-09T14:30")
            }
        });
    };
    let shown = |t: DateTime<Utc>| {
        t.with_timezone(&zone)
            .format("%Y-%m-%d %H:%M %Z")
            .to_string()
    };
    if start < now {
        return Err(format!(
            "{} is in the past; give a time from now on",
            shown(start)
        ));
    }
    if TimeDelta::try_days(731)
        .and_then(|d| now.checked_add_signed(d))
        .is_some_and(|limit| start > limit)
    {
        return Err(format!(
            "{} is more than two years ahead; check the year",
            shown(start)
        ));
    }
    Ok(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn now() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
    }

    #[test]
    fn form_times_are_utc_and_api_times_need_an_offset() {
        let t = parse_start(
            "2026-03-09T14:30",
            TimeInput::Form(chrono_tz::Tz::UTC),
            now(),
        )
        .unwrap();
        assert_eq!(t, Utc.with_ymd_and_hms(2026, 3, 9, 14, 30, 0).unwrap());
        let t = parse_start("2026-03-09T16:30:00+02:00", TimeInput::Rfc3339, now()).unwrap();
        assert_eq!(t, Utc.with_ymd_and_hms(2026, 3, 9, 14, 30, 0).unwrap());
        let e = parse_start("2026-03-09T14:30", TimeInput::Rfc3339, now()).unwrap_err();
        assert!(e.contains("RFC 3339"), "{e}");
        assert!(parse_start(" ", TimeInput::Form(chrono_tz::Tz::UTC), now())
            .unwrap_err()
            .contains("required"));
        assert!(parse_start("next tuesday", TimeInput::Form(chrono_tz::Tz::UTC), now()).is_err());
    }

    #[test]
    fn past_and_far_future_times_are_refused() {
        let e = parse_start(
            "2026-02-28T09:00",
            TimeInput::Form(chrono_tz::Tz::UTC),
            now(),
        )
        .unwrap_err();
        assert!(e.contains("in the past"), "{e}");
        let e = parse_start(
            "2029-03-01T09:00",
            TimeInput::Form(chrono_tz::Tz::UTC),
            now(),
        )
        .unwrap_err();
        assert!(e.contains("two years"), "{e}");
    }

    #[test]
    fn a_blank_length_keeps_the_default_and_a_typed_one_is_checked() {
        assert_eq!(parse_minutes("  "), Ok(None));
        assert_eq!(parse_minutes(" 45 "), Ok(Some(45)));
        assert_eq!(parse_minutes("5"), Ok(Some(MIN_MINUTES)));
        assert_eq!(parse_minutes("480"), Ok(Some(MAX_MINUTES)));
        let e = parse_minutes("900").unwrap_err();
        assert!(e.contains("900 minutes is not a length"), "{e}");
        assert!(parse_minutes("4").is_err());
        let e = parse_minutes("an hour").unwrap_err();
        assert!(e.contains("`an hour` is not a whole number"), "{e}");
    }
}
