//! Submitted scorecards as Greenhouse Harvest scorecard objects (the
//! `GET /v1/scorecards` shape: every documented field, with its type), so
//! a recruiter can move the panel's evidence into an ATS that already
//! speaks it. One scorecard per submitted card; hidden candidates' cards
//! are left out.
//!
//! Harvest ids are integers; ours are 32-hex-digit strings. Each object
//! gets a number derived from its own id (see [`harvest_id`]): the same
//! card, candidate, person or round exports with the same number every
//! time, so a re-import updates instead of duplicating.

use crate::domain::board::{Board, RatingRecord, Slot};
use crate::domain::scorecard::{CardStatus, Recommendation};
use crate::domain::scoring::Rating;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The largest integer every JSON reader holds exactly (2^53 - 1): a
/// JavaScript number loses digits beyond it.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// A stable, positive Harvest id for one of our objects: the first bytes
/// of SHA-256 over the object's kind and id, cut to 53 bits. The kind
/// keeps a candidate's number apart from their application's; among a
/// million objects of a kind the chance that two share a number is about
/// one in 18,000.
pub fn harvest_id(kind: &str, id: &str) -> u64 {
    let digest = Sha256::new()
        .chain_update(kind.as_bytes())
        .chain_update([0])
        .chain_update(id.as_bytes())
        .finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    (u64::from_be_bytes(first) & MAX_SAFE_INTEGER).max(1)
}

// The objects below are serialised only: `deny_unknown_fields` is there
// for the schema, which then says they have no other fields.

/// The interview step: the round, as a step of this requisition's plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HarvestStep {
    #[schema(minimum = 1, maximum = 9_007_199_254_740_991_i64)]
    pub id: u64,
    /// The round's name.
    pub name: String,
}

/// A person on a Harvest scorecard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HarvestUser {
    #[schema(minimum = 1, maximum = 9_007_199_254_740_991_i64)]
    pub id: u64,
    /// Empty: people are exported by email, as `name`.
    pub first_name: String,
    /// Empty, like `first_name`.
    pub last_name: String,
    /// The person's email, so they are still recognisable.
    pub name: String,
    /// Always `null`: no employee numbers are kept.
    #[schema(required = true)]
    pub employee_id: Option<String>,
}

/// One rated item of the card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HarvestAttribute {
    /// The item's title.
    pub name: String,
    /// The competency, Attitudes, Presentation or Role-play.
    #[serde(rename = "type")]
    pub kind: String,
    /// The interviewer's notes on the item, Markdown; `null` without any.
    #[schema(required = true)]
    pub note: Option<String>,
    #[schema(schema_with = attribute_rating_schema)]
    pub rating: &'static str,
}

/// Attribute names grouped by the rating they got: Harvest's five
/// buckets. An attribute rated `no_decision` is in none of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HarvestRatings {
    pub definitely_not: Vec<String>,
    pub no: Vec<String>,
    pub mixed: Vec<String>,
    pub yes: Vec<String>,
    pub strong_yes: Vec<String>,
}

/// A question on the card and its answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HarvestQuestion {
    /// Greenhouse numbers its custom questions; the take-aways, like
    /// Harvest's own "Key Take-Aways", have none (`null`).
    #[schema(required = true)]
    pub id: Option<u64>,
    pub question: String,
    pub answer: String,
}

// Field for field, Harvest's scorecard object, in its documented order.
/// A Greenhouse Harvest scorecard object: one interviewer's submitted
/// scorecard. Ids are stable numbers derived from our own ids, so a
/// re-import updates rather than duplicates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HarvestScorecard {
    #[schema(minimum = 1, maximum = 9_007_199_254_740_991_i64)]
    pub id: u64,
    /// When the card was last amended, or submitted.
    #[schema(format = DateTime)]
    pub updated_at: String,
    /// When the card was submitted.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// The round's name.
    pub interview: String,
    #[schema(inline)]
    pub interview_step: HarvestStep,
    #[schema(minimum = 1, maximum = 9_007_199_254_740_991_i64)]
    pub candidate_id: u64,
    /// One application per candidate.
    #[schema(minimum = 1, maximum = 9_007_199_254_740_991_i64)]
    pub application_id: u64,
    /// When the interview started.
    #[schema(format = DateTime)]
    pub interviewed_at: String,
    /// The interviewer, who submitted the card.
    pub submitted_by: HarvestUser,
    pub interviewer: HarvestUser,
    #[schema(format = DateTime)]
    pub submitted_at: String,
    #[schema(schema_with = overall_recommendation_schema)]
    pub overall_recommendation: &'static str,
    /// One per rated item, in plan order.
    #[schema(inline)]
    pub attributes: Vec<HarvestAttribute>,
    #[schema(inline)]
    pub ratings: HarvestRatings,
    /// The key take-aways, as Harvest's "Key Take-Aways" question.
    #[schema(inline)]
    pub questions: Vec<HarvestQuestion>,
}

/// A string schema with a closed set of values.
fn one_of(description: &str, values: &[&str]) -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .enum_values(Some(values.iter().copied()))
        .build()
}

fn attribute_rating_schema() -> utoipa::openapi::schema::Object {
    one_of(
        "On Greenhouse's attribute scale: exceeds is `strong_yes`, meets `yes`, \
         below `no` and no evidence `no_decision`.",
        &[
            "definitely_not",
            "no",
            "mixed",
            "yes",
            "strong_yes",
            "no_decision",
        ],
    )
}

fn overall_recommendation_schema() -> utoipa::openapi::schema::Object {
    one_of(
        "The interviewer's recommendation on Greenhouse's scale: strong hire is \
         `strong_yes`, hire `yes`, no hire `no`, strong no hire `definitely_not`, \
         and no decision `no_decision`.",
        &["definitely_not", "no", "yes", "strong_yes", "no_decision"],
    )
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

/// The interviewer, who is also who submitted: a card is only ever
/// submitted by its own interviewer here.
fn user(slot: &Slot) -> HarvestUser {
    HarvestUser {
        id: harvest_id("user", &slot.interviewer_id),
        first_name: String::new(),
        last_name: String::new(),
        name: slot.interviewer_email.clone(),
        employee_id: None,
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

fn ratings(attributes: &[HarvestAttribute]) -> HarvestRatings {
    let mut ratings = HarvestRatings::default();
    for a in attributes {
        let bucket = match a.rating {
            "strong_yes" => &mut ratings.strong_yes,
            "yes" => &mut ratings.yes,
            "mixed" => &mut ratings.mixed,
            "no" => &mut ratings.no,
            "definitely_not" => &mut ratings.definitely_not,
            _ => continue,
        };
        bucket.push(a.name.clone());
    }
    ratings
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
    let mut slots: Vec<(&Slot, &str, &str)> = board
        .slots
        .iter()
        .filter(|s| s.state == CardStatus::Submitted)
        // A slot for a candidate not on the board is one the viewer was
        // not given; leave it out rather than guess.
        .filter_map(|s| {
            let row = board.candidate(&s.candidate_id)?;
            let submitted = s.submitted_at.as_deref()?;
            (!row.hidden).then_some((s, row.name.as_str(), submitted))
        })
        .collect();
    slots.sort_by(|(a, a_name, _), (b, b_name, _)| {
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
        .map(|(slot, _, submitted_at)| {
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
            HarvestScorecard {
                id: harvest_id("scorecard", &slot.id),
                // A scorecard exists in Harvest once submitted: it was
                // created then, and an amendment updates it.
                updated_at: slot
                    .updated_at
                    .clone()
                    .unwrap_or_else(|| submitted_at.to_string()),
                created_at: submitted_at.to_string(),
                interview: slot.round_name.clone(),
                interview_step: HarvestStep {
                    // A round is a step of this requisition's plan: the
                    // same round id in another requisition is another step.
                    id: harvest_id(
                        "interview_step",
                        &format!("{}/{}", board.requisition_id, slot.round),
                    ),
                    name: slot.round_name.clone(),
                },
                candidate_id: harvest_id("candidate", &slot.candidate_id),
                // A candidate here applies to one requisition: one
                // application each.
                application_id: harvest_id("application", &slot.candidate_id),
                interviewed_at: slot.starts_at.clone(),
                submitted_by: user(slot),
                interviewer: user(slot),
                submitted_at: submitted_at.to_string(),
                overall_recommendation: overall_recommendation(slot.recommendation),
                ratings: ratings(&attributes),
                attributes,
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
    use crate::domain::board_export::sample;
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
    fn ids_are_stable_positive_and_safe_for_javascript() {
        let a = harvest_id("candidate", "0123456789abcdef0123456789abcdef");
        assert_eq!(
            a,
            harvest_id("candidate", "0123456789abcdef0123456789abcdef")
        );
        assert_ne!(
            a,
            harvest_id("application", "0123456789abcdef0123456789abcdef")
        );
        assert_ne!(
            a,
            harvest_id("candidate", "0123456789abcdef0123456789abcdee")
        );
        // The kind and the id cannot trade characters.
        assert_ne!(harvest_id("ab", "c"), harvest_id("a", "bc"));
        let many: std::collections::BTreeSet<u64> = (0..10_000)
            .map(|n| harvest_id("scorecard", &format!("{n:032x}")))
            .collect();
        assert_eq!(many.len(), 10_000, "no two of 10,000 ids share a number");
        assert!(many.iter().all(|&id| (1..=MAX_SAFE_INTEGER).contains(&id)));
    }

    #[test]
    fn one_scorecard_per_submitted_visible_card() {
        let cards = greenhouse_scorecards(&sample::board());
        let ids: Vec<u64> = cards.iter().map(|c| c.id).collect();
        // s3 is a draft; s5 belongs to the hidden candidate. Cruz ("=...")
        // sorts before Ann; ana and ben started at the same time.
        let expected: Vec<u64> = ["s1", "s2", "s4"]
            .iter()
            .map(|s| harvest_id("scorecard", s))
            .collect();
        assert_eq!(ids, expected);
        assert_eq!(cards[0].candidate_id, harvest_id("candidate", "c1"));
        assert_eq!(cards[2].candidate_id, harvest_id("candidate", "c2"));
    }

    #[test]
    fn the_shape_matches_harvest() {
        let cards = greenhouse_scorecards(&sample::board());
        let value = serde_json::to_value(&cards[0]).unwrap();
        let Value::Object(map) = &value else {
            panic!("not an object: {value}");
        };
        // Harvest's scorecard fields, no more and no fewer.
        let keys: std::collections::BTreeSet<&str> = map.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "id",
                "updated_at",
                "created_at",
                "interview",
                "interview_step",
                "candidate_id",
                "application_id",
                "interviewed_at",
                "submitted_by",
                "interviewer",
                "submitted_at",
                "overall_recommendation",
                "attributes",
                "ratings",
                "questions",
            ]
            .into()
        );
        assert_eq!(value["id"], harvest_id("scorecard", "s1"));
        assert_eq!(value["created_at"], "2024-06-01T12:00:00Z");
        assert_eq!(value["updated_at"], "2024-06-02T08:30:00Z");
        assert_eq!(value["interview"], "Technical interview");
        assert_eq!(
            value["interview_step"],
            json!({"id": harvest_id("interview_step", "req1/r1"), "name": "Technical interview"})
        );
        assert_eq!(value["candidate_id"], harvest_id("candidate", "c1"));
        assert_eq!(value["application_id"], harvest_id("application", "c1"));
        assert_eq!(value["interviewed_at"], "2024-06-01T10:00:00Z");
        assert_eq!(value["submitted_at"], "2024-06-01T12:00:00Z");
        assert_eq!(
            value["submitted_by"],
            json!({
                "id": harvest_id("user", "u-ana"),
                "first_name": "",
                "last_name": "",
                "name": "ana@example.com",
                "employee_id": null
            })
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
                "strong_yes": ["Escalations | conflicts"]
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

    #[test]
    fn no_evidence_is_an_attribute_rating_but_in_no_bucket() {
        let mut board = sample::board();
        for r in &mut board.ratings {
            r.rating = Rating::NoEvidence;
        }
        let cards = greenhouse_scorecards(&board);
        assert!(cards[0]
            .attributes
            .iter()
            .all(|a| a.rating == "no_decision"));
        assert_eq!(cards[0].ratings, HarvestRatings::default());
    }
}
