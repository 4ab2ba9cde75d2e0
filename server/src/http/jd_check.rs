//! `POST /jd/check`: the studio's "check an existing JD" form. A pasted JD
//! may be 100 KB, too long for a URL (a GET form was refused with 414), so
//! the form posts it and the answer is the studio page itself, rendered on
//! the server whole (no JavaScript needed) with the posted text and its
//! findings. The text reaches the page through its context
//! (`app::api::studio::PostedJd`), and the browser through the page.

use super::notice::notice_page;
use super::AppState;
use app::api::jd::MAX_JD_BYTES;
use app::api::studio::PostedJd;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use leptos::prelude::{provide_context, IntoView};

/// The form body: the text percent-encoded, so up to three bytes a byte,
/// and a little for the field name.
const MAX_FORM_BYTES: usize = 3 * MAX_JD_BYTES + 1024;

pub fn router<C, S, IV>(context: C, shell: S) -> Router<AppState>
where
    C: Fn() + Clone + Send + Sync + 'static,
    S: Fn() -> IV + Clone + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    Router::new().route(
        "/jd/check",
        post(move |req: Request<Body>| check(req, context.clone(), shell.clone())),
    )
}

async fn check<C, S, IV>(req: Request<Body>, context: C, shell: S) -> Response
where
    C: Fn() + Clone + Send + Sync + 'static,
    S: Fn() -> IV + Clone + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    let (mut parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_FORM_BYTES).await else {
        return notice_page(
            StatusCode::PAYLOAD_TOO_LARGE,
            "This JD is too long to check",
            &format!(
                "The linter reads JDs up to {} KB. Shorten it (boilerplate such as benefits and the equal-opportunity statement can go) and check it again.",
                MAX_JD_BYTES / 1024
            ),
            Some(("/jd", "Back to the JD studio")),
        );
    };
    // The studio page, rendered as for GET /jd, with the posted text.
    parts.method = Method::GET;
    parts.uri = Uri::from_static("/jd");
    parts.headers.remove(header::CONTENT_TYPE);
    parts.headers.remove(header::CONTENT_LENGTH);
    let text = posted_text(&bytes);
    let render = leptos_axum::render_app_async_with_context(
        move || {
            context();
            provide_context(PostedJd(text.clone()));
        },
        shell,
    );
    let mut response = render(Request::from_parts(parts, Body::empty())).await;
    // The answer to a post is this person's text: never cached.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response.into_response()
}

/// `text=...` from the `application/x-www-form-urlencoded` body (empty when
/// absent: the page then says to paste a JD).
fn posted_text(body: &[u8]) -> String {
    form_urlencoded::parse(body)
        .find(|(key, _)| key == "text")
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default()
}
