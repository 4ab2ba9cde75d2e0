//! Moving, handing over and cancelling interviews.

use {
    crate::domain::ics::Method,
    crate::domain::mail::{self, Cancelled, ChangeNote},
    crate::domain::requisition::{Assignment, Requisition},
    crate::error::AppError,
    crate::service::panel::{assignment_for, interview_invite, InviteParts},
};

/// The interview, for someone who runs its requisition while it is open.
pub async fn to_change(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    id: &str,
) -> Result<(Assignment, Requisition), AppError> {
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
    Ok((assignment, requisition))
}

pub async fn round_name(
    db: &crate::db::Db,
    requisition: &Requisition,
    assignment: &Assignment,
) -> Result<String, AppError> {
    let kit = crate::service::kits::frozen_kit(db, requisition).await?;
    Ok(kit.round_name(&assignment.round).to_string())
}

pub fn start_of(assignment: &Assignment) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(&assignment.starts_at)
        .ok()
        .map(|t| t.with_timezone(&chrono::Utc))
}

/// The message that takes an interview out of its interviewer's calendar.
#[allow(clippy::too_many_arguments)]
pub fn cancellation(
    assignment: &Assignment,
    requisition: &Requisition,
    round: &str,
    starts: chrono::DateTime<chrono::Utc>,
    url: &str,
    changed_by: &str,
    sequence: i64,
    why: Cancelled,
) -> crate::domain::mail::Mail {
    let calendar = interview_invite(&InviteParts {
        assignment_id: &assignment.id,
        starts_at: starts,
        minutes: assignment.minutes,
        round,
        candidate: &assignment.candidate_name,
        job_title: &requisition.title,
        url,
        organizer: &assignment.scheduled_by_email,
        organizer_name: &assignment.scheduled_by_name,
        attendee: &assignment.interviewer_email,
        attendee_name: &assignment.interviewer_name,
        sequence,
        method: match why {
            Cancelled::Off => Method::Cancel,
            Cancelled::Replaced => Method::Uninvite,
        },
    });
    mail::interview_cancelled(
        ChangeNote {
            to: &assignment.interviewer_email,
            changed_by,
            candidate: &assignment.candidate_name,
            job_title: &requisition.title,
            round,
            starts_at: starts,
            minutes: assignment.minutes,
            zone: crate::domain::zone::zone_or_utc(&assignment.interviewer_time_zone),
            calendar,
        },
        why,
    )
}
