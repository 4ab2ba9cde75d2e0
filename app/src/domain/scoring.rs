//! The rating scale every scored item is judged on. Its ids are part of the
//! public interface (scorecards, API, exports), so they are spelled once here.

use serde::{Deserialize, Serialize};

/// How an answer compares with the item's anchors; `no-evidence` when the
/// topic never came up. "No evidence" is a rating of its own rather than a
/// missing one, so that an interviewer can say so without guessing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Rating {
    Exceeds,
    Meets,
    Below,
    NoEvidence,
}

impl Rating {
    pub const ALL: [Rating; 4] = [
        Rating::Exceeds,
        Rating::Meets,
        Rating::Below,
        Rating::NoEvidence,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Rating::Exceeds => "exceeds",
            Rating::Meets => "meets",
            Rating::Below => "below",
            Rating::NoEvidence => "no-evidence",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Rating::Exceeds => "Exceeds",
            Rating::Meets => "Meets",
            Rating::Below => "Below",
            Rating::NoEvidence => "No evidence",
        }
    }

    /// The value in weighted scores. "No evidence" has none: counting it as
    /// zero would punish a candidate for a question nobody asked.
    pub fn points(self) -> Option<u8> {
        match self {
            Rating::Exceeds => Some(3),
            Rating::Meets => Some(2),
            Rating::Below => Some(1),
            Rating::NoEvidence => None,
        }
    }
}

super::ids::id_enum_impls!(Rating, "rating");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_round_trips_through_from_str_and_display() {
        for r in Rating::ALL {
            assert_eq!(r.id().parse::<Rating>(), Ok(r));
            assert_eq!(r.to_string(), r.id());
        }
    }

    #[test]
    fn serde_spelling_matches_the_public_ids() {
        for r in Rating::ALL {
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.id())
            );
        }
        assert_eq!(
            serde_json::from_str::<Rating>("\"no-evidence\"").unwrap(),
            Rating::NoEvidence
        );
    }

    #[test]
    fn labels_are_plain_words() {
        let labels: Vec<_> = Rating::ALL.iter().map(|r| r.label()).collect();
        assert_eq!(labels, vec!["Exceeds", "Meets", "Below", "No evidence"]);
    }

    #[test]
    fn points_rank_the_ratings_and_skip_no_evidence() {
        assert_eq!(Rating::Exceeds.points(), Some(3));
        assert_eq!(Rating::Meets.points(), Some(2));
        assert_eq!(Rating::Below.points(), Some(1));
        assert_eq!(Rating::NoEvidence.points(), None);
    }

    #[test]
    fn unknown_rating_names_the_valid_ones() {
        let msg = "outstanding".parse::<Rating>().unwrap_err().to_string();
        assert!(msg.contains("unknown rating `outstanding`"), "{msg}");
        assert!(msg.contains("exceeds, meets, below, no-evidence"), "{msg}");
    }
}
