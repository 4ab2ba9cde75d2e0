//! A problem in the rubric library, always with the place it was found.

use std::fmt;
use std::path::PathBuf;

/// A 1-based line and column in a source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    pub const START: Pos = Pos { line: 1, column: 1 };
}

/// `FILE:LINE:COLUMN: message`, the shape editors and CI logs link to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RubricError {
    pub file: PathBuf,
    pub pos: Pos,
    pub message: String,
}

impl fmt::Display for RubricError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.pos.line,
            self.pos.column,
            self.message
        )
    }
}

/// Everything wrong with a library, in file order. Never empty.
#[derive(Debug)]
pub struct RubricErrors(pub Vec<RubricError>);

impl fmt::Display for RubricErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.0 {
            writeln!(f, "{e}")?;
        }
        let n = self.0.len();
        write!(
            f,
            "{n} {} in the rubric library",
            if n == 1 { "error" } else { "errors" }
        )
    }
}

impl std::error::Error for RubricErrors {}
