//! What a server function reads from the Leptos context the server
//! provides for each request: the database and the rubric library.

use crate::error::AppError;
use leptos::prelude::use_context;

/// The database pool.
pub fn db() -> Result<crate::db::Db, AppError> {
    use_context::<crate::db::Db>().ok_or(AppError::Internal)
}

/// The validated rubric library.
pub fn library() -> Result<std::sync::Arc<crate::domain::Library>, AppError> {
    use_context::<super::SharedLibrary>()
        .map(|l| l.0)
        .ok_or(AppError::Internal)
}
