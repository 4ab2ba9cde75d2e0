//! Interviewer calibration: an interviewer rates the kits' sample answers
//! blind, then sees the reference rating. Pure: which samples there are,
//! the order they come in, and how far an interviewer's ratings agree
//! with the references.

use super::agreement::ordinal_alpha_values;
use super::ids::{Level, SubRole};
use super::kit::Kit;
use super::kit_item::KitItemRef;
use super::plan::kit_items;
use super::scorecard::item_key;
use super::scoring::Rating;
use serde::{Deserialize, Serialize};

/// The ratings a sample answer can carry (there is no "no evidence"
/// sample: each one was written to sit at a rating).
pub const SAMPLE_RATINGS: [Rating; 3] = [Rating::Exceeds, Rating::Meets, Rating::Below];

/// Practice ratings before the figures mean something: three items'
/// samples. Below this an interviewer's agreement is shown as a count.
pub const MIN_RATED: usize = 9;

/// The standard a requisition can require of its panel: at least
/// [`MIN_RATED`] practice ratings, two in three on the reference.
pub const PASS_NUMERATOR: usize = 2;
pub const PASS_DENOMINATOR: usize = 3;

/// One sample answer of one kit: `sub_role.level.item_key.rating`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleRef {
    pub sub_role: SubRole,
    pub level: Level,
    pub item_key: String,
    pub reference: Rating,
}

impl SampleRef {
    pub fn id(&self) -> String {
        format!(
            "{}.{}.{}.{}",
            self.sub_role.id(),
            self.level.id(),
            self.item_key,
            self.reference.id()
        )
    }

    /// How a page names the sample: a token that does not spell out the
    /// rating it was written at (the id does), so the form that rates it
    /// gives nothing away.
    pub fn token(&self) -> String {
        format!("{:016x}", fnv1a("sample", &self.id()))
    }

    /// The sample an id names, if it is well formed.
    pub fn parse(id: &str) -> Option<SampleRef> {
        let mut parts = id.splitn(4, '.');
        let sub_role = parts.next()?.parse().ok()?;
        let level = parts.next()?.parse().ok()?;
        let rest = parts.next()?;
        let reference: Rating = parts.next()?.parse().ok()?;
        if !SAMPLE_RATINGS.contains(&reference) || rest.is_empty() {
            return None;
        }
        Some(SampleRef {
            sub_role,
            level,
            item_key: rest.to_string(),
            reference,
        })
    }

    /// The kit it comes from, among `kits`.
    pub fn kit_in<'a>(&self, kits: &'a [Kit]) -> Option<&'a Kit> {
        kits.iter()
            .find(|k| k.sub_role == self.sub_role && k.level == self.level)
    }

    /// Its text in `kit` (the kit of its sub-role and level).
    pub fn text<'a>(&self, kit: &'a Kit) -> Option<&'a str> {
        let item = super::scorecard::parse_item_key(&self.item_key)?;
        kit.item(&item)?.samples()?.at(self.reference)
    }
}

/// Every sample answer of a kit, in the kit's order.
pub fn samples_of(kit: &Kit) -> Vec<SampleRef> {
    kit_items(kit)
        .filter(|item| kit.item(item).and_then(KitItemRef::samples).is_some())
        .flat_map(|item| {
            SAMPLE_RATINGS.map(|reference| SampleRef {
                sub_role: kit.sub_role,
                level: kit.level,
                item_key: item_key(&item),
                reference,
            })
        })
        .collect()
}

/// The order a person meets the samples in: shuffled for them, the same
/// shuffle every time, so the three samples of an item do not come
/// together in the order exceeds, meets, below (which would give the
/// answer away).
pub fn practice_order(samples: &mut [SampleRef], person: &str) {
    samples.sort_by_cached_key(|s| (fnv1a(person, &s.id()), s.id()));
}

/// FNV-1a: a small hash that is the same on every build and platform
/// (the standard library's is not promised to be).
fn fnv1a(a: &str, b: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in a.bytes().chain([0]).chain(b.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A rating's place on the scale, in steps.
fn step(rating: Rating) -> Option<i64> {
    match rating {
        Rating::Below => Some(0),
        Rating::Meets => Some(1),
        Rating::Exceeds => Some(2),
        Rating::NoEvidence => None,
    }
}

/// How one person's practice ratings compare with the references. Counts
/// are exact; alpha is shown to two places and decides nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Samples rated (a sample rated again counts once, as last rated).
    pub rated: usize,
    /// Of those, rated as the reference.
    pub exact: usize,
    /// The sum over samples of (their rating - the reference) in steps:
    /// above zero is lenient, below zero harsh.
    pub offset_steps: i64,
    /// Krippendorff's alpha (ordinal) between them and the references,
    /// from [`MIN_RATED`] samples; `None` before, or when undefined.
    pub alpha: Option<f64>,
}

impl Score {
    /// `ratings`: (reference, their rating), one per sample.
    pub fn of(ratings: &[(Rating, Rating)]) -> Score {
        let scored: Vec<(i64, i64)> = ratings
            .iter()
            .filter_map(|&(reference, given)| Some((step(reference)?, step(given)?)))
            .collect();
        let rated = scored.len();
        let exact = scored.iter().filter(|(r, g)| r == g).count();
        let offset_steps = scored.iter().map(|(r, g)| g - r).sum();
        let alpha = (rated >= MIN_RATED)
            .then(|| {
                let units: Vec<Vec<Option<usize>>> = scored
                    .iter()
                    .map(|&(r, g)| vec![usize::try_from(r).ok(), usize::try_from(g).ok()])
                    .collect();
                ordinal_alpha_values(&units, SAMPLE_RATINGS.len()).alpha
            })
            .flatten();
        Score {
            rated,
            exact,
            offset_steps,
            alpha,
        }
    }

    /// Whether it meets the standard a requisition can require: enough
    /// samples rated, and two in three rated as the reference (compared in
    /// whole numbers, so 6 of 9 passes and 5 of 8 does not).
    pub fn passes(&self) -> bool {
        self.rated >= MIN_RATED && self.exact * PASS_DENOMINATOR >= self.rated * PASS_NUMERATOR
    }

    /// "7 of 9 (78%)".
    pub fn agreement_text(&self) -> String {
        if self.rated == 0 {
            return "nothing rated yet".into();
        }
        let percent = (self.exact * 100 + self.rated / 2) / self.rated;
        format!("{} of {} ({percent}%)", self.exact, self.rated)
    }

    /// Lenient, harsh or even, by how far the mean offset is from zero (a
    /// quarter of a step either way counts).
    pub fn tendency_text(&self) -> String {
        if self.rated == 0 {
            return "not known yet".into();
        }
        let rated = i64::try_from(self.rated).unwrap_or(i64::MAX);
        // Hundredths of a step, rounded half away from zero.
        let hundredths =
            (self.offset_steps * 200 + self.offset_steps.signum() * rated) / (2 * rated);
        let mean = format!(
            "{}{}.{:02}",
            if hundredths < 0 { "-" } else { "+" },
            hundredths.abs() / 100,
            hundredths.abs() % 100
        );
        if self.offset_steps * 4 >= rated {
            format!("lenient ({mean} steps on average)")
        } else if self.offset_steps * 4 <= -rated {
            format!("harsh ({mean} steps on average)")
        } else {
            format!("even ({mean} steps on average)")
        }
    }

    /// "0.71", or why there is none.
    pub fn alpha_text(&self) -> String {
        match self.alpha {
            Some(a) => format!("{a:.2}"),
            None if self.rated < MIN_RATED => {
                format!("after {MIN_RATED} samples")
            }
            None => "undefined (every rating the same)".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rating::*;

    #[test]
    fn sample_ids_round_trip_and_refuse_what_is_not_a_sample() {
        let s = SampleRef {
            sub_role: SubRole::PartnerManager,
            level: Level::Mid,
            item_key: "competency:mid-q1".into(),
            reference: Meets,
        };
        assert_eq!(s.id(), "partner-manager.mid.competency:mid-q1.meets");
        assert_eq!(SampleRef::parse(&s.id()), Some(s.clone()));
        assert_eq!(
            SampleRef::parse("partner-manager.mid.competency:mid-q1.no-evidence"),
            None
        );
        assert_eq!(SampleRef::parse("nobody.mid.x.meets"), None);
        assert_eq!(SampleRef::parse("partner-manager.mid"), None);
        let token = s.token();
        assert_eq!(token.len(), 16);
        assert!(!token.contains("meets"));
        let other = SampleRef {
            reference: Exceeds,
            ..SampleRef::parse(&s.id()).unwrap()
        };
        assert_ne!(other.token(), token, "each rating its own token");
    }

    #[test]
    fn every_item_with_samples_gives_three_in_a_shuffled_order() {
        let kit = crate::domain::fixtures::sample_kit();
        let samples = samples_of(&kit);
        assert!(!samples.is_empty());
        assert_eq!(samples.len() % 3, 0);
        for s in &samples {
            assert!(s.text(&kit).is_some(), "{}", s.id());
        }
        let mut a = samples.clone();
        let mut b = samples.clone();
        practice_order(&mut a, "user-1");
        practice_order(&mut b, "user-1");
        assert_eq!(a, b, "the same order every time for one person");
        let mut c = samples.clone();
        practice_order(&mut c, "user-2");
        assert_ne!(a, c, "another person, another order");
    }

    #[test]
    fn agreement_is_counted_exactly_and_the_standard_compares_whole_numbers() {
        let six_of_nine: Vec<(Rating, Rating)> = [
            (Exceeds, Exceeds),
            (Meets, Meets),
            (Below, Below),
            (Exceeds, Exceeds),
            (Meets, Meets),
            (Below, Below),
            (Below, Meets),
            (Meets, Exceeds),
            (Below, Meets),
        ]
        .to_vec();
        let score = Score::of(&six_of_nine);
        assert_eq!((score.rated, score.exact, score.offset_steps), (9, 6, 3));
        assert!(score.passes(), "6 of 9 is two in three");
        assert_eq!(score.agreement_text(), "6 of 9 (67%)");
        assert_eq!(score.tendency_text(), "lenient (+0.33 steps on average)");
        assert!(score.alpha.is_some());

        let five_of_eight = Score::of(&six_of_nine[1..]);
        assert_eq!((five_of_eight.rated, five_of_eight.exact), (8, 5));
        assert!(!five_of_eight.passes(), "too few samples");
        assert_eq!(five_of_eight.alpha, None);
        assert_eq!(five_of_eight.alpha_text(), "after 9 samples");

        let mut five_of_nine = six_of_nine.clone();
        five_of_nine[0] = (Exceeds, Meets);
        assert!(
            !Score::of(&five_of_nine).passes(),
            "5 of 9 is below two in three"
        );
    }

    #[test]
    fn tendency_reads_harsh_even_and_lenient() {
        let harsh = Score::of(&[(Exceeds, Meets), (Meets, Below), (Meets, Meets)]);
        assert_eq!(harsh.tendency_text(), "harsh (-0.67 steps on average)");
        let even = Score::of(&[
            (Exceeds, Exceeds),
            (Meets, Meets),
            (Below, Meets),
            (Meets, Meets),
            (Meets, Meets),
        ]);
        assert_eq!(even.tendency_text(), "even (+0.20 steps on average)");
        assert_eq!(Score::of(&[]).tendency_text(), "not known yet");
        assert_eq!(Score::of(&[]).agreement_text(), "nothing rated yet");
    }

    #[test]
    fn a_perfect_rater_has_alpha_one() {
        let ratings: Vec<(Rating, Rating)> = SAMPLE_RATINGS
            .iter()
            .cycle()
            .take(9)
            .map(|&r| (r, r))
            .collect();
        let score = Score::of(&ratings);
        assert_eq!(score.alpha_text(), "1.00");
        assert_eq!(score.tendency_text(), "even (+0.00 steps on average)");
    }
}
