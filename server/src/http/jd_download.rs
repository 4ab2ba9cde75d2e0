//! `GET /jd/download.md` and `GET /jd/download.html`: the studio's JD as a
//! file, regenerated from the same query string the page shows it for.

use super::requisitions::require_runner;
use super::AppState;
use crate::error::{ApiError, ApiResult};
use app::api::studio::{studio, StudioQuery, StudioResult};
use app::domain::accounts::CurrentUser;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/jd/download.md", get(markdown))
        .route("/jd/download.html", get(html))
}

/// The studio is for the people who run requisitions, like `/api/jd`: an
/// interviewer is refused here as on the page.
fn generated(
    state: &AppState,
    user: &CurrentUser,
    mut query: StudioQuery,
) -> ApiResult<app::api::jd::GeneratedJd> {
    require_runner(user)?;
    query.mode = Some("generate".into());
    match studio(&state.library, &query) {
        StudioResult::Generated(jd) => Ok(jd),
        StudioResult::Invalid(errors) => Err(ApiError::Invalid(errors)),
        // `mode` is set above, so the studio always generates or refuses.
        StudioResult::Empty | StudioResult::Linted(_) => Err(ApiError::NoRoute),
    }
}

async fn markdown(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Query(query): Query<StudioQuery>,
) -> ApiResult<Response> {
    let jd = generated(&state, &user, query)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/markdown; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"job-description.md\"",
            ),
        ],
        jd.markdown,
    )
        .into_response())
}

const JD_PAGE_STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1c2430}\
h1{font-size:1.6rem}h2{margin-top:1.6rem;font-size:1.15rem}@media print{body{margin:0}h2{break-after:avoid}}";

/// A standalone page: its own styles, no scripts, prints on its own.
async fn html(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Query(query): Query<StudioQuery>,
) -> ApiResult<Response> {
    let jd = generated(&state, &user, query)?;
    // The first line is the Markdown title; drop the escapes user text got.
    let title = jd
        .markdown
        .lines()
        .next()
        .unwrap_or("Job description")
        .trim_start_matches("# ")
        .replace('\\', "");
    let policy = app::standalone_page::policy(JD_PAGE_STYLE);
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
         <title>{}</title>\n<style>{JD_PAGE_STYLE}</style>\n</head>\n<body>\n{}\n</body>\n</html>\n",
        html_escape::encode_text(&title),
        jd.html
    );
    let header_policy =
        header::HeaderValue::from_str(&app::standalone_page::header_policy(JD_PAGE_STYLE))
            .map_err(|e| crate::error::ApiError::Internal(e.to_string()))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                header::HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                header::HeaderValue::from_static("attachment; filename=\"job-description.html\""),
            ),
            (header::CONTENT_SECURITY_POLICY, header_policy),
        ],
        page,
    )
        .into_response())
}
