//! The resume screen of one candidate: every resume criterion of the
//! requisition's frozen kit rated against its anchors, saved as a draft as
//! the screener goes, then a decision (advance or archive, with a reason)
//! that moves the candidate's stage.

use super::form_error::FormError;
use crate::domain::kit::KitResumeCriterion;
use crate::domain::requisition::Screening;
use crate::domain::screening::ScreenSummary;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest screen notes kept.
pub const MAX_NOTES_CHARS: usize = 10_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScreenView {
    pub criteria: Vec<KitResumeCriterion>,
    /// The saved screen; empty before the first save.
    pub screening: Screening,
    pub summary: ScreenSummary,
    /// Why this candidate cannot be screened yet, if so.
    pub closed: Option<String>,
}

/// Saves the screen (`intent` = `save`) or saves it with a decision
/// (`advance` or `archive`). A refused decision still saves the ratings and
/// notes, and hands everything typed back to the form.
#[server(prefix = "/api/fn", endpoint = "screen-candidate")]
pub async fn screen_candidate(
    candidate_id: String,
    #[server(default)] ratings: BTreeMap<String, String>,
    #[server(default)] notes: String,
    #[server(default)] intent: String,
    #[server(default)] reason: String,
) -> Result<(), FormError> {
    let candidate_id = crate::domain::keys::CandidateId::from(candidate_id);
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let to = crate::service::screening::screen_candidate(
        &db,
        &user,
        candidate_id,
        ratings,
        notes,
        intent,
        reason,
    )
    .await?;
    leptos_axum::redirect(&to);
    Ok(())
}
