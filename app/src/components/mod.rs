//! Small presentational pieces shared by pages.

pub mod rubric;
