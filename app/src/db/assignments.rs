//! The panel: interviewers assigned to a candidate's rounds.

use super::{conflict_on_unique, fetch_as_json, new_id, now, Db, DbError};
use crate::domain::keys::{AssignmentId, CandidateId, RequisitionId, UserId};
use crate::domain::mail::Mail;
use crate::domain::requisition::{Assignment, Part};

pub struct NewAssignment<'a> {
    pub requisition_id: &'a RequisitionId,
    pub candidate_id: &'a CandidateId,
    pub round: &'a str,
    pub interviewer_id: &'a UserId,
    pub starts_at: &'a str,
    pub minutes: i64,
    pub created_by: &'a UserId,
    pub part: Part,
}

/// Assigns an interviewer; the same person twice on one round of one
/// candidate is a `Conflict`. `mail` writes the interviewer's message from
/// the new assignment's id; it is queued in the same transaction, so an
/// interviewer is told of every interview that exists and of no other.
pub async fn create(
    db: &Db,
    a: &NewAssignment<'_>,
    mail: impl FnOnce(&AssignmentId) -> Option<Mail>,
) -> Result<AssignmentId, DbError> {
    let id = AssignmentId::from(new_id());
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO assignments (id, requisition_id, candidate_id, round_id, interviewer_id, starts_at, minutes, created_by, created_at, part) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&id)
    .bind(a.requisition_id)
    .bind(a.candidate_id)
    .bind(a.round)
    .bind(a.interviewer_id)
    .bind(a.starts_at)
    .bind(a.minutes)
    .bind(a.created_by)
    .bind(now())
    .bind(a.part.id())
    .execute(&mut *tx)
    .await
    .map_err(|e| conflict_on_unique(e, || "this interviewer is already on this round for this candidate".into()))?;
    if let Some(mail) = mail(&id) {
        super::outbox::enqueue(&mut *tx, &mail).await?;
    }
    tx.commit().await?;
    Ok(id)
}

// `created_by` is NOT NULL and references `users`, so the inner join to the
// scheduler (`s`) drops no assignment.
const SELECT: &str = "SELECT a.id, a.requisition_id, a.candidate_id, c.name AS candidate_name, a.round_id, a.interviewer_id, \
     u.email AS interviewer_email, COALESCE(NULLIF(u.display_name, ''), u.email) AS interviewer_name, \
     u.time_zone AS interviewer_time_zone, \
     s.email AS scheduled_by_email, COALESCE(NULLIF(s.display_name, ''), s.email) AS scheduled_by_name, \
     a.starts_at, a.minutes, a.sequence, a.part \
     FROM assignments a JOIN candidates c ON c.id = a.candidate_id JOIN users u ON u.id = a.interviewer_id \
     JOIN users s ON s.id = a.created_by";

/// An assignment with its candidate's name and the two people's emails,
/// read by column name.
#[derive(serde::Deserialize)]
struct Row {
    id: AssignmentId,
    requisition_id: RequisitionId,
    candidate_id: CandidateId,
    candidate_name: String,
    round_id: String,
    interviewer_id: UserId,
    interviewer_email: String,
    interviewer_name: String,
    interviewer_time_zone: String,
    scheduled_by_email: String,
    scheduled_by_name: String,
    starts_at: String,
    minutes: i64,
    sequence: i64,
    part: String,
}

fn from_row(
    Row {
        id,
        requisition_id,
        candidate_id,
        candidate_name,
        round_id: round,
        interviewer_id,
        interviewer_email,
        interviewer_name,
        interviewer_time_zone,
        scheduled_by_email,
        scheduled_by_name,
        starts_at,
        minutes,
        sequence,
        part,
    }: Row,
) -> Assignment {
    Assignment {
        id,
        requisition_id,
        candidate_id,
        candidate_name,
        round,
        interviewer_id,
        interviewer_email,
        interviewer_name,
        interviewer_time_zone,
        scheduled_by_email,
        scheduled_by_name,
        starts_at,
        minutes,
        sequence,
        part: Part::parse(&part).unwrap_or_default(),
    }
}

/// `Row`'s columns, for [`fetch_as_json`].
const COLUMNS: [&str; 15] = [
    "id",
    "requisition_id",
    "candidate_id",
    "candidate_name",
    "round_id",
    "interviewer_id",
    "interviewer_email",
    "interviewer_name",
    "interviewer_time_zone",
    "scheduled_by_email",
    "scheduled_by_name",
    "starts_at",
    "minutes",
    "sequence",
    "part",
];

/// The assignments matching `filter`, by start time, then interviewer.
async fn fetch(db: &Db, filter: &str, value: &str) -> Result<Vec<Assignment>, DbError> {
    let query = format!("{SELECT} WHERE {filter} = $1");
    let mut rows: Vec<Row> = fetch_as_json(db, &COLUMNS, &[], &query, value).await?;
    rows.sort_by(|a, b| {
        (&a.starts_at, &a.interviewer_email).cmp(&(&b.starts_at, &b.interviewer_email))
    });
    Ok(rows.into_iter().map(from_row).collect())
}

pub async fn for_requisition(
    db: &Db,
    requisition_id: &RequisitionId,
) -> Result<Vec<Assignment>, DbError> {
    fetch(db, "a.requisition_id", requisition_id).await
}

pub async fn for_candidate(
    db: &Db,
    candidate_id: &CandidateId,
) -> Result<Vec<Assignment>, DbError> {
    fetch(db, "a.candidate_id", candidate_id).await
}

pub async fn for_interviewer(db: &Db, user_id: &UserId) -> Result<Vec<Assignment>, DbError> {
    fetch(db, "a.interviewer_id", user_id).await
}

pub async fn get(db: &Db, id: &AssignmentId) -> Result<Option<Assignment>, DbError> {
    Ok(fetch(db, "a.id", id).await?.into_iter().next())
}

/// Interviews that started before `started_before` whose card is not
/// submitted, of interviewers whose accounts are active: the cards an
/// overdue reminder may be due for.
pub async fn unsubmitted_started_before(
    db: &Db,
    started_before: &str,
) -> Result<Vec<Assignment>, DbError> {
    let query = format!(
        "{SELECT} LEFT JOIN scorecards sc ON sc.id = a.id WHERE a.starts_at < $1 AND u.active = 1 \
         AND a.part = 'interviewer' AND (sc.state IS NULL OR sc.state <> 'submitted')"
    );
    let rows: Vec<Row> = fetch_as_json(db, &COLUMNS, &[], &query, started_before).await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// Whether this interviewer is on any round of this candidate.
pub async fn is_assigned(
    db: &Db,
    candidate_id: &CandidateId,
    user_id: &UserId,
) -> Result<bool, DbError> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT id FROM assignments WHERE candidate_id = $1 AND interviewer_id = $2",
    )
    .bind(candidate_id)
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.is_some())
}

/// Whether this interviewer is on any panel of this requisition.
pub async fn is_on_requisition(
    db: &Db,
    requisition_id: &RequisitionId,
    user_id: &UserId,
) -> Result<bool, DbError> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT id FROM assignments WHERE requisition_id = $1 AND interviewer_id = $2 LIMIT 1",
    )
    .bind(requisition_id)
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.is_some())
}

/// What a change to a scheduled interview came to.
#[derive(Debug, PartialEq, Eq)]
pub enum Changed {
    /// Written; the calendar event is now at this revision.
    Done { sequence: i64 },
    /// The interviewer's card is submitted: the interview took place.
    Submitted,
    /// The interviewer has written on their card, which stays theirs.
    Started,
    /// There is no such interview (any more).
    Gone,
}

/// Where the card of an interview stands, read in the change's
/// transaction: `None` when nobody opened it; `(submitted, written)`.
async fn card_of(
    tx: &mut super::WriteTx,
    id: &AssignmentId,
) -> Result<Option<(bool, bool)>, DbError> {
    let row: Option<(String, i64)> =
        sqlx::query_as("SELECT state, version FROM scorecards WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
    // A card is created empty at version 1 when first opened; every save
    // moves it on.
    Ok(row.map(|(state, version)| (state == "submitted", version > 1)))
}

async fn sequence_of(tx: &mut super::WriteTx, id: &AssignmentId) -> Result<Option<i64>, DbError> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT sequence FROM assignments WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(row.map(|(s,)| s))
}

/// The seat's revision, once its card (if any) is found unwritten and
/// removed; otherwise why the seat cannot change hands or be cancelled.
async fn free_seat(
    tx: &mut super::WriteTx,
    id: &AssignmentId,
) -> Result<Result<i64, Changed>, DbError> {
    let Some(sequence) = sequence_of(tx, id).await? else {
        return Ok(Err(Changed::Gone));
    };
    match card_of(tx, id).await? {
        Some((true, _)) => return Ok(Err(Changed::Submitted)),
        Some((false, true)) => return Ok(Err(Changed::Started)),
        _ => {}
    }
    sqlx::query("DELETE FROM scorecards WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(Ok(sequence))
}

/// Moves an interview (unless its card is submitted), raising its
/// revision; `mail(revision)` tells the interviewer, in the same
/// transaction.
pub async fn reschedule(
    db: &Db,
    id: &AssignmentId,
    starts_at: &str,
    minutes: i64,
    mail: impl FnOnce(i64) -> Mail,
) -> Result<Changed, DbError> {
    let mut tx = db.begin_write().await?;
    let Some(sequence) = sequence_of(&mut tx, id).await? else {
        return Ok(Changed::Gone);
    };
    if let Some((true, _)) = card_of(&mut tx, id).await? {
        return Ok(Changed::Submitted);
    }
    let sequence = sequence + 1;
    sqlx::query("UPDATE assignments SET starts_at = $1, minutes = $2, sequence = $3 WHERE id = $4")
        .bind(starts_at)
        .bind(minutes)
        .bind(sequence)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    super::outbox::enqueue(&mut *tx, &mail(sequence)).await?;
    tx.commit().await?;
    Ok(Changed::Done { sequence })
}

/// Calls an interview off, unless its interviewer has written on its card
/// (an empty card opened in passing goes with it); `mail(revision)` is the
/// cancellation.
pub async fn cancel(
    db: &Db,
    id: &AssignmentId,
    mail: impl FnOnce(i64) -> Mail,
) -> Result<Changed, DbError> {
    let mut tx = db.begin_write().await?;
    let sequence = match free_seat(&mut tx, id).await? {
        Ok(sequence) => sequence,
        Err(refused) => return Ok(refused),
    };
    sqlx::query("DELETE FROM assignments WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let sequence = sequence + 1;
    super::outbox::enqueue(&mut *tx, &mail(sequence)).await?;
    tx.commit().await?;
    Ok(Changed::Done { sequence })
}

/// Hands an interview to another interviewer, unless the first has written
/// on its card; `mails(revision)` go to both, in the same transaction. The
/// new interviewer already on this round of this candidate is a `Conflict`.
pub async fn replace(
    db: &Db,
    id: &AssignmentId,
    interviewer_id: &UserId,
    mails: impl FnOnce(i64) -> Vec<Mail>,
) -> Result<Changed, DbError> {
    let mut tx = db.begin_write().await?;
    let sequence = match free_seat(&mut tx, id).await? {
        Ok(sequence) => sequence,
        Err(refused) => return Ok(refused),
    };
    let sequence = sequence + 1;
    sqlx::query("UPDATE assignments SET interviewer_id = $1, sequence = $2 WHERE id = $3")
        .bind(interviewer_id)
        .bind(sequence)
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(|e| {
            conflict_on_unique(e, || {
                "this interviewer is already on this round for this candidate".into()
            })
        })?;
    for mail in mails(sequence) {
        super::outbox::enqueue(&mut *tx, &mail).await?;
    }
    tx.commit().await?;
    Ok(Changed::Done { sequence })
}
