//! The candidate's public application: the job and its knock-out questions,
//! starting an application, and the candidate's own page. Every endpoint
//! here starts with `apply-`, which the sign-in gate leaves public, so each
//! one answers only about the one application its token opens and never
//! with anything a recruiter wrote about the candidate.
//!
//! The uploads and the final submission are plain multipart/form posts
//! handled by the server (`server/src/http/uploads.rs`); this module gives
//! it the lookups and the rules it shares with the page.

use super::form_error::FormError;
use crate::domain::jd::FieldError;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::service::apply::{application_view, find_application};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One knock-out question as the applicant sees it: the answers' labels,
/// never which of them ends the application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnockoutQuestion {
    pub id: String,
    pub question: String,
    pub answers: Vec<String>,
}

/// What the public page of an open job shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyPageView {
    pub requisition_id: String,
    pub title: String,
    /// Sanitised on the server.
    pub jd_html: String,
    pub knockouts: Vec<KnockoutQuestion>,
    /// The response time of each video question, so the page can say what
    /// the application asks before the candidate starts.
    pub video_seconds: Vec<u32>,
}

/// Shown for a draft, an unknown id, or anything else that is not open.
pub const NOT_TAKING_APPLICATIONS: &str = "This job is not taking applications.";

#[server(prefix = "/api/fn", endpoint = "apply-job", input = GetUrl)]
pub async fn apply_job(id: String) -> Result<ApplyPageView, AppError> {
    let id = crate::domain::keys::RequisitionId::from(id);
    crate::service::apply::job_page(&super::context::db()?, &id).await
}

/// What starting an application can lead to besides the redirect to the
/// candidate's own page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApplyOutcome {
    /// The application exists; the browser is sent to this address.
    Started { url: String },
    /// Fields to correct, each with its reason.
    Invalid(Vec<FieldError>),
}

/// Starts an application from the contact details and the knock-out
/// answers (`knockout[<question id>]` = index of the chosen answer), then
/// sends the browser to the candidate's own page (`service::apply::start`
/// says what is kept, and why a repeat is answered like a first).
#[server(prefix = "/api/fn", endpoint = "apply-start")]
pub async fn apply_start(
    id: String,
    #[server(default)] name: String,
    #[server(default)] email: String,
    #[server(default)] phone: String,
    #[server(default)] links: String,
    #[server(default)] knockout: BTreeMap<String, String>,
) -> Result<ApplyOutcome, FormError> {
    let id = crate::domain::keys::RequisitionId::from(id);
    use crate::service::{
        apply::{start, Application},
        refusal::Refusal,
    };
    let db = super::context::db()?;
    let form = Application {
        name: &name,
        email: &email,
        phone: &phone,
        links: &links,
        knockouts: &knockout,
    };
    let typed = [
        ("name", name.as_str()),
        ("email", email.as_str()),
        ("phone", phone.as_str()),
        ("links", links.as_str()),
    ];
    match start(&db, &super::mail::settings(), &id, &form).await {
        Ok(url) => {
            leptos_axum::redirect(&url);
            Ok(ApplyOutcome::Started { url })
        }
        Err(Refusal::Fields(errors)) => refused(errors, &typed),
        Err(refusal) => Err(refusal.into_form(&typed)),
    }
}

/// A candidate who lost the private link to their application asks for it
/// again by email. The answer is the same whether or not anyone applied
/// with that address, so the form tells nobody who applied; the links go
/// only to the address itself, at most once an hour per address and job.
#[server(prefix = "/api/fn", endpoint = "apply-recover")]
pub async fn apply_recover(id: String, #[server(default)] email: String) -> Result<(), FormError> {
    let id = crate::domain::keys::RequisitionId::from(id);
    let db = super::context::db()?;
    crate::service::apply::ask_for_link(&db, &id, &email)
        .await
        .map_err(|refusal| refusal.into_form(&[("email", &email)]))?;
    leptos_axum::redirect(&format!("/apply/{id}?link=sent#lost-link"));
    Ok(())
}

/// What the apply page says once a link has been asked for.
pub const LINK_SENT: &str = "If an application was made with that address for this job, its private link is on its way there. It can take a few minutes; check your spam folder too.";

pub fn application_url(requisition_id: &str, token: &str) -> String {
    format!("/apply/{requisition_id}/{token}")
}

/// The problems by field. The page's script reads them from the answer; a
/// plain form post (no JavaScript) is redirected back to the page with the
/// error in its address, so there they come as an error, with what was
/// typed, and the page shows each one beside its field all the same.
#[cfg(feature = "ssr")]
fn refused(errors: Vec<FieldError>, typed: &[(&str, &str)]) -> Result<ApplyOutcome, FormError> {
    let plain_form_post = use_context::<http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    });
    if plain_form_post {
        Err(FormError::fields(errors, typed))
    } else {
        Ok(ApplyOutcome::Invalid(errors))
    }
}

/// An uploaded file as its owner sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedFile {
    pub name: String,
    pub size_bytes: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromptStep {
    pub id: String,
    pub prompt: String,
    pub seconds: u32,
    pub answer: Option<UploadedFile>,
}

/// A knock-out answer that ended the application, with what the role needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StopReason {
    pub question: String,
    pub answer: String,
    /// The answers that would have continued the application.
    pub needed: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApplicationState {
    InProgress,
    Stopped(Vec<StopReason>),
    Submitted,
}

impl ApplicationState {
    pub fn id(&self) -> &'static str {
        match self {
            ApplicationState::InProgress => "in-progress",
            ApplicationState::Stopped(_) => "stopped",
            ApplicationState::Submitted => "submitted",
        }
    }
}

/// The candidate's own page: only their application, nothing a recruiter
/// decided or wrote (a candidate screened out later still sees "submitted").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationView {
    pub requisition_id: String,
    pub token: String,
    pub title: String,
    pub name: String,
    pub email: String,
    pub state: ApplicationState,
    pub resume: Option<UploadedFile>,
    pub prompts: Vec<PromptStep>,
}

impl ApplicationView {
    pub fn url(&self) -> String {
        application_url(&self.requisition_id, &self.token)
    }

    /// The steps still to do before the application can be submitted, in
    /// the words the page uses for them.
    pub fn missing(&self) -> Vec<String> {
        let mut missing = Vec::new();
        if self.resume.is_none() {
            missing.push("your resume".to_string());
        }
        let total = self.prompts.len();
        for (i, p) in self.prompts.iter().enumerate() {
            if p.answer.is_none() {
                missing.push(format!(
                    "your answer to video question {} of {total}",
                    i + 1
                ));
            }
        }
        missing
    }

    /// 1-based position of a video prompt, for messages.
    pub fn prompt_number(&self, id: &str) -> Option<usize> {
        self.prompts.iter().position(|p| p.id == id).map(|i| i + 1)
    }
}

#[server(prefix = "/api/fn", endpoint = "apply-status", input = GetUrl)]
pub async fn apply_status(id: String, token: String) -> Result<ApplicationView, AppError> {
    let id = crate::domain::keys::RequisitionId::from(id);
    let db = super::context::db()?;
    let (requisition, candidate) = find_application(&db, &id, &token).await?;
    application_view(&db, &requisition, &candidate, &token).await
}

/// What an address that opens no application shows.
pub const NO_SUCH_APPLICATION: &str =
    "This address does not open an application. Check that the link is complete, or start again from the job's \
     page; if you applied before and lost your link, applying again is fine: the recruiter sees both.";

pub const KIND_RESUME: &str = "resume";
pub const KIND_VIDEO: &str = "video";

/// Why an upload or the submission was refused: the server sends the
/// browser back with `?error=<code>` (and `&prompt=<id>` for a video), and
/// the page words it. Codes rather than text, so a link cannot make the
/// page say something we did not write.
pub mod problem {
    pub const RESUME_MISSING: &str = "resume-missing";
    pub const RESUME_EMPTY: &str = "resume-empty";
    pub const RESUME_TOO_LARGE: &str = "resume-too-large";
    pub const RESUME_TYPE: &str = "resume-type";
    pub const VIDEO_MISSING: &str = "video-missing";
    pub const VIDEO_EMPTY: &str = "video-empty";
    pub const VIDEO_TOO_LARGE: &str = "video-too-large";
    pub const VIDEO_TYPE: &str = "video-type";
    /// The request body was over the upload limit before any file was read.
    pub const TOO_LARGE: &str = "too-large";
    /// The upload was cut off or was not a file upload.
    pub const UPLOAD_FAILED: &str = "upload-failed";
    /// Submitted with steps still to do; the page lists them.
    pub const INCOMPLETE: &str = "incomplete";
    /// Already submitted or stopped: nothing can change.
    pub const CLOSED: &str = "closed";
    pub const SERVER: &str = "server";
}
