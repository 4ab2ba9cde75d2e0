//! The panel board of a requisition, `/requisitions/:id/board`: every
//! candidate against every column of the kit as the whole panel scored
//! them, how well the panel agrees, which scorecards are still owed, and
//! each candidate's profile. Sorting and the stage filter are plain links
//! and a GET form, so the page works without JavaScript; with it, the board
//! fetches itself again every few seconds while it is open.
//!
//! The address says how the table reads (see [`BoardQuery`]):
//! `?sort=<name|weighted|column id>&dir=<asc|desc>&stage=<stage>&all=1`;
//! every link and the filter form keep what they do not change.
//!
//! Also the small formatting helpers the candidate view shares.

use crate::api::board::get_board;
use crate::domain::agreement::Agreement;
use crate::domain::board::{
    arrange, has_scorecard, tenths_down, Board, CandidateRow, Cell, Counts, Coverage, Direction,
    InterviewerLeniency, Listed, PanelRecommendation, SortKey, EXPECTATION,
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

/// What the board's address asks for. Every link on the board is this
/// with one thing changed, so nothing else asked for is lost.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardQuery {
    /// `sort`: `name`, `weighted` (the default) or a column id.
    pub sort: SortKey,
    /// `dir`: `asc` or `desc`; absent, the sort's own direction.
    pub direction: Direction,
    /// `stage`: only candidates at this stage.
    pub stage: Option<Stage>,
    /// `all=1`: candidates nobody has a scorecard for too.
    pub listed: Listed,
    /// `refresh`: kept as the address gave it, so links keep it.
    pub refresh: Option<u64>,
}

impl BoardQuery {
    /// Reads the query through `get`, one parameter at a time; what is
    /// missing or makes no sense reads as the default.
    pub fn read(get: impl Fn(&str) -> Option<String>) -> BoardQuery {
        let sort = SortKey::parse(get("sort").as_deref());
        let direction =
            Direction::parse(get("dir").as_deref()).unwrap_or_else(|| sort.default_direction());
        let all = get("all").is_some_and(|v| matches!(v.trim(), "1" | "true" | "on" | "yes"));
        BoardQuery {
            direction,
            stage: get("stage").and_then(|s| s.parse::<Stage>().ok()),
            listed: if all {
                Listed::Everyone
            } else {
                Listed::Scored
            },
            refresh: get("refresh")
                .filter(|r| r.trim().parse::<u64>().is_ok())
                .map(|r| refresh_seconds(Some(&r))),
            sort,
        }
    }

    /// The board's address for this query. `sort` is always written; the
    /// rest only when it differs from the default.
    pub fn href(&self, requisition_id: &str) -> String {
        let mut href = format!(
            "/requisitions/{requisition_id}/board?sort={}",
            query_value(self.sort.id())
        );
        if self.direction != self.sort.default_direction() {
            href.push_str("&dir=");
            href.push_str(self.direction.id());
        }
        if let Some(stage) = self.stage {
            href.push_str("&stage=");
            href.push_str(stage.id());
        }
        if self.listed == Listed::Everyone {
            href.push_str("&all=1");
        }
        if let Some(refresh) = self.refresh {
            href.push_str(&format!("&refresh={refresh}"));
        }
        href
    }

    /// Sorted by `key`: the other way round when it is the sort already,
    /// else in the key's own direction.
    pub fn sorted_by(&self, key: SortKey) -> BoardQuery {
        let direction = if key == self.sort {
            self.direction.flip()
        } else {
            key.default_direction()
        };
        BoardQuery {
            sort: key,
            direction,
            ..self.clone()
        }
    }

    pub fn listing(&self, listed: Listed) -> BoardQuery {
        BoardQuery {
            listed,
            ..self.clone()
        }
    }
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
                    Err(e) => super::unavailable("This panel board is not available", &e),
                }
            })}
        </Suspense>
    }
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
    let updated_at = Memo::new(move |_| {
        latest.with(|b| match b.updated.as_str() {
            "" => utc_clock(&b.generated_at),
            clock => clock.to_string(),
        })
    });
    let content = Memo::new(move |_| {
        latest.with(|b| Board {
            generated_at: String::new(),
            updated: String::new(),
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
                <span class="board-updated-at">{move || format!("Updated {}", updated_at.get())}</span>
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
            let asked = query.with(|q| BoardQuery::read(|key| q.get(key)));
            content.with(|b| board_view(b, &asked, updated().into_any()))
        }}
    }
}

fn board_view(b: &Board, asked: &BoardQuery, updated: AnyView) -> AnyView {
    let id = b.requisition_id.clone();
    let arranged = arrange(b, &asked.sort, asked.direction, asked.stage, asked.listed);
    let rows = arranged.rows;
    let shown = rows.len();
    let profiles: Vec<AnyView> = rows
        .iter()
        .filter(|r| !r.hidden)
        .map(|r| profile_figure(b, r))
        .collect();
    let table = if rows.is_empty() {
        let text = if b.candidates.is_empty() {
            "No candidates on this requisition yet. They appear here once they are on it."
        } else if arranged.left_out > 0 {
            "No candidate here has a scorecard yet."
        } else {
            "No candidate is at this stage. Choose “All stages” to see everyone."
        };
        view! { <p class="empty">{text}</p> }.into_any()
    } else {
        view! {
            {score_legend()}
            {matrix(b, &rows, asked)}
        }
        .into_any()
    };
    let unscored_shown = rows.iter().filter(|r| !has_scorecard(r)).count();
    let listing = listing_note(&id, asked, arranged.left_out, unscored_shown);
    view! {
        <article class="page board board-page" data-requisition=id.clone() data-sort=asked.sort.id().to_string() data-dir=asked.direction.id()>
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
                    "Only submitted scorecards count. Click a column heading to sort by it, and click it again to reverse the order."
                </p>
                <StageFilter id=id.clone() asked=asked.clone()/>
                {listing}
                {table}
                <p class="muted board-count">{format!("{shown} of {} {}", b.candidates.len(), if b.candidates.len() == 1 { "candidate" } else { "candidates" })}</p>
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
                {link("ratings.csv?excel=1", "Ratings for Excel (CSV that keeps accents)")}
                {link("debrief.md", "Debrief packet (Markdown)")}
                {link("debrief.html", "Debrief packet (HTML, printable)")}
                {link("board", "Board (JSON)")}
                {link("scorecards.greenhouse.json", "Scorecards for Greenhouse (JSON)")}
            </ul>
            <p class="muted">"The exports hold what you can see here, including every individual rating with its indicators and notes."</p>
        </section>
    }
}

/// The stage filter: a plain GET form that keeps the sort, its direction
/// and the address's refresh interval, and says whether to list everyone.
#[component]
fn StageFilter(id: String, asked: BoardQuery) -> impl IntoView {
    let stage = asked.stage;
    let dir = (asked.direction != asked.sort.default_direction()).then(|| asked.direction.id());
    view! {
        <form method="get" action=format!("/requisitions/{id}/board") class="board-filter">
            <input type="hidden" name="sort" value=asked.sort.id().to_string()/>
            {dir.map(|dir| view! { <input type="hidden" name="dir" value=dir/> })}
            {asked.refresh.map(|r| view! { <input type="hidden" name="refresh" value=r.to_string()/> })}
            <label for="board-stage">"Stage"</label>
            " "
            <select id="board-stage" name="stage">
                <option value="" selected=stage.is_none()>"All stages"</option>
                {Stage::ALL.into_iter().map(|s| view! {
                    <option value=s.id() selected=stage == Some(s)>{s.label()}</option>
                }).collect_view()}
            </select>
            " "
            <label class="board-all">
                <input type="checkbox" name="all" value="1" checked=asked.listed == Listed::Everyone/>
                " Also list candidates nobody has a scorecard for yet"
            </label>
            " "
            <button type="submit">"Filter"</button>
        </form>
    }
}

/// Says how many candidates the default listing leaves out (nobody has a
/// scorecard for them yet), or that everyone is listed, with the link
/// that switches.
fn listing_note(id: &str, asked: &BoardQuery, left_out: usize, unscored_shown: usize) -> AnyView {
    match asked.listed {
        Listed::Scored if left_out > 0 => view! {
            <p class="board-left-out" data-left-out=left_out>
                {if left_out == 1 {
                    "1 candidate is not listed: nobody has a scorecard for them yet (none submitted, no draft started). ".to_string()
                } else {
                    format!("{left_out} candidates are not listed: nobody has a scorecard for them yet (none submitted, no draft started). ")
                }}
                <a class="board-show-all" href=asked.listing(Listed::Everyone).href(id)>"Show everyone"</a>
            </p>
        }
        .into_any(),
        Listed::Everyone if unscored_shown > 0 => view! {
            <p class="board-left-out" data-left-out="0">
                {format!(
                    "Listing everyone, including {unscored_shown} {} nobody has a scorecard for yet. ",
                    if unscored_shown == 1 { "candidate" } else { "candidates" }
                )}
                <a class="board-show-scored" href=asked.listing(Listed::Scored).href(id)>"Show only candidates with a scorecard"</a>
            </p>
        }
        .into_any(),
        _ => ().into_any(),
    }
}

/// A column heading that sorts by `key`, keeping the rest of the query.
/// The active one says its direction; clicking it reverses it.
fn sort_heading(
    id: &str,
    key: SortKey,
    asked: &BoardQuery,
    label: String,
    extra: Option<String>,
) -> AnyView {
    let active = key == asked.sort;
    let column = match &key {
        SortKey::Column(c) => Some(c.clone()),
        _ => None,
    };
    let name = key == SortKey::Name;
    let next = asked.sorted_by(key.clone());
    let hint = match (next.direction, name) {
        (Direction::Ascending, true) => "Sort A to Z",
        (Direction::Descending, true) => "Sort Z to A",
        (Direction::Ascending, false) => "Sort lowest first",
        (Direction::Descending, false) => "Sort highest first",
    };
    view! {
        <th scope="col" data-column=column data-sort=key.id().to_string() aria-sort=active.then_some(asked.direction.aria()) class:board-sorted=active>
            <a href=next.href(id) title=hint>{label}</a>
            {extra.map(|e| view! { <span class="board-weight">{e}</span> })}
        </th>
    }
    .into_any()
}

/// The table: the candidate, then what the panel must decide from
/// (stage, weighted score, the evidence's call, the decision), then each
/// score column, then the rest.
fn matrix(b: &Board, rows: &[&CandidateRow], asked: &BoardQuery) -> AnyView {
    let id = b.requisition_id.clone();
    let headings: Vec<AnyView> = b
        .columns
        .iter()
        .map(|c| {
            sort_heading(
                &id,
                SortKey::Column(c.id.clone()),
                asked,
                c.label.clone(),
                Some(format!("weight {}", c.weight)),
            )
        })
        .collect();
    let body: Vec<AnyView> = rows.iter().map(|r| matrix_row(b, r)).collect();
    view! {
        <div class="board-scroll board-matrix-scroll">
            <table class="board-matrix">
                <thead>
                    <tr>
                        {sort_heading(&id, SortKey::Name, asked, "Candidate".into(), None)}
                        <th scope="col">"Stage"</th>
                        {sort_heading(&id, SortKey::Weighted, asked, "Weighted".into(), None)}
                        <th scope="col">"Evidence says"</th>
                        <th scope="col" class="board-decision-heading">"Decision"</th>
                        {headings}
                        <th scope="col">"Recommendations"</th>
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
    let (summary, scores) = if row.hidden {
        // Spans follow the headings: the weighted score and the
        // evidence's call; then every score column and the
        // recommendations.
        let span = b.columns.len() + 1;
        (
            view! { <td class="board-hidden" colspan="2">"Hidden"</td> }.into_any(),
            view! {
                <td class="board-hidden" colspan=span>
                    "Hidden until you submit your own scorecard for this candidate. You see everyone's ratings once yours is in."
                </td>
            }
            .into_any(),
        )
    } else {
        let cells: Vec<AnyView> = row.cells.iter().map(score_cell).collect();
        (
            view! {
                <td class="board-weighted num" data-weighted=row.weighted.map(|w| format!("{w:.2}"))>{one_decimal(row.weighted)}</td>
                <td class="board-evidence">{row.evidence.map(Recommendation::label).unwrap_or("—")}</td>
            }
            .into_any(),
            view! {
                {cells}
                <td class="board-recommendations">{recommendations_text(&row.recommendations)}</td>
            }
            .into_any(),
        )
    };
    let flags = match row.to_discuss {
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
            {summary}
            <td class="board-decision-cell">{decision_summary(row)}</td>
            {scores}
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
    let band = cell.mean.map(ScoreBand::of);
    let class = match band {
        Some(band) => format!("board-cell {}", band.class()),
        None => "board-cell".to_string(),
    };
    view! {
        <td class=class class:board-short=short data-column=column data-band=band.map(ScoreBand::id) data-mean=cell.mean.map(|m| format!("{m:.2}"))>
            <span class="board-counts">{counts_text(&cell.counts)}</span>
            {cell.mean.map(|m| view! {
                <strong class="board-mean">{tenths_down(m)}</strong>
                {short.then(|| view! { <span class="visually-hidden">" (below the level's expectation)"</span> })}
            })}
        </td>
    }
    .into_any()
}

/// Where a column mean (1 to 3) stands against the level's expectation
/// ([`EXPECTATION`], a mean of 2.0): the cell's colour on a diverging
/// orange (short of it) to purple (beyond it) scale that colour-blind
/// readers can tell apart (ColorBrewer PuOr), deeper half a step or more
/// away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreBand {
    WellShort,
    Short,
    Meets,
    Above,
    WellAbove,
}

impl ScoreBand {
    pub const ALL: [ScoreBand; 5] = [
        ScoreBand::WellShort,
        ScoreBand::Short,
        ScoreBand::Meets,
        ScoreBand::Above,
        ScoreBand::WellAbove,
    ];

    /// The band of a mean rating.
    pub fn of(mean: f64) -> ScoreBand {
        if mean < EXPECTATION - 0.5 {
            ScoreBand::WellShort
        } else if mean < EXPECTATION {
            ScoreBand::Short
        } else if mean <= EXPECTATION {
            ScoreBand::Meets
        } else if mean < EXPECTATION + 0.5 {
            ScoreBand::Above
        } else {
            ScoreBand::WellAbove
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            ScoreBand::WellShort => "well-short",
            ScoreBand::Short => "short",
            ScoreBand::Meets => "meets",
            ScoreBand::Above => "above",
            ScoreBand::WellAbove => "well-above",
        }
    }

    /// The class that colours a cell.
    pub fn class(self) -> String {
        format!("board-band-{}", self.id())
    }

    /// What the colour means, for the legend.
    pub fn label(self) -> &'static str {
        match self {
            ScoreBand::WellShort => "under 1.5: well short",
            ScoreBand::Short => "1.5 to under 2: short",
            ScoreBand::Meets => "2: meets it",
            ScoreBand::Above => "over 2, under 2.5: above",
            ScoreBand::WellAbove => "2.5 or more: well above",
        }
    }
}

/// The key to the cells' colours, above the table.
fn score_legend() -> AnyView {
    let keys = ScoreBand::ALL
        .into_iter()
        .map(|band| {
            view! {
                <li data-band=band.id()>
                    <span class=format!("board-swatch {}", band.class()) aria-hidden="true"></span>
                    {band.label()}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="board-legend">
            <p>{format!("Cell colours compare each mean with the level's expectation ({EXPECTATION:.1}): orange falls short of it, purple goes beyond it, and the deeper the colour the further away. The counts and the number are always there too.")}</p>
            <ul>{keys}</ul>
        </div>
    }
    .into_any()
}

fn decision_summary(row: &CandidateRow) -> AnyView {
    if row.hidden {
        // The decision is withheld with the ratings: "not decided" could
        // be untrue.
        return view! { <span class="muted">"Hidden"</span> }.into_any();
    }
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
            "{}: weighted {}, the evidence says {}",
            row.name,
            tenths_down(w),
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
    let leniency: Vec<AnyView> = c.leniency.iter().map(|l| leniency_row(b, l)).collect();
    view! {
        <section class="board-calibration" id="calibration">
            <h2>"Calibration"</h2>
            <p class="board-alpha">{value}</p>
            {reading.map(|r| view! { <p class="board-reading">{r}</p> })}
            <p class="board-covers" data-coverage=match c.coverage {
                Coverage::Requisition => "requisition",
                Coverage::OwnCandidates => "own-candidates",
            }>{c.covers.clone()}</p>
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
            {practice_table(b)}
        </section>
    }
    .into_any()
}

/// The panel's practice on the calibration page, for the people running
/// the requisition: a leniency seen on the board and one seen on the
/// sample answers, side by side.
fn practice_table(b: &Board) -> Option<AnyView> {
    if b.practice.is_empty() {
        return None;
    }
    let rows: Vec<AnyView> = b
        .practice
        .iter()
        .map(|(email, s)| {
            view! {
                <tr data-interviewer=email.clone() data-passes=s.passes().to_string()>
                    <td>{b.person(email).to_string()}</td>
                    <td class="num">{s.agreement_text()}</td>
                    <td>{s.tendency_text()}</td>
                    <td>{if s.passes() { "met" } else { "not yet" }}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    Some(
        view! {
            <h3>"Practice on sample answers"</h3>
            <p class="muted">"From each interviewer's ratings on the calibration page: how often they rated a sample answer as its reference, and which way they lean."</p>
            <table class="board-practice">
                <thead><tr><th scope="col">"Interviewer"</th><th scope="col">"As the reference"</th><th scope="col">"Tendency"</th><th scope="col">"Standard"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any(),
    )
}

fn leniency_row(b: &Board, l: &InterviewerLeniency) -> AnyView {
    view! {
        <tr data-interviewer=l.interviewer_email.clone()>
            <td>{b.person(&l.interviewer_email).to_string()}</td>
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
                        <td>{b.person(&m.interviewer_email).to_string()}</td>
                        <td>{card_state_label(m.state)}</td>
                        <td>{b.time(&m.starts_at)}</td>
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
    value.map_or_else(|| "—".to_string(), tenths_down)
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
        Agreement::Alpha {
            alpha,
            pairable,
            units,
        } => format!(
            "Krippendorff's alpha: {alpha:.2}, over {units} items rated by two or more interviewers ({pairable} ratings)."
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

    fn asked(pairs: &[(&str, &str)]) -> BoardQuery {
        BoardQuery::read(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn the_address_reads_with_defaults_for_what_it_does_not_say() {
        let q = asked(&[]);
        assert_eq!(q.sort, SortKey::Weighted);
        assert_eq!(q.direction, Direction::Descending);
        assert_eq!((q.stage, q.listed, q.refresh), (None, Listed::Scored, None));
        assert_eq!(asked(&[("sort", "name")]).direction, Direction::Ascending);
        assert_eq!(
            asked(&[("sort", "name"), ("dir", "sideways")]).direction,
            Direction::Ascending
        );
        assert_eq!(
            asked(&[("sort", "weighted"), ("dir", "asc")]).direction,
            Direction::Ascending
        );
        assert_eq!(asked(&[("all", "1")]).listed, Listed::Everyone);
        assert_eq!(asked(&[("all", "0")]).listed, Listed::Scored);
        assert_eq!(asked(&[("refresh", "1")]).refresh, Some(2));
        assert_eq!(asked(&[("refresh", "soon")]).refresh, None);
        assert_eq!(asked(&[("stage", "nonsense")]).stage, None);
    }

    #[test]
    fn links_change_one_thing_and_keep_the_rest() {
        let column = SortKey::Column("exercise:simulation".into());
        let q = asked(&[
            ("sort", "exercise:simulation"),
            ("stage", "interviewing"),
            ("all", "1"),
            ("refresh", "5"),
        ]);
        assert_eq!(
            q.href("r1"),
            "/requisitions/r1/board?sort=exercise:simulation&stage=interviewing&all=1&refresh=5"
        );
        // The active column's heading reverses it, and back.
        let flipped = q.sorted_by(column.clone());
        assert_eq!(
            flipped.href("r1"),
            "/requisitions/r1/board?sort=exercise:simulation&dir=asc&stage=interviewing&all=1&refresh=5"
        );
        assert_eq!(flipped.sorted_by(column).href("r1"), q.href("r1"));
        // Another heading sorts its own way first.
        assert_eq!(
            flipped.sorted_by(SortKey::Name).href("r1"),
            "/requisitions/r1/board?sort=name&stage=interviewing&all=1&refresh=5"
        );
        assert_eq!(
            asked(&[("sort", "name")])
                .sorted_by(SortKey::Name)
                .href("r1"),
            "/requisitions/r1/board?sort=name&dir=desc"
        );
        assert_eq!(
            flipped.listing(Listed::Scored).href("r1"),
            "/requisitions/r1/board?sort=exercise:simulation&dir=asc&stage=interviewing&refresh=5"
        );
        assert_eq!(
            asked(&[]).listing(Listed::Everyone).href("r1"),
            "/requisitions/r1/board?sort=weighted&all=1"
        );
        assert_eq!(query_value("a b&c"), "a%20b%26c");
    }

    #[test]
    fn a_mean_is_coloured_by_where_it_stands_against_the_expectation() {
        use ScoreBand::*;
        let band = ScoreBand::of;
        assert_eq!(band(1.0), WellShort);
        assert_eq!(band(1.49), WellShort);
        assert_eq!(band(1.5), Short);
        assert_eq!(band(4.0 / 3.0), WellShort);
        assert_eq!(band(5.0 / 3.0), Short);
        assert_eq!(band(1.99), Short);
        assert_eq!(band(2.0), Meets);
        // An exact 2 from any number of ratings.
        assert_eq!(band(8.0 / 4.0), Meets);
        assert_eq!(band(2.01), Above);
        assert_eq!(band(7.0 / 3.0), Above);
        assert_eq!(band(2.5), WellAbove);
        assert_eq!(band(3.0), WellAbove);
        // Every band short of the expectation is one the cell marks short.
        for mean in [1.0, 1.25, 1.5, 1.75, 1.99] {
            assert!(matches!(band(mean), WellShort | Short), "{mean}");
        }
        let ids: Vec<&str> = ScoreBand::ALL.iter().map(|b| b.id()).collect();
        assert_eq!(ids, ["well-short", "short", "meets", "above", "well-above"]);
        assert_eq!(Short.class(), "board-band-short");
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
        // Rounded down: never above the exact score.
        assert_eq!(one_decimal(Some(2.35 + 1e-9)), "2.3");
        assert_eq!(one_decimal(Some(1.96)), "1.9");
        assert_eq!(one_decimal(None), "—");
        assert_eq!(offset_text(Some(1.0 / 3.0)), "+0.33 steps");
        assert_eq!(offset_text(Some(-0.5)), "-0.50 steps");
        assert_eq!(offset_text(Some(-0.001)), "+0.00 steps");
        assert_eq!(offset_text(None), "too few shared items");
        assert_eq!(utc_clock("2026-03-09T14:30:05.123Z"), "14:30:05 UTC");
        assert_eq!(
            agreement_text(&Agreement::Alpha {
                alpha: -0.3139,
                pairable: 62,
                units: 30
            }),
            "Krippendorff's alpha: -0.31, over 30 items rated by two or more interviewers (62 ratings)."
        );
        assert_eq!(
            agreement_text(&Agreement::TooLittleData {
                pairable: 0,
                units: 0,
                reason: "Fewer than two ratings on any item.".into()
            }),
            "Krippendorff's alpha: not computed yet. Fewer than two ratings on any item."
        );
    }
}
