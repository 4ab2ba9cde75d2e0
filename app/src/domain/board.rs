//! The panel board: one requisition's candidates against every competency,
//! the attitudes and the two exercises, as the whole panel scored them.
//! Pure: the API gathers the plan, the panel's cards and the debrief
//! decisions, and [`build`] turns them into the board every view and
//! export reads (the pages, the JSON, the CSV, the debrief packet).

use super::agreement::Agreement;
#[cfg(feature = "ssr")]
use super::agreement::{self, Observation};
use super::candidate::Stage;
use super::exact::Score;
use super::ids::UnknownId;
use super::kit::Kit;
use super::plan::{item_competency, item_title, ItemKind, PlanItem};
use super::scorecard::{item_key, CardStatus, Recommendation};
use super::scoring::Rating;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;

/// The column id of the attitudes, scored together.
pub const ATTITUDES: &str = "attitudes";
/// A card still missing this long after its interview ended is overdue.
pub const OVERDUE_AFTER_HOURS: i64 = 24;
/// A mean rating at or above this meets the level's expectation (the
/// anchors are written for the level, so "meets" is the bar). For display:
/// calls are made against [`EXPECTED`], exactly.
pub const EXPECTATION: f64 = 2.0;
/// The level's expectation as an exact score: 2, "meets".
pub const EXPECTED: Score = Score::whole(2);

/// A mean or weighted score to one decimal, rounded down, so the figure
/// shown is never on the far side of a threshold the exact score has not
/// reached (every threshold is a multiple of 0.5): 1.96 reads 1.9, not a
/// "2.0" that the call then calls below 2.
///
/// The scores are fractions whose denominators are counts of ratings
/// times weights (far below 10^8), so one just under a tenth sits at
/// least 10^-9 below it, while the float nearest an exact tenth (2.3 as
/// 2.2999999999999998) is off by about 10^-16: nudging by 10^-9 before
/// flooring gets both right.
pub fn tenths_down(value: f64) -> String {
    let tenths = (value * 10.0 + 1e-9).floor();
    format!("{:.1}", tenths / 10.0)
}

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

fn competency_column(id: &str) -> String {
    format!("competency:{id}")
}

/// The column an item counts in.
fn column_of(kit: &Kit, item: &PlanItem) -> Option<String> {
    match item.kind {
        ItemKind::Competency => item_competency(kit, item).map(competency_column),
        ItemKind::Attitude => Some(ATTITUDES.to_string()),
        ItemKind::Exercise => Some(format!("exercise:{}", item.id)),
    }
}

/// The board's columns and items for a plan's items (and any other kit
/// items a card holds), in the kit's order: competencies, attitudes, the
/// presentation, the role-play. Items the kit does not know are left out.
pub fn layout(kit: &Kit, items: &[PlanItem]) -> (Vec<BoardColumn>, Vec<BoardItem>) {
    let mut board_items: Vec<BoardItem> = Vec::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for item in items {
        let (Some(title), Some(column)) = (item_title(kit, item), column_of(kit, item)) else {
            continue;
        };
        let key = item_key(item);
        if !seen.insert(key.clone()) {
            continue;
        }
        used.insert(column.clone());
        let competency = item_competency(kit, item).and_then(|id| {
            kit.competencies
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name.clone())
        });
        board_items.push(BoardItem {
            key,
            title,
            column,
            competency,
        });
    }
    let mut columns: Vec<BoardColumn> = kit
        .competencies
        .iter()
        .map(|c| BoardColumn {
            id: competency_column(&c.id),
            label: c.name.clone(),
            weight: kit
                .weights
                .competencies
                .get(&c.id)
                .copied()
                .unwrap_or(c.weight),
        })
        .collect();
    columns.extend([
        BoardColumn {
            id: ATTITUDES.into(),
            label: "Attitudes".into(),
            weight: kit.weights.attitudes,
        },
        BoardColumn {
            id: "exercise:presentation".into(),
            label: "Presentation".into(),
            weight: kit.weights.presentation,
        },
        BoardColumn {
            id: "exercise:simulation".into(),
            label: "Role-play".into(),
            weight: kit.weights.simulation,
        },
    ]);
    columns.retain(|c| used.contains(&c.id));
    // Items follow their columns' order, then the plan's.
    let order: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    board_items.sort_by_key(|i| order.get(i.column.as_str()).copied().unwrap_or(usize::MAX));
    (columns, board_items)
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

super::ids::id_enum_impls!(Outcome, "decision");

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

/// Everything the board is built from, already limited to what the
/// viewer may see.
#[derive(Clone, Debug)]
pub struct BoardInput {
    pub requisition_id: String,
    pub title: String,
    pub columns: Vec<BoardColumn>,
    pub items: Vec<BoardItem>,
    pub candidates: Vec<CandidateInfo>,
    pub slots: Vec<Slot>,
    /// Submitted ratings only.
    pub ratings: Vec<RatingRecord>,
    /// Every decision per candidate, oldest first: the last one is the
    /// current decision, the others its history.
    pub decisions: Vec<Decision>,
    /// Candidates whose ratings the viewer may not see yet (independent
    /// scoring): their rows show who owes cards, nothing scored.
    pub hidden: BTreeSet<String>,
    /// RFC 3339, UTC: when "overdue" is judged.
    pub now: String,
    /// Whose candidates these are.
    pub coverage: Coverage,
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
    fn add(&mut self, rating: Rating) {
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

/// "1 candidate", "3 candidates".
#[cfg(feature = "ssr")]
fn candidates_phrase(n: usize) -> String {
    if n == 1 {
        "1 candidate".into()
    } else {
        format!("{n} candidates")
    }
}

/// The sentence that says whose ratings the calibration figures cover:
/// `shown` candidates on the board, `hidden` of them left out of the
/// figures while the viewer's own card for them is unsubmitted.
#[cfg(feature = "ssr")]
fn covers(coverage: Coverage, shown: usize, hidden: usize) -> String {
    let counted = shown.saturating_sub(hidden);
    let whose = match (coverage, hidden) {
        (Coverage::Requisition, 0) => format!(
            "These figures cover the submitted ratings on every candidate of this requisition ({shown})."
        ),
        (Coverage::Requisition, _) => format!(
            "These figures cover the submitted ratings on {counted} of this requisition's {}.",
            candidates_phrase(shown)
        ),
        (Coverage::OwnCandidates, _) => format!(
            "These figures cover only the {} you interview{}, not the whole panel's ratings on this requisition; the people running it see them over every candidate.",
            candidates_phrase(counted),
            if hidden > 0 {
                " and have submitted for"
            } else {
                ""
            }
        ),
    };
    if hidden == 0 {
        return whose;
    }
    let left_out = if hidden == 1 {
        "1 candidate is left out until you submit your own scorecard for them.".to_string()
    } else {
        format!("{hidden} candidates are left out until you submit your own scorecard for each.")
    };
    format!("{whose} {left_out}")
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
}

impl Board {
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

/// The overall call a weighted score implies, on the same scale as the
/// interviewers' recommendations. Exact: a score of exactly 2 is a hire.
pub fn evidence_call(weighted: Score) -> Recommendation {
    if weighted >= Score::halves(5) {
        Recommendation::StrongHire
    } else if weighted >= EXPECTED {
        Recommendation::Hire
    } else if weighted >= Score::halves(3) {
        Recommendation::NoHire
    } else {
        Recommendation::StrongNoHire
    }
}

/// Whether a decision goes against the weighted evidence: a hire below
/// the level's expectation, or a no-hire at or above it.
pub fn departs(outcome: Outcome, weighted: Option<Score>) -> bool {
    match (outcome, weighted) {
        (Outcome::Hire, Some(w)) => w < EXPECTED,
        (Outcome::NoHire, Some(w)) => w >= EXPECTED,
        _ => false,
    }
}

/// Weighted mean of the column means that have ratings, computed exactly
/// from the ratings' counts.
pub fn weighted_score(columns: &[BoardColumn], cells: &[Cell]) -> Option<Score> {
    Score::weighted_mean(
        columns
            .iter()
            .zip(cells)
            .filter_map(|(column, cell)| Some((u32::from(column.weight), cell.counts.score()?))),
    )
}

#[cfg(feature = "ssr")]
fn is_overdue(slot: &Slot, now: &str) -> bool {
    use chrono::{DateTime, Duration};
    let (Ok(start), Ok(now)) = (
        DateTime::parse_from_rfc3339(&slot.starts_at),
        DateTime::parse_from_rfc3339(now),
    ) else {
        return false;
    };
    now > start + Duration::minutes(slot.minutes) + Duration::hours(OVERDUE_AFTER_HOURS)
}

#[cfg(feature = "ssr")]
pub fn build(input: BoardInput) -> Board {
    let BoardInput {
        requisition_id,
        title,
        columns,
        items,
        candidates,
        slots,
        ratings,
        decisions,
        hidden,
        now,
        coverage,
    } = input;
    let ratings: Vec<RatingRecord> = ratings
        .into_iter()
        .filter(|r| !hidden.contains(&r.candidate_id))
        .collect();
    let column_index: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let item_column: HashMap<&str, usize> = items
        .iter()
        .filter_map(|i| Some((i.key.as_str(), *column_index.get(i.column.as_str())?)))
        .collect();
    let titles: HashMap<&str, &str> = items
        .iter()
        .map(|i| (i.key.as_str(), i.title.as_str()))
        .collect();

    let mut by_candidate: HashMap<&str, Vec<&RatingRecord>> = HashMap::new();
    for r in &ratings {
        by_candidate.entry(&r.candidate_id).or_default().push(r);
    }
    let mut slots_of: HashMap<&str, Vec<&Slot>> = HashMap::new();
    for s in &slots {
        slots_of.entry(&s.candidate_id).or_default().push(s);
    }
    let mut decisions_of: HashMap<&str, Vec<&Decision>> = HashMap::new();
    for d in &decisions {
        decisions_of.entry(&d.candidate_id).or_default().push(d);
    }

    let shown = candidates.len();
    let hidden_shown = candidates.iter().filter(|c| hidden.contains(&c.id)).count();
    let rows = candidates
        .iter()
        .map(|c| {
            let is_hidden = hidden.contains(&c.id);
            let mine = by_candidate
                .get(c.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let mut column_counts = vec![Counts::default(); columns.len()];
            let mut item_counts: BTreeMap<String, Counts> = BTreeMap::new();
            let mut extremes: BTreeMap<&str, (Vec<String>, Vec<String>)> = BTreeMap::new();
            for r in mine {
                if let Some(&i) = item_column.get(r.item_key.as_str()) {
                    column_counts[i].add(r.rating);
                }
                item_counts
                    .entry(r.item_key.clone())
                    .or_default()
                    .add(r.rating);
                let (exceeds, below) = extremes.entry(&r.item_key).or_default();
                match r.rating {
                    Rating::Exceeds => exceeds.push(r.interviewer_email.clone()),
                    Rating::Below => below.push(r.interviewer_email.clone()),
                    _ => {}
                }
            }
            let cells: Vec<Cell> = columns
                .iter()
                .zip(column_counts)
                .map(|(col, counts)| Cell {
                    column: col.id.clone(),
                    mean: counts.mean(),
                    counts,
                })
                .collect();
            let flags = extremes
                .into_iter()
                .filter(|(_, (e, b))| !e.is_empty() && !b.is_empty())
                .map(|(key, (exceeds_by, below_by))| Flag {
                    item_key: key.to_string(),
                    title: titles.get(key).map_or(key, |t| *t).to_string(),
                    exceeds_by,
                    below_by,
                })
                .collect();
            let panel = slots_of
                .get(c.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let missing = panel
                .iter()
                .filter(|s| s.state != CardStatus::Submitted)
                .map(|s| MissingCard {
                    slot_id: s.id.clone(),
                    interviewer_email: s.interviewer_email.clone(),
                    round_name: s.round_name.clone(),
                    state: s.state,
                    starts_at: s.starts_at.clone(),
                    overdue: is_overdue(s, &now),
                })
                .collect();
            let recommendations = if is_hidden {
                Vec::new()
            } else {
                panel
                    .iter()
                    .filter_map(|s| {
                        Some(PanelRecommendation {
                            slot_id: s.id.clone(),
                            interviewer_email: s.interviewer_email.clone(),
                            round_name: s.round_name.clone(),
                            recommendation: s.recommendation?,
                        })
                    })
                    .collect()
            };
            let weighted = weighted_score(&columns, &cells);
            // The panel's decision would tell a blind interviewer as much
            // as the ratings do.
            let mut history: Vec<Decision> = if is_hidden {
                Vec::new()
            } else {
                decisions_of
                    .get(c.id.as_str())
                    .map(|ds| ds.iter().map(|d| (*d).clone()).collect())
                    .unwrap_or_default()
            };
            let decision = history.pop();
            CandidateRow {
                id: c.id.clone(),
                name: c.name.clone(),
                stage: c.stage,
                hidden: is_hidden,
                departs: decision
                    .as_ref()
                    .is_some_and(|d| departs(d.outcome, weighted)),
                evidence: weighted.map(evidence_call),
                weighted: weighted.map(Score::to_f64),
                cells,
                items: item_counts,
                recommendations,
                flags,
                missing,
                submitted_cards: panel
                    .iter()
                    .filter(|s| s.state == CardStatus::Submitted)
                    .count(),
                decision,
                earlier_decisions: history,
            }
        })
        .collect();

    let observations: Vec<Observation> = ratings
        .iter()
        .map(|r| Observation {
            unit: format!("{}/{}", r.candidate_id, r.item_key),
            rater: r.interviewer_id.clone(),
            rating: r.rating,
        })
        .collect();
    let agreement = agreement::ordinal_alpha(&observations);
    let emails: HashMap<&str, &str> = slots
        .iter()
        .map(|s| (s.interviewer_id.as_str(), s.interviewer_email.as_str()))
        .collect();
    let leniency = agreement::leniency(&observations)
        .into_iter()
        .map(|l| InterviewerLeniency {
            interviewer_email: emails
                .get(l.rater.as_str())
                .map_or(l.rater.clone(), |e| e.to_string()),
            shared_items: l.shared_items,
            offset: l.offset,
        })
        .collect();
    let calibration = Calibration {
        reading: agreement.reading(),
        agreement,
        leniency,
        coverage,
        covers: covers(coverage, shown, hidden_shown),
    };
    let slots = slots
        .into_iter()
        .map(|mut s| {
            if hidden.contains(&s.candidate_id) {
                s.recommendation = None;
                s.takeaways.clear();
            }
            s
        })
        .collect();
    Board {
        requisition_id,
        title,
        generated_at: now,
        columns,
        items,
        candidates: rows,
        calibration,
        ratings,
        slots,
    }
}

/// How the requisition view orders its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// By the weighted score (the default), highest first unless asked.
    Weighted,
    /// By name, A to Z unless asked.
    Name,
    /// By the mean in this column, highest first unless asked.
    Column(String),
}

impl SortKey {
    /// From the `sort` query value: `name`, `weighted`, or a column id.
    pub fn parse(value: Option<&str>) -> SortKey {
        match value.map(str::trim) {
            Some("name") => SortKey::Name,
            Some("") | Some("weighted") | None => SortKey::Weighted,
            Some(column) => SortKey::Column(column.to_string()),
        }
    }

    pub fn id(&self) -> &str {
        match self {
            SortKey::Weighted => "weighted",
            SortKey::Name => "name",
            SortKey::Column(c) => c,
        }
    }

    /// The direction a sort runs when the address does not say: names
    /// read A to Z, every score highest first (the one people look for).
    pub fn default_direction(&self) -> Direction {
        match self {
            SortKey::Name => Direction::Ascending,
            SortKey::Weighted | SortKey::Column(_) => Direction::Descending,
        }
    }
}

/// Which way a sort runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// A to Z, lowest score first.
    Ascending,
    /// Z to A, highest score first.
    Descending,
}

impl Direction {
    /// From the `dir` query value, `asc` or `desc`; `None` for anything
    /// else, which leaves the sort key's own direction.
    pub fn parse(value: Option<&str>) -> Option<Direction> {
        match value.map(str::trim) {
            Some("asc") => Some(Direction::Ascending),
            Some("desc") => Some(Direction::Descending),
            _ => None,
        }
    }

    /// The `dir` query value.
    pub fn id(self) -> &'static str {
        match self {
            Direction::Ascending => "asc",
            Direction::Descending => "desc",
        }
    }

    /// The `aria-sort` value.
    pub fn aria(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }

    pub fn flip(self) -> Direction {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }
}

/// Which candidates the board lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listed {
    /// Only those someone has begun scoring (the default): rows for
    /// candidates nobody has interviewed yet would crowd the board.
    Scored,
    Everyone,
}

/// Whether anyone has begun scoring a candidate: a scorecard submitted or
/// a draft started.
pub fn has_scorecard(row: &CandidateRow) -> bool {
    row.submitted_cards > 0
        || row
            .missing
            .iter()
            .any(|m| m.state != CardStatus::NotStarted)
}

/// The rows a board lists, in order.
#[derive(Debug)]
pub struct Arranged<'a> {
    pub rows: Vec<&'a CandidateRow>,
    /// Candidates at the stage asked for but not listed, because nobody
    /// has a scorecard for them yet (always 0 when listing everyone).
    pub left_out: usize,
}

/// Rows in the order asked, candidates without a value last in either
/// direction, ties by name (A to Z); with `stage`, only candidates at that
/// stage; with [`Listed::Scored`], only candidates with a scorecard.
pub fn arrange<'a>(
    board: &'a Board,
    sort: &SortKey,
    direction: Direction,
    stage: Option<Stage>,
    listed: Listed,
) -> Arranged<'a> {
    let (mut rows, left_out): (Vec<&CandidateRow>, Vec<&CandidateRow>) = board
        .candidates
        .iter()
        .filter(|c| stage.is_none_or(|s| c.stage == s))
        .partition(|c| listed == Listed::Everyone || has_scorecard(c));
    let column = match sort {
        SortKey::Column(id) => board.columns.iter().position(|c| &c.id == id),
        _ => None,
    };
    let value = |row: &CandidateRow| -> Option<f64> {
        match (sort, column) {
            (SortKey::Column(_), Some(i)) => row.cells.get(i).and_then(|c| c.mean),
            (SortKey::Name, _) => None,
            _ => row.weighted,
        }
    };
    let by_name = |a: &CandidateRow, b: &CandidateRow| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then_with(|| a.id.cmp(&b.id))
    };
    rows.sort_by(|a, b| {
        use std::cmp::Ordering;
        if *sort == SortKey::Name {
            let order = by_name(a, b);
            return match direction {
                Direction::Ascending => order,
                Direction::Descending => order.reverse(),
            };
        }
        let by_value = match (value(a), value(b)) {
            (Some(x), Some(y)) => match direction {
                Direction::Ascending => x.total_cmp(&y),
                Direction::Descending => y.total_cmp(&x),
            },
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_value.then_with(|| by_name(a, b))
    });
    Arranged {
        rows,
        left_out: left_out.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::sample_library;
    use crate::domain::rubric::{Competency, CompetencyQuestion};
    use crate::domain::{Level, SubRole};

    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 1e-9,
            "{actual} is not {expected}"
        );
    }

    /// The fixture library with two more competencies: `governance`, asked
    /// by `mid-q2`, and `forecasting`, asked by nothing; and a second
    /// pipeline question, `mid-q3`.
    fn kit() -> Kit {
        let mut library = sample_library();
        let pipeline = library.competencies[0].clone();
        for (id, name) in [("governance", "Governance"), ("forecasting", "Forecasting")] {
            library.competencies.push(Competency {
                id: id.into(),
                name: name.into(),
                ..pipeline.clone()
            });
        }
        let q1 = library.questions.mid[0].clone();
        library.questions.mid.push(CompetencyQuestion {
            id: "mid-q2".into(),
            competency: "governance".into(),
            question: "Who signs off a joint plan?".into(),
            ..q1.clone()
        });
        library.questions.mid.push(CompetencyQuestion {
            id: "mid-q3".into(),
            question: "How do you find duplicate deals?".into(),
            ..q1
        });
        library.kit(SubRole::CoSellOps, Level::Mid).unwrap()
    }

    fn ids<T>(list: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
        list.iter().map(|x| id(x).to_string()).collect()
    }

    #[test]
    fn layout_orders_columns_like_the_kit_and_drops_unused_ones() {
        let kit = kit();
        let plan = [
            PlanItem::exercise("simulation"),
            PlanItem::attitude("listening"),
            PlanItem::competency("mid-q2"),
            PlanItem::competency("mid-q3"),
            PlanItem::exercise("presentation"),
            PlanItem::competency("mid-q1"),
            // Repeats and items the kit does not know are left out.
            PlanItem::competency("mid-q3"),
            PlanItem::competency("no-such-question"),
            PlanItem::exercise("no-such-exercise"),
        ];
        let (columns, items) = layout(&kit, &plan);
        assert_eq!(
            columns,
            vec![
                BoardColumn {
                    id: "competency:pipeline".into(),
                    label: "Pipeline".into(),
                    weight: 5,
                },
                BoardColumn {
                    id: "competency:governance".into(),
                    label: "Governance".into(),
                    // Not in the sub-role's weights: the kit's default.
                    weight: 1,
                },
                BoardColumn {
                    id: "attitudes".into(),
                    label: "Attitudes".into(),
                    weight: 2,
                },
                BoardColumn {
                    id: "exercise:presentation".into(),
                    label: "Presentation".into(),
                    weight: 3,
                },
                BoardColumn {
                    id: "exercise:simulation".into(),
                    label: "Role-play".into(),
                    weight: 4,
                },
            ]
        );
        // Items follow their columns, then the plan's order within one.
        assert_eq!(
            ids(&items, |i| &i.key),
            [
                "competency:mid-q3",
                "competency:mid-q1",
                "competency:mid-q2",
                "attitude:listening",
                "exercise:presentation",
                "exercise:simulation",
            ]
        );
        let q2 = &items[2];
        assert_eq!(q2.column, "competency:governance");
        assert_eq!(q2.title, "Who signs off a joint plan?");
        assert_eq!(q2.competency.as_deref(), Some("Governance"));
        let listening = &items[3];
        assert_eq!(listening.column, ATTITUDES);
        assert_eq!(listening.title, "Listening: Question?");
        assert_eq!(listening.competency, None);
        assert_eq!(items[5].title, "Role-play");
        assert_eq!(items[5].competency, None);
    }

    #[test]
    fn layout_keeps_only_the_columns_the_plan_uses() {
        let kit = kit();
        let (columns, items) = layout(
            &kit,
            &[
                PlanItem::exercise("simulation"),
                PlanItem::competency("mid-q2"),
            ],
        );
        assert_eq!(
            ids(&columns, |c| &c.id),
            ["competency:governance", "exercise:simulation"]
        );
        assert_eq!(
            ids(&items, |i| &i.key),
            ["competency:mid-q2", "exercise:simulation"]
        );
        assert_eq!(layout(&kit, &[]), (vec![], vec![]));
    }

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

    #[test]
    fn weighted_score_weights_the_columns_that_have_ratings() {
        let columns = [
            BoardColumn {
                id: "a".into(),
                label: "A".into(),
                weight: 3,
            },
            BoardColumn {
                id: "b".into(),
                label: "B".into(),
                weight: 1,
            },
            BoardColumn {
                id: "c".into(),
                label: "C".into(),
                weight: 2,
            },
        ];
        // A column's ratings as (exceeds, meets, below).
        let cell = |column: &str, (exceeds, meets, below)| {
            let counts = Counts {
                exceeds,
                meets,
                below,
                no_evidence: 1,
            };
            Cell {
                column: column.into(),
                counts,
                mean: counts.mean(),
            }
        };
        let exact = |num, den| Score::new(num, den).unwrap();
        // (3 x 3 + 2 x 2) / (3 + 2): the column with no points counts
        // no weight.
        assert_eq!(
            weighted_score(
                &columns,
                &[
                    cell("a", (2, 0, 0)),
                    cell("b", (0, 0, 0)),
                    cell("c", (1, 0, 1))
                ],
            ),
            Some(exact(13, 5))
        );
        assert_eq!(
            weighted_score(
                &columns,
                &[
                    cell("a", (0, 1, 0)),
                    cell("b", (1, 0, 0)),
                    cell("c", (0, 0, 3))
                ],
            ),
            Some(exact(11, 6))
        );
        assert_eq!(
            weighted_score(
                &columns,
                &[
                    cell("a", (0, 0, 0)),
                    cell("b", (0, 0, 0)),
                    cell("c", (0, 0, 0))
                ]
            ),
            None
        );
    }

    #[test]
    fn shown_scores_round_down_to_a_tenth_exactly() {
        let exact = |num, den| Score::new(num, den).unwrap().to_f64();
        assert_eq!(tenths_down(exact(196, 100)), "1.9");
        assert_eq!(tenths_down(exact(2, 1)), "2.0");
        assert_eq!(tenths_down(exact(23, 10)), "2.3");
        assert_eq!(tenths_down(exact(8, 3)), "2.6");
        assert_eq!(tenths_down(exact(2_499_999, 1_000_000)), "2.4");
        assert_eq!(tenths_down(exact(3, 1)), "3.0");
        assert_eq!(tenths_down(exact(1, 1)), "1.0");
        // 0.1 + 0.2 in floats is 0.30000000000000004; 0.7 + 0.2 + 0.1 is
        // 0.9999999999999999: each still reads as its tenth.
        assert_eq!(tenths_down(0.1 + 0.2), "0.3");
        assert_eq!(tenths_down(0.7 + 0.2 + 0.1), "1.0");
    }

    #[test]
    fn a_weighted_score_of_exactly_two_is_a_hire() {
        // Means 2, 8/3 and 4/3 under equal weights make exactly 2; added
        // up in floating point they made 1.9999999999999998, a "no hire",
        // and a recorded hire was marked as departing from the evidence.
        let column = |id: &str| BoardColumn {
            id: id.into(),
            label: id.into(),
            weight: 2,
        };
        let columns = [column("a"), column("b"), column("c")];
        let cell = |id: &str, exceeds, meets, below| {
            let counts = Counts {
                exceeds,
                meets,
                below,
                no_evidence: 0,
            };
            Cell {
                column: id.into(),
                counts,
                mean: counts.mean(),
            }
        };
        let cells = [cell("a", 0, 1, 0), cell("b", 2, 1, 0), cell("c", 0, 1, 2)];
        let score = weighted_score(&columns, &cells).unwrap();
        assert_eq!(score, EXPECTED);
        assert_eq!(score.to_f64(), 2.0);
        assert_eq!(evidence_call(score), Recommendation::Hire);
        assert!(!departs(Outcome::Hire, Some(score)));
        assert!(departs(Outcome::NoHire, Some(score)));
    }

    #[test]
    fn evidence_call_thresholds() {
        use Recommendation::*;
        let calls: Vec<Recommendation> = [
            (3, 1),
            (5, 2),
            (249, 100),
            (2, 1),
            (199, 100),
            (3, 2),
            (149, 100),
            (1, 1),
        ]
        .into_iter()
        .map(|(num, den)| evidence_call(Score::new(num, den).unwrap()))
        .collect();
        assert_eq!(
            calls,
            [
                StrongHire,
                StrongHire,
                Hire,
                Hire,
                NoHire,
                NoHire,
                StrongNoHire,
                StrongNoHire
            ]
        );
    }

    #[test]
    fn departs_when_the_decision_goes_against_the_evidence() {
        let score = |num, den| Some(Score::new(num, den).unwrap());
        assert!(departs(Outcome::Hire, score(199, 100)));
        assert!(!departs(Outcome::Hire, Some(EXPECTED)));
        assert!(departs(Outcome::NoHire, Some(EXPECTED)));
        assert!(departs(Outcome::NoHire, score(14, 5)));
        assert!(!departs(Outcome::NoHire, score(199, 100)));
        for w in [score(1, 1), Some(EXPECTED), score(3, 1), None] {
            assert!(!departs(Outcome::Hold, w), "hold at {w:?}");
        }
        assert!(!departs(Outcome::Hire, None));
        assert!(!departs(Outcome::NoHire, None));
    }

    #[test]
    fn sort_keys_parse_from_the_query() {
        assert_eq!(SortKey::parse(None), SortKey::Weighted);
        assert_eq!(SortKey::parse(Some(" ")), SortKey::Weighted);
        assert_eq!(SortKey::parse(Some("name")), SortKey::Name);
        let column = SortKey::parse(Some("attitudes"));
        assert_eq!(column, SortKey::Column("attitudes".into()));
        assert_eq!(column.id(), "attitudes");
    }

    /// `build` needs chrono, which only the server side has.
    #[cfg(feature = "ssr")]
    mod built {
        use super::*;

        const PIPELINE: &str = "competency:pipeline";
        const PRESENTATION: &str = "exercise:presentation";
        const Q1: &str = "competency:q1";
        const Q2: &str = "competency:q2";
        const LISTENING: &str = "attitude:listening";
        const TALK: &str = "exercise:presentation";
        /// Rated but no longer on the board.
        const GONE: &str = "competency:gone";

        const PRIYA: &str = "c-priya";
        const MARCO: &str = "c-marco";
        /// Hidden from the viewer.
        const ALEX: &str = "c-alex";

        const NOW: &str = "2025-03-03T12:00:00Z";

        fn email(interviewer: &str) -> String {
            match interviewer {
                "i1" => "ann@example.com",
                "i2" => "bo@example.com",
                _ => "cy@example.com",
            }
            .into()
        }

        fn slot(
            id: &str,
            candidate: &str,
            interviewer: &str,
            state: CardStatus,
            (starts_at, minutes): (&str, i64),
            recommendation: Option<Recommendation>,
        ) -> Slot {
            Slot {
                id: id.into(),
                candidate_id: candidate.into(),
                interviewer_id: interviewer.into(),
                interviewer_email: email(interviewer),
                round: "deep-dive".into(),
                round_name: "Deep dive".into(),
                starts_at: starts_at.into(),
                minutes,
                state,
                submitted_at: (state == CardStatus::Submitted)
                    .then(|| "2025-03-01T12:00:00Z".into()),
                updated_at: (state == CardStatus::Submitted).then(|| "2025-03-01T12:00:00Z".into()),
                recommendation,
                takeaways: format!("Takeaways on {candidate}."),
            }
        }

        fn rating(
            candidate: &str,
            interviewer: &str,
            item_key: &str,
            rating: Rating,
        ) -> RatingRecord {
            RatingRecord {
                slot_id: format!("{candidate}-{interviewer}"),
                candidate_id: candidate.into(),
                interviewer_id: interviewer.into(),
                interviewer_email: email(interviewer),
                round: "deep-dive".into(),
                round_name: "Deep dive".into(),
                item_key: item_key.into(),
                rating,
                positive: vec![],
                negative: vec![],
                notes: String::new(),
                submitted_at: "2025-03-01T12:00:00Z".into(),
            }
        }

        fn input() -> BoardInput {
            use CardStatus::{Draft, NotStarted, Submitted};
            use Rating::{Below, Exceeds, Meets, NoEvidence};
            let column = |id: &str, label: &str, weight| BoardColumn {
                id: id.into(),
                label: label.into(),
                weight,
            };
            let item = |key: &str, column: &str| BoardItem {
                key: key.into(),
                title: format!("Title of {key}"),
                column: column.into(),
                competency: None,
            };
            let candidate = |id: &str, name: &str, stage| CandidateInfo {
                id: id.into(),
                name: name.into(),
                stage,
            };
            let earlier = ("2025-03-01T10:00:00Z", 60);
            BoardInput {
                requisition_id: "req-1".into(),
                title: "Co-sell ops, mid".into(),
                columns: vec![
                    column(PIPELINE, "Pipeline", 3),
                    column(ATTITUDES, "Attitudes", 1),
                    column(PRESENTATION, "Presentation", 2),
                ],
                items: vec![
                    item(Q1, PIPELINE),
                    item(Q2, PIPELINE),
                    item(LISTENING, ATTITUDES),
                    item(TALK, PRESENTATION),
                ],
                candidates: vec![
                    candidate(PRIYA, "Priya Shah", Stage::Interviewing),
                    candidate(MARCO, "marco Diaz", Stage::Interviewing),
                    candidate(ALEX, "Alex Kim", Stage::Screening),
                ],
                slots: vec![
                    slot(
                        "c-priya-i1",
                        PRIYA,
                        "i1",
                        Submitted,
                        earlier,
                        Some(Recommendation::Hire),
                    ),
                    slot(
                        "c-priya-i2",
                        PRIYA,
                        "i2",
                        Submitted,
                        earlier,
                        Some(Recommendation::StrongHire),
                    ),
                    // Ended 2025-03-01 11:00: overdue since 03-02 11:00.
                    slot("c-priya-i3", PRIYA, "i3", Draft, earlier, None),
                    slot(
                        "c-marco-i1",
                        MARCO,
                        "i1",
                        Submitted,
                        earlier,
                        Some(Recommendation::NoHire),
                    ),
                    slot(
                        "c-marco-i2",
                        MARCO,
                        "i2",
                        Submitted,
                        earlier,
                        Some(Recommendation::NoHire),
                    ),
                    // Ends 24 hours before `NOW` exactly: not overdue yet.
                    slot(
                        "c-marco-i3",
                        MARCO,
                        "i3",
                        NotStarted,
                        ("2025-03-02T11:15:00Z", 45),
                        None,
                    ),
                    slot(
                        "c-alex-i1",
                        ALEX,
                        "i1",
                        Submitted,
                        earlier,
                        Some(Recommendation::Hire),
                    ),
                    slot(
                        "c-alex-i2",
                        ALEX,
                        "i2",
                        Submitted,
                        earlier,
                        Some(Recommendation::NoHire),
                    ),
                    // 09:00 at +01:00 is 08:00 UTC, long overdue.
                    slot(
                        "c-alex-i3",
                        ALEX,
                        "i3",
                        NotStarted,
                        ("2025-03-01T09:00:00+01:00", 60),
                        None,
                    ),
                ],
                ratings: vec![
                    rating(PRIYA, "i1", Q1, Exceeds),
                    rating(PRIYA, "i1", Q2, Meets),
                    rating(PRIYA, "i1", LISTENING, Meets),
                    rating(PRIYA, "i1", TALK, Exceeds),
                    rating(PRIYA, "i2", Q1, Below),
                    rating(PRIYA, "i2", Q2, Exceeds),
                    rating(PRIYA, "i2", LISTENING, Meets),
                    rating(PRIYA, "i2", TALK, Meets),
                    rating(MARCO, "i1", Q1, Meets),
                    rating(MARCO, "i1", Q2, Below),
                    rating(MARCO, "i1", LISTENING, Meets),
                    rating(MARCO, "i1", GONE, Exceeds),
                    rating(MARCO, "i2", Q1, Below),
                    rating(MARCO, "i2", Q2, NoEvidence),
                    rating(MARCO, "i2", LISTENING, Exceeds),
                    rating(ALEX, "i1", Q1, Exceeds),
                    rating(ALEX, "i1", Q2, Exceeds),
                    rating(ALEX, "i2", Q1, Below),
                    rating(ALEX, "i2", Q2, Exceeds),
                ],
                decisions: vec![Decision {
                    candidate_id: MARCO.into(),
                    outcome: Outcome::Hire,
                    rationale: "Strong references.".into(),
                    decided_by: "hm@example.com".into(),
                    decided_at: "2025-03-03T10:00:00Z".into(),
                }],
                hidden: BTreeSet::from([ALEX.to_string()]),
                now: NOW.into(),
                coverage: Coverage::Requisition,
            }
        }

        #[test]
        fn every_decision_is_kept_the_latest_is_current() {
            let mut input = input();
            let decision = |who: &str, outcome, at: &str| Decision {
                candidate_id: who.into(),
                outcome,
                rationale: format!("Rationale of {at}"),
                decided_by: "hm@example.com".into(),
                decided_at: at.into(),
            };
            input.decisions = vec![
                decision(PRIYA, Outcome::NoHire, "2025-03-03T09:00:00Z"),
                decision(MARCO, Outcome::Hire, "2025-03-03T10:00:00Z"),
                decision(PRIYA, Outcome::Hire, "2025-03-04T09:00:00Z"),
                decision(ALEX, Outcome::Hire, "2025-03-04T10:00:00Z"),
            ];
            let board = build(input);
            let priya = row(&board, PRIYA);
            assert_eq!(
                priya.decision.as_ref().map(|d| d.decided_at.as_str()),
                Some("2025-03-04T09:00:00Z")
            );
            assert_eq!(
                ids(&priya.earlier_decisions, |d| &d.decided_at),
                ["2025-03-03T09:00:00Z"]
            );
            assert_eq!(priya.earlier_decisions[0].outcome, Outcome::NoHire);
            assert!(row(&board, MARCO).earlier_decisions.is_empty());
            // Hidden from a viewer who has not scored: no decision at all.
            let alex = row(&board, ALEX);
            assert_eq!(
                (alex.decision.clone(), alex.earlier_decisions.len()),
                (None, 0)
            );
        }

        fn row<'a>(board: &'a Board, id: &str) -> &'a CandidateRow {
            board.candidate(id).unwrap()
        }

        fn cell<'a>(row: &'a CandidateRow, column: &str) -> &'a Cell {
            row.cells.iter().find(|c| c.column == column).unwrap()
        }

        fn counts(exceeds: u32, meets: u32, below: u32, no_evidence: u32) -> Counts {
            Counts {
                exceeds,
                meets,
                below,
                no_evidence,
            }
        }

        #[test]
        fn cells_count_and_average_each_column() {
            let board = build(input());
            let priya = row(&board, PRIYA);
            assert_eq!(
                ids(&priya.cells, |c| &c.column),
                [PIPELINE, ATTITUDES, PRESENTATION]
            );
            // Pipeline: exceeds, meets, below, exceeds.
            assert_eq!(cell(priya, PIPELINE).counts, counts(2, 1, 1, 0));
            close(cell(priya, PIPELINE).mean.unwrap(), 9.0 / 4.0);
            assert_eq!(cell(priya, ATTITUDES).counts, counts(0, 2, 0, 0));
            close(cell(priya, ATTITUDES).mean.unwrap(), 2.0);
            close(cell(priya, PRESENTATION).mean.unwrap(), 2.5);

            let marco = row(&board, MARCO);
            // Meets, below, below and a "no evidence" that has no points.
            assert_eq!(cell(marco, PIPELINE).counts, counts(0, 1, 2, 1));
            close(cell(marco, PIPELINE).mean.unwrap(), 4.0 / 3.0);
            close(cell(marco, ATTITUDES).mean.unwrap(), 2.5);
            assert_eq!(cell(marco, PRESENTATION).counts, Counts::default());
            assert_eq!(cell(marco, PRESENTATION).mean, None);
            // Per item, including one no longer on the board, which counts
            // in no column.
            assert_eq!(marco.items[Q2], counts(0, 0, 1, 1));
            assert_eq!(marco.items[GONE], counts(1, 0, 0, 0));
            assert_eq!(marco.items.len(), 4);
        }

        #[test]
        fn weighted_score_evidence_and_departure() {
            let board = build(input());
            let priya = row(&board, PRIYA);
            // (3 x 9/4 + 1 x 2 + 2 x 5/2) / 6
            close(priya.weighted.unwrap(), 13.75 / 6.0);
            assert_eq!(priya.evidence, Some(Recommendation::Hire));
            assert_eq!(priya.decision, None);
            assert!(!priya.departs);

            let marco = row(&board, MARCO);
            // (3 x 4/3 + 1 x 5/2) / 4: no presentation ratings, so its
            // weight does not count.
            close(marco.weighted.unwrap(), 1.625);
            assert_eq!(marco.evidence, Some(Recommendation::NoHire));
            assert_eq!(
                marco.decision.as_ref().map(|d| d.outcome),
                Some(Outcome::Hire)
            );
            assert!(marco.departs, "a hire below the expectation departs");
        }

        #[test]
        fn flags_only_items_rated_both_exceeds_and_below() {
            let board = build(input());
            assert_eq!(
                row(&board, PRIYA).flags,
                vec![Flag {
                    item_key: Q1.into(),
                    title: format!("Title of {Q1}"),
                    exceeds_by: vec!["ann@example.com".into()],
                    below_by: vec!["bo@example.com".into()],
                }]
            );
            // Marco has an exceeds and a below, but on different items.
            assert_eq!(row(&board, MARCO).flags, vec![]);
        }

        #[test]
        fn missing_cards_and_when_they_are_overdue() {
            let board = build(input());
            let missing = |id| {
                row(&board, id)
                    .missing
                    .iter()
                    .map(|m| (m.slot_id.as_str(), m.state, m.overdue))
                    .collect::<Vec<_>>()
            };
            assert_eq!(missing(PRIYA), [("c-priya-i3", CardStatus::Draft, true)]);
            assert_eq!(
                missing(MARCO),
                [("c-marco-i3", CardStatus::NotStarted, false)]
            );
            let card = &row(&board, MARCO).missing[0];
            assert_eq!(card.interviewer_email, "cy@example.com");
            assert_eq!(card.round_name, "Deep dive");
            assert_eq!(card.starts_at, "2025-03-02T11:15:00Z");
            assert_eq!(board.overdue_count(), 2);
            assert_eq!(row(&board, PRIYA).submitted_cards, 2);

            // One second later the card is overdue.
            let later = build(BoardInput {
                now: "2025-03-03T12:00:01Z".into(),
                ..input()
            });
            assert!(row(&later, MARCO).missing[0].overdue);
            assert_eq!(later.overdue_count(), 3);
        }

        #[test]
        fn recommendations_come_from_submitted_cards() {
            let board = build(input());
            let recommendations: Vec<(&str, Recommendation)> = row(&board, PRIYA)
                .recommendations
                .iter()
                .map(|r| (r.interviewer_email.as_str(), r.recommendation))
                .collect();
            assert_eq!(
                recommendations,
                [
                    ("ann@example.com", Recommendation::Hire),
                    ("bo@example.com", Recommendation::StrongHire)
                ]
            );
        }

        #[test]
        fn a_hidden_candidate_shows_only_who_owes_cards() {
            let board = build(input());
            let alex = row(&board, ALEX);
            assert!(alex.hidden);
            assert!(alex
                .cells
                .iter()
                .all(|c| c.counts == Counts::default() && c.mean.is_none()));
            assert_eq!(alex.cells.len(), 3);
            assert!(alex.items.is_empty());
            assert_eq!(alex.weighted, None);
            assert_eq!(alex.evidence, None);
            assert!(alex.recommendations.is_empty());
            assert!(alex.flags.is_empty());
            assert_eq!(alex.submitted_cards, 2);
            assert_eq!(ids(&alex.missing, |m| &m.slot_id), ["c-alex-i3"]);
            assert!(alex.missing[0].overdue);
            // Nor do the ratings, recommendations or takeaways leak through
            // the exports' lists.
            assert!(board.ratings.iter().all(|r| r.candidate_id != ALEX));
            assert_eq!(board.ratings.len(), 15);
            for s in board.slots.iter().filter(|s| s.candidate_id == ALEX) {
                assert_eq!(s.recommendation, None);
                assert_eq!(s.takeaways, "");
            }
            let priya_slot = board.slots.iter().find(|s| s.id == "c-priya-i1").unwrap();
            assert_eq!(priya_slot.recommendation, Some(Recommendation::Hire));
            assert_eq!(priya_slot.takeaways, "Takeaways on c-priya.");
        }

        #[test]
        fn the_calibration_says_whose_ratings_it_covers() {
            // The people running it: three candidates, Alex left out.
            let board = build(input());
            assert_eq!(board.calibration.coverage, Coverage::Requisition);
            assert_eq!(
                board.calibration.covers,
                "These figures cover the submitted ratings on 2 of this requisition's 3 candidates. 1 candidate is left out until you submit your own scorecard for them."
            );
            let panelist = build(BoardInput {
                coverage: Coverage::OwnCandidates,
                hidden: BTreeSet::new(),
                ..input()
            });
            assert!(panelist.calibration.covers.starts_with(
                "These figures cover only the 3 candidates you interview, not the whole panel's"
            ));
            assert_eq!(
                covers(Coverage::Requisition, 1, 0),
                "These figures cover the submitted ratings on every candidate of this requisition (1)."
            );
            assert!(covers(Coverage::OwnCandidates, 4, 2).contains(
                "only the 2 candidates you interview and have submitted for, not the whole panel's"
            ));
            assert!(covers(Coverage::OwnCandidates, 4, 2).ends_with(
                "2 candidates are left out until you submit your own scorecard for each."
            ));
        }

        #[test]
        fn calibration_leaves_out_hidden_candidates() {
            let board = build(input());
            // Pairable units: Priya's four items, Marco's q1 and listening
            // (his q2 has one rating and a "no evidence"); alpha over them
            // is -113/360, checked in exact fractions below.
            // Too few for a figure, and counted without Alex (with Alex's
            // ratings it would be 16 ratings on 8 items).
            match &board.calibration.agreement {
                Agreement::TooLittleData {
                    pairable, units, ..
                } => assert_eq!((*pairable, *units), (12, 6)),
                other => panic!("{other:?}"),
            }
            let observations: Vec<Observation> = board
                .ratings
                .iter()
                .map(|r| Observation {
                    unit: format!("{}/{}", r.candidate_id, r.item_key),
                    rater: r.interviewer_id.clone(),
                    rating: r.rating,
                })
                .collect();
            close(
                agreement::panel_alpha(&observations).alpha.unwrap(),
                -113.0 / 360.0,
            );
            assert_eq!(
                board.calibration.reading,
                board.calibration.agreement.reading()
            );
            // Shared items: Priya's four, Marco's q1 and listening. Ann is
            // +2, -1, 0, +1, +1, -1 steps from Bo: +1/3 on average.
            let leniency = &board.calibration.leniency;
            assert_eq!(
                ids(leniency, |l| &l.interviewer_email),
                ["ann@example.com", "bo@example.com"]
            );
            assert_eq!(leniency[0].shared_items, 6);
            close(leniency[0].offset.unwrap(), 1.0 / 3.0);
            close(leniency[1].offset.unwrap(), -1.0 / 3.0);
        }

        fn names(rows: &[&CandidateRow]) -> Vec<String> {
            rows.iter().map(|r| r.name.clone()).collect()
        }

        /// The rows in the key's own direction, everyone listed.
        fn sorted(board: &Board, sort: &SortKey, stage: Option<Stage>) -> Vec<String> {
            let rows = arrange(
                board,
                sort,
                sort.default_direction(),
                stage,
                Listed::Everyone,
            );
            names(&rows.rows)
        }

        fn reversed(board: &Board, sort: &SortKey) -> Vec<String> {
            let direction = sort.default_direction().flip();
            names(&arrange(board, sort, direction, None, Listed::Everyone).rows)
        }

        #[test]
        fn arrange_sorts_and_filters() {
            let board = build(input());
            let sorted = |sort: &SortKey, stage| sorted(&board, sort, stage);
            // Alex has no weighted score (hidden), so comes last.
            assert_eq!(
                sorted(&SortKey::Weighted, None),
                ["Priya Shah", "marco Diaz", "Alex Kim"]
            );
            // Case does not matter.
            assert_eq!(
                sorted(&SortKey::Name, None),
                ["Alex Kim", "marco Diaz", "Priya Shah"]
            );
            // Attitudes: Marco 2.5, Priya 2.0.
            assert_eq!(
                sorted(&SortKey::Column(ATTITUDES.into()), None),
                ["marco Diaz", "Priya Shah", "Alex Kim"]
            );
            // Presentation: only Priya has one; the rest by name.
            assert_eq!(
                sorted(&SortKey::Column(PRESENTATION.into()), None),
                ["Priya Shah", "Alex Kim", "marco Diaz"]
            );
            // A column the board does not have falls back to the weighted
            // score.
            assert_eq!(
                sorted(&SortKey::Column("competency:nope".into()), None),
                ["Priya Shah", "marco Diaz", "Alex Kim"]
            );
            assert_eq!(
                sorted(&SortKey::Weighted, Some(Stage::Interviewing)),
                ["Priya Shah", "marco Diaz"]
            );
            assert_eq!(sorted(&SortKey::Name, Some(Stage::Screening)), ["Alex Kim"]);
            assert!(sorted(&SortKey::Name, Some(Stage::Archived)).is_empty());
        }

        #[test]
        fn arrange_runs_either_way_keeping_candidates_without_a_value_last() {
            let board = build(input());
            // Lowest weighted score first; Alex (hidden, no score) still last.
            assert_eq!(
                reversed(&board, &SortKey::Weighted),
                ["marco Diaz", "Priya Shah", "Alex Kim"]
            );
            assert_eq!(
                reversed(&board, &SortKey::Name),
                ["Priya Shah", "marco Diaz", "Alex Kim"]
            );
            // Attitudes lowest first: Priya 2.0, Marco 2.5, then Alex.
            assert_eq!(
                reversed(&board, &SortKey::Column(ATTITUDES.into())),
                ["Priya Shah", "marco Diaz", "Alex Kim"]
            );
            // Only Priya has a presentation score; the others stay after
            // her, A to Z, in both directions.
            assert_eq!(
                reversed(&board, &SortKey::Column(PRESENTATION.into())),
                ["Priya Shah", "Alex Kim", "marco Diaz"]
            );
        }

        #[test]
        fn sort_keys_have_their_own_direction_and_dir_is_read_strictly() {
            assert_eq!(SortKey::Name.default_direction(), Direction::Ascending);
            assert_eq!(SortKey::Weighted.default_direction(), Direction::Descending);
            assert_eq!(
                SortKey::Column(ATTITUDES.into()).default_direction(),
                Direction::Descending
            );
            assert_eq!(Direction::parse(Some("asc")), Some(Direction::Ascending));
            assert_eq!(
                Direction::parse(Some(" desc ")),
                Some(Direction::Descending)
            );
            assert_eq!(Direction::parse(Some("up")), None);
            assert_eq!(Direction::parse(None), None);
            assert_eq!(Direction::Ascending.flip().id(), "desc");
            assert_eq!(Direction::Descending.flip().aria(), "ascending");
        }

        #[test]
        fn arrange_breaks_ties_by_name() {
            let mut board = build(input());
            let priya = board.candidates[0].weighted;
            board.candidates[1].weighted = priya;
            for direction in [Direction::Descending, Direction::Ascending] {
                let rows = arrange(
                    &board,
                    &SortKey::Weighted,
                    direction,
                    None,
                    Listed::Everyone,
                );
                assert_eq!(
                    names(&rows.rows),
                    ["marco Diaz", "Priya Shah", "Alex Kim"],
                    "{direction:?}"
                );
            }
        }

        #[test]
        fn by_default_only_candidates_with_a_scorecard_are_listed() {
            use CardStatus::{Draft, NotStarted};
            let mut input = input();
            let later = ("2025-03-03T10:00:00Z", 60);
            for (id, name, state) in [
                ("c-dee", "Dee Park", None),
                ("c-eve", "Eve Moss", Some(Draft)),
                ("c-finn", "Finn Lo", Some(NotStarted)),
            ] {
                input.candidates.push(CandidateInfo {
                    id: id.into(),
                    name: name.into(),
                    stage: Stage::Interviewing,
                });
                if let Some(state) = state {
                    input
                        .slots
                        .push(slot(&format!("{id}-i1"), id, "i1", state, later, None));
                }
            }
            let board = build(input);
            let listed = |listed, stage| {
                let rows = arrange(&board, &SortKey::Name, Direction::Ascending, stage, listed);
                (names(&rows.rows), rows.left_out)
            };
            // Dee has no interview, Finn's card is not started: left out.
            // Eve's interviewer has started a draft: listed.
            assert_eq!(
                listed(Listed::Scored, None),
                (
                    vec![
                        "Alex Kim".to_string(),
                        "Eve Moss".into(),
                        "marco Diaz".into(),
                        "Priya Shah".into()
                    ],
                    2
                )
            );
            assert_eq!(listed(Listed::Everyone, None).0.len(), 6);
            assert_eq!(listed(Listed::Everyone, None).1, 0);
            // What is left out is counted at the stage asked for only.
            assert_eq!(listed(Listed::Scored, Some(Stage::Screening)).1, 0);
            assert_eq!(listed(Listed::Scored, Some(Stage::Interviewing)).1, 2);
            assert!(!has_scorecard(row(&board, "c-dee")));
            assert!(has_scorecard(row(&board, "c-eve")));
            assert!(!has_scorecard(row(&board, "c-finn")));
            // Alex is hidden from the viewer, but the panel has scored him.
            assert!(has_scorecard(row(&board, ALEX)));
        }
    }
}
