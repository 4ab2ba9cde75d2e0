//! Importing candidates from a spreadsheet export. All or nothing: a file
//! with any bad row imports no one, and every problem is reported with its
//! real line number at once, so the recruiter fixes the file in one pass and
//! never has to work out which half of it made it in.

use crate::domain::candidate::NewCandidate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

pub const MAX_IMPORT_ROWS: usize = 1000;

/// A problem at one line of the file. `field` is a column name, or `file`
/// or `row` when the problem is not about one cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub line: u64,
    pub field: String,
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, {}: {}", self.line, self.field, self.message)
    }
}

fn row_error(line: u64, field: &str, message: impl Into<String>) -> RowError {
    RowError {
        line,
        field: field.to_string(),
        message: message.into(),
    }
}

const COLUMNS: [&str; 4] = ["name", "email", "phone", "links"];

/// Where each known column sits in the file.
struct Columns {
    name: usize,
    email: usize,
    phone: Option<usize>,
    links: Option<usize>,
    count: usize,
}

fn read_header(header: &csv::StringRecord) -> Result<Columns, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut found: HashMap<&'static str, usize> = HashMap::new();
    for (i, raw) in header.iter().enumerate() {
        let name = raw.trim().to_lowercase();
        match COLUMNS.iter().find(|c| **c == name) {
            Some(column) => {
                if found.insert(column, i).is_some() {
                    errors.push(row_error(
                        1,
                        column,
                        format!("the column `{column}` appears more than once"),
                    ));
                }
            }
            None if name.is_empty() => errors.push(row_error(
                1,
                "file",
                format!(
                    "column {} has no name; the columns are name, email, phone and links",
                    i + 1
                ),
            )),
            None => errors.push(row_error(
                1,
                raw.trim(),
                format!(
                    "unknown column `{}`; the columns are name, email, phone and links",
                    raw.trim()
                ),
            )),
        }
    }
    for required in ["name", "email"] {
        if !found.contains_key(required) {
            errors.push(row_error(
                1,
                required,
                format!("the header row has no `{required}` column"),
            ));
        }
    }
    match (found.get("name"), found.get("email")) {
        (Some(&name), Some(&email)) if errors.is_empty() => Ok(Columns {
            name,
            email,
            phone: found.get("phone").copied(),
            links: found.get("links").copied(),
            count: header.len(),
        }),
        _ => Err(errors),
    }
}

pub fn parse_candidates_csv(text: &str) -> Result<Vec<NewCandidate>, Vec<RowError>> {
    // Spreadsheet programs often start a UTF-8 export with a byte-order mark,
    // which would otherwise become part of the first column's name.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let no_candidates = || vec![row_error(1, "file", "the file has no candidates")];

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        // Rows with the wrong number of cells are reported by us, with the
        // line and the counts, instead of stopping the whole read.
        .flexible(true)
        .from_reader(text.as_bytes());

    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(e) => return Err(vec![csv_error(&e)]),
    };
    if header.iter().all(|h| h.trim().is_empty()) {
        return Err(no_candidates());
    }
    let columns = read_header(&header)?;

    let mut errors = Vec::new();
    let mut candidates = Vec::new();
    let mut first_seen: HashMap<String, u64> = HashMap::new();
    let mut rows = 0;

    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                // The reader cannot resynchronise reliably after a broken
                // record, so later line numbers could be wrong; stop here.
                errors.push(csv_error(&e));
                break;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        // Spreadsheets export trailing rows of empty cells; they are not
        // candidates and not mistakes.
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        rows += 1;
        if rows > MAX_IMPORT_ROWS {
            errors.push(row_error(
                line,
                "file",
                format!(
                    "the file has more than {MAX_IMPORT_ROWS} candidates; import at most {MAX_IMPORT_ROWS} at a time"
                ),
            ));
            break;
        }
        if record.len() != columns.count {
            errors.push(row_error(
                line,
                "row",
                format!(
                    "this row has {} but the header has {}; check for a missing or extra comma or an unclosed quote",
                    cells(record.len()),
                    cells(columns.count)
                ),
            ));
            continue;
        }
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("");
        match NewCandidate::parse(
            cell(Some(columns.name)),
            cell(Some(columns.email)),
            cell(columns.phone),
            cell(columns.links),
        ) {
            Ok(candidate) => {
                let email = candidate.email.as_str().to_string();
                if let Some(first) = first_seen.get(&email) {
                    errors.push(row_error(
                        line,
                        "email",
                        format!("{email} is already on line {first}"),
                    ));
                } else {
                    first_seen.insert(email, line);
                    candidates.push(candidate);
                }
            }
            Err(field_errors) => errors.extend(
                field_errors
                    .into_iter()
                    .map(|e| row_error(line, &e.field, e.message)),
            ),
        }
    }

    if !errors.is_empty() {
        Err(errors)
    } else if candidates.is_empty() {
        Err(no_candidates())
    } else {
        Ok(candidates)
    }
}

fn cells(n: usize) -> String {
    if n == 1 {
        "1 cell".into()
    } else {
        format!("{n} cells")
    }
}

fn csv_error(e: &csv::Error) -> RowError {
    let line = e.position().map_or(0, |p| p.line());
    row_error(
        line,
        "file",
        format!("the file could not be read as CSV: {e}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> Vec<RowError> {
        parse_candidates_csv(text).unwrap_err()
    }

    #[test]
    fn a_good_file_imports_every_row() {
        let text = "\u{feff}Name,EMAIL,Phone,Links\r\n\
            Ada Lovelace,ada@example.com,+44 20 7946 0000,\"https://a.io, https://b.io\"\r\n\
            Grace Hopper,Grace@Example.com,,\r\n\
            ,,,\r\n";
        let candidates = parse_candidates_csv(text).unwrap();
        assert_eq!(candidates.len(), 2);
        assert_eq!(candidates[0].links, vec!["https://a.io", "https://b.io"]);
        assert_eq!(candidates[1].email.as_str(), "grace@example.com");
        assert_eq!(candidates[1].phone, None);
    }

    #[test]
    fn optional_columns_may_be_left_out_and_reordered() {
        let candidates = parse_candidates_csv("email,name\nada@example.com,Ada\n").unwrap();
        assert_eq!(candidates[0].name, "Ada");
        assert!(candidates[0].links.is_empty());
    }

    #[test]
    fn a_quoted_multi_line_field_does_not_shift_line_numbers() {
        let text = "name,email,links\n\
            \"Ada\nLovelace\",ada@example.com,\n\
            Grace,grace@example.com,\"https://a.io\nhttps://b.io\"\n\
            Bad,not-an-email,\n";
        let errors = err(text);
        // Ada's name spans lines 2-3 and is refused for its line break;
        // Grace spans 4-5; the bad email is on line 6.
        assert_eq!(
            errors,
            vec![
                RowError {
                    line: 2,
                    field: "name".into(),
                    message: "the name must be on one line".into(),
                },
                RowError {
                    line: 6,
                    field: "email".into(),
                    message: "`not-an-email` is not an email address: it has no `@`".into(),
                },
            ]
        );
    }

    #[test]
    fn a_duplicate_email_names_the_first_line() {
        let errors = err(
            "name,email\nAda,ada@example.com\nGrace,grace@example.com\nAda L,ADA@example.com\n",
        );
        assert_eq!(
            errors,
            vec![RowError {
                line: 4,
                field: "email".into(),
                message: "ada@example.com is already on line 2".into(),
            }]
        );
    }

    #[test]
    fn unknown_duplicate_and_missing_columns_are_named_on_line_one() {
        let errors = err("Name,Company,name,\nAda,Acme,Ada,\n");
        let summary: Vec<_> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(
            summary,
            vec![(1, "Company"), (1, "name"), (1, "file"), (1, "email")]
        );
        assert!(
            errors[0].message.contains("unknown column `Company`"),
            "{errors:?}"
        );
        assert!(errors[1].message.contains("more than once"), "{errors:?}");
        assert!(
            errors[3].message.contains("no `email` column"),
            "{errors:?}"
        );
    }

    #[test]
    fn empty_files_and_header_only_files_have_no_candidates() {
        for text in ["", "\n\n", "name,email\n", "name,email\n,\n"] {
            let errors = err(text);
            assert_eq!(errors.len(), 1, "{text:?}");
            assert_eq!(errors[0].message, "the file has no candidates", "{text:?}");
        }
    }

    #[test]
    fn every_error_is_collected_and_nothing_is_imported() {
        let text = "name,email,phone\n\
            Ada,ada@example.com,\n\
            ,grace@example.com,letters\n\
            Linus,linus@example.com\n\
            Tim,tim@example,\n";
        let errors = err(text);
        let summary: Vec<_> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(
            summary,
            vec![(3, "name"), (3, "phone"), (4, "row"), (5, "email")]
        );
        assert!(
            errors[2].message.contains("2 cells but the header has 3"),
            "{errors:?}"
        );
    }

    #[test]
    fn at_most_a_thousand_rows() {
        let mut text = String::from("name,email\n");
        for i in 0..MAX_IMPORT_ROWS {
            text.push_str(&format!("Person {i},p{i}@example.com\n"));
        }
        assert_eq!(parse_candidates_csv(&text).unwrap().len(), MAX_IMPORT_ROWS);
        text.push_str("One more,more@example.com\n");
        let errors = err(&text);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 1002);
        assert!(errors[0].message.contains("more than 1000"), "{errors:?}");
    }

    #[test]
    fn an_unclosed_quote_is_reported_not_panicked_on() {
        let errors = err("name,email\n\"Ada,ada@example.com\n");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].field.as_str()), (2, "row"));
        assert!(errors[0].message.contains("1 cell but"), "{errors:?}");
    }
}
