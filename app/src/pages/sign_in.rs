//! The sign-in page. A plain form posting to the server (`POST /sign-in`),
//! so it works before and without the browser bundle; the server answers
//! with a redirect to where the person was going, or back here with what
//! went wrong.

use crate::api::accounts::{first_run_note, FirstRun};
use crate::domain::accounts::safe_next;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn problem_message(code: &str) -> Option<String> {
    if code == "credentials" {
        return Some("That email and password do not match an active account.".into());
    }
    if let Some(seconds) = code.strip_prefix("wait-") {
        let wait = seconds
            .parse::<i64>()
            .map(wait_words)
            .unwrap_or_else(|_| "a few minutes".into());
        return Some(format!(
            "Too many failed sign-ins for this email. If this is your account, try again in {wait}."
        ));
    }
    (!code.is_empty()).then(|| "The server could not sign you in. Try again in a moment.".into())
}

/// "45 seconds", "1 minute", "15 minutes": minutes rounded up, so the
/// person never comes back too early.
fn wait_words(seconds: i64) -> String {
    match seconds {
        ..=1 => "1 second".into(),
        2..=59 => format!("{seconds} seconds"),
        _ => match (seconds + 59) / 60 {
            1 => "1 minute".into(),
            minutes => format!("{minutes} minutes"),
        },
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let get = move |key: &str| query.with_untracked(|q| q.get(key).unwrap_or_default());
    let problem = problem_message(&get("error"));
    let signed_out = get("signed_out") == "1";
    let email = get("email");
    // Only a path on this site is carried to the form (and on to the redirect).
    let next = safe_next(&get("next")).to_string();
    view! {
        <Title text="Sign in · Alliance Hiring Kit"/>
        <section class="page narrow sign-in">
            <h1>"Sign in"</h1>
            {signed_out.then(|| view! { <p class="ok" role="status">"You are signed out."</p> })}
            {problem.map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <form method="post" action="/sign-in" class="stack">
                <input type="hidden" name="next" value=next/>
                <input type="hidden" name="time_zone" value="" data-browser-time-zone=""/>
                <label>"Email"
                    <input type="email" name="email" required autocomplete="username" value=email autofocus=true/>
                </label>
                <label>"Password"
                    <input type="password" name="password" required autocomplete="current-password"/>
                </label>
                <button type="submit" class="primary">"Sign in"</button>
            </form>
            <p class="muted">
                "Accounts are created by an admin. Candidates do not need one: they apply through the link the recruiter shares."
            </p>
            <FirstRunNotice/>
        </section>
    }
}

/// On a new installation, where the first admin comes from.
#[component]
fn FirstRunNotice() -> impl IntoView {
    let first_run = Resource::new(|| (), |_| first_run_note());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                first_run.await.ok().flatten().map(|hint| view! {
                    <aside class="first-run" id="first-run">
                        <h2>"Setting up a new installation"</h2>
                        {match hint {
                            FirstRun::NoAccounts => view! {
                                <p>"No one can sign in yet: this installation has no accounts. Whoever runs the server makes the first admin with "<code>"hiring-kit user add --role admin"</code>". The server printed the exact command, with the data folder or database it uses, when it started."</p>
                            }.into_any(),
                            FirstRun::FirstAdminFile(file) => view! {
                                <p>"The first admin's email and password are in "<code>{file}</code>" on the machine that runs the server (written by "<code>"scripts/run"</code>"). Sign in with them, then add your team at "<a href="/admin/users">"Accounts"</a>"; this note goes once there is a second account."</p>
                            }.into_any(),
                        }}
                    </aside>
                })
            })}
        </Suspense>
    }
}

#[cfg(test)]
mod tests {
    use super::problem_message;

    #[test]
    fn each_problem_has_its_own_message() {
        assert!(problem_message("credentials")
            .unwrap()
            .contains("do not match"));
        assert!(problem_message("wait-30")
            .unwrap()
            .contains("try again in 30 seconds"));
        assert!(problem_message("wait-900")
            .unwrap()
            .contains("try again in 15 minutes"));
        assert!(problem_message("wait-61").unwrap().contains("2 minutes"));
        assert!(problem_message("wait-60").unwrap().contains("1 minute."));
        assert!(problem_message("wait-x").unwrap().contains("a few minutes"));
        assert!(problem_message("server").unwrap().contains("could not"));
        assert_eq!(problem_message(""), None);
    }
}
