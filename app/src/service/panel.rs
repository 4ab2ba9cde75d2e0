//! The panel: putting an interviewer on a round of a candidate at a time,
//! who may be put there, the interview as the interviewer reads it, and its
//! calendar invitation. Times are UTC throughout.

use crate::domain::keys::{AssignmentId, CandidateId, RequisitionId};
pub mod changes;
pub mod interviews;

use crate::api::panel::*;
use crate::error::AppError;

/// An interview as `viewer` reads it, its time in their zone.
pub fn assignment_view(
    a: crate::domain::requisition::Assignment,
    requisition: &crate::domain::requisition::Requisition,
    kit: &crate::domain::Kit,
    viewer: &crate::domain::accounts::CurrentUser,
) -> AssignmentView {
    AssignmentView {
        when: when(
            &a.starts_at,
            a.minutes,
            crate::domain::zone::zone_or_utc(&viewer.time_zone),
        ),
        round_name: kit.round_name(&a.round).to_string(),
        requisition_title: requisition.title.clone(),
        id: a.id.into(),
        requisition_id: a.requisition_id.into(),
        candidate_id: a.candidate_id.into(),
        candidate_name: a.candidate_name,
        round: a.round,
        interviewer_email: a.interviewer_email,
        interviewer_name: a.interviewer_name,
        actor: a.part == crate::domain::requisition::Part::Actor,
        starts_at: a.starts_at,
        minutes: a.minutes,
    }
}

/// A stored slot as someone in `tz` reads it.
fn when(starts_at: &str, minutes: i64, tz: chrono_tz::Tz) -> String {
    use chrono::{DateTime, Utc};
    match DateTime::parse_from_rfc3339(starts_at) {
        Ok(start) => crate::domain::zone::slot(start.with_timezone(&Utc), minutes, tz),
        Err(_) => starts_at.to_string(),
    }
}

/// The panel section of a candidate's page.
pub async fn panel_view(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    requisition: &crate::domain::requisition::Requisition,
    kit: &crate::domain::Kit,
    candidate: &crate::domain::requisition::Candidate,
    runs: bool,
) -> Result<PanelView, AppError> {
    use crate::access::internal;
    use crate::db::assignments;
    let assigned = assignments::for_candidate(db, &candidate.id)
        .await
        .map_err(internal)?;
    let plan_rounds: Vec<String> = requisition
        .plan
        .as_ref()
        .map(|p| p.rounds.iter().map(|r| r.round.clone()).collect())
        .unwrap_or_default();
    let rounds = plan_rounds
        .iter()
        .map(|round| PanelRound {
            id: round.clone(),
            name: kit.round_name(round).to_string(),
            minutes: kit
                .rounds
                .iter()
                .find(|r| &r.id == round)
                .map_or(0, |r| r.minutes),
            assignments: assigned
                .iter()
                .filter(|a| &a.round == round && (runs || a.interviewer_id == user.id))
                .map(|a| assignment_view(a.clone(), requisition, kit, user))
                .collect(),
        })
        .filter(|r| runs || !r.assignments.is_empty())
        .collect();
    let closed = if !runs {
        None
    } else if requisition.is_closed() {
        Some("This requisition is closed, so no new interviews are scheduled. Reopen it on the requisition's page to schedule one.".into())
    } else if requisition.plan.is_none() {
        Some(
            "This requisition is still a draft, so it has no interview plan yet. Open it first."
                .into(),
        )
    } else if candidate.stage != crate::domain::candidate::Stage::Interviewing {
        Some(format!(
            "Only candidates at the interviews stage can be scheduled. {} is at “{}”; advance them from the resume screen first.",
            candidate.name,
            candidate.stage.label()
        ))
    } else {
        None
    };
    Ok(PanelView {
        rounds,
        people: if runs {
            people(db, &requisition.id).await?
        } else {
            Vec::new()
        },
        closed,
        now_local: crate::domain::zone::now_in(crate::domain::zone::zone_or_utc(&user.time_zone)),
        time_zone: crate::domain::zone::zone_or_utc(&user.time_zone)
            .name()
            .to_string(),
    })
}

/// Who may sit on a panel: every active interviewer account, and the
/// requisition's recruiters and hiring managers (a hiring manager leads
/// the deep-dive round). Anyone else is added to the requisition first.
async fn people(
    db: &crate::db::Db,
    requisition_id: &RequisitionId,
) -> Result<Vec<PanelPerson>, AppError> {
    use crate::access::internal;
    use crate::db::{requisitions, users};
    use crate::domain::accounts::Role;
    let mut people: Vec<PanelPerson> = users::active_with_role(db, Role::Interviewer)
        .await
        .map_err(internal)?
        .into_iter()
        .chain(
            requisitions::members(db, requisition_id)
                .await
                .map_err(internal)?,
        )
        .map(|u| PanelPerson {
            name: u.display_name().to_string(),
            email: u.email,
            role: u.role.id().to_string(),
        })
        .collect();
    people.sort_by(|a, b| a.email.cmp(&b.email));
    people.dedup_by(|a, b| a.email == b.email);
    Ok(people)
}

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

/// How the start time is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeInput {
    /// RFC 3339 with an offset (the API).
    Rfc3339,
    /// A `datetime-local` value (`2026-03-09T14:30`) on the clocks of this
    /// zone (the scheduler's), or RFC 3339.
    Form(chrono_tz::Tz),
}

/// Checks every field, reporting all problems at once, then stores the
/// assignment.
pub async fn assign(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    requisition: &crate::domain::requisition::Requisition,
    request: &AssignRequest,
    time: TimeInput,
    mail: &crate::api::mail::MailSettings,
) -> Result<crate::domain::requisition::Assignment, crate::service::refusal::Refusal> {
    use crate::access::internal;
    use crate::db::{assignments, candidates, DbError};
    use crate::domain::candidate::Stage;
    use crate::domain::jd::FieldError;
    use crate::domain::requisition::Part;

    use crate::service::refusal::Refusal;
    let app = |e: AppError| Refusal::App(e);
    if requisition.is_closed() {
        return Err(app(AppError::Conflict(
            "This requisition is closed, so no new interviews are scheduled. Reopen it first."
                .into(),
        )));
    }
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
        .map_err(|e| app(internal(e)))?
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

    let kit = crate::service::kits::frozen_kit(db, requisition)
        .await
        .map_err(app)?;
    let round = request.round.trim();
    let plan_rounds: Vec<&str> = requisition
        .plan
        .as_ref()
        .map(|p| p.rounds.iter().map(|r| r.round.as_str()).collect())
        .unwrap_or_default();
    let kit_round = if plan_rounds.is_empty() {
        refuse(
            "round",
            "the requisition has no interview plan yet; open it first".into(),
        );
        None
    } else if round.is_empty() {
        refuse("round", "the round is required".into());
        None
    } else if !plan_rounds.contains(&round) {
        refuse(
            "round",
            format!(
                "`{round}` is not a round of this requisition's plan; the rounds are {}",
                plan_rounds.join(", ")
            ),
        );
        None
    } else {
        kit.rounds.iter().find(|r| r.id == round)
    };

    let interviewer = match panelist(db, requisition, &request.interviewer_email)
        .await
        .map_err(app)?
    {
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
        Ok(typed) => typed.or(kit_round.map(|r| i64::from(r.minutes))),
        Err(message) => {
            refuse("duration_minutes", message);
            None
        }
    };

    // The actor's seat is on the round that holds the role-play.
    let part = match request.part.as_deref().map(str::trim) {
        None | Some("") => Some(Part::Interviewer),
        Some(raw) => match Part::parse(raw) {
            Some(Part::Actor) if !holds_role_play(requisition, &request.round) => {
                refuse(
                    "part",
                    "only the round with the role-play has an actor; choose interviewer".into(),
                );
                None
            }
            Some(part) => Some(part),
            None => {
                refuse(
                    "part",
                    format!("`{raw}` is not a part on a panel; give interviewer or actor"),
                );
                None
            }
        },
    };

    // A requisition that requires calibration has it of everyone who scores.
    if let (Some(person), Some(Part::Interviewer)) = (&interviewer, part) {
        if let Some(message) =
            crate::service::calibration::calibration_refusal(db, requisition, person)
                .await
                .map_err(app)?
        {
            refuse("interviewer_email", message);
        }
    }

    let (
        Some(candidate),
        Some(kit_round),
        Some(interviewer),
        Some(starts_at),
        Some(minutes),
        Some(part),
        true,
    ) = (
        candidate,
        kit_round,
        interviewer,
        starts_at,
        minutes,
        part,
        errors.is_empty(),
    )
    else {
        return Err(Refusal::Fields(errors));
    };
    let stored_start = crate::db::stamp(starts_at);
    let id = assignments::create(
        db,
        &assignments::NewAssignment {
            requisition_id: &requisition.id,
            candidate_id: &candidate.id,
            round: &kit_round.id,
            interviewer_id: &interviewer.id,
            starts_at: &stored_start,
            minutes,
            created_by: &user.id,
            part,
        },
        |id| {
            let url = mail.link(&format!("/interviews/{id}"));
            let calendar = interview_invite(&InviteParts {
                assignment_id: id,
                starts_at,
                minutes,
                round: &kit_round.name,
                candidate: &candidate.name,
                job_title: &requisition.title,
                url: &url,
                organizer: &user.email,
                organizer_name: user.display_name(),
                attendee: &interviewer.email,
                attendee_name: interviewer.display_name(),
                sequence: 0,
                method: crate::domain::ics::Method::Request,
            });
            let note = crate::domain::mail::AssignmentNote {
                to: &interviewer.email,
                scheduled_by: user.display_name(),
                candidate: &candidate.name,
                job_title: &requisition.title,
                round: &kit_round.name,
                starts_at,
                minutes,
                zone: crate::domain::zone::zone_or_utc(&interviewer.time_zone),
                interview_url: &url,
                calendar,
            };
            Some(match part {
                Part::Interviewer => crate::domain::mail::assignment(note),
                Part::Actor => crate::domain::mail::actor_assignment(
                    note,
                    &mail.link(&format!("/interviews/{id}/brief")),
                ),
            })
        },
    )
    .await
    .map_err(|e| match e {
        DbError::Conflict(_) => Refusal::Duplicate {
            field: "interviewer_email",
            message: format!(
                "{} is already on the round “{}” for {}",
                interviewer.email, kit_round.name, candidate.name
            ),
        },
        e => app(internal(e)),
    })?;
    crate::db::audit::note(
        db,
        user,
        crate::db::audit::Action::Changed,
        Some(&requisition.id),
        Some(&candidate.id),
        &format!(
            "interview scheduled: {} with {}",
            kit_round.name, interviewer.email
        ),
    )
    .await
    .map_err(|e| app(internal(e)))?;
    assignments::get(db, &id)
        .await
        .map_err(|e| app(internal(e)))?
        .ok_or(Refusal::App(AppError::Internal))
}

/// Whether the plan's round `round` holds the role-play, where an actor
/// plays the partner.
pub fn holds_role_play(requisition: &crate::domain::requisition::Requisition, round: &str) -> bool {
    use crate::domain::plan::ItemKind;
    requisition.plan.as_ref().is_some_and(|plan| {
        plan.rounds.iter().any(|r| {
            r.round == round.trim()
                && r.items
                    .iter()
                    .any(|i| i.kind == ItemKind::Exercise && i.id == "simulation")
        })
    })
}

/// The account behind an email typed for a panel seat: an active
/// interviewer, or a recruiter or hiring manager on this requisition. The
/// inner error says what is wrong with the email, for its form field.
pub async fn panelist(
    db: &crate::db::Db,
    requisition: &crate::domain::requisition::Requisition,
    typed: &str,
) -> Result<Result<crate::domain::accounts::CurrentUser, String>, AppError> {
    use crate::access::internal;
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

/// Reads an interview's length in minutes; `None` when left blank.
pub fn parse_minutes(raw: &str) -> Result<Option<i64>, String> {
    match raw.trim() {
        "" => Ok(None),
        raw => match raw.parse::<i64>() {
            Ok(m) if (MIN_MINUTES..=MAX_MINUTES).contains(&m) => Ok(Some(m)),
            Ok(m) => Err(format!(
                "{m} minutes is not a length for an interview; give {MIN_MINUTES} to {MAX_MINUTES}"
            )),
            Err(_) => Err(format!("`{raw}` is not a whole number of minutes")),
        },
    }
}

/// Reads an interview's start time. A time in the past, or more than two
/// years ahead (a mistyped year), is refused.
pub fn parse_start(
    raw: &str,
    input: TimeInput,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<chrono::DateTime<chrono::Utc>, String> {
    use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
    let raw = raw.trim();
    if raw.is_empty() {
        return Err("the start time is required".into());
    }
    let local = || {
        ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(raw, f).ok())
    };
    let zone = match input {
        TimeInput::Form(tz) => tz,
        TimeInput::Rfc3339 => chrono_tz::Tz::UTC,
    };
    let parsed = match (DateTime::parse_from_rfc3339(raw), input) {
        (Ok(t), _) => Some(t.with_timezone(&Utc)),
        (Err(_), TimeInput::Form(tz)) => match local() {
            Some(wall) => Some(crate::domain::zone::to_utc(wall, tz)?),
            None => None,
        },
        (Err(_), TimeInput::Rfc3339) => None,
    };
    let Some(start) = parsed else {
        return Err(match input {
            TimeInput::Rfc3339 => format!(
                "`{raw}` is not an RFC 3339 time with an offset, such as 2026-03-09T14:30:00Z"
            ),
            TimeInput::Form(_) => {
                format!("`{raw}` is not a date and time such as 2026-03-09T14:30")
            }
        });
    };
    let shown = |t: DateTime<Utc>| {
        t.with_timezone(&zone)
            .format("%Y-%m-%d %H:%M %Z")
            .to_string()
    };
    if start < now {
        return Err(format!(
            "{} is in the past; give a time from now on",
            shown(start)
        ));
    }
    if TimeDelta::try_days(731)
        .and_then(|d| now.checked_add_signed(d))
        .is_some_and(|limit| start > limit)
    {
        return Err(format!(
            "{} is more than two years ahead; check the year",
            shown(start)
        ));
    }
    Ok(start)
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn now() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
    }

    #[test]
    fn form_times_are_utc_and_api_times_need_an_offset() {
        let t = parse_start(
            "2026-03-09T14:30",
            TimeInput::Form(chrono_tz::Tz::UTC),
            now(),
        )
        .unwrap();
        assert_eq!(t, Utc.with_ymd_and_hms(2026, 3, 9, 14, 30, 0).unwrap());
        let t = parse_start("2026-03-09T16:30:00+02:00", TimeInput::Rfc3339, now()).unwrap();
        assert_eq!(t, Utc.with_ymd_and_hms(2026, 3, 9, 14, 30, 0).unwrap());
        let e = parse_start("2026-03-09T14:30", TimeInput::Rfc3339, now()).unwrap_err();
        assert!(e.contains("RFC 3339"), "{e}");
        assert!(parse_start(" ", TimeInput::Form(chrono_tz::Tz::UTC), now())
            .unwrap_err()
            .contains("required"));
        assert!(parse_start("next tuesday", TimeInput::Form(chrono_tz::Tz::UTC), now()).is_err());
    }

    #[test]
    fn past_and_far_future_times_are_refused() {
        let e = parse_start(
            "2026-02-28T09:00",
            TimeInput::Form(chrono_tz::Tz::UTC),
            now(),
        )
        .unwrap_err();
        assert!(e.contains("in the past"), "{e}");
        let e = parse_start(
            "2029-03-01T09:00",
            TimeInput::Form(chrono_tz::Tz::UTC),
            now(),
        )
        .unwrap_err();
        assert!(e.contains("two years"), "{e}");
    }

    #[test]
    fn a_blank_length_keeps_the_default_and_a_typed_one_is_checked() {
        assert_eq!(parse_minutes("  "), Ok(None));
        assert_eq!(parse_minutes(" 45 "), Ok(Some(45)));
        assert_eq!(parse_minutes("5"), Ok(Some(MIN_MINUTES)));
        assert_eq!(parse_minutes("480"), Ok(Some(MAX_MINUTES)));
        let e = parse_minutes("900").unwrap_err();
        assert!(e.contains("900 minutes is not a length"), "{e}");
        assert!(parse_minutes("4").is_err());
        let e = parse_minutes("an hour").unwrap_err();
        assert!(e.contains("`an hour` is not a whole number"), "{e}");
    }

    #[test]
    fn slots_read_in_utc() {
        assert_eq!(
            when("2026-03-09T23:30:00.000Z", 45, chrono_tz::Tz::UTC),
            "Mon 9 Mar 2026, 23:30–00:15 UTC"
        );
    }
}
