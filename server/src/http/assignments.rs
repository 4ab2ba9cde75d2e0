//! The panel over HTTP: `GET` and `POST /api/requisitions/{id}/assignments`.
//! A POST puts one interviewer on one round of one candidate at a time
//! given in RFC 3339; every refused field is named in the 422.

use super::body::json_body;
use super::AppState;
use crate::error::{ApiError, ApiResult};
use app::access;
use app::api::panel::{assign, AssignRequest, TimeInput};
use app::domain::accounts::CurrentUser;
use app::domain::jd::FieldError;
use app::domain::requisition::Assignment;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Json, Router};
use serde::{Deserialize, Serialize};

pub fn router() -> Router<AppState> {
    Router::new().route("/api/requisitions/{id}/assignments", get(list).post(create))
}

fn signed_in(user: Option<Extension<CurrentUser>>) -> ApiResult<CurrentUser> {
    user.map(|Extension(u)| u)
        .ok_or_else(|| ApiError::Unauthorized("sign in first: POST /api/session".into()))
}

/// An assignment with the links the interviewer uses.
#[derive(Serialize)]
struct AssignmentBody {
    #[serde(flatten)]
    assignment: Assignment,
    kit_url: String,
    invite_url: String,
}

impl From<Assignment> for AssignmentBody {
    fn from(assignment: Assignment) -> Self {
        AssignmentBody {
            kit_url: format!("/interviews/{}", assignment.id),
            invite_url: format!("/interviews/{}/invite.ics", assignment.id),
            assignment,
        }
    }
}

#[derive(Serialize)]
struct AssignmentList {
    assignments: Vec<AssignmentBody>,
}

async fn list(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<String>,
) -> ApiResult<Json<AssignmentList>> {
    let user = signed_in(user)?;
    let requisition = access::requisition(&state.db, &user, &id).await?;
    let assignments = app::db::assignments::for_requisition(&state.db, &requisition.id).await?;
    Ok(Json(AssignmentList {
        assignments: assignments.into_iter().map(AssignmentBody::from).collect(),
    }))
}

#[derive(Deserialize)]
struct NewAssignmentBody {
    candidate_id: Option<String>,
    round: Option<String>,
    interviewer_email: Option<String>,
    /// Accepted as another name for `interviewer_email`.
    interviewer: Option<String>,
    starts_at: Option<String>,
    /// A number; anything else is reported against this field.
    duration_minutes: Option<serde_json::Value>,
    /// `interviewer` (the default) or `actor`.
    part: Option<String>,
}

async fn create(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let user = signed_in(user)?;
    let requisition = access::requisition(&state.db, &user, &id).await?;
    let body: NewAssignmentBody = json_body(&headers, &body)?;
    let duration_minutes = match body.duration_minutes {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            return Err(ApiError::Invalid(vec![FieldError {
                field: "duration_minutes".into(),
                message: format!("{other} is not a number of minutes"),
            }]))
        }
    };
    let request = AssignRequest {
        candidate_id: body.candidate_id.unwrap_or_default(),
        round: body.round.unwrap_or_default(),
        interviewer_email: body
            .interviewer_email
            .or(body.interviewer)
            .unwrap_or_default(),
        starts_at: body.starts_at.unwrap_or_default(),
        duration_minutes,
        part: body.part,
    };
    match assign(
        &state.db,
        &user,
        &requisition,
        &request,
        TimeInput::Rfc3339,
        &state.mail,
    )
    .await
    {
        Ok(assignment) => Ok((
            StatusCode::CREATED,
            [(header::LOCATION, format!("/interviews/{}", assignment.id))],
            Json(AssignmentBody::from(assignment)),
        )
            .into_response()),
        Err(refused) => Err(refused.into()),
    }
}
