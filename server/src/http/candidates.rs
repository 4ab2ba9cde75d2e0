//! Candidates of a requisition over HTTP: `GET` and `POST
//! /api/requisitions/{id}/candidates` (one candidate as JSON, or a CSV file
//! as `text/csv`), and `POST /requisitions/{id}/candidates/import`, the
//! candidate page's file upload form, which answers with a redirect back.

use super::body::parse_json;
use super::openapi::Unauthorized;
use super::AppState;
use crate::error::{ApiError, ApiResult};
use crate::error::{ErrorBody, ValidationErrorBody};
use app::access;
use app::api::candidates::ImportCandidates;
use app::api::form_error::{FormError, LineError};
use app::domain::accounts::CurrentUser;
use app::domain::candidate::NewCandidate;
use app::domain::keys::RequisitionId;
use app::domain::requisition::Candidate;
use app::error::AppError;
use app::service::candidates::{add, import};
use app::service::refusal::Refusal;
use axum::body::Bytes;
use axum::extract::{Multipart, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Extension, Json};
use leptos::server_fn::error::ServerFnUrlError;
use leptos::server_fn::ServerFn;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .route("/requisitions/{id}/candidates/import", post(import_form))
}

fn signed_in(user: Option<Extension<CurrentUser>>) -> ApiResult<CurrentUser> {
    user.map(|Extension(u)| u)
        .ok_or_else(|| ApiError::Unauthorized("sign in first: POST /api/session".into()))
}

#[derive(Serialize, ToSchema)]
struct CandidateList {
    candidates: Vec<Candidate>,
}

/// What a CSV import added.
#[derive(Serialize, ToSchema)]
struct CandidateImport {
    /// How many candidates were added.
    imported: usize,
    /// The candidates added, in file order.
    candidates: Vec<Candidate>,
}

/// 422 for a CSV import: the file was refused as a whole and nobody was
/// imported.
#[derive(Serialize, ToSchema)]
#[schema(as = ImportError)]
struct ImportErrorBody {
    error: String,
    /// Every problem in the file, with its real line number.
    rows: Vec<LineError>,
}

/// The answer to adding candidates: one candidate (JSON sent) or an
/// import (CSV sent).
// Describes the route's two 201 bodies for the OpenAPI document (one or
// the other, as sent: untagged).
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum CandidatesAdded {
    One(Box<Candidate>),
    Imported(CandidateImport),
}

/// The refusal of an addition: every bad field of one candidate, or every
/// bad line of a file.
// Describes the route's two 422 bodies for the OpenAPI document.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum CandidatesRefused {
    Fields(ValidationErrorBody),
    Rows(ImportErrorBody),
}

/// The candidates of a requisition
#[utoipa::path(
    get,
    path = "/api/requisitions/{id}/candidates",
    tag = "candidates",
    operation_id = "listCandidates",
    params(
        ("id" = String, Path, description = "The requisition's id (32 hexadecimal characters)."),
    ),
    responses(
        (status = 200, description = "Every candidate, whatever their stage.", body = CandidateList),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Signed in as an interviewer, or not on this requisition.", body = ErrorBody),
        (status = 404, description = "There is no requisition with this id.", body = ErrorBody),
    ),
)]
async fn list(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<RequisitionId>,
) -> ApiResult<Json<CandidateList>> {
    let user = signed_in(user)?;
    let requisition = access::requisition(&state.db, &user, &id).await?;
    app::db::audit::note_view(
        &state.db,
        &user,
        &requisition.id,
        None,
        app::api::candidates::CANDIDATE_LIST,
    )
    .await?;
    Ok(Json(CandidateList {
        candidates: app::db::candidates::list(&state.db, &requisition.id).await?,
    }))
}

/// At most 5 web addresses (http:// or https://), as a list or as one text
/// with any mix of spaces, commas and line breaks between them (what a form
/// sends).
#[derive(Deserialize, ToSchema)]
#[serde(untagged)]
enum Links {
    List(Vec<String>),
    Text(String),
}

/// One candidate typed in by a recruiter. Every bad field is reported at
/// once.
#[derive(Deserialize, ToSchema)]
#[schema(as = NewCandidate)]
struct NewCandidateBody {
    /// Required; on one line, at most 200 characters.
    #[schema(required = true, value_type = String, max_length = 200)]
    name: Option<String>,
    /// Required; stored lower-case. One candidate per email on a
    /// requisition.
    #[schema(required = true, value_type = String, format = "email")]
    email: Option<String>,
    /// Digits, spaces, `+`, `-`, `(` and `)`; at most 40 characters.
    #[schema(max_length = 40, pattern = "^[0-9 +()-]*$")]
    phone: Option<String>,
    links: Option<Links>,
}

/// The media type of the body, without parameters, lower-cased.
fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Add one candidate, or import a CSV file of them
///
/// The requisition must be open. With `application/json`, adds one candidate
/// (source `added`, stage `screening`). With `text/csv` (UTF-8), imports a
/// file: a header row naming the columns `name` and `email` (required) and
/// `phone` and `links` (optional), in any order, then at most 1,000 rows. The
/// import is all or nothing: any bad row, or an email already on the
/// requisition, imports nobody and every problem is reported with its line.
#[utoipa::path(
    post,
    path = "/api/requisitions/{id}/candidates",
    tag = "candidates",
    operation_id = "addCandidates",
    params(
        ("id" = String, Path, description = "The requisition's id (32 hexadecimal characters)."),
    ),
    request_body(content(
        (NewCandidateBody = "application/json"),
        (String = "text/csv"),
    )),
    responses(
        (status = 201, description = "Added: the candidate (JSON), or the count and the candidates imported (CSV).", body = CandidatesAdded, headers(("Location" = String, description = "For one candidate: the candidate's page, `/candidates/{id}`."))),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Signed in as an interviewer, or not on this requisition. Or the request came from another site (an `Origin` that is not this host, or `Sec-Fetch-Site: cross-site`); every POST and DELETE is refused so.", body = ErrorBody),
        (status = 404, description = "There is no requisition with this id.", body = ErrorBody),
        (status = 409, description = "The email is already a candidate on this requisition, or the requisition is still a draft.", body = ErrorBody),
        (status = 415, description = "The body is neither `application/json` nor `text/csv`.", body = ErrorBody),
        (status = 422, description = "Refused input; nothing was stored. One candidate: every bad field. A CSV file: every bad line.", body = CandidatesRefused),
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
    match media_type(&headers).as_str() {
        "application/json" => create_one(&state, &user, &requisition, &body).await,
        "text/csv" => create_from_csv(&state, &user, &requisition, &body).await,
        other => Err(ApiError::UnsupportedMediaType(format!(
            "the body is {}; send application/json for one candidate or text/csv for a file of candidates",
            if other.is_empty() { "of no stated type" } else { other }
        ))),
    }
}

async fn create_one(
    state: &AppState,
    user: &CurrentUser,
    requisition: &app::domain::requisition::Requisition,
    body: &Bytes,
) -> ApiResult<Response> {
    let body: NewCandidateBody = parse_json(body)?;
    let links = match body.links {
        Some(Links::List(list)) => list.join("\n"),
        Some(Links::Text(text)) => text,
        None => String::new(),
    };
    let new = NewCandidate::parse(
        body.name.as_deref().unwrap_or(""),
        body.email.as_deref().unwrap_or(""),
        body.phone.as_deref().unwrap_or(""),
        &links,
    )
    .map_err(ApiError::Invalid)?;
    match add(&state.db, user, requisition, &new).await {
        Ok(candidate) => Ok((
            StatusCode::CREATED,
            [(header::LOCATION, format!("/candidates/{}", candidate.id))],
            Json(candidate),
        )
            .into_response()),
        Err(refused) => Err(refused.into()),
    }
}

async fn create_from_csv(
    state: &AppState,
    user: &CurrentUser,
    requisition: &app::domain::requisition::Requisition,
    body: &Bytes,
) -> ApiResult<Response> {
    let refused = |rows: Vec<LineError>| {
        let problems = rows.len();
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(ImportErrorBody {
                error: format!(
                    "nothing was imported: the file has {problems} {}",
                    if problems == 1 { "problem" } else { "problems" }
                ),
                rows,
            }),
        )
            .into_response()
    };
    let Ok(text) = std::str::from_utf8(body) else {
        return Ok(refused(vec![not_utf8()]));
    };
    match import(&state.db, user, requisition, text).await {
        Ok(candidates) => Ok((
            StatusCode::CREATED,
            Json(CandidateImport {
                imported: candidates.len(),
                candidates,
            }),
        )
            .into_response()),
        Err(Refusal::Rows(rows)) => Ok(refused(rows)),
        Err(other) => Err(other.into()),
    }
}

fn not_utf8() -> LineError {
    LineError {
        line: 1,
        field: "file".into(),
        message: "the file is not UTF-8 text; in your spreadsheet program, save it as “CSV UTF-8”"
            .into(),
    }
}

/// The upload form of the candidate list. Works without JavaScript: the
/// browser is sent back to the list, with the count imported, or with the
/// problems encoded the way a refused paste-import reports them, so the
/// page shows both the same way (and puts the file's text in the paste box
/// for correcting).
async fn import_form(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<RequisitionId>,
    multipart: Multipart,
) -> ApiResult<Response> {
    let user = signed_in(user)?;
    let requisition = access::requisition(&state.db, &user, &id).await?;
    let list = format!("/requisitions/{}/candidates", requisition.id);
    let text = match uploaded_file(multipart).await {
        Ok(bytes) => match String::from_utf8(bytes.to_vec()) {
            Ok(text) => text,
            Err(_) => {
                return Ok(back_with(&list, FormError::rows(vec![not_utf8()], "")));
            }
        },
        Err(message) => {
            return Ok(back_with(&list, FormError::App(AppError::Invalid(message))));
        }
    };
    Ok(match import(&state.db, &user, &requisition, &text).await {
        Ok(candidates) => {
            Redirect::to(&format!("{list}?imported={}", candidates.len())).into_response()
        }
        Err(refused) => back_with(&list, refused.into_form(&[("text", text.as_str())])),
    })
}

/// The bytes of the form's `file` field.
async fn uploaded_file(mut multipart: Multipart) -> Result<Bytes, String> {
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        format!("The upload could not be read ({e}). Choose the file again and retry.")
    };
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        if field.name() == Some("file") {
            let bytes = field.bytes().await.map_err(unreadable)?;
            return if bytes.is_empty() {
                Err("Choose a CSV file to import: the upload was empty.".into())
            } else {
                Ok(bytes)
            };
        }
    }
    Err("Choose a CSV file to import.".into())
}

/// A 303 back to the candidate list with the error where the page's import
/// form looks for it (Leptos' `__path`/`__err` form-redirect parameters).
fn back_with(list: &str, error: FormError) -> Response {
    let path_and_query = ServerFnUrlError::new(ImportCandidates::PATH, error)
        .to_url(&format!("http://localhost{list}"))
        .ok()
        .map(|url| format!("{}?{}", url.path(), url.query().unwrap_or_default()));
    let target = match path_and_query {
        Some(p) => format!("{p}#import"),
        None => list.to_string(),
    };
    Redirect::to(&target).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_ignore_parameters_and_case() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            "Text/CSV; charset=utf-8".parse().unwrap(),
        );
        assert_eq!(media_type(&headers), "text/csv");
        assert_eq!(media_type(&HeaderMap::new()), "");
    }

    #[test]
    fn a_refused_upload_goes_back_to_the_list_with_its_error() {
        let response = back_with(
            "/requisitions/abc/candidates",
            FormError::rows(
                vec![LineError {
                    line: 3,
                    field: "email".into(),
                    message: "bad".into(),
                }],
                "name,email\n",
            ),
        );
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let location = response.headers()[header::LOCATION].to_str().unwrap();
        assert!(
            location.starts_with(
                "/requisitions/abc/candidates?__path=%2Fapi%2Ffn%2Fimport-candidates&__err="
            ),
            "{location}"
        );
        assert!(location.ends_with("#import"), "{location}");
    }
}
