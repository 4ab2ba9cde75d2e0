//! What the benchmarks fill a scratch database with: an admin, one open
//! requisition (a mid partner manager for a technology partner, with the
//! kit's interview plan), interviewers and candidates.

use super::fail;
use app::db::{assignments, candidates, requisitions, scorecards, users, Db};
use app::domain::accounts::{CurrentUser, Email, Role};
use app::domain::candidate::{NewCandidate, Source};
use app::domain::keys::{CandidateId, RequisitionId, UserId};
use app::domain::requisition::Requisition;
use app::domain::scorecard::Scorecard;
use app::domain::Library;

pub struct Opened {
    pub admin: CurrentUser,
    pub requisition: Requisition,
    /// A password hash to give every account (nobody signs in with it).
    pub hash: String,
}

pub async fn open_requisition(db: &Db, library: &Library) -> Result<Opened, String> {
    let hash = app::auth::password::hash("bench password, never used").map_err(fail)?;
    let admin_email = Email::parse("bench-admin@example.com").map_err(fail)?;
    let admin_id = users::create(db, &admin_email, "", Role::Admin, &hash)
        .await
        .map_err(fail)?;
    let admin = CurrentUser {
        id: admin_id,
        email: admin_email.as_str().to_string(),
        name: String::new(),
        role: Role::Admin,
        time_zone: String::new(),
    };
    let input = serde_json::from_value(serde_json::json!({
        "sub_role": "partner-manager",
        "level": "mid",
        "partner": {"name": "Snowflake", "type": "technology"},
        "pipeline_target": {"amount": 4000000, "currency": "USD"},
        "cadence": ["monthly-joint-pipeline-review"],
    }))
    .map_err(fail)?;
    let (outcome, jd) = app::api::jd::generate_jd(library, &input).map_err(|e| format!("{e:?}"))?;
    let id = app::service::requisitions::store_draft(db, library, &admin, &outcome, &jd.markdown)
        .await
        .map_err(fail)?;
    let draft = requisitions::get(db, &id)
        .await
        .map_err(fail)?
        .ok_or("the draft was not stored")?;
    app::service::requisitions::open(db, &draft)
        .await
        .map_err(fail)?;
    let requisition = requisitions::get(db, &id)
        .await
        .map_err(fail)?
        .ok_or("the requisition was not stored")?;
    if requisition.plan.is_none() {
        return Err("the opened requisition has no interview plan".into());
    }
    Ok(Opened {
        admin,
        requisition,
        hash,
    })
}

/// `count` interviewers, `interviewer{n}@example.com`; returns their ids.
pub async fn interviewers(db: &Db, count: usize, hash: &str) -> Result<Vec<UserId>, String> {
    let mut ids = Vec::with_capacity(count);
    for i in 0..count {
        let email = Email::parse(&format!("interviewer{i}@example.com")).map_err(fail)?;
        ids.push(
            users::create(db, &email, "", Role::Interviewer, hash)
                .await
                .map_err(fail)?,
        );
    }
    Ok(ids)
}

/// `count` candidates on the requisition; returns their ids.
pub async fn candidates(
    db: &Db,
    requisition: &RequisitionId,
    count: usize,
) -> Result<Vec<CandidateId>, String> {
    let people: Vec<NewCandidate> = (0..count)
        .map(|c| {
            Ok(NewCandidate {
                name: format!("Candidate {c:03}"),
                email: Email::parse(&format!("candidate{c}@example.com")).map_err(fail)?,
                phone: None,
                links: vec![],
            })
        })
        .collect::<Result<_, String>>()?;
    candidates::create_all(db, requisition, &people, Source::Added)
        .await
        .map_err(fail)
}

/// `interviewer` on `round` of `candidate`, with the card opened (an empty
/// draft), as the interviewer's first look at it leaves it.
pub async fn open_card(
    db: &Db,
    opened: &Opened,
    candidate: &CandidateId,
    round: &str,
    interviewer: &UserId,
) -> Result<Scorecard, String> {
    card_for(
        db,
        &assignments::NewAssignment {
            requisition_id: &opened.requisition.id,
            candidate_id: candidate,
            round,
            interviewer_id: interviewer,
            starts_at: "2026-01-05T15:00:00.000Z",
            minutes: 60,
            created_by: &opened.admin.id,
            part: app::domain::requisition::Part::Interviewer,
        },
        &opened.requisition.rubric_version,
    )
    .await
}

/// The interview `new`, with its card opened (an empty draft scored
/// against `rubric_version`). No email is queued.
pub async fn card_for(
    db: &Db,
    new: &assignments::NewAssignment<'_>,
    rubric_version: &str,
) -> Result<Scorecard, String> {
    let slot = assignments::create(db, new, |_| None).await.map_err(fail)?;
    let slot = assignments::get(db, &slot)
        .await
        .map_err(fail)?
        .ok_or("the assignment was not stored")?;
    scorecards::get_or_create(db, &slot, rubric_version)
        .await
        .map_err(fail)
}
