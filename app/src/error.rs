//! The error type of the app layer: what a server function can tell a page.
//! It crosses the wire as JSON, so it carries messages meant for users, never
//! internal details (those are logged on the server).

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::{Bytes, Encodes};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The thing asked for does not exist; the message says what is valid.
    #[error("{0}")]
    NotFound(String),
    /// The input was refused; the message says which fields and why.
    #[error("{0}")]
    Invalid(String),
    /// The request itself could not be read (arguments that do not parse,
    /// a body that is not UTF-8): the caller's mistake, not a server fault.
    #[error("{0}")]
    Malformed(String),
    /// Nobody is signed in.
    #[error("sign in to continue")]
    Unauthorized,
    /// Signed in, but this person may not do this; the message says why.
    #[error("{0}")]
    Forbidden(String),
    /// The data changed since it was read; the message says what to do.
    #[error("{0}")]
    Conflict(String),
    /// Something on the server failed; details are in the server log.
    #[error("the server could not complete the request")]
    Internal,
    /// The request never reached our code (network, encoding).
    #[error("the request failed: {0}")]
    Transport(String),
}

impl AppError {
    /// The HTTP status this error stands for.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound(_) => 404,
            AppError::Invalid(_) => 422,
            AppError::Malformed(_) => 400,
            AppError::Unauthorized => 401,
            AppError::Forbidden(_) => 403,
            AppError::Conflict(_) => 409,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Arguments that do not parse (`version=abc`, a missing field,
            // a body that is not UTF-8) are the caller's mistake: a 400 that
            // says so, not a server fault. On the server, `Deserialization`
            // only comes from reading the request; in the browser it means
            // the answer could not be read, which stays a transport error.
            ServerFnErrorErr::Args(m) | ServerFnErrorErr::MissingArg(m) => {
                AppError::Malformed(format!("the request's fields could not be read: {m}"))
            }
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Deserialization(m) => {
                AppError::Malformed(format!("the request could not be read: {m}"))
            }
            other => AppError::Transport(other.to_string()),
        }
    }

    fn ser(&self) -> Bytes {
        encode_with_status(self, self.status_code())
    }
}

/// What every server-function error goes through on its way out: the JSON
/// body, and (on the server) the HTTP status the error stands for.
///
/// server_fn answers every error with 500; leptos_axum then applies the
/// status a function set in its `ResponseOptions`. Encoding the error is the
/// one step every failure passes, arguments that do not parse included, so
/// the status is set here once, and no layer has to read the body back to
/// find it. A plain form post (no JavaScript) is left alone: leptos_axum
/// sends it back to the page it came from (302, the error in the address),
/// and a status set here would replace that redirect.
pub(crate) fn encode_with_status<E>(error: &E, status: u16) -> Bytes
where
    E: FromServerFnError,
    E::Encoder: Encodes<E>,
{
    #[cfg(feature = "ssr")]
    set_status(status);
    #[cfg(not(feature = "ssr"))]
    let _ = status;
    E::Encoder::encode(error).unwrap_or_else(|e| {
        E::Encoder::encode(&E::from_server_fn_error(ServerFnErrorErr::Serialization(
            e.to_string(),
        )))
        .unwrap_or_default()
    })
}

/// Whether the server function being run was called by a form posted
/// without JavaScript, by leptos_axum's own test: the request accepts HTML
/// and says where it came from. Such a call is answered with a redirect
/// back to that page, its error carried in the address.
#[cfg(feature = "ssr")]
pub fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<http::request::Parts>().is_some_and(|parts| {
        let accepts_html = parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"));
        accepts_html && parts.headers.contains_key(http::header::REFERER)
    })
}

#[cfg(feature = "ssr")]
fn set_status(status: u16) {
    use leptos::prelude::use_context;
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    if !is_plain_form_post() {
        response.set_status(
            http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
        );
    }
}
