//! Server functions and the wire types they and the JSON routes send. Each
//! module holds a feature's server functions (their URLs fixed under
//! `/api/fn/...` so they stay stable across builds): they read the
//! signed-in person, the pool and the library from the request's Leptos
//! context (`context`), decode their form, and call the feature's rules in
//! `service/`, then redirect or map its refusal back onto the form's
//! fields. Forms get a `form_error::FormError`.

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
