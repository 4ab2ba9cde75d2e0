//! The interview plan: rounds with their questions and exercises, small
//! forms to move, drop and add items (each works without JavaScript), and
//! how many rounds assess each competency.

use crate::api::form_error::FormError;
use crate::api::requisitions::{EditPlan, PlanItemView, PlanRoundView, PlanView};
use crate::domain::plan::CoverageLevel;
use leptos::prelude::*;

#[component]
pub fn PlanEditor(
    id: String,
    plan: PlanView,
    locked: bool,
    edit: ServerAction<EditPlan>,
) -> impl IntoView {
    let rounds: Vec<(String, String)> = plan
        .rounds
        .iter()
        .map(|r| (r.id.clone(), r.name.clone()))
        .collect();
    view! {
        <section class="plan" aria-labelledby="plan-heading">
            <h2 id="plan-heading">"Interview plan"</h2>
            {if locked {
                view! { <p class="muted">"Interviews have started, so the plan is fixed: every panelist is scored against the same questions."</p> }.into_any()
            } else {
                view! { <p class="muted">"Adjust the plan until the first interview: move items between rounds, drop them, or add questions from the kit."</p> }.into_any()
            }}
            <EditRefused id=id.clone() version=plan.version locked edit/>
            <Coverage plan=plan.clone()/>
            {plan.rounds.iter().cloned().map(|round| view! {
                <RoundEditor id=id.clone() version=plan.version round rounds=rounds.clone() available=plan.available.clone() locked edit/>
            }).collect_view()}
        </section>
    }
    .into_any()
}

/// Why the last edit was not made. When the plan had changed under it, the
/// page below already shows the current plan; the edit as sent waits here,
/// described in words, with one button to make it on the current version.
#[component]
fn EditRefused(
    id: String,
    version: i64,
    locked: bool,
    edit: ServerAction<EditPlan>,
) -> impl IntoView {
    move || {
        let error = edit.value().get().and_then(Result::err)?;
        let retry = match &error {
            FormError::StalePlan { values, .. } if !locked => {
                let value = |k: &str| values.get(k).cloned().unwrap_or_default();
                let (op, kind, item, round) =
                    (value("op"), value("kind"), value("item"), value("round"));
                let described = format!("Your change: {}. ", describe_edit(values));
                let id = id.clone();
                Some(view! {
                    <ActionForm action=edit attr:class="inline-form plan-retry">
                        <input type="hidden" name="id" value=id/>
                        <input type="hidden" name="version" value=version/>
                        <input type="hidden" name="op" value=op/>
                        <input type="hidden" name="kind" value=kind/>
                        <input type="hidden" name="item" value=item/>
                        <input type="hidden" name="round" value=round/>
                        <span>{described}</span>
                        <button type="submit" class="plan-retry-button">"Apply it to the current plan"</button>
                    </ActionForm>
                })
            }
            _ => None,
        };
        Some(view! {
            <div class="error plan-refused" role="alert" data-plan-refused="">
                <p>{error.to_string()}</p>
                {retry}
            </div>
        })
    }
}

/// A refused edit in words, from the fields the form sent.
fn describe_edit(values: &std::collections::BTreeMap<String, String>) -> String {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or_default();
    let item = get("item");
    let item = item.split_once(':').map_or(item, |(_, id)| id);
    match get("op") {
        "up" => format!("move “{item}” up"),
        "down" => format!("move “{item}” down"),
        "drop" => format!("drop “{item}”"),
        "move" => format!("move “{item}” to round “{}”", get("round")),
        "add" => format!("add “{item}” to round “{}”", get("round")),
        other => format!("{other} “{item}”"),
    }
}

#[component]
fn Coverage(plan: PlanView) -> impl IntoView {
    view! {
        <div class="coverage">
            <h3>"Competency coverage"</h3>
            {plan.warnings.iter().map(|w| view! { <p class="warning coverage-warning" role="alert">{w.clone()}</p> }).collect_view()}
            <table class="table compact">
                <thead><tr><th>"Competency"</th><th>"Rounds assessing it"</th></tr></thead>
                <tbody>
                    {plan.coverage.iter().map(|c| {
                        let (class, note) = match c.level {
                            CoverageLevel::None => ("coverage-none", "none: add a question"),
                            CoverageLevel::One => ("coverage-one", "one (two is better)"),
                            CoverageLevel::TwoOrMore => ("coverage-good", "good"),
                        };
                        view! {
                            <tr class=class data-competency=c.competency.clone()>
                                <td>{c.name.clone()}</td>
                                <td><span class="coverage-count">{c.rounds.len()}</span>" · "{note}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn RoundEditor(
    id: String,
    version: i64,
    round: PlanRoundView,
    rounds: Vec<(String, String)>,
    available: Vec<PlanItemView>,
    locked: bool,
    edit: ServerAction<EditPlan>,
) -> impl IntoView {
    let round_id = round.id.clone();
    view! {
        <div class="plan-round" data-round=round.id.clone()>
            <h3>{round.name.clone()}<span class="weight">{format!("{} min · led by {}", round.minutes, round.led_by)}</span></h3>
            {if round.items.is_empty() {
                view! { <p class="muted">"Nothing is asked in this round yet."</p> }.into_any()
            } else {
                view! {
                    <ol class="plan-items">
                        {round.items.iter().cloned().map(|item| view! {
                            <PlanItemRow id=id.clone() version item current=round_id.clone() rounds=rounds.clone() locked edit/>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {(!locked && !available.is_empty()).then(|| view! {
                <ActionForm action=edit attr:class="inline-form add-item">
                    <input type="hidden" name="id" value=id.clone()/>
                    <input type="hidden" name="version" value=version/>
                    <input type="hidden" name="op" value="add"/>
                    <input type="hidden" name="round" value=round_id.clone()/>
                    <AddPicker available=available.clone()/>
                    <button type="submit">"Add to this round"</button>
                </ActionForm>
            })}
        </div>
    }
    .into_any()
}

/// One select over every kind of item: its value is `kind:id`, which the
/// server splits, so the form needs no script to keep two fields in step.
#[component]
fn AddPicker(available: Vec<PlanItemView>) -> impl IntoView {
    view! {
        <label>"Add "
            <select name="item" aria-label="Question to add">
                {available.iter().map(|a| view! {
                    <option value=format!("{}:{}", a.item.kind.id(), a.item.id)>
                        {a.competency.clone().map(|c| format!("[{c}] ")).unwrap_or_default()}{a.title.clone()}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
fn PlanItemRow(
    id: String,
    version: i64,
    item: PlanItemView,
    current: String,
    rounds: Vec<(String, String)>,
    locked: bool,
    edit: ServerAction<EditPlan>,
) -> impl IntoView {
    let kind = item.item.kind.id();
    let item_id = item.item.id.clone();
    let button = |op: &'static str, label: &'static str| {
        let id = id.clone();
        let item_id = item_id.clone();
        view! {
            <ActionForm action=edit attr:class="inline-form">
                <input type="hidden" name="id" value=id.clone()/>
                <input type="hidden" name="version" value=version/>
                <input type="hidden" name="op" value=op/>
                <input type="hidden" name="kind" value=kind/>
                <input type="hidden" name="item" value=item_id.clone()/>
                <button type="submit" class=format!("plan-{op}")>{label}</button>
            </ActionForm>
        }
    };
    let controls = (!locked).then(|| {
        let move_form = {
            let item_id = item.item.id.clone();
            let current = current.clone();
            let rounds = rounds.clone();
            let id = id.clone();
            view! {
                <ActionForm action=edit attr:class="inline-form">
                    <input type="hidden" name="id" value=id/>
                    <input type="hidden" name="version" value=version/>
                    <input type="hidden" name="op" value="move"/>
                    <input type="hidden" name="kind" value=kind/>
                    <input type="hidden" name="item" value=item_id/>
                    <select name="round" aria-label="Move to round">
                        {rounds.into_iter().filter(|(r, _)| *r != current).map(|(r, name)| view! { <option value=r>{name}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="plan-move">"Move"</button>
                </ActionForm>
            }
        };
        view! {
            <div class="plan-controls">
                {button("up", "Up")}
                {button("down", "Down")}
                {button("drop", "Drop")}
                {move_form}
            </div>
        }
    });
    view! {
        <li class="plan-item" data-item=item.item.id.clone() data-kind=kind>
            <span class="tag">{kind}</span>" "
            {item.competency.clone().map(|c| view! { <span class="tag competency-tag">{c}</span>" " })}
            <span class="plan-item-title">{item.title.clone()}</span>
            {controls}
        </li>
    }
    .into_any()
}
