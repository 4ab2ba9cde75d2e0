//! The panel: putting an interviewer on a round of a candidate at a time,
//! who may be put there, the interview as the interviewer reads it, and its
//! calendar invitation. Times are UTC throughout.
//!
//! - `assign`: checking and storing a new interview;
//! - `changes`: moving, cancelling and handing over one;
//! - `interviews`: an interviewer's list and the interview page;
//! - `invite`: who may see an interview, and its calendar invite;
//! - `times`: reading a typed start and length;
//! - `view`: the panel section of a candidate's page.

pub mod assign;
pub mod changes;
pub mod interviews;
pub mod invite;
pub mod times;
pub mod view;

pub use assign::{assign, holds_role_play, panelist, AssignRequest};
pub use invite::{assignment_for, interview_invite, invite, InviteParts};
pub use times::{parse_minutes, parse_start, TimeInput};
pub use view::{assignment_view, panel_view};
