//! One candidate on the panel board, `/candidates/:id/board`: the items the
//! panel disagrees on, the profile, every rating by every interviewer with
//! the indicators they ticked and their notes, the cards still owed, the
//! recommendations beside what the weighted evidence says, the take-aways,
//! and the debrief decision (recorded here by the people who run the
//! requisition). The decision form is a server function posted by an
//! `ActionForm`, so it works without JavaScript.

use crate::api::board::{get_candidate_board, CandidateBoard, RecordDecision, MIN_RATIONALE_CHARS};
use crate::components::form::{field_message_id, refused, typed, FieldMessage, FormNotice};
use crate::domain::board::{
    tenths_down, Board, BoardItem, CandidateRow, Decision, Outcome, RatingRecord, Slot, EXPECTATION,
};
use crate::domain::board_export::chart::profile_svg;
use crate::domain::scorecard::{CardStatus, Recommendation};
use crate::pages::board::{card_state_label, counts_text, one_decimal};
use crate::time_text::Times;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::collections::{BTreeMap, HashMap};

/// The current decision, whether it departs from the evidence, and the
/// decisions recorded before it (oldest first).
/// The current decision, whether it departs from the evidence, the earlier
/// ones, and when each was made on the reader's clocks.
type DecisionState = (Option<Decision>, bool, Vec<Decision>, Times);

#[component]
pub fn CandidateBoardPage() -> impl IntoView {
    let params = use_params_map();
    let decide = ServerAction::<RecordDecision>::new();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(id, get_candidate_board);
    // After a decision is recorded in the browser, only the decision is
    // drawn again: open notes and the form (with anything typed in it)
    // stay as they are. Before that (and always without JavaScript, where
    // the page reloads) the page's own data has the latest decision.
    let latest = Resource::new(
        move || (id(), decide.version().get()),
        |(id, version)| async move {
            if version == 0 {
                return None;
            }
            let cb = get_candidate_board(id).await.ok()?;
            let row = cb.board.candidate(&cb.candidate_id)?;
            Some((
                row.decision.clone(),
                row.departs,
                row.earlier_decisions.clone(),
                cb.board.times.clone(),
            ))
        },
    );
    view! {
        <Suspense fallback=|| view! { <p class="page">"Loading the candidate's board…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(cb) => view! { <CandidateBoardBody cb decide latest/> }.into_any(),
                    Err(e) => super::unavailable("This candidate's board is not available", &e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CandidateBoardBody(
    cb: CandidateBoard,
    decide: ServerAction<RecordDecision>,
    latest: Resource<Option<DecisionState>>,
) -> impl IntoView {
    let b = &cb.board;
    let Some(row) = b.candidate(&cb.candidate_id).cloned() else {
        return view! {
            <section class="page narrow">
                <h1>"Panel board"</h1>
                <p class="error" role="alert">"This candidate is not on the board you can see."</p>
            </section>
        }
        .into_any();
    };
    let rid = b.requisition_id.clone();
    let header = view! {
        <Title text=crate::escape::page_title(format!("{} · Panel board", row.name))/>
        <p class="eyebrow">"Panel board · "<a href=format!("/requisitions/{rid}/board")>{b.title.clone()}</a></p>
        <h1>{row.name.clone()}</h1>
        <p class="board-nav">
            <a href=format!("/requisitions/{rid}/board")>"The whole panel board"</a>" · "
            <a href=format!("/candidates/{}", row.id)>"Candidate page"</a>
            {(!row.hidden).then(|| view! { " · "<a href="#decision">"Debrief decision"</a> })}
        </p>
    };
    if row.hidden {
        return view! {
            <article class="page board candidate-board" data-candidate=row.id.clone() data-hidden="true">
                {header}
                <p class="warning board-hidden-note" role="status">
                    "This candidate's ratings, notes and recommendations are hidden until you submit your own scorecard for them, so that your ratings stay your own. "
                    <a href="/interviews">"Your interviews"</a>
                </p>
                {missing_section(b, &row)}
            </article>
        }
        .into_any();
    }
    let submitted: Vec<Slot> = b
        .slots
        .iter()
        .filter(|s| s.state == CardStatus::Submitted)
        .cloned()
        .collect();
    view! {
        <article class="page board candidate-board" data-candidate=row.id.clone() data-hidden="false">
            {header}
            {discuss_section(b, &row)}
            <section class="board-overview" id="profile">
                <h2>"Profile"</h2>
                <div class="board-overview-grid">
                    <figure class="board-profile">
                        <div class="board-chart" inner_html=profile_svg(b, &row)></div>
                        <figcaption>{format!("Mean rating per column; the dashed line is the level's expectation ({EXPECTATION:.1}).")}</figcaption>
                    </figure>
                    {distribution(b, &row)}
                </div>
            </section>
            {evidence_matrix(b, &row, &submitted, &cb.notes_html)}
            {missing_section(b, &row)}
            {recommendations_section(b, &row)}
            {takeaways_section(b, &submitted, &cb.takeaways_html)}
            <DecisionSection candidate_id=row.id.clone() initial=(row.decision.clone(), row.departs, row.earlier_decisions.clone(), b.times.clone()) weighted=row.weighted may_decide=cb.may_decide decide latest/>
        </article>
    }
    .into_any()
}

fn discuss_section(b: &Board, row: &CandidateRow) -> AnyView {
    let body = if row.flags.is_empty() {
        view! { <p class="muted">"Nothing flagged: on no item did one interviewer rate exceeds and another below."</p> }.into_any()
    } else {
        let items: Vec<AnyView> = row
            .flags
            .iter()
            .map(|f| {
                // A flagged item no longer in the kit has no row to jump to.
                let title = if b.item(&f.item_key).is_some() {
                    view! { <a href=format!("#{}", flag_id(&f.item_key))>{f.title.clone()}</a> }.into_any()
                } else {
                    view! { <strong>{f.title.clone()}</strong> }.into_any()
                };
                view! {
                    <li data-item=f.item_key.clone()>
                        {title}
                        {format!(": rated exceeds by {} and below by {}.", f.exceeds_by.join(", "), f.below_by.join(", "))}
                    </li>
                }
                .into_any()
            })
            .collect();
        view! {
            <p>"On these items the panel is two steps apart. Ask each interviewer what they saw before deciding."</p>
            <ul class="board-discuss">{items}</ul>
        }
        .into_any()
    };
    view! {
        <section class="board-to-discuss" id="to-discuss">
            <h2>"To discuss"</h2>
            {body}
        </section>
    }
    .into_any()
}

/// The id of a flagged item's row in the evidence matrix.
fn flag_id(item_key: &str) -> String {
    format!("flag-{item_key}")
}

/// Width in percent of one rating's share of a column's ratings.
/// The part of a bar `n` of `total` ratings take, out of 100.
fn share(n: u32, total: u32) -> f64 {
    if total == 0 {
        0.0
    } else {
        f64::from(n) * 100.0 / f64::from(total)
    }
}

fn distribution(b: &Board, row: &CandidateRow) -> AnyView {
    let rows: Vec<AnyView> = b
        .columns
        .iter()
        .zip(&row.cells)
        .map(|(column, cell)| {
            let c = cell.counts;
            let total = c.total();
            // An SVG, not spans with `style="width: …"`: the
            // Content-Security-Policy allows no inline styles.
            let bar = (total > 0).then(|| {
                let mut x = 0.0;
                let parts: Vec<AnyView> = [
                    ("board-bar-exceeds", c.exceeds),
                    ("board-bar-meets", c.meets),
                    ("board-bar-below", c.below),
                    ("board-bar-none", c.no_evidence),
                ]
                .into_iter()
                .filter(|&(_, n)| n > 0)
                .map(|(class, n)| {
                    let width = share(n, total);
                    let at = x;
                    x += width;
                    view! { <rect class=class x=format!("{at:.1}") y="0" width=format!("{width:.1}") height="1"/> }.into_any()
                })
                .collect();
                view! {
                    <svg class="board-bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
                        {parts}
                    </svg>
                }
            });
            let short = cell.mean.is_some_and(|m| m < EXPECTATION);
            view! {
                <tr data-column=column.id.clone()>
                    <th scope="row">{column.label.clone()}</th>
                    <td>{bar}{if total == 0 { "No ratings".to_string() } else { counts_text(&c) }}</td>
                    <td class="num" class:board-short=short>{one_decimal(cell.mean)}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    view! {
        <table class="board-distribution">
            <thead><tr><th scope="col">"Column"</th><th scope="col">"Ratings (E exceeds, M meets, B below, NE no evidence)"</th><th scope="col">"Mean"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

fn evidence_matrix(
    b: &Board,
    row: &CandidateRow,
    submitted: &[Slot],
    notes_html: &BTreeMap<String, String>,
) -> AnyView {
    let ratings: HashMap<(&str, &str), &RatingRecord> = b
        .ratings
        .iter()
        .map(|r| ((r.slot_id.as_str(), r.item_key.as_str()), r))
        .collect();
    let rated: Vec<&BoardItem> = b
        .items
        .iter()
        .filter(|i| row.items.contains_key(&i.key))
        .collect();
    if rated.is_empty() || submitted.is_empty() {
        return view! {
            <section class="board-evidence-section" id="evidence">
                <h2>"Evidence"</h2>
                <p class="muted">"No submitted scorecard has ratings for this candidate yet."</p>
            </section>
        }
        .into_any();
    }
    let heads: Vec<AnyView> = submitted
        .iter()
        .map(|s| {
            view! {
                <th scope="col" data-slot=s.id.clone()>
                    {b.person(&s.interviewer_email).to_string()}
                    <span class="board-round">{s.round_name.clone()}</span>
                </th>
            }
            .into_any()
        })
        .collect();
    let span = submitted.len() + 1;
    let mut body: Vec<AnyView> = Vec::new();
    // Items grouped under their columns, in the board's order.
    for column in &b.columns {
        let items: Vec<&&BoardItem> = rated.iter().filter(|i| i.column == column.id).collect();
        if items.is_empty() {
            continue;
        }
        body.push(
            view! {
                <tr class="board-group" data-column=column.id.clone()><th scope="colgroup" colspan=span>{column.label.clone()}</th></tr>
            }
            .into_any(),
        );
        for item in items {
            let flagged = row.flags.iter().any(|f| f.item_key == item.key);
            let cells: Vec<AnyView> = submitted
                .iter()
                .map(|s| {
                    rating_cell(
                        s,
                        ratings.get(&(s.id.as_str(), item.key.as_str())).copied(),
                        notes_html,
                    )
                })
                .collect();
            body.push(
                view! {
                    <tr
                        class=if flagged { "board-item board-flagged" } else { "board-item" }
                        id=flagged.then(|| flag_id(&item.key))
                        data-item=item.key.clone()
                    >
                        <th scope="row">
                            {item.title.clone()}
                            {item.competency.clone().filter(|c| *c != column.label).map(|c| view! { <span class="board-round">{c}</span> })}
                            {flagged.then(|| view! { <span class="board-flag-tag">"to discuss"</span> })}
                        </th>
                        {cells}
                    </tr>
                }
                .into_any(),
            );
        }
    }
    view! {
        <section class="board-evidence-section" id="evidence">
            <h2>"Evidence"</h2>
            <p class="muted">"Every item rated on a submitted scorecard, against each interviewer. Open a rating for the indicators ticked and the notes."</p>
            <div class="board-scroll">
                <table class="board-evidence">
                    <thead><tr><th scope="col">"Item"</th>{heads}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

fn rating_cell(
    slot: &Slot,
    rating: Option<&RatingRecord>,
    notes_html: &BTreeMap<String, String>,
) -> AnyView {
    let Some(r) = rating else {
        return view! {
            <td class="board-rating board-rating-none" data-slot=slot.id.clone() data-interviewer=slot.interviewer_email.clone()>
                <span aria-hidden="true">"—"</span>
                <span class="visually-hidden">"Not rated in this interview"</span>
            </td>
        }
        .into_any();
    };
    let notes = notes_html
        .get(&format!("{}/{}", r.slot_id, r.item_key))
        .cloned();
    let has_detail = !r.positive.is_empty() || !r.negative.is_empty() || notes.is_some();
    let list = |class: &'static str, heading: &'static str, items: &[String]| {
        (!items.is_empty()).then(|| {
            view! {
                <p class="board-indicators-heading">{heading}</p>
                <ul class=class>{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul>
            }
        })
    };
    view! {
        <td
            class=format!("board-rating board-rating-{}", r.rating.id())
            data-slot=slot.id.clone()
            data-interviewer=slot.interviewer_email.clone()
            data-rating=r.rating.id()
        >
            <span class="board-rating-label">{r.rating.label()}</span>
            {has_detail.then(|| view! {
                <details class="board-detail">
                    <summary>"Indicators and notes"</summary>
                    {list("board-positive", "Positive indicators seen", &r.positive)}
                    {list("board-negative", "Negative indicators seen", &r.negative)}
                    {notes.map(|html| view! { <div class="board-notes" inner_html=html></div> })}
                </details>
            })}
        </td>
    }
    .into_any()
}

fn missing_section(b: &Board, row: &CandidateRow) -> AnyView {
    let body = if row.missing.is_empty() {
        let text = if row.submitted_cards == 0 {
            "Nobody is on this candidate's panel yet."
        } else {
            "Every scorecard for this candidate is in."
        };
        view! { <p class="muted">{text}</p> }.into_any()
    } else {
        let items: Vec<AnyView> = row
            .missing
            .iter()
            .map(|m| {
                view! {
                    <li data-slot=m.slot_id.clone() data-overdue=m.overdue.to_string()>
                        <strong>{b.person(&m.interviewer_email).to_string()}</strong>
                        {format!(" owes the {} scorecard ({}; interview {})", m.round_name, card_state_label(m.state), b.time(&m.starts_at))}
                        {m.overdue.then(|| view! { " "<span class="board-overdue">"overdue"</span> })}
                    </li>
                }
                .into_any()
            })
            .collect();
        view! { <ul class="board-owed">{items}</ul> }.into_any()
    };
    view! {
        <section class="board-missing-section" id="missing">
            <h2>"Scorecards still to come"</h2>
            {body}
        </section>
    }
    .into_any()
}

fn recommendations_section(b: &Board, row: &CandidateRow) -> AnyView {
    let list = if row.recommendations.is_empty() {
        view! { <p class="muted">"No recommendations yet: they come with submitted scorecards."</p> }.into_any()
    } else {
        let rows: Vec<AnyView> = row
            .recommendations
            .iter()
            .map(|r| {
                view! {
                    <tr data-slot=r.slot_id.clone() data-recommendation=r.recommendation.id()>
                        <td>{b.person(&r.interviewer_email).to_string()}</td>
                        <td>{r.round_name.clone()}</td>
                        <td><strong>{r.recommendation.label()}</strong></td>
                    </tr>
                }
                .into_any()
            })
            .collect();
        view! {
            <table class="board-recommendation-list">
                <thead><tr><th scope="col">"Interviewer"</th><th scope="col">"Round"</th><th scope="col">"Recommendation"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    let call = match (row.weighted, row.evidence) {
        (Some(w), Some(e)) => format!("Weighted evidence: {} → {}", tenths_down(w), e.label()),
        _ => "Weighted evidence: none yet".to_string(),
    };
    view! {
        <section class="board-recommendations-section" id="recommendations">
            <h2>"Recommendations"</h2>
            <div class="board-calls">
                {list}
                <aside class="board-mechanical" data-evidence=row.evidence.map(Recommendation::id)>
                    <p class="board-call"><strong>{call}</strong></p>
                    <p class="muted">{format!(
                        "This is the rubric's weights applied to the item ratings: each column's mean rating (1 below, 2 meets, 3 exceeds), weighted as the kit weights the columns for this role. At {EXPECTATION:.1} or more the candidate meets the level's expectation. It is a summary of the evidence, not the decision."
                    )}</p>
                </aside>
            </div>
        </section>
    }
    .into_any()
}

fn takeaways_section(
    b: &Board,
    submitted: &[Slot],
    takeaways_html: &BTreeMap<String, String>,
) -> AnyView {
    let cards: Vec<AnyView> = submitted
        .iter()
        .map(|s| {
            let text = match takeaways_html.get(&s.id) {
                Some(html) => view! { <div class="board-takeaway-text" inner_html=html.clone()></div> }.into_any(),
                None => view! { <p class="muted">"No take-aways written."</p> }.into_any(),
            };
            view! {
                <article class="board-takeaway" data-slot=s.id.clone()>
                    <h3>{b.person(&s.interviewer_email).to_string()}<span class="board-round">{s.round_name.clone()}</span></h3>
                    {text}
                </article>
            }
            .into_any()
        })
        .collect();
    view! {
        <section class="board-takeaways" id="takeaways">
            <h2>"Take-aways"</h2>
            {if cards.is_empty() {
                view! { <p class="muted">"None yet: they come with submitted scorecards."</p> }.into_any()
            } else {
                view! { <div class="board-takeaway-list">{cards}</div> }.into_any()
            }}
        </section>
    }
    .into_any()
}

fn decision_view(state: DecisionState) -> AnyView {
    let (current, departs, earlier, times) = state;
    view! {
        {current_decision(current, departs, &times)}
        {earlier_decisions(earlier, &times)}
    }
    .into_any()
}

/// The decisions before the current one, newest first: a changed call
/// keeps its earlier reasons on record.
fn earlier_decisions(earlier: Vec<Decision>, times: &Times) -> Option<AnyView> {
    if earlier.is_empty() {
        return None;
    }
    let count = earlier.len();
    Some(
        view! {
            <div class="board-decision-history" data-earlier-decisions=count>
                <h3>{format!("Earlier decisions ({count})")}</h3>
                <ol reversed=true>
                    {earlier.into_iter().rev().map(|d| view! {
                        <li class="board-earlier-decision" data-outcome=d.outcome.id()>
                            <p><strong>{d.outcome.label()}</strong>
                                <span class="muted">{format!(" · recorded by {} on {}, since replaced", d.decided_by, times.at(&d.decided_at))}</span>
                            </p>
                            <p class="board-rationale">{d.rationale.clone()}</p>
                        </li>
                    }).collect_view()}
                </ol>
            </div>
        }
        .into_any(),
    )
}

fn current_decision(current: Option<Decision>, departs: bool, times: &Times) -> AnyView {
    match (current, departs) {
        (None, _) => view! {
            <p class="board-decision board-undecided" data-outcome="">"No decision recorded yet."</p>
        }
        .into_any(),
        (Some(d), departs) => view! {
            <div class="board-decision" data-outcome=d.outcome.id() data-departs=departs.to_string()>
                <p><span class="tag">"Current"</span>" "<strong class="board-decision-label">{d.outcome.label()}</strong>
                    <span class="muted">{format!(" · recorded by {} on {}", d.decided_by, times.at(&d.decided_at))}</span>
                </p>
                <p class="board-rationale">{d.rationale.clone()}</p>
                {departs.then(|| view! {
                    <p class="board-departs-note" role="note">
                        <span class="board-departs">"Departs from the weighted evidence"</span>
                        {match d.outcome {
                            Outcome::Hire => ": the panel decided to hire although the weighted evidence is below the level's expectation. The rationale above is the record of why.",
                            _ => ": the panel decided not to hire although the weighted evidence meets the level's expectation. The rationale above is the record of why.",
                        }}
                    </p>
                })}
            </div>
        }
        .into_any(),
    }
}

#[component]
fn DecisionSection(
    candidate_id: String,
    initial: DecisionState,
    weighted: Option<f64>,
    may_decide: bool,
    decide: ServerAction<RecordDecision>,
    latest: Resource<Option<DecisionState>>,
) -> impl IntoView {
    let fallback = initial.clone();
    view! {
        <section class="board-decision-section" id="decision">
            <h2>"Debrief decision"</h2>
            <Transition fallback=move || decision_view(fallback.clone())>
                {move || {
                    let initial = initial.clone();
                    Suspend::new(async move { decision_view(latest.await.unwrap_or(initial)) })
                }}
            </Transition>
            {if may_decide {
                view! { <DecisionForm candidate_id weighted decide/> }.into_any()
            } else {
                view! { <p class="muted">"The recruiters and hiring managers of the requisition record the decision."</p> }.into_any()
            }}
        </section>
    }
}

#[component]
fn DecisionForm(
    candidate_id: String,
    weighted: Option<f64>,
    decide: ServerAction<RecordDecision>,
) -> impl IntoView {
    let error = refused(decide);
    let first = error.get_untracked();
    let chosen = typed(&first, "outcome", "");
    let rationale = NodeRef::<leptos::html::Textarea>::new();
    // Recorded: empty the rationale for the next decision (the page itself
    // stays; the decision above is drawn again).
    Effect::new(move |_| {
        if matches!(decide.value().get(), Some(Ok(()))) {
            if let Some(el) = rationale.get() {
                el.set_value("");
            }
        }
    });
    let evidence = match weighted {
        Some(w) => format!("The weighted evidence is {}; a decision against it is marked as departing from it, so say why.", tenths_down(w)),
        None => "There is no weighted evidence yet.".to_string(),
    };
    view! {
        <ActionForm action=decide attr:class="stack board-decision-form">
            <h3>"Record the panel's decision"</h3>
            <p class="muted">{format!("Decisions are kept: a new one shows as the latest and the earlier ones stay on record. The scores do not change. {evidence}")}</p>
            <FormNotice error/>
            {move || matches!(decide.value().get(), Some(Ok(()))).then(|| view! {
                <p class="notice-ok" role="status">"Decision recorded."</p>
            })}
            <input type="hidden" name="candidate_id" value=candidate_id/>
            <fieldset class="board-outcomes" aria-describedby=field_message_id("outcome")>
                <legend>"Decision"</legend>
                {Outcome::ALL.into_iter().map(|o| view! {
                    <label class="board-outcome">
                        <input type="radio" name="outcome" value=o.id() checked=chosen == o.id()/>
                        " "{o.label()}
                    </label>
                }).collect_view()}
                <FieldMessage error field="outcome"/>
            </fieldset>
            <label for="decision-rationale">"Rationale"</label>
            <textarea
                node_ref=rationale
                id="decision-rationale"
                name="rationale"
                rows="4"
                aria-describedby=field_message_id("rationale")
                aria-invalid=move || error.get().is_some_and(|e| !e.messages_for("rationale").is_empty()).to_string()
                inner_html=crate::escape::textarea_html(typed(&first, "rationale", ""))
            ></textarea>
            <span class="hint">{format!("At least {MIN_RATIONALE_CHARS} characters. Name the evidence the panel weighed most, above all where the decision goes against the ratings.")}</span>
            <FieldMessage error field="rationale"/>
            <FieldMessage error field="candidate_id"/>
            <button type="submit" class="primary">"Record decision"</button>
        </ActionForm>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_of_a_bar_add_up() {
        assert_eq!(share(1, 4), 25.0);
        assert_eq!(format!("{:.1}", share(2, 3)), "66.7");
        assert_eq!(share(0, 0), 0.0);
    }

    #[test]
    fn flag_ids_follow_the_item_key() {
        assert_eq!(flag_id("exercise:simulation"), "flag-exercise:simulation");
    }
}
