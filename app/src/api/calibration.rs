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
#[cfg(feature = "ssr")]
use crate::service::calibration::{practice_item, practice_kits};
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
    use crate::access::internal;
    use crate::domain::calibration::{practice_order, SampleRef};
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let library = super::context::library()?;
    let (kits, own_kits) = practice_kits(&db, &library, &user.id).await?;
    let practice = crate::db::practice::of_users(&db, std::slice::from_ref(&user.id))
        .await
        .map_err(internal)?;
    let score = crate::db::practice::scores(&practice)
        .remove(&user.id)
        .unwrap_or_default();
    let rated: std::collections::HashSet<&str> =
        practice.iter().map(|p| p.sample.as_str()).collect();
    let mut samples: Vec<SampleRef> = kits
        .iter()
        .flat_map(crate::domain::calibration::samples_of)
        .collect();
    practice_order(&mut samples, &user.id);
    let total = samples.len();
    let waiting: Vec<&SampleRef> = samples
        .iter()
        .filter(|s| !rated.contains(s.id().as_str()))
        .collect();
    let next = waiting.first().and_then(|s| practice_item(&kits, s));
    let last = match last.trim() {
        "" => None,
        id => crate::db::practice::get(&db, &user.id, id)
            .await
            .map_err(internal)?
            .and_then(|p| {
                let sample = SampleRef::parse(&p.sample)?;
                let kit = sample.kit_in(&kits)?;
                let item = crate::domain::scorecard::parse_item_key(&sample.item_key)?;
                let found = kit.item(&item)?;
                Some(PracticeResult {
                    title: crate::service::panel::interviews::interview_item(kit, &item)?.title,
                    answer: sample.text(kit)?.to_string(),
                    given: p.rating,
                    reference: p.reference,
                    anchor: found.anchors().at(p.reference)?.to_string(),
                })
            }),
    };
    Ok(CalibrationView {
        score,
        kits: kits.iter().map(|k| k.title.clone()).collect(),
        own_kits,
        samples: total,
        left: waiting.len(),
        next,
        last,
    })
}

/// Keeps a practice rating of `sample`, then shows how it compares.
#[server(prefix = "/api/fn", endpoint = "practice-rate")]
pub async fn practice_rate(
    sample: String,
    #[server(default)] rating: String,
) -> Result<(), FormError> {
    use crate::access::internal;
    use crate::domain::calibration::SAMPLE_RATINGS;
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let library = super::context::library()?;
    let typed = [("rating", rating.as_str())];
    let Some(rating) = rating
        .parse::<Rating>()
        .ok()
        .filter(|r| SAMPLE_RATINGS.contains(r))
    else {
        return Err(FormError::field(
            "rating",
            "choose Exceeds, Meets or Below for this answer",
            &typed,
        ));
    };
    let (kits, _) = practice_kits(&db, &library, &user.id).await?;
    let known = kits
        .iter()
        .flat_map(crate::domain::calibration::samples_of)
        .find(|s| s.token() == sample.trim());
    let Some(sample) = known else {
        return Err(AppError::NotFound(
            "That sample answer is not in the kits you practise on (the library may have changed); take the next one.".into(),
        )
        .into());
    };
    let id = crate::db::practice::record(&db, &user.id, &library.version, &sample, rating)
        .await
        .map_err(internal)?;
    leptos_axum::redirect(&format!("/calibration?last={id}#result"));
    Ok(())
}

/// Turns the calibration standard for a requisition's panel on or off.
#[server(prefix = "/api/fn", endpoint = "require-calibration")]
pub async fn require_calibration(
    requisition_id: String,
    #[server(default)] required: String,
) -> Result<(), AppError> {
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let requisition = crate::access::requisition(&db, &user, &requisition_id).await?;
    crate::db::requisitions::set_calibration_required(&db, &requisition.id, required == "on")
        .await
        .map_err(crate::access::internal)?;
    leptos_axum::redirect(&format!("/requisitions/{}#calibration", requisition.id));
    Ok(())
}
