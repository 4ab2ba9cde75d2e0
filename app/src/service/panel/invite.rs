//! Finding an interview someone may see, and its calendar invitation.

use crate::api::panel::slug;
use crate::domain::keys::AssignmentId;
use crate::error::AppError;

/// An assignment this person may see: theirs, or on a requisition they
/// run. Also says whether they run it.
pub async fn assignment_for(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    id: &AssignmentId,
) -> Result<
    (
        crate::domain::requisition::Assignment,
        crate::domain::requisition::Requisition,
        bool,
    ),
    AppError,
> {
    use crate::access::internal;
    let assignment = crate::db::assignments::get(db, id)
        .await
        .map_err(internal)?
        .ok_or_else(|| AppError::NotFound("There is no interview at this address.".into()))?;
    match crate::access::requisition(db, user, &assignment.requisition_id).await {
        Ok(requisition) => Ok((assignment, requisition, true)),
        Err(AppError::Forbidden(_)) if assignment.interviewer_id == user.id => {
            let requisition = crate::db::requisitions::get(db, &assignment.requisition_id)
                .await
                .map_err(internal)?
                .ok_or(AppError::Internal)?;
            Ok((assignment, requisition, false))
        }
        Err(AppError::Forbidden(_)) => Err(AppError::Forbidden(
            "This interview is on someone else's schedule. Your interviews are under My interviews.".into(),
        )),
        Err(e) => Err(e),
    }
}

/// The calendar invite of an interview, for the interviewer on it (or the
/// people running the requisition). `base_url` is where this server is
/// reached (`https://hiring.example`), for the link to the interview kit.
/// Returns the file name and the file.
pub async fn invite(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    assignment_id: &AssignmentId,
    base_url: &str,
) -> Result<(String, String), AppError> {
    let (assignment, requisition, _) = assignment_for(db, user, assignment_id).await?;
    let kit = crate::service::kits::frozen_kit(db, &requisition).await?;
    let round = kit.round_name(&assignment.round).to_string();
    let starts_at = chrono::DateTime::parse_from_rfc3339(&assignment.starts_at)
        .map_err(|e| {
            leptos::logging::error!("assignment {} has a bad start time: {e}", assignment.id);
            AppError::Internal
        })?
        .with_timezone(&chrono::Utc);
    let url = format!(
        "{}/interviews/{}",
        base_url.trim_end_matches('/'),
        assignment.id
    );
    let ics = interview_invite(&InviteParts::of(
        &assignment,
        &requisition.title,
        &round,
        &url,
        starts_at,
        assignment.sequence,
        crate::domain::ics::Method::Request,
    ));
    let filename = format!(
        "interview-{}-{}.ics",
        slug(&assignment.candidate_name),
        slug(&assignment.round)
    );
    Ok((filename, ics))
}

/// What an interview's calendar invite is made of.
pub struct InviteParts<'a> {
    pub assignment_id: &'a str,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub minutes: i64,
    pub round: &'a str,
    pub candidate: &'a str,
    pub job_title: &'a str,
    /// The interview's page, absolute.
    pub url: &'a str,
    pub organizer: &'a str,
    pub organizer_name: &'a str,
    pub attendee: &'a str,
    pub attendee_name: &'a str,
    pub sequence: i64,
    pub method: crate::domain::ics::Method,
}

impl<'a> InviteParts<'a> {
    /// The invite of a stored interview as it stands: its interviewer, who
    /// scheduled it, its length; the start is `starts_at` (the stored one,
    /// read). A change sets what it changes over this.
    pub fn of(
        assignment: &'a crate::domain::requisition::Assignment,
        job_title: &'a str,
        round: &'a str,
        url: &'a str,
        starts_at: chrono::DateTime<chrono::Utc>,
        sequence: i64,
        method: crate::domain::ics::Method,
    ) -> Self {
        InviteParts {
            assignment_id: &assignment.id,
            starts_at,
            minutes: assignment.minutes,
            round,
            candidate: &assignment.candidate_name,
            job_title,
            url,
            organizer: &assignment.scheduled_by_email,
            organizer_name: &assignment.scheduled_by_name,
            attendee: &assignment.interviewer_email,
            attendee_name: &assignment.interviewer_name,
            sequence,
            method,
        }
    }
}

/// The invite, the same whether downloaded or sent by email: its UID comes
/// from the assignment, so every copy is the same calendar event.
pub fn interview_invite(p: &InviteParts<'_>) -> String {
    use crate::domain::ics::{invite_ics, Invite};
    invite_ics(&Invite {
        uid: format!("interview-{}@alliance-hiring-kit", p.assignment_id),
        starts_at: p.starts_at,
        minutes: u32::try_from(p.minutes).unwrap_or(0),
        summary: format!("{}: {}", p.round, p.candidate),
        description: format!(
            "{} with {} for {}.\nYour questions, anchors and indicators for this round: {}",
            p.round, p.candidate, p.job_title, p.url
        ),
        url: p.url.to_string(),
        organizer_email: p.organizer.to_string(),
        organizer_name: p.organizer_name.to_string(),
        attendee_email: p.attendee.to_string(),
        attendee_name: p.attendee_name.to_string(),
        stamp: chrono::Utc::now(),
        sequence: u32::try_from(p.sequence).unwrap_or(0),
        method: p.method,
    })
}
