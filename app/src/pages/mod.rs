//! One page component per file.

pub mod home;
pub mod jd_studio;
pub mod kit;
pub mod kit_sections;
pub mod not_found;
pub mod requisition;
