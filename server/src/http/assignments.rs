//! The panel over HTTP: `GET` and `POST /api/requisitions/{id}/assignments`.
//! A POST puts one interviewer on one round of one candidate at a time
//! given in RFC 3339; every refused field is named in the 422.

use super::body::json_body;
use super::openapi::{Invalid, NotJson, Unauthorized};
use super::AppState;
use crate::error::ErrorBody;
use crate::error::{ApiError, ApiResult};
use app::access;
use app::domain::accounts::CurrentUser;
use app::domain::jd::FieldError;
use app::domain::keys::RequisitionId;
use app::domain::requisition::Assignment;
use app::service::panel::{assign, AssignRequest, TimeInput};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list, create))
}

fn signed_in(user: Option<Extension<CurrentUser>>) -> ApiResult<CurrentUser> {
    user.map(|Extension(u)| u)
        .ok_or_else(|| ApiError::Unauthorized("sign in first: POST /api/session".into()))
}

/// An interview: one interviewer on one round of one candidate, with the
/// links the interviewer uses.
#[derive(Serialize, ToSchema)]
#[schema(as = Assignment)]
struct AssignmentBody {
    #[serde(flatten)]
    #[schema(inline)]
    assignment: Assignment,
    /// The interview's page: the kit for the round and the scorecard.
    kit_url: String,
    /// The calendar invitation (iCalendar) for the interview.
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

#[derive(Serialize, ToSchema)]
struct AssignmentList {
    /// By start time, then interviewer email.
    assignments: Vec<AssignmentBody>,
}

/// The panel of a requisition
#[utoipa::path(
    get,
    path = "/api/requisitions/{id}/assignments",
    tag = "assignments",
    operation_id = "listAssignments",
    params(
        ("id" = String, Path, description = "The requisition's id (32 hexadecimal characters)."),
    ),
    responses(
        (status = 200, description = "Every interview scheduled on the requisition.", body = AssignmentList),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Signed in as an interviewer, or not on this requisition.", body = ErrorBody),
        (status = 404, description = "There is no requisition with this id.", body = ErrorBody),
    ),
)]
async fn list(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<RequisitionId>,
) -> ApiResult<Json<AssignmentList>> {
    let user = signed_in(user)?;
    let requisition = access::requisition(&state.db, &user, &id).await?;
    let assignments = app::db::assignments::for_requisition(&state.db, &requisition.id).await?;
    Ok(Json(AssignmentList {
        assignments: assignments.into_iter().map(AssignmentBody::from).collect(),
    }))
}

/// Puts one interviewer on one round of one candidate. One of
/// `interviewer_email` and `interviewer` is required.
#[derive(Deserialize, ToSchema)]
#[schema(as = NewAssignment)]
struct NewAssignmentBody {
    /// Required: a candidate of this requisition at the `interviewing`
    /// stage.
    #[schema(required = true, value_type = String)]
    candidate_id: Option<String>,
    /// Required: a round id of the requisition's interview plan.
    #[schema(required = true, value_type = String)]
    round: Option<String>,
    /// An active account that is an interviewer or is on the requisition.
    #[schema(format = "email")]
    interviewer_email: Option<String>,
    /// Another name for `interviewer_email`, used when that is absent.
    #[schema(format = "email")]
    interviewer: Option<String>,
    /// Required: RFC 3339 with an offset (`2026-03-09T14:30:00Z`); not in
    /// the past, at most two years ahead.
    #[schema(required = true, value_type = String, format = DateTime)]
    starts_at: Option<String>,
    /// How long the interview lasts; the kit's length for the round when
    /// absent or `null`.
    // A JSON value, so that a string or anything else is reported against
    // this field rather than as a malformed body.
    #[schema(value_type = Option<i64>, minimum = 5, maximum = 480)]
    duration_minutes: Option<serde_json::Value>,
    /// `interviewer` (the default) or `actor`: the actor plays the partner
    /// in the round's role-play (simulation), gets its brief and keeps no
    /// scorecard. Only the round with the role-play has an actor.
    part: Option<String>,
}

/// Put an interviewer on a candidate's round
#[utoipa::path(
    post,
    path = "/api/requisitions/{id}/assignments",
    tag = "assignments",
    operation_id = "createAssignment",
    params(
        ("id" = String, Path, description = "The requisition's id (32 hexadecimal characters)."),
    ),
    request_body = NewAssignmentBody,
    responses(
        (status = 201, description = "Scheduled.", body = AssignmentBody, headers(("Location" = String, description = "The interview's page, `/interviews/{id}`."))),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Signed in as an interviewer, or not on this requisition. Or the request came from another site (an `Origin` that is not this host, or `Sec-Fetch-Site: cross-site`); every POST and DELETE is refused so.", body = ErrorBody),
        (status = 404, description = "There is no requisition with this id.", body = ErrorBody),
        (status = 409, description = "This interviewer is already on this round for this candidate.", body = ErrorBody),
        (status = 415, response = NotJson),
        (status = 422, response = Invalid),
    ),
)]
async fn create(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<RequisitionId>,
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
