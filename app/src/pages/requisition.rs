//! A requisition: the outcome and frozen kit, opening it for candidates,
//! the interview plan (adjustable until interviews start, with competency
//! coverage), the application link to share, and who is on it.

mod plan_editor;

use crate::api::calibration::RequireCalibration;
use crate::api::requisitions::{
    get_requisition, AddMember, CloseRequisition, EditPlan, OpenRequisition, RemoveMember,
    ReopenRequisition, RequisitionView,
};
use crate::domain::jd::outcome::format_money;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use plan_editor::PlanEditor;

#[component]
pub fn RequisitionPage() -> impl IntoView {
    let params = use_params_map();
    let open = ServerAction::<OpenRequisition>::new();
    let edit = ServerAction::<EditPlan>::new();
    let member = ServerAction::<AddMember>::new();
    let actions = Actions {
        close: ServerAction::<CloseRequisition>::new(),
        reopen: ServerAction::<ReopenRequisition>::new(),
        remove: ServerAction::<RemoveMember>::new(),
        calibration: ServerAction::<RequireCalibration>::new(),
    };
    let view_data = Resource::new(
        move || {
            (
                params.with(|p| p.get("id").unwrap_or_default()),
                open.version().get(),
                edit.version().get(),
                member.version().get(),
                (
                    actions.close.version().get(),
                    actions.reopen.version().get(),
                    actions.remove.version().get(),
                    actions.calibration.version().get(),
                ),
            )
        },
        |(id, ..)| get_requisition(id),
    );
    view! {
        <Suspense fallback=|| view! { <p class="page">"Loading the requisition…"</p> }>
            {move || Suspend::new(async move {
                match view_data.await {
                    Ok(v) => view! { <RequisitionView v open edit member actions/> }.into_any(),
                    Err(error) => crate::pages::unavailable("This requisition is not available", &error),
                }
            })}
        </Suspense>
    }
}

/// Closing, reopening and taking people off the requisition.
#[derive(Clone, Copy)]
struct Actions {
    close: ServerAction<CloseRequisition>,
    reopen: ServerAction<ReopenRequisition>,
    remove: ServerAction<RemoveMember>,
    calibration: ServerAction<RequireCalibration>,
}

#[component]
fn RequisitionView(
    v: RequisitionView,
    open: ServerAction<OpenRequisition>,
    edit: ServerAction<EditPlan>,
    member: ServerAction<AddMember>,
    actions: Actions,
) -> impl IntoView {
    let d = v.requisition.clone();
    let o = d.outcome.clone();
    let kit = format!("/kits/{}/{}", o.sub_role, o.level);
    let cadences: Vec<&str> = o.cadences.iter().map(|c| c.label()).collect();
    let id = d.id.to_string();
    let open_id = d.id.to_string();
    let plan_id = d.id.to_string();
    let members_id = d.id.to_string();
    view! {
        <Title text=crate::escape::page_title(format!("{} · Requisition", d.title))/>
        <article class="page requisition" data-requisition=d.id.to_string() data-status=d.status.clone()>
            <p class="eyebrow">"Requisition · "<span class="status">{d.status.clone()}</span></p>
            <h1>{d.title.clone()}</h1>
            <dl class="facts wide">
                <dt>"Partner"</dt><dd>{o.partner_name.clone()}" ("{o.partner_type.title()}")"</dd>
                <dt>"Pipeline in 12 months"</dt><dd>{format_money(o.pipeline_amount, &o.pipeline_currency)}</dd>
                <dt>"Cadence"</dt><dd>{cadences.join(", ")}</dd>
                <dt>"Interview kit"</dt><dd><a href=kit>{v.kit_title.clone()}</a>" · rubric version "<code class="rubric-version">{d.rubric_version.clone()}</code>" (frozen for this hire)"</dd>
                <dt>"Saved"</dt><dd>{v.days.at(&d.created_at)}</dd>
            </dl>
            {if d.is_open() {
                view! {
                    <section class="share" aria-labelledby="share-heading">
                        <h2 id="share-heading">"Candidates"</h2>
                        <p>"Share this link; candidates apply there without an account:"</p>
                        <p><input id="apply-link" class="apply-link" type="text" readonly=true value=v.apply_url.clone() aria-label="Application link" size="60"/>
                           " "<button type="button" class="copy-apply-link" data-action="copy" data-copy-from="apply-link">"Copy link"</button>
                           " "<a href=format!("/apply/{id}") target="_blank">"Preview the application page"</a></p>
                        <p><a class="button" href=format!("/requisitions/{id}/candidates")>{format!("Candidates ({})", v.candidates)}</a>
                           " "<a class="button board-link" href=format!("/requisitions/{id}/board")>"Panel board"</a></p>
                        <ActionForm action=actions.close attr:class="close-requisition">
                            <input type="hidden" name="id" value=id.to_string()/>
                            <p class="muted">"Hired, or the job is withdrawn? Closing stops new applications and interviews; candidates, scorecards and the board stay readable, and you can reopen it."</p>
                            <button type="submit" class="close-button">"Close the requisition"</button>
                        </ActionForm>
                        {move || actions.close.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
                    </section>
                }.into_any()
            } else if d.is_closed() {
                view! {
                    <section class="closed-requisition" aria-labelledby="closed-heading">
                        <h2 id="closed-heading">"Closed"</h2>
                        <p>{format!(
                            "Closed on {}. The job page takes no applications and no interviews are scheduled; everything written stays here.",
                            d.closed_at.as_deref().map(crate::time_text::utc_date).unwrap_or_default()
                        )}</p>
                        <p><a class="button" href=format!("/requisitions/{id}/candidates")>{format!("Candidates ({})", v.candidates)}</a>
                           " "<a class="button board-link" href=format!("/requisitions/{id}/board")>"Panel board"</a></p>
                        <ActionForm action=actions.reopen>
                            <input type="hidden" name="id" value=id.to_string()/>
                            <button type="submit" class="reopen-button">"Reopen the requisition"</button>
                        </ActionForm>
                        {move || actions.reopen.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
                    </section>
                }.into_any()
            } else {
                view! {
                    <section class="open-requisition">
                        <h2>"Open for candidates"</h2>
                        <p>"Opening builds the interview plan from the kit (you can adjust it until the first interview) and gives you the link candidates apply through."</p>
                        <ActionForm action=open>
                            <input type="hidden" name="id" value=open_id/>
                            <button type="submit" class="primary open-button">"Open the requisition"</button>
                        </ActionForm>
                        {move || open.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
                    </section>
                }.into_any()
            }}
            {v.plan.clone().map(|plan| view! { <PlanEditor id=plan_id plan locked=v.plan_locked edit/> })}
            <Members id=members_id owner=d.owner_id.clone().map(Into::into) members=v.members.clone() member remove=actions.remove/>
            <CalibrationRule id=d.id.to_string() required=d.calibration_required action=actions.calibration/>
            <details class="jd-details">
                <summary>"The job description"</summary>
                <div class="jd-rendered" inner_html=d.jd_html.clone()></div>
            </details>
        </article>
    }
    .into_any()
}

/// Whether everyone put on the panel to score must first meet the
/// calibration standard.
#[component]
fn CalibrationRule(
    id: String,
    required: bool,
    action: ServerAction<RequireCalibration>,
) -> impl IntoView {
    use crate::domain::calibration::{MIN_RATED, PASS_DENOMINATOR, PASS_NUMERATOR};
    view! {
        <section class="calibration-rule" id="calibration" data-required=required.to_string()>
            <h2>"Calibration"</h2>
            <p>{format!(
                "Interviewers practise on sample answers at /calibration. The standard: {MIN_RATED} or more answers rated, {PASS_NUMERATOR} in {PASS_DENOMINATOR} at the reference rating. {}",
                if required {
                    "This requisition requires it: nobody is put on its panel to score, or handed an interview, before meeting it."
                } else {
                    "This requisition does not require it; the board shows each interviewer's practice all the same."
                }
            )}</p>
            <ActionForm action>
                <input type="hidden" name="requisition_id" value=id/>
                <input type="hidden" name="required" value=if required { "off" } else { "on" }/>
                <button type="submit" class="calibration-toggle">{if required { "Stop requiring it" } else { "Require it of the panel" }}</button>
            </ActionForm>
            {move || action.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
        </section>
    }
}

#[component]
fn Members(
    id: String,
    owner: Option<String>,
    members: Vec<crate::domain::accounts::CurrentUser>,
    member: ServerAction<AddMember>,
    remove: ServerAction<RemoveMember>,
) -> impl IntoView {
    let requisition = id.clone();
    view! {
        <section class="members">
            <h2>"On this requisition"</h2>
            <ul>
                {members.into_iter().map(|m| {
                    let is_owner = owner.as_deref() == Some(m.id.as_str());
                    let requisition = requisition.clone();
                    view! {
                        <li data-member=m.email.clone()>
                            {m.display_name().to_string()}
                            {(!m.name.is_empty()).then(|| view! { <span class="muted">{format!(" <{}>", m.email)}</span> })}
                            " · "<span class="muted">{m.role.id()}</span>
                            {if is_owner {
                                view! { <span class="muted">" · owner"</span> }.into_any()
                            } else {
                                view! {
                                    <ActionForm action=remove attr:class="inline">
                                        <input type="hidden" name="id" value=requisition/>
                                        <input type="hidden" name="user_id" value=m.id.to_string()/>
                                        " "<button type="submit" class="link-button remove-member">"Remove"</button>
                                    </ActionForm>
                                }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || remove.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
            <ActionForm action=member attr:class="inline-form">
                <input type="hidden" name="id" value=id/>
                <label>"Add a recruiter or hiring manager by email "
                    <input type="email" name="email" required/>
                </label>
                <button type="submit">"Add"</button>
            </ActionForm>
            {move || member.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
        </section>
    }
}
