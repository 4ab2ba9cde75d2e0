//! Changing a scheduled interview: moving it, calling it off, handing it to
//! another interviewer. Each change and the interviewers' email (with the
//! updated or cancelled calendar event, same UID, higher SEQUENCE) are
//! written in one transaction. A card its interviewer has written on stays
//! theirs: such an interview is neither cancelled nor handed over.

use crate::api::form_error::FormError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::service::panel::changes::{cancellation, round_name, start_of, to_change};
#[cfg(feature = "ssr")]
use {
    super::{interview_invite, InviteParts},
    crate::db::assignments::{self, Changed},
    crate::domain::ics::Method,
    crate::domain::mail::{self, Cancelled, ChangeNote},
    crate::domain::requisition::Assignment,
    crate::error::AppError,
};

/// Moves an interview. The start is the form's `datetime-local` value,
/// read as UTC; an empty length keeps the interview's.
#[server(prefix = "/api/fn", endpoint = "reschedule-interview")]
pub async fn reschedule_interview(
    id: String,
    #[server(default)] starts_at: String,
    #[server(default)] duration_minutes: String,
) -> Result<(), FormError> {
    let user = crate::auth::require_user()?;
    let db = super::super::context::db()?;
    let settings = super::super::mail::settings();
    let typed = [
        ("starts_at", starts_at.as_str()),
        ("duration_minutes", duration_minutes.as_str()),
    ];
    let (assignment, requisition) = to_change(&db, &user, &id).await?;
    let starts = super::parse_start(
        &starts_at,
        super::TimeInput::Form(crate::domain::zone::zone_or_utc(&user.time_zone)),
        chrono::Utc::now(),
    )
    .map_err(|message| FormError::field("starts_at", message, &typed))?;
    let minutes = match duration_minutes.trim() {
        "" => assignment.minutes,
        raw => match raw.parse::<i64>() {
            Ok(m) if (super::MIN_MINUTES..=super::MAX_MINUTES).contains(&m) => m,
            _ => {
                return Err(FormError::field(
                    "duration_minutes",
                    format!(
                        "give the length as a whole number of minutes, {} to {}",
                        super::MIN_MINUTES,
                        super::MAX_MINUTES
                    ),
                    &typed,
                ))
            }
        },
    };
    let stored = crate::db::stamp(starts);
    let round = round_name(&db, &requisition, &assignment).await?;
    let zone = crate::domain::zone::zone_or_utc(&assignment.interviewer_time_zone);
    let was = start_of(&assignment)
        .map(|t| mail::when(t, assignment.minutes, zone))
        .unwrap_or_default();
    let url = settings.link(&format!("/interviews/{}", assignment.id));
    let changed = assignments::reschedule(&db, &assignment.id, &stored, minutes, |sequence| {
        let calendar = interview_invite(&InviteParts {
            assignment_id: &assignment.id,
            starts_at: starts,
            minutes,
            round: &round,
            candidate: &assignment.candidate_name,
            job_title: &requisition.title,
            url: &url,
            organizer: &assignment.scheduled_by_email,
            organizer_name: &assignment.scheduled_by_name,
            attendee: &assignment.interviewer_email,
            attendee_name: &assignment.interviewer_name,
            sequence,
            method: Method::Request,
        });
        mail::interview_moved(
            ChangeNote {
                to: &assignment.interviewer_email,
                changed_by: user.display_name(),
                candidate: &assignment.candidate_name,
                job_title: &requisition.title,
                round: &round,
                starts_at: starts,
                minutes,
                zone,
                calendar,
            },
            &was,
            &url,
        )
    })
    .await
    .map_err(crate::access::internal)?;
    let detail = format!(
        "interview moved: {round} with {} to {stored}",
        assignment.interviewer_email
    );
    answer(&db, &user, changed, &assignment, "moved", &detail).await
}

/// Calls an interview off.
#[server(prefix = "/api/fn", endpoint = "cancel-interview")]
pub async fn cancel_interview(id: String) -> Result<(), FormError> {
    let user = crate::auth::require_user()?;
    let db = super::super::context::db()?;
    let settings = super::super::mail::settings();
    let (assignment, requisition) = to_change(&db, &user, &id).await?;
    let round = round_name(&db, &requisition, &assignment).await?;
    let starts = start_of(&assignment).ok_or(AppError::Internal)?;
    let url = settings.link(&format!("/interviews/{}", assignment.id));
    let changed = assignments::cancel(&db, &assignment.id, |sequence| {
        cancellation(
            &assignment,
            &requisition,
            &round,
            starts,
            &url,
            user.display_name(),
            sequence,
            Cancelled::Off,
        )
    })
    .await
    .map_err(crate::access::internal)?;
    let detail = format!(
        "interview cancelled: {round} with {}",
        assignment.interviewer_email
    );
    answer(&db, &user, changed, &assignment, "cancelled", &detail).await
}

/// Hands an interview to another interviewer: the first is sent the
/// cancellation, the second the invite.
#[server(prefix = "/api/fn", endpoint = "replace-interviewer")]
pub async fn replace_interviewer(
    id: String,
    #[server(default)] interviewer_email: String,
) -> Result<(), FormError> {
    let user = crate::auth::require_user()?;
    let db = super::super::context::db()?;
    let settings = super::super::mail::settings();
    let typed = [("interviewer_email", interviewer_email.as_str())];
    let (assignment, requisition) = to_change(&db, &user, &id).await?;
    let person = super::panelist(&db, &requisition, &interviewer_email)
        .await?
        .map_err(|message| FormError::field("interviewer_email", message, &typed))?;
    if assignment.part == crate::domain::requisition::Part::Interviewer {
        if let Some(message) =
            crate::service::calibration::calibration_refusal(&db, &requisition, &person).await?
        {
            return Err(FormError::field("interviewer_email", message, &typed));
        }
    }
    if person.id == assignment.interviewer_id {
        return Err(FormError::field(
            "interviewer_email",
            format!("{} already has this interview", person.email),
            &typed,
        ));
    }
    let round = round_name(&db, &requisition, &assignment).await?;
    let starts = start_of(&assignment).ok_or(AppError::Internal)?;
    let url = settings.link(&format!("/interviews/{}", assignment.id));
    let changed = assignments::replace(&db, &assignment.id, &person.id, |sequence| {
        let calendar = interview_invite(&InviteParts {
            assignment_id: &assignment.id,
            starts_at: starts,
            minutes: assignment.minutes,
            round: &round,
            candidate: &assignment.candidate_name,
            job_title: &requisition.title,
            url: &url,
            organizer: &assignment.scheduled_by_email,
            organizer_name: &assignment.scheduled_by_name,
            attendee: &person.email,
            attendee_name: person.display_name(),
            sequence,
            method: Method::Request,
        });
        vec![
            cancellation(
                &assignment,
                &requisition,
                &round,
                starts,
                &url,
                user.display_name(),
                sequence,
                Cancelled::Replaced,
            ),
            {
                let note = mail::AssignmentNote {
                    to: &person.email,
                    scheduled_by: user.display_name(),
                    candidate: &assignment.candidate_name,
                    job_title: &requisition.title,
                    round: &round,
                    starts_at: starts,
                    minutes: assignment.minutes,
                    zone: crate::domain::zone::zone_or_utc(&person.time_zone),
                    interview_url: &url,
                    calendar,
                };
                match assignment.part {
                    crate::domain::requisition::Part::Interviewer => mail::assignment(note),
                    crate::domain::requisition::Part::Actor => {
                        mail::actor_assignment(note, &format!("{url}/brief"))
                    }
                }
            },
        ]
    })
    .await
    .map_err(|e| match e {
        crate::db::DbError::Conflict(_) => FormError::field(
            "interviewer_email",
            format!(
                "{} is already on this round for {}",
                person.email, assignment.candidate_name
            ),
            &typed,
        ),
        e => crate::access::internal(e).into(),
    })?;
    let detail = format!(
        "interview handed over: {round} from {} to {}",
        assignment.interviewer_email, person.email
    );
    answer(&db, &user, changed, &assignment, "replaced", &detail).await
}

/// Back to the candidate's panel with what was done (in the audit log as
/// `detail`), or why not.
#[cfg(feature = "ssr")]
async fn answer(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    changed: Changed,
    assignment: &Assignment,
    done: &str,
    detail: &str,
) -> Result<(), FormError> {
    match changed {
        Changed::Done { .. } => {
            crate::db::audit::note(
                db,
                user,
                crate::db::audit::Action::Changed,
                Some(&assignment.requisition_id),
                Some(&assignment.candidate_id),
                detail,
            )
            .await
            .map_err(crate::access::internal)?;
            leptos_axum::redirect(&format!(
                "/candidates/{}?done={done}#panel",
                assignment.candidate_id
            ));
            Ok(())
        }
        Changed::Submitted => Err(AppError::Conflict(format!(
            "{} has submitted the scorecard for this interview, so it took place and stays as it is.",
            assignment.interviewer_email
        ))
        .into()),
        Changed::Started => Err(AppError::Conflict(format!(
            "{} has started the scorecard for this interview, and it stays theirs: the interview cannot be cancelled or handed over. Add another interviewer to the round instead.",
            assignment.interviewer_email
        ))
        .into()),
        Changed::Gone => Err(AppError::NotFound(
            "This interview is no longer on the panel.".into(),
        )
        .into()),
    }
}
