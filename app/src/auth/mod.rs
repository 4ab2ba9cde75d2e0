//! Authentication on the server (`ssr` only).

pub mod password;
