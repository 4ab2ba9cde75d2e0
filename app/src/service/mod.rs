//! The service layer: the rules and transactions behind what people do,
//! shared by the pages' server functions (`api/`) and the JSON routes
//! (`server/src/http/`), so both apply the same checks. Server-only. A
//! function here takes the database and the person acting, checks what
//! they may do, validates, writes in one transaction, and answers with the
//! wire types of `api/` or an `AppError`.
//!
//! Each feature's module here holds its rules; its `api/` module holds its
//! server functions and the wire types they send. What stays in `api/` on
//! the server side is the glue that only a server function needs: reading
//! the signed-in person, the pool and the request from the Leptos context.

pub mod accounts;
pub mod apply;
pub mod board;
pub mod calibration;
pub mod candidates;
pub mod data_rights;
pub mod kits;
pub mod mail;
pub mod panel;
pub mod refusal;
pub mod requisitions;
pub mod scorecards;
pub mod screening;
