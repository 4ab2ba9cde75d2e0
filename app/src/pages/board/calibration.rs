//! Below the table: how well the panel agrees, each interviewer's
//! leniency and practice, and the scorecards still owed.

use super::text::{agreement_text, card_state_label, offset_text};
use crate::domain::agreement::Agreement;
use crate::domain::board::{Board, CandidateRow, Coverage, InterviewerLeniency};
use leptos::prelude::*;

pub(super) fn calibration(b: &Board) -> AnyView {
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
pub(super) fn practice_table(b: &Board) -> Option<AnyView> {
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

pub(super) fn leniency_row(b: &Board, l: &InterviewerLeniency) -> AnyView {
    view! {
        <tr data-interviewer=l.interviewer_email.clone()>
            <td>{b.person(&l.interviewer_email).to_string()}</td>
            <td class="num">{l.shared_items}</td>
            <td class="num board-offset">{offset_text(l.offset)}</td>
        </tr>
    }
    .into_any()
}

pub(super) fn missing_cards(b: &Board) -> AnyView {
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
