//! The outbox, for admins: every message the loop sent or is about to
//! send, and why one did not go.

use crate::api::mail::{outbox, OutboxEntry, OutboxView, RetryMail, OUTBOX_PAGE};
use crate::time_text::Times;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdminOutboxPage() -> impl IntoView {
    let retry = ServerAction::<RetryMail>::new();
    let view = Resource::new(move || retry.version().get(), |_| outbox());
    view! {
        <Title text="Outbox · Alliance Hiring Kit"/>
        <section class="page outbox">
            <h1>"Outbox"</h1>
            <p class="lead">
                "Email the hiring loop sends: interview invites, scorecard reminders, candidates' links and requisition invitations. "
                "A message is written here with the event that causes it, so none is lost when the mail server is down; it is tried again with growing waits."
            </p>
            <Suspense fallback=|| view! { <p>"Loading the outbox…"</p> }>
                {move || Suspend::new(async move {
                    match view.await {
                        Ok(v) => view! { <Outbox v retry/> }.into_any(),
                        Err(e) => crate::pages::load_error(&e),
                    }
                })}
            </Suspense>
            {move || retry.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
        </section>
    }
}

#[component]
fn Outbox(v: OutboxView, retry: ServerAction<RetryMail>) -> impl IntoView {
    let OutboxView {
        sending,
        queued,
        sent,
        failed,
        entries,
        times,
    } = v;
    let shown = entries.len();
    view! {
        {(!sending).then(|| view! {
            <p class="notice" data-mail="not-sending">
                "No mail server is set up, so messages wait here. Start the server with "
                <code>"--smtp-url"</code>" (or "<code>"HIRING_KIT_SMTP_URL"</code>
                ") and they go out, oldest first."
            </p>
        })}
        <p class="outbox-counts">
            <span data-count="queued">{format!("{queued} waiting")}</span>" · "
            <span data-count="sent">{format!("{sent} sent")}</span>" · "
            <span data-count="failed">{format!("{failed} failed")}</span>
        </p>
        {if entries.is_empty() {
            view! { <p class="muted">"No messages yet."</p> }.into_any()
        } else {
            view! {
                <table class="table outbox-table">
                    <thead><tr>
                        <th>"Written"</th><th>"To"</th><th>"Message"</th><th>"Status"</th>
                    </tr></thead>
                    <tbody>
                        {entries.into_iter().map(|e| view! { <Row e times=times.clone() retry/> }).collect_view()}
                    </tbody>
                </table>
                {(i64::try_from(shown).unwrap_or(0) >= OUTBOX_PAGE).then(|| view! {
                    <p class="muted">{format!("The newest {OUTBOX_PAGE} messages are shown.")}</p>
                })}
            }.into_any()
        }}
    }
}

/// What a message's status cell says.
fn status_text(e: &OutboxEntry, times: &Times) -> String {
    match e.status.as_str() {
        "sent" => format!(
            "Sent {}",
            e.sent_at
                .as_deref()
                .map(|at| times.at(at))
                .unwrap_or_default()
        ),
        "failed" => format!(
            "Failed after {} tr{}",
            e.attempts,
            if e.attempts == 1 { "y" } else { "ies" }
        ),
        _ if e.attempts == 0 => "Waiting to be sent".to_string(),
        _ => format!(
            "Waiting: try {} at {}",
            e.attempts + 1,
            times.at(&e.next_attempt_at)
        ),
    }
}

#[component]
fn Row(e: OutboxEntry, times: Times, retry: ServerAction<RetryMail>) -> impl IntoView {
    let status = status_text(&e, &times);
    let failed = e.status == "failed";
    let id = e.id.clone();
    view! {
        <tr data-message=e.id.clone() data-status=e.status.clone()>
            <td>{times.at(&e.created_at)}</td>
            <td>{e.recipient.clone()}</td>
            <td>
                <span class="muted">{e.kind.clone()}</span><br/>
                {e.subject.clone()}
                {e.with_invite.then(|| view! { <span class="muted">" (calendar invite attached)"</span> })}
            </td>
            <td>
                {status}
                {(!e.last_error.is_empty()).then(|| view! {
                    <p class="error outbox-error">{e.last_error.clone()}</p>
                })}
                {failed.then(|| view! {
                    <ActionForm action=retry attr:class="inline">
                        <input type="hidden" name="id" value=id.clone()/>
                        <button type="submit">"Try again"</button>
                    </ActionForm>
                })}
            </td>
        </tr>
    }
}
