//! The candidate's application behind the public apply pages: the open
//! job a link names, starting an application, the application a
//! candidate's token opens, and what the candidate's own page shows of it
//! (never anything a recruiter wrote about them).

use crate::api::apply::*;
use crate::domain::keys::RequisitionId;
use crate::error::AppError;
use crate::service::refusal::Refusal;
use std::collections::BTreeMap;

/// The public page of an open job: its description, the knock-out
/// questions without which answers end the application, and how long each
/// video answer may run.
pub async fn job_page(db: &crate::db::Db, id: &RequisitionId) -> Result<ApplyPageView, AppError> {
    let requisition = open_requisition(db, id).await?;
    let kit = crate::service::kits::frozen_kit(db, &requisition).await?;
    Ok(ApplyPageView {
        jd_html: crate::markdown::to_safe_html(&requisition.jd_markdown),
        requisition_id: requisition.id.into(),
        title: requisition.title,
        knockouts: kit
            .application
            .knockouts
            .iter()
            .map(|k| KnockoutQuestion {
                id: k.id.clone(),
                question: k.question.clone(),
                answers: k.answers.iter().map(|a| a.label.clone()).collect(),
            })
            .collect(),
        video_seconds: kit
            .application
            .video_prompts
            .iter()
            .map(|p| p.response_seconds)
            .collect(),
    })
}

/// What a candidate sends to start an application, as typed.
pub struct Application<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
    pub links: &'a str,
    /// Question id to the index of the chosen answer, as sent.
    pub knockouts: &'a BTreeMap<String, String>,
}

/// Creates the candidate from an application to the open job `id`, queues
/// the confirmation with its private link, and answers with the address of
/// the candidate's own page. Every problem with the fields comes back at
/// once (`Refusal::Fields`). A disqualifying answer still creates the
/// candidate, stopped, so the answers are kept.
///
/// An email that already applied gets exactly the same answer: a new
/// application of its own, kept as a repeat of the first one, which the
/// recruiter sees beside it. Saying "already applied", or sending a repeat
/// anywhere different, would let anyone find out who applied where by
/// trying addresses.
pub async fn start(
    db: &crate::db::Db,
    mail: &crate::api::mail::MailSettings,
    id: &RequisitionId,
    form: &Application<'_>,
) -> Result<String, Refusal> {
    use crate::db::candidates;
    use crate::domain::application::{answer_knockouts, disqualified};
    use crate::domain::candidate::{NewCandidate, Source, Stage};

    let requisition = open_requisition(db, id).await?;
    let kit = crate::service::kits::frozen_kit(db, &requisition).await?;
    let contact = NewCandidate::parse(form.name, form.email, form.phone, form.links);
    let answers = answer_knockouts(&kit.application.knockouts, form.knockouts);
    let (candidate, answers) = match (contact, answers) {
        (Ok(c), Ok(a)) => (c, a),
        (contact, answers) => {
            let mut errors = contact.err().unwrap_or_default();
            errors.extend(answers.err().unwrap_or_default());
            return Err(Refusal::Fields(errors));
        }
    };

    let token = crate::db::new_id();
    let stage = if disqualified(&answers) {
        Stage::KnockedOut
    } else {
        Stage::Applying
    };
    let insert = candidates::Insert {
        requisition_id: &requisition.id,
        candidate: &candidate,
        source: Source::Applied,
        stage,
        application_token: Some(&token),
        knockouts: &answers,
        repeat_of: None,
    };
    let url = application_url(&requisition.id, &token);
    let confirmation = crate::domain::mail::application_started(
        candidate.email.as_str(),
        &candidate.name,
        &requisition.title,
        &mail.link(&url),
    );
    candidates::create_application(db, &insert, &confirmation)
        .await
        .map_err(crate::access::internal)?;
    Ok(url)
}

pub async fn open_requisition(
    db: &crate::db::Db,
    id: &RequisitionId,
) -> Result<crate::domain::requisition::Requisition, AppError> {
    match crate::db::requisitions::get(db, id)
        .await
        .map_err(crate::access::internal)?
    {
        Some(r) if r.is_open() => Ok(r),
        _ => Err(AppError::NotFound(NOT_TAKING_APPLICATIONS.into())),
    }
}

/// Asks for the private links of the applications made with `email` to
/// the open job `id`; the mail worker looks the address up and sends them
/// (`service::mail::answer_link_requests`), so the answer is the same
/// whether or not anyone applied with it.
pub async fn ask_for_link(
    db: &crate::db::Db,
    id: &RequisitionId,
    email: &str,
) -> Result<(), Refusal> {
    let requisition = open_requisition(db, id).await?;
    let address = crate::domain::accounts::Email::parse(email).map_err(|e| {
        Refusal::Fields(vec![crate::domain::jd::FieldError {
            field: "email".into(),
            message: format!("email: {e}"),
        }])
    })?;
    crate::db::link_requests::ask(db, &requisition.id, address.as_str())
        .await
        .map_err(crate::access::internal)?;
    Ok(())
}

/// The application this link opens, or `NotFound`.
pub async fn find_application(
    db: &crate::db::Db,
    requisition_id: &RequisitionId,
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
        requisition_id: requisition.id.to_string(),
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
