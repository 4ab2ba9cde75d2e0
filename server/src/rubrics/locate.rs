//! Finds where an entry or field sits in a YAML file's text, so checks that
//! run after parsing (references, counts, duplicates) can still report a
//! line and column. It reads the block layout the library uses (`- id: x`
//! items, two-space nesting); where it cannot find a field it falls back to
//! the entry, then to the top of the file, never to no position at all.

use super::error::Pos;

struct Line<'a> {
    number: usize,
    indent: usize,
    /// The line without indentation and without a leading `- `.
    body: &'a str,
    body_column: usize,
}

fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        let rest = &raw[indent..];
        if rest.is_empty() || rest.starts_with('#') {
            return None;
        }
        let (body, offset) = match rest.strip_prefix("- ") {
            Some(b) => (b.trim_start(), rest.len() - b.trim_start().len()),
            None => (rest, 0),
        };
        Some(Line {
            number: i + 1,
            indent,
            body,
            body_column: indent + offset,
        })
    })
}

/// The value of `key: value` on this line, when the line is that key.
fn value_of<'a>(body: &'a str, key: &str) -> Option<&'a str> {
    let rest = body.strip_prefix(key)?.strip_prefix(':')?;
    let value = rest.split(" #").next().unwrap_or("").trim();
    Some(value.trim_matches(|c| c == '"' || c == '\''))
}

/// Every place `id: <id>` is declared, in file order, pointing at the value.
pub fn id_positions(text: &str, id: &str) -> Vec<Pos> {
    lines(text)
        .filter(|l| value_of(l.body, "id") == Some(id))
        .map(|l| {
            let value_offset = l.body.find(id).unwrap_or(0);
            Pos {
                line: l.number,
                column: l.body_column + value_offset + 1,
            }
        })
        .collect()
}

/// Where the field at `path` is, inside the entry with `id` (or from the top
/// of the file when `id` is `None`). Points at the key.
pub fn field_position(text: &str, id: Option<&str>, path: &[&str]) -> Pos {
    let all: Vec<Line> = lines(text).collect();
    // The block being searched: the line that opens it, the column its keys
    // sit at, and whether keys must sit exactly there (an entry's own keys,
    // or the file's top level) or anywhere deeper (under a parent key).
    let (mut open, mut column, mut exact, mut found) = match id {
        Some(id) => match all.iter().position(|l| value_of(l.body, "id") == Some(id)) {
            Some(i) => {
                let at = Pos {
                    line: all[i].number,
                    column: all[i].body_column + 1,
                };
                (i, all[i].body_column, true, at)
            }
            None => return Pos::START,
        },
        None => (0, 0, true, Pos::START),
    };
    for key in path {
        let mut hit = None;
        for (i, line) in all.iter().enumerate().skip(open) {
            let inside = if exact {
                i == open || line.indent >= column
            } else {
                i == open || line.indent > column
            };
            if !inside {
                break;
            }
            let at_level = if exact {
                line.body_column == column
            } else {
                i > open && line.body_column > column
            };
            if at_level && value_of(line.body, key).is_some() {
                hit = Some(i);
                break;
            }
        }
        let Some(i) = hit else { break };
        found = Pos {
            line: all[i].number,
            column: all[i].body_column + 1,
        };
        (open, column, exact) = (i, all[i].body_column, false);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
# a comment with id: nope
questions:
  - id: first
    competency: pipeline
    anchors:
      exceeds: yes
  - id: \"second\"
    competency: unknown-thing
    anchors:
      meets: fine
";

    #[test]
    fn finds_every_declaration_of_an_id() {
        assert_eq!(
            id_positions(TEXT, "first"),
            vec![Pos { line: 3, column: 9 }]
        );
        assert_eq!(
            id_positions(TEXT, "second"),
            vec![Pos {
                line: 7,
                column: 10
            }]
        );
        assert!(id_positions(TEXT, "nope").is_empty());
    }

    #[test]
    fn finds_a_field_inside_the_right_entry() {
        assert_eq!(
            field_position(TEXT, Some("second"), &["competency"]),
            Pos { line: 8, column: 5 }
        );
        assert_eq!(
            field_position(TEXT, Some("second"), &["anchors", "meets"]),
            Pos {
                line: 10,
                column: 7
            }
        );
    }

    #[test]
    fn does_not_run_into_the_next_entry() {
        // `first` has no `meets`; the search stops at the next item and falls
        // back to the deepest key it did find.
        assert_eq!(
            field_position(TEXT, Some("first"), &["anchors", "meets"]),
            Pos { line: 5, column: 5 }
        );
    }

    #[test]
    fn top_level_paths_and_missing_ids_fall_back() {
        assert_eq!(
            field_position(TEXT, None, &["questions"]),
            Pos { line: 2, column: 1 }
        );
        assert_eq!(
            field_position(TEXT, Some("ghost"), &["competency"]),
            Pos::START
        );
    }
}
