//! The `hiring-kit` server: configuration, rubric loading, the database and
//! the HTTP surface around the Leptos app. `main.rs` only dispatches.
#![forbid(unsafe_code)]
#![recursion_limit = "256"]

pub mod auth;
pub mod bench;
pub mod cli;
pub mod commands;
pub mod demo;
pub mod error;
pub mod first_admin;
pub mod http;
pub mod lint_eval;
pub mod mail;
pub mod rubrics;
pub mod storage;
