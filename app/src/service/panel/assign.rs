//! Putting a person on a round of a candidate at a time: every field
//! checked, all problems reported at once, then the interview, its email
//! and its calendar invite stored in one transaction.

use super::invite::{interview_invite, InviteParts};
use super::times::{parse_minutes, parse_start, TimeInput};
use crate::access::internal;
use crate::api::mail::MailSettings;
use crate::db::{assignments, candidates, Db, DbError};
use crate::domain::accounts::CurrentUser;
use crate::domain::candidate::Stage;
use crate::domain::jd::FieldError;
use crate::domain::keys::{AssignmentId, CandidateId};
use crate::domain::kit::KitRound;
use crate::domain::kit_item::Exercise;
use crate::domain::plan::PlanItem;
use crate::domain::requisition::{Assignment, Candidate, Part, Requisition};
use crate::error::AppError;
use crate::service::refusal::Refusal;

/// An assignment as the form or the API sends it, unchecked.
pub struct AssignRequest {
    pub candidate_id: String,
    pub round: String,
    pub interviewer_email: String,
    pub starts_at: String,
    /// Empty: the kit's length for the round.
    pub duration_minutes: Option<String>,
    /// `interviewer` (the default) or `actor` (plays the partner in the
    /// role-play).
    pub part: Option<String>,
}

/// Checks every field, reporting all problems at once, then stores the
/// assignment with the interviewer's email (and its calendar invite) and
/// notes it in the audit log.
pub async fn assign(
    db: &Db,
    user: &CurrentUser,
    requisition: &Requisition,
    request: &AssignRequest,
    time: TimeInput,
    mail: &MailSettings,
) -> Result<Assignment, Refusal> {
    if requisition.is_closed() {
        return Err(Refusal::App(AppError::Conflict(
            "This requisition is closed, so no new interviews are scheduled. Reopen it first."
                .into(),
        )));
    }
    let kit = crate::service::kits::frozen_kit(db, requisition).await?;
    let seat = check(db, requisition, &kit, request, time).await?;
    let stored_start = crate::db::stamp(seat.starts_at);
    let id = assignments::create(
        db,
        &assignments::NewAssignment {
            requisition_id: &requisition.id,
            candidate_id: &seat.candidate.id,
            round: &seat.round.id,
            interviewer_id: &seat.person.id,
            starts_at: &stored_start,
            minutes: seat.minutes,
            created_by: &user.id,
            part: seat.part,
        },
        |id| Some(seat_mail(user, requisition, &seat, id, mail)),
    )
    .await
    .map_err(|e| match e {
        DbError::Conflict(_) => Refusal::Duplicate {
            field: "interviewer_email",
            message: format!(
                "{} is already on the round “{}” for {}",
                seat.person.email, seat.round.name, seat.candidate.name
            ),
        },
        e => Refusal::App(internal(e)),
    })?;
    crate::db::audit::note(
        db,
        user,
        crate::db::audit::Action::Changed,
        Some(&requisition.id),
        Some(&seat.candidate.id),
        &format!(
            "interview scheduled: {} with {}",
            seat.round.name, seat.person.email
        ),
    )
    .await
    .map_err(internal)?;
    assignments::get(db, &id)
        .await
        .map_err(internal)?
        .ok_or(Refusal::App(AppError::Internal))
}

/// A seat on the panel whose every field was checked.
struct Seat<'k> {
    candidate: Candidate,
    round: &'k KitRound,
    person: CurrentUser,
    starts_at: chrono::DateTime<chrono::Utc>,
    minutes: i64,
    part: Part,
}

/// Reads and checks every field of `request`; the refusal lists every
/// field that is wrong, each with what is wrong with it.
async fn check<'k>(
    db: &Db,
    requisition: &Requisition,
    kit: &'k crate::domain::Kit,
    request: &AssignRequest,
    time: TimeInput,
) -> Result<Seat<'k>, Refusal> {
    let mut errors = Vec::new();
    let mut refuse = |field: &str, message: String| {
        errors.push(FieldError {
            field: field.into(),
            message,
        })
    };

    let candidate_id = CandidateId::from(request.candidate_id.trim());
    let candidate = candidates::get(db, &candidate_id)
        .await
        .map_err(internal)?
        .filter(|c| c.requisition_id == requisition.id);
    match &candidate {
        None if candidate_id.is_empty() => {
            refuse("candidate_id", "the candidate is required".into())
        }
        None => refuse(
            "candidate_id",
            format!("there is no candidate `{candidate_id}` on this requisition"),
        ),
        Some(c) if c.stage != Stage::Interviewing => refuse(
            "candidate_id",
            format!(
                "{} is at the stage “{}”; only candidates at the interviews stage can be scheduled",
                c.name,
                c.stage.label()
            ),
        ),
        Some(_) => {}
    }

    let round = match round_of(requisition, kit, request.round.trim()) {
        Ok(round) => Some(round),
        Err(message) => {
            refuse("round", message);
            None
        }
    };

    let person = match panelist(db, requisition, &request.interviewer_email).await? {
        Ok(person) => Some(person),
        Err(message) => {
            refuse("interviewer_email", message);
            None
        }
    };

    let starts_at = match parse_start(&request.starts_at, time, chrono::Utc::now()) {
        Ok(t) => Some(t),
        Err(message) => {
            refuse("starts_at", message);
            None
        }
    };

    let minutes = match parse_minutes(request.duration_minutes.as_deref().unwrap_or_default()) {
        Ok(typed) => typed.or(round.map(|r| i64::from(r.minutes))),
        Err(message) => {
            refuse("duration_minutes", message);
            None
        }
    };

    let part = match part_of(requisition, request) {
        Ok(part) => Some(part),
        Err(message) => {
            refuse("part", message);
            None
        }
    };

    // A requisition that requires calibration has it of everyone who scores.
    if let (Some(person), Some(Part::Interviewer)) = (&person, part) {
        if let Some(message) =
            crate::service::calibration::calibration_refusal(db, requisition, person).await?
        {
            refuse("interviewer_email", message);
        }
    }

    match (candidate, round, person, starts_at, minutes, part) {
        (
            Some(candidate),
            Some(round),
            Some(person),
            Some(starts_at),
            Some(minutes),
            Some(part),
        ) if errors.is_empty() => Ok(Seat {
            candidate,
            round,
            person,
            starts_at,
            minutes,
            part,
        }),
        _ => Err(Refusal::Fields(errors)),
    }
}

/// The kit's round for the round typed, which must be one of the plan's.
fn round_of<'k>(
    requisition: &Requisition,
    kit: &'k crate::domain::Kit,
    round: &str,
) -> Result<&'k KitRound, String> {
    let plan_rounds: Vec<&str> = requisition
        .plan
        .as_ref()
        .map(|p| p.rounds.iter().map(|r| r.round.as_str()).collect())
        .unwrap_or_default();
    if plan_rounds.is_empty() {
        Err("the requisition has no interview plan yet; open it first".into())
    } else if round.is_empty() {
        Err("the round is required".into())
    } else if !plan_rounds.contains(&round) {
        Err(format!(
            "`{round}` is not a round of this requisition's plan; the rounds are {}",
            plan_rounds.join(", ")
        ))
    } else {
        kit.rounds
            .iter()
            .find(|r| r.id == round)
            .ok_or_else(|| format!("`{round}` is not a round of this requisition's kit"))
    }
}

/// The part typed (interviewer when blank). The actor's seat is on the
/// round that holds the role-play.
fn part_of(requisition: &Requisition, request: &AssignRequest) -> Result<Part, String> {
    match request.part.as_deref().map(str::trim) {
        None | Some("") => Ok(Part::Interviewer),
        Some(raw) => match Part::parse(raw) {
            Some(Part::Actor) if !holds_role_play(requisition, &request.round) => {
                Err("only the round with the role-play has an actor; choose interviewer".into())
            }
            Some(part) => Ok(part),
            None => Err(format!(
                "`{raw}` is not a part on a panel; give interviewer or actor"
            )),
        },
    }
}

/// The email that tells the person of their seat, with the calendar
/// invite; an actor's links to their brief.
fn seat_mail(
    user: &CurrentUser,
    requisition: &Requisition,
    seat: &Seat<'_>,
    id: &AssignmentId,
    mail: &MailSettings,
) -> crate::domain::mail::Mail {
    let url = mail.link(&format!("/interviews/{id}"));
    let calendar = interview_invite(&InviteParts {
        assignment_id: id,
        starts_at: seat.starts_at,
        minutes: seat.minutes,
        round: &seat.round.name,
        candidate: &seat.candidate.name,
        job_title: &requisition.title,
        url: &url,
        organizer: &user.email,
        organizer_name: user.display_name(),
        attendee: &seat.person.email,
        attendee_name: seat.person.display_name(),
        sequence: 0,
        method: crate::domain::ics::Method::Request,
    });
    let note = crate::domain::mail::AssignmentNote {
        to: &seat.person.email,
        scheduled_by: user.display_name(),
        candidate: &seat.candidate.name,
        job_title: &requisition.title,
        round: &seat.round.name,
        starts_at: seat.starts_at,
        minutes: seat.minutes,
        zone: crate::domain::zone::zone_or_utc(&seat.person.time_zone),
        interview_url: &url,
        calendar,
    };
    match seat.part {
        Part::Interviewer => crate::domain::mail::assignment(note),
        Part::Actor => crate::domain::mail::actor_assignment(
            note,
            &mail.link(&format!("/interviews/{id}/brief")),
        ),
    }
}

/// Whether the plan's round `round` holds the role-play, where an actor
/// plays the partner.
pub fn holds_role_play(requisition: &Requisition, round: &str) -> bool {
    let role_play = PlanItem::from(Exercise::Simulation);
    requisition.plan.as_ref().is_some_and(|plan| {
        plan.rounds
            .iter()
            .any(|r| r.round == round.trim() && r.items.contains(&role_play))
    })
}

/// The account behind an email typed for a panel seat: an active
/// interviewer, or a recruiter or hiring manager on this requisition. The
/// inner error says what is wrong with the email, for its form field.
pub async fn panelist(
    db: &Db,
    requisition: &Requisition,
    typed: &str,
) -> Result<Result<CurrentUser, String>, AppError> {
    use crate::domain::accounts::{Email, Role};
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(Err("the interviewer's email is required".into()));
    }
    let email = match Email::parse(typed) {
        Ok(email) => email,
        Err(e) => return Ok(Err(e.to_string())),
    };
    let Some(person) = crate::db::users::active_by_email(db, &email)
        .await
        .map_err(internal)?
    else {
        return Ok(Err(format!(
            "there is no active account for {}",
            email.as_str()
        )));
    };
    let member = crate::db::requisitions::is_member(db, &requisition.id, &person.id)
        .await
        .map_err(internal)?;
    if person.role == Role::Interviewer || member {
        Ok(Ok(person))
    } else {
        Ok(Err(format!(
            "{} is a {} account that is not on this requisition; add them to the requisition first, or choose an interviewer account",
            person.email,
            person.role.id().replace('-', " ")
        )))
    }
}
