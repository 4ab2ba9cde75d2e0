//! Candidates of a requisition as the people who run it work with them: the
//! list with each one's stage, adding one by hand, importing a CSV file, and
//! one candidate's page.
//!
//! Form server functions here and in `screening` and `panel` answer refused
//! input with a [`FormError`] that carries what was typed. Without
//! JavaScript the browser posts the form and is redirected back with the
//! error in the URL (Leptos' form redirects), so the page can show every
//! message beside its field and the values as they were typed.

use crate::domain::candidate::{Source, Stage};
use crate::domain::jd::FieldError;
use crate::domain::requisition::{Candidate, CandidateFile};
use crate::domain::screening::ScreenSummary;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, JsonEncoding};
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A problem at one line of an imported file (the browser's copy of the
/// import's row error, which is server-only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineError {
    pub line: u64,
    pub field: String,
    pub message: String,
}

/// The import's row limit, for the page (the import module is server-only).
pub const MAX_IMPORT_ROWS: usize = 1000;

/// At most this many line errors travel back to the page: a file that is
/// wrong on every line needs the pattern fixed, not a thousand messages.
pub const MAX_LISTED_LINE_ERRORS: usize = 100;
/// A pasted or uploaded file is handed back to the form for correction only
/// up to this size, since without JavaScript it travels in the URL.
pub const MAX_KEPT_TEXT_BYTES: usize = 24 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum FormError {
    /// Fields that were refused, and what was typed in every field.
    #[error("{}", describe_fields(.errors))]
    Fields {
        errors: Vec<FieldError>,
        values: BTreeMap<String, String>,
    },
    /// An import refused by line. `more` counts the errors not listed;
    /// `text` is the file to correct, when it was small enough to keep.
    #[error("nothing was imported: the file has {} problems", .rows.len() + .more)]
    Rows {
        rows: Vec<LineError>,
        more: usize,
        text: Option<String>,
    },
    /// The plan changed since the editor read it, so the edit was not
    /// applied. `values` is the edit as sent, to apply again; `plan` is the
    /// plan as it is now, at `plan.version`.
    #[error("{message}")]
    StalePlan {
        message: String,
        values: BTreeMap<String, String>,
        plan: Box<super::requisitions::PlanView>,
    },
    /// A scorecard changed since the writer read it (another tab or device
    /// saved first), so nothing was saved. `values` is what was sent and
    /// `card` the card as stored now: the page shows the stored text
    /// beside the typed one from this answer alone. A plain form post
    /// gets `Fields` with the message under the version field instead
    /// (its answer travels in the address, and the page it returns to
    /// reads the stored card anyway).
    #[error("{message}")]
    StaleCard {
        message: String,
        values: BTreeMap<String, String>,
        card: Box<super::scorecards::ScorecardView>,
    },
    #[error(transparent)]
    App(#[from] AppError),
}

impl FormError {
    /// The HTTP status this error stands for.
    pub fn status_code(&self) -> u16 {
        match self {
            FormError::Fields { .. } | FormError::Rows { .. } => 422,
            FormError::StalePlan { .. } | FormError::StaleCard { .. } => 409,
            FormError::App(e) => e.status_code(),
        }
    }
}

fn describe_fields(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("; ")
}

impl FromServerFnError for FormError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        FormError::App(AppError::from_server_fn_error(value))
    }

    fn ser(&self) -> leptos::server_fn::Bytes {
        crate::error::encode_with_status(self, self.status_code())
    }
}

impl FormError {
    pub fn fields(errors: Vec<FieldError>, values: &[(&str, &str)]) -> FormError {
        FormError::Fields {
            errors,
            values: values
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// One refused field.
    pub fn field(field: &str, message: impl Into<String>, values: &[(&str, &str)]) -> FormError {
        FormError::fields(
            vec![FieldError {
                field: field.to_string(),
                message: message.into(),
            }],
            values,
        )
    }

    /// The messages about one field (a stale scorecard's message is about
    /// its version field).
    pub fn messages_for(&self, field: &str) -> Vec<String> {
        match self {
            FormError::Fields { errors, .. } => errors
                .iter()
                .filter(|e| e.field == field)
                .map(|e| e.message.clone())
                .collect(),
            FormError::StaleCard { message, .. } if field == super::scorecard_form::STALE_FIELD => {
                vec![message.clone()]
            }
            _ => Vec::new(),
        }
    }

    /// Every field as it was sent, when the form was refused.
    pub fn values(&self) -> Option<&BTreeMap<String, String>> {
        match self {
            FormError::Fields { values, .. }
            | FormError::StalePlan { values, .. }
            | FormError::StaleCard { values, .. } => Some(values),
            _ => None,
        }
    }

    /// What was typed in a field, when the form was refused.
    pub fn value(&self, name: &str) -> Option<String> {
        self.values().and_then(|values| values.get(name).cloned())
    }

    /// A line-error list from the import's errors: capped, with the text to
    /// correct when it is small enough to hand back.
    pub fn rows(mut rows: Vec<LineError>, text: &str) -> FormError {
        let more = rows.len().saturating_sub(MAX_LISTED_LINE_ERRORS);
        rows.truncate(MAX_LISTED_LINE_ERRORS);
        FormError::Rows {
            rows,
            more,
            text: (text.len() <= MAX_KEPT_TEXT_BYTES).then(|| text.to_string()),
        }
    }
}

/// A stored time (RFC 3339, UTC) as people read it: `2026-03-09 14:30 UTC`.
pub fn utc_minutes(stored: &str) -> String {
    match (stored.get(..10), stored.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time} UTC"),
        _ => stored.to_string(),
    }
}

/// The date part of a stored time.
pub fn utc_date(stored: &str) -> String {
    stored.get(..10).unwrap_or(stored).to_string()
}

/// One line of the candidate list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub source: Source,
    pub stage: Stage,
    pub submitted_at: Option<String>,
    pub created_at: String,
    /// The resume screen so far; `None` before anyone saved one.
    pub screen: Option<ScreenSummary>,
    /// This person applied before with the same email (see the candidate
    /// page for both applications).
    #[serde(default)]
    pub repeat: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidatesView {
    pub requisition_id: String,
    pub title: String,
    pub is_open: bool,
    pub candidates: Vec<CandidateRow>,
}

#[server(prefix = "/api/fn", endpoint = "candidates", input = GetUrl)]
pub async fn list_candidates(requisition_id: String) -> Result<CandidatesView, AppError> {
    let user = crate::auth::require_user()?;
    let db = super::requisitions::db()?;
    let requisition = crate::access::requisition(&db, &user, &requisition_id).await?;
    candidates_view(&db, &requisition).await
}

#[cfg(feature = "ssr")]
pub async fn candidates_view(
    db: &crate::db::Db,
    requisition: &crate::domain::requisition::Requisition,
) -> Result<CandidatesView, AppError> {
    use crate::access::internal;
    use crate::db::{candidates, screenings};
    let kit = super::requisitions::frozen_kit(db, requisition).await?;
    let screens = screenings::for_requisition(db, &requisition.id)
        .await
        .map_err(internal)?;
    let rows = candidates::list(db, &requisition.id)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|c| CandidateRow {
            screen: screens
                .get(&c.id)
                .map(|s| crate::domain::screening::screen_summary(&kit, &s.ratings)),
            id: c.id,
            name: c.name,
            email: c.email,
            source: c.source,
            stage: c.stage,
            submitted_at: c.submitted_at,
            created_at: c.created_at,
            repeat: c.repeat_of.is_some(),
        })
        .collect();
    Ok(CandidatesView {
        requisition_id: requisition.id.clone(),
        title: requisition.title.clone(),
        is_open: requisition.is_open(),
        candidates: rows,
    })
}

/// Adds one candidate typed in by a recruiter, then shows the list with
/// them in it.
#[server(prefix = "/api/fn", endpoint = "add-candidate")]
pub async fn add_candidate(
    requisition_id: String,
    name: String,
    email: String,
    #[server(default)] phone: String,
    #[server(default)] links: String,
) -> Result<(), FormError> {
    use crate::domain::candidate::NewCandidate;
    let user = crate::auth::require_user()?;
    let db = super::requisitions::db()?;
    let requisition = crate::access::requisition(&db, &user, &requisition_id).await?;
    let values = [
        ("name", name.as_str()),
        ("email", email.as_str()),
        ("phone", phone.as_str()),
        ("links", links.as_str()),
    ];
    let new = NewCandidate::parse(&name, &email, &phone, &links)
        .map_err(|errors| FormError::fields(errors, &values))?;
    match add(&db, &requisition, &new).await {
        Ok(candidate) => {
            leptos_axum::redirect(&format!(
                "/requisitions/{}/candidates?added={}",
                requisition.id, candidate.id
            ));
            Ok(())
        }
        Err(AddError::Duplicate(message)) => Err(FormError::field("email", message, &values)),
        Err(AddError::App(e)) => Err(e.into()),
    }
}

/// Imports pasted CSV text: everyone in it, or no one.
#[server(prefix = "/api/fn", endpoint = "import-candidates")]
pub async fn import_candidates(requisition_id: String, text: String) -> Result<(), FormError> {
    let user = crate::auth::require_user()?;
    let db = super::requisitions::db()?;
    let requisition = crate::access::requisition(&db, &user, &requisition_id).await?;
    match import(&db, &requisition, &text).await {
        Ok(imported) => {
            leptos_axum::redirect(&format!(
                "/requisitions/{}/candidates?imported={}",
                requisition.id,
                imported.len()
            ));
            Ok(())
        }
        Err(ImportError::Rows(rows)) => Err(FormError::rows(rows, &text)),
        Err(ImportError::App(e)) => Err(e.into()),
    }
}

/// Candidates join open requisitions only: a draft has no plan yet, so
/// nobody could be screened or interviewed against it.
#[cfg(feature = "ssr")]
pub fn require_open(requisition: &crate::domain::requisition::Requisition) -> Result<(), AppError> {
    if requisition.is_open() {
        Ok(())
    } else {
        Err(AppError::Conflict(
            "This requisition is still a draft. Open it for candidates first, on the requisition's page.".into(),
        ))
    }
}

#[cfg(feature = "ssr")]
pub enum AddError {
    /// The email is already a candidate on this requisition.
    Duplicate(String),
    App(AppError),
}

/// Adds one recruiter-typed candidate, straight to the resume screen.
#[cfg(feature = "ssr")]
pub async fn add(
    db: &crate::db::Db,
    requisition: &crate::domain::requisition::Requisition,
    new: &crate::domain::candidate::NewCandidate,
) -> Result<Candidate, AddError> {
    use crate::db::{candidates, DbError};
    require_open(requisition).map_err(AddError::App)?;
    let insert = candidates::Insert {
        requisition_id: &requisition.id,
        candidate: new,
        source: Source::Added,
        stage: Stage::Screening,
        application_token: None,
        knockouts: &[],
        repeat_of: None,
    };
    let id = match candidates::create(db, &insert).await {
        Ok(id) => id,
        Err(DbError::Conflict(message)) => return Err(AddError::Duplicate(message)),
        Err(e) => return Err(AddError::App(crate::access::internal(e))),
    };
    candidates::get(db, &id)
        .await
        .map_err(|e| AddError::App(crate::access::internal(e)))?
        .ok_or(AddError::App(AppError::Internal))
}

#[cfg(feature = "ssr")]
pub enum ImportError {
    /// Every problem, by line; nothing was imported.
    Rows(Vec<LineError>),
    App(AppError),
}

/// Imports a CSV file into an open requisition in one transaction. The
/// file's own problems and its emails already on the requisition are
/// reported together, by line, so one correction pass is enough.
#[cfg(feature = "ssr")]
pub async fn import(
    db: &crate::db::Db,
    requisition: &crate::domain::requisition::Requisition,
    text: &str,
) -> Result<Vec<Candidate>, ImportError> {
    use crate::access::internal;
    use crate::db::{candidates, DbError};
    use crate::domain::candidate_import::parse_candidates_csv;
    require_open(requisition).map_err(ImportError::App)?;
    let existing_emails = |list: Vec<Candidate>| -> std::collections::HashSet<String> {
        list.into_iter().map(|c| c.email).collect()
    };
    let existing = existing_emails(
        candidates::list(db, &requisition.id)
            .await
            .map_err(|e| ImportError::App(internal(e)))?,
    );
    let duplicates = already_candidates(text, &existing);
    let parsed = match parse_candidates_csv(text) {
        Ok(parsed) if duplicates.is_empty() => parsed,
        Ok(_) => return Err(ImportError::Rows(duplicates)),
        Err(rows) => {
            let mut all: Vec<LineError> = rows
                .into_iter()
                .map(|r| LineError {
                    line: r.line,
                    field: r.field,
                    message: r.message,
                })
                .chain(duplicates)
                .collect();
            all.sort_by_key(|e| e.line);
            return Err(ImportError::Rows(all));
        }
    };
    let ids = match candidates::create_all(db, &requisition.id, &parsed, Source::Imported).await {
        Ok(ids) => ids,
        Err(DbError::Conflict(message)) => {
            // Someone added one of these people between the check and the
            // insert; the transaction rolled back, so name the lines now.
            let now_existing = existing_emails(
                candidates::list(db, &requisition.id)
                    .await
                    .map_err(|e| ImportError::App(internal(e)))?,
            );
            let rows = already_candidates(text, &now_existing);
            return Err(if rows.is_empty() {
                ImportError::App(AppError::Conflict(message))
            } else {
                ImportError::Rows(rows)
            });
        }
        Err(e) => return Err(ImportError::App(internal(e))),
    };
    let mut by_id: std::collections::HashMap<String, Candidate> =
        candidates::list(db, &requisition.id)
            .await
            .map_err(|e| ImportError::App(internal(e)))?
            .into_iter()
            .map(|c| (c.id.clone(), c))
            .collect();
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// The lines of a CSV file whose email is already a candidate. Reads the
/// file the way the import does (byte-order mark, flexible rows, stop at a
/// broken record), so the line numbers agree with the import's own.
#[cfg(feature = "ssr")]
fn already_candidates(text: &str, existing: &std::collections::HashSet<String>) -> Vec<LineError> {
    use crate::domain::accounts::Email;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let Ok(header) = reader.headers().cloned() else {
        return Vec::new();
    };
    let Some(column) = header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("email"))
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for record in reader.records() {
        let Ok(record) = record else { break };
        let Some(email) = record.get(column).and_then(|cell| Email::parse(cell).ok()) else {
            continue;
        };
        if existing.contains(email.as_str()) {
            found.push(LineError {
                line: record.position().map_or(0, |p| p.line()),
                field: "email".into(),
                message: format!(
                    "{} is already a candidate on this requisition",
                    email.as_str()
                ),
            });
        }
    }
    found
}

/// An uploaded resume or video answer, as the candidate page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileView {
    pub file: CandidateFile,
    /// "Resume", or the video prompt the file answers.
    pub label: String,
    pub is_video: bool,
}

/// One candidate's page. People who run the requisition get everything;
/// an interviewer gets the application and their own interviews only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CandidateView {
    /// Contact details, stage and reason are blanked for interviewers: they
    /// judge the interview, not the screen.
    pub candidate: Candidate,
    pub runs: bool,
    pub requisition_id: String,
    pub requisition_title: String,
    pub files: Vec<FileView>,
    pub screen: Option<super::screening::ScreenView>,
    pub panel: super::panel::PanelView,
    /// The other applications with this email for this job (the first one
    /// and any repeats), oldest first; empty for interviewers.
    pub other_applications: Vec<OtherApplication>,
}

/// Another application from the same email for the same job.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherApplication {
    pub candidate_id: String,
    pub created_at: String,
    pub stage: Stage,
    /// The first application, which the others repeat.
    pub first: bool,
}

#[server(prefix = "/api/fn", endpoint = "candidate", input = GetUrl)]
pub async fn get_candidate(id: String) -> Result<CandidateView, AppError> {
    use crate::access::{internal, CandidateAccess};
    use crate::db::{candidate_files, requisitions};
    let user = crate::auth::require_user()?;
    let db = super::requisitions::db()?;
    let (mut candidate, access) = crate::access::candidate(&db, &user, &id).await?;
    let runs = access == CandidateAccess::Runs;
    let requisition = requisitions::get(&db, &candidate.requisition_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::Internal)?;
    let kit = super::requisitions::frozen_kit(&db, &requisition).await?;
    let mut files: Vec<FileView> = candidate_files::list(&db, &candidate.id)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|file| FileView {
            label: if file.kind == "video" {
                kit.application
                    .video_prompts
                    .iter()
                    .find(|p| p.id == file.prompt_id)
                    .map(|p| p.prompt.clone())
                    .unwrap_or_else(|| "Video answer".into())
            } else {
                "Resume".into()
            },
            is_video: file.kind == "video",
            file,
        })
        .collect();
    // The resume, then the video answers in the kit's question order (an
    // answer to a prompt no longer in the kit last).
    let position = |f: &FileView| {
        let prompt = kit
            .application
            .video_prompts
            .iter()
            .position(|p| p.id == f.file.prompt_id)
            .unwrap_or(usize::MAX);
        (f.is_video, prompt)
    };
    files.sort_by_key(position);
    let screen = if runs {
        Some(super::screening::screen_view(&db, &kit, &candidate).await?)
    } else {
        None
    };
    let panel = super::panel::panel_view(&db, &user, &requisition, &kit, &candidate, runs).await?;
    let other_applications = if runs {
        other_applications(&db, &candidate)
            .await
            .map_err(internal)?
    } else {
        candidate.email = String::new();
        candidate.phone = String::new();
        candidate.stage_reason = String::new();
        candidate.repeat_of = None;
        Vec::new()
    };
    Ok(CandidateView {
        candidate,
        runs,
        requisition_id: requisition.id.clone(),
        requisition_title: requisition.title.clone(),
        files,
        screen,
        panel,
        other_applications,
    })
}

/// The first application and its repeats, without this one.
#[cfg(feature = "ssr")]
async fn other_applications(
    db: &crate::db::Db,
    candidate: &Candidate,
) -> Result<Vec<OtherApplication>, crate::db::DbError> {
    use crate::db::candidates;
    let mut family = match &candidate.repeat_of {
        Some(first) => candidates::get(db, first).await?.into_iter().collect(),
        None => Vec::new(),
    };
    let first_id = candidate.repeat_of.as_deref().unwrap_or(&candidate.id);
    family.extend(candidates::repeats_of(db, first_id).await?);
    Ok(family
        .into_iter()
        .filter(|c| c.id != candidate.id)
        .map(|c| OtherApplication {
            first: c.repeat_of.is_none(),
            candidate_id: c.id,
            created_at: c.created_at,
            stage: c.stage,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn the_page_states_the_import_limit_the_import_applies() {
        assert_eq!(
            MAX_IMPORT_ROWS,
            crate::domain::candidate_import::MAX_IMPORT_ROWS
        );
    }

    #[test]
    fn stored_times_read_as_utc_minutes() {
        assert_eq!(
            utc_minutes("2026-03-09T14:30:00.000Z"),
            "2026-03-09 14:30 UTC"
        );
        assert_eq!(utc_date("2026-03-09T14:30:00.000Z"), "2026-03-09");
        assert_eq!(utc_minutes("soon"), "soon");
    }

    #[test]
    fn a_long_error_list_is_capped_and_a_long_text_not_kept() {
        let rows: Vec<LineError> = (0..150)
            .map(|i| LineError {
                line: i + 2,
                field: "email".into(),
                message: "bad".into(),
            })
            .collect();
        match FormError::rows(rows.clone(), "name,email\n") {
            FormError::Rows { rows, more, text } => {
                assert_eq!(rows.len(), MAX_LISTED_LINE_ERRORS);
                assert_eq!(more, 50);
                assert_eq!(text.as_deref(), Some("name,email\n"));
            }
            other => panic!("{other:?}"),
        }
        let long = "x".repeat(MAX_KEPT_TEXT_BYTES + 1);
        assert!(matches!(
            FormError::rows(rows, &long),
            FormError::Rows { text: None, .. }
        ));
    }

    #[test]
    fn field_errors_keep_values_and_group_by_field() {
        let e = FormError::fields(
            vec![
                FieldError {
                    field: "email".into(),
                    message: "one".into(),
                },
                FieldError {
                    field: "email".into(),
                    message: "two".into(),
                },
            ],
            &[("email", "ada@"), ("name", "Ada")],
        );
        assert_eq!(e.messages_for("email"), vec!["one", "two"]);
        assert!(e.messages_for("name").is_empty());
        assert_eq!(e.value("name").as_deref(), Some("Ada"));
        assert!(e.to_string().contains("email: one"));
    }
}
