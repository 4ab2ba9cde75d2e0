//! Candidates of a requisition: the list with each one's stage, adding
//! one by hand and importing a CSV file (all or nothing, every bad line
//! named).

use crate::domain::candidate::{Source, Stage};
use crate::domain::keys::CandidateId;
use crate::domain::requisition::Candidate;
use crate::error::AppError;

use crate::api::candidates::*;
use crate::api::form_error::LineError;
use crate::service::refusal::Refusal;

pub async fn candidates_view(
    db: &crate::db::Db,
    requisition: &crate::domain::requisition::Requisition,
    reader: chrono_tz::Tz,
) -> Result<CandidatesView, AppError> {
    use crate::access::internal;
    use crate::db::{candidates, screenings};
    let kit = crate::service::kits::frozen_kit(db, requisition).await?;
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
            id: c.id.into(),
            name: c.name,
            email: c.email,
            source: c.source,
            stage: c.stage,
            submitted_at: c.submitted_at,
            created_at: c.created_at,
            repeat: c.repeat_of.is_some(),
        })
        .collect::<Vec<CandidateRow>>();
    let days = crate::domain::zone::days(
        rows.iter().flat_map(|c| {
            c.submitted_at
                .as_deref()
                .into_iter()
                .chain([c.created_at.as_str()])
        }),
        reader,
    );
    Ok(CandidatesView {
        requisition_id: requisition.id.to_string(),
        title: requisition.title.clone(),
        is_open: requisition.is_open(),
        candidates: rows,
        days,
    })
}

/// Candidates join open requisitions only: a draft has no plan yet, so
/// nobody could be screened or interviewed against it.
pub fn require_open(requisition: &crate::domain::requisition::Requisition) -> Result<(), AppError> {
    if requisition.is_open() {
        Ok(())
    } else if requisition.is_closed() {
        Err(AppError::Conflict(
            "This requisition is closed. Reopen it on the requisition's page to add candidates or schedule interviews.".into(),
        ))
    } else {
        Err(AppError::Conflict(
            "This requisition is still a draft. Open it for candidates first, on the requisition's page.".into(),
        ))
    }
}

/// Adds one recruiter-typed candidate, straight to the resume screen.
pub async fn add(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    requisition: &crate::domain::requisition::Requisition,
    new: &crate::domain::candidate::NewCandidate,
) -> Result<Candidate, Refusal> {
    use crate::db::{candidates, DbError};
    require_open(requisition)?;
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
        Err(DbError::Conflict(message)) => {
            return Err(Refusal::Duplicate {
                field: "email",
                message,
            })
        }
        Err(e) => return Err(Refusal::App(crate::access::internal(e))),
    };
    crate::db::audit::note(
        db,
        user,
        crate::db::audit::Action::Changed,
        Some(&requisition.id),
        Some(&id),
        "candidate added",
    )
    .await
    .map_err(|e| Refusal::App(crate::access::internal(e)))?;
    candidates::get(db, &id)
        .await
        .map_err(|e| Refusal::App(crate::access::internal(e)))?
        .ok_or(Refusal::App(AppError::Internal))
}

/// Imports a CSV file into an open requisition in one transaction. The
/// file's own problems and its emails already on the requisition are
/// reported together, by line, so one correction pass is enough.
pub async fn import(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    requisition: &crate::domain::requisition::Requisition,
    text: &str,
) -> Result<Vec<Candidate>, Refusal> {
    use crate::access::internal;
    use crate::db::{candidates, DbError};
    use crate::domain::candidate_import::parse_candidates_csv;
    require_open(requisition)?;
    let existing_emails = |list: Vec<Candidate>| -> std::collections::HashSet<String> {
        list.into_iter().map(|c| c.email).collect()
    };
    let existing = existing_emails(
        candidates::list(db, &requisition.id)
            .await
            .map_err(|e| Refusal::App(internal(e)))?,
    );
    let duplicates = already_candidates(text, &existing);
    let parsed = match parse_candidates_csv(text) {
        Ok(parsed) if duplicates.is_empty() => parsed,
        Ok(_) => return Err(Refusal::Rows(duplicates)),
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
            return Err(Refusal::Rows(all));
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
                    .map_err(|e| Refusal::App(internal(e)))?,
            );
            let rows = already_candidates(text, &now_existing);
            return Err(if rows.is_empty() {
                Refusal::App(AppError::Conflict(message))
            } else {
                Refusal::Rows(rows)
            });
        }
        Err(e) => return Err(Refusal::App(internal(e))),
    };
    crate::db::audit::note_each(
        db,
        user,
        crate::db::audit::Action::Changed,
        &requisition.id,
        &ids,
        "candidate imported from a CSV file",
    )
    .await
    .map_err(|e| Refusal::App(internal(e)))?;
    let mut by_id: std::collections::HashMap<CandidateId, Candidate> =
        candidates::list(db, &requisition.id)
            .await
            .map_err(|e| Refusal::App(internal(e)))?
            .into_iter()
            .map(|c| (c.id.clone(), c))
            .collect();
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// The lines of a CSV file whose email is already a candidate. Reads the
/// file the way the import does (byte-order mark, flexible rows, stop at a
/// broken record), so the line numbers agree with the import's own.
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

/// The first application and its repeats, without this one.
pub async fn other_applications(
    db: &crate::db::Db,
    candidate: &Candidate,
) -> Result<Vec<OtherApplication>, crate::db::DbError> {
    use crate::db::candidates;
    let mut family = match &candidate.repeat_of {
        Some(first) => candidates::get(db, first).await?.into_iter().collect(),
        None => Vec::new(),
    };
    let first_id = candidate.repeat_of.as_ref().unwrap_or(&candidate.id);
    family.extend(candidates::repeats_of(db, first_id).await?);
    Ok(family
        .into_iter()
        .filter(|c| c.id != candidate.id)
        .map(|c| OtherApplication {
            first: c.repeat_of.is_none(),
            candidate_id: c.id.into(),
            created_at: c.created_at,
            stage: c.stage,
        })
        .collect())
}

pub async fn get_candidate(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    id: CandidateId,
) -> Result<CandidateView, AppError> {
    use crate::access::{internal, CandidateAccess};
    use crate::db::{candidate_files, requisitions};
    let (mut candidate, access) = crate::access::candidate(db, user, &id).await?;
    let runs = access == CandidateAccess::Runs;
    crate::db::audit::note_view(
        db,
        user,
        &candidate.requisition_id,
        Some(&candidate.id),
        "the candidate's page",
    )
    .await
    .map_err(internal)?;
    let requisition = requisitions::get(db, &candidate.requisition_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::Internal)?;
    let kit = crate::service::kits::frozen_kit(db, &requisition).await?;
    let mut files: Vec<FileView> = candidate_files::list(db, &candidate.id)
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
        Some(crate::service::screening::screen_view(db, &kit, &candidate).await?)
    } else {
        None
    };
    let panel =
        crate::service::panel::panel_view(db, user, &requisition, &kit, &candidate, runs).await?;
    let other_applications = if runs {
        other_applications(db, &candidate).await.map_err(internal)?
    } else {
        candidate.email = String::new();
        candidate.phone = String::new();
        candidate.stage_reason = String::new();
        candidate.repeat_of = None;
        Vec::new()
    };
    let times = crate::domain::zone::times(
        [candidate.created_at.as_str()]
            .into_iter()
            .chain(candidate.submitted_at.as_deref())
            .chain(other_applications.iter().map(|o| o.created_at.as_str()))
            .chain(
                screen
                    .as_ref()
                    .and_then(|s| s.screening.decided_at.as_deref()),
            ),
        user.zone(),
    );
    Ok(CandidateView {
        candidate,
        runs,
        requisition_id: requisition.id.to_string(),
        requisition_title: requisition.title.clone(),
        files,
        screen,
        panel,
        other_applications,
        times,
        kit_path: format!("/kits/{}/{}", kit.sub_role, kit.level),
    })
}
