//! How consistently a panel rates: Krippendorff's alpha for ordinal data
//! over submitted ratings, and each interviewer's leniency against the
//! rest of the panel on the same items. Pure arithmetic; the panel board
//! feeds it the ratings.

use super::scoring::Rating;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

/// One rating: who gave which rating to which unit (a candidate's item).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub unit: String,
    pub rater: String,
    pub rating: Rating,
}

/// Alpha is shown once at least this many units (a candidate's item rated
/// by two or more interviewers) are in it. Below that, one or two ratings
/// swing it across the whole scale: simulating two interviewers on a
/// three-point scale who agree as a decent panel does (each names the
/// right level four times in five, else a neighbour; true alpha about
/// 0.74), 90% of panels measure between 0.00 and 1.00 on 5 units, 0.36 and
/// 0.96 on 10, 0.49 and 0.90 on 20, and 0.54 and 0.88 on 30. From 30 units
/// the figure lands in the right reading, or the one beside it, and a
/// negative value means real disagreement rather than bad luck.
pub const MIN_UNITS: usize = 30;

/// How consistently the panel rates: Krippendorff's alpha for ordinal data
/// over the submitted ratings. A unit is a candidate's item rated by two or
/// more interviewers; `units` counts them and `pairable` the ratings on
/// them. Alpha is given from 30 units: below that, a couple of ratings
/// swing it across the scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Agreement {
    /// Alpha over `units` units holding `pairable` ratings.
    Alpha {
        /// Krippendorff's alpha: 1 is perfect agreement, 0 no better than
        /// chance, below 0 systematic disagreement.
        alpha: f64,
        /// The ratings in units rated by two or more interviewers.
        pairable: usize,
        /// A candidate's items rated by two or more interviewers.
        units: usize,
    },
    /// Not enough ratings to say, or no variation to measure against.
    TooLittleData {
        /// The ratings in units rated by two or more interviewers.
        pairable: usize,
        /// A candidate's items rated by two or more interviewers.
        units: usize,
        /// Why there is no figure, in a sentence.
        reason: String,
    },
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

/// How many values the rating scale has (below, meets, exceeds).
const VALUES: usize = 3;

/// Krippendorff's alpha over one set of units, before any judgement of
/// whether there is enough data to show it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlphaValues {
    /// `None` when no pairable value varies (the expected disagreement is
    /// zero), so alpha is undefined.
    pub alpha: Option<f64>,
    /// Values in units with two or more values: the only ones alpha uses.
    pub pairable: usize,
    /// Units with two or more values.
    pub units: usize,
}

/// Krippendorff's alpha with the ordinal metric, for a scale of `values`
/// ordered values and any pattern of missing data.
///
/// `units[u][r]` is rater `r`'s value on unit `u`, as an index `0..values`
/// into the ordered scale, `None` where the rater gave none. Raters need not
/// line up across units: only the values within each unit matter. A value
/// outside the scale counts as missing, since it has no place in the order.
/// Units with fewer than two values cannot be paired and are left out.
pub fn ordinal_alpha_values(units: &[Vec<Option<usize>>], values: usize) -> AlphaValues {
    alpha_of(
        units.iter().map(|unit| unit.iter().flatten().copied()),
        values,
    )
}

/// Alpha over units given as the values in each (indexes into the scale).
fn alpha_of<I>(units: impl Iterator<Item = I>, values: usize) -> AlphaValues
where
    I: Iterator<Item = usize>,
{
    // The coincidence matrix: every ordered pair of values by different
    // raters within a unit, weighted 1 / (values in the unit - 1). The
    // pairs are counted in integers per unit size and weighed once at the
    // end, so the figure does not depend on the order the units come in.
    let mut pairs: BTreeMap<usize, Vec<u64>> = BTreeMap::new();
    let mut tally = vec![0_u64; values];
    let mut pairable = 0;
    let mut paired_units = 0;
    for unit in units {
        tally.fill(0);
        let mut present = 0;
        for v in unit.filter(|&v| v < values) {
            tally[v] += 1;
            present += 1;
        }
        if present < 2 {
            continue;
        }
        pairable += present;
        paired_units += 1;
        let counts = pairs
            .entry(present)
            .or_insert_with(|| vec![0; values * values]);
        for (c, &at_c) in tally.iter().enumerate().filter(|(_, n)| **n > 0) {
            for (k, &at_k) in tally.iter().enumerate() {
                counts[c * values + k] += if c == k {
                    at_c * (at_c - 1)
                } else {
                    at_c * at_k
                };
            }
        }
    }
    let mut coincidences = vec![vec![0.0_f64; values]; values];
    for (present, counts) in &pairs {
        let weight = 1.0 / (present - 1) as f64;
        for (c, row) in coincidences.iter_mut().enumerate() {
            for (k, cell) in row.iter_mut().enumerate() {
                *cell += counts[c * values + k] as f64 * weight;
            }
        }
    }
    let marginals: Vec<f64> = coincidences.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = marginals.iter().sum();
    // The ordinal metric: how many pairable values lie between c and k,
    // counting those at c and k by half, squared.
    let distance = |c: usize, k: usize| {
        let (lo, hi) = (c.min(k), c.max(k));
        let between: f64 = marginals[lo..=hi].iter().sum();
        (between - (marginals[c] + marginals[k]) / 2.0).powi(2)
    };
    let mut observed = 0.0;
    let mut expected = 0.0;
    for c in 0..values {
        for k in 0..values {
            let d = distance(c, k);
            observed += coincidences[c][k] * d;
            expected += marginals[c] * marginals[k] * d;
        }
    }
    AlphaValues {
        alpha: (expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected),
        pairable,
        units: paired_units,
    }
}

/// A panel's ratings grouped by unit: each rater's value on each unit
/// they rated, their latest when they rated it twice, "no evidence" left
/// out (it is a missing value). Grouped once, read by alpha and leniency.
#[derive(Clone, Debug)]
pub struct Panel<'a> {
    /// Everyone who gave a rating, "no evidence" included, sorted.
    raters: Vec<&'a str>,
    /// Per unit, (index into `raters`, value).
    units: Vec<Vec<(usize, usize)>>,
}

impl<'a> Panel<'a> {
    /// Groups (unit, rater, rating) triples; a unit is any key, such as a
    /// candidate's id with an item's.
    pub fn new<U: Eq + Hash>(ratings: impl IntoIterator<Item = (U, &'a str, Rating)>) -> Self {
        let mut rater_index: HashMap<&'a str, usize> = HashMap::new();
        let mut raters: Vec<&'a str> = Vec::new();
        let mut unit_index: HashMap<U, usize> = HashMap::new();
        let mut units: Vec<Vec<(usize, usize)>> = Vec::new();
        for (unit, rater, rating) in ratings {
            let r = *rater_index.entry(rater).or_insert_with(|| {
                raters.push(rater);
                raters.len() - 1
            });
            let Some(v) = value(rating) else {
                continue;
            };
            let u = *unit_index.entry(unit).or_insert_with(|| {
                units.push(Vec::new());
                units.len() - 1
            });
            match units[u].iter_mut().find(|(who, _)| *who == r) {
                Some(given) => given.1 = v,
                None => units[u].push((r, v)),
            }
        }
        // Raters in sorted order, so leniency lists them the same way
        // whatever order the ratings came in.
        let mut order: Vec<usize> = (0..raters.len()).collect();
        order.sort_by_key(|&i| raters[i]);
        let mut rank = vec![0; raters.len()];
        for (position, &i) in order.iter().enumerate() {
            rank[i] = position;
        }
        for unit in &mut units {
            for (r, _) in unit.iter_mut() {
                *r = rank[*r];
            }
        }
        Panel {
            raters: order.into_iter().map(|i| raters[i]).collect(),
            units,
        }
    }

    /// From observations with their units named.
    pub fn of(observations: &'a [Observation]) -> Self {
        Self::new(
            observations
                .iter()
                .map(|o| (o.unit.as_str(), o.rater.as_str(), o.rating)),
        )
    }

    /// Krippendorff's alpha with the ordinal distance, before any judgement
    /// of whether there are enough ratings.
    pub fn alpha(&self) -> AlphaValues {
        alpha_of(
            self.units.iter().map(|unit| unit.iter().map(|&(_, v)| v)),
            VALUES,
        )
    }

    /// The agreement as the board shows it (see [`ordinal_alpha`]).
    pub fn agreement(&self) -> Agreement {
        judged(self.alpha())
    }

    /// Each rater's leniency (see [`Leniency`]), in the order of `raters`.
    pub fn leniency(&self) -> Vec<Leniency> {
        // Per rater and per count n of other raters on a shared unit: how
        // many such units, and the sum of (n * mine - the others' sum),
        // in integers. A unit's offset is that over n, so the mean is
        // summed per n at the end, in the same order whatever the order of
        // the ratings.
        let mut sums: Vec<BTreeMap<usize, (usize, i64)>> = vec![BTreeMap::new(); self.raters.len()];
        for unit in self.units.iter().filter(|unit| unit.len() >= 2) {
            let total: i64 = unit.iter().map(|&(_, v)| v as i64).sum();
            let others = unit.len() - 1;
            for &(r, v) in unit {
                let (shared, sum) = sums[r].entry(others).or_default();
                *shared += 1;
                *sum += v as i64 * others as i64 - (total - v as i64);
            }
        }
        self.raters
            .iter()
            .zip(sums)
            .map(|(rater, by_others)| {
                let shared: usize = by_others.values().map(|(n, _)| n).sum();
                let offset = (shared >= MIN_SHARED_FOR_LENIENCY).then(|| {
                    by_others
                        .iter()
                        .map(|(others, (_, sum))| *sum as f64 / *others as f64)
                        .sum::<f64>()
                        / shared as f64
                });
                Leniency {
                    rater: rater.to_string(),
                    shared_items: shared,
                    offset,
                }
            })
            .collect()
    }
}

/// Krippendorff's alpha with the ordinal distance over a panel's ratings,
/// before any judgement of whether there are enough. A rater's repeated
/// rating of the same unit counts once (their latest in `observations`).
pub fn panel_alpha(observations: &[Observation]) -> AlphaValues {
    Panel::of(observations).alpha()
}

/// The panel's agreement as the board shows it: alpha once there are
/// [`MIN_UNITS`] units, otherwise why there is no figure yet.
pub fn ordinal_alpha(observations: &[Observation]) -> Agreement {
    judged(panel_alpha(observations))
}

/// Alpha once there are enough units to show it, else why not.
fn judged(values: AlphaValues) -> Agreement {
    let AlphaValues {
        alpha,
        pairable,
        units,
    } = values;
    if units < MIN_UNITS {
        return Agreement::TooLittleData {
            pairable,
            units,
            reason: format!(
                "Too few ratings to measure agreement yet: {units} items have ratings from two or more interviewers; a figure needs {MIN_UNITS}, since below that a couple of ratings swing it from one end of the scale to the other."
            ),
        };
    }
    match alpha {
        Some(alpha) => Agreement::Alpha {
            alpha,
            pairable,
            units,
        },
        None => Agreement::TooLittleData {
            pairable,
            units,
            reason: "Every rating so far is the same, so there is no variation to measure agreement against.".into(),
        },
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
    Panel::of(observations).leniency()
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
        let pattern = [
            (Below, Below),
            (Meets, Meets),
            (Exceeds, Exceeds),
            (Meets, Meets),
            (Below, Below),
        ];
        let values = panel_alpha(&two_raters(&pattern));
        assert_eq!((values.pairable, values.units), (10, 5));
        assert!((values.alpha.unwrap() - 1.0).abs() < 1e-9, "{values:?}");
        // Six times over: enough units for the board to show it.
        let data = two_raters(&pattern.repeat(6));
        match ordinal_alpha(&data) {
            Agreement::Alpha {
                alpha,
                pairable,
                units,
            } => {
                assert!((alpha - 1.0).abs() < 1e-9, "{alpha}");
                assert_eq!((pairable, units), (60, 30));
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
        let alpha = panel_alpha(&data).alpha.unwrap();
        assert!((alpha - 7.0 / 18.0).abs() < 1e-9, "{alpha}");
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
        let alpha = panel_alpha(&data).alpha.unwrap();
        assert!(alpha < 0.0, "{alpha}");
    }

    #[test]
    fn too_little_data_says_so() {
        let data = two_raters(&[(Meets, Exceeds), (Below, Meets)]);
        assert!(matches!(
            ordinal_alpha(&data),
            Agreement::TooLittleData {
                pairable: 4,
                units: 2,
                ..
            }
        ));
        // One unit short of the minimum: still no figure; at it, one.
        let varied = [(Meets, Exceeds), (Below, Below), (Meets, Meets)];
        let short = two_raters(&varied.repeat(MIN_UNITS / 3)[1..]);
        let result = ordinal_alpha(&short);
        assert!(
            matches!(result, Agreement::TooLittleData { units: 29, .. }),
            "{result:?}"
        );
        assert!(
            result.reading().contains("a figure needs 30"),
            "{}",
            result.reading()
        );
        let enough = two_raters(&varied.repeat(MIN_UNITS / 3));
        assert!(matches!(
            ordinal_alpha(&enough),
            Agreement::Alpha { units: 30, .. }
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
        let same = two_raters(&[(Meets, Meets); MIN_UNITS]);
        assert!(ordinal_alpha(&same).reading().contains("no variation"));
    }

    #[test]
    fn readings_follow_the_usual_thresholds() {
        let at = |alpha| {
            Agreement::Alpha {
                alpha,
                pairable: 60,
                units: 30,
            }
            .reading()
        };
        assert!(at(0.85).contains("agrees well"));
        assert!(at(0.7).contains("mostly agrees"));
        assert!(at(0.3).contains("weakly"));
        assert!(at(-0.2).contains("disagrees"));
    }

    /// The board and an export list the same ratings in different orders;
    /// both must show the same figures, to the last bit.
    #[test]
    fn the_order_of_the_ratings_changes_nothing() {
        let scale = [Below, Meets, Exceeds, NoEvidence];
        let mut data = Vec::new();
        for unit in 0..40 {
            for (r, rater) in ["ann", "bo", "cy", "dee"].iter().enumerate() {
                if (unit + r) % 5 != 0 {
                    let rating = scale[(unit * 7 + r * 3) % 4];
                    data.push(obs(&format!("u{unit}"), rater, rating));
                }
            }
        }
        let forward = (panel_alpha(&data), leniency(&data));
        data.reverse();
        assert_eq!((panel_alpha(&data), leniency(&data)), forward);
        // Every third first, then the rest: another order again.
        let (thirds, rest): (Vec<_>, Vec<_>) = data
            .iter()
            .cloned()
            .enumerate()
            .partition(|(i, _)| i % 3 == 0);
        let mixed: Vec<Observation> = thirds.into_iter().chain(rest).map(|(_, o)| o).collect();
        assert_eq!((panel_alpha(&mixed), leniency(&mixed)), forward);
        assert!(forward.0.alpha.is_some() && forward.1.iter().all(|l| l.offset.is_some()));
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

    /// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011),
    /// the example with missing values: 4 observers (rows A-D) x 12 units,
    /// values 1-5, `0` for a missing value. Published: nominal 0.743,
    /// ordinal 0.815, interval 0.849.
    const KRIPPENDORFF_2011: [[usize; 12]; 4] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
        [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
    ];

    /// The reference data as units of value indices, each published value
    /// `v` placed at `v * spacing + offset` on the scale.
    fn krippendorff_units(spacing: usize, offset: usize) -> Vec<Vec<Option<usize>>> {
        (0..12)
            .map(|unit| {
                KRIPPENDORFF_2011
                    .iter()
                    .map(|row| (row[unit] > 0).then(|| (row[unit] - 1) * spacing + offset))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn matches_krippendorffs_published_ordinal_alpha() {
        let result = ordinal_alpha_values(&krippendorff_units(1, 0), 5);
        // Unit 12 has a single value, so 41 values minus 1 are pairable.
        assert_eq!(result.pairable, 40);
        let alpha = result.alpha.unwrap();
        assert_eq!(format!("{alpha:.3}"), "0.815");
        // An independent pair-by-pair computation (no coincidence matrix)
        // gives 0.8153875037548813.
        assert!((alpha - 0.815_387_503_754_881_3).abs() < 1e-12, "{alpha}");
    }

    #[test]
    fn the_ordinal_metric_only_sees_the_order_of_values() {
        // The same ratings spread over a wider scale with unused values in
        // between and at both ends: an ordinal alpha must not change (an
        // interval one would).
        let reference = ordinal_alpha_values(&krippendorff_units(1, 0), 5);
        let spread = ordinal_alpha_values(&krippendorff_units(3, 2), 16);
        assert_eq!(spread.pairable, reference.pairable);
        let (a, b) = (reference.alpha.unwrap(), spread.alpha.unwrap());
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }

    #[test]
    fn general_alpha_handles_missing_and_degenerate_data() {
        assert_eq!(
            ordinal_alpha_values(&[], 3),
            AlphaValues {
                alpha: None,
                pairable: 0,
                units: 0
            }
        );
        // Single values and values off the scale are not pairable.
        let lonely = vec![
            vec![Some(1), None, None],
            vec![None, Some(0), Some(7)],
            vec![Some(2)],
        ];
        assert_eq!(ordinal_alpha_values(&lonely, 3).pairable, 0);
        // All the same value: no variation, so alpha is undefined.
        let same = vec![vec![Some(1), Some(1)], vec![Some(1), None, Some(1)]];
        assert_eq!(
            ordinal_alpha_values(&same, 3),
            AlphaValues {
                alpha: None,
                pairable: 4,
                units: 2
            }
        );
        // Off-scale values are dropped, not counted against the unit.
        let with_stray = vec![vec![Some(0), Some(0), Some(9)], vec![Some(2), Some(2)]];
        let result = ordinal_alpha_values(&with_stray, 3);
        assert_eq!(result.pairable, 4);
        assert!((result.alpha.unwrap() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn ratings_with_no_evidence_and_single_raters() {
        let mut data = vec![
            obs("u1", "ann", Exceeds),
            obs("u1", "bo", Exceeds),
            obs("u1", "cy", Meets),
            obs("u2", "ann", Meets),
            obs("u2", "bo", Meets),
            obs("u2", "cy", NoEvidence),
            obs("u3", "ann", Below),
            obs("u3", "bo", Meets),
            obs("u3", "cy", Below),
            // Replaced by ann's later rating of u4 below.
            obs("u4", "ann", Below),
            obs("u4", "bo", Exceeds),
            // One rating and one "no evidence": not pairable.
            obs("u5", "ann", Exceeds),
            obs("u5", "bo", NoEvidence),
            obs("u6", "ann", Meets),
            obs("u6", "bo", Meets),
            obs("u6", "cy", Meets),
            obs("u7", "cy", Below),
            obs("u8", "ann", Below),
            obs("u8", "bo", Below),
            obs("u9", "ann", Meets),
            obs("u9", "cy", Exceeds),
            obs("u9", "bo", Meets),
        ];
        data.push(obs("u4", "ann", Meets));
        // Computed independently, pair by pair, in exact fractions: 19/36
        // over 18 pairable ratings.
        let values = panel_alpha(&data);
        assert_eq!((values.pairable, values.units), (18, 7));
        let alpha = values.alpha.unwrap();
        assert!((alpha - 19.0 / 36.0).abs() < 1e-12, "{alpha}");
    }
}
