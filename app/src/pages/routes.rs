//! The pages as lazy routes, in a few groups: the browser downloads the
//! main module (Leptos, the router, the site header) and then the WASM
//! chunk of the group the page in view belongs to, instead of the whole
//! application on the first visit. The server renders the same pages whole
//! and names the chunks a page needs in its `<head>`, so the browser fetches
//! them beside the main module.
//!
//! Why groups and not a chunk per page: tools/bundle puts the code
//! that several splits share into a module per combination of splits, so
//! twenty page splits made over six hundred small modules: a page needed
//! up to three hundred requests (each a round trip on a slow connection),
//! and together they weighed nearly twice the unsplit bundle. Five groups,
//! made by who uses the pages together, make about thirty modules, of which
//! a page needs eleven to sixteen, all named in its preload links. The
//! sign-in page is a group of its own: it is everyone's first page. (Four
//! groups loaded the sign-in page half a second sooner on emulated Fast 3G
//! but sent 970 KB to a requisition's page; six sent that page fewer bytes
//! in more files and it took longer.)

use leptos::lazy;
use leptos::prelude::*;
use leptos_router::LazyRoute;

use super::*;

/// Marks `<body data-hydrated="true">` once the page in view has hydrated:
/// an effect runs only in the browser, after the view it belongs to is
/// live. People and the browser tests tell a live page by it.
#[component]
pub fn HydratedMark() -> impl IntoView {
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}

/// A page with the mark that tells when it is live.
fn page<V: IntoView + 'static>(view: impl FnOnce() -> V) -> AnyView {
    (HydratedMark(), untrack(view)).into_any()
}

/// The sign-in page, on its own: it is the first page anyone on the staff
/// opens (every other page asks them to sign in), so it comes with the
/// least code.
#[lazy]
fn sign_in_page() -> AnyView {
    page(sign_in::SignInPage)
}

/// Where people land once signed in: the kit browser, the lists of
/// requisitions and interviews, one's account, and the admin pages.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Entry {
    Home,
    Requisitions,
    Interviews,
    Account,
    AdminUsers,
    AdminAudit,
    AdminOutbox,
}

#[lazy]
fn entry_pages(which: Entry) -> AnyView {
    match which {
        Entry::Home => page(home::HomePage),
        Entry::Requisitions => page(requisitions::RequisitionsPage),
        Entry::Interviews => page(interviews::InterviewsPage),
        Entry::Account => page(account::AccountPage),
        Entry::AdminUsers => page(admin_users::AdminUsersPage),
        Entry::AdminAudit => page(admin_audit::AdminAuditPage),
        Entry::AdminOutbox => page(admin_outbox::AdminOutboxPage),
    }
}

/// Running a requisition: its page, the JD studio, its candidates and the
/// panel board.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Hiring {
    Requisition,
    JdStudio,
    Candidates,
    Candidate,
    Board,
    CandidateBoard,
}

#[lazy]
fn hiring_pages(which: Hiring) -> AnyView {
    match which {
        Hiring::Requisition => page(requisition::RequisitionPage),
        Hiring::JdStudio => page(jd_studio::JdStudioPage),
        Hiring::Candidates => page(candidates::CandidatesPage),
        Hiring::Candidate => page(candidate::CandidatePage),
        Hiring::Board => page(board::BoardPage),
        Hiring::CandidateBoard => page(candidate_board::CandidateBoardPage),
    }
}

/// Interviewing: the scorecard, the actor's brief, calibration, and the
/// kit an interviewer prepares from.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Interviewing {
    Interview,
    ActorBrief,
    Calibration,
    Kit,
}

#[lazy]
fn interviewing_pages(which: Interviewing) -> AnyView {
    match which {
        Interviewing::Interview => page(interviews::InterviewPage),
        Interviewing::ActorBrief => page(actor_brief::ActorBriefPage),
        Interviewing::Calibration => page(calibration::CalibrationPage),
        Interviewing::Kit => page(kit::KitPage),
    }
}

/// The candidate's pages. They are served without the bundle (plain forms,
/// see `shell`), so browsers never fetch this group; it is a group of its
/// own so no staff page carries their code.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Candidate {
    Apply,
    Application,
}

#[lazy]
fn candidate_pages(which: Candidate) -> AnyView {
    match which {
        Candidate::Apply => page(apply::ApplyPage),
        Candidate::Application => page(apply::ApplicationPage),
    }
}

/// `routes! { group / preload { Route => Which::Page; ... } ... }`: route
/// types whose view is one page of a lazily loaded group. The data half is
/// empty: each page starts its own loading, as it did before it was split.
/// `preload` (made by `#[lazy]`, in the browser only) fetches the group's
/// chunk: the router awaits it before hydrating the page, so the page
/// hydrates the server's HTML instead of drawing a second copy beside it.
macro_rules! routes {
    ($($group:ident / $preload:ident { $($route:ident => $($which:expr)?;)* })*) => {$($(
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                $group($($which)?).await
            }

            async fn preload() {
                #[cfg(target_arch = "wasm32")]
                $preload().await;
            }
        }
    )*)*};
}

routes! {
    sign_in_page / __preload_sign_in_page {
        SignInRoute => ;
    }
    entry_pages / __preload_entry_pages {
        HomeRoute => Entry::Home;
        RequisitionsRoute => Entry::Requisitions;
        InterviewsRoute => Entry::Interviews;
        AccountRoute => Entry::Account;
        AdminUsersRoute => Entry::AdminUsers;
        AdminAuditRoute => Entry::AdminAudit;
        AdminOutboxRoute => Entry::AdminOutbox;
    }
    hiring_pages / __preload_hiring_pages {
        RequisitionRoute => Hiring::Requisition;
        JdStudioRoute => Hiring::JdStudio;
        CandidatesRoute => Hiring::Candidates;
        CandidateRoute => Hiring::Candidate;
        BoardRoute => Hiring::Board;
        CandidateBoardRoute => Hiring::CandidateBoard;
    }
    interviewing_pages / __preload_interviewing_pages {
        InterviewRoute => Interviewing::Interview;
        ActorBriefRoute => Interviewing::ActorBrief;
        CalibrationRoute => Interviewing::Calibration;
        KitRoute => Interviewing::Kit;
    }
    candidate_pages / __preload_candidate_pages {
        ApplyRoute => Candidate::Apply;
        ApplicationRoute => Candidate::Application;
    }
}
