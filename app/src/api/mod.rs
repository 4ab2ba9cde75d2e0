//! Server functions and the wire types they and the JSON routes send. Each
//! module holds a feature's server functions (their URLs fixed under
//! `/api/fn/...` so they stay stable across builds). The rules behind them
//! are moving to `service/` feature by feature; until a feature has moved,
//! its rules (access checks, validation, the writes) sit here beside its
//! server functions, server-only. Server functions read the pool and the
//! library from the request's Leptos context (`context`); forms get a
//! `form_error::FormError`.

pub mod accounts;
pub mod apply;
pub mod board;
pub mod calibration;
pub mod candidates;
#[cfg(feature = "ssr")]
pub mod context;
pub mod data_rights;
pub mod form_error;
pub mod jd;
pub mod kits;
pub mod mail;
pub mod panel;
#[cfg(feature = "ssr")]
pub mod refusal;
pub mod requisitions;
pub mod scorecard_form;
pub mod scorecards;
pub mod screening;
pub mod studio;

use crate::domain::Library;
use std::sync::Arc;

/// The validated rubric library, provided as Leptos context by the server.
#[derive(Clone, Debug)]
pub struct SharedLibrary(pub Arc<Library>);
