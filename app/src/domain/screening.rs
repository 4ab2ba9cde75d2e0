//! Stage 2 of the kit: the resume screen. Every applicant is rated against
//! the same criteria; a draft may be partial, but a decision to advance or
//! archive needs every criterion rated and a reason, so that the screen can
//! be explained later.

use crate::domain::jd::FieldError;
use crate::domain::kit::Kit;
use crate::domain::scoring::Rating;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const MIN_REASON_CHARS: usize = 3;
pub const MAX_REASON_CHARS: usize = 1000;

/// A screen as it is saved, draft or final: criterion id → rating.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreenInput {
    pub ratings: BTreeMap<String, Rating>,
    pub notes: String,
}

fn criterion_error(id: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: format!("criterion.{id}"),
        message: message.into(),
    }
}

/// Checks raw form values (criterion id → rating id) against the kit. An
/// empty value is "not rated yet" (a select's blank option), not an error,
/// because drafts are saved as the screener goes.
pub fn check_ratings(
    kit: &Kit,
    raw: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, Rating>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut ratings = BTreeMap::new();
    for (id, value) in raw {
        let value = value.trim();
        let Some(criterion) = kit.resume_criteria.iter().find(|c| &c.id == id) else {
            errors.push(criterion_error(
                id,
                format!(
                    "there is no resume criterion `{id}` in the kit \"{}\"",
                    kit.title
                ),
            ));
            continue;
        };
        if value.is_empty() {
            continue;
        }
        match value.parse::<Rating>() {
            Ok(rating) => {
                ratings.insert(id.clone(), rating);
            }
            Err(_) => errors.push(criterion_error(
                id,
                format!(
                    "`{value}` is not a rating for \"{}\"; choose one of {}",
                    criterion.criterion,
                    Rating::ALL.map(Rating::id).join(", ")
                ),
            )),
        }
    }
    if errors.is_empty() {
        Ok(ratings)
    } else {
        Err(errors)
    }
}

/// What the screener decides for the applicant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// On to the interviews.
    Advance,
    Archive,
}

impl Decision {
    pub const ALL: [Decision; 2] = [Decision::Advance, Decision::Archive];

    pub fn id(self) -> &'static str {
        match self {
            Decision::Advance => "advance",
            Decision::Archive => "archive",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Decision::Advance => "Advance to interviews",
            Decision::Archive => "Archive",
        }
    }
}

super::ids::id_enum_impls!(Decision, "decision");

/// A decision must rest on a complete screen and a stated reason: the
/// reason is what a candidate or an auditor is shown later.
pub fn check_decision(
    kit: &Kit,
    ratings: &BTreeMap<String, Rating>,
    decision: Decision,
    reason: &str,
) -> Result<(), Vec<FieldError>> {
    let mut errors: Vec<FieldError> = kit
        .resume_criteria
        .iter()
        .filter(|c| !ratings.contains_key(&c.id))
        .map(|c| {
            criterion_error(
                &c.id,
                format!("rate \"{}\" before you {}", c.criterion, decision.id()),
            )
        })
        .collect();

    let reason_chars = reason.trim().chars().count();
    if reason_chars < MIN_REASON_CHARS {
        errors.push(FieldError {
            field: "reason".into(),
            message: format!(
                "give a reason of at least {MIN_REASON_CHARS} characters for the decision to {}",
                decision.id()
            ),
        });
    } else if reason_chars > MAX_REASON_CHARS {
        errors.push(FieldError {
            field: "reason".into(),
            message: format!(
                "the reason has {reason_chars} characters; the limit is {MAX_REASON_CHARS}"
            ),
        });
    }

    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// How a screen came out, over the kit's criteria only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreenSummary {
    pub exceeds: usize,
    pub meets: usize,
    pub below: usize,
    pub no_evidence: usize,
    pub unrated: usize,
}

pub fn screen_summary(kit: &Kit, ratings: &BTreeMap<String, Rating>) -> ScreenSummary {
    let mut summary = ScreenSummary::default();
    for criterion in &kit.resume_criteria {
        match ratings.get(&criterion.id) {
            Some(Rating::Exceeds) => summary.exceeds += 1,
            Some(Rating::Meets) => summary.meets += 1,
            Some(Rating::Below) => summary.below += 1,
            Some(Rating::NoEvidence) => summary.no_evidence += 1,
            None => summary.unrated += 1,
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::sample_library;
    use crate::domain::{Level, SubRole};

    fn kit() -> Kit {
        sample_library()
            .kit(SubRole::CoSellOps, Level::Mid)
            .unwrap()
    }

    fn raw(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn ratings_parse_and_a_partial_draft_is_fine() {
        let ratings = check_ratings(&kit(), &raw(&[("general", "no-evidence")])).unwrap();
        assert_eq!(
            ratings,
            BTreeMap::from([("general".to_string(), Rating::NoEvidence)])
        );
        let blank = check_ratings(&kit(), &raw(&[("general", " ")])).unwrap();
        assert!(blank.is_empty());
    }

    #[test]
    fn unknown_criteria_and_bad_ratings_are_named() {
        let errors = check_ratings(
            &kit(),
            &raw(&[("general", "great"), ("typing-speed", "meets")]),
        )
        .unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].field, "criterion.general");
        assert!(errors[0].message.contains("`great`"), "{errors:?}");
        assert!(errors[0].message.contains("General."), "{errors:?}");
        assert!(errors[0].message.contains("no-evidence"), "{errors:?}");
        assert_eq!(errors[1].field, "criterion.typing-speed");
        assert!(errors[1].message.contains("`typing-speed`"), "{errors:?}");
    }

    #[test]
    fn decision_ids_round_trip() {
        for d in Decision::ALL {
            assert_eq!(d.id().parse::<Decision>(), Ok(d));
            assert_eq!(
                serde_json::to_string(&d).unwrap(),
                format!("\"{}\"", d.id())
            );
        }
        assert!("hire".parse::<Decision>().is_err());
    }

    #[test]
    fn a_decision_needs_every_criterion_rated_and_a_reason() {
        let kit = kit();
        let partial = BTreeMap::from([("general".to_string(), Rating::Meets)]);
        let errors = check_decision(&kit, &partial, Decision::Advance, " ok ").unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["criterion.co-sell-ops-criterion", "reason"]);
        assert!(errors[0].message.contains("Criterion."), "{errors:?}");

        let full = BTreeMap::from([
            ("general".to_string(), Rating::Meets),
            ("co-sell-ops-criterion".to_string(), Rating::Below),
        ]);
        assert_eq!(
            check_decision(&kit, &full, Decision::Archive, "  No partner experience.  "),
            Ok(())
        );
        let long = "x".repeat(MAX_REASON_CHARS + 1);
        let errors = check_decision(&kit, &full, Decision::Archive, &long).unwrap_err();
        assert_eq!(errors[0].field, "reason");
        assert!(errors[0].message.contains("1000"), "{errors:?}");
        assert!(check_decision(&kit, &full, Decision::Archive, &"x".repeat(1000)).is_ok());
        assert!(check_decision(&kit, &full, Decision::Archive, "abc").is_ok());
    }

    #[test]
    fn summary_counts_the_kit_criteria_only() {
        let kit = kit();
        let ratings = BTreeMap::from([
            ("general".to_string(), Rating::Exceeds),
            ("retired-criterion".to_string(), Rating::Below),
        ]);
        assert_eq!(
            screen_summary(&kit, &ratings),
            ScreenSummary {
                exceeds: 1,
                unrated: 1,
                ..ScreenSummary::default()
            }
        );
    }
}
