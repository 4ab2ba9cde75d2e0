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
pub struct BoardColumn {
    /// `competency:<id>`, `attitudes`, `exercise:presentation`,
    /// `exercise:simulation`.
    pub id: String,
    pub label: String,
    /// The sub-role's weight for it in the weighted score.
    pub weight: u8,
}

/// One scored item of the plan and the column it counts in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardItem {
    /// Keyed like scorecards: `competency:mid-q1`.
    pub key: String,
    pub title: String,
    pub column: String,
    /// The competency name for a competency question.
    pub competency: Option<String>,
}

/// The panel's decision on a candidate at the debrief.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
pub struct Decision {
    pub candidate_id: String,
    pub outcome: Outcome,
    pub rationale: String,
    pub decided_by: String,
    /// RFC 3339, UTC.
    pub decided_at: String,
}

/// One interviewer on one round of one candidate, with where their card
/// stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    /// The assignment's (and scorecard's) id.
    pub id: String,
    pub candidate_id: String,
    pub interviewer_id: String,
    pub interviewer_email: String,
    pub round: String,
    pub round_name: String,
    /// RFC 3339, UTC.
    pub starts_at: String,
    pub minutes: i64,
    pub state: CardStatus,
    pub submitted_at: Option<String>,
    /// When a submitted card last changed (its submission, or the latest
    /// amendment).
    pub updated_at: Option<String>,
    /// On a submitted card.
    pub recommendation: Option<Recommendation>,
    pub takeaways: String,
}

/// One rating on a submitted card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingRecord {
    pub slot_id: String,
    pub candidate_id: String,
    pub interviewer_id: String,
    pub interviewer_email: String,
    pub round: String,
    pub round_name: String,
    pub item_key: String,
    pub rating: Rating,
    /// The indicators ticked, as the kit words them.
    pub positive: Vec<String>,
    pub negative: Vec<String>,
    /// Markdown.
    pub notes: String,
    pub submitted_at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateInfo {
    pub id: String,
    pub name: String,
    pub stage: Stage,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct Cell {
    pub column: String,
    pub counts: Counts,
    pub mean: Option<f64>,
}

/// An item where the panel is two steps apart: someone rated it exceeds
/// and someone below.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub item_key: String,
    pub title: String,
    pub exceeds_by: Vec<String>,
    pub below_by: Vec<String>,
}

/// A card not submitted yet, and who owes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingCard {
    pub slot_id: String,
    pub interviewer_email: String,
    pub round_name: String,
    pub state: CardStatus,
    pub starts_at: String,
    /// Still missing 24 hours after the interview ended.
    pub overdue: bool,
}

/// One interviewer's overall call on a candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelRecommendation {
    pub slot_id: String,
    pub interviewer_email: String,
    pub round_name: String,
    pub recommendation: Recommendation,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// The column means weighted by the sub-role's weights (1 to 3).
    pub weighted: Option<f64>,
    /// What the weighted score says, mechanically.
    pub evidence: Option<Recommendation>,
    pub recommendations: Vec<PanelRecommendation>,
    pub flags: Vec<Flag>,
    /// How many items the panel is two steps apart on: the flags' count,
    /// which the board page shows without the flags themselves.
    #[serde(default)]
    pub to_discuss: usize,
    pub missing: Vec<MissingCard>,
    pub submitted_cards: usize,
    /// The current decision: the latest one recorded.
    pub decision: Option<Decision>,
    /// The decisions recorded before the current one, oldest first, kept
    /// with who made them, when and why.
    #[serde(default)]
    pub earlier_decisions: Vec<Decision>,
    /// The decision goes against the weighted evidence.
    pub departs: bool,
}

/// One interviewer's leniency, by email.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InterviewerLeniency {
    pub interviewer_email: String,
    pub shared_items: usize,
    /// Mean steps above (positive) or below the rest of the panel on the
    /// same candidates and items; `None` with too few shared items.
    pub offset: Option<f64>,
}

/// Whose candidates a board covers, so that its figures can say so: an
/// interviewer's agreement figure is about their own candidates only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    /// Every candidate of the requisition: the people running it.
    Requisition,
    /// Only the candidates the viewer interviews: a panelist.
    OwnCandidates,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    pub agreement: Agreement,
    pub reading: String,
    pub leniency: Vec<InterviewerLeniency>,
    pub coverage: Coverage,
    /// Whose ratings the figures cover, in a sentence.
    pub covers: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub requisition_id: String,
    pub title: String,
    pub generated_at: String,
    pub columns: Vec<BoardColumn>,
    pub items: Vec<BoardItem>,
    pub candidates: Vec<CandidateRow>,
    pub calibration: Calibration,
    /// Every rating the viewer may see, for the candidate view and exports.
    pub ratings: Vec<RatingRecord>,
    /// Every slot of the panel, for the exports.
    pub slots: Vec<Slot>,
    /// The names of the interviewers who have one, by email: the pages
    /// show names, the exports keep the emails.
    #[serde(default)]
    pub people: std::collections::BTreeMap<String, String>,
    /// The interview and decision times the pages show, on the reader's
    /// clocks (see `stored_times`); empty in the exports, which keep the
    /// stored UTC times.
    #[serde(default, skip_serializing_if = "crate::time_text::Times::is_empty")]
    pub times: crate::time_text::Times,
    /// When it was generated, on the reader's clock to the second (the
    /// page's "Updated"); empty in the exports, like `times`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub updated: String,
    /// Each interviewer's practice on the calibration page, by email, for
    /// the people running the requisition (on the page, beside leniency).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
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
