//! Pure domain logic shared by the server and the browser: the rubric model,
//! kit assembly and the vocabularies. No I/O lives here.

pub mod accounts;
pub mod ids;
pub mod jd;
pub mod kit;
pub mod requisition;
pub mod rubric;

#[cfg(test)]
pub(crate) mod fixtures;

pub use ids::{Level, PartnerType, SubRole, UnknownId};
pub use kit::{Kit, KitSummary};
pub use rubric::Library;
