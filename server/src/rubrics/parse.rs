//! The one place YAML is parsed. serde_yaml is deprecated upstream; swapping
//! the parser means changing this module alone.

use super::error::{Pos, RubricError};
use super::SourceFile;
use serde::de::DeserializeOwned;

/// Parses a file into `T`, turning syntax errors, unknown fields, missing
/// fields and wrong types into an error with the line and column.
pub fn parse<T: DeserializeOwned>(file: &SourceFile) -> Result<T, RubricError> {
    serde_yaml::from_str(&file.text).map_err(|e| {
        let pos = e
            .location()
            .map(|l| Pos {
                line: l.line(),
                column: l.column(),
            })
            .unwrap_or(Pos::START);
        RubricError {
            file: file.display.clone(),
            pos,
            message: without_location(&e.to_string()),
        }
    })
}

/// serde_yaml appends " at line L column C"; the position is already in the
/// prefix, so the message keeps only what is wrong.
fn without_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => message[..i].to_string(),
        _ => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        minutes: u32,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
    }

    fn file(text: &str) -> SourceFile {
        SourceFile {
            display: "rounds.yaml".into(),
            relative: "rounds.yaml".into(),
            text: text.into(),
        }
    }

    fn error_of(text: &str) -> String {
        parse::<Doc>(&file(text)).unwrap_err().to_string()
    }

    #[test]
    fn an_unknown_field_is_reported_with_its_line() {
        let msg = error_of("items:\n  - id: a\n    minutes: 3\n  - id: b\n    minuts: 4\n");
        assert!(msg.starts_with("rounds.yaml:5:"), "{msg}");
        assert!(msg.contains("unknown field `minuts`"), "{msg}");
        assert!(!msg.contains(" at line "), "{msg}");
    }

    #[test]
    fn a_wrong_type_is_reported_with_its_line() {
        let msg = error_of("items:\n  - id: a\n    minutes: soon\n");
        assert!(msg.starts_with("rounds.yaml:3:"), "{msg}");
        assert!(msg.contains("minutes"), "{msg}");
    }

    #[test]
    fn a_missing_field_is_reported_at_its_entry() {
        let msg = error_of("items:\n  - id: a\n");
        assert!(msg.starts_with("rounds.yaml:2:"), "{msg}");
        assert!(msg.contains("missing field `minutes`"), "{msg}");
    }

    #[test]
    fn a_syntax_error_is_reported_with_its_line() {
        let msg = error_of("items:\n  - id: a\n   minutes: [3\n");
        assert!(msg.starts_with("rounds.yaml:"), "{msg}");
        assert!(!msg.starts_with("rounds.yaml:1:1:"), "{msg}");
    }
}
