//! Interviewer calibration: the kits a person practises on, the next sample
//! to rate, whether the standard a requisition requires keeps someone off
//! its panel, and the practice scores the board shows.

use crate::api::calibration::*;
use crate::domain::calibration::Score;
use crate::error::AppError;

/// The kits a person practises on: those of the requisitions they are on,
/// or, on none yet, every kit at its usual level. Built from the current
/// library, which holds the samples.
pub async fn practice_kits(
    db: &crate::db::Db,
    library: &crate::domain::Library,
    user_id: &str,
) -> Result<(Vec<crate::domain::Kit>, bool), AppError> {
    let theirs = crate::db::requisitions::kits_of_person(db, user_id)
        .await
        .map_err(crate::access::internal)?;
    let own = !theirs.is_empty();
    let wanted: Vec<(crate::domain::SubRole, crate::domain::Level)> = if own {
        theirs
    } else {
        library
            .kit_summaries()
            .into_iter()
            .filter(|k| k.typical_level)
            .map(|k| (k.sub_role, k.level))
            .collect()
    };
    Ok((
        wanted
            .into_iter()
            .filter_map(|(sub_role, level)| library.kit(sub_role, level))
            .collect(),
        own,
    ))
}

pub fn practice_item(
    kits: &[crate::domain::Kit],
    sample: &crate::domain::calibration::SampleRef,
) -> Option<PracticeItem> {
    let kit = sample.kit_in(kits)?;
    let item = crate::domain::scorecard::parse_item_key(&sample.item_key)?;
    let shown = crate::service::panel::interviews::interview_item(kit, &item)?;
    Some(PracticeItem {
        sample: sample.token(),
        kit_title: kit.title.clone(),
        eyebrow: shown.eyebrow,
        title: shown.title,
        ask: shown.ask,
        anchors: shown.anchors,
        answer: sample.text(kit)?.to_string(),
    })
}

/// Why `person` may not be put on `requisition`'s panel to score, when it
/// requires the calibration standard and they have not met it.
pub async fn calibration_refusal(
    db: &crate::db::Db,
    requisition: &crate::domain::requisition::Requisition,
    person: &crate::domain::accounts::CurrentUser,
) -> Result<Option<String>, AppError> {
    use crate::domain::calibration::{MIN_RATED, PASS_DENOMINATOR, PASS_NUMERATOR};
    if !requisition.calibration_required {
        return Ok(None);
    }
    let score = panel_scores(db, std::slice::from_ref(&person.id))
        .await?
        .remove(&person.id)
        .unwrap_or_default();
    Ok((!score.passes()).then(|| {
        format!(
            "{} has not met the calibration standard this requisition requires ({MIN_RATED} or more sample answers rated on /calibration, {PASS_NUMERATOR} in {PASS_DENOMINATOR} as the reference); so far: {}",
            person.email,
            score.agreement_text()
        )
    }))
}

/// Each person's calibration score, by user id (absent: nothing rated).
pub async fn panel_scores(
    db: &crate::db::Db,
    user_ids: &[String],
) -> Result<std::collections::BTreeMap<String, Score>, AppError> {
    let practice = crate::db::practice::of_users(db, user_ids)
        .await
        .map_err(crate::access::internal)?;
    Ok(crate::db::practice::scores(&practice))
}
