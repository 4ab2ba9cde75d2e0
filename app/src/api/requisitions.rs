//! Requisitions: saving a JD as a draft, opening it with an interview plan,
//! adjusting the plan, and who is on it.

#[cfg(feature = "ssr")]
use super::context::db;
use crate::api::studio::StudioQuery;
use crate::domain::accounts::CurrentUser;
use crate::domain::plan::{CompetencyCoverage, PlanItem};
use crate::domain::requisition::{Requisition, RequisitionSummary};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::service::requisitions::{change_plan, invalid, open, requisition_view, store_draft};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// Writes the JD from the submitted outcome (never trusting a JD text sent
/// by the browser), stores it with the frozen rubric version, and sends the
/// browser to the draft.
#[server(prefix = "/api/fn", endpoint = "save-jd")]
pub async fn save_jd(query: StudioQuery) -> Result<(), AppError> {
    let user = crate::auth::require_role(&crate::auth::REQUISITION_ROLES)?;
    let library = super::context::library()?;
    let db = db()?;
    let (input, mut errors) = query.to_input();
    let generated = super::jd::generate_jd(&library, &input);
    let (outcome, jd) = match generated {
        Ok(ok) if errors.is_empty() => ok,
        Ok(_) => return Err(invalid(errors)),
        Err(more) => {
            errors.extend(more);
            return Err(invalid(errors));
        }
    };
    let id = store_draft(&db, &library, &user, &outcome, &jd.markdown).await?;
    leptos_axum::redirect(&format!("/requisitions/{id}"));
    Ok(())
}

/// An item of the plan with the words people read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanItemView {
    pub item: PlanItem,
    /// The question or exercise as people read it.
    pub title: String,
    /// The competency it assesses, by name; `null` for attitudes and
    /// exercises.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub competency: Option<String>,
}

/// A round of the plan with its items as people read them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanRoundView {
    /// A kit round id.
    pub id: String,
    pub name: String,
    /// How long the round lasts.
    pub minutes: u32,
    /// Who on the panel leads it.
    pub led_by: String,
    pub items: Vec<PlanItemView>,
}

/// The interview plan as people read it, with how well it covers the
/// competencies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanView {
    /// The plan's version, to send back with an edit (`version` of
    /// `/api/fn/edit-plan`); an edit made from an older version is refused
    /// (409) rather than overwriting a newer plan.
    pub version: i64,
    pub rounds: Vec<PlanRoundView>,
    /// Every competency, with the rounds that assess it.
    pub coverage: Vec<CompetencyCoverage>,
    /// Competencies nobody will assess, and rounds with more items than
    /// their minutes hold, in sentences.
    pub warnings: Vec<String>,
    /// Kit items not in the plan.
    pub available: Vec<PlanItemView>,
}

/// A requisition with its kit, its plan and who is on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RequisitionView {
    pub requisition: Requisition,
    /// The title of the kit it is frozen at.
    pub kit_title: String,
    /// The plan as people read it; `null` while a draft.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub plan: Option<PlanView>,
    /// An interview has begun: the plan can no longer change.
    pub plan_locked: bool,
    /// The recruiters and hiring managers on it.
    pub members: Vec<CurrentUser>,
    /// How many candidates it has.
    pub candidates: i64,
    /// The public application link to share with candidates.
    #[cfg_attr(feature = "ssr", schema(format = "uri"))]
    pub apply_url: String,
    // The days the page shows (when it was saved), on the reader's clocks;
    // filled for the page only (the JSON API gives UTC times), so not in
    // the API's schema.
    #[serde(default, skip_serializing_if = "crate::time_text::Times::is_empty")]
    #[cfg_attr(feature = "ssr", schema(ignore))]
    pub days: crate::time_text::Times,
}

#[server(prefix = "/api/fn", endpoint = "requisition", input = GetUrl)]
pub async fn get_requisition(id: String) -> Result<RequisitionView, AppError> {
    let id = crate::domain::keys::RequisitionId::from(id);
    let user = crate::auth::require_user()?;
    let db = db()?;
    let requisition = crate::access::requisition(&db, &user, &id).await?;
    let mut view = requisition_view(&db, requisition).await?;
    view.days = crate::domain::zone::days([view.requisition.created_at.as_str()], user.zone());
    Ok(view)
}

/// This site's address as the browser reached it, for links people share.
#[cfg(feature = "ssr")]
pub fn site_origin() -> String {
    use_context::<http::request::Parts>()
        .map(|parts| crate::site::origin(&parts.headers, false, ""))
        .unwrap_or_default()
}

#[server(prefix = "/api/fn", endpoint = "requisitions", input = GetUrl)]
pub async fn list_requisitions() -> Result<Vec<RequisitionSummary>, AppError> {
    let user = crate::auth::require_role(&crate::auth::REQUISITION_ROLES)?;
    crate::db::requisitions::list_for(&db()?, &user)
        .await
        .map_err(crate::access::internal)
}

/// Opens a draft for candidates with the kit's plan.
#[server(prefix = "/api/fn", endpoint = "open-requisition")]
pub async fn open_requisition(id: String) -> Result<(), AppError> {
    let id = crate::domain::keys::RequisitionId::from(id);
    let user = crate::auth::require_user()?;
    let db = db()?;
    let requisition = crate::access::requisition(&db, &user, &id).await?;
    open(&db, &requisition).await
}

/// One change to the plan, as the plan editor's small forms send it.
/// `version` is the plan version the editor showed: when someone changed
/// the plan since, nothing is written and the answer is 409 with the plan
/// as it is now and the edit as sent, ready to apply again. Without a
/// version the edit applies to the current plan, still atomically.
#[server(prefix = "/api/fn", endpoint = "edit-plan")]
pub async fn edit_plan(
    id: String,
    op: String,
    #[server(default)] kind: String,
    item: String,
    #[server(default)] round: String,
    #[server(default)] version: Option<i64>,
) -> Result<i64, super::form_error::FormError> {
    let id = crate::domain::keys::RequisitionId::from(id);
    use crate::domain::plan::{ItemKind, PlanEdit};
    // The edit as sent, for the editor to apply again after a refusal.
    let sent = [
        ("id", id.to_string()),
        ("op", op.clone()),
        ("kind", kind.clone()),
        ("item", item.clone()),
        ("round", round.clone()),
    ];
    // The add picker sends `kind:id` in one field.
    let (kind, item) = match item.split_once(':') {
        Some((k, i)) if kind.is_empty() => (k.to_string(), i.to_string()),
        _ => (kind, item),
    };
    let user = crate::auth::require_user()?;
    let db = db()?;
    let kind = kind
        .parse::<ItemKind>()
        .map_err(|e| AppError::Invalid(format!("kind: {e}")))?;
    let item = PlanItem { kind, id: item };
    let edit = match op.as_str() {
        "up" => PlanEdit::Up { item },
        "down" => PlanEdit::Down { item },
        "drop" => PlanEdit::Drop { item },
        "move" => PlanEdit::Move {
            item,
            to_round: round,
        },
        "add" => PlanEdit::Add { item, round },
        other => {
            return Err(AppError::Invalid(format!(
                "op: `{other}` is not up, down, drop, move or add"
            ))
            .into())
        }
    };
    let sent: Vec<(&str, &str)> = sent.iter().map(|(k, v)| (*k, v.as_str())).collect();
    change_plan(&db, &user, &id, version, &edit)
        .await
        .map_err(|refused| refused.into_form(&sent))
}

/// Closes an open requisition: the job page stops taking applications and
/// no new interviews are scheduled; candidates, cards and the board stay.
#[server(prefix = "/api/fn", endpoint = "close-requisition")]
pub async fn close_requisition(id: String) -> Result<(), AppError> {
    set_closed(id, true).await
}

/// Opens a closed requisition again.
#[server(prefix = "/api/fn", endpoint = "reopen-requisition")]
pub async fn reopen_requisition(id: String) -> Result<(), AppError> {
    set_closed(id, false).await
}

#[cfg(feature = "ssr")]
async fn set_closed(id: String, close: bool) -> Result<(), AppError> {
    let id = crate::domain::keys::RequisitionId::from(id);
    let user = crate::auth::require_user()?;
    let db = db()?;
    let requisition = crate::access::requisition(&db, &user, &id).await?;
    let changed = crate::db::requisitions::set_closed(&db, &requisition.id, close)
        .await
        .map_err(crate::access::internal)?;
    match (changed, close) {
        (true, _) => Ok(()),
        (false, true) if requisition.is_closed() => Ok(()),
        (false, false) if requisition.is_open() => Ok(()),
        (false, true) => Err(AppError::Conflict(
            "Only an open requisition can be closed; this one is still a draft.".into(),
        )),
        (false, false) => Err(AppError::Conflict(
            "Only a closed requisition can be reopened.".into(),
        )),
    }
}

/// Takes a recruiter or hiring manager off the requisition. Its owner
/// stays: someone must run it.
#[server(prefix = "/api/fn", endpoint = "remove-member")]
pub async fn remove_member(id: String, user_id: String) -> Result<(), AppError> {
    let user_id = crate::domain::keys::UserId::from(user_id);
    let id = crate::domain::keys::RequisitionId::from(id);
    let user = crate::auth::require_user()?;
    let db = db()?;
    let requisition = crate::access::requisition(&db, &user, &id).await?;
    if requisition.owner_id.as_deref() == Some(user_id.as_str()) {
        return Err(AppError::Conflict(
            "The requisition's owner stays on it: someone must run it.".into(),
        ));
    }
    let removed = crate::db::requisitions::remove_member(&db, &requisition.id, &user_id)
        .await
        .map_err(crate::access::internal)?;
    if removed {
        Ok(())
    } else {
        Err(AppError::NotFound(
            "That person is not on this requisition.".into(),
        ))
    }
}

/// Puts a recruiter or hiring manager on the requisition.
#[server(prefix = "/api/fn", endpoint = "add-member")]
pub async fn add_member(id: String, email: String) -> Result<(), AppError> {
    let id = crate::domain::keys::RequisitionId::from(id);
    let user = crate::auth::require_user()?;
    let db = db()?;
    let mail = super::mail::settings();
    crate::service::requisitions::add_member(&db, &user, &mail, id, email).await
}
