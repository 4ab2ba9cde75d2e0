//! Candidates' data rights: erasing a candidate's personal data on request
//! or after the retention period, and the audit log admins read.

use crate::api::form_error::FormError;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// One line of the audit log as admins read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: String,
    /// Who did it ('' for the retention job).
    pub actor_email: String,
    /// viewed, exported, changed or erased.
    pub action: String,
    pub requisition_id: Option<String>,
    pub candidate_id: Option<String>,
    pub detail: String,
}

/// The newest entries, with their times on the admin's clocks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    pub entries: Vec<AuditEntry>,
    pub times: crate::time_text::Times,
}

pub const AUDIT_PAGE: i64 = 500;

/// The word a recruiter types to confirm an erasure, which cannot be undone.
pub const ERASE_CONFIRMATION: &str = "ERASE";

/// Erases a candidate's personal data at their request: their details,
/// files, the notes written about them and the messages to them. Ratings
/// stay for the statistics. Only the people running the requisition may,
/// and they type [`ERASE_CONFIRMATION`] to confirm.
#[server(prefix = "/api/fn", endpoint = "erase-candidate")]
pub async fn erase_candidate(
    id: String,
    #[server(default)] confirm: String,
) -> Result<(), FormError> {
    let id = crate::domain::keys::CandidateId::from(id);
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let to = crate::service::data_rights::erase_candidate(&db, &user, id, confirm).await?;
    leptos_axum::redirect(&to);
    Ok(())
}

/// The audit log, newest first, for admins.
#[server(prefix = "/api/fn", endpoint = "audit-log", input = GetUrl)]
pub async fn audit_log() -> Result<AuditView, AppError> {
    use crate::domain::accounts::Role;
    let admin = crate::auth::require_role(&[Role::Admin])?;
    let db = super::context::db()?;
    let entries = crate::db::audit::recent(&db, AUDIT_PAGE)
        .await
        .map_err(crate::access::internal)?;
    let times = crate::domain::zone::times(entries.iter().map(|e| e.at.as_str()), admin.zone());
    Ok(AuditView { entries, times })
}
