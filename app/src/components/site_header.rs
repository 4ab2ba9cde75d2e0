//! The header: the brand, the places this person's role uses, who is
//! signed in and the sign-out button. Candidates (not signed in) see only
//! the brand.

use crate::domain::accounts::{CurrentUser, Role};
use leptos::prelude::*;

#[component]
pub fn SiteHeader() -> impl IntoView {
    // Who is signed in is known synchronously on the server (the session
    // was resolved before rendering) and travels to the browser with the
    // page. No resource: an async one here made streamed pages wait on it,
    // and under load a response could stall.
    let me = SharedValue::new(signed_in_user).into_inner();
    view! {
        <header class="site-header no-print">
            <a href="/" class="brand">"Alliance Hiring Kit"</a>
            {me.map(|user| view! { <UserNav user/> })}
        </header>
    }
}

fn signed_in_user() -> Option<CurrentUser> {
    #[cfg(feature = "ssr")]
    {
        crate::auth::current_user()
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// The links each role needs, in the order they use them.
fn links_for(role: Role) -> Vec<(&'static str, &'static str)> {
    let mut links = Vec::new();
    if role != Role::Interviewer {
        links.push(("/requisitions", "Requisitions"));
        links.push(("/jd", "JD studio"));
    }
    links.push(("/interviews", "My interviews"));
    links.push(("/calibration", "Calibration"));
    links.push(("/", "Interview kits"));
    if role == Role::Admin {
        links.push(("/admin/users", "Accounts"));
        links.push(("/admin/outbox", "Outbox"));
        links.push(("/admin/audit", "Audit log"));
    }
    links
}

#[component]
fn UserNav(user: CurrentUser) -> impl IntoView {
    view! {
        <nav aria-label="Main">
            {links_for(user.role)
                .into_iter()
                .map(|(href, label)| view! { <a href=href>{label}</a> })
                .collect_view()}
        </nav>
        <div class="who">
            <a class="signed-in-as" href="/account" data-role=user.role.id() title=user.email.clone()>{user.display_name().to_string()}</a>
            <form method="post" action="/sign-out" class="inline">
                <button type="submit" class="link-button">"Sign out"</button>
            </form>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interviewers_see_their_interviews_not_requisitions() {
        let hrefs = |role| {
            links_for(role)
                .into_iter()
                .map(|(h, _)| h)
                .collect::<Vec<_>>()
        };
        assert!(!hrefs(Role::Interviewer).contains(&"/requisitions"));
        assert!(hrefs(Role::Interviewer).contains(&"/interviews"));
        assert!(hrefs(Role::Recruiter).contains(&"/requisitions"));
        assert!(hrefs(Role::Admin).contains(&"/admin/users"));
        assert!(hrefs(Role::Admin).contains(&"/admin/outbox"));
        assert!(!hrefs(Role::Recruiter).contains(&"/admin/outbox"));
        assert!(!hrefs(Role::HiringManager).contains(&"/admin/users"));
    }
}
