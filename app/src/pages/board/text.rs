//! The small wordings of board figures, which the candidate view shares:
//! counts, means, recommendations, card states, times and agreement.

use crate::domain::agreement::Agreement;
use crate::domain::board::{tenths_down, Counts, PanelRecommendation};
use crate::domain::scorecard::{CardStatus, Recommendation};

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
