//! The error type of the app layer: what a server function can tell a page.
//! It crosses the wire as JSON, so it carries messages meant for users, never
//! internal details (those are logged on the server).

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
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
}
