//! Scorecards as the API and pages see them: what a card, its history and
//! a candidate's panel of cards look like on the wire. The rules that
//! decide who reads and writes which card are in `service::scorecards`.

use super::panel::interviews::InterviewItem;
pub use crate::domain::scorecard::CardStatus;
use crate::domain::scorecard::{ItemScore, Recommendation, ScorecardState, VersionKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One item of the card as the frozen kit describes it, keyed like the
/// card's content (`competency:mid-q1`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ScorecardItem {
    /// The item's key in `body.items`.
    pub key: String,
    /// False for an item recorded on this card before the plan moved it
    /// out of the round: kept, so nothing recorded disappears, but not
    /// needed to submit.
    pub in_plan: bool,
    #[serde(flatten)]
    pub item: InterviewItem,
}

/// A card's content as shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = ScorecardContent))]
pub struct CardContent {
    /// By item key: `competency:<question id>`, `attitude:<attitude id>` or
    /// `exercise:presentation` / `exercise:simulation`. Items with nothing
    /// recorded are left out.
    pub items: BTreeMap<String, ItemScore>,
    /// For the interviewer alone: present on the interviewer's own card
    /// only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub private_notes: Option<String>,
    /// `null` while not chosen yet.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub recommendation: Option<Recommendation>,
    /// Key take-aways, Markdown.
    pub takeaways: String,
}

/// The notes as sanitised HTML.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RenderedNotes {
    /// By item key, for items with notes.
    pub items: BTreeMap<String, String>,
    /// The key take-aways.
    pub takeaways: String,
}

/// One interviewer's scorecard for one round of one candidate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = Scorecard))]
pub struct ScorecardView {
    /// The interview's (assignment's) id.
    pub id: String,
    pub requisition_id: String,
    pub candidate_id: String,
    pub candidate_name: String,
    /// A kit round id.
    pub round: String,
    pub round_name: String,
    #[cfg_attr(feature = "ssr", schema(format = Email))]
    pub interviewer_email: String,
    pub state: ScorecardState,
    /// What the next write names as the version it is based on: send it
    /// back with the next PUT or submit.
    pub version: i64,
    /// The rubric library version the card is scored against.
    pub rubric_version: String,
    /// `null` until the card is submitted.
    #[cfg_attr(feature = "ssr", schema(format = DateTime, required = true))]
    pub submitted_at: Option<String>,
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub updated_at: String,
    /// The caller is the card's interviewer.
    pub mine: bool,
    /// The round's items in plan order.
    pub items: Vec<ScorecardItem>,
    pub body: CardContent,
    #[cfg_attr(feature = "ssr", schema(inline))]
    pub html: RenderedNotes,
}

/// One item of a submitted card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ItemResult {
    /// The item's key (`competency:mid-q1`).
    pub key: String,
    pub title: String,
    /// The competency id a competency question assesses; `null` for other
    /// items.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub competency: Option<String>,
    /// `null` when the item was not rated.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub rating: Option<crate::domain::scoring::Rating>,
    /// The positive indicators seen, as the kit words them.
    pub positive: Vec<String>,
    /// The negative indicators seen, as the kit words them.
    pub negative: Vec<String>,
    /// Markdown as written.
    pub notes: String,
    /// The notes as sanitised HTML.
    pub notes_html: String,
}

// Only ever flattened into a `PanelCard`, where its fields are there once
// the card is submitted and absent before: so none is required in the
// schema (a flattened `Option` would otherwise be described as `null` or
// the fields, which no object matches).
/// What a submitted card tells the panel: the fields of a
/// `PanelScorecard` that are present, all of them, only when its `state`
/// is `submitted`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = PanelScorecardResult))]
pub struct CardResult {
    #[cfg_attr(feature = "ssr", schema(required = false))]
    pub version: i64,
    /// The rubric library version the card is scored against.
    #[cfg_attr(feature = "ssr", schema(required = false))]
    pub rubric_version: String,
    #[cfg_attr(feature = "ssr", schema(format = DateTime, required = false))]
    pub submitted_at: String,
    /// Later than `submitted_at` when the card was amended.
    #[cfg_attr(feature = "ssr", schema(format = DateTime, required = false))]
    pub updated_at: String,
    /// `null` when no recommendation was chosen.
    pub recommendation: Option<Recommendation>,
    /// Key take-aways, Markdown as written.
    #[cfg_attr(feature = "ssr", schema(required = false))]
    pub takeaways: String,
    /// The take-aways as sanitised HTML.
    #[cfg_attr(feature = "ssr", schema(required = false))]
    pub takeaways_html: String,
    /// The card's items in plan order.
    #[cfg_attr(feature = "ssr", schema(required = false))]
    pub items: Vec<ItemResult>,
}

/// One interview of the candidate: one interviewer on one round. The
/// card's content (the fields of `PanelScorecardResult`, after `state`) is
/// present only when `state` is `submitted`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = PanelScorecard))]
pub struct PanelCard {
    /// The scorecard's (interview's, assignment's) id.
    pub id: String,
    #[cfg_attr(feature = "ssr", schema(format = Email))]
    pub interviewer_email: String,
    /// A kit round id.
    pub round: String,
    pub round_name: String,
    pub state: CardStatus,
    #[serde(flatten, default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = CardResult))]
    pub result: Option<CardResult>,
}

/// The panel's scorecards for one candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CandidateScorecards {
    pub candidate_id: String,
    pub candidate_name: String,
    /// Every slot of the panel for the people running the requisition; the
    /// submitted cards only for a panelist.
    pub scorecards: Vec<PanelCard>,
}

/// One kept version of a scorecard: the submission or an amendment, whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = ScorecardVersion))]
pub struct VersionView {
    pub version: i64,
    pub kind: VersionKind,
    #[cfg_attr(feature = "ssr", schema(format = Email))]
    pub author_email: String,
    /// The author's display name, or their email when they have none.
    pub author_name: String,
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub saved_at: String,
    /// Why the amendment was made; empty for the submission.
    pub reason: String,
    pub body: CardContent,
}

/// Every kept version of a submitted scorecard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = ScorecardHistory))]
pub struct HistoryView {
    /// The scorecard's id.
    pub id: String,
    /// Oldest first.
    pub versions: Vec<VersionView>,
    // When each version was saved, on the reader's clocks: for the page
    // only (the JSON API gives the stored times), so not in the schema.
    #[serde(default, skip_serializing_if = "crate::time_text::Times::is_empty")]
    #[cfg_attr(feature = "ssr", schema(ignore))]
    pub times: crate::time_text::Times,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result() -> CardResult {
        CardResult {
            version: 2,
            rubric_version: "v1".into(),
            submitted_at: "2027-01-01T00:00:00.000Z".into(),
            updated_at: "2027-01-01T00:00:00.000Z".into(),
            recommendation: Some(Recommendation::Hire),
            takeaways: "t".into(),
            takeaways_html: "<p>t</p>".into(),
            items: vec![],
        }
    }

    #[test]
    fn a_draft_on_the_panel_reads_as_its_slot_only() {
        let draft = PanelCard {
            id: "a".into(),
            interviewer_email: "ivy@example.com".into(),
            round: "deep-dive".into(),
            round_name: "Deep dive".into(),
            state: CardStatus::Draft,
            result: None,
        };
        let json = serde_json::to_value(&draft).unwrap();
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            vec!["id", "interviewer_email", "round", "round_name", "state"]
        );
        assert_eq!(json["state"], "draft");
        assert_eq!(
            serde_json::from_value::<PanelCard>(json).unwrap(),
            draft,
            "round trips"
        );

        let submitted = PanelCard {
            state: CardStatus::Submitted,
            result: Some(result()),
            ..draft
        };
        let json = serde_json::to_value(&submitted).unwrap();
        assert_eq!(json["recommendation"], "hire");
        assert_eq!(json["submitted_at"], "2027-01-01T00:00:00.000Z");
        assert_eq!(
            serde_json::from_value::<PanelCard>(json).unwrap(),
            submitted
        );
    }

    #[test]
    fn private_notes_are_left_out_unless_given() {
        let shared = CardContent::default();
        let json = serde_json::to_value(&shared).unwrap();
        assert!(json.get("private_notes").is_none(), "{json}");
        let own = CardContent {
            private_notes: Some(String::new()),
            ..CardContent::default()
        };
        assert_eq!(serde_json::to_value(&own).unwrap()["private_notes"], "");
    }
}
