//! The panel board and its exports: `GET /api/requisitions/{id}/board`
//! (JSON), `ratings.csv` (one row per rating), `debrief.md` and
//! `debrief.html` (the packet for the debrief meeting) and
//! `scorecards.greenhouse.json` (the submitted cards in the shape of
//! Greenhouse Harvest's scorecards, for moving results into that ATS).
//! Every route applies the board's access rules (`app::service::board`).

use super::openapi::Unauthorized;
use super::AppState;
use crate::error::{ApiError, ApiResult};
use crate::error::{ErrorBody, ValidationErrorBody};
use app::domain::accounts::CurrentUser;
use app::domain::board::Board;
use app::domain::board_export::greenhouse::HarvestScorecard;
use app::domain::board_export::{csv, debrief, greenhouse};
use app::domain::jd::FieldError;
use app::domain::keys::RequisitionId;
use app::service::board::load;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(board))
        .routes(routes!(ratings_csv))
        .routes(routes!(debrief_md))
        .routes(routes!(debrief_html))
        .routes(routes!(greenhouse_json))
}

/// The panel board of a requisition
///
/// Every candidate against every competency, the attitudes, the presentation
/// and the role-play: per cell the counts of exceeds, meets, below and no
/// evidence with the mean (below 1, meets 2, exceeds 3); per candidate the
/// score weighted by the sub-role's weights and the call it implies, the
/// interviewers' recommendations, items where one interviewer rated exceeds and
/// another below (flags), scorecards not yet submitted with who owes them and
/// whether they are overdue (24 hours after the interview), and the latest
/// debrief decision. Calibration: Krippendorff's alpha for ordinal data over
/// the submitted ratings with the number of items and ratings it covers (or why
/// there is too little data: fewer than 30 items rated by two or more
/// interviewers), whose candidates it covers, and each interviewer's leniency
/// against the rest of the panel. The people running the requisition see every
/// candidate; an interviewer on its panels sees the candidates they interview.
/// While you have a scorecard of your own for a candidate unsubmitted, that
/// candidate's ratings, notes and recommendations are left out (independent
/// scoring). Only submitted scorecards count.
#[utoipa::path(
    get,
    path = "/api/requisitions/{id}/board",
    tag = "board",
    operation_id = "getBoard",
    params(
        ("id" = String, Path, description = "The requisition's id (32 hexadecimal characters)."),
    ),
    responses(
        (status = 200, description = "The board.", body = Board),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not on this requisition: neither running it nor on the panel of any of its candidates.", body = ErrorBody),
        (status = 404, description = "There is no requisition with this id.", body = ErrorBody),
    ),
)]
async fn board(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<RequisitionId>,
) -> ApiResult<Json<Board>> {
    let board = load(&state.db, &user, &id).await?;
    log_export(&state, &user, &board, "the board (JSON)").await?;
    Ok(Json(board))
}

/// Every export goes to the audit log: who took which requisition's
/// candidate data, in which form.
async fn log_export(
    state: &AppState,
    user: &CurrentUser,
    board: &Board,
    what: &str,
) -> ApiResult<()> {
    app::db::audit::note(
        &state.db,
        user,
        app::db::audit::Action::Exported,
        Some(&RequisitionId::from(board.requisition_id.as_str())),
        None,
        what,
    )
    .await?;
    Ok(())
}

/// A download named after the requisition, safe in a header.
fn download(board: &Board, content_type: &'static str, extension: &str, body: String) -> Response {
    let stem: String = board
        .title
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem = if stem.is_empty() {
        "requisition".to_string()
    } else {
        stem
    };
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{stem}-{extension}\""),
            ),
            // Reflects who asked: never cached by a shared proxy.
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

#[derive(serde::Deserialize)]
struct CsvQuery {
    excel: Option<String>,
}

/// `?excel=1` asks for the file Excel reads right (with a byte-order mark);
/// `0`, or leaving it out, for the plain RFC 4180 file.
fn wants_excel(query: &CsvQuery) -> ApiResult<bool> {
    match query.excel.as_deref() {
        None | Some("0" | "false" | "") => Ok(false),
        Some("1" | "true") => Ok(true),
        Some(_) => Err(ApiError::Invalid(vec![FieldError {
            field: "excel".into(),
            message: "must be 1 (a file for Excel, with a byte-order mark) or 0".into(),
        }])),
    }
}

/// Every rating, one row each (CSV)
///
/// RFC 4180 CSV (UTF-8, CRLF line ends, a header row). Columns: requisition,
/// candidate, round, interviewer, item, competency, rating, indicators,
/// submitted_at, candidate_id; candidate_id tells apart two candidates with the
/// same name. Formula guard: a cell a spreadsheet would run as a formula that
/// calls a function, reaches another sheet or program, or computes (one
/// starting with =, @, a tab or a line break; or with + or - followed by
/// anything but letters, digits, spaces and . , ') gets a leading apostrophe;
/// other text, such as the name "-Minus Dash", is left exactly as stored. The
/// people running the requisition see every candidate; an interviewer on its
/// panels sees the candidates they interview. While you have a scorecard of
/// your own for a candidate unsubmitted, that candidate's ratings, notes and
/// recommendations are left out (independent scoring). Only submitted
/// scorecards count.
#[utoipa::path(
    get,
    path = "/api/requisitions/{id}/ratings.csv",
    tag = "board",
    operation_id = "getRatingsCsv",
    params(
        ("id" = String, Path, description = "The requisition's id (32 hexadecimal characters)."),
        ("excel" = Option<String>, Query, description = "1 starts the file with a UTF-8 byte-order mark, so that Excel reads accented names right; 0 or absent for the plain file. Anything else is refused with 422."),
    ),
    responses(
        (status = 200, description = "The ratings as CSV, as a download.", body = String, content_type = "text/csv"),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not on this requisition: neither running it nor on the panel of any of its candidates.", body = ErrorBody),
        (status = 404, description = "There is no requisition with this id.", body = ErrorBody),
        (status = 422, description = "`excel` is neither 1 nor 0.", body = ValidationErrorBody),
    ),
)]
async fn ratings_csv(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<RequisitionId>,
    Query(query): Query<CsvQuery>,
) -> ApiResult<Response> {
    let excel = wants_excel(&query)?;
    let board = load(&state.db, &user, &id).await?;
    log_export(&state, &user, &board, "ratings (CSV)").await?;
    let body = csv::ratings_csv(&board, excel);
    Ok(download(
        &board,
        "text/csv; charset=utf-8",
        "ratings.csv",
        body,
    ))
}

/// The debrief packet (Markdown)
///
/// The calibration, the comparison matrix, and per candidate the flags, missing
/// scorecards, recommendations beside the weighted evidence, the recorded
/// decision, and each interviewer's ratings, indicators and notes. The people
/// running the requisition see every candidate; an interviewer on its panels
/// sees the candidates they interview. While you have a scorecard of your own
/// for a candidate unsubmitted, that candidate's ratings, notes and
/// recommendations are left out (independent scoring). Only submitted
/// scorecards count.
#[utoipa::path(
    get,
    path = "/api/requisitions/{id}/debrief.md",
    tag = "board",
    operation_id = "getDebriefMarkdown",
    params(
        ("id" = String, Path, description = "The requisition's id (32 hexadecimal characters)."),
    ),
    responses(
        (status = 200, description = "The packet as Markdown, as a download.", body = String, content_type = "text/markdown"),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not on this requisition: neither running it nor on the panel of any of its candidates.", body = ErrorBody),
        (status = 404, description = "There is no requisition with this id.", body = ErrorBody),
    ),
)]
async fn debrief_md(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<RequisitionId>,
) -> ApiResult<Response> {
    let board = load(&state.db, &user, &id).await?;
    log_export(&state, &user, &board, "debrief packet (Markdown)").await?;
    let body = debrief::debrief_markdown(&board);
    Ok(download(
        &board,
        "text/markdown; charset=utf-8",
        "debrief.md",
        body,
    ))
}

/// The debrief packet (standalone HTML)
///
/// The same packet as a standalone page with its own styles and each
/// candidate's profile chart, ready to print. The people running the
/// requisition see every candidate; an interviewer on its panels sees the
/// candidates they interview. While you have a scorecard of your own for a
/// candidate unsubmitted, that candidate's ratings, notes and recommendations
/// are left out (independent scoring). Only submitted scorecards count.
#[utoipa::path(
    get,
    path = "/api/requisitions/{id}/debrief.html",
    tag = "board",
    operation_id = "getDebriefHtml",
    params(
        ("id" = String, Path, description = "The requisition's id (32 hexadecimal characters)."),
    ),
    responses(
        (status = 200, description = "The packet as HTML, as a download.", body = String, content_type = "text/html"),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not on this requisition: neither running it nor on the panel of any of its candidates.", body = ErrorBody),
        (status = 404, description = "There is no requisition with this id.", body = ErrorBody),
    ),
)]
async fn debrief_html(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<RequisitionId>,
) -> ApiResult<Response> {
    let board = load(&state.db, &user, &id).await?;
    log_export(&state, &user, &board, "debrief packet (HTML)").await?;
    let body = debrief::debrief_html(&board);
    let mut response = download(&board, "text/html; charset=utf-8", "debrief.html", body);
    // A standalone page of our own making: no scripts needed or allowed.
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        header::HeaderValue::from_str(&debrief::header_policy())
            .map_err(|e| ApiError::Internal(e.to_string()))?,
    );
    Ok(response)
}

/// Submitted scorecards in Greenhouse Harvest's shape
///
/// Every submitted scorecard as a Greenhouse Harvest scorecard object (the
/// shape of Harvest's GET /v1/scorecards), each documented field present with
/// its type. Ids are integers: each object's is derived from its own id
/// (SHA-256, cut to 53 bits so JavaScript reads it exactly), so the same
/// scorecard, candidate, application, person or interview step has the same
/// number in every export. A candidate applies to one requisition, so
/// application_id is one per candidate. created_at is when the card was
/// submitted and updated_at when it last changed (an amendment). Accounts hold
/// an email and no name yet: name is the email and first_name and last_name are
/// empty; employee_id is null. Ratings map exceeds to strong_yes, meets to yes,
/// below to no and no evidence to no_decision (an attribute rated no_decision
/// is in none of the five rating buckets); recommendations map strong hire to
/// strong_yes, hire to yes, no hire to no, strong no hire to definitely_not and
/// no decision to no_decision. The take-aways are the first question, with a
/// null id. The people running the requisition see every candidate; an
/// interviewer on its panels sees the candidates they interview. While you have
/// a scorecard of your own for a candidate unsubmitted, that candidate's
/// ratings, notes and recommendations are left out (independent scoring). Only
/// submitted scorecards count.
#[utoipa::path(
    get,
    path = "/api/requisitions/{id}/scorecards.greenhouse.json",
    tag = "board",
    operation_id = "getGreenhouseScorecards",
    params(
        ("id" = String, Path, description = "The requisition's id (32 hexadecimal characters)."),
    ),
    responses(
        (status = 200, description = "The scorecards, as a download.", body = [HarvestScorecard]),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not on this requisition: neither running it nor on the panel of any of its candidates.", body = ErrorBody),
        (status = 404, description = "There is no requisition with this id.", body = ErrorBody),
    ),
)]
async fn greenhouse_json(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<RequisitionId>,
) -> ApiResult<Response> {
    let board = load(&state.db, &user, &id).await?;
    log_export(&state, &user, &board, "scorecards for Greenhouse (JSON)").await?;
    let cards = greenhouse::greenhouse_scorecards(&board);
    let body =
        serde_json::to_string_pretty(&cards).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(download(
        &board,
        "application/json",
        "scorecards.greenhouse.json",
        body,
    ))
}
