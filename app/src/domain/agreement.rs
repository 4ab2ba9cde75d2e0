//! How consistently a panel rates: Krippendorff's alpha for ordinal data
//! over submitted ratings, and each interviewer's leniency against the
//! rest of the panel on the same items. Pure arithmetic; the panel board
//! feeds it the ratings.

use super::scoring::Rating;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One rating: who gave which rating to which unit (a candidate's item).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub unit: String,
    pub rater: String,
    pub rating: Rating,
}

/// Below this many pairable ratings a number would mislead more than help.
pub const MIN_PAIRABLE: usize = 10;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Agreement {
    /// Alpha over `pairable` ratings (those in units rated by two or more).
    Alpha { alpha: f64, pairable: usize },
    /// Not enough ratings to say, or no variation to measure against.
    TooLittleData { pairable: usize, reason: String },
}

impl Agreement {
    /// What the value means for the debrief, in plain words.
    pub fn reading(&self) -> String {
        match self {
            Agreement::Alpha { alpha, .. } if *alpha >= 0.8 => {
                "The panel agrees well: the ratings can be relied on.".into()
            }
            Agreement::Alpha { alpha, .. } if *alpha >= 0.667 => {
                "The panel mostly agrees: good enough for tentative conclusions; look at the flagged items.".into()
            }
            Agreement::Alpha { alpha, .. } if *alpha >= 0.0 => {
                "The panel agrees weakly: calibrate on the anchors before deciding on these ratings.".into()
            }
            Agreement::Alpha { .. } => {
                "The panel disagrees more than chance would: interviewers are reading the anchors differently.".into()
            }
            Agreement::TooLittleData { reason, .. } => reason.clone(),
        }
    }
}

/// Ordinal value of a rating; "no evidence" is a missing value, not a rating.
fn value(rating: Rating) -> Option<usize> {
    match rating {
        Rating::Below => Some(0),
        Rating::Meets => Some(1),
        Rating::Exceeds => Some(2),
        Rating::NoEvidence => None,
    }
}

const VALUES: usize = 3;

/// Krippendorff's alpha with the ordinal distance. A rater's repeated
/// rating of the same unit counts once (their latest in `observations`).
pub fn ordinal_alpha(observations: &[Observation]) -> Agreement {
    let mut units: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for o in observations {
        if let Some(v) = value(o.rating) {
            units.entry(&o.unit).or_default().insert(&o.rater, v);
        }
    }
    // The coincidence matrix: every ordered pair of ratings by different
    // raters within a unit, weighted 1 / (ratings in the unit - 1).
    let mut coincidences = [[0.0_f64; VALUES]; VALUES];
    let mut pairable = 0;
    for ratings in units.values().filter(|r| r.len() >= 2) {
        pairable += ratings.len();
        let weight = 1.0 / (ratings.len() - 1) as f64;
        let values: Vec<usize> = ratings.values().copied().collect();
        for (i, &c) in values.iter().enumerate() {
            for (j, &k) in values.iter().enumerate() {
                if i != j {
                    coincidences[c][k] += weight;
                }
            }
        }
    }
    if pairable < MIN_PAIRABLE {
        return Agreement::TooLittleData {
            pairable,
            reason: format!(
                "Too few ratings to measure agreement: {pairable} ratings are on items two or more interviewers rated; at least {MIN_PAIRABLE} are needed."
            ),
        };
    }
    let marginals: Vec<f64> = coincidences.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = marginals.iter().sum();
    let distance = |c: usize, k: usize| {
        let (lo, hi) = (c.min(k), c.max(k));
        let between: f64 = marginals[lo..=hi].iter().sum();
        (between - (marginals[c] + marginals[k]) / 2.0).powi(2)
    };
    let mut observed = 0.0;
    let mut expected = 0.0;
    for c in 0..VALUES {
        for k in 0..VALUES {
            let d = distance(c, k);
            observed += coincidences[c][k] * d;
            expected += marginals[c] * marginals[k] * d;
        }
    }
    if expected == 0.0 {
        return Agreement::TooLittleData {
            pairable,
            reason: "Every rating so far is the same, so there is no variation to measure agreement against.".into(),
        };
    }
    Agreement::Alpha {
        alpha: 1.0 - (n - 1.0) * observed / expected,
        pairable,
    }
}

/// One interviewer's leniency: the mean of (their rating - the mean of the
/// other raters' ratings) over the units they share with others, in rating
/// steps. Positive is more generous than the panel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Leniency {
    pub rater: String,
    pub shared_items: usize,
    pub offset: Option<f64>,
}

/// Shared units below which an offset is not shown.
pub const MIN_SHARED_FOR_LENIENCY: usize = 3;

pub fn leniency(observations: &[Observation]) -> Vec<Leniency> {
    let mut units: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for o in observations {
        if let Some(v) = value(o.rating) {
            units.entry(&o.unit).or_default().insert(&o.rater, v);
        }
    }
    let raters: BTreeSet<&str> = observations.iter().map(|o| o.rater.as_str()).collect();
    raters
        .into_iter()
        .map(|rater| {
            let offsets: Vec<f64> = units
                .values()
                .filter_map(|ratings| {
                    let mine = *ratings.get(rater)?;
                    let others: Vec<usize> = ratings
                        .iter()
                        .filter(|(r, _)| **r != rater)
                        .map(|(_, v)| *v)
                        .collect();
                    (!others.is_empty()).then(|| {
                        mine as f64 - others.iter().sum::<usize>() as f64 / others.len() as f64
                    })
                })
                .collect();
            Leniency {
                rater: rater.to_string(),
                shared_items: offsets.len(),
                offset: (offsets.len() >= MIN_SHARED_FOR_LENIENCY)
                    .then(|| offsets.iter().sum::<f64>() / offsets.len() as f64),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(unit: &str, rater: &str, rating: Rating) -> Observation {
        Observation {
            unit: unit.into(),
            rater: rater.into(),
            rating,
        }
    }

    /// `pairs[i]` is (rater a, rater b) on unit i.
    fn two_raters(pairs: &[(Rating, Rating)]) -> Vec<Observation> {
        pairs
            .iter()
            .enumerate()
            .flat_map(|(i, (a, b))| {
                let unit = format!("u{i}");
                [obs(&unit, "ann", *a), obs(&unit, "bo", *b)]
            })
            .collect()
    }

    use Rating::{Below, Exceeds, Meets, NoEvidence};

    #[test]
    fn perfect_agreement_is_one() {
        let data = two_raters(&[
            (Below, Below),
            (Meets, Meets),
            (Exceeds, Exceeds),
            (Meets, Meets),
            (Below, Below),
        ]);
        match ordinal_alpha(&data) {
            Agreement::Alpha { alpha, pairable } => {
                assert!((alpha - 1.0).abs() < 1e-9, "{alpha}");
                assert_eq!(pairable, 10);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_hand_computed_case() {
        // Values 1,1 / 2,2 / 1,2 repeated twice (n = 12): o11 = o22 = 4,
        // o12 = o21 = 2, n1 = n2 = 6; ordinal distance between 1 and 2 is
        // (12 - 6)^2 = 36; alpha = 1 - 11 * (4 * 36) / (2 * 6 * 6 * 36) = 1 - 11/18.
        let data = two_raters(&[
            (Below, Below),
            (Meets, Meets),
            (Below, Meets),
            (Below, Below),
            (Meets, Meets),
            (Below, Meets),
        ]);
        match ordinal_alpha(&data) {
            Agreement::Alpha { alpha, .. } => assert!((alpha - 7.0 / 18.0).abs() < 1e-9, "{alpha}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn opposite_ends_are_below_zero() {
        let data = two_raters(&[
            (Below, Exceeds),
            (Exceeds, Below),
            (Below, Exceeds),
            (Exceeds, Below),
            (Below, Exceeds),
        ]);
        match ordinal_alpha(&data) {
            Agreement::Alpha { alpha, .. } => assert!(alpha < 0.0, "{alpha}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn too_little_data_says_so() {
        let data = two_raters(&[(Meets, Exceeds), (Below, Meets)]);
        assert!(matches!(
            ordinal_alpha(&data),
            Agreement::TooLittleData { pairable: 4, .. }
        ));
        // Single-rater units and "no evidence" are not pairable.
        let mut data = two_raters(&[(Meets, NoEvidence); 6]);
        data.push(obs("lonely", "ann", Meets));
        let result = ordinal_alpha(&data);
        assert!(
            matches!(result, Agreement::TooLittleData { pairable: 0, .. }),
            "{result:?}"
        );
        assert!(result.reading().contains("Too few ratings"));
        let same = two_raters(&[(Meets, Meets); 6]);
        assert!(ordinal_alpha(&same).reading().contains("no variation"));
    }

    #[test]
    fn readings_follow_the_usual_thresholds() {
        let at = |alpha| {
            Agreement::Alpha {
                alpha,
                pairable: 20,
            }
            .reading()
        };
        assert!(at(0.85).contains("agrees well"));
        assert!(at(0.7).contains("mostly agrees"));
        assert!(at(0.3).contains("weakly"));
        assert!(at(-0.2).contains("disagrees"));
    }

    #[test]
    fn leniency_is_the_offset_from_the_others_on_shared_items() {
        let data = two_raters(&[
            (Exceeds, Meets),
            (Meets, Below),
            (Exceeds, Exceeds),
            (Meets, Meets),
        ]);
        let all = leniency(&data);
        let ann = all.iter().find(|l| l.rater == "ann").unwrap();
        assert_eq!(ann.shared_items, 4);
        assert!((ann.offset.unwrap() - 0.5).abs() < 1e-9);
        let bo = all.iter().find(|l| l.rater == "bo").unwrap();
        assert!((bo.offset.unwrap() + 0.5).abs() < 1e-9);
        let few = leniency(&two_raters(&[(Exceeds, Meets)]));
        assert_eq!(few[0].offset, None, "too few shared items for a number");
    }
}
