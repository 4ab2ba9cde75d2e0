//! Small presentational pieces shared by pages.

pub mod findings;
pub mod form;
pub mod rubric;
pub mod site_header;
