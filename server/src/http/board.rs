//! The panel board and its exports: `GET /api/requisitions/{id}/board`
//! (JSON), `ratings.csv` (one row per rating), `debrief.md` and
//! `debrief.html` (the packet for the debrief meeting) and
//! `scorecards.greenhouse.json` (the submitted cards in the shape of
//! Greenhouse Harvest's scorecards, for moving results into that ATS).
//! Every route applies the board's access rules (`app::api::board`).

use super::AppState;
use crate::error::{ApiError, ApiResult};
use app::api::board::load;
use app::domain::accounts::CurrentUser;
use app::domain::board::Board;
use app::domain::board_export::{csv, debrief, greenhouse};
use app::domain::jd::FieldError;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Json, Router};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/requisitions/{id}/board", get(board))
        .route("/api/requisitions/{id}/ratings.csv", get(ratings_csv))
        .route("/api/requisitions/{id}/debrief.md", get(debrief_md))
        .route("/api/requisitions/{id}/debrief.html", get(debrief_html))
        .route(
            "/api/requisitions/{id}/scorecards.greenhouse.json",
            get(greenhouse_json),
        )
}

async fn board(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<String>,
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
        Some(&board.requisition_id),
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

async fn ratings_csv(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<String>,
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

async fn debrief_md(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<String>,
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

async fn debrief_html(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<String>,
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

async fn greenhouse_json(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<String>,
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
