//! Candidates of a requisition as the people who run it work with them: the
//! list with each one's stage, adding one by hand, importing a CSV file, and
//! one candidate's page.
//!
//! Refused input comes back as a [`FormError`] (see `form_error`).

use super::form_error::FormError;
use crate::domain::candidate::{Source, Stage};
use crate::domain::requisition::{Candidate, CandidateFile};
use crate::domain::screening::ScreenSummary;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::service::candidates::{add, candidates_view, import};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// The import's row limit, for the page (the import module is server-only).
pub const MAX_IMPORT_ROWS: usize = 1000;

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
    /// The days the list shows (submitted, added), on the reader's clocks.
    pub days: crate::time_text::Times,
}

#[server(prefix = "/api/fn", endpoint = "candidates", input = GetUrl)]
pub async fn list_candidates(requisition_id: String) -> Result<CandidatesView, AppError> {
    let requisition_id = crate::domain::keys::RequisitionId::from(requisition_id);
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let requisition = crate::access::requisition(&db, &user, &requisition_id).await?;
    crate::db::audit::note_view(&db, &user, &requisition.id, None, CANDIDATE_LIST)
        .await
        .map_err(crate::access::internal)?;
    candidates_view(&db, &requisition, user.zone()).await
}

/// The candidate list as the audit log names it.
pub const CANDIDATE_LIST: &str = "the candidate list";

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
    let requisition_id = crate::domain::keys::RequisitionId::from(requisition_id);
    use crate::domain::candidate::NewCandidate;
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let requisition = crate::access::requisition(&db, &user, &requisition_id).await?;
    let values = [
        ("name", name.as_str()),
        ("email", email.as_str()),
        ("phone", phone.as_str()),
        ("links", links.as_str()),
    ];
    let new = NewCandidate::parse(&name, &email, &phone, &links)
        .map_err(|errors| FormError::fields(errors, &values))?;
    match add(&db, &user, &requisition, &new).await {
        Ok(candidate) => {
            leptos_axum::redirect(&format!(
                "/requisitions/{}/candidates?added={}",
                requisition.id, candidate.id
            ));
            Ok(())
        }
        Err(refused) => Err(refused.into_form(&values)),
    }
}

/// Imports pasted CSV text: everyone in it, or no one.
#[server(prefix = "/api/fn", endpoint = "import-candidates")]
pub async fn import_candidates(requisition_id: String, text: String) -> Result<(), FormError> {
    let requisition_id = crate::domain::keys::RequisitionId::from(requisition_id);
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let requisition = crate::access::requisition(&db, &user, &requisition_id).await?;
    match import(&db, &user, &requisition, &text).await {
        Ok(imported) => {
            leptos_axum::redirect(&format!(
                "/requisitions/{}/candidates?imported={}",
                requisition.id,
                imported.len()
            ));
            Ok(())
        }
        Err(refused) => Err(refused.into_form(&[("text", text.as_str())])),
    }
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
    /// The times the page shows, on the reader's clocks.
    pub times: crate::time_text::Times,
    /// The requisition's kit page (its reference checks, for the people
    /// running it).
    pub kit_path: String,
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
    let id = crate::domain::keys::CandidateId::from(id);
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    crate::service::candidates::get_candidate(&db, &user, id).await
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn the_page_states_the_import_limit_the_import_applies() {
        assert_eq!(
            MAX_IMPORT_ROWS,
            crate::domain::candidate_import::MAX_IMPORT_ROWS
        );
    }
}
