//! Pay (seed 000): variable pay tied to partner sentiment, an OTE or a
//! variable share outside the sub-role's band, and variable pay with no
//! stated basis. Pay terms often spread over a passage ("Variable is 35% of
//! OTE. It is paid on partner NPS."), so rules read the pay passage, not one
//! sentence. Shares are compared exactly, in integers.

use super::numbers::{money, percents, splits, Currency, Money};
use super::phrases::{COMP_WORDS, PAY_BASES, SENTIMENT_WORDS};
use super::subject::boilerplate;
use super::text::{
    back_to_boundary, find_all, find_word, forward_to_boundary, has_any, negated_at, Doc, Sentence,
};
use super::{finding, Finding, Severity};
use crate::domain::rubric::SubRoleRubric;
use crate::domain::{Library, SubRole};

/// Headings of a pay section.
const PAY_SECTIONS: &[&str] = &[
    "compensation",
    "pay",
    "salary",
    "package",
    "ote",
    "rewards",
    "total rewards",
    "comp",
    "what we offer",
    "what you'll earn",
    "what you’ll earn",
    "earnings",
];

fn in_pay_section(s: &Sentence) -> bool {
    s.section
        .as_deref()
        .is_some_and(|sec| PAY_SECTIONS.iter().any(|p| find_word(sec, p).is_some()))
}

/// A sentence that speaks of the role's pay.
fn pay_sentence(s: &Sentence) -> bool {
    // Boilerplate counts only inside a pay section ("Benefits" is not).
    let section = in_pay_section(s);
    !s.heading && (section || has_any(&s.lower, COMP_WORDS) && !boilerplate(s))
}

/// Whether the words at `at` are negated, in the sentence or, for a
/// "Not paid on: partner satisfaction" row, by the row's key.
fn negated(s: &Sentence, at: usize) -> bool {
    if negated_at(&s.lower, at) {
        return true;
    }
    match s.lower.find(':') {
        Some(colon) if s.item && colon < at => {
            let key = &s.lower[..colon];
            has_any(key, &["not", "no", "never", "excluded", "exclude"])
        }
        _ => false,
    }
}

/// Words that tie a sentiment measure to pay when the pay terms are in an
/// earlier sentence ("It is paid on partner NPS.").
const TIES: &[&str] = &[
    "paid",
    "tied",
    "based",
    "linked",
    "weighted",
    "measured",
    "depends",
    "determined",
    "pays",
    "pay",
    "bonus",
    "variable",
    "commission",
    "half",
    "portion",
    "part",
    "share",
    "rest",
    "remainder",
    "component",
    "calculated",
    "earned",
    "%",
];

pub fn sentiment_comp(doc: &Doc, out: &mut Vec<Finding>) {
    let n = doc.sentences.len();
    for i in 0..n {
        let s = &doc.sentences[i];
        if !pay_sentence(s) {
            continue;
        }
        // This sentence and, in the same passage, the next two.
        let passage = (i..n.min(i + 3)).filter(|&j| {
            let t = &doc.sentences[j];
            j == i
                || (t.paragraph == s.paragraph || (in_pay_section(t) && t.section == s.section))
                    && !t.heading
        });
        for j in passage {
            let t = &doc.sentences[j];
            let tied = if j == i {
                let comp: Vec<usize> = COMP_WORDS
                    .iter()
                    .flat_map(|w| find_all(&t.lower, w))
                    .collect();
                // "... and has no bearing on pay": pay named only to deny it.
                let denied = !comp.is_empty() && comp.iter().all(|&at| negated_at(&t.lower, at));
                !denied && (in_pay_section(t) || !comp.is_empty())
            } else {
                TIES.iter()
                    .flat_map(|w| find_all(&t.lower, w))
                    .any(|at| !negated_at(&t.lower, at))
                    || t.lower.contains('%')
            };
            if !tied {
                continue;
            }
            let hit = SENTIMENT_WORDS
                .iter()
                .flat_map(|w| find_all(&t.lower, w))
                .any(|at| !negated(t, at));
            if hit {
                out.push(finding(
                    "sentiment-comp",
                    Severity::Error,
                    "Variable pay is tied to partner sentiment. Roles paid on sentiment produce relationship management, not revenue.",
                    Some(&t.text),
                    "Pay the variable part on partner-sourced or partner-attached revenue.",
                ));
                return;
            }
        }
    }
}

/// What the JD says of the role's pay, read exactly.
#[derive(Debug, Default)]
struct Pay<'a> {
    /// OTE amounts, with their sentence.
    ote: Vec<(Money, &'a Sentence)>,
    base: Vec<(Money, &'a Sentence)>,
    variable_amount: Vec<(Money, &'a Sentence)>,
    /// Variable shares in tenths of a per cent, low and high.
    shares: Vec<(u32, u32, &'a Sentence)>,
}

const OTE_WORDS: &[&str] = &[
    "ote",
    "on-target earnings",
    "on target earnings",
    "on-target",
    "on target",
    "total compensation",
    "total target compensation",
    "target compensation",
    "total cash",
    "total pay",
    "ttc",
];
const BASE_WORDS: &[&str] = &["base", "base salary", "salary", "fixed"];
const VARIABLE_WORDS: &[&str] = &[
    "variable",
    "commission",
    "bonus",
    "incentive",
    "at-risk",
    "at risk",
];

/// The label nearest before an amount in its clause: OTE, base or variable.
fn label_of(s: &Sentence, m: &Money) -> Option<&'static str> {
    // A label sits within a few words of its amount.
    let head = &s.lower[back_to_boundary(&s.lower, m.start.saturating_sub(120))..m.start];
    let near_end = forward_to_boundary(&s.lower, (m.end + 120).min(s.lower.len()));
    let tail_end = s.lower[m.end..near_end]
        .find([',', ';', '.', '('])
        .map_or(near_end, |i| m.end + i);
    let tail = &s.lower[m.end..tail_end];
    let nearest = |words: &[&str]| -> Option<usize> {
        words
            .iter()
            .filter_map(|w| {
                let hits = find_all(head, w);
                hits.last().map(|i| head.len() - i)
            })
            .min()
    };
    let after = |words: &[&str]| words.iter().any(|w| find_word(tail, w).is_some());
    let mut best: Option<(usize, &'static str)> = None;
    for (label, words) in [
        ("ote", OTE_WORDS),
        ("base", BASE_WORDS),
        ("variable", VARIABLE_WORDS),
    ] {
        if let Some(d) = nearest(words) {
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, label));
            }
        }
    }
    // "$150K OTE", "$110K base": a label right after the amount wins.
    for (label, words) in [
        ("ote", OTE_WORDS),
        ("base", BASE_WORDS),
        ("variable", VARIABLE_WORDS),
    ] {
        let close_after = words.iter().any(|w| {
            find_word(tail, w).is_some_and(|i| matches!(tail[..i].trim(), "" | "of" | "in"))
        });
        if close_after {
            return Some(label);
        }
    }
    let _ = after;
    best.filter(|(d, _)| *d <= 60).map(|(_, l)| l)
}

fn read_pay(doc: &Doc) -> Pay<'_> {
    let mut pay = Pay::default();
    for s in doc.sentences.iter().filter(|s| pay_sentence(s)) {
        for m in money(&s.lower) {
            match label_of(s, &m) {
                Some("ote") => pay.ote.push((m, s)),
                Some("base") => pay.base.push((m, s)),
                Some("variable") => pay.variable_amount.push((m, s)),
                _ => {}
            }
        }
        // Read once a sentence, not once a percentage: a long sentence of
        // figures would otherwise cost time squared in its length.
        let weighting_from = [
            "paid on",
            "based on",
            "tied to",
            "split between",
            "weighted",
        ]
        .iter()
        .filter_map(|w| find_word(&s.lower, w))
        .min();
        let benefits = has_any(
            &s.lower,
            &[
                "401k",
                "401(k)",
                "pension",
                "equity",
                "accelerator",
                "accelerators",
                "raise",
            ],
        ) && !has_any(&s.lower, VARIABLE_WORDS);
        let variable_at: Vec<usize> = VARIABLE_WORDS
            .iter()
            .flat_map(|w| find_all(&s.lower, w))
            .collect();
        for p in percents(&s.lower) {
            let after = s.lower[p.end..].trim_start();
            let before = s.lower[..p.start].trim_end();
            // "50% on health scores", "above 100% of quota", "401k match
            // of 4%" weigh or describe something else.
            // "Variable paid on: 50% sourced bookings, 50% ...": weights of
            // the basis, not the share of pay.
            let weighting = weighting_from.is_some_and(|i| i < p.start);
            let other = weighting
                || [
                    "on ",
                    "of quota",
                    "of target",
                    "of the bonus",
                    "of the variable",
                    "of variable",
                    "of your variable",
                    "of it",
                    "from ",
                    "tied",
                    "attainment",
                    "match",
                    "of bonus",
                    "of commission",
                    "of the commission",
                    "weighting",
                    "weight",
                    "pension",
                    "employer",
                    "contribution",
                    "401",
                    "equity",
                    "discount",
                ]
                .iter()
                .any(|w| after.starts_with(w))
                || [
                    "above", "over", "beyond", "past", "at", "match", "up to", "half",
                ]
                .iter()
                .any(|w| before.ends_with(w))
                || benefits;
            let variable = variable_at.iter().any(|i| i.abs_diff(p.start) <= 50)
                || after.starts_with("of ote")
                || after.starts_with("of total");
            if variable && !other {
                pay.shares.push((p.low_tenths, p.high_tenths, s));
            }
        }
        if has_any(
            &s.lower,
            &["split", "mix", "pay mix", "base/variable", "base:variable"],
        ) || in_pay_section(s)
            || has_any(&s.lower, OTE_WORDS)
        {
            for (share, _, _) in splits(&s.lower) {
                pay.shares.push((share, share, s));
            }
        }
    }
    pay
}

pub fn pay_outside_band(
    doc: &Doc,
    library: &Library,
    sub_role: Option<SubRole>,
    out: &mut Vec<Finding>,
) {
    let pay = read_pay(doc);
    if let Some(rubric) = sub_role.and_then(|s| library.sub_role(s)) {
        match outside(rubric, &pay) {
            Some(Outside::Ote(s)) => {
                let band = rubric.profile.ote.band();
                out.push(finding(
                    "pay-outside-band",
                    Severity::Warning,
                    format!(
                        "The OTE is outside the usual band for a {} ({band}). Below it the search finds few qualified people; above it the role is priced as another sub-role.",
                        rubric.profile.title
                    ),
                    Some(&s.text),
                    format!("Set the OTE within {band}, or check that the sub-role is the one you mean."),
                ));
            }
            Some(Outside::Share(tenths, s)) => push_share(out, rubric, tenths, s),
            None => {}
        }
    }
    // Without a sub-role there is no band to compare with: the same pay
    // is right for one sub-role and wrong for another.
}

/// Where the stated pay leaves a sub-role's band.
#[derive(Clone, Copy)]
enum Outside<'a> {
    Ote(&'a Sentence),
    /// The variable share in tenths of a per cent.
    Share(u32, &'a Sentence),
}

fn outside<'a>(rubric: &SubRoleRubric, pay: &Pay<'a>) -> Option<Outside<'a>> {
    let band = &rubric.profile.ote;
    let mix = &rubric.profile.variable_pay;
    let usd = |m: &Money| m.currency == Currency::Usd && band.currency == "USD";
    let (min, max) = (u64::from(band.min), u64::from(band.max));
    // The OTE as written, or base plus variable when only those are given.
    let mut otes: Vec<(u64, u64, &Sentence)> = pay
        .ote
        .iter()
        .filter(|(m, _)| usd(m))
        .map(|(m, s)| (m.low, m.high, *s))
        .collect();
    if otes.is_empty() {
        if let (Some((b, s)), Some((v, _))) = (pay.base.first(), pay.variable_amount.first()) {
            if usd(b) && usd(v) {
                otes.push((b.low + v.low, b.high + v.high, s));
            }
        }
    }
    if let Some((_, _, s)) = otes
        .iter()
        .find(|(low, high, _)| *low < min || (!band.open_ended && *high > max))
    {
        return Some(Outside::Ote(s));
    }
    // The variable share: stated, or from the amounts (base and OTE,
    // variable and OTE, or base and variable).
    if pay.shares.is_empty() {
        fn single<'a>(v: &[(Money, &'a Sentence)]) -> Option<(Money, &'a Sentence)> {
            v.first().filter(|(m, _)| m.low == m.high).copied()
        }
        let ote = single(&pay.ote);
        let base = single(&pay.base);
        let var = single(&pay.variable_amount);
        let same = |a: &Money, b: &Money| a.currency == b.currency;
        let (variable, total, s) = match (ote, base, var) {
            (Some((o, s)), _, Some((v, _))) if same(&o, &v) => (v.low, o.low, s),
            (Some((o, s)), Some((b, _)), None) if same(&o, &b) && b.low < o.low => {
                (o.low - b.low, o.low, s)
            }
            (None, Some((b, s)), Some((v, _))) if same(&b, &v) => (v.low, b.low + v.low, s),
            _ => return None,
        };
        if total == 0 {
            return None;
        }
        // Exact: variable/total against whole per cents, in integers.
        let below = variable * 100 < u64::from(mix.min_percent) * total;
        let above = variable * 100 > u64::from(mix.max_percent) * total;
        let tenths = u32::try_from(variable * 1000 / total).unwrap_or(u32::MAX);
        return (below || above).then_some(Outside::Share(tenths, s));
    }
    pay.shares
        .iter()
        .find(|(low, high, _)| {
            *low < u32::from(mix.min_percent) * 10 || *high > u32::from(mix.max_percent) * 10
        })
        .map(|(low, _, s)| Outside::Share(*low, s))
}

fn push_share(out: &mut Vec<Finding>, rubric: &SubRoleRubric, tenths: u32, s: &Sentence) {
    let mix = &rubric.profile.variable_pay;
    out.push(finding(
        "pay-outside-band",
        Severity::Warning,
        format!(
            "The variable share ({}.{}%) is outside the usual {}–{}% for a {}.",
            tenths / 10,
            tenths % 10,
            mix.min_percent,
            mix.max_percent,
            rubric.profile.title
        ),
        Some(&s.text),
        format!(
            "Set the variable part between {}% and {}% of OTE.",
            mix.min_percent, mix.max_percent
        ),
    ));
}

/// Variable pay mentioned in earnest: not a signing or referral bonus.
fn mentions_variable(s: &Sentence) -> bool {
    [
        "ote",
        "on-target earnings",
        "on target earnings",
        "commission",
        "commissions",
        "variable",
        "bonus",
        "incentive",
        "incentives",
        "at risk",
        "at-risk",
        "on target",
    ]
    .iter()
    .flat_map(|w| find_all(&s.lower, w).into_iter().map(move |at| (w, at)))
    .any(|(w, at)| {
        let before = s.lower[..at].trim_end();
        let one_off = *w == "bonus"
            && [
                "signing",
                "sign-on",
                "referral",
                "relocation",
                "joining",
                "welcome",
            ]
            .iter()
            .any(|b| before.ends_with(b));
        !one_off && !negated_at(&s.lower, at)
    })
}

pub fn missing_variable_basis(doc: &Doc, out: &mut Vec<Finding>) {
    let pay: Vec<(usize, &Sentence)> = doc
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| pay_sentence(s))
        .collect();
    let Some(&(_, first)) = pay.iter().find(|(_, s)| mentions_variable(s)) else {
        return;
    };
    let basis = |s: &Sentence| {
        PAY_BASES
            .iter()
            .flat_map(|w| find_all(&s.lower, w))
            .any(|at| !negated(s, at))
            && !has_any(&s.lower, &["equity"])
            || has_any(
                &s.lower,
                &[
                    "paid on",
                    "based on",
                    "tied to",
                    "linked to",
                    "measured on",
                    "earned on",
                    "paid against",
                ],
            ) && !has_any(
                &s.lower,
                &["not tied", "not paid", "not based", "not linked"],
            )
    };
    // The basis sits in a sentence that speaks of the variable pay, or in
    // the one right after it ("Variable is 35% of OTE. It is paid on ...").
    let stated = pay.iter().any(|&(i, s)| {
        mentions_variable(s) && basis(s)
            || mentions_variable(s)
                && doc
                    .sentences
                    .get(i + 1)
                    .is_some_and(|next| next.paragraph == s.paragraph && basis(next))
    });
    if !stated {
        out.push(finding(
            "missing-variable-basis",
            Severity::Warning,
            "The JD mentions variable pay but not what it is paid on. Candidates cannot judge the plan, and a plan without a stated basis drifts towards whatever is easy to measure.",
            Some(&first.text),
            "Say what the variable part is paid on, for example \"paid quarterly on partner-sourced revenue\".",
        ));
    }
}
