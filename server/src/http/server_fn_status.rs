//! Server functions answer every error with 500; the error itself (JSON)
//! says what really happened. This layer gives those responses the status
//! that error stands for (401, 403, 404, 409, 422), so scripts, logs and
//! monitoring see a refusal as a refusal, not as a server fault. The
//! browser client decodes any 4xx or 5xx the same way.

use app::api::candidates::FormError;
use app::error::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

/// Error bodies are short messages; anything longer is left alone.
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn map_error_status(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/fn/") {
        return next.run(request).await;
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_ERROR_BODY).await {
        Ok(bytes) => bytes,
        // Too long to be one of our error messages: say so rather than
        // passing on a cut-off body.
        Err(_) => {
            tracing::error!("a server function's error body was too long to pass on");
            return Response::from_parts(parts, Body::from("internal error; see the server log"));
        }
    };
    // The two error types server functions use: AppError, and FormError
    // for forms that hand back what was typed.
    let status = serde_json::from_slice::<AppError>(&bytes)
        .map(|e| e.status_code())
        .or_else(|_| serde_json::from_slice::<FormError>(&bytes).map(|e| e.status_code()));
    if let Ok(status) = status {
        parts.status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}
