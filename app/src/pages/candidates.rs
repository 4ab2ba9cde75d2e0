//! A requisition's candidates: everyone with their stage and resume screen,
//! adding one by hand, and importing a CSV file (upload or paste).

use crate::api::candidates::{
    list_candidates, AddCandidate, CandidateRow, CandidatesView, ImportCandidates, MAX_IMPORT_ROWS,
};
use crate::api::form_error::{FormError, MAX_KEPT_TEXT_BYTES};
use crate::components::form::{field_message_id, refused, typed, FieldMessage, FormNotice};
use crate::domain::candidate::Source;
use crate::domain::screening::ScreenSummary;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn CandidatesPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let add = ServerAction::<AddCandidate>::new();
    let import = ServerAction::<ImportCandidates>::new();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    // The list reloads on the success markers the forms redirect to.
    let list = Resource::new(
        move || {
            (
                id(),
                query.with(|q| (q.get("added"), q.get("imported"), q.get("erased"))),
            )
        },
        |(id, _)| list_candidates(id),
    );
    // The forms have a resource of their own, keyed on the requisition
    // only: they are never re-rendered by a submission, so a refused form
    // keeps what was typed, and a successful one is cleared on purpose.
    let forms = Resource::new(id, list_candidates);
    view! {
        <article class="page candidates">
            <Suspense fallback=|| view! { <p>"Loading the candidates…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(v) => view! { <CandidatesBody v/> }.into_any(),
                        Err(e) => {
                            crate::pages::set_error_status(&e);
                            view! {
                                <h1>"Candidates"</h1>
                                <p class="error" role="alert">{e.to_string()}</p>
                                <p><a href="/requisitions">"Your requisitions"</a></p>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match forms.await {
                        Ok(v) if v.is_open => view! {
                            <div class="candidate-forms">
                                <AddForm requisition_id=v.requisition_id.clone() add/>
                                <ImportForms requisition_id=v.requisition_id.clone() import/>
                            </div>
                        }.into_any(),
                        Ok(_) => view! {
                            <p class="warning">"This requisition is still a draft. Open it on the requisition's page before adding candidates."</p>
                        }.into_any(),
                        Err(_) => ().into_any(),
                    }
                })}
            </Suspense>
        </article>
    }
}

#[component]
fn CandidatesBody(v: CandidatesView) -> impl IntoView {
    let query = use_query_map();
    let refused_now = query.with_untracked(|q| q.get("__err").is_some());
    let added = query
        .with_untracked(|q| q.get("added"))
        .filter(|_| !refused_now)
        .and_then(|id| {
            v.candidates
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name.clone())
        });
    let imported = query
        .with_untracked(|q| q.get("imported"))
        .filter(|_| !refused_now);
    let id = v.requisition_id.clone();
    let count = v.candidates.len();
    view! {
        <Title text=crate::escape::page_title(format!("Candidates · {}", v.title))/>
        <div class="candidate-list-section" data-requisition=id.clone()>
            <p class="eyebrow">"Requisition · "<a href=format!("/requisitions/{id}")>{v.title.clone()}</a></p>
            <h1>"Candidates"</h1>
            {added.map(|name| view! { <p class="notice-ok" role="status">{format!("Added {name}. They are at the resume screen.")}</p> })}
            {use_query_map().with_untracked(|q| q.get("erased").is_some()).then(|| view! {
                <p class="notice-ok" role="status">"The candidate's personal data is erased; their ratings stay, without a name."</p>
            })}
            {imported.map(|n| view! { <p class="notice-ok" role="status">{format!("Imported {n} {}. They are at the resume screen.", if n == "1" { "candidate" } else { "candidates" })}</p> })}
            {if v.candidates.is_empty() {
                view! { <p class="empty">"No candidates yet. They arrive through the application link, or add them below."</p> }.into_any()
            } else {
                view! { <CandidateTable rows=v.candidates.clone() days=v.days.clone()/> }.into_any()
            }}
            <p class="muted">{format!("{count} {}", if count == 1 { "candidate" } else { "candidates" })}</p>
        </div>
    }
    .into_any()
}

#[component]
fn CandidateTable(rows: Vec<CandidateRow>, days: crate::time_text::Times) -> impl IntoView {
    view! {
        <table class="candidate-list">
            <thead>
                <tr><th>"Name"</th><th>"Email"</th><th>"Source"</th><th>"Stage"</th><th>"Submitted"</th><th>"Resume screen"</th></tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|c| {
                    let submitted = match (&c.submitted_at, c.source) {
                        (Some(at), _) => days.at(at),
                        (None, Source::Applied) => "not yet".to_string(),
                        (None, _) => format!("added {}", days.at(&c.created_at)),
                    };
                    view! {
                        <tr data-candidate=c.id.clone() data-stage=c.stage.id()>
                            <td><a href=format!("/candidates/{}", c.id)>{c.name.clone()}</a></td>
                            <td>{c.email.clone()}</td>
                            <td>{c.source.label()}{c.repeat.then_some(" (applied again)")}</td>
                            <td><span class=format!("stage stage-{}", c.stage.id())>{c.stage.label()}</span></td>
                            <td>{submitted}</td>
                            <td class="screen-summary">{screen_summary(c.screen)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// "3 meets · 1 below · 2 not rated", or "Not screened yet".
pub fn screen_summary(summary: Option<ScreenSummary>) -> String {
    let Some(s) = summary else {
        return "Not screened yet".into();
    };
    let parts: Vec<String> = [
        (s.exceeds, "exceeds"),
        (s.meets, "meets"),
        (s.below, "below"),
        (s.no_evidence, "no evidence"),
        (s.unrated, "not rated"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, label)| format!("{n} {label}"))
    .collect();
    if parts.is_empty() {
        "No criteria in the kit".into()
    } else {
        parts.join(" · ")
    }
}

#[component]
fn AddForm(requisition_id: String, add: ServerAction<AddCandidate>) -> impl IntoView {
    let error = refused(add);
    let first = error.get_untracked();
    let typed_before = first.clone();
    let inputs: [NodeRef<leptos::html::Input>; 3] =
        [NodeRef::new(), NodeRef::new(), NodeRef::new()];
    let links_ref = NodeRef::<leptos::html::Textarea>::new();
    // Added: empty the form for the next person (the page itself stays).
    Effect::new(move |_| {
        if matches!(add.value().get(), Some(Ok(()))) {
            for input in inputs {
                if let Some(el) = input.get() {
                    el.set_value("");
                }
            }
            if let Some(el) = links_ref.get() {
                el.set_value("");
            }
        }
    });
    let field = move |node_ref: NodeRef<leptos::html::Input>,
                      name: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      hint: &'static str| {
        let value = typed(&typed_before, name, "");
        view! {
            <label for=format!("add-{name}")>{label}</label>
            <input
                node_ref=node_ref
                id=format!("add-{name}")
                type=kind
                name=name
                value=value
                aria-describedby=field_message_id(name)
                aria-invalid=move || error.get().is_some_and(|e| !e.messages_for(name).is_empty()).to_string()
            />
            {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
            <FieldMessage error field=name/>
        }
    };
    view! {
        <section class="add-candidate" id="add">
            <h2>"Add a candidate"</h2>
            <ActionForm action=add attr:class="stack candidate-form">
                <FormNotice error/>
                <input type="hidden" name="requisition_id" value=requisition_id/>
                {field(inputs[0], "name", "Name", "text", "")}
                {field(inputs[1], "email", "Email", "email", "")}
                {field(inputs[2], "phone", "Phone (optional)", "tel", "")}
                <label for="add-links">"Links (optional)"</label>
                <textarea node_ref=links_ref id="add-links" name="links" rows="2" aria-describedby=field_message_id("links") inner_html=crate::escape::textarea_html(typed(&first, "links", ""))></textarea>
                <span class="hint">"LinkedIn, portfolio…: up to five web addresses, separated by spaces, commas or new lines."</span>
                <FieldMessage error field="links"/>
                <button type="submit" class="primary">"Add the candidate"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ImportForms(requisition_id: String, import: ServerAction<ImportCandidates>) -> impl IntoView {
    let error = refused(import);
    let text_ref = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if matches!(import.value().get(), Some(Ok(()))) {
            if let Some(el) = text_ref.get() {
                el.set_value("");
            }
        }
    });
    let pasted = match error.get_untracked() {
        Some(FormError::Rows {
            text: Some(text), ..
        }) => text,
        _ => String::new(),
    };
    view! {
        <section class="import-candidates" id="import">
            <h2>"Import candidates from a CSV file"</h2>
            <p>
                "The first row names the columns: "<code>"name"</code>" and "<code>"email"</code>" are required, "
                <code>"phone"</code>" and "<code>"links"</code>" are optional. "
                {format!("Up to {MAX_IMPORT_ROWS} candidates per file. ")}
                "If any row has a problem, nobody is imported: every problem is listed by line, so you can fix the file and import it again."
            </p>
            <pre class="csv-example">"name,email,phone,links\nAda Lovelace,ada@example.com,+44 20 7946 0000,https://www.linkedin.com/in/ada"</pre>
            <ImportProblems error/>
            <form
                method="post"
                action=format!("/requisitions/{requisition_id}/candidates/import")
                enctype="multipart/form-data"
                class="stack import-file"
            >
                <label for="import-file">"CSV file"</label>
                <input id="import-file" type="file" name="file" accept=".csv,text/csv" required/>
                <button type="submit" class="primary">"Import the file"</button>
            </form>
            <ActionForm action=import attr:class="stack import-paste">
                <input type="hidden" name="requisition_id" value=requisition_id.clone()/>
                <label for="import-text">"Or paste the CSV text"</label>
                <textarea node_ref=text_ref id="import-text" name="text" rows="8" spellcheck="false" inner_html=crate::escape::textarea_html(pasted)></textarea>
                <button type="submit">"Import the pasted text"</button>
            </ActionForm>
        </section>
    }
}

/// Every problem of a refused import, by line.
#[component]
fn ImportProblems(error: Signal<Option<FormError>>) -> impl IntoView {
    move || {
        error.get().map(|e| match e {
            FormError::Rows { rows, more, text } => {
                let total = rows.len() + more;
                view! {
                    <div class="import-problems" role="alert" data-problems=total>
                        <p><strong>{format!("Nothing was imported. The file has {total} {}:", if total == 1 { "problem" } else { "problems" })}</strong></p>
                        <table>
                            <thead><tr><th>"Line"</th><th>"Column"</th><th>"Problem"</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let field = r.field.clone();
                                    view! {
                                        <tr data-line=r.line data-field=field><td class="num">{r.line}</td><td><code>{r.field}</code></td><td>{r.message}</td></tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        {(more > 0).then(|| view! { <p>{format!("…and {more} more. Fix the problems above and import again to see the rest.")}</p> })}
                        {match text {
                            Some(_) => view! { <p class="muted">"The file's text is in the paste box below: correct it there and import it again."</p> }.into_any(),
                            None => view! { <p class="muted">{format!("The file is larger than {} KB, so it is not shown here; correct it and import it again.", MAX_KEPT_TEXT_BYTES / 1024)}</p> }.into_any(),
                        }}
                    </div>
                }.into_any()
            }
            FormError::App(_)
            | FormError::Fields { .. }
            | FormError::StalePlan { .. }
            | FormError::StaleCard { .. } => {
                view! { <p class="form-alert" role="alert">{e.to_string()}</p> }.into_any()
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_summaries_list_what_is_there() {
        assert_eq!(screen_summary(None), "Not screened yet");
        let s = ScreenSummary {
            meets: 3,
            below: 1,
            unrated: 2,
            ..ScreenSummary::default()
        };
        assert_eq!(screen_summary(Some(s)), "3 meets · 1 below · 2 not rated");
    }

    #[test]
    fn message_ids_are_valid_ids() {
        assert_eq!(
            field_message_id("criterion.general"),
            "criterion-general-error"
        );
    }
}
