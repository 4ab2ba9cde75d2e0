//! The mail worker: queues the day's scorecard reminders (every few
//! minutes, not every round), answers "Applied already?" requests, then
//! sends what is due in the outbox through the configured SMTP server (lettre), with
//! retries and backoff. Every server instance may run one; the outbox's
//! leases (`app::db::outbox`) keep two from sending the same message.

use app::api::mail::MailSettings;
use app::db::outbox::{self, Outgoing};
use app::db::Db;
use app::domain::mail::{calendar_method, retry_after};
use chrono::{DateTime, Utc};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// How long a taken message stays with its worker: longer than any send
/// can take (the SMTP timeout below), so a lease only runs out when its
/// holder stopped.
const LEASE: chrono::Duration = chrono::Duration::minutes(10);
const SMTP_TIMEOUT: Duration = Duration::from_secs(60);
/// Messages sent per round; the rest wait for the next round.
const BATCH: i64 = 50;
/// How often the overdue scorecards are looked for. A reminder is due once
/// a day per card, so a few minutes late costs nothing, and the scan reads
/// every unsubmitted card of every open requisition.
const REMINDER_SCAN: chrono::Duration = chrono::Duration::minutes(5);

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("--smtp-url is not an SMTP server address ({0}); write smtp://host:port, smtp://user:password@host:587?tls=required or smtps://user:password@host:465")]
    SmtpUrl(String),
    #[error("--mail-from `{0}` is not an email address (write hiring@example.com or \"Hiring <hiring@example.com>\")")]
    From(String),
    #[error("--public-url `{0}` must be an http:// or https:// address, such as https://hiring.example.com")]
    PublicUrl(String),
    #[error("{0}")]
    Db(#[from] app::db::DbError),
    #[error("{0}")]
    App(#[from] app::error::AppError),
}

/// The base of every link in a message: `--public-url`, or the address the
/// server listens on.
pub fn public_url(
    configured: Option<&str>,
    addr: std::net::SocketAddr,
) -> Result<String, MailError> {
    match configured.map(str::trim) {
        None | Some("") => Ok(format!("http://{addr}")),
        Some(url)
            if (url.starts_with("http://") || url.starts_with("https://"))
                && !url.chars().any(|c| c.is_whitespace() || c.is_control()) =>
        {
            Ok(url.trim_end_matches('/').to_string())
        }
        Some(url) => Err(MailError::PublicUrl(url.to_string())),
    }
}

/// What one round did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Round {
    /// Cards overdue (each has today's reminder queued); 0 in a round that
    /// did not look (see `REMINDER_SCAN`).
    pub overdue: usize,
    /// "Applied already?" requests answered.
    pub link_requests: usize,
    pub sent: usize,
    /// Tries that failed (the message waits for another, or failed for good).
    pub failed: usize,
}

pub struct Worker {
    db: Db,
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Mailbox,
    settings: MailSettings,
    /// This worker's name on the leases it takes.
    holder: String,
    /// The right-hand side of Message-IDs.
    id_domain: String,
    /// When this worker last looked for overdue scorecards.
    last_scan: std::sync::Mutex<Option<DateTime<Utc>>>,
}

impl Worker {
    /// A worker for `smtp_url` (none: messages are queued, not sent).
    pub fn new(
        db: Db,
        smtp_url: Option<&str>,
        from: &str,
        settings: MailSettings,
    ) -> Result<Worker, MailError> {
        let transport = match smtp_url {
            None => None,
            Some(url) => Some(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    // The error can quote the URL, password included.
                    .map_err(|_| MailError::SmtpUrl(redacted(url)))?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build(),
            ),
        };
        let from: Mailbox = from
            .parse()
            .map_err(|_| MailError::From(from.to_string()))?;
        let id_domain = settings
            .public_url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', ':']).next())
            .filter(|host| !host.is_empty())
            .unwrap_or("alliance-hiring-kit.invalid")
            .to_string();
        Ok(Worker {
            db,
            transport,
            from,
            settings,
            holder: app::db::new_id(),
            id_domain,
            last_scan: std::sync::Mutex::new(None),
        })
    }

    /// Queues the reminders due at `now` (when the last scan is
    /// `REMINDER_SCAN` old), answers link requests, then sends what is due.
    pub async fn run_once(&self, now: DateTime<Utc>) -> Result<Round, MailError> {
        let mut round = Round::default();
        if self.scan_due(now) {
            round.overdue =
                app::service::mail::queue_reminders(&self.db, &self.settings, now).await?;
        }
        round.link_requests =
            app::service::mail::answer_link_requests(&self.db, &self.settings, BATCH).await?;
        let Some(transport) = &self.transport else {
            return Ok(round);
        };
        for out in outbox::claim(&self.db, &self.holder, now, now + LEASE, BATCH).await? {
            match self.send(transport, &out).await {
                Ok(()) => {
                    outbox::mark_sent(&self.db, &out.id, &self.holder).await?;
                    round.sent += 1;
                }
                Err(failure) => {
                    let retry_at = (!failure.permanent)
                        .then(|| retry_after(out.attempts + 1))
                        .flatten()
                        .map(|wait| now + wait);
                    tracing::warn!(
                        message = %out.id,
                        error = %failure.reason,
                        retry_at = ?retry_at,
                        "a message was not sent"
                    );
                    outbox::mark_failed(&self.db, &out.id, &self.holder, &failure.reason, retry_at)
                        .await?;
                    round.failed += 1;
                }
            }
        }
        Ok(round)
    }

    /// Whether to look for overdue cards at `now`, noting the look. A
    /// clock that went back (or a test's earlier `now`) looks again.
    fn scan_due(&self, now: DateTime<Utc>) -> bool {
        let mut last = self
            .last_scan
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let due = match *last {
            Some(at) => now - at >= REMINDER_SCAN || now < at,
            None => true,
        };
        if due {
            *last = Some(now);
        }
        due
    }

    async fn send(
        &self,
        transport: &AsyncSmtpTransport<Tokio1Executor>,
        out: &Outgoing,
    ) -> Result<(), Failure> {
        let message = message(&self.from, out, &self.id_domain).map_err(|reason| Failure {
            reason,
            permanent: true,
        })?;
        transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| Failure {
                reason: format!("the mail server did not take it: {e}"),
                permanent: e.is_permanent(),
            })
    }

    /// Runs a round every `every`, for as long as the server runs.
    pub fn spawn(self, every: Duration) {
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(every);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                if let Err(e) = self.run_once(Utc::now()).await {
                    tracing::error!(error = %e, "the mail worker's round failed");
                }
            }
        });
    }
}

struct Failure {
    reason: String,
    /// The server refused it for good (an SMTP 5xx), or it can never be
    /// built: trying again would fail the same way.
    permanent: bool,
}

/// `smtp://user:secret@host` without the credentials, for messages.
fn redacted(url: &str) -> String {
    match (url.split_once("://"), url.rfind('@')) {
        (Some((scheme, _)), Some(at)) => format!("{scheme}://…@{}", &url[at + 1..]),
        _ => url.to_string(),
    }
}

/// The MIME message for an outbox entry: plain text, and the calendar
/// invite attached as `text/calendar` with its iTIP method. The Message-ID
/// comes from the outbox id, so a message sent twice (a worker that died
/// between the server's answer and marking it sent) is one message to
/// the mail clients that notice.
pub fn message(from: &Mailbox, out: &Outgoing, id_domain: &str) -> Result<Message, String> {
    let to: Mailbox = out
        .recipient
        .parse()
        .map_err(|e| format!("`{}` is not an address mail can go to: {e}", out.recipient))?;
    let builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(out.subject.clone())
        .message_id(Some(format!("<{}@{id_domain}>", out.id)))
        .date_now();
    let text = SinglePart::plain(out.body.clone());
    let built = match &out.calendar {
        None => builder.singlepart(text),
        Some(ics) => {
            let method: String = calendar_method(ics)
                .unwrap_or("PUBLISH")
                .chars()
                .filter(char::is_ascii_alphabetic)
                .collect();
            let kind =
                ContentType::parse(&format!("text/calendar; method={method}; charset=utf-8"))
                    .map_err(|e| e.to_string())?;
            builder.multipart(
                MultiPart::mixed()
                    .singlepart(text)
                    .singlepart(Attachment::new("invite.ics".to_string()).body(ics.clone(), kind)),
            )
        }
    };
    built.map_err(|e| format!("the message could not be written: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outgoing(calendar: Option<&str>) -> Outgoing {
        Outgoing {
            id: "m1".into(),
            recipient: "ivan@example.com".into(),
            subject: "Interview: Simulation with Ada Lovelace".into(),
            body: "Hello,\n\nSee you there.\n".into(),
            calendar: calendar.map(str::to_string),
            attempts: 0,
        }
    }

    fn from() -> Mailbox {
        "Hiring <hiring@example.com>".parse().unwrap()
    }

    #[test]
    fn a_plain_message_carries_its_id_and_text() {
        let text = String::from_utf8(
            message(&from(), &outgoing(None), "hire.example")
                .unwrap()
                .formatted(),
        )
        .unwrap();
        assert!(text.contains("Message-ID: <m1@hire.example>"), "{text}");
        assert!(text.contains("To: ivan@example.com"), "{text}");
        assert!(text.contains("See you there."), "{text}");
        assert!(!text.contains("multipart"), "{text}");
    }

    #[test]
    fn an_invite_is_attached_with_its_method() {
        let ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
        let text = String::from_utf8(
            message(&from(), &outgoing(Some(ics)), "hire.example")
                .unwrap()
                .formatted(),
        )
        .unwrap();
        assert!(text.contains("multipart/mixed"), "{text}");
        assert!(text.contains("text/calendar; method=REQUEST"), "{text}");
        assert!(text.contains("filename=\"invite.ics\""), "{text}");
    }

    #[test]
    fn a_bad_recipient_is_a_reason_not_a_panic() {
        let mut out = outgoing(None);
        out.recipient = "not an address".into();
        let reason = message(&from(), &out, "x").unwrap_err();
        assert!(reason.contains("not an address"), "{reason}");
    }

    #[test]
    fn the_public_url_is_checked() {
        let addr = "127.0.0.1:3000".parse().unwrap();
        assert_eq!(public_url(None, addr).unwrap(), "http://127.0.0.1:3000");
        assert_eq!(
            public_url(Some("https://hire.example/"), addr).unwrap(),
            "https://hire.example"
        );
        assert!(public_url(Some("hire.example"), addr).is_err());
        assert!(public_url(Some("https://a b"), addr).is_err());
    }

    #[test]
    fn credentials_never_reach_a_message() {
        assert_eq!(
            redacted("smtps://me:s3cret@smtp.example.com:465"),
            "smtps://…@smtp.example.com:465"
        );
    }
}
