//! The outbox: email written in the same transaction as the event that
//! causes it, then sent by the server's mail worker. A message is taken
//! for sending with a lease (a compare-and-swap on its row), so of several
//! server instances exactly one sends it; a lease whose holder died runs
//! out and the message is taken again.

use super::{new_id, now, stamp, Db, DbError};
use crate::api::mail::OutboxEntry;
use crate::domain::mail::{Mail, MailKind};
use chrono::{DateTime, Utc};

/// Queues a message on `executor`: the transaction of the event that
/// causes it. A message whose `dedupe_key` is already queued or sent is
/// left out.
pub async fn enqueue<'e, X>(executor: X, mail: &Mail) -> Result<(), DbError>
where
    X: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let at = now();
    sqlx::query(
        "INSERT INTO outbox (id, kind, recipient, subject, body, calendar, dedupe_key, status, attempts, \
         next_attempt_at, last_error, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', 0, $8, '', $9) ON CONFLICT DO NOTHING",
    )
    .bind(new_id())
    .bind(mail.kind.id())
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(mail.calendar.as_deref())
    .bind(mail.dedupe_key.as_deref())
    .bind(&at)
    .bind(&at)
    .execute(executor)
    .await?;
    Ok(())
}

/// Queues a message that has no event to share a transaction with (a
/// reminder, a link asked for again).
pub async fn queue(db: &Db, mail: &Mail) -> Result<(), DbError> {
    let _turn = db.write_turn().await;
    enqueue(&db.pool, mail).await
}

/// A message taken for sending (a row, read by column name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outgoing {
    pub id: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub calendar: Option<String>,
    /// Tries before this one.
    pub attempts: i64,
}
super::from_row!(Outgoing {
    id,
    recipient,
    subject,
    body,
    calendar,
    attempts
});

/// Takes up to `limit` messages that are due, leased to `holder` until
/// `lease_until`. A message another holder leased, and whose lease has not
/// run out, is not taken.
pub async fn claim(
    db: &Db,
    holder: &str,
    at: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Outgoing>, DbError> {
    let at = stamp(at);
    let lease_until = stamp(lease_until);
    let due: Vec<(String,)> = sqlx::query_as(
        "SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= $1 \
         AND (lease_until IS NULL OR lease_until < $1) ORDER BY next_attempt_at, id LIMIT $2",
    )
    .bind(&at)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut taken = Vec::with_capacity(due.len());
    for (id,) in due {
        let won = {
            let _turn = db.write_turn().await;
            sqlx::query(
                "UPDATE outbox SET lease_holder = $1, lease_until = $2 WHERE id = $3 \
                 AND status = 'queued' AND (lease_until IS NULL OR lease_until < $4)",
            )
            .bind(holder)
            .bind(&lease_until)
            .bind(&id)
            .bind(&at)
            .execute(&db.pool)
            .await?
            .rows_affected()
                == 1
        };
        if !won {
            continue;
        }
        let row: Option<Outgoing> = sqlx::query_as(
            "SELECT id, recipient, subject, body, calendar, attempts FROM outbox WHERE id = $1",
        )
        .bind(&id)
        .fetch_optional(&db.pool)
        .await?;
        taken.extend(row);
    }
    Ok(taken)
}

/// The SMTP server accepted the message.
pub async fn mark_sent(db: &Db, id: &str, holder: &str) -> Result<(), DbError> {
    let _turn = db.write_turn().await;
    sqlx::query(
        "UPDATE outbox SET status = 'sent', sent_at = $1, attempts = attempts + 1, last_error = '', \
         lease_holder = NULL, lease_until = NULL WHERE id = $2 AND lease_holder = $3",
    )
    .bind(now())
    .bind(id)
    .bind(holder)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A try failed with `error`: tried again at `retry_at`, or failed for
/// good when that is `None`.
pub async fn mark_failed(
    db: &Db,
    id: &str,
    holder: &str,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> Result<(), DbError> {
    let _turn = db.write_turn().await;
    let (status, next) = match retry_at {
        Some(t) => ("queued", stamp(t)),
        None => ("failed", now()),
    };
    sqlx::query(
        "UPDATE outbox SET status = $1, next_attempt_at = $2, attempts = attempts + 1, last_error = $3, \
         lease_holder = NULL, lease_until = NULL WHERE id = $4 AND lease_holder = $5",
    )
    .bind(status)
    .bind(next)
    .bind(error)
    .bind(id)
    .bind(holder)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// An admin sends a failed message again: it is queued with a fresh set
/// of tries. False when there is no failed message with this id.
pub async fn retry(db: &Db, id: &str) -> Result<bool, DbError> {
    let _turn = db.write_turn().await;
    let done = sqlx::query(
        "UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = $1 \
         WHERE id = $2 AND status = 'failed'",
    )
    .bind(now())
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The newest messages first, without their bodies (a candidate's private
/// link is in one).
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<OutboxEntry>, DbError> {
    type Row = (
        String,
        String,
        String,
        String,
        String,
        i64,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, kind, recipient, subject, status, attempts, last_error, created_at, next_attempt_at, \
         sent_at, calendar FROM outbox ORDER BY created_at DESC, id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                kind,
                recipient,
                subject,
                status,
                attempts,
                last_error,
                created_at,
                next_attempt_at,
                sent_at,
                calendar,
            )| OutboxEntry {
                id,
                kind: MailKind::parse(&kind)
                    .map(|k| k.label().to_string())
                    .unwrap_or(kind),
                recipient,
                subject,
                status,
                attempts,
                last_error,
                created_at,
                next_attempt_at,
                sent_at,
                with_invite: calendar.is_some(),
            },
        )
        .collect())
}

/// How many messages are queued, sent and failed.
pub async fn counts(db: &Db) -> Result<[i64; 3], DbError> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT status, COUNT(*) FROM outbox GROUP BY status")
            .fetch_all(&db.pool)
            .await?;
    let mut counts = [0; 3];
    for (status, n) in rows {
        let slot = match status.as_str() {
            "queued" => 0,
            "sent" => 1,
            _ => 2,
        };
        counts[slot] += n;
    }
    Ok(counts)
}
