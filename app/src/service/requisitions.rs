//! Requisitions: saving a JD as a draft, opening it with an interview plan,
//! the plan as shown and changing it.

use crate::domain::accounts::CurrentUser;
use crate::domain::keys::RequisitionId;
use crate::domain::plan::PlanItem;
use crate::domain::requisition::Requisition;
use crate::error::AppError;

use crate::api::requisitions::*;
use crate::service::kits::frozen_kit;

/// Stores a JD as a draft owned by `user`. Shared with `POST /api/requisitions`.
pub async fn store_draft(
    db: &crate::db::Db,
    library: &crate::domain::Library,
    user: &CurrentUser,
    outcome: &crate::domain::jd::Outcome,
    jd_markdown: &str,
) -> Result<RequisitionId, AppError> {
    let title = jd_markdown
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("# ")
        .replace('\\', "");
    crate::db::requisitions::create_draft(
        db,
        &user.id,
        &title,
        outcome,
        jd_markdown,
        &library.version,
    )
    .await
    .map_err(crate::access::internal)
}

pub fn invalid(errors: Vec<crate::domain::jd::FieldError>) -> AppError {
    let parts: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect();
    AppError::Invalid(format!("The JD was not saved. {}", parts.join("; ")))
}

pub fn plan_view(
    kit: &crate::domain::Kit,
    plan: &crate::domain::plan::InterviewPlan,
    version: i64,
) -> PlanView {
    use crate::domain::kit_item::KitItemRef;
    let view_of = |item: &PlanItem| {
        let found = kit.item(item);
        PlanItemView {
            title: found.map_or_else(|| item.id.clone(), KitItemRef::title),
            competency: found.and_then(KitItemRef::competency).and_then(|id| {
                kit.competencies
                    .iter()
                    .find(|c| c.id == id)
                    .map(|c| c.name.clone())
            }),
            item: item.clone(),
        }
    };
    PlanView {
        version,
        rounds: plan
            .rounds
            .iter()
            .map(|r| {
                let kit_round = kit.rounds.iter().find(|k| k.id == r.round);
                PlanRoundView {
                    id: r.round.clone(),
                    name: kit.round_name(&r.round).to_string(),
                    minutes: kit_round.map(|k| k.minutes).unwrap_or_default(),
                    led_by: kit_round.map(|k| k.led_by.clone()).unwrap_or_default(),
                    items: r.items.iter().map(view_of).collect(),
                }
            })
            .collect(),
        coverage: plan.coverage(kit),
        warnings: plan.warnings(kit),
        available: plan.available(kit).iter().map(view_of).collect(),
    }
}

pub async fn requisition_view(
    db: &crate::db::Db,
    mut requisition: Requisition,
) -> Result<RequisitionView, AppError> {
    use crate::access::internal;
    use crate::db::{candidates, requisitions};
    let kit = frozen_kit(db, &requisition).await?;
    requisition.jd_html = crate::markdown::to_safe_html(&requisition.jd_markdown);
    Ok(RequisitionView {
        kit_title: kit.title.clone(),
        plan: requisition
            .plan
            .as_ref()
            .map(|p| plan_view(&kit, p, requisition.plan_version)),
        plan_locked: requisitions::interviews_started(db, &requisition.id)
            .await
            .map_err(internal)?,
        members: requisitions::members(db, &requisition.id)
            .await
            .map_err(internal)?,
        candidates: candidates::count(db, &requisition.id)
            .await
            .map_err(internal)?,
        apply_url: format!("{}/apply/{}", site_origin(), requisition.id),
        days: Default::default(),
        requisition,
    })
}

/// Shared with `POST /api/requisitions`.
pub async fn open(db: &crate::db::Db, requisition: &Requisition) -> Result<(), AppError> {
    if requisition.is_open() {
        return Ok(());
    }
    let kit = frozen_kit(db, requisition).await?;
    let plan = crate::domain::plan::InterviewPlan::from_kit(&kit);
    crate::db::requisitions::open(db, &requisition.id, &plan)
        .await
        .map_err(crate::access::internal)?;
    Ok(())
}

/// Applies one edit to a requisition's interview plan for someone who runs
/// it, if the plan is still at `version` (or at any version without one).
/// Returns the plan's new version; a stale edit is refused with the plan
/// as it is now.
pub async fn change_plan(
    db: &crate::db::Db,
    user: &CurrentUser,
    id: &RequisitionId,
    version: Option<i64>,
    edit: &crate::domain::plan::PlanEdit,
) -> Result<i64, crate::service::refusal::Refusal> {
    use crate::db::requisitions::PlanWrite;
    use crate::service::refusal::Refusal;
    let requisition = crate::access::requisition(db, user, id).await?;
    let kit = frozen_kit(db, &requisition).await?;
    let written =
        crate::db::requisitions::edit_plan(db, id, version, |plan| plan.apply(&kit, edit))
            .await
            .map_err(crate::access::internal)?;
    match written {
        PlanWrite::Saved { version } => Ok(version),
        PlanWrite::Stale { plan, version } => Err(Refusal::StalePlan {
            message: "Someone changed the plan while you were looking at it, so your change was not made. \
                      The plan below is the current one; apply your change again if it still makes sense."
                .into(),
            current: Box::new(plan_view(&kit, &plan, version)),
        }),
        PlanWrite::Started => Err(AppError::Conflict(
            "Interviews have started, so the plan is fixed: every panelist is scored against the same questions.".into(),
        )
        .into()),
        PlanWrite::NoPlan => Err(AppError::Conflict(
            "Open the requisition first: the plan is made when it opens.".into(),
        )
        .into()),
        PlanWrite::Refused(e) => Err(AppError::Invalid(e.to_string()).into()),
    }
}

/// Puts a recruiter or hiring manager on the requisition.
pub async fn add_member(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    mail: &crate::api::mail::MailSettings,
    id: RequisitionId,
    email: String,
) -> Result<(), AppError> {
    use crate::domain::accounts::{Email, Role};
    let requisition = crate::access::requisition(db, user, &id).await?;
    let email = Email::parse(&email).map_err(|e| AppError::Invalid(format!("email: {e}")))?;
    let member = crate::db::users::active_by_email(db, &email)
        .await
        .map_err(crate::access::internal)?
        .ok_or_else(|| {
            AppError::Invalid(format!(
                "email: there is no active account for {}",
                email.as_str()
            ))
        })?;
    if !matches!(
        member.role,
        Role::Recruiter | Role::HiringManager | Role::Admin
    ) {
        return Err(AppError::Invalid(format!(
            "email: {} is an interviewer; interviewers join through the panel, not the requisition",
            member.email
        )));
    }
    // Adding yourself needs no message.
    let note = (member.id != user.id).then(|| {
        crate::domain::mail::member_added(
            &member.email,
            user.display_name(),
            &requisition.title,
            &mail.link(&format!("/requisitions/{}", requisition.id)),
        )
    });
    crate::db::requisitions::add_member(db, &id, &member.id, note.as_ref())
        .await
        .map_err(crate::access::internal)
}
