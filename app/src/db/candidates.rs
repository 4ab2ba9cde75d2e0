//! Candidates of a requisition: those who applied through the public page,
//! and those a recruiter added by hand or imported.

use super::{conflict_on_unique, decode_json, encode_json, new_id, now, Db, DbError};
use crate::domain::application::KnockoutAnswer;
use crate::domain::candidate::{NewCandidate, Source, Stage};
use crate::domain::keys::{CandidateId, RequisitionId};
use crate::domain::mail::Mail;
use crate::domain::requisition::Candidate;

const COLUMNS: &str = "id, requisition_id, name, email, phone, links_json, source, stage, stage_reason, knockouts_json, submitted_at, created_at, repeat_of";

/// A row as `COLUMNS` selects it, read by column name.
struct Row {
    id: CandidateId,
    requisition_id: RequisitionId,
    name: String,
    email: String,
    phone: String,
    links_json: String,
    source: String,
    stage: String,
    stage_reason: String,
    knockouts_json: String,
    submitted_at: Option<String>,
    created_at: String,
    repeat_of: Option<CandidateId>,
}
super::from_row!(Row {
    id,
    requisition_id,
    name,
    email,
    phone,
    links_json,
    source,
    stage,
    stage_reason,
    knockouts_json,
    submitted_at,
    created_at,
    repeat_of
});

fn from_row(row: Row) -> Result<Candidate, DbError> {
    let Row {
        id,
        requisition_id,
        name,
        email,
        phone,
        links_json: links,
        source,
        stage,
        stage_reason,
        knockouts_json: knockouts,
        submitted_at,
        created_at,
        repeat_of,
    } = row;
    let bad = |what: &str, value: &str| {
        DbError::Sqlx(sqlx::Error::Decode(
            format!("unknown candidate {what} `{value}`").into(),
        ))
    };
    Ok(Candidate {
        source: source
            .parse::<Source>()
            .map_err(|_| bad("source", &source))?,
        stage: stage.parse::<Stage>().map_err(|_| bad("stage", &stage))?,
        links: decode_json(&links)?,
        knockouts: decode_json(&knockouts)?,
        id,
        requisition_id,
        name,
        email,
        phone,
        stage_reason,
        submitted_at,
        created_at,
        repeat_of,
    })
}

fn duplicate(email: &str) -> String {
    format!("{email} is already a candidate on this requisition")
}

/// What a new candidate row needs beyond the contact details.
pub struct Insert<'a> {
    pub requisition_id: &'a RequisitionId,
    pub candidate: &'a NewCandidate,
    pub source: Source,
    pub stage: Stage,
    pub application_token: Option<&'a str>,
    pub knockouts: &'a [KnockoutAnswer],
    /// The first application with this email, when this one repeats it.
    pub repeat_of: Option<&'a CandidateId>,
}

async fn insert<'e, E>(executor: E, new: &Insert<'_>) -> Result<CandidateId, DbError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let id = CandidateId::from(new_id());
    let now = now();
    let c = new.candidate;
    sqlx::query(
        "INSERT INTO candidates (id, requisition_id, name, email, phone, links_json, source, stage, stage_reason, \
         application_token, knockouts_json, submitted_at, created_at, updated_at, repeat_of) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', $9, $10, NULL, $11, $11, $12)",
    )
    .bind(&id)
    .bind(new.requisition_id)
    .bind(&c.name)
    .bind(c.email.as_str())
    .bind(c.phone.clone().unwrap_or_default())
    .bind(encode_json(&c.links)?)
    .bind(new.source.id())
    .bind(new.stage.id())
    .bind(new.application_token)
    .bind(encode_json(&new.knockouts)?)
    .bind(&now)
    .bind(new.repeat_of)
    .execute(executor)
    .await
    .map_err(|e| conflict_on_unique(e, || duplicate(c.email.as_str())))?;
    Ok(id)
}

/// Adds one candidate; the same email twice on a requisition is a `Conflict`
/// unless the second one is marked as a repeat of the first.
pub async fn create(db: &Db, new: &Insert<'_>) -> Result<CandidateId, DbError> {
    insert(&db.pool, new).await
}

/// Adds an application that came in through the public form, with the
/// candidate's confirmation queued in the same transaction. When the email
/// already has a first application for this job, the new one is kept as a
/// repeat of it rather than refused, so the form never has to say whether
/// an email had applied.
pub async fn create_application(
    db: &Db,
    new: &Insert<'_>,
    mail: &Mail,
) -> Result<CandidateId, DbError> {
    // Two first applications with one email at the same moment (possible
    // on PostgreSQL, whose writers do not queue): the loser's insert hits
    // the uniqueness rule, and its second try finds the winner's row and
    // is stored as its repeat.
    match application_once(db, new, mail).await {
        Err(DbError::Conflict(_)) => application_once(db, new, mail).await,
        other => other,
    }
}

async fn application_once(db: &Db, new: &Insert<'_>, mail: &Mail) -> Result<CandidateId, DbError> {
    let mut tx = db.begin_write().await?;
    let first: Option<(CandidateId,)> = sqlx::query_as(
        "SELECT id FROM candidates WHERE requisition_id = $1 AND email = $2 AND repeat_of IS NULL",
    )
    .bind(new.requisition_id)
    .bind(new.candidate.email.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    let id = insert(
        &mut *tx,
        &Insert {
            repeat_of: first.as_ref().map(|(id,)| id),
            ..*new
        },
    )
    .await?;
    super::outbox::enqueue(&mut *tx, mail).await?;
    tx.commit().await?;
    Ok(id)
}

/// The links of the applications made with `email` for a job, newest
/// first: what a candidate who lost theirs is sent.
pub async fn application_tokens<'e, X>(
    executor: X,
    requisition_id: &RequisitionId,
    email: &str,
) -> Result<Vec<String>, DbError>
where
    X: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT application_token FROM candidates WHERE requisition_id = $1 AND LOWER(email) = LOWER($2) \
         AND application_token IS NOT NULL ORDER BY created_at DESC, id DESC",
    )
    .bind(requisition_id)
    .bind(email)
    .fetch_all(executor)
    .await?;
    Ok(rows.into_iter().map(|(t,)| t).collect())
}

/// The later applications that repeat this one, oldest first.
pub async fn repeats_of(db: &Db, id: &CandidateId) -> Result<Vec<Candidate>, DbError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM candidates WHERE repeat_of = $1 ORDER BY created_at, id"
    ))
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter().map(from_row).collect()
}

/// Adds many candidates in one transaction: all of them or none.
pub async fn create_all(
    db: &Db,
    requisition_id: &RequisitionId,
    candidates: &[NewCandidate],
    source: Source,
) -> Result<Vec<CandidateId>, DbError> {
    let mut tx = db.begin_write().await?;
    let mut ids = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let new = Insert {
            requisition_id,
            candidate,
            source,
            stage: Stage::Screening,
            application_token: None,
            knockouts: &[],
            repeat_of: None,
        };
        ids.push(insert(&mut *tx, &new).await?);
    }
    tx.commit().await?;
    Ok(ids)
}

pub async fn get(db: &Db, id: &CandidateId) -> Result<Option<Candidate>, DbError> {
    let row: Option<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM candidates WHERE id = $1"))
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    row.map(from_row).transpose()
}

/// The candidate whose own application link carries this token.
pub async fn by_token(
    db: &Db,
    requisition_id: &RequisitionId,
    token: &str,
) -> Result<Option<Candidate>, DbError> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM candidates WHERE requisition_id = $1 AND application_token = $2"
    ))
    .bind(requisition_id)
    .bind(token)
    .fetch_optional(&db.pool)
    .await?;
    row.map(from_row).transpose()
}

/// The candidates of a requisition, oldest first.
pub async fn list(db: &Db, requisition_id: &RequisitionId) -> Result<Vec<Candidate>, DbError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM candidates WHERE requisition_id = $1 ORDER BY created_at, name"
    ))
    .bind(requisition_id)
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter().map(from_row).collect()
}

/// How many candidates a requisition has.
pub async fn count(db: &Db, requisition_id: &RequisitionId) -> Result<i64, DbError> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM candidates WHERE requisition_id = $1")
        .bind(requisition_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(n)
}

pub async fn set_stage(
    db: &Db,
    id: &CandidateId,
    stage: Stage,
    reason: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE candidates SET stage = $1, stage_reason = $2, updated_at = $3 WHERE id = $4",
    )
    .bind(stage.id())
    .bind(reason)
    .bind(now())
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The candidate finished their application: on to the resume screen.
pub async fn submit_application(db: &Db, id: &CandidateId) -> Result<(), DbError> {
    let now = now();
    sqlx::query(
        "UPDATE candidates SET stage = $1, submitted_at = $2, updated_at = $2 WHERE id = $3 AND stage = $4",
    )
    .bind(Stage::Screening.id())
    .bind(&now)
    .bind(id)
    .bind(Stage::Applying.id())
    .execute(&db.pool)
    .await?;
    Ok(())
}
