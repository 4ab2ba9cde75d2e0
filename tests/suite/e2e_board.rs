//! The panel board in headless Chromium, and as the server renders it
//! without JavaScript: a recruiter sorts the requisition's board by the
//! role-play, sees who owes an overdue card, opens the candidate the panel
//! disagrees on, jumps to the flagged item and reads the notes, records a
//! debrief decision (refused first, with nothing typed lost), and downloads
//! the exports the page links to. At a common laptop width the decision
//! is in view without scrolling, and the names stay put while the table
//! scrolls.

use crate::support::browser::{eventually, Browser};
use crate::support::panel::panel;
use crate::support::{spawn_app, Backend, TestApp};
use app::db::candidates;
use app::domain::accounts::Email;
use app::domain::board::Outcome;
use app::domain::candidate::{NewCandidate, Source};
use serde_json::Value;

const SIMULATION: &str = "exercise:simulation";
const NAMES: [&str; 3] = ["Ada Lovelace", "Bob Stone", "Cy Young"];

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let res = client.get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

/// Where each candidate's row is in the board's table (the page also
/// carries the board's data for hydration, so look in the table only).
fn row_positions(html: &str, ids: &[&str]) -> Vec<usize> {
    let table = html
        .find("class=\"board-matrix\"")
        .unwrap_or_else(|| panic!("no board table: {html}"));
    ids.iter()
        .map(|id| {
            html[table..]
                .find(&format!("data-candidate=\"{id}\""))
                .unwrap_or_else(|| panic!("no row for {id}"))
        })
        .collect()
}

/// The board's table, as the server rendered it.
fn matrix_html(html: &str) -> &str {
    let start = html
        .find("class=\"board-matrix\"")
        .unwrap_or_else(|| panic!("no board table: {html}"));
    let end = html[start..]
        .find("</table>")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

/// How many columns a stretch of table markup fills: each `td` and `th`
/// counts its `colspan`, or 1.
fn columns_filled(markup: &str) -> usize {
    markup
        .split('<')
        .filter_map(|tag| {
            let name = tag.split([' ', '>']).next()?;
            if name != "td" && name != "th" {
                return None;
            }
            let attributes = &tag[..tag.find('>').unwrap_or(tag.len())];
            Some(
                attributes
                    .split("colspan=\"")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .map_or(1, |n| n.parse().unwrap()),
            )
        })
        .sum()
}

/// The markup of one candidate's row of the board's table.
fn row_html<'a>(table: &'a str, id: &str) -> &'a str {
    let start = table
        .find(&format!("<tr data-candidate=\"{id}\""))
        .unwrap_or_else(|| panic!("no row for {id}"));
    let end = table[start..].find("</tr>").unwrap() + start;
    &table[start..end]
}

/// An address as it appears in an attribute of the served HTML.
fn in_attribute(href: &str) -> String {
    href.replace('&', "&amp;")
}

/// A list of strings computed in the page in one go, so a refresh of the
/// board cannot swap elements out halfway through reading them.
async fn strings(b: &Browser, script: &str) -> Vec<String> {
    let value: Value = b.client.execute(script, vec![]).await.unwrap();
    serde_json::from_value(value).unwrap_or_else(|e| panic!("{script}: {e}"))
}

async fn text_in_page(b: &Browser, script: &str) -> String {
    let value: Value = b.client.execute(script, vec![]).await.unwrap();
    value.as_str().unwrap_or_default().to_string()
}

/// The server-rendered pages, as a browser without JavaScript gets them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_board_reads_without_javascript() {
    let app = spawn_app(Backend::Sqlite).await;
    let p = panel(&app).await;
    let [ada, bob, cy] = p.candidates.clone();
    let board = format!("/requisitions/{}/board", p.requisition);

    let (status, html) = page(&app, &p.recruiter, &format!("{board}?sort={SIMULATION}")).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Panel board: "), "{html}");
    let at = row_positions(&html, &[&ada, &bob, &cy]);
    assert!(
        at[0] < at[1] && at[1] < at[2],
        "sorted by the role-play: {at:?}"
    );
    assert!(
        html.contains("aria-sort=\"descending\""),
        "the active sort is marked"
    );
    assert!(html.contains("id=\"calibration\""));
    // The panel rated too few items in common for a figure, and the page
    // says how many a figure needs.
    assert!(
        html.contains("Krippendorff's alpha: not computed yet.")
            && html.contains("a figure needs 30"),
        "Krippendorff's alpha is explained"
    );
    assert!(
        html.contains(
            "These figures cover the submitted ratings on every candidate of this requisition (3)."
        ),
        "whose ratings the figure covers"
    );
    // An interviewer's board covers their own candidates, and says so.
    let (status, mine) = page(&app, &p.ivy, &board).await;
    assert_eq!(status, 200);
    assert!(
        mine.contains(
            "These figures cover only the 3 candidates you interview, not the whole panel"
        ),
        "{mine}"
    );
    assert!(html.contains("<svg"), "the profiles are drawn");
    assert!(html.contains("1 overdue"), "Cy's missing card is overdue");
    // The stage filter keeps the sort and can empty the table.
    let (status, html) = page(
        &app,
        &p.recruiter,
        &format!("{board}?sort={SIMULATION}&stage=screening"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("No candidate is at this stage"), "{html}");
    assert!(!html.contains(&format!("data-candidate=\"{ada}\"")));
    assert!(html.contains(&format!("name=\"sort\" value=\"{SIMULATION}\"")));

    // The other way round: the lowest role-play first. Bob and Cy tie at
    // 2.0, so they stay A to Z; Ada, the highest, comes last.
    let asc = format!("{board}?sort={SIMULATION}&dir=asc");
    let (status, html) = page(&app, &p.recruiter, &asc).await;
    assert_eq!(status, 200);
    let at = row_positions(&html, &[&ada, &bob, &cy]);
    assert!(at[1] < at[2] && at[2] < at[0], "lowest first: {at:?}");
    assert!(
        html.contains("aria-sort=\"ascending\""),
        "the direction is told"
    );
    assert!(!html.contains("aria-sort=\"descending\""));
    // Its heading reverses it again; the filter form keeps the direction.
    assert!(
        html.contains(&format!("href=\"{board}?sort={SIMULATION}\"")),
        "{html}"
    );
    assert!(html.contains("name=\"dir\" value=\"asc\""));
    // The summary columns come right after the candidate.
    let table = matrix_html(&html);
    let heading = |text: &str| {
        table
            .find(text)
            .unwrap_or_else(|| panic!("no heading {text}"))
    };
    assert!(heading(">Stage<") < heading(">Weighted<"));
    assert!(heading(">Weighted<") < heading(">Evidence says<"));
    assert!(heading(">Evidence says<") < heading(">Decision<"));
    assert!(heading(">Decision<") < heading(&format!("data-column=\"{SIMULATION}\"")));
    assert!(heading(">Role-play<") < heading(">Recommendations<"));
    // Each score cell is coloured by its band.
    assert!(
        row_html(table, &ada).contains("data-band=\"well-above\""),
        "Ada's role-play is over 2.5"
    );
    assert!(
        table.contains("data-band=\"meets\""),
        "Bob's role-play is 2.0"
    );
    assert!(
        html.contains("class=\"board-legend\""),
        "the colours are explained"
    );

    // A candidate nobody has a scorecard for yet is left out by default;
    // the page says so and links to everyone, keeping the sort.
    let added = candidates::create_all(
        &app.db,
        &p.requisition,
        &[NewCandidate {
            name: "Dee Park".into(),
            email: Email::parse("dee@example.com").unwrap(),
            phone: None,
            links: vec![],
        }],
        Source::Added,
    )
    .await
    .unwrap();
    let dee = &added[0];
    let (status, html) = page(&app, &p.recruiter, &asc).await;
    assert_eq!(status, 200);
    assert!(!matrix_html(&html).contains(&format!("data-candidate=\"{dee}\"")));
    assert!(
        html.contains("1 candidate is not listed: nobody has a scorecard for them yet"),
        "{html}"
    );
    assert!(html.contains("3 of 4 candidates"), "the count stays true");
    let everyone = format!("{asc}&all=1");
    assert!(
        html.contains(&format!("href=\"{}\"", in_attribute(&everyone))),
        "{html}"
    );
    let (status, html) = page(&app, &p.recruiter, &everyone).await;
    assert_eq!(status, 200);
    let at = row_positions(&html, &[&bob, &cy, &ada, dee]);
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "Dee, unscored, last: {at:?}"
    );
    assert!(html.contains("4 of 4 candidates"));
    assert!(
        html.contains("Listing everyone, including 1 candidate nobody has a scorecard for yet.")
    );
    // Every link keeps `all`, as does the filter form.
    assert!(html.contains(&format!(
        "href=\"{}\"",
        in_attribute(&format!("{board}?sort=name&all=1"))
    )));
    assert!(html.contains(&format!(
        "href=\"{}\"",
        in_attribute(&format!("{board}?sort={SIMULATION}&all=1"))
    )));
    assert!(html.contains("name=\"all\" value=\"1\" checked"), "{html}");

    // Who may not see it gets the status and a message.
    let (status, html) = page(&app, &p.other_recruiter, &board).await;
    assert_eq!(status, 403);
    assert!(html.contains("This panel board is not available"));
    let (status, _) = page(
        &app,
        &p.recruiter,
        "/requisitions/0123456789abcdef0123456789abcdef/board",
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = page(
        &app,
        &p.other_interviewer,
        &format!("/candidates/{bob}/board"),
    )
    .await;
    assert_eq!(status, 403);

    // Ian has not submitted Cy's card: Cy's ratings stay hidden from him.
    let (status, html) = page(&app, &p.ian, &format!("/candidates/{cy}/board")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("hidden until you submit your own scorecard"),
        "{html}"
    );
    assert!(
        !html.contains("on Cy Young: take-aways"),
        "no take-aways of others: {html}"
    );
    assert!(!html.contains("board-evidence"), "no ratings");
    let (_, html) = page(&app, &p.ian, &board).await;
    assert!(html.contains("Hidden until you submit your own scorecard"));
    // Cy's hidden row still fills every column, under the right headings.
    let table = matrix_html(&html);
    let head = &table[..table.find("</thead>").unwrap()];
    let cy_row = row_html(table, &cy);
    assert_eq!(columns_filled(cy_row), columns_filled(head), "{cy_row}");
    assert_eq!(
        columns_filled(cy_row),
        columns_filled(row_html(table, &ada)),
        "as wide as a row Ian may see"
    );
    let decision = cy_row.find("board-decision-cell").unwrap();
    assert!(
        cy_row[..decision].contains("class=\"board-hidden\">Hidden<"),
        "{cy_row}"
    );
    assert!(cy_row[decision..].contains("Hidden until you submit"));

    // Bob's view: notes rendered, the flagged item marked.
    let (status, html) = page(&app, &p.recruiter, &format!("/candidates/{bob}/board")).await;
    assert_eq!(status, 200);
    assert!(html.contains("ivy saw <strong>evidence</strong> on exercise:simulation"));
    assert!(html.contains(&format!("id=\"flag-{SIMULATION}\"")));
    assert!(html.contains("Weighted evidence: 2.0 → Hire"), "{html}");

    // A refused decision without JavaScript: the form posts, the server
    // sends the browser back with the error, and the page shows it with
    // what was typed.
    let back = app.url(&format!("/candidates/{ada}/board"));
    let res = p
        .recruiter
        .post(app.url("/api/fn/record-decision"))
        .header("accept", "text/html")
        .header("referer", back.as_str())
        .form(&[
            ("candidate_id", ada.as_str()),
            ("outcome", "hire"),
            ("rationale", "Too short"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 302);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.contains("__err="), "{location}");
    let res = p.recruiter.get(&location).send().await.unwrap();
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Too short</textarea>"),
        "typed text kept: {html}"
    );
    assert!(
        html.contains("in at least 10 characters"),
        "the field's message"
    );
    assert!(html.contains("No decision recorded yet."));
    assert!(app::db::decisions::for_requisition(&app.db, &p.requisition)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recruiter_runs_the_debrief_from_the_board() {
    let app = spawn_app(Backend::Sqlite).await;
    let p = panel(&app).await;
    let [ada, bob, cy] = p.candidates.clone();
    let requisition = p.requisition.clone();
    let base = app.base.clone();
    let app_ref = &app;
    let recruiter = p.recruiter.clone();
    let browser = Browser::launch().await;
    browser
        .journey("board", async move |b: &Browser| {
            b.sign_in(&base, "rita@example.com").await;
            // A common laptop window.
            b.client.set_window_size(1366, 900).await.unwrap();
            b.client
                .goto(&format!("{base}/requisitions/{requisition}/board"))
                .await
                .unwrap();
            b.wait_for("body[data-hydrated='true']").await;
            b.wait_for("table.board-matrix").await;
            assert!(b.text_of("h1").await.starts_with("Panel board: "));
            assert!(b.text_of(".board-updated-at").await.ends_with(" UTC"));

            // The decision is in view without scrolling sideways: within
            // the window and within the table's scrolling box.
            let geometry = |script: &str| {
                let script = script.to_string();
                async move {
                    strings(b, &script)
                        .await
                        .iter()
                        .map(|n| n.parse::<f64>().unwrap())
                        .collect::<Vec<f64>>()
                }
            };
            let decision = geometry(
                "const th = document.querySelector('table.board-matrix thead th.board-decision-heading').getBoundingClientRect();
                 const box = document.querySelector('#matrix .board-scroll').getBoundingClientRect();
                 return [th.left, th.right, box.left, box.right, document.documentElement.clientWidth].map(String)",
            )
            .await;
            let [left, right, box_left, box_right, window_width] = decision[..] else {
                panic!("{decision:?}")
            };
            assert!(window_width >= 1300.0, "the window is {window_width}px wide");
            assert!(
                left >= box_left && right <= box_right && right <= window_width,
                "the Decision heading spans {left}..{right}px; the table shows {box_left}..{box_right}px of a {window_width}px window"
            );
            assert_eq!(
                text_in_page(b, "return getComputedStyle(document.querySelector('table.board-matrix thead th')).position").await,
                "sticky",
                "the header row stays at the top of the table's box"
            );
            b.client
                .execute("document.getElementById('matrix').scrollIntoView()", vec![])
                .await
                .unwrap();
            b.screenshot("board-at-1366").await;
            // Scrolled to the far right, the names stay at the left edge.
            let scrolled = geometry(
                "const box = document.querySelector('#matrix .board-scroll');
                 box.scrollLeft = box.scrollWidth;
                 return [box.scrollLeft, box.scrollWidth, box.clientWidth].map(String)",
            )
            .await;
            assert!(scrolled[0] > 0.0, "the table scrolls inside its box: {scrolled:?}");
            let edges = geometry(
                "const box = document.querySelector('#matrix .board-scroll').getBoundingClientRect();
                 const name = document.querySelector('table.board-matrix tbody tr th').getBoundingClientRect();
                 const corner = document.querySelector('table.board-matrix thead th').getBoundingClientRect();
                 return [box.left, name.left, name.right, corner.left].map(String)",
            )
            .await;
            let [box_left, name_left, name_right, corner_left] = edges[..] else {
                panic!("{edges:?}")
            };
            assert!(
                (name_left - box_left).abs() <= 2.0 && (corner_left - box_left).abs() <= 2.0 && name_right > name_left,
                "the candidate column stays in view: {edges:?}"
            );
            b.screenshot("board-scrolled").await;
            b.client
                .execute("document.querySelector('#matrix .board-scroll').scrollLeft = 0", vec![])
                .await
                .unwrap();

            // Sort by the role-play: the highest mean first, ties by name.
            b.click(&format!("th[data-column='{SIMULATION}'] a")).await;
            b.wait_for(&format!("th[data-column='{SIMULATION}'][aria-sort='descending']"))
                .await;
            assert_eq!(b.count("th[aria-sort]").await, 1, "one active sort");
            let url = b.client.current_url().await.unwrap();
            assert!(url.as_str().contains("sort=exercise:simulation"), "{url}");
            let order = strings(
                b,
                "return [...document.querySelectorAll('table.board-matrix tbody tr[data-candidate]')].map(r => r.dataset.candidate)",
            )
            .await;
            assert_eq!(order, [ada.clone(), bob.clone(), cy.clone()]);
            let means = strings(
                b,
                &format!("return [...document.querySelectorAll('table.board-matrix td[data-column=\"{SIMULATION}\"]')].map(c => c.dataset.mean || '')"),
            )
            .await;
            assert_eq!(means[1], "2.00", "Bob's role-play: one exceeds, one below");
            assert_eq!(means[2], "2.00");
            let ada_mean: f64 = means[0].parse().unwrap();
            assert!(ada_mean > 2.0, "Ada leads: {means:?}");
            let bob_sim = text_in_page(
                b,
                &format!("return document.querySelector('tr[data-candidate=\"{bob}\"] td[data-column=\"{SIMULATION}\"]').innerText"),
            )
            .await;
            assert!(bob_sim.contains("E 1 · M 0 · B 1"), "{bob_sim}");

            // Cy still owes ian's card, long after the interview.
            let cy_missing = text_in_page(
                b,
                &format!("return document.querySelector('tr[data-candidate=\"{cy}\"] td.board-missing').innerText"),
            )
            .await;
            assert!(cy_missing.contains("1 missing"), "{cy_missing}");
            assert!(cy_missing.contains("1 overdue"), "{cy_missing}");
            assert_eq!(
                b.count(&format!("table.board-matrix tr[data-candidate='{cy}'] .board-overdue"))
                    .await,
                1,
                "the overdue mark in Cy's row"
            );
            assert_eq!(
                b.count(&format!("table.board-missing-cards tr[data-candidate='{cy}'][data-overdue='true']"))
                    .await,
                1,
                "ian's card in the missing scorecards"
            );
            let bob_flags = text_in_page(
                b,
                &format!("return document.querySelector('tr[data-candidate=\"{bob}\"] .board-flags').innerText"),
            )
            .await;
            assert_eq!(bob_flags, "1 to discuss");
            b.screenshot("board-sorted").await;
            // The wide table scrolls inside the page; the page itself does
            // not scroll sideways.
            let widths = strings(
                b,
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth].map(String)",
            )
            .await;
            let (page_width, window_width): (u32, u32) =
                (widths[0].parse().unwrap(), widths[1].parse().unwrap());
            assert!(page_width <= window_width, "the page is {page_width}px wide in a {window_width}px window");

            // The export links, for later.
            let mut exports = Vec::new();
            for file in ["ratings.csv", "debrief.md", "debrief.html"] {
                let link = b.wait_for(&format!("a.board-export[data-export='{file}']")).await;
                let href = link.attr("href").await.unwrap().unwrap_or_default();
                assert!(link.attr("download").await.unwrap().is_some(), "{file} downloads");
                exports.push(href);
            }

            // Bob's candidate view, and the item the panel disagrees on.
            b.click(&format!("tr[data-candidate='{bob}'] a.board-candidate")).await;
            b.wait_for(&format!("article.candidate-board[data-candidate='{bob}']")).await;
            b.screenshot("board-candidate").await;
            let discuss = b.text_of(".board-discuss li").await;
            assert!(
                discuss.contains("rated exceeds by ivy@example.com and below by iris@example.com"),
                "{discuss}"
            );
            b.click(&format!(".board-discuss a[href='#flag-{SIMULATION}']")).await;
            eventually("the link jumps to the flagged item", async || {
                b.client
                    .current_url()
                    .await
                    .map(|u| u.fragment() == Some("flag-exercise:simulation"))
                    .unwrap_or(false)
            })
            .await;
            let flagged = format!("tr.board-flagged[id='flag-{SIMULATION}']");
            b.wait_for(&flagged).await;
            // Each has a second interview of Bob, without this item.
            let ivy = format!("{flagged} td[data-interviewer='ivy@example.com'][data-rating]");
            let iris = format!("{flagged} td[data-interviewer='iris@example.com'][data-rating]");
            assert_eq!(b.wait_for(&ivy).await.attr("data-rating").await.unwrap().as_deref(), Some("exceeds"));
            assert_eq!(b.wait_for(&iris).await.attr("data-rating").await.unwrap().as_deref(), Some("below"));
            assert!(b.text_of(&ivy).await.starts_with("Exceeds"));
            assert!(b.text_of(&iris).await.starts_with("Below"));

            // The notes are folded away until asked for.
            let notes = format!("{ivy} .board-notes");
            assert_eq!(b.text_of(&notes).await, "", "closed details show nothing");
            b.click(&format!("{ivy} details summary")).await;
            eventually("the details open", async || {
                b.text_of(&notes).await.contains("ivy saw evidence on exercise:simulation")
            })
            .await;
            assert!(!b.texts(&format!("{ivy} .board-positive li")).await.is_empty(), "the ticked indicator");
            b.screenshot("board-candidate-notes").await;

            // A decision with too short a rationale is refused; nothing typed
            // is lost.
            assert_eq!(b.text_of(".board-decision").await, "No decision recorded yet.");
            b.click("input[name='outcome'][value='no-hire']").await;
            b.fill("#decision-rationale", "Too short").await;
            b.click(".board-decision-form button[type='submit']").await;
            eventually("the rationale is refused", async || {
                b.text_of(".field-error[data-field='rationale']").await.contains("at least 10 characters")
            })
            .await;
            let kept = b.wait_for("#decision-rationale").await.prop("value").await.unwrap().unwrap_or_default();
            assert_eq!(kept, "Too short");
            assert_eq!(b.count("input[name='outcome'][value='no-hire']:checked").await, 1);
            assert!(b.text_of(".board-decision-form .form-alert").await.contains("correct the fields"));
            assert!(app::db::decisions::for_requisition(&app_ref.db, &requisition).await.unwrap().is_empty());
            b.screenshot("board-decision-refused").await;

            // A proper rationale records it; Bob's evidence meets the bar, so
            // a no-hire departs from it, and the page says so.
            let rationale = "The role-play split between ivy and iris needs a second look before any offer.";
            b.fill("#decision-rationale", rationale).await;
            b.click(".board-decision-form button[type='submit']").await;
            b.wait_for(".board-decision[data-outcome='no-hire']").await;
            let shown = b.text_of(".board-decision").await;
            assert!(shown.contains("No hire"), "{shown}");
            assert!(shown.contains(rationale), "{shown}");
            assert!(shown.contains("rita@example.com"), "{shown}");
            assert!(shown.contains("Departs from the weighted evidence"), "{shown}");
            assert_eq!(b.text_of(".field-error[data-field='rationale']").await, "");
            let cleared = b.wait_for("#decision-rationale").await.prop("value").await.unwrap().unwrap_or_default();
            assert_eq!(cleared, "", "the form is ready for the next decision");
            let kept = app::db::decisions::for_requisition(&app_ref.db, &requisition).await.unwrap();
            assert_eq!(kept.len(), 1);
            assert_eq!(kept[0].outcome, Outcome::NoHire);
            assert_eq!(kept[0].candidate_id, bob);
            b.screenshot("board-decision-recorded").await;

            // A second decision becomes the current one; the first stays on
            // record under it, with who made it and why.
            let second = "After the reference calls the panel agreed the split was about format, not substance.";
            b.click("input[name='outcome'][value='hire']").await;
            b.fill("#decision-rationale", second).await;
            b.click(".board-decision-form button[type='submit']").await;
            b.wait_for(".board-decision[data-outcome='hire']").await;
            let current = b.text_of(".board-decision").await;
            assert!(current.contains("Current") && current.contains(second), "{current}");
            let history = b.text_of(".board-decision-history").await;
            assert!(history.contains("Earlier decisions (1)"), "{history}");
            assert!(history.contains("No hire") && history.contains(rationale), "{history}");
            assert!(history.contains("rita@example.com"), "{history}");
            assert_eq!(app::db::decisions::for_requisition(&app_ref.db, &requisition).await.unwrap().len(), 2);

            // Back on the board, Bob's row carries the decision and its history.
            b.client
                .goto(&format!("{base}/requisitions/{requisition}/board?refresh=2"))
                .await
                .unwrap();
            let decision = text_in_page(
                b,
                &format!("return (document.querySelector('tr[data-candidate=\"{bob}\"] td.board-decision-cell') || {{}}).innerText || ''"),
            )
            .await;
            assert!(decision.starts_with("Hire"), "{decision}");
            assert!(!decision.contains("departs from the evidence"), "{decision}");
            assert!(decision.contains("changed from No hire; 1 earlier"), "{decision}");

            // The open board keeps itself up to date: a decision recorded
            // elsewhere shows in Cy's row without a reload.
            b.wait_for("body[data-hydrated='true']").await;
            let first_update = b.text_of(".board-updated-at").await;
            let every = b.text_of(".board-updated").await;
            assert!(every.contains("every 2 seconds"), "the address set the interval: {every}");
            let cy_decision = format!(
                "return (document.querySelector('tr[data-candidate=\"{cy}\"] td.board-decision-cell') || {{}}).innerText || ''"
            );
            assert_eq!(text_in_page(b, &cy_decision).await, "Not decided");
            let res = recruiter
                .post(app_ref.url("/api/fn/record-decision"))
                .header("accept", "application/json")
                .form(&[
                    ("candidate_id", cy.as_str()),
                    ("outcome", "hire"),
                    ("rationale", "References from two partners outweigh the interviews."),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), 200);
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(45);
            loop {
                let shown = text_in_page(b, &cy_decision).await;
                if shown.contains("Hire") {
                    assert!(shown.contains("departs from the evidence"), "{shown}");
                    break;
                }
                assert!(
                    std::time::Instant::now() < deadline,
                    "the board never showed Cy's new decision: {shown}"
                );
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            }
            assert_ne!(b.text_of(".board-updated-at").await, first_update);
            let url = b.client.current_url().await.unwrap();
            assert!(url.as_str().ends_with("/board?refresh=2"), "no navigation: {url}");

            // The exports the page links to, fetched as rita.
            for href in exports {
                assert!(href.starts_with(&format!("/api/requisitions/{requisition}/")), "{href}");
                let res = recruiter.get(app_ref.url(&href)).send().await.unwrap();
                assert_eq!(res.status().as_u16(), 200, "{href}");
                let text = res.text().await.unwrap();
                for name in NAMES {
                    assert!(text.contains(name), "{name} in {href}");
                }
            }
        })
        .await;
}
