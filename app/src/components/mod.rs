//! Small presentational pieces shared by pages.

pub mod findings;
pub mod rubric;
pub mod site_header;
