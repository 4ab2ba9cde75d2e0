//! Changing a scheduled interview from the candidate's page: moving it,
//! calling it off, handing it to another interviewer. The rules are in
//! `service::panel::changes`; each form goes back to the candidate's panel
//! with what was done, or with why not beside the field.

use crate::api::form_error::FormError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::service::panel::{changes, TimeInput};

/// Moves an interview. The start is the form's `datetime-local` value, on
/// the clocks of the mover's time zone; an empty length keeps the
/// interview's.
#[server(prefix = "/api/fn", endpoint = "reschedule-interview")]
pub async fn reschedule_interview(
    id: String,
    #[server(default)] starts_at: String,
    #[server(default)] duration_minutes: String,
) -> Result<(), FormError> {
    let id = crate::domain::keys::AssignmentId::from(id);
    let user = crate::auth::require_user()?;
    let db = super::super::context::db()?;
    let time = TimeInput::Form(crate::domain::zone::zone_or_utc(&user.time_zone));
    let moved = changes::reschedule(
        &db,
        &user,
        &super::super::mail::settings(),
        &id,
        &starts_at,
        &duration_minutes,
        time,
    )
    .await
    .map_err(|refusal| {
        refusal.into_form(&[
            ("starts_at", &starts_at),
            ("duration_minutes", &duration_minutes),
        ])
    })?;
    back_to_panel(&moved.candidate_id, "moved");
    Ok(())
}

/// Calls an interview off.
#[server(prefix = "/api/fn", endpoint = "cancel-interview")]
pub async fn cancel_interview(id: String) -> Result<(), FormError> {
    let id = crate::domain::keys::AssignmentId::from(id);
    let user = crate::auth::require_user()?;
    let db = super::super::context::db()?;
    let cancelled = changes::cancel(&db, &user, &super::super::mail::settings(), &id)
        .await
        .map_err(|refusal| refusal.into_form(&[]))?;
    back_to_panel(&cancelled.candidate_id, "cancelled");
    Ok(())
}

/// Hands an interview to another interviewer: the first is sent the
/// cancellation, the second the invite.
#[server(prefix = "/api/fn", endpoint = "replace-interviewer")]
pub async fn replace_interviewer(
    id: String,
    #[server(default)] interviewer_email: String,
) -> Result<(), FormError> {
    let id = crate::domain::keys::AssignmentId::from(id);
    let user = crate::auth::require_user()?;
    let db = super::super::context::db()?;
    let settings = super::super::mail::settings();
    let replaced = changes::replace(&db, &user, &settings, &id, &interviewer_email)
        .await
        .map_err(|refusal| refusal.into_form(&[("interviewer_email", &interviewer_email)]))?;
    back_to_panel(&replaced.candidate_id, "replaced");
    Ok(())
}

/// Back to the candidate's panel, which says what was `done`.
#[cfg(feature = "ssr")]
fn back_to_panel(candidate_id: &str, done: &str) {
    leptos_axum::redirect(&format!("/candidates/{candidate_id}?done={done}#panel"));
}
