//! The panel board of a requisition, `/requisitions/:id/board`: every
//! candidate against every column of the kit as the whole panel scored
//! them, how well the panel agrees, which scorecards are still owed, and
//! each candidate's profile. Sorting and the stage filter are plain links
//! and a GET form, so the page works without JavaScript; with it, the board
//! fetches itself again every few seconds while it is open.
//!
//! Also the small formatting helpers the candidate view shares.

use crate::api::board::get_board;
use crate::api::candidates::utc_minutes;
use crate::domain::agreement::Agreement;
use crate::domain::board::{
    arrange, Board, CandidateRow, Cell, Counts, InterviewerLeniency, PanelRecommendation, SortKey,
    EXPECTATION,
};
use crate::domain::board_export::chart::profile_svg;
use crate::domain::candidate::Stage;
use crate::domain::scorecard::{CardStatus, Recommendation};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// How often an open board asks the server for fresh data, unless the
/// address asks for another interval (`?refresh=5`, within
/// [`REFRESH_RANGE`]): a debrief in progress may want it sooner.
pub const REFRESH_SECONDS: u64 = 15;
pub const REFRESH_RANGE: std::ops::RangeInclusive<u64> = 2..=300;

/// The refresh interval the address asks for, kept within
/// [`REFRESH_RANGE`]; the default when it asks for none or for nonsense.
pub fn refresh_seconds(asked: Option<&str>) -> u64 {
    asked
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map_or(REFRESH_SECONDS, |s| {
            s.clamp(*REFRESH_RANGE.start(), *REFRESH_RANGE.end())
        })
}

#[component]
pub fn BoardPage() -> impl IntoView {
    let params = use_params_map();
    let board = Resource::new(
        move || params.with(|p| p.get("id").unwrap_or_default()),
        get_board,
    );
    view! {
        <Suspense fallback=|| view! { <p class="page">"Loading the panel board…"</p> }>
            {move || Suspend::new(async move {
                match board.await {
                    Ok(b) => view! { <BoardBody b/> }.into_any(),
                    Err(e) => unavailable("This panel board is not available", &e),
                }
            })}
        </Suspense>
    }
}

/// Why a board cannot be shown (not on the requisition, no such page),
/// with the status set to match; shared with the candidate view.
pub fn unavailable(heading: &'static str, e: &crate::error::AppError) -> AnyView {
    crate::pages::set_error_status(e);
    view! {
        <section class="page narrow">
            <h1>{heading}</h1>
            <p class="error" role="alert">{e.to_string()}</p>
            <p><a href="/requisitions">"Your requisitions"</a>" · "<a href="/interviews">"My interviews"</a></p>
        </section>
    }
    .into_any()
}

#[component]
fn BoardBody(b: Board) -> impl IntoView {
    let query = use_query_map();
    let title = b.title.clone();
    let latest = RwSignal::new(b);
    // The board is drawn again only when something on it changed, not at
    // every refresh: the time it was generated is shown on its own, so a
    // refresh with nothing new leaves the table (and its scroll position,
    // the open filter) alone.
    let generated_at = Memo::new(move |_| latest.with(|b| b.generated_at.clone()));
    let content = Memo::new(move |_| {
        latest.with(|b| Board {
            generated_at: String::new(),
            ..b.clone()
        })
    });
    let refresh_failed = RwSignal::new(None::<String>);
    let every = refresh_seconds(query.with_untracked(|q| q.get("refresh")).as_deref());
    // Effects run only in the browser: the server renders the board once,
    // and the timer starts after hydration and stops with the page.
    Effect::new(move |_| {
        let id = latest.with_untracked(|b| b.requisition_id.clone());
        let handle = set_interval_with_handle(
            move || {
                let id = id.clone();
                leptos::task::spawn_local(async move {
                    match get_board(id).await {
                        Ok(fresh) => {
                            let _ = refresh_failed.try_set(None);
                            let _ = latest.try_set(fresh);
                        }
                        Err(e) => {
                            let _ = refresh_failed.try_set(Some(e.to_string()));
                        }
                    }
                });
            },
            std::time::Duration::from_secs(every),
        )
        .ok();
        on_cleanup(move || {
            if let Some(handle) = handle {
                handle.clear();
            }
        });
    });
    let updated = move || {
        view! {
            <p class="board-updated muted" data-generated-at=move || generated_at.get()>
                <span class="board-updated-at">{move || format!("Updated {}", utc_clock(&generated_at.get()))}</span>
                {format!(". With JavaScript on, the board updates itself every {every} seconds; otherwise reload the page for the latest.")}
                {move || refresh_failed.get().map(|e| view! {
                    " "<span class="board-refresh-failed" role="status">{format!("The last update failed ({e}); showing the board as it was.")}</span>
                })}
            </p>
        }
    };
    view! {
        <Title text=crate::escape::page_title(format!("Panel board · {title}"))/>
        // Sorting and filtering only reorder what is already here: no new
        // request when a column heading is clicked.
        {move || {
            let (sort, stage) = query.with(|q| {
                (
                    SortKey::parse(q.get_str("sort")),
                    q.get_str("stage").and_then(|s| s.parse::<Stage>().ok()),
                )
            });
            content.with(|b| board_view(b, &sort, stage, updated().into_any()))
        }}
    }
}

fn board_view(b: &Board, sort: &SortKey, stage: Option<Stage>, updated: AnyView) -> AnyView {
    let id = b.requisition_id.clone();
    let rows = arrange(b, sort, stage);
    let shown = rows.len();
    let profiles: Vec<AnyView> = rows
        .iter()
        .filter(|r| !r.hidden)
        .map(|r| profile_figure(b, r))
        .collect();
    let table = if rows.is_empty() {
        let text = if b.candidates.is_empty() {
            "No candidates on this requisition yet. They appear here once they are on it."
        } else {
            "No candidate is at this stage. Choose “All stages” to see everyone."
        };
        view! { <p class="empty">{text}</p> }.into_any()
    } else {
        matrix(b, &rows, sort, stage)
    };
    view! {
        <article class="page board" data-requisition=id.clone() data-sort=sort.id().to_string()>
            <p class="eyebrow">"Requisition · "<a href=format!("/requisitions/{id}")>{b.title.clone()}</a></p>
            <h1>{format!("Panel board: {}", b.title)}</h1>
            <p class="board-nav">
                <a href=format!("/requisitions/{id}")>"Back to the requisition"</a>" · "
                <a href=format!("/requisitions/{id}/candidates")>"Its candidates"</a>
            </p>
            {updated}
            <Exports id=id.clone()/>
            <section class="board-matrix-section" id="matrix" aria-labelledby="board-matrix-heading">
                <h2 id="board-matrix-heading">"Candidates against the kit"</h2>
                <p class="muted">
                    "Each cell counts the panel's ratings in that column (E exceeds, M meets, B below, NE no evidence) and gives their mean from 1 (below) to 3 (exceeds). "
                    {format!("A mean under {EXPECTATION:.1} falls short of the level's expectation and is marked. ")}
                    "Only submitted scorecards count. Click a column heading to sort by it."
                </p>
                <StageFilter id=id.clone() sort=sort.id().to_string() stage/>
                {table}
                <p class="muted">{format!("{shown} of {} {}", b.candidates.len(), if b.candidates.len() == 1 { "candidate" } else { "candidates" })}</p>
            </section>
            {calibration(b)}
            {missing_cards(b)}
            <section class="board-profiles-section" id="profiles">
                <h2>"Profiles"</h2>
                {if profiles.is_empty() {
                    view! { <p class="muted">"No profile to show: no candidate here has ratings you can see yet."</p> }.into_any()
                } else {
                    view! {
                        <p class="muted">{format!("Each bar is a column's mean rating; the dashed line is the level's expectation ({EXPECTATION:.1}).")}</p>
                        <div class="board-profiles">{profiles}</div>
                    }.into_any()
                }}
            </section>
        </article>
    }
    .into_any()
}

#[component]
fn Exports(id: String) -> impl IntoView {
    let link = |file: &'static str, label: &'static str| {
        view! {
            <li><a class="board-export" data-export=file href=format!("/api/requisitions/{id}/{file}") download="">{label}</a></li>
        }
    };
    view! {
        <section class="board-exports" aria-labelledby="board-exports-heading">
            <h2 id="board-exports-heading">"Exports"</h2>
            <ul>
                {link("ratings.csv", "Ratings (CSV)")}
                {link("debrief.md", "Debrief packet (Markdown)")}
                {link("debrief.html", "Debrief packet (HTML, printable)")}
                {link("board", "Board (JSON)")}
                {link("scorecards.greenhouse.json", "Scorecards for Greenhouse (JSON)")}
            </ul>
            <p class="muted">"The exports hold what you can see here, including every individual rating with its indicators and notes."</p>
        </section>
    }
}

/// The stage filter: a plain GET form that keeps the sort.
#[component]
fn StageFilter(id: String, sort: String, stage: Option<Stage>) -> impl IntoView {
    view! {
        <form method="get" action=format!("/requisitions/{id}/board") class="board-filter">
            <input type="hidden" name="sort" value=sort/>
            <label for="board-stage">"Stage"</label>
            " "
            <select id="board-stage" name="stage">
                <option value="" selected=stage.is_none()>"All stages"</option>
                {Stage::ALL.into_iter().map(|s| view! {
                    <option value=s.id() selected=stage == Some(s)>{s.label()}</option>
                }).collect_view()}
            </select>
            " "
            <button type="submit">"Filter"</button>
        </form>
    }
}

/// A column heading that sorts by `key`, keeping the stage filter.
fn sort_heading(
    id: &str,
    key: SortKey,
    current: &SortKey,
    stage: Option<Stage>,
    label: String,
    extra: Option<String>,
) -> AnyView {
    let active = &key == current;
    // Names read A to Z; every score reads highest first.
    let direction = if key == SortKey::Name {
        "ascending"
    } else {
        "descending"
    };
    let column = match &key {
        SortKey::Column(c) => Some(c.clone()),
        _ => None,
    };
    let href = sort_href(id, &key, stage);
    view! {
        <th scope="col" data-column=column data-sort=key.id().to_string() aria-sort=active.then_some(direction) class:board-sorted=active>
            <a href=href>{label}</a>
            {extra.map(|e| view! { <span class="board-weight">{e}</span> })}
        </th>
    }
    .into_any()
}

fn matrix(b: &Board, rows: &[&CandidateRow], sort: &SortKey, stage: Option<Stage>) -> AnyView {
    let id = b.requisition_id.clone();
    let headings: Vec<AnyView> = b
        .columns
        .iter()
        .map(|c| {
            sort_heading(
                &id,
                SortKey::Column(c.id.clone()),
                sort,
                stage,
                c.label.clone(),
                Some(format!("weight {}", c.weight)),
            )
        })
        .collect();
    let body: Vec<AnyView> = rows.iter().map(|r| matrix_row(b, r)).collect();
    view! {
        <div class="board-scroll">
            <table class="board-matrix">
                <thead>
                    <tr>
                        {sort_heading(&id, SortKey::Name, sort, stage, "Candidate".into(), None)}
                        <th scope="col">"Stage"</th>
                        {headings}
                        {sort_heading(&id, SortKey::Weighted, sort, stage, "Weighted".into(), None)}
                        <th scope="col">"Evidence says"</th>
                        <th scope="col">"Recommendations"</th>
                        <th scope="col">"Decision"</th>
                        <th scope="col">"Flags"</th>
                        <th scope="col">"Cards missing"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn matrix_row(b: &Board, row: &CandidateRow) -> AnyView {
    // The score columns, the weighted score, the evidence's call and the
    // recommendations.
    let span = b.columns.len() + 3;
    let scores = if row.hidden {
        view! {
            <td class="board-hidden" colspan=span>
                "Hidden until you submit your own scorecard for this candidate. You see everyone's ratings once yours is in."
            </td>
        }
        .into_any()
    } else {
        let cells: Vec<AnyView> = row.cells.iter().map(score_cell).collect();
        view! {
            {cells}
            <td class="board-weighted num" data-weighted=row.weighted.map(|w| format!("{w:.2}"))>{one_decimal(row.weighted)}</td>
            <td class="board-evidence">{row.evidence.map(Recommendation::label).unwrap_or("—")}</td>
            <td class="board-recommendations">{recommendations_text(&row.recommendations)}</td>
        }
        .into_any()
    };
    let flags = match row.flags.len() {
        0 => view! { <span class="muted">"—"</span> }.into_any(),
        n => view! {
            <a class="board-flags" href=format!("/candidates/{}/board#to-discuss", row.id)>{format!("{n} to discuss")}</a>
        }
        .into_any(),
    };
    view! {
        <tr data-candidate=row.id.clone() data-stage=row.stage.id() data-hidden=row.hidden.to_string()>
            <th scope="row"><a class="board-candidate" href=format!("/candidates/{}/board", row.id)>{row.name.clone()}</a></th>
            <td><span class=format!("stage stage-{}", row.stage.id())>{row.stage.label()}</span></td>
            {scores}
            <td class="board-decision-cell">{decision_summary(row)}</td>
            <td>{flags}</td>
            <td class="board-missing">{missing_summary(row)}</td>
        </tr>
    }
    .into_any()
}

fn score_cell(cell: &Cell) -> AnyView {
    let column = cell.column.clone();
    if cell.counts.total() == 0 {
        return view! {
            <td class="board-cell board-empty" data-column=column>
                <span aria-hidden="true">"—"</span>
                <span class="visually-hidden">"No ratings"</span>
            </td>
        }
        .into_any();
    }
    let short = cell.mean.is_some_and(|m| m < EXPECTATION);
    view! {
        <td class="board-cell" class:board-short=short data-column=column data-mean=cell.mean.map(|m| format!("{m:.2}"))>
            <span class="board-counts">{counts_text(&cell.counts)}</span>
            {cell.mean.map(|m| view! {
                <strong class="board-mean">{format!("{m:.1}")}</strong>
                {short.then(|| view! { <span class="visually-hidden">" (below the level's expectation)"</span> })}
            })}
        </td>
    }
    .into_any()
}

fn decision_summary(row: &CandidateRow) -> AnyView {
    match &row.decision {
        None => view! { <span class="muted">"Not decided"</span> }.into_any(),
        Some(d) => view! {
            <span class="board-decision-label" data-outcome=d.outcome.id()>{d.outcome.label()}</span>
            {row.departs.then(|| view! {
                " "<span class="board-departs" title="The decision goes against the weighted evidence">"departs from the evidence"</span>
            })}
            {(!row.earlier_decisions.is_empty()).then(|| {
                let earlier = row.earlier_decisions.len();
                let last = row.earlier_decisions.last().map(|d| d.outcome.label()).unwrap_or_default();
                view! {
                    " "<span class="board-decision-changed muted" data-earlier-decisions=earlier>
                        {format!("(changed from {last}; {earlier} earlier)")}
                    </span>
                }
            })}
        }
        .into_any(),
    }
}

fn missing_summary(row: &CandidateRow) -> AnyView {
    let missing = row.missing.len();
    let overdue = row.missing.iter().filter(|m| m.overdue).count();
    if missing == 0 {
        let text = if row.submitted_cards == 0 {
            "No interviews yet"
        } else {
            "All in"
        };
        return view! { <span class="muted">{text}</span> }.into_any();
    }
    view! {
        <a href=format!("/candidates/{}/board#missing", row.id)>{format!("{missing} missing")}</a>
        {(overdue > 0).then(|| view! { " · "<span class="board-overdue">{format!("{overdue} overdue")}</span> })}
    }
    .into_any()
}

fn profile_figure(b: &Board, row: &CandidateRow) -> AnyView {
    let caption = match (row.weighted, row.evidence) {
        (Some(w), Some(e)) => format!(
            "{}: weighted {w:.1}, the evidence says {}",
            row.name,
            e.label().to_lowercase()
        ),
        _ => format!("{}: no ratings with points yet", row.name),
    };
    view! {
        <figure class="board-profile" data-candidate=row.id.clone()>
            <div class="board-chart" inner_html=profile_svg(b, row)></div>
            <figcaption><a href=format!("/candidates/{}/board", row.id)>{caption}</a></figcaption>
        </figure>
    }
    .into_any()
}

fn calibration(b: &Board) -> AnyView {
    let c = &b.calibration;
    let (value, reading) = match &c.agreement {
        Agreement::Alpha { .. } => (agreement_text(&c.agreement), Some(c.reading.clone())),
        // The reading of too little data is the reason itself.
        Agreement::TooLittleData { .. } => (agreement_text(&c.agreement), None),
    };
    let leniency: Vec<AnyView> = c.leniency.iter().map(leniency_row).collect();
    view! {
        <section class="board-calibration" id="calibration">
            <h2>"Calibration"</h2>
            <p class="board-alpha">{value}</p>
            {reading.map(|r| view! { <p class="board-reading">{r}</p> })}
            <p class="muted">"Krippendorff's alpha measures how far the panel agrees on the same items of the same candidates: 1 is full agreement, 0 is no better than chance. The ratings compared are every submitted rating on an item someone else on the panel rated too."</p>
            <h3>"Leniency"</h3>
            {if leniency.is_empty() {
                view! { <p class="muted">"No interviewer shares rated items with anyone else yet."</p> }.into_any()
            } else {
                view! {
                    <p class="muted">"How far each interviewer rates above (+) or below (−) the rest of the panel on the same items, in rating steps (one step is meets to exceeds)."</p>
                    <table class="board-leniency">
                        <thead><tr><th scope="col">"Interviewer"</th><th scope="col">"Shared items"</th><th scope="col">"Offset"</th></tr></thead>
                        <tbody>{leniency}</tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

fn leniency_row(l: &InterviewerLeniency) -> AnyView {
    view! {
        <tr data-interviewer=l.interviewer_email.clone()>
            <td>{l.interviewer_email.clone()}</td>
            <td class="num">{l.shared_items}</td>
            <td class="num board-offset">{offset_text(l.offset)}</td>
        </tr>
    }
    .into_any()
}

fn missing_cards(b: &Board) -> AnyView {
    let mut cards: Vec<(&CandidateRow, &crate::domain::board::MissingCard)> = b
        .candidates
        .iter()
        .flat_map(|r| r.missing.iter().map(move |m| (r, m)))
        .collect();
    // The overdue ones first: they are the ones to chase.
    cards.sort_by(|(_, a), (_, b)| {
        b.overdue
            .cmp(&a.overdue)
            .then_with(|| a.starts_at.cmp(&b.starts_at))
    });
    let overdue = b.overdue_count();
    let body = if cards.is_empty() {
        view! { <p class="muted">"Every scorecard is in."</p> }.into_any()
    } else {
        let rows: Vec<AnyView> = cards
            .into_iter()
            .map(|(row, m)| {
                view! {
                    <tr data-slot=m.slot_id.clone() data-candidate=row.id.clone() data-overdue=m.overdue.to_string()>
                        <td><a href=format!("/candidates/{}/board", row.id)>{row.name.clone()}</a></td>
                        <td>{m.round_name.clone()}</td>
                        <td>{m.interviewer_email.clone()}</td>
                        <td>{card_state_label(m.state)}</td>
                        <td>{utc_minutes(&m.starts_at)}</td>
                        <td>{m.overdue.then(|| view! { <span class="board-overdue">"overdue"</span> })}</td>
                    </tr>
                }
                .into_any()
            })
            .collect();
        view! {
            <table class="board-missing-cards">
                <thead><tr>
                    <th scope="col">"Candidate"</th><th scope="col">"Round"</th><th scope="col">"Interviewer"</th>
                    <th scope="col">"Scorecard"</th><th scope="col">"Interview"</th><th scope="col"><span class="visually-hidden">"Overdue"</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="board-missing-section" id="missing">
            <h2>"Missing scorecards"</h2>
            {(overdue > 0).then(|| view! {
                <p class="warning">{format!(
                    "{overdue} {} overdue: still missing {} hours after the interview ended. Ratings written from memory days later are less reliable; ask for them now.",
                    if overdue == 1 { "scorecard is" } else { "scorecards are" },
                    crate::domain::board::OVERDUE_AFTER_HOURS,
                )}</p>
            })}
            {body}
        </section>
    }
    .into_any()
}

/// The link a column heading sorts by.
pub fn sort_href(requisition_id: &str, sort: &SortKey, stage: Option<Stage>) -> String {
    let mut href = format!(
        "/requisitions/{requisition_id}/board?sort={}",
        query_value(sort.id())
    );
    if let Some(stage) = stage {
        href.push_str("&stage=");
        href.push_str(stage.id());
    }
    href
}

/// Percent-encodes a query value, keeping what is safe in a query as is
/// (column ids such as `exercise:simulation` stay readable).
fn query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b':' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// "E 2 · M 1 · B 0", with "NE n" when some ratings found no evidence.
pub fn counts_text(counts: &Counts) -> String {
    let mut text = format!(
        "E {} · M {} · B {}",
        counts.exceeds, counts.meets, counts.below
    );
    if counts.no_evidence > 0 {
        text.push_str(&format!(" · NE {}", counts.no_evidence));
    }
    text
}

/// A score to one decimal, or a dash.
pub fn one_decimal(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v:.1}"))
}

/// "1 strong hire · 2 hire · 1 no hire", most favourable first.
pub fn recommendations_text(recommendations: &[PanelRecommendation]) -> String {
    let parts: Vec<String> = Recommendation::ALL
        .into_iter()
        .filter_map(|kind| {
            let n = recommendations
                .iter()
                .filter(|r| r.recommendation == kind)
                .count();
            (n > 0).then(|| format!("{n} {}", kind.label().to_lowercase()))
        })
        .collect();
    if parts.is_empty() {
        "—".into()
    } else {
        parts.join(" · ")
    }
}

pub fn card_state_label(state: CardStatus) -> &'static str {
    match state {
        CardStatus::NotStarted => "not started",
        CardStatus::Draft => "draft",
        CardStatus::Submitted => "submitted",
    }
}

/// The time of day of a stored RFC 3339 UTC time: `14:30:05 UTC`.
pub fn utc_clock(stored: &str) -> String {
    match stored.get(11..19) {
        Some(time) => format!("{time} UTC"),
        None => stored.to_string(),
    }
}

/// "+0.33 steps", or why there is no offset.
pub fn offset_text(offset: Option<f64>) -> String {
    match offset {
        Some(o) => {
            // Rounds to zero without a minus sign on it.
            let o = if o.abs() < 0.005 { 0.0 } else { o };
            format!("{o:+.2} steps")
        }
        None => "too few shared items".into(),
    }
}

/// The agreement in a sentence.
pub fn agreement_text(agreement: &Agreement) -> String {
    match agreement {
        Agreement::Alpha { alpha, pairable } => format!(
            "Krippendorff's alpha: {alpha:.2}, over {pairable} pairable {}.",
            if *pairable == 1 { "rating" } else { "ratings" }
        ),
        Agreement::TooLittleData { reason, .. } => {
            format!("Krippendorff's alpha: not computed yet. {reason}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_may_ask_for_another_refresh_interval_within_bounds() {
        assert_eq!(refresh_seconds(None), REFRESH_SECONDS);
        assert_eq!(refresh_seconds(Some("5")), 5);
        assert_eq!(refresh_seconds(Some(" 60 ")), 60);
        assert_eq!(refresh_seconds(Some("0")), 2, "not a request per frame");
        assert_eq!(refresh_seconds(Some("86400")), 300);
        assert_eq!(refresh_seconds(Some("soon")), REFRESH_SECONDS);
        assert_eq!(refresh_seconds(Some("-3")), REFRESH_SECONDS);
    }

    #[test]
    fn counts_show_no_evidence_only_when_there_is_some() {
        let c = Counts {
            exceeds: 2,
            meets: 1,
            below: 0,
            no_evidence: 0,
        };
        assert_eq!(counts_text(&c), "E 2 · M 1 · B 0");
        let c = Counts {
            no_evidence: 3,
            ..c
        };
        assert_eq!(counts_text(&c), "E 2 · M 1 · B 0 · NE 3");
    }

    #[test]
    fn sort_links_keep_the_stage() {
        let column = SortKey::Column("exercise:simulation".into());
        assert_eq!(
            sort_href("r1", &column, Some(Stage::Interviewing)),
            "/requisitions/r1/board?sort=exercise:simulation&stage=interviewing"
        );
        assert_eq!(
            sort_href("r1", &SortKey::Name, None),
            "/requisitions/r1/board?sort=name"
        );
        assert_eq!(query_value("a b&c"), "a%20b%26c");
    }

    #[test]
    fn recommendations_are_counted_most_favourable_first() {
        let rec = |r| PanelRecommendation {
            slot_id: "s".into(),
            interviewer_email: "i@example.com".into(),
            round_name: "Round".into(),
            recommendation: r,
        };
        let list = [
            rec(Recommendation::NoHire),
            rec(Recommendation::Hire),
            rec(Recommendation::Hire),
        ];
        assert_eq!(recommendations_text(&list), "2 hire · 1 no hire");
        assert_eq!(recommendations_text(&[]), "—");
    }

    #[test]
    fn numbers_read_as_people_expect() {
        assert_eq!(one_decimal(Some(2.35 + 1e-9)), "2.4");
        assert_eq!(one_decimal(None), "—");
        assert_eq!(offset_text(Some(1.0 / 3.0)), "+0.33 steps");
        assert_eq!(offset_text(Some(-0.5)), "-0.50 steps");
        assert_eq!(offset_text(Some(-0.001)), "+0.00 steps");
        assert_eq!(offset_text(None), "too few shared items");
        assert_eq!(utc_clock("2026-03-09T14:30:05.123Z"), "14:30:05 UTC");
        assert_eq!(
            agreement_text(&Agreement::Alpha {
                alpha: -0.3139,
                pairable: 12
            }),
            "Krippendorff's alpha: -0.31, over 12 pairable ratings."
        );
        assert_eq!(
            agreement_text(&Agreement::TooLittleData {
                pairable: 0,
                reason: "Fewer than two ratings on any item.".into()
            }),
            "Krippendorff's alpha: not computed yet. Fewer than two ratings on any item."
        );
    }
}
