//! The panel board's server functions: the board page, one candidate's
//! view, and recording a debrief decision. Who sees what, and how the
//! board is built, is in `service::board`.

use super::form_error::FormError;
use crate::domain::board::Board;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[cfg(feature = "ssr")]
use crate::service::board::{candidate_board, decide, load_scoped, Scope};

pub const MIN_RATIONALE_CHARS: usize = 10;
pub const MAX_RATIONALE_CHARS: usize = 4000;

/// The board for the requisition view: every row, without the individual
/// ratings and panel slots (those are in the JSON API and the exports, and
/// would make the page heavy for a large requisition).
#[server(prefix = "/api/fn", endpoint = "board", input = GetUrl)]
pub async fn get_board(requisition_id: String) -> Result<Board, AppError> {
    let requisition_id = crate::domain::keys::RequisitionId::from(requisition_id);
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    load_scoped(&db, &user, &requisition_id, Scope::Page).await
}

/// One candidate's part of the board, with their notes rendered.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CandidateBoard {
    /// The board with this candidate's row, ratings and slots only (the
    /// columns, items and calibration are the requisition's).
    pub board: Board,
    pub candidate_id: String,
    /// Sanitised HTML of each rating's notes, keyed `{slot_id}/{item_key}`.
    pub notes_html: std::collections::BTreeMap<String, String>,
    /// Sanitised HTML of each submitted card's take-aways, by slot id.
    pub takeaways_html: std::collections::BTreeMap<String, String>,
    /// The viewer may record the debrief decision.
    pub may_decide: bool,
}

/// The candidate view of the board: every item against every
/// interviewer's rating, with indicators and notes.
#[server(prefix = "/api/fn", endpoint = "candidate-board", input = GetUrl)]
pub async fn get_candidate_board(candidate_id: String) -> Result<CandidateBoard, AppError> {
    let candidate_id = crate::domain::keys::CandidateId::from(candidate_id);
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    candidate_board(&db, &user, &candidate_id).await
}

/// Records the panel's decision on a candidate with its rationale. The
/// scores stay as they are; an earlier decision stays on record.
#[server(prefix = "/api/fn", endpoint = "record-decision")]
pub async fn record_decision(
    candidate_id: String,
    #[server(default)] outcome: String,
    #[server(default)] rationale: String,
) -> Result<(), FormError> {
    let candidate_id = crate::domain::keys::CandidateId::from(candidate_id);
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    decide(&db, &user, &candidate_id, &outcome, &rationale).await
}
