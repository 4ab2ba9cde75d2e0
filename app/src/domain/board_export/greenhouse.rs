//! Submitted scorecards in the shape Greenhouse's Harvest API uses for
//! scorecards, so a recruiter can move the panel's evidence into an ATS
//! that already speaks it. One scorecard per submitted card; hidden
//! candidates' cards are left out.

use crate::domain::board::{Board, RatingRecord, Slot};
use crate::domain::scorecard::{CardStatus, Recommendation};
use crate::domain::scoring::Rating;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HarvestStep {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HarvestUser {
    pub id: String,
    /// We hold interviewers by email only, so the email is the name too.
    pub name: String,
    pub email: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HarvestAttribute {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub note: Option<String>,
    pub rating: &'static str,
}

/// Attribute names grouped by the rating they got.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct HarvestRatings {
    pub definitely_not: Vec<String>,
    pub no: Vec<String>,
    pub mixed: Vec<String>,
    pub yes: Vec<String>,
    pub strong_yes: Vec<String>,
    pub no_decision: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HarvestQuestion {
    /// Greenhouse ids its own questions; ours have none.
    pub id: Option<u64>,
    pub question: String,
    pub answer: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HarvestScorecard {
    pub id: String,
    pub candidate_id: String,
    pub candidate_name: String,
    pub interview: String,
    pub interview_step: HarvestStep,
    pub interviewed_at: String,
    pub submitted_at: Option<String>,
    pub submitted_by: HarvestUser,
    pub interviewer: HarvestUser,
    pub overall_recommendation: &'static str,
    pub attributes: Vec<HarvestAttribute>,
    pub ratings: HarvestRatings,
    pub questions: Vec<HarvestQuestion>,
}

/// Our four-point item rating on Greenhouse's attribute scale.
pub fn attribute_rating(rating: Rating) -> &'static str {
    match rating {
        Rating::Exceeds => "strong_yes",
        Rating::Meets => "yes",
        Rating::Below => "no",
        Rating::NoEvidence => "no_decision",
    }
}

/// An interviewer's overall call on Greenhouse's recommendation scale.
pub fn overall_recommendation(recommendation: Option<Recommendation>) -> &'static str {
    match recommendation {
        Some(Recommendation::StrongHire) => "strong_yes",
        Some(Recommendation::Hire) => "yes",
        Some(Recommendation::NoHire) => "no",
        Some(Recommendation::StrongNoHire) => "definitely_not",
        Some(Recommendation::NoDecision) | None => "no_decision",
    }
}

fn user(slot: &Slot) -> HarvestUser {
    HarvestUser {
        id: slot.interviewer_id.clone(),
        name: slot.interviewer_email.clone(),
        email: slot.interviewer_email.clone(),
    }
}

fn attribute(board: &Board, r: &RatingRecord) -> HarvestAttribute {
    HarvestAttribute {
        name: board.item_title(&r.item_key).to_string(),
        kind: board.item_area(&r.item_key).unwrap_or_default().to_string(),
        note: (!r.notes.trim().is_empty()).then(|| r.notes.clone()),
        rating: attribute_rating(r.rating),
    }
}

/// One Harvest scorecard per submitted card of a candidate the viewer may
/// see, ordered by candidate name, interview time and interviewer.
pub fn greenhouse_scorecards(board: &Board) -> Vec<HarvestScorecard> {
    let item_order: HashMap<&str, usize> = board
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| (item.key.as_str(), i))
        .collect();
    let mut slots: Vec<(&Slot, &str)> = board
        .slots
        .iter()
        .filter(|s| s.state == CardStatus::Submitted)
        // A slot for a candidate not on the board is one the viewer was
        // not given; leave it out rather than guess.
        .filter_map(|s| {
            let row = board.candidate(&s.candidate_id)?;
            (!row.hidden).then_some((s, row.name.as_str()))
        })
        .collect();
    slots.sort_by(|(a, a_name), (b, b_name)| {
        (
            a_name.to_lowercase(),
            &a.candidate_id,
            &a.starts_at,
            &a.interviewer_email,
        )
            .cmp(&(
                b_name.to_lowercase(),
                &b.candidate_id,
                &b.starts_at,
                &b.interviewer_email,
            ))
    });

    slots
        .into_iter()
        .map(|(slot, name)| {
            let mut mine: Vec<&RatingRecord> = board
                .ratings
                .iter()
                .filter(|r| r.slot_id == slot.id)
                .collect();
            mine.sort_by_key(|r| {
                (
                    item_order
                        .get(r.item_key.as_str())
                        .copied()
                        .unwrap_or(usize::MAX),
                    r.item_key.clone(),
                )
            });
            let attributes: Vec<HarvestAttribute> =
                mine.iter().map(|r| attribute(board, r)).collect();
            let mut ratings = HarvestRatings::default();
            for a in &attributes {
                let bucket = match a.rating {
                    "strong_yes" => &mut ratings.strong_yes,
                    "yes" => &mut ratings.yes,
                    "no" => &mut ratings.no,
                    _ => &mut ratings.no_decision,
                };
                bucket.push(a.name.clone());
            }
            HarvestScorecard {
                id: slot.id.clone(),
                candidate_id: slot.candidate_id.clone(),
                candidate_name: name.to_string(),
                interview: slot.round_name.clone(),
                interview_step: HarvestStep {
                    id: slot.round.clone(),
                    name: slot.round_name.clone(),
                },
                interviewed_at: slot.starts_at.clone(),
                submitted_at: slot.submitted_at.clone(),
                submitted_by: user(slot),
                interviewer: user(slot),
                overall_recommendation: overall_recommendation(slot.recommendation),
                attributes,
                ratings,
                questions: vec![HarvestQuestion {
                    id: None,
                    question: "Key take-aways".into(),
                    answer: slot.takeaways.clone(),
                }],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::board_export::sample::{self, AWKWARD};
    use serde_json::{json, Value};

    #[test]
    fn rating_mapping() {
        assert_eq!(attribute_rating(Rating::Exceeds), "strong_yes");
        assert_eq!(attribute_rating(Rating::Meets), "yes");
        assert_eq!(attribute_rating(Rating::Below), "no");
        assert_eq!(attribute_rating(Rating::NoEvidence), "no_decision");
    }

    #[test]
    fn recommendation_mapping() {
        assert_eq!(
            overall_recommendation(Some(Recommendation::StrongHire)),
            "strong_yes"
        );
        assert_eq!(overall_recommendation(Some(Recommendation::Hire)), "yes");
        assert_eq!(overall_recommendation(Some(Recommendation::NoHire)), "no");
        assert_eq!(
            overall_recommendation(Some(Recommendation::StrongNoHire)),
            "definitely_not"
        );
        assert_eq!(
            overall_recommendation(Some(Recommendation::NoDecision)),
            "no_decision"
        );
        assert_eq!(overall_recommendation(None), "no_decision");
    }

    #[test]
    fn one_scorecard_per_submitted_visible_card() {
        let cards = greenhouse_scorecards(&sample::board());
        let ids: Vec<&str> = cards.iter().map(|c| c.id.as_str()).collect();
        // s3 is a draft; s5 belongs to the hidden candidate. Cruz ("=...")
        // sorts before Ann; ana and ben started at the same time.
        assert_eq!(ids, ["s1", "s2", "s4"]);
        assert_eq!(cards[0].candidate_name, AWKWARD);
    }

    #[test]
    fn the_shape_matches_harvest() {
        let cards = greenhouse_scorecards(&sample::board());
        let value = serde_json::to_value(&cards[0]).unwrap();
        let Value::Object(map) = &value else {
            panic!("not an object: {value}");
        };
        let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "attributes",
                "candidate_id",
                "candidate_name",
                "id",
                "interview",
                "interview_step",
                "interviewed_at",
                "interviewer",
                "overall_recommendation",
                "questions",
                "ratings",
                "submitted_at",
                "submitted_by",
            ]
        );
        assert_eq!(value["interview"], "Technical interview");
        assert_eq!(
            value["interview_step"],
            json!({"id": "r1", "name": "Technical interview"})
        );
        assert_eq!(value["interviewed_at"], "2024-06-01T10:00:00Z");
        assert_eq!(value["submitted_at"], "2024-06-01T12:00:00Z");
        assert_eq!(
            value["submitted_by"],
            json!({"id": "u-ana", "name": "ana@example.com", "email": "ana@example.com"})
        );
        assert_eq!(value["interviewer"], value["submitted_by"]);
        assert_eq!(value["overall_recommendation"], "strong_yes");
        assert_eq!(
            value["attributes"],
            json!([
                {
                    "name": "Escalations | conflicts",
                    "type": "Stakeholder management",
                    "note": "<script>alert(1)</script>\n\nSolid | clear answer.",
                    "rating": "strong_yes"
                },
                {"name": "Curiosity", "type": "Attitudes", "note": null, "rating": "yes"}
            ])
        );
        assert_eq!(
            value["ratings"],
            json!({
                "definitely_not": [],
                "no": [],
                "mixed": [],
                "yes": ["Curiosity"],
                "strong_yes": ["Escalations | conflicts"],
                "no_decision": []
            })
        );
        assert_eq!(
            value["questions"],
            json!([{"id": null, "question": "Key take-aways", "answer": "Strong with partners."}])
        );

        let ben = serde_json::to_value(&cards[1]).unwrap();
        assert_eq!(ben["overall_recommendation"], "no");
        assert_eq!(ben["ratings"]["no"], json!(["Escalations | conflicts"]));
        assert_eq!(ben["attributes"][1]["type"], "Role-play");
    }
}
