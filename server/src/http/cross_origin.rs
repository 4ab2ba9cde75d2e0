//! Refuses state-changing requests that a browser sent from another site.
//! Leptos server functions do no origin check of their own, so this layer
//! guards every POST, PUT, PATCH and DELETE: a form or fetch from another
//! origin cannot act with a visitor's session. Non-browser clients (no
//! Origin, no Sec-Fetch-Site) are unaffected; they carry no ambient cookies
//! from another site.

use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

pub async fn refuse_cross_site(request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    // "none" is a request the user made directly (typed, bookmarked).
    let cross_site = matches!(fetch_site, Some(site) if site != "same-origin" && site != "none");
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let foreign_origin = headers.get(header::ORIGIN).is_some_and(|origin| {
        let origin = origin.to_str().unwrap_or("null");
        let origin_host = origin.split_once("://").map(|(_, rest)| rest);
        origin == "null" || origin_host != host
    });
    if cross_site || foreign_origin {
        return (
            StatusCode::FORBIDDEN,
            Json(json!({ "error": "cross-site request refused: submit the form from this site" })),
        )
            .into_response();
    }
    next.run(request).await
}
