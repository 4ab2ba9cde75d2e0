//! Request bodies parsed by our code, so a malformed one is a JSON 422 that
//! says where, like every other bad input, and a body that does not say it
//! is JSON is a JSON 415.

use crate::error::{ApiError, ApiResult};
use app::domain::jd::FieldError;
use axum::body::Bytes;
use axum::http::{header, HeaderMap};

/// A JSON route's body: refused with 415 unless the request says it is
/// JSON, then parsed. Requiring the type is not pedantry: a `text/plain`
/// post is one a page on another site can send without asking first, and
/// it is how a client that meant something else finds out early.
pub fn json_body<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: &Bytes,
) -> ApiResult<T> {
    let stated = headers
        .get(header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_default();
    if !is_json(&stated) {
        return Err(ApiError::UnsupportedMediaType(format!(
            "the body is {}; send it as application/json",
            if stated.trim().is_empty() {
                "of no stated type".to_string()
            } else {
                stated.trim().to_string()
            }
        )));
    }
    parse_json(body)
}

/// `application/json` or a `+json` type, parameters (charset) aside.
fn is_json(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

pub fn parse_json<T: serde::de::DeserializeOwned>(body: &Bytes) -> ApiResult<T> {
    serde_json::from_slice(body).map_err(|e| {
        ApiError::Invalid(vec![FieldError {
            field: "body".into(),
            message: format!("not the expected JSON: {e}"),
        }])
    })
}

#[cfg(test)]
mod tests {
    use super::is_json;

    #[test]
    fn only_json_types_are_json() {
        for yes in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "application/problem+json",
        ] {
            assert!(is_json(yes), "{yes}");
        }
        for no in [
            "",
            "text/plain",
            "text/plain; a=application/json",
            "application/jsonx",
            "text/json",
            "multipart/form-data",
        ] {
            assert!(!is_json(no), "{no}");
        }
    }
}
