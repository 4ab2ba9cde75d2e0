//! Changing a scheduled interview: moving it, calling it off, handing it to
//! another interviewer. Each change and the interviewers' email (with the
//! updated or cancelled calendar event, same UID, higher SEQUENCE) are
//! written in one transaction, and the change is in the audit log. A card
//! its interviewer has written on stays theirs: such an interview is
//! neither cancelled nor handed over.
//!
//! Each change answers with the interview as it was before the change, so
//! the caller can send the person back to its candidate.

use crate::domain::keys::AssignmentId;
use {
    crate::access::internal,
    crate::api::mail::MailSettings,
    crate::db::assignments::{self, Changed},
    crate::domain::accounts::CurrentUser,
    crate::domain::ics::Method,
    crate::domain::jd::FieldError,
    crate::domain::mail::{self, Cancelled, ChangeNote},
    crate::domain::requisition::{Assignment, Part, Requisition},
    crate::domain::zone::zone_or_utc,
    crate::error::AppError,
    crate::service::panel::{
        assignment_for, interview_invite, panelist, parse_minutes, parse_start, InviteParts,
        TimeInput,
    },
    crate::service::refusal::Refusal,
    chrono::{DateTime, Utc},
};

/// Moves an interview to `starts_at` (read as `time` says); a blank
/// `duration_minutes` keeps its length.
pub async fn reschedule(
    db: &crate::db::Db,
    user: &CurrentUser,
    mail_settings: &MailSettings,
    id: &AssignmentId,
    starts_at: &str,
    duration_minutes: &str,
    time: TimeInput,
) -> Result<Assignment, Refusal> {
    let ToChange {
        assignment,
        requisition,
        round,
        url,
    } = to_change(db, user, mail_settings, id).await?;
    let starts = parse_start(starts_at, time, Utc::now());
    let minutes = parse_minutes(duration_minutes);
    let (starts, minutes) = match (starts, minutes) {
        (Ok(starts), Ok(minutes)) => (starts, minutes.unwrap_or(assignment.minutes)),
        (starts, minutes) => {
            let errors = [
                ("starts_at", starts.err()),
                ("duration_minutes", minutes.err()),
            ]
            .into_iter()
            .filter_map(|(field, message)| {
                message.map(|message| FieldError {
                    field: field.into(),
                    message,
                })
            })
            .collect();
            return Err(Refusal::Fields(errors));
        }
    };
    let stored = crate::db::stamp(starts);
    let zone = zone_or_utc(&assignment.interviewer_time_zone);
    let was = start_of(&assignment)
        .map(|t| mail::when(t, assignment.minutes, zone))
        .unwrap_or_default();
    let changed = assignments::reschedule(db, &assignment.id, &stored, minutes, |sequence| {
        let calendar = interview_invite(&InviteParts {
            minutes,
            ..InviteParts::of(
                &assignment,
                &requisition.title,
                &round,
                &url,
                starts,
                sequence,
                Method::Request,
            )
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
    .map_err(internal)?;
    let detail = format!(
        "interview moved: {round} with {} to {stored}",
        assignment.interviewer_email
    );
    settle(db, user, changed, assignment, &detail).await
}

/// Calls an interview off.
pub async fn cancel(
    db: &crate::db::Db,
    user: &CurrentUser,
    mail_settings: &MailSettings,
    id: &AssignmentId,
) -> Result<Assignment, Refusal> {
    let ToChange {
        assignment,
        requisition,
        round,
        url,
    } = to_change(db, user, mail_settings, id).await?;
    let starts = start_of(&assignment).ok_or(AppError::Internal)?;
    let changed = assignments::cancel(db, &assignment.id, |sequence| {
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
    .map_err(internal)?;
    let detail = format!(
        "interview cancelled: {round} with {}",
        assignment.interviewer_email
    );
    settle(db, user, changed, assignment, &detail).await
}

/// Hands an interview to the person with `interviewer_email`: the first
/// interviewer is sent the cancellation, the second the invite.
pub async fn replace(
    db: &crate::db::Db,
    user: &CurrentUser,
    mail_settings: &MailSettings,
    id: &AssignmentId,
    interviewer_email: &str,
) -> Result<Assignment, Refusal> {
    let refuse = |message: String| {
        Refusal::Fields(vec![FieldError {
            field: "interviewer_email".into(),
            message,
        }])
    };
    let taken = |message: String| Refusal::Duplicate {
        field: "interviewer_email",
        message,
    };
    let ToChange {
        assignment,
        requisition,
        round,
        url,
    } = to_change(db, user, mail_settings, id).await?;
    let person = panelist(db, &requisition, interviewer_email)
        .await?
        .map_err(refuse)?;
    if assignment.part == Part::Interviewer {
        if let Some(message) =
            crate::service::calibration::calibration_refusal(db, &requisition, &person).await?
        {
            return Err(refuse(message));
        }
    }
    if person.id == assignment.interviewer_id {
        return Err(taken(format!(
            "{} already has this interview",
            person.email
        )));
    }
    let starts = start_of(&assignment).ok_or(AppError::Internal)?;
    let changed = assignments::replace(db, &assignment.id, &person.id, |sequence| {
        let calendar = interview_invite(&InviteParts {
            attendee: &person.email,
            attendee_name: person.display_name(),
            ..InviteParts::of(
                &assignment,
                &requisition.title,
                &round,
                &url,
                starts,
                sequence,
                Method::Request,
            )
        });
        let note = mail::AssignmentNote {
            to: &person.email,
            scheduled_by: user.display_name(),
            candidate: &assignment.candidate_name,
            job_title: &requisition.title,
            round: &round,
            starts_at: starts,
            minutes: assignment.minutes,
            zone: zone_or_utc(&person.time_zone),
            interview_url: &url,
            calendar,
        };
        let invite = match assignment.part {
            Part::Interviewer => mail::assignment(note),
            Part::Actor => mail::actor_assignment(note, &format!("{url}/brief")),
        };
        let uninvite = cancellation(
            &assignment,
            &requisition,
            &round,
            starts,
            &url,
            user.display_name(),
            sequence,
            Cancelled::Replaced,
        );
        vec![uninvite, invite]
    })
    .await
    .map_err(|e| match e {
        crate::db::DbError::Conflict(_) => taken(format!(
            "{} is already on this round for {}",
            person.email, assignment.candidate_name
        )),
        e => internal(e).into(),
    })?;
    let detail = format!(
        "interview handed over: {round} from {} to {}",
        assignment.interviewer_email, person.email
    );
    settle(db, user, changed, assignment, &detail).await
}

/// An interview to change, with what the messages about a change name.
struct ToChange {
    assignment: Assignment,
    requisition: Requisition,
    /// The round's name in the requisition's kit.
    round: String,
    /// The interview's page, absolute.
    url: String,
}

/// The interview, for someone who runs its requisition while it is open.
async fn to_change(
    db: &crate::db::Db,
    user: &CurrentUser,
    mail_settings: &MailSettings,
    id: &AssignmentId,
) -> Result<ToChange, AppError> {
    let (assignment, requisition, runs) = assignment_for(db, user, id).await?;
    if !runs {
        return Err(AppError::Forbidden(
            "Only the people running this requisition change its interviews.".into(),
        ));
    }
    if requisition.is_closed() {
        return Err(AppError::Conflict(
            "This requisition is closed; reopen it to change its interviews.".into(),
        ));
    }
    let kit = crate::service::kits::frozen_kit(db, &requisition).await?;
    Ok(ToChange {
        round: kit.round_name(&assignment.round).to_string(),
        url: mail_settings.link(&format!("/interviews/{}", assignment.id)),
        assignment,
        requisition,
    })
}

/// Notes a change that was made in the audit log (as `detail`), or says
/// why it was not.
async fn settle(
    db: &crate::db::Db,
    user: &CurrentUser,
    changed: Changed,
    assignment: Assignment,
    detail: &str,
) -> Result<Assignment, Refusal> {
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
            .map_err(internal)?;
            Ok(assignment)
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
        Changed::Gone => {
            Err(AppError::NotFound("This interview is no longer on the panel.".into()).into())
        }
    }
}

fn start_of(assignment: &Assignment) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(&assignment.starts_at)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// The message that takes an interview out of its interviewer's calendar.
#[allow(clippy::too_many_arguments)]
fn cancellation(
    assignment: &Assignment,
    requisition: &Requisition,
    round: &str,
    starts: DateTime<Utc>,
    url: &str,
    changed_by: &str,
    sequence: i64,
    why: Cancelled,
) -> mail::Mail {
    let method = match why {
        Cancelled::Off => Method::Cancel,
        Cancelled::Replaced => Method::Uninvite,
    };
    let calendar = interview_invite(&InviteParts::of(
        assignment,
        &requisition.title,
        round,
        url,
        starts,
        sequence,
        method,
    ));
    mail::interview_cancelled(
        ChangeNote {
            to: &assignment.interviewer_email,
            changed_by,
            candidate: &assignment.candidate_name,
            job_title: &requisition.title,
            round,
            starts_at: starts,
            minutes: assignment.minutes,
            zone: zone_or_utc(&assignment.interviewer_time_zone),
            calendar,
        },
        why,
    )
}
