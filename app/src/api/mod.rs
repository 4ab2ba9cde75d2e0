//! Server functions: thin wrappers that read shared state from the Leptos
//! context the server provides and call pure domain code. Their URLs are
//! fixed (`/api/fn/...`) so they stay stable across builds.

pub mod accounts;
pub mod apply;
pub mod board;
pub mod candidates;
pub mod jd;
pub mod kits;
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
