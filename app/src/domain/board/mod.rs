//! The panel board: one requisition's candidates against every competency,
//! the attitudes and the two exercises, as the whole panel scored them.
//! Pure: the API gathers the plan, the panel's cards and the debrief
//! decisions, and [`build()`] turns them into the board every view and
//! export reads (the pages, the JSON, the CSV, the debrief packet).
//!
//! A file per concern: `model` (the board's types), `layout` (its columns
//! and items from a kit), `call` (what the evidence says, and the scores
//! shown), `build` (the board from the panel's cards, with `calibration`'s
//! sentences) and `arrange` (the page's order and filter). Everything
//! public is re-exported here, so callers name `board::X`.

mod arrange;
mod build;
mod calibration;
mod call;
mod layout;
mod model;

#[cfg(test)]
mod fixtures;

pub use arrange::{arrange, has_scorecard, Arranged, Direction, Listed, SortKey};
#[cfg(feature = "ssr")]
pub use build::build;
pub use build::{BoardInput, OVERDUE_AFTER_HOURS};
pub use call::{departs, evidence_call, tenths_down, weighted_score, EXPECTATION, EXPECTED};
pub use layout::{layout, ATTITUDES};
pub use model::{
    Board, BoardColumn, BoardItem, Calibration, CandidateInfo, CandidateRow, Cell, Counts,
    Coverage, Decision, Flag, InterviewerLeniency, MissingCard, Outcome, PanelRecommendation,
    RatingRecord, Slot,
};
