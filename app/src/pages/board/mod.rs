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

mod calibration;
mod matrix;
mod text;

use calibration::{calibration, missing_cards};
use matrix::{matrix, profile_figure, score_legend};

pub use text::{
    agreement_text, card_state_label, counts_text, offset_text, one_decimal, recommendations_text,
    utc_clock,
};

use crate::api::board::get_board;
use crate::domain::board::{
    arrange, has_scorecard, Board, Direction, Listed, SortKey, EXPECTATION,
};
use crate::domain::candidate::Stage;
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
}
