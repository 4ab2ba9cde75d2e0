//! Pure domain logic shared by the server and the browser: the rubric model,
//! kit assembly and the vocabularies. No I/O lives here.

pub mod accounts;
pub mod agreement;
pub mod application;
pub mod board;
pub mod board_export;
pub mod byte_range;
pub mod calibration;
pub mod candidate;
#[cfg(feature = "ssr")]
pub mod candidate_import;
pub mod exact;
#[cfg(feature = "ssr")]
pub mod ics;
pub mod ids;
pub mod jd;
pub mod keys;
pub mod kit;
pub mod kit_item;
#[cfg(feature = "ssr")]
pub mod mail;
pub mod plan;
pub mod requisition;
pub mod rubric;
pub mod scorecard;
pub mod scoring;
pub mod screening;
pub mod upload;
pub mod webm;
#[cfg(feature = "ssr")]
pub mod zone;

#[cfg(test)]
pub(crate) mod fixtures;

pub use ids::{Level, PartnerType, SubRole, UnknownId};
pub use kit::{Kit, KitSummary};
pub use rubric::Library;
