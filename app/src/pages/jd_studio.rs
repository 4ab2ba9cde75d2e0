//! The JD studio: write the three-line operating outcome first, get the JD,
//! see what the linter finds; or paste an existing JD and lint it.

use crate::api::kits::{list_sub_roles, SubRoleOverview};
use crate::api::requisitions::SaveJd;
use crate::api::studio::{posted_jd, run_studio, StudioQuery, StudioResult};
use crate::components::findings::{FieldErrors, FindingList};
use crate::domain::jd::Cadence;
use crate::domain::{Level, PartnerType};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn JdStudioPage() -> impl IntoView {
    // The studio is for the roles that run requisitions, as `/api/jd` is:
    // anyone else gets a 403 page. Decided on the server before streaming
    // starts (so the status can still be set) and carried to the browser
    // with the page, so hydration renders the same thing.
    if let Some(refusal) = SharedValue::new(studio_refusal).into_inner() {
        crate::pages::set_error_status(&refusal);
        return view! {
            <Title text="JD studio · Alliance Hiring Kit"/>
            <section class="page studio">
                <h1>"JD studio"</h1>
                <p class="error" role="alert">{refusal.to_string()}</p>
            </section>
        }
        .into_any();
    }
    let query_map = use_query_map();
    let query = Memo::new(move |_| {
        query_map.with(|q| {
            let get = |k: &str| q.get(k).filter(|v| !v.is_empty());
            StudioQuery {
                mode: get("mode"),
                sub_role: get("sub_role"),
                level: get("level"),
                partner_name: get("partner_name"),
                partner_type: get("partner_type"),
                amount: get("amount"),
                currency: get("currency"),
                monthly: get("monthly"),
                quarterly: get("quarterly"),
                pairing: get("pairing"),
                company: get("company"),
                location: get("location"),
                reporting_line: get("reporting_line"),
                partner_count: get("partner_count"),
                named_accounts: get("named_accounts"),
                variable_pay_basis: get("variable_pay_basis"),
                extra: get("extra"),
                text: get("text"),
            }
        })
    });
    let sub_roles = Resource::new(|| (), |_| list_sub_roles());
    // A JD posted to /jd/check: read on the server, carried to the browser
    // with the page (hydration uses the server's value), none otherwise.
    let posted_now = posted_jd();
    let posted = Resource::new(
        || (),
        move |_| {
            let text = posted_now.clone();
            async move { text }
        },
    );
    let result = Resource::new(
        move || query.get(),
        move |q| async move {
            match posted.await {
                // The page answering a post has no query of its own.
                Some(text) if q.mode.is_none() => {
                    run_studio(StudioQuery {
                        mode: Some("lint".into()),
                        text: Some(text),
                        ..StudioQuery::default()
                    })
                    .await
                }
                _ => run_studio(q).await,
            }
        },
    );
    view! {
        <Title text="JD studio · Alliance Hiring Kit"/>
        <section class="page studio">
            <h1>"JD studio"</h1>
            <p class="lead">
                "Write the operating outcome before the job description: the partner the role owns, the pipeline it "
                "produces in 12 months, the cadence it runs. The JD is written from it and checked for the mistakes "
                "that make alliance hires fail."
            </p>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let q = query.get_untracked();
                    let profiles = sub_roles.await.unwrap_or_default();
                    view! { <OutcomeForm q profiles/> }.into_any()
                })}
            </Suspense>
            <Suspense fallback=|| view! { <p>"Working…"</p> }>
                {move || Suspend::new(async move {
                    let q = query.get_untracked();
                    match result.await {
                        Ok(StudioResult::Generated(jd)) => view! { <GeneratedView jd q/> }.into_any(),
                        Ok(StudioResult::Linted(findings)) => view! {
                            <section id="lint-result" class="result"><h2>"Findings for the pasted JD"</h2><FindingList findings/></section>
                        }.into_any(),
                        Ok(StudioResult::Invalid(errors)) => view! { <FieldErrors errors/> }.into_any(),
                        Ok(StudioResult::Empty) => ().into_any(),
                        Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let text = posted.await.or_else(|| query.get_untracked().text).unwrap_or_default();
                    view! { <PasteForm text/> }
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

/// Why this person may not use the studio, if they may not (server only;
/// the browser gets the answer with the page).
fn studio_refusal() -> Option<crate::error::AppError> {
    #[cfg(feature = "ssr")]
    {
        crate::auth::require_role(&crate::auth::REQUISITION_ROLES).err()
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

#[component]
fn OutcomeForm(q: StudioQuery, profiles: Vec<SubRoleOverview>) -> impl IntoView {
    let v = |o: &Option<String>| o.clone().unwrap_or_default();
    let chosen_role = q.sub_role.clone().unwrap_or_default();
    let chosen_level = q.level.clone().unwrap_or_else(|| "mid".into());
    let chosen_type = q.partner_type.clone().unwrap_or_default();
    let pairing = q.pairing.clone().unwrap_or_default();
    view! {
        <Form method="GET" action="/jd">
            <input type="hidden" name="mode" value="generate"/>
            <fieldset class="sub-role-choice">
                <legend>"1. Which sub-role does the company need? Choose exactly one."</legend>
                {profiles.into_iter().map(|s| {
                    let id = s.id.id();
                    let p = s.profile;
                    view! {
                        <label class="choice">
                            <input type="radio" name="sub_role" value=id checked=chosen_role == id required=true/>
                            <strong>{p.title}</strong>
                            <span class="muted">{format!(" {} · success: {} · span: {} · {} · OTE {}", p.owns, p.success_metric, p.span, p.seniority, p.ote.band())}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <label>"Level "
                <select name="level">
                    {Level::ALL.into_iter().map(|l| view! { <option value=l.id() selected=chosen_level == l.id()>{l.title()}</option> }).collect_view()}
                </select>
            </label>
            <fieldset>
                <legend>"2. The operating outcome"</legend>
                <label>"Partner the role owns " <input name="partner_name" value=v(&q.partner_name) placeholder="e.g. AWS" required=true/></label>
                <label>"Partner type "
                    <select name="partner_type" required=true>
                        <option value="">"Choose…"</option>
                        {PartnerType::ALL.into_iter().map(|t| view! { <option value=t.id() selected=chosen_type == t.id()>{t.title()}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Joint pipeline in 12 months " <input name="amount" inputmode="decimal" value=v(&q.amount) placeholder="4000000" required=true/></label>
                <label>"Currency " <input name="currency" value=q.currency.clone().unwrap_or_else(|| "USD".into()) size="4" maxlength="3"/></label>
                <div class="cadence">
                    <span>"Cadence "</span>
                    <label><input type="checkbox" name="monthly" value="1" checked=q.monthly.is_some()/>" "{Cadence::MonthlyJointPipelineReview.label()}</label>
                    <label><input type="checkbox" name="quarterly" value="1" checked=q.quarterly.is_some()/>" "{Cadence::QuarterlyExecutiveSponsor.label()}</label>
                    <label>"Deal pairing "
                        <select name="pairing">
                            <option value="none">"None"</option>
                            <option value=Cadence::WeeklyDealPairing.id() selected=pairing == Cadence::WeeklyDealPairing.id()>"Weekly"</option>
                            <option value=Cadence::BiweeklyDealPairing.id() selected=pairing == Cadence::BiweeklyDealPairing.id()>"Biweekly"</option>
                        </select>
                    </label>
                </div>
            </fieldset>
            <details open=q.company.is_some() || q.extra.is_some()>
                <summary>"Optional details"</summary>
                <label>"Company " <input name="company" value=v(&q.company)/></label>
                <label>"Location or remote " <input name="location" value=v(&q.location)/></label>
                <label>"Reporting line " <input name="reporting_line" value=v(&q.reporting_line) placeholder="VP Sales"/></label>
                <label>"Partners in scope " <input name="partner_count" inputmode="numeric" value=v(&q.partner_count)/></label>
                <label>"Named accounts " <input name="named_accounts" inputmode="numeric" value=v(&q.named_accounts)/></label>
                <label>"Variable pay is based on " <input name="variable_pay_basis" value=v(&q.variable_pay_basis) placeholder="partner-sourced revenue"/></label>
                <label class="wide">"Extra responsibilities (Markdown) " <textarea name="extra" rows="3" inner_html=crate::escape::textarea_html(v(&q.extra))></textarea></label>
            </details>
            <button type="submit" class="primary">"Write the JD"</button>
        </Form>
    }
    .into_any()
}

#[component]
fn GeneratedView(jd: crate::api::jd::GeneratedJd, q: StudioQuery) -> impl IntoView {
    let qs = download_query(&q);
    view! {
        <section id="jd-result" class="result">
            <h2>"Your job description"</h2>
            <div class="actions no-print">
                <a class="button" href=format!("/jd/download.md?{qs}") download="job-description.md">"Download .md"</a>
                <a class="button" href=format!("/jd/download.html?{qs}") download="job-description.html">"Download .html"</a>
                <button type="button" data-action="copy" data-copy-from="jd-markdown">"Copy Markdown"</button>
                <button type="button" data-action="print">"Print"</button>
            </div>
            <SaveForm q=q.clone()/>
            <textarea id="jd-markdown" class="visually-hidden" readonly=true aria-hidden="true" inner_html=crate::escape::textarea_html(jd.markdown)></textarea>
            <FindingList findings=jd.findings/>
            <article class="jd-rendered" inner_html=jd.html></article>
        </section>
    }
    .into_any()
}

/// Saves the JD as a requisition draft: the same outcome, posted.
#[component]
fn SaveForm(q: StudioQuery) -> impl IntoView {
    let save = ServerAction::<SaveJd>::new();
    let fields = query_pairs(&q)
        .into_iter()
        .map(|(k, v)| view! { <input type="hidden" name=format!("query[{k}]") value=v/> })
        .collect_view();
    view! {
        <ActionForm action=save attr:class="save-form no-print">
            {fields}
            <button type="submit" class="primary save-jd">"Save as requisition draft"</button>
            {move || save.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
        </ActionForm>
    }
}

#[component]
fn PasteForm(text: String) -> impl IntoView {
    view! {
        // Posted, not a GET: a pasted JD may be 100 KB, too long for a URL.
        // The answer is this page, rendered on the server with the findings.
        <form method="post" action="/jd/check">
            <fieldset class="no-print">
                <legend>"Or check an existing JD"</legend>
                <label class="wide">"Paste the JD (Markdown or plain text)"
                    <textarea name="text" rows="8" inner_html=crate::escape::textarea_html(text)></textarea>
                </label>
                <button type="submit" class="check-jd">"Check this JD"</button>
            </fieldset>
        </form>
    }
}

/// The outcome's fields that are set, as (name, value).
fn query_pairs(q: &StudioQuery) -> Vec<(&'static str, String)> {
    let pairs = [
        ("mode", &q.mode),
        ("sub_role", &q.sub_role),
        ("level", &q.level),
        ("partner_name", &q.partner_name),
        ("partner_type", &q.partner_type),
        ("amount", &q.amount),
        ("currency", &q.currency),
        ("monthly", &q.monthly),
        ("quarterly", &q.quarterly),
        ("pairing", &q.pairing),
        ("company", &q.company),
        ("location", &q.location),
        ("reporting_line", &q.reporting_line),
        ("partner_count", &q.partner_count),
        ("named_accounts", &q.named_accounts),
        ("variable_pay_basis", &q.variable_pay_basis),
        ("extra", &q.extra),
    ];
    pairs
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| (*k, v.clone())))
        .collect()
}

/// The query string that regenerates this JD for the download routes.
fn download_query(q: &StudioQuery) -> String {
    query_pairs(q)
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encodes a query value.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
