//! Request bodies parsed by our code, so a malformed one is a JSON 422 that
//! says where, like every other bad input.

use crate::error::{ApiError, ApiResult};
use app::domain::jd::FieldError;
use axum::body::Bytes;

pub fn parse_json<T: serde::de::DeserializeOwned>(body: &Bytes) -> ApiResult<T> {
    serde_json::from_slice(body).map_err(|e| {
        ApiError::Invalid(vec![FieldError {
            field: "body".into(),
            message: format!("not the expected JSON: {e}"),
        }])
    })
}
