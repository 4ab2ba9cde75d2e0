//! Interviewer calibration (`/calibration`): practising on the sample
//! answers of the kits a person interviews for, one at a time and blind,
//! then reading the reference rating and the anchor that decides it.
//! Every practice rating is kept; the figures come from
//! `domain::calibration`. The people running a requisition can require
//! the standard of everyone they put on its panel to score.

use crate::api::form_error::FormError;
use crate::domain::calibration::Score;
use crate::domain::rubric::Anchors;
use crate::domain::scoring::Rating;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// A sample to rate: the item as the interviewer reads it on a scorecard,
/// and the answer. Which rating it was written at is not sent: the sample
/// is named by its token.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PracticeItem {
    pub sample: String,
    pub kit_title: String,
    pub eyebrow: String,
    pub title: String,
    pub ask: String,
    pub anchors: Anchors,
    pub answer: String,
}

/// A rating just given, beside the reference.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PracticeResult {
    pub title: String,
    pub answer: String,
    pub given: Rating,
    pub reference: Rating,
    /// The reference rating's anchor: what decides it.
    pub anchor: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalibrationView {
    pub score: Score,
    /// The kits the samples come from, by title.
    pub kits: Vec<String>,
    /// Whether those are the kits of the requisitions they are on (else
    /// every kit at its usual level, for someone on none yet).
    pub own_kits: bool,
    pub samples: usize,
    /// Samples not rated yet.
    pub left: usize,
    pub next: Option<PracticeItem>,
    pub last: Option<PracticeResult>,
}

/// The calibration page: the person's figures, the result of the rating
/// named by `last` (theirs), and the next sample they have not rated.
#[server(prefix = "/api/fn", endpoint = "calibration", input = GetUrl)]
pub async fn calibration(#[server(default)] last: String) -> Result<CalibrationView, AppError> {
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let library = super::context::library()?;
    crate::service::calibration::calibration(&db, &user, &library, last).await
}

/// Keeps a practice rating of `sample`, then shows how it compares.
#[server(prefix = "/api/fn", endpoint = "practice-rate")]
pub async fn practice_rate(
    sample: String,
    #[server(default)] rating: String,
) -> Result<(), FormError> {
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let library = super::context::library()?;
    let to =
        crate::service::calibration::practice_rate(&db, &user, &library, sample, rating).await?;
    leptos_axum::redirect(&to);
    Ok(())
}

/// Turns the calibration standard for a requisition's panel on or off.
#[server(prefix = "/api/fn", endpoint = "require-calibration")]
pub async fn require_calibration(
    requisition_id: String,
    #[server(default)] required: String,
) -> Result<(), AppError> {
    let requisition_id = crate::domain::keys::RequisitionId::from(requisition_id);
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let requisition = crate::access::requisition(&db, &user, &requisition_id).await?;
    crate::db::requisitions::set_calibration_required(&db, &requisition.id, required == "on")
        .await
        .map_err(crate::access::internal)?;
    leptos_axum::redirect(&format!("/requisitions/{}#calibration", requisition.id));
    Ok(())
}
