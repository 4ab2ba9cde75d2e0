//! Stored times (RFC 3339 in UTC) as people read them.

/// A stored time (RFC 3339, UTC) as people read it: `2026-03-09 14:30 UTC`.
pub fn utc_minutes(stored: &str) -> String {
    match (stored.get(..10), stored.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time} UTC"),
        _ => stored.to_string(),
    }
}

/// The date part of a stored time.
pub fn utc_date(stored: &str) -> String {
    stored.get(..10).unwrap_or(stored).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_times_read_as_utc_minutes() {
        assert_eq!(
            utc_minutes("2026-03-09T14:30:00.000Z"),
            "2026-03-09 14:30 UTC"
        );
        assert_eq!(utc_date("2026-03-09T14:30:00.000Z"), "2026-03-09");
        assert_eq!(utc_minutes("soon"), "soon");
    }
}
