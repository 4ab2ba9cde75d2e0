//! The board's model: its columns and items, the panel's slots, ratings
//! and decisions, the rows and cells built from them, and the calibration.

use crate::domain::agreement::Agreement;
use crate::domain::candidate::Stage;
use crate::domain::exact::Score;
use crate::domain::scorecard::{CardStatus, Recommendation};
use crate::domain::scoring::Rating;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A column of the board: a competency, the attitudes, or an exercise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BoardColumn {
    /// `competency:<id>`, `attitudes`, `exercise:presentation` or
    /// `exercise:simulation`.
    pub id: String,
    /// The column's heading.
    pub label: String,
    /// The sub-role's weight for it in the weighted score.
    pub weight: u8,
}

/// One scored item of the plan and the column it counts in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BoardItem {
    /// Keyed like scorecards: `competency:mid-q1`.
    pub key: String,
    pub title: String,
    /// The id of the column it counts in.
    pub column: String,
    /// The competency name for a competency question; `null` for other
    /// items.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub competency: Option<String>,
}

/// The panel's decision on a candidate at the debrief: `hire`, `no-hire`,
/// or `hold` (not decided yet: more evidence needed first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = BoardOutcome))]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Hire,
    NoHire,
    /// Not decided yet: more evidence needed first.
    Hold,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Hire, Outcome::NoHire, Outcome::Hold];

    pub fn id(self) -> &'static str {
        match self {
            Outcome::Hire => "hire",
            Outcome::NoHire => "no-hire",
            Outcome::Hold => "hold",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Hire => "Hire",
            Outcome::NoHire => "No hire",
            Outcome::Hold => "Hold: more evidence needed",
        }
    }
}

crate::domain::ids::id_enum_impls!(Outcome, "decision");

/// A recorded debrief decision. Decisions are kept, never overwritten;
/// the board shows the latest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Decision {
    pub candidate_id: String,
    pub outcome: Outcome,
    /// Why the panel decided so.
    pub rationale: String,
    /// Who recorded it: their display name, or their email without one.
    pub decided_by: String,
    /// RFC 3339, UTC.
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub decided_at: String,
}

/// One interviewer on one round of one candidate, with where their card
/// stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = BoardSlot))]
pub struct Slot {
    /// The assignment's (and scorecard's) id.
    pub id: String,
    pub candidate_id: String,
    pub interviewer_id: String,
    #[cfg_attr(feature = "ssr", schema(format = Email))]
    pub interviewer_email: String,
    /// A kit round id.
    pub round: String,
    pub round_name: String,
    /// RFC 3339, UTC.
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub starts_at: String,
    /// How long the interview lasts.
    pub minutes: i64,
    pub state: CardStatus,
    /// `null` until the card is submitted.
    #[cfg_attr(feature = "ssr", schema(format = DateTime, required = true))]
    pub submitted_at: Option<String>,
    /// When a submitted card last changed (its submission, or the latest
    /// amendment); `null` until it is submitted.
    #[cfg_attr(feature = "ssr", schema(format = DateTime, required = true))]
    pub updated_at: Option<String>,
    /// On a submitted card; `null` otherwise.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub recommendation: Option<Recommendation>,
    /// Key take-aways, Markdown; empty until the card is submitted.
    pub takeaways: String,
}

/// One rating on a submitted card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RatingRecord {
    /// The slot (assignment and scorecard) it was given on.
    pub slot_id: String,
    pub candidate_id: String,
    pub interviewer_id: String,
    #[cfg_attr(feature = "ssr", schema(format = Email))]
    pub interviewer_email: String,
    /// A kit round id.
    pub round: String,
    pub round_name: String,
    /// Keyed like scorecards: `competency:mid-q1`.
    pub item_key: String,
    pub rating: Rating,
    /// The positive indicators ticked, as the kit words them.
    pub positive: Vec<String>,
    /// The negative indicators ticked, as the kit words them.
    pub negative: Vec<String>,
    /// Markdown.
    pub notes: String,
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub submitted_at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateInfo {
    pub id: String,
    pub name: String,
    pub stage: Stage,
}

/// How many ratings of each kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = RatingCounts))]
pub struct Counts {
    pub exceeds: u32,
    pub meets: u32,
    pub below: u32,
    pub no_evidence: u32,
}

impl Counts {
    #[cfg(feature = "ssr")]
    pub(super) fn add(&mut self, rating: Rating) {
        match rating {
            Rating::Exceeds => self.exceeds += 1,
            Rating::Meets => self.meets += 1,
            Rating::Below => self.below += 1,
            Rating::NoEvidence => self.no_evidence += 1,
        }
    }

    pub fn total(&self) -> u32 {
        self.exceeds + self.meets + self.below + self.no_evidence
    }

    /// Mean points (below 1, meets 2, exceeds 3) over the ratings that
    /// have points; `None` when there are none.
    pub fn mean(&self) -> Option<f64> {
        self.score().map(Score::to_f64)
    }

    /// The same mean, exactly.
    pub fn score(&self) -> Option<Score> {
        let points =
            3 * u128::from(self.exceeds) + 2 * u128::from(self.meets) + u128::from(self.below);
        Score::new(points, u128::from(self.exceeds + self.meets + self.below))
    }
}

/// One candidate in one column: the panel's ratings summed up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = BoardCell))]
pub struct Cell {
    /// The column's id.
    pub column: String,
    pub counts: Counts,
    /// Mean points (below 1, meets 2, exceeds 3) over the ratings that
    /// have points; `null` when there are none.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub mean: Option<f64>,
}

/// An item where the panel is two steps apart: someone rated it exceeds
/// and someone below.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = BoardFlag))]
pub struct Flag {
    pub item_key: String,
    pub title: String,
    /// Who rated it exceeds, by email.
    pub exceeds_by: Vec<String>,
    /// Who rated it below, by email.
    pub below_by: Vec<String>,
}

/// A card not submitted yet, and who owes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MissingCard {
    pub slot_id: String,
    #[cfg_attr(feature = "ssr", schema(format = Email))]
    pub interviewer_email: String,
    pub round_name: String,
    /// `not-started` or `draft`.
    pub state: CardStatus,
    /// When the interview starts; RFC 3339, UTC.
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub starts_at: String,
    /// Still missing 24 hours after the interview ended.
    pub overdue: bool,
}

/// One interviewer's overall call on a candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PanelRecommendation {
    pub slot_id: String,
    #[cfg_attr(feature = "ssr", schema(format = Email))]
    pub interviewer_email: String,
    pub round_name: String,
    pub recommendation: Recommendation,
}

/// One candidate's line of the board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CandidateRow {
    pub id: String,
    pub name: String,
    pub stage: Stage,
    /// True while the viewer may not see this candidate's ratings.
    pub hidden: bool,
    /// One per board column, in the board's order.
    pub cells: Vec<Cell>,
    /// Per item key, the ratings' counts.
    pub items: BTreeMap<String, Counts>,
    /// The column means weighted by the sub-role's weights (1 to 3);
    /// `null` without ratings to weigh.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub weighted: Option<f64>,
    /// What the weighted score says, mechanically; `null` without one.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub evidence: Option<Recommendation>,
    /// Each submitted card's overall call.
    pub recommendations: Vec<PanelRecommendation>,
    pub flags: Vec<Flag>,
    // The board page shows the count without the flags themselves.
    /// How many items the panel is two steps apart on (the number of
    /// flags).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub to_discuss: usize,
    /// The cards not submitted yet.
    pub missing: Vec<MissingCard>,
    /// How many of the candidate's cards are submitted.
    pub submitted_cards: usize,
    /// The current decision: the latest one recorded; `null` before any.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub decision: Option<Decision>,
    /// Decisions recorded before the current one, oldest first, each with
    /// who made it, when and why. Decisions are never overwritten.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub earlier_decisions: Vec<Decision>,
    /// The decision goes against the weighted evidence.
    pub departs: bool,
}

/// One interviewer's leniency, by email.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct InterviewerLeniency {
    #[cfg_attr(feature = "ssr", schema(format = Email))]
    pub interviewer_email: String,
    /// How many of the items they rated someone else rated too.
    pub shared_items: usize,
    /// Mean steps above (positive) or below the rest of the panel on the
    /// same candidates and items; `null` with fewer than 3 shared items.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub offset: Option<f64>,
}

/// Whose candidates the figures cover: every candidate of the
/// requisition (`requisition`, for the people running it) or only those
/// the viewer interviews (`own-candidates`, for a panelist).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = BoardCoverage))]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    /// Every candidate of the requisition: the people running it.
    Requisition,
    /// Only the candidates the viewer interviews: a panelist.
    OwnCandidates,
}

/// How consistently the panel rates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = BoardCalibration))]
pub struct Calibration {
    pub agreement: Agreement,
    /// What the agreement means for the debrief, in a sentence.
    pub reading: String,
    pub leniency: Vec<InterviewerLeniency>,
    pub coverage: Coverage,
    /// Whose ratings the figures cover, in a sentence, with how many
    /// candidates are counted and how many are left out while the viewer's
    /// own scorecard for them is unsubmitted.
    pub covers: String,
}

/// The panel board: one requisition's candidates against every
/// competency, the attitudes and the two exercises, as the panel scored
/// them, limited to what the viewer may see.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Board {
    pub requisition_id: String,
    /// The requisition's title.
    pub title: String,
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub generated_at: String,
    pub columns: Vec<BoardColumn>,
    /// Every scored item of the plan.
    pub items: Vec<BoardItem>,
    pub candidates: Vec<CandidateRow>,
    pub calibration: Calibration,
    /// Every rating the viewer may see.
    pub ratings: Vec<RatingRecord>,
    /// Every slot of the panel.
    pub slots: Vec<Slot>,
    /// The names of the interviewers who have one, by email.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub people: std::collections::BTreeMap<String, String>,
    // The interview and decision times the pages show, on the reader's
    // clocks (see `stored_times`); empty in the exports and the JSON API,
    // which keep the stored UTC times, so not in the API's schema.
    #[serde(default, skip_serializing_if = "crate::time_text::Times::is_empty")]
    #[cfg_attr(feature = "ssr", schema(ignore))]
    pub times: crate::time_text::Times,
    // When it was generated, on the reader's clock to the second (the
    // page's "Updated"); empty in the exports and the API, like `times`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "ssr", schema(ignore))]
    pub updated: String,
    // Each interviewer's practice on the calibration page, by email, for
    // the people running the requisition (on the page, beside leniency);
    // empty in the exports and the API.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    #[cfg_attr(feature = "ssr", schema(ignore))]
    pub practice: std::collections::BTreeMap<String, crate::domain::calibration::Score>,
}

impl Board {
    /// Every time the pages show: interviews owed and decisions recorded.
    pub fn stored_times(&self) -> Vec<&str> {
        let mut stored = Vec::new();
        for row in &self.candidates {
            stored.extend(row.missing.iter().map(|m| m.starts_at.as_str()));
            stored.extend(
                row.decision
                    .iter()
                    .chain(&row.earlier_decisions)
                    .map(|d| d.decided_at.as_str()),
            );
        }
        stored
    }

    /// A stored time as the pages show it.
    pub fn time(&self, stored: &str) -> String {
        self.times.at(stored)
    }

    /// How the pages name an interviewer: their name, or their email.
    pub fn person<'a>(&'a self, email: &'a str) -> &'a str {
        self.people.get(email).map(String::as_str).unwrap_or(email)
    }

    pub fn column(&self, id: &str) -> Option<&BoardColumn> {
        self.columns.iter().find(|c| c.id == id)
    }

    pub fn item(&self, key: &str) -> Option<&BoardItem> {
        self.items.iter().find(|i| i.key == key)
    }

    /// What an item is called: its title, or its key when the board does
    /// not know it.
    pub fn item_title<'a>(&'a self, key: &'a str) -> &'a str {
        self.item(key).map_or(key, |i| i.title.as_str())
    }

    /// What an item assesses: the competency for a question, else its
    /// column ("Attitudes", "Role-play"); `None` for an unknown item.
    pub fn item_area(&self, key: &str) -> Option<&str> {
        let item = self.item(key)?;
        item.competency
            .as_deref()
            .or_else(|| self.column(&item.column).map(|c| c.label.as_str()))
    }

    pub fn candidate(&self, id: &str) -> Option<&CandidateRow> {
        self.candidates.iter().find(|c| c.id == id)
    }

    pub fn overdue_count(&self) -> usize {
        self.candidates
            .iter()
            .flat_map(|c| &c.missing)
            .filter(|m| m.overdue)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::board::fixtures::close;

    #[test]
    fn counts_mean_uses_points_and_ignores_no_evidence() {
        let counts = Counts {
            exceeds: 2,
            meets: 1,
            below: 1,
            no_evidence: 3,
        };
        assert_eq!(counts.total(), 7);
        close(counts.mean().unwrap(), 9.0 / 4.0);
        let nothing = Counts {
            no_evidence: 2,
            ..Counts::default()
        };
        assert_eq!(nothing.mean(), None);
    }
}
