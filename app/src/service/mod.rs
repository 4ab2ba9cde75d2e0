//! The service layer: the rules and transactions behind what people do,
//! shared by the pages' server functions (`api/`) and the JSON routes
//! (`server/src/http/`), so both apply the same checks. Server-only. A
//! function here takes the database and the person acting, checks what
//! they may do, validates, writes in one transaction, and answers with the
//! wire types of `api/` or an `AppError`.
//!
//! Moving here feature by feature (issue 14): scorecards and the board so
//! far; the other features' rules still sit beside their server functions,
//! under `#[cfg(feature = "ssr")]`, in their `api/` module.

pub mod board;
pub mod scorecards;
