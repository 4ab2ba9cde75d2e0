//! The integration and end-to-end suite: the real router on port 0, a real
//! database (SQLite, and PostgreSQL when configured), the real binary, and
//! headless Chromium.

mod support;

mod accounts;
mod apply;
mod auth_hardening;
mod authz;
mod board;
mod calibration;
mod candidates;
mod csp;
mod data_rights;
mod database;
mod demo;
mod e2e_account;
mod e2e_apply;
mod e2e_board;
mod e2e_calibration;
mod e2e_debrief;
mod e2e_hiring_loop;
mod e2e_jd_studio;
mod e2e_kit_browser;
mod e2e_scorecard;
mod e2e_xss;
mod file_storage;
mod health;
mod jd_api;
mod kits_api;
mod mail;
mod openapi;
mod pages;
mod rate_limits;
mod requisitions;
mod rubric_files;
mod rubrics_check;
mod scorecard_page;
mod scorecards;
mod screening_panel;
mod sign_in;
mod transport;
mod upload_streaming;
mod user_cli;
