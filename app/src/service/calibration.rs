//! Interviewer calibration: the kits a person practises on, the next sample
//! to rate, whether the standard a requisition requires keeps someone off
//! its panel, and the practice scores the board shows.

use crate::api::form_error::FormError;
use crate::domain::calibration::Score;
use crate::domain::keys::UserId;
use crate::domain::scoring::Rating;
use crate::error::AppError;

use crate::api::calibration::*;

/// The kits a person practises on: those of the requisitions they are on,
/// or, on none yet, every kit at its usual level. Built from the current
/// library, which holds the samples.
pub async fn practice_kits(
    db: &crate::db::Db,
    library: &crate::domain::Library,
    user_id: &UserId,
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
    user_ids: &[UserId],
) -> Result<std::collections::BTreeMap<UserId, Score>, AppError> {
    let practice = crate::db::practice::of_users(db, user_ids)
        .await
        .map_err(crate::access::internal)?;
    Ok(crate::db::practice::scores(&practice))
}

/// The calibration page: the person's figures, the result of the rating
/// named by `last` (theirs), and the next sample they have not rated.
pub async fn calibration(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    library: &crate::domain::Library,
    last: String,
) -> Result<CalibrationView, AppError> {
    use crate::access::internal;
    use crate::domain::calibration::{practice_order, SampleRef};
    let (kits, own_kits) = practice_kits(db, library, &user.id).await?;
    let practice = crate::db::practice::of_users(db, std::slice::from_ref(&user.id))
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
        id => crate::db::practice::get(db, &user.id, id)
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
///
/// Answers with the page to show next (the form redirects there).
pub async fn practice_rate(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    library: &crate::domain::Library,
    sample: String,
    rating: String,
) -> Result<String, FormError> {
    use crate::access::internal;
    use crate::domain::calibration::SAMPLE_RATINGS;
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
    let (kits, _) = practice_kits(db, library, &user.id).await?;
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
    let id = crate::db::practice::record(db, &user.id, &library.version, &sample, rating)
        .await
        .map_err(internal)?;
    Ok(format!("/calibration?last={id}#result"))
}
