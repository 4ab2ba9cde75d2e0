//! Email around the hiring loop: the daily reminders for overdue
//! scorecards, and the answers to "send me my link" requests. Messages are
//! worded in `domain::mail`, queued in the transaction of their event
//! (`db::outbox`) and delivered by the server's mail worker.

use crate::error::AppError;

use crate::api::mail::*;

/// Queues today's reminder for every card that is overdue at `now` and not
/// submitted; a reminder already queued for today is not queued again.
/// Returns how many cards are overdue.
pub async fn queue_reminders(
    db: &crate::db::Db,
    settings: &MailSettings,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<usize, AppError> {
    use crate::access::internal;
    use crate::domain::keys::RequisitionId;
    use crate::domain::mail::{reminder, reminder_number, ReminderNote};
    use std::collections::HashMap;
    // An interview that started less than a day ago cannot be overdue.
    let started_before = crate::db::stamp(now - chrono::Duration::hours(24));
    let cards = crate::db::assignments::unsubmitted_started_before(db, &started_before)
        .await
        .map_err(internal)?;
    let mut jobs: HashMap<RequisitionId, Option<(String, std::sync::Arc<crate::domain::Kit>)>> =
        HashMap::new();
    let mut overdue = 0;
    for card in cards {
        let Ok(starts_at) = chrono::DateTime::parse_from_rfc3339(&card.starts_at) else {
            continue;
        };
        let starts_at = starts_at.with_timezone(&chrono::Utc);
        let Some(number) = reminder_number(starts_at, card.minutes, now) else {
            continue;
        };
        if !jobs.contains_key(&card.requisition_id) {
            let job = match crate::db::requisitions::get(db, &card.requisition_id)
                .await
                .map_err(internal)?
            {
                Some(requisition) => {
                    let kit = crate::service::kits::frozen_kit(db, &requisition).await?;
                    Some((requisition.title, kit))
                }
                None => None,
            };
            jobs.insert(card.requisition_id.clone(), job);
        }
        let Some(Some((title, kit))) = jobs.get(&card.requisition_id) else {
            continue;
        };
        overdue += 1;
        let url = settings.link(&format!("/interviews/{}", card.id));
        let mail = reminder(ReminderNote {
            to: &card.interviewer_email,
            assignment_id: &card.id,
            number,
            candidate: &card.candidate_name,
            job_title: title,
            round: kit.round_name(&card.round),
            starts_at,
            minutes: card.minutes,
            zone: crate::domain::zone::zone_or_utc(&card.interviewer_time_zone),
            interview_url: &url,
        });
        crate::db::outbox::queue(db, &mail)
            .await
            .map_err(internal)?;
    }
    Ok(overdue)
}

/// Answers the "Applied already?" requests waiting (at most `limit`): each
/// address that applied to the job is sent the private links of its
/// applications there, at most once an hour per address and job; an
/// address that did not gets nothing. Returns how many were answered.
pub async fn answer_link_requests(
    db: &crate::db::Db,
    settings: &MailSettings,
    limit: i64,
) -> Result<usize, AppError> {
    use crate::access::internal;
    use crate::db::link_requests;
    let mut answered = 0;
    for request in link_requests::waiting(db, limit).await.map_err(internal)? {
        let title = crate::db::requisitions::get(db, &request.requisition_id)
            .await
            .map_err(internal)?
            .map(|r| r.title)
            .unwrap_or_default();
        let asked_at = chrono::DateTime::parse_from_rfc3339(&request.asked_at)
            .map(|t| t.with_timezone(&chrono::Utc))
            .unwrap_or_else(|_| chrono::Utc::now());
        let taken = link_requests::answer(db, &request, |tokens| {
            let links: Vec<String> = tokens
                .iter()
                .map(|t| {
                    settings.link(&crate::api::apply::application_url(
                        &request.requisition_id,
                        t,
                    ))
                })
                .collect();
            crate::domain::mail::link_recovery(
                &request.email,
                &title,
                &links,
                &request.requisition_id,
                asked_at,
            )
        })
        .await
        .map_err(internal)?;
        answered += usize::from(taken);
    }
    Ok(answered)
}

/// The outbox, for admins.
pub async fn outbox(db: &crate::db::Db) -> Result<OutboxView, AppError> {
    use crate::domain::accounts::Role;
    let admin = crate::auth::require_role(&[Role::Admin])?;
    let sending = settings().sending;
    let [queued, sent, failed] = crate::db::outbox::counts(db)
        .await
        .map_err(crate::access::internal)?;
    let entries = crate::db::outbox::recent(db, OUTBOX_PAGE)
        .await
        .map_err(crate::access::internal)?;
    let times = crate::domain::zone::times(
        entries.iter().flat_map(|e| {
            [e.created_at.as_str(), e.next_attempt_at.as_str()]
                .into_iter()
                .chain(e.sent_at.as_deref())
        }),
        admin.zone(),
    );
    Ok(OutboxView {
        sending,
        queued,
        sent,
        failed,
        entries,
        times,
    })
}
