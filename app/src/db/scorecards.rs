//! Scorecards and their history. Every write is a compare-and-swap on the
//! card's `version`: it names the version it was based on and changes the
//! card only if that is still the stored one, so two tabs or two devices
//! never overwrite each other silently.
//!
//! Durability: a write is acknowledged after its transaction commits. With
//! SQLite in WAL mode and `synchronous = NORMAL` (see `sqlite_pragmas`) a
//! committed transaction is in the WAL file, so it survives a crash or kill
//! of the server process; only an operating-system crash or power loss can
//! lose the last commits, which `synchronous = FULL` would prevent at the
//! cost of an fsync per save. PostgreSQL commits durably by default.

use super::{decode_json, encode_json, fetch_as_json, now, Db, DbError, Versioned};
use crate::domain::keys::{AssignmentId, CandidateId, RequisitionId, UserId};
use crate::domain::requisition::Assignment;
use crate::domain::scorecard::{
    Scorecard, ScorecardBody, ScorecardState, ScorecardVersion, VersionKind,
};
use std::collections::HashMap;

/// What a write did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Write {
    /// Stored; the card is now at this version.
    Saved { version: i64 },
    /// Refused: the card is no longer at the version the write was based
    /// on, or no longer in the state it needs. Nothing changed; here is
    /// the card as stored.
    Stale(Box<Scorecard>),
}

/// `Row`'s fields: the one list the queries below select from.
const ROW_COLUMNS: [&str; 11] = [
    "id",
    "requisition_id",
    "candidate_id",
    "interviewer_id",
    "round_id",
    "rubric_version",
    "version",
    "state",
    "body_json",
    "submitted_at",
    "updated_at",
];

/// What is read as a card's `body_json`: the whole body, or its light
/// copy of the ratings while that was written at the card's current
/// version, else the whole body (see migration 0010), which
/// [`RatingsOnly`] reads the same way.
const WHOLE_BODY: &str = "s.body_json";
const RATINGS_BODY: &str =
    "CASE WHEN s.ratings_version = s.version THEN s.ratings_json ELSE s.body_json END";

/// `ROW_COLUMNS` of `scorecards s`, with `body` read as `body_json`.
fn columns(body: &str) -> String {
    ROW_COLUMNS
        .iter()
        .map(|c| match *c {
            "body_json" => format!("{body} AS body_json"),
            c => format!("s.{c}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A card as `columns` selects it, read by column name. `B` is how its
/// body arrives: the stored text (`String`) from a row, or already parsed
/// (`ScorecardBody`, `RatingsOnly`) from [`fetch_as_json`].
#[derive(serde::Deserialize)]
struct Row<B = String> {
    id: AssignmentId,
    requisition_id: RequisitionId,
    candidate_id: CandidateId,
    interviewer_id: UserId,
    round_id: String,
    rubric_version: String,
    version: i64,
    state: String,
    body_json: B,
    submitted_at: Option<String>,
    updated_at: String,
}
super::from_row!(Row {
    id,
    requisition_id,
    candidate_id,
    interviewer_id,
    round_id,
    rubric_version,
    version,
    state,
    body_json,
    submitted_at,
    updated_at
});

fn from_row(row: Row) -> Result<Scorecard, DbError> {
    from_row_with(row, |json| decode_json(&json))
}

fn from_row_with<B>(
    Row {
        id,
        requisition_id,
        candidate_id,
        interviewer_id,
        round_id: round,
        rubric_version,
        version,
        state,
        body_json: body,
        submitted_at,
        updated_at,
    }: Row<B>,
    body_of: impl FnOnce(B) -> Result<ScorecardBody, DbError>,
) -> Result<Scorecard, DbError> {
    Ok(Scorecard {
        id,
        requisition_id,
        candidate_id,
        interviewer_id,
        round,
        rubric_version,
        version,
        state: state_of(&state)?,
        body: body_of(body)?,
        submitted_at,
        updated_at,
    })
}

pub async fn get(db: &Db, id: &AssignmentId) -> Result<Option<Scorecard>, DbError> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {} FROM scorecards s WHERE s.id = $1",
        columns(WHOLE_BODY)
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(from_row).transpose()
}

/// The card of an assignment, created as an empty draft (version 1, scored
/// against `rubric_version`) the first time it is asked for.
pub async fn get_or_create(
    db: &Db,
    assignment: &Assignment,
    rubric_version: &str,
) -> Result<Scorecard, DbError> {
    if let Some(card) = get(db, &assignment.id).await? {
        return Ok(card);
    }
    // Two first reads at once both insert; the second one does nothing.
    let empty = ScorecardBody::default();
    let (body, ratings) = (encode_json(&empty)?, ratings_json(&empty)?);
    let turn = db.write_turn().await;
    sqlx::query(
        "INSERT INTO scorecards (id, requisition_id, candidate_id, interviewer_id, round_id, rubric_version, \
         version, state, body_json, submitted_at, updated_at, ratings_json, ratings_version) \
         VALUES ($1, $2, $3, $4, $5, $6, 1, 'draft', $7, NULL, $8, $9, 1) ON CONFLICT (id) DO NOTHING",
    )
    .bind(&assignment.id)
    .bind(&assignment.requisition_id)
    .bind(&assignment.candidate_id)
    .bind(&assignment.interviewer_id)
    .bind(&assignment.round)
    .bind(rubric_version)
    .bind(body)
    .bind(now())
    .bind(ratings)
    .execute(&db.pool)
    .await?;
    drop(turn);
    get(db, &assignment.id)
        .await?
        .ok_or(DbError::Sqlx(sqlx::Error::RowNotFound))
}

/// A card as the compare-and-swap of a write sees it: at `based_on`, in
/// `state`.
fn card(id: &AssignmentId, based_on: i64, state: ScorecardState) -> Versioned<'_> {
    Versioned {
        table: "scorecards",
        version_column: "version",
        id,
        based_on,
        also: Some(("state", state.id())),
    }
}

/// What a write of a card's content sets, from the body, the time and
/// the body's ratings. `version` on the right is the version before the
/// write, so `ratings_version` becomes the version the write makes.
const WRITE_BODY: &str =
    "body_json = $1, updated_at = $2, ratings_json = $3, ratings_version = version + 1";

/// The card as stored, for a refused write.
async fn stale(db: &Db, id: &AssignmentId) -> Result<Write, DbError> {
    let card = get(db, id)
        .await?
        .ok_or(DbError::Sqlx(sqlx::Error::RowNotFound))?;
    Ok(Write::Stale(Box::new(card)))
}

/// Saves a draft's content, if the draft is still at `based_on`. One
/// statement, so it is atomic on its own: no transaction round trips on
/// the path every autosave takes.
pub async fn save_draft(
    db: &Db,
    id: &AssignmentId,
    based_on: i64,
    body: &ScorecardBody,
) -> Result<Write, DbError> {
    let (json, ratings) = (encode_json(body)?, ratings_json(body)?);
    let turn = db.write_turn().await;
    let swapped = card(id, based_on, ScorecardState::Draft)
        .swap(&db.pool, WRITE_BODY, &[&json, &now(), &ratings])
        .await?;
    drop(turn);
    if !swapped {
        return stale(db, id).await;
    }
    Ok(Write::Saved {
        version: based_on + 1,
    })
}

/// Submits a draft as it is stored at `based_on` (so what the caller
/// checked is what is submitted) and keeps it as the first version of the
/// history.
pub async fn submit(
    db: &Db,
    id: &AssignmentId,
    based_on: i64,
    by: &UserId,
) -> Result<Write, DbError> {
    let now = now();
    let mut tx = db.begin_write().await?;
    // The body does not change, so a light copy of its ratings that was
    // current stays current at the new version.
    let swapped = card(id, based_on, ScorecardState::Draft)
        .swap(
            &mut *tx,
            "state = $1, submitted_at = $2, updated_at = $2, ratings_version = \
             CASE WHEN ratings_version = version THEN version + 1 ELSE ratings_version END",
            &[ScorecardState::Submitted.id(), &now],
        )
        .await?;
    if !swapped {
        tx.rollback().await?;
        return stale(db, id).await;
    }
    sqlx::query(
        "INSERT INTO scorecard_versions (scorecard_id, version, author_id, saved_at, kind, reason, body_json) \
         SELECT id, version, $1, $2, $3, '', body_json FROM scorecards WHERE id = $4",
    )
    .bind(by)
    .bind(&now)
    .bind(VersionKind::Submit.id())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Write::Saved {
        version: based_on + 1,
    })
}

/// Changes a submitted card, if still at `based_on`, and keeps the new
/// content with its reason in the history.
pub async fn amend(
    db: &Db,
    id: &AssignmentId,
    based_on: i64,
    body: &ScorecardBody,
    reason: &str,
    by: &UserId,
) -> Result<Write, DbError> {
    let now = now();
    let (json, ratings) = (encode_json(body)?, ratings_json(body)?);
    let mut tx = db.begin_write().await?;
    let swapped = card(id, based_on, ScorecardState::Submitted)
        .swap(&mut *tx, WRITE_BODY, &[&json, &now, &ratings])
        .await?;
    if !swapped {
        tx.rollback().await?;
        return stale(db, id).await;
    }
    sqlx::query(
        "INSERT INTO scorecard_versions (scorecard_id, version, author_id, saved_at, kind, reason, body_json) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(based_on + 1)
    .bind(by)
    .bind(&now)
    .bind(VersionKind::Amend.id())
    .bind(reason)
    .bind(&json)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Write::Saved {
        version: based_on + 1,
    })
}

type VersionRow = (i64, String, String, String, String, String, String, String);

/// The submission and every amendment, oldest first.
pub async fn history(db: &Db, id: &AssignmentId) -> Result<Vec<ScorecardVersion>, DbError> {
    let rows: Vec<VersionRow> = sqlx::query_as(
        "SELECT v.version, v.kind, v.author_id, u.email, COALESCE(NULLIF(u.display_name, ''), u.email), \
         v.saved_at, v.reason, v.body_json \
         FROM scorecard_versions v JOIN users u ON u.id = v.author_id \
         WHERE v.scorecard_id = $1 ORDER BY v.version",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter()
        .map(
            |(version, kind, author_id, author_email, author_name, saved_at, reason, body)| {
                Ok(ScorecardVersion {
                    version,
                    kind: kind
                        .parse::<VersionKind>()
                        .map_err(|e| DbError::Sqlx(sqlx::Error::Decode(Box::new(e))))?,
                    author_id,
                    author_email,
                    author_name,
                    saved_at,
                    reason,
                    body: decode_json(&body)?,
                })
            },
        )
        .collect()
}

/// How much of each card's content to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    Whole,
    /// The ratings given and the recommendation; notes, ticked
    /// indicators, take-aways and private notes come back empty. Skipping
    /// the text is most of the work saved when a whole requisition is read.
    RatingsOnly,
}

/// Every card of a candidate's panel by assignment id; assignments whose
/// interviewer has not opened their card yet have none.
pub async fn for_candidate(
    db: &Db,
    candidate_id: &CandidateId,
    detail: Detail,
) -> Result<HashMap<AssignmentId, Scorecard>, DbError> {
    by_id(db, "s.candidate_id", candidate_id, detail).await
}

/// Every card of a requisition's panels by assignment id, for the board.
pub async fn for_requisition(
    db: &Db,
    requisition_id: &RequisitionId,
    detail: Detail,
) -> Result<HashMap<AssignmentId, Scorecard>, DbError> {
    by_id(db, "s.requisition_id", requisition_id, detail).await
}

/// A card's ratings and recommendation, as `ratings_json` stores them: the
/// part of `body_json` that [`RatingsOnly`] reads (unrated items left out).
#[derive(serde::Serialize)]
struct RatingsOf<'a> {
    items: std::collections::BTreeMap<&'a str, RatingOf>,
    recommendation: Option<crate::domain::scorecard::Recommendation>,
}

#[derive(serde::Serialize)]
struct RatingOf {
    rating: crate::domain::scoring::Rating,
}

fn ratings_json(body: &ScorecardBody) -> Result<String, DbError> {
    encode_json(&RatingsOf {
        items: body
            .items
            .iter()
            .filter_map(|(key, item)| {
                Some((
                    key.as_str(),
                    RatingOf {
                        rating: item.rating?,
                    },
                ))
            })
            .collect(),
        recommendation: body.recommendation,
    })
}

/// A card's content without its text (see [`Detail::RatingsOnly`]), from
/// `ratings_json` or from `body_json`: serde skips the fields it does not
/// name without copying them.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct RatingsOnly {
    items: std::collections::BTreeMap<String, RatingOnly>,
    recommendation: Option<crate::domain::scorecard::Recommendation>,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct RatingOnly {
    rating: Option<crate::domain::scoring::Rating>,
}

impl RatingsOnly {
    fn into_body(self) -> ScorecardBody {
        ScorecardBody {
            items: self
                .items
                .into_iter()
                .map(|(key, item)| {
                    (
                        key,
                        crate::domain::scorecard::ItemScore {
                            rating: item.rating,
                            ..Default::default()
                        },
                    )
                })
                .collect(),
            recommendation: self.recommendation,
            ..ScorecardBody::default()
        }
    }
}

async fn by_id(
    db: &Db,
    column: &str,
    value: &str,
    detail: Detail,
) -> Result<HashMap<AssignmentId, Scorecard>, DbError> {
    let query = |body: &str| {
        format!(
            "SELECT {} FROM scorecards s WHERE {column} = $1",
            columns(body)
        )
    };
    // The body is parsed once, in the one array, into what the detail keeps.
    let cards: Vec<Scorecard> = match detail {
        Detail::Whole => {
            let rows: Vec<Row<ScorecardBody>> =
                fetch_as_json(db, &ROW_COLUMNS, &["body_json"], &query(WHOLE_BODY), value).await?;
            rows.into_iter()
                .map(|row| from_row_with(row, Ok))
                .collect::<Result<_, _>>()?
        }
        Detail::RatingsOnly => {
            let rows: Vec<Row<RatingsOnly>> = fetch_as_json(
                db,
                &ROW_COLUMNS,
                &["body_json"],
                &query(RATINGS_BODY),
                value,
            )
            .await?;
            rows.into_iter()
                .map(|row| from_row_with(row, |light| Ok(light.into_body())))
                .collect::<Result<_, _>>()?
        }
    };
    Ok(cards.into_iter().map(|c| (c.id.clone(), c)).collect())
}

/// The state of each card this person has opened, by card (assignment) id.
pub async fn states_for_interviewer(
    db: &Db,
    interviewer_id: &UserId,
) -> Result<std::collections::HashMap<AssignmentId, ScorecardState>, DbError> {
    let rows: Vec<(AssignmentId, String)> =
        sqlx::query_as("SELECT id, state FROM scorecards WHERE interviewer_id = $1")
            .bind(interviewer_id)
            .fetch_all(&db.pool)
            .await?;
    rows.into_iter()
        .map(|(id, state)| Ok((id, state_of(&state)?)))
        .collect()
}

/// A stored state column, read back.
fn state_of(text: &str) -> Result<ScorecardState, DbError> {
    text.parse::<ScorecardState>()
        .map_err(|e| DbError::Sqlx(sqlx::Error::Decode(Box::new(e))))
}

/// How many of this person's interviews of this candidate have no
/// submitted card yet. Zero for someone not on the panel.
pub async fn unsubmitted_own(
    db: &Db,
    candidate_id: &CandidateId,
    interviewer_id: &UserId,
) -> Result<i64, DbError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM assignments a LEFT JOIN scorecards s ON s.id = a.id \
         WHERE a.candidate_id = $1 AND a.interviewer_id = $2 \
         AND (s.state IS NULL OR s.state <> 'submitted')",
    )
    .bind(candidate_id)
    .bind(interviewer_id)
    .fetch_one(&db.pool)
    .await?;
    Ok(n)
}

/// Writes `ratings_json` for every card whose ratings are missing or
/// older than the card: cards written before migration 0010, or by an
/// older server running beside a newer one. Readers are right without it
/// (they fall back to `body_json`); it makes the board read them light.
/// Each card is written only while still at the version read, so a save
/// racing the fill wins. Returns how many cards it filled.
pub async fn fill_ratings(db: &Db) -> Result<usize, DbError> {
    let mut after = String::new();
    let mut filled = 0;
    loop {
        let rows: Vec<(String, i64, String)> = sqlx::query_as(
            "SELECT id, version, body_json FROM scorecards \
             WHERE id > $1 AND (ratings_version IS NULL OR ratings_version <> version) \
             ORDER BY id LIMIT 200",
        )
        .bind(&after)
        .fetch_all(&db.pool)
        .await?;
        let Some((last, _, _)) = rows.last() else {
            return Ok(filled);
        };
        after = last.clone();
        let mut tx = db.begin_write().await?;
        for (id, version, body) in &rows {
            // A body that does not decode is left to the readers, which
            // report it where it is read.
            let Ok(body) = decode_json::<ScorecardBody>(body) else {
                continue;
            };
            let done = sqlx::query(
                "UPDATE scorecards SET ratings_json = $1, ratings_version = version \
                 WHERE id = $2 AND version = $3",
            )
            .bind(ratings_json(&body)?)
            .bind(id)
            .bind(version)
            .execute(&mut *tx)
            .await?;
            filled += done.rows_affected() as usize;
        }
        tx.commit().await?;
    }
}
