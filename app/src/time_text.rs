//! Stored times (RFC 3339 in UTC) as people read them.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The times a view shows, each as its reader reads it on their own clocks
/// (`Mon 9 Mar 2026, 15:30 CET`), by the stored time. The server fills it
/// in the reader's zone (the time zone database is on the server, not in
/// the browser); a time it has no entry for reads as UTC.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Times(BTreeMap<String, String>);

impl Times {
    /// `stored` as the reader reads it.
    pub fn at(&self, stored: &str) -> String {
        self.0
            .get(stored)
            .cloned()
            .unwrap_or_else(|| utc_minutes(stored))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every stored time of `stored` as `read` words it.
    pub fn of<'a>(
        stored: impl IntoIterator<Item = &'a str>,
        read: impl Fn(&str) -> String,
    ) -> Times {
        Times(
            stored
                .into_iter()
                .map(|s| (s.to_string(), read(s)))
                .collect(),
        )
    }
}

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

    #[test]
    fn times_read_as_filled_and_others_as_utc() {
        let times = Times::of(["2026-03-09T14:30:00.000Z"], |_| {
            "Mon 9 Mar, 15:30 CET".into()
        });
        assert_eq!(times.at("2026-03-09T14:30:00.000Z"), "Mon 9 Mar, 15:30 CET");
        assert_eq!(times.at("2026-03-10T08:00:00.000Z"), "2026-03-10 08:00 UTC");
        assert!(Times::default().is_empty());
    }
}
