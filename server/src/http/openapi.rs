//! `GET /api/openapi.json`: the OpenAPI 3.1 description of the JSON API,
//! generated from the code. Each JSON route is registered together with its
//! description (`utoipa_axum::routes!` over handlers carrying
//! `#[utoipa::path]`), and every body it names is a Rust type deriving
//! `ToSchema`; so a route cannot be served undocumented, nor a body change
//! without the document changing with it. This module holds what belongs
//! to the whole API: its introduction, tags, the session cookie, and the
//! answers many routes share.

use super::AppState;
use crate::error::{ErrorBody, ValidationErrorBody};
use axum::http::header;
use axum::response::IntoResponse;
use std::sync::LazyLock;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi, ToResponse};
use utoipa_axum::{router::OpenApiRouter, routes};

/// The parts of the document that are not about one route.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Alliance Hiring Kit API",
        version = "1",
        description = include_str!("openapi.md"),
    ),
    tags(
        (name = "service", description = "Health and this description."),
        (name = "session", description = "Signing in and out."),
        (name = "kits", description = "The interview-kit library."),
        (name = "jd", description = "The JD studio: writing and checking job descriptions."),
        (name = "requisitions", description = "Open roles, each with its JD, frozen kit and interview plan."),
        (name = "candidates", description = "The candidates of a requisition."),
        (name = "assignments", description = "The interview panel: who interviews whom, in which round, when."),
        (name = "scorecards", description = "Interviewers' scorecards: drafts, submission, amendments, and the panel's view once they have scored independently."),
        (name = "board", description = "The panel board and its exports."),
    ),
    security(("session" = [])),
    modifiers(&SessionCookie),
    components(responses(Unauthorized, Invalid, NotRunner, NotJson)),
)]
pub struct ApiDoc;

/// The `session` security scheme: the cookie `POST /api/session` sets.
struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::SESSION_COOKIE,
                "The session cookie set by `POST /api/session`.",
            ))),
        );
    }
}

// The answers many routes share, named once in the document's
// `components.responses`. Each wraps the body `ApiError` sends for it
// (error.rs); the types only describe, nothing constructs them.

/// Nobody is signed in (no `hk_session` cookie, or the session ended).
#[derive(ToResponse)]
#[allow(dead_code)]
pub struct Unauthorized(ErrorBody);

/// The input was refused; every bad field is listed and nothing was stored.
#[derive(ToResponse)]
#[allow(dead_code)]
pub struct Invalid(ValidationErrorBody);

/// Signed in as an interviewer: requisitions are run by admins, recruiters
/// and hiring managers.
#[derive(ToResponse)]
#[allow(dead_code)]
pub struct NotRunner(ErrorBody);

/// The body was not sent as `application/json` (or no type was given);
/// nothing was done.
#[derive(ToResponse)]
#[allow(dead_code)]
pub struct NotJson(ErrorBody);

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(document))
}

/// The document, generated once per process from the API's routes.
static DOCUMENT: LazyLock<String> = LazyLock::new(|| {
    let document = super::openapi();
    // Only a type that cannot be encoded as JSON could fail here, and the
    // document is made of strings, numbers and maps.
    document.to_json().unwrap_or_else(|e| {
        tracing::error!(error = %e, "the OpenAPI document could not be encoded");
        String::from("{}")
    })
});

/// This document
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "service",
    operation_id = "openapi",
    responses(
        (status = 200, description = "The OpenAPI 3.1 document.", body = Object),
    ),
    security(()),
)]
async fn document() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        DOCUMENT.as_str(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_document_is_openapi_3_1() {
        let doc: serde_json::Value =
            serde_json::from_str(&super::DOCUMENT).expect("the document parses");
        assert!(doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1")));
    }
}
