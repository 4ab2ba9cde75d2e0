//! Email around the hiring loop: where its links point, the admins' view
//! of the outbox, and the daily reminders for overdue scorecards. Messages
//! themselves are worded in `domain::mail`, queued in the transaction of
//! their event (`db::outbox`) and delivered by the server's mail worker.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// How this server sends mail, provided by it as Leptos context.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailSettings {
    /// Where people reach this server (`https://hiring.example`), for the
    /// links in messages: configured, never taken from a request's Host
    /// header, which whoever sends the request chooses.
    pub public_url: String,
    /// Whether an SMTP server is configured; without one, messages wait
    /// in the outbox.
    pub sending: bool,
}

impl MailSettings {
    /// An absolute link to `path` (which starts with `/`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.trim_end_matches('/'))
    }
}

/// The settings of this request's server.
#[cfg(feature = "ssr")]
pub fn settings() -> MailSettings {
    use_context::<MailSettings>().unwrap_or_default()
}

/// One message as the outbox page lists it: never its body, which may
/// hold a candidate's private link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub id: String,
    /// What the message is for, in words.
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    /// queued, sent or failed.
    pub status: String,
    pub attempts: i64,
    pub last_error: String,
    pub created_at: String,
    pub next_attempt_at: String,
    pub sent_at: Option<String>,
    pub with_invite: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxView {
    pub sending: bool,
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
    /// The newest messages, at most [`OUTBOX_PAGE`].
    pub entries: Vec<OutboxEntry>,
    /// Their times on the admin's clocks.
    pub times: crate::time_text::Times,
}

pub const OUTBOX_PAGE: i64 = 200;

/// The outbox, for admins.
#[server(prefix = "/api/fn", endpoint = "outbox", input = GetUrl)]
pub async fn outbox() -> Result<OutboxView, AppError> {
    let db = super::context::db()?;
    crate::service::mail::outbox(&db).await
}

/// Sends a failed message again, with a fresh set of tries.
#[server(prefix = "/api/fn", endpoint = "outbox-retry")]
pub async fn retry_mail(id: String) -> Result<(), AppError> {
    use crate::domain::accounts::Role;
    crate::auth::require_role(&[Role::Admin])?;
    let db = super::context::db()?;
    if crate::db::outbox::retry(&db, &id)
        .await
        .map_err(crate::access::internal)?
    {
        Ok(())
    } else {
        Err(AppError::Conflict(
            "That message is not failed (it may have been sent or queued again already).".into(),
        ))
    }
}
