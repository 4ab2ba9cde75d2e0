//! The JD studio's pure logic: the three-line operating outcome a hiring
//! manager writes first, the job description generated from it and the
//! rubric library, and the linter that names the known hiring failures in
//! any JD, generated or pasted.

pub mod generate;
pub mod lint;
pub mod outcome;

pub use generate::generate;
pub use lint::{lint, Finding, Hints, Severity, RULES};
pub use outcome::{Cadence, FieldError, Outcome, OutcomeInput};
