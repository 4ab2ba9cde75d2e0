//! The candidate's application behind the public apply pages: the open
//! requisition a link names, the application a candidate's token opens, and
//! what the candidate's own page shows of it (never anything a recruiter
//! wrote about them).

use crate::api::apply::*;
use crate::error::AppError;

pub async fn open_requisition(
    db: &crate::db::Db,
    id: &str,
) -> Result<crate::domain::requisition::Requisition, AppError> {
    match crate::db::requisitions::get(db, id)
        .await
        .map_err(crate::access::internal)?
    {
        Some(r) if r.is_open() => Ok(r),
        _ => Err(AppError::NotFound(NOT_TAKING_APPLICATIONS.into())),
    }
}

/// The application this link opens, or `NotFound`.
pub async fn find_application(
    db: &crate::db::Db,
    requisition_id: &str,
    token: &str,
) -> Result<
    (
        crate::domain::requisition::Requisition,
        crate::domain::requisition::Candidate,
    ),
    AppError,
> {
    let not_found = || AppError::NotFound(NO_SUCH_APPLICATION.into());
    // Tokens are ours (32 hex digits); anything else is not worth a query.
    if token.len() != 32 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(not_found());
    }
    let candidate = crate::db::candidates::by_token(db, requisition_id, token)
        .await
        .map_err(crate::access::internal)?
        .ok_or_else(not_found)?;
    let requisition = crate::db::requisitions::get(db, requisition_id)
        .await
        .map_err(crate::access::internal)?
        .ok_or_else(not_found)?;
    Ok((requisition, candidate))
}

/// Everything the candidate's own page shows, from what is stored. The
/// token is the one that found the candidate (the record does not carry it).
pub async fn application_view(
    db: &crate::db::Db,
    requisition: &crate::domain::requisition::Requisition,
    candidate: &crate::domain::requisition::Candidate,
    token: &str,
) -> Result<ApplicationView, AppError> {
    use crate::domain::application::disqualified;
    use crate::domain::candidate::Stage;

    let kit = crate::service::kits::frozen_kit(db, requisition).await?;
    let files = crate::db::candidate_files::list(db, &candidate.id)
        .await
        .map_err(crate::access::internal)?;
    let file_in = |kind: &str, prompt_id: &str| {
        files
            .iter()
            .find(|f| f.kind == kind && f.prompt_id == prompt_id)
            .map(|f| UploadedFile {
                name: f.original_name.clone(),
                size_bytes: f.size_bytes,
            })
    };
    let state = if disqualified(&candidate.knockouts) {
        ApplicationState::Stopped(
            candidate
                .knockouts
                .iter()
                .filter(|a| a.disqualifies)
                .map(|a| StopReason {
                    question: a.question.clone(),
                    answer: a.answer.clone(),
                    needed: kit
                        .application
                        .knockouts
                        .iter()
                        .find(|k| k.id == a.question_id)
                        .map(|k| {
                            k.answers
                                .iter()
                                .filter(|x| !x.disqualifies)
                                .map(|x| x.label.clone())
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect(),
        )
    } else if candidate.stage == Stage::Applying {
        ApplicationState::InProgress
    } else {
        ApplicationState::Submitted
    };
    Ok(ApplicationView {
        requisition_id: requisition.id.clone(),
        token: token.to_string(),
        title: requisition.title.clone(),
        name: candidate.name.clone(),
        email: candidate.email.clone(),
        state,
        resume: file_in(KIND_RESUME, ""),
        prompts: kit
            .application
            .video_prompts
            .iter()
            .map(|p| PromptStep {
                id: p.id.clone(),
                prompt: p.prompt.clone(),
                seconds: p.response_seconds,
                answer: file_in(KIND_VIDEO, &p.id),
            })
            .collect(),
    })
}
