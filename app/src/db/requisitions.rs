//! Requisitions: drafts saved from the JD studio, opened for candidates
//! with an interview plan, and who is on each.

use super::{decode_json, encode_json, new_id, now, Db, DbError, Versioned};
use crate::domain::accounts::{CurrentUser, Role};
use crate::domain::jd::Outcome;
use crate::domain::keys::{RequisitionId, UserId};
use crate::domain::plan::InterviewPlan;
use crate::domain::requisition::{
    Requisition, RequisitionSummary, STATUS_CLOSED, STATUS_DRAFT, STATUS_OPEN,
};

/// Stores a draft owned by `owner_id` (who becomes its first member) and
/// returns its id.
pub async fn create_draft(
    db: &Db,
    owner_id: &UserId,
    title: &str,
    outcome: &Outcome,
    jd_markdown: &str,
    rubric_version: &str,
) -> Result<RequisitionId, DbError> {
    let id = RequisitionId::from(new_id());
    let now = now();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO requisitions (id, status, title, sub_role, level, outcome_json, jd_markdown, rubric_version, created_at, owner_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&id)
    .bind(STATUS_DRAFT)
    .bind(title)
    .bind(outcome.sub_role.id())
    .bind(outcome.level.id())
    .bind(encode_json(outcome)?)
    .bind(jd_markdown)
    .bind(rubric_version)
    .bind(&now)
    .bind(owner_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO requisition_members (requisition_id, user_id, added_at) VALUES ($1, $2, $3)",
    )
    .bind(&id)
    .bind(owner_id)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A requisition as `get` selects it, read by column name.
struct Row {
    id: RequisitionId,
    status: String,
    title: String,
    outcome_json: String,
    jd_markdown: String,
    rubric_version: String,
    created_at: String,
    owner_id: Option<UserId>,
    plan_json: Option<String>,
    opened_at: Option<String>,
    plan_version: i64,
    closed_at: Option<String>,
    calibration_required_at: Option<String>,
}
super::from_row!(Row {
    id,
    status,
    title,
    outcome_json,
    jd_markdown,
    rubric_version,
    created_at,
    owner_id,
    plan_json,
    opened_at,
    plan_version,
    closed_at,
    calibration_required_at
});

pub async fn get(db: &Db, id: &RequisitionId) -> Result<Option<Requisition>, DbError> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, status, title, outcome_json, jd_markdown, rubric_version, created_at, owner_id, plan_json, opened_at, plan_version, \
         closed_at, calibration_required_at FROM requisitions WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(Row {
        id,
        status,
        title,
        outcome_json: outcome,
        jd_markdown,
        rubric_version,
        created_at,
        owner_id,
        plan_json: plan,
        opened_at,
        plan_version,
        closed_at,
        calibration_required_at,
    }) = row
    else {
        return Ok(None);
    };
    let plan = match plan {
        Some(json) => Some(decode_json::<InterviewPlan>(&json)?),
        None => None,
    };
    Ok(Some(Requisition {
        id,
        status,
        title,
        outcome: decode_json(&outcome)?,
        jd_markdown,
        jd_html: String::new(),
        rubric_version,
        owner_id,
        plan,
        plan_version,
        created_at,
        opened_at,
        closed_at,
        calibration_required: calibration_required_at.is_some(),
    }))
}

/// Turns on or off the calibration standard for the requisition's panel.
pub async fn set_calibration_required(
    db: &Db,
    id: &RequisitionId,
    required: bool,
) -> Result<(), DbError> {
    let _turn = db.write_turn().await;
    sqlx::query(
        "UPDATE requisitions SET calibration_required_at = CASE WHEN $1 = 1 THEN COALESCE(calibration_required_at, $2) ELSE NULL END \
         WHERE id = $3",
    )
    .bind(i64::from(required))
    .bind(now())
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Closes an open requisition (`close`) or reopens a closed one. False
/// when it was not in the state to change from.
pub async fn set_closed(db: &Db, id: &RequisitionId, close: bool) -> Result<bool, DbError> {
    let _turn = db.write_turn().await;
    let result = if close {
        sqlx::query(
            "UPDATE requisitions SET status = $1, closed_at = $2 WHERE id = $3 AND status = $4",
        )
        .bind(STATUS_CLOSED)
        .bind(now())
        .bind(id)
        .bind(STATUS_OPEN)
    } else {
        sqlx::query(
            "UPDATE requisitions SET status = $1, closed_at = NULL WHERE id = $2 AND status = $3",
        )
        .bind(STATUS_OPEN)
        .bind(id)
        .bind(STATUS_CLOSED)
    }
    .execute(&db.pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Opens a draft for candidates with its first plan. False when it was not
/// a draft (already open).
pub async fn open(db: &Db, id: &RequisitionId, plan: &InterviewPlan) -> Result<bool, DbError> {
    let result = sqlx::query(
        "UPDATE requisitions SET status = $1, plan_json = $2, opened_at = $3 WHERE id = $4 AND status = $5",
    )
    .bind(STATUS_OPEN)
    .bind(encode_json(plan)?)
    .bind(now())
    .bind(id)
    .bind(STATUS_DRAFT)
    .execute(&db.pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// What an attempt to change a plan came to.
#[derive(Debug)]
pub enum PlanWrite<E> {
    /// Stored; the plan is now at this version.
    Saved { version: i64 },
    /// The edit was made from an older version: nothing was written, and
    /// this is the plan as it is now.
    Stale { plan: InterviewPlan, version: i64 },
    /// An interview has begun, so the plan is fixed.
    Started,
    /// No such requisition, or it has no plan yet (still a draft).
    NoPlan,
    /// The edit itself was refused (it does not apply to the plan).
    Refused(E),
}

/// Reads, checks, changes and writes a plan in one write transaction, so no
/// two edits can both start from the same plan and one of them vanish.
/// `seen` is the version the editor was looking at; `None` applies the edit
/// to the plan as it is (still refused if another write gets in between).
/// Whether interviews have started is checked inside the same transaction.
pub async fn edit_plan<E>(
    db: &Db,
    id: &RequisitionId,
    seen: Option<i64>,
    edit: impl FnOnce(&mut InterviewPlan) -> Result<(), E>,
) -> Result<PlanWrite<E>, DbError> {
    let mut tx = db.begin_write().await?;
    let row: Option<(Option<String>, i64)> =
        sqlx::query_as("SELECT plan_json, plan_version FROM requisitions WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((Some(json), version)) = row else {
        return Ok(PlanWrite::NoPlan);
    };
    let mut plan: InterviewPlan = decode_json(&json)?;
    if started(&mut *tx, id).await? {
        return Ok(PlanWrite::Started);
    }
    if seen.is_some_and(|seen| seen != version) {
        return Ok(PlanWrite::Stale { plan, version });
    }
    if let Err(e) = edit(&mut plan) {
        return Ok(PlanWrite::Refused(e));
    }
    // On PostgreSQL two transactions can both read the same version; the
    // second UPDATE then waits for the first and matches no row.
    let written = Versioned {
        table: "requisitions",
        version_column: "plan_version",
        id,
        based_on: version,
        also: None,
    }
    .swap(&mut *tx, "plan_json = $1", &[&encode_json(&plan)?])
    .await?;
    if !written {
        drop(tx);
        return Ok(match get(db, id).await? {
            Some(Requisition {
                plan: Some(plan),
                plan_version,
                ..
            }) => PlanWrite::Stale {
                plan,
                version: plan_version,
            },
            _ => PlanWrite::NoPlan,
        });
    }
    tx.commit().await?;
    Ok(PlanWrite::Saved {
        version: version + 1,
    })
}

/// Whether an interview of this requisition has begun: the plan is then
/// fixed, so every panelist is scored against the same questions.
pub async fn interviews_started(db: &Db, id: &RequisitionId) -> Result<bool, DbError> {
    started(&db.pool, id).await
}

/// The check itself, on the pool or inside a plan edit's transaction.
async fn started<'e, E>(executor: E, id: &RequisitionId) -> Result<bool, DbError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM assignments WHERE requisition_id = $1 AND starts_at <= $2",
    )
    .bind(id)
    .bind(now())
    .fetch_one(executor)
    .await?;
    Ok(n > 0)
}

super::from_row!(RequisitionSummary {
    id,
    title,
    status,
    candidates,
    created_at
});

/// The requisitions this person runs (admins: all), newest first.
pub async fn list_for(db: &Db, user: &CurrentUser) -> Result<Vec<RequisitionSummary>, DbError> {
    let all = user.role == Role::Admin;
    Ok(sqlx::query_as(
        "SELECT r.id, r.title, r.status, \
                (SELECT COUNT(*) FROM candidates c WHERE c.requisition_id = r.id) AS candidates, r.created_at \
         FROM requisitions r \
         WHERE $1 = 1 OR EXISTS (SELECT 1 FROM requisition_members m WHERE m.requisition_id = r.id AND m.user_id = $2) \
         ORDER BY r.created_at DESC",
    )
    .bind(i64::from(all))
    .bind(&user.id)
    .fetch_all(&db.pool)
    .await?)
}

pub async fn is_member(
    db: &Db,
    requisition_id: &RequisitionId,
    user_id: &UserId,
) -> Result<bool, DbError> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT user_id FROM requisition_members WHERE requisition_id = $1 AND user_id = $2",
    )
    .bind(requisition_id)
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.is_some())
}

/// Adds a recruiter or hiring manager; adding someone twice is harmless.
/// `mail`, the message telling them, is queued in the same transaction,
/// and only when they were not a member already.
pub async fn add_member(
    db: &Db,
    requisition_id: &RequisitionId,
    user_id: &UserId,
    mail: Option<&crate::domain::mail::Mail>,
) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    let added = sqlx::query(
        "INSERT INTO requisition_members (requisition_id, user_id, added_at) VALUES ($1, $2, $3) \
         ON CONFLICT (requisition_id, user_id) DO NOTHING",
    )
    .bind(requisition_id)
    .bind(user_id)
    .bind(now())
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if let (true, Some(mail)) = (added, mail) {
        super::outbox::enqueue(&mut *tx, mail).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Takes someone off the requisition. False when they were not on it.
pub async fn remove_member(
    db: &Db,
    requisition_id: &RequisitionId,
    user_id: &UserId,
) -> Result<bool, DbError> {
    let _turn = db.write_turn().await;
    let result =
        sqlx::query("DELETE FROM requisition_members WHERE requisition_id = $1 AND user_id = $2")
            .bind(requisition_id)
            .bind(user_id)
            .execute(&db.pool)
            .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn members(db: &Db, requisition_id: &RequisitionId) -> Result<Vec<CurrentUser>, DbError> {
    let rows: Vec<super::users::PersonRow> = sqlx::query_as(
        "SELECT u.id, u.email, u.role, u.display_name, u.time_zone FROM requisition_members m JOIN users u ON u.id = m.user_id \
         WHERE m.requisition_id = $1 ORDER BY u.email",
    )
    .bind(requisition_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().filter_map(super::users::person).collect())
}

/// The kits (sub-role, level) of every requisition `user_id` is on, as a
/// member or with an interview: what they interview for.
pub async fn kits_of_person(
    db: &Db,
    user_id: &UserId,
) -> Result<Vec<(crate::domain::SubRole, crate::domain::Level)>, DbError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT r.outcome_json FROM requisitions r \
         WHERE EXISTS (SELECT 1 FROM requisition_members m WHERE m.requisition_id = r.id AND m.user_id = $1) \
            OR EXISTS (SELECT 1 FROM assignments a WHERE a.requisition_id = r.id AND a.interviewer_id = $1) \
         ORDER BY r.created_at, r.id",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    let mut kits = Vec::new();
    for (json,) in rows {
        let outcome: Outcome = decode_json(&json)?;
        if !kits.contains(&(outcome.sub_role, outcome.level)) {
            kits.push((outcome.sub_role, outcome.level));
        }
    }
    Ok(kits)
}
