//! Practice ratings on the calibration page: every one kept, as rated.

use super::{new_id, now, Db, DbError};
use crate::domain::calibration::{SampleRef, Score};
use crate::domain::keys::UserId;
use crate::domain::scoring::Rating;
use std::collections::BTreeMap;

/// A practice rating as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Practice {
    pub id: String,
    pub user_id: UserId,
    pub sample: String,
    pub reference: Rating,
    pub rating: Rating,
    pub rated_at: String,
}

type Row = (String, UserId, String, String, String, String);

fn from_row((id, user_id, sample, reference, rating, rated_at): Row) -> Option<Practice> {
    Some(Practice {
        id,
        user_id,
        sample,
        reference: reference.parse().ok()?,
        rating: rating.parse().ok()?,
        rated_at,
    })
}

/// Keeps one rating of `sample`; returns its id.
pub async fn record(
    db: &Db,
    user_id: &UserId,
    rubric_version: &str,
    sample: &SampleRef,
    rating: Rating,
) -> Result<String, DbError> {
    let _turn = db.write_turn().await;
    let id = new_id();
    sqlx::query(
        "INSERT INTO practice_ratings (id, user_id, rubric_version, sample, reference, rating, rated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(user_id)
    .bind(rubric_version)
    .bind(sample.id())
    .bind(sample.reference.id())
    .bind(rating.id())
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(id)
}

/// One of `user_id`'s ratings.
pub async fn get(db: &Db, user_id: &UserId, id: &str) -> Result<Option<Practice>, DbError> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, user_id, sample, reference, rating, rated_at FROM practice_ratings \
         WHERE id = $1 AND user_id = $2",
    )
    .bind(id)
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.and_then(from_row))
}

/// Every practice rating of these people, oldest first.
pub async fn of_users(db: &Db, user_ids: &[UserId]) -> Result<Vec<Practice>, DbError> {
    if user_ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (1..=user_ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT id, user_id, sample, reference, rating, rated_at FROM practice_ratings \
         WHERE user_id IN ({}) ORDER BY rated_at, id",
        marks.join(", ")
    );
    let mut query = sqlx::query_as::<_, Row>(&sql);
    for id in user_ids {
        query = query.bind(id);
    }
    Ok(query
        .fetch_all(&db.pool)
        .await?
        .into_iter()
        .filter_map(from_row)
        .collect())
}

/// Each person's score: a sample rated more than once counts once, as
/// last rated.
pub fn scores(practice: &[Practice]) -> BTreeMap<UserId, Score> {
    let mut latest: BTreeMap<&UserId, BTreeMap<&str, (Rating, Rating)>> = BTreeMap::new();
    for p in practice {
        latest
            .entry(&p.user_id)
            .or_default()
            .insert(p.sample.as_str(), (p.reference, p.rating));
    }
    latest
        .into_iter()
        .map(|(user, samples)| {
            let pairs: Vec<(Rating, Rating)> = samples.into_values().collect();
            (user.clone(), Score::of(&pairs))
        })
        .collect()
}
