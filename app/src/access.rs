//! Who may reach which object, decided on the server for every page,
//! server function and API route (`ssr` only). Admins reach everything;
//! recruiters and hiring managers the requisitions they are on; an
//! interviewer only the candidates they are assigned to.

use crate::db::{assignments, candidates, requisitions, Db, DbError};
use crate::domain::accounts::{CurrentUser, Role};
use crate::domain::keys::{CandidateId, RequisitionId};
use crate::domain::requisition::{Candidate, Requisition};
use crate::error::AppError;

/// Logs a database failure and hides its details from the user.
pub fn internal(e: DbError) -> AppError {
    leptos::logging::error!("database error: {e}");
    AppError::Internal
}

fn not_on_requisition() -> AppError {
    AppError::Forbidden(
        "You are not on this requisition. Ask its recruiter or an admin to add you.".into(),
    )
}

/// A requisition this person runs (admin, or a recruiter or hiring manager
/// on it).
pub async fn requisition(
    db: &Db,
    user: &CurrentUser,
    id: &RequisitionId,
) -> Result<Requisition, AppError> {
    let found = find_requisition(db, id).await?;
    if may_run(db, user, id).await? {
        Ok(found)
    } else {
        Err(not_on_requisition())
    }
}

async fn find_requisition(db: &Db, id: &RequisitionId) -> Result<Requisition, AppError> {
    requisitions::get(db, id)
        .await
        .map_err(internal)?
        .ok_or_else(|| AppError::NotFound("There is no requisition at this address.".into()))
}

async fn may_run(
    db: &Db,
    user: &CurrentUser,
    requisition_id: &RequisitionId,
) -> Result<bool, AppError> {
    Ok(match user.role {
        Role::Admin => true,
        Role::Recruiter | Role::HiringManager => {
            requisitions::is_member(db, requisition_id, &user.id)
                .await
                .map_err(internal)?
        }
        Role::Interviewer => false,
    })
}

/// How far a person reaches into a candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CandidateAccess {
    /// Runs the requisition: everything, including screening and the panel.
    Runs,
    /// Interviews this candidate: the application and their own rounds.
    Interviews,
}

pub async fn candidate(
    db: &Db,
    user: &CurrentUser,
    id: &CandidateId,
) -> Result<(Candidate, CandidateAccess), AppError> {
    let found = candidates::get(db, id)
        .await
        .map_err(internal)?
        .ok_or_else(|| AppError::NotFound("There is no candidate at this address.".into()))?;
    if may_run(db, user, &found.requisition_id).await? {
        return Ok((found, CandidateAccess::Runs));
    }
    if assignments::is_assigned(db, id, &user.id)
        .await
        .map_err(internal)?
    {
        return Ok((found, CandidateAccess::Interviews));
    }
    Err(AppError::Forbidden(
        "You are not on this candidate's requisition or panel.".into(),
    ))
}

/// A candidate of a requisition this person runs.
pub async fn candidate_to_run(
    db: &Db,
    user: &CurrentUser,
    id: &CandidateId,
) -> Result<Candidate, AppError> {
    match candidate(db, user, id).await? {
        (c, CandidateAccess::Runs) => Ok(c),
        (_, CandidateAccess::Interviews) => Err(AppError::Forbidden(
            "Interviewers see the candidates they interview, but screening and scheduling are for the requisition's recruiters and hiring managers.".into(),
        )),
    }
}

/// How far a person reaches into a requisition's panel board.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoardReach {
    /// Runs the requisition: every candidate.
    Runs,
    /// On the panel of some of its candidates: those candidates only.
    Panelist,
}

/// The board is for the people on the requisition: those who run it, and
/// the interviewers on its panels (for their own candidates).
pub async fn board(
    db: &Db,
    user: &CurrentUser,
    id: &RequisitionId,
) -> Result<(Requisition, BoardReach), AppError> {
    let found = find_requisition(db, id).await?;
    if may_run(db, user, id).await? {
        return Ok((found, BoardReach::Runs));
    }
    if assignments::is_on_requisition(db, id, &user.id)
        .await
        .map_err(internal)?
    {
        return Ok((found, BoardReach::Panelist));
    }
    Err(not_on_requisition())
}
