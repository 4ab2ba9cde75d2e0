//! Exact scores: a mean rating or a weighted score as a fraction of whole
//! numbers, so the thresholds that decide a call (1.5, 2.0, 2.5) are met or
//! missed exactly. Added up in floating point, a weighted score that is
//! exactly 2 can come out as 1.9999999999999998 and read as "no hire".

use std::cmp::Ordering;

/// A non-negative fraction with a non-zero denominator. Equal and ordered
/// by value: 4/2 equals 2/1.
#[derive(Clone, Copy, Debug)]
pub struct Score {
    num: u128,
    den: u128,
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Score {
    /// `num / den`; `None` when `den` is zero.
    pub fn new(num: u128, den: u128) -> Option<Score> {
        if den == 0 {
            return None;
        }
        let g = gcd(num, den).max(1);
        Some(Score {
            num: num / g,
            den: den / g,
        })
    }

    /// A whole number.
    pub const fn whole(n: u128) -> Score {
        Score { num: n, den: 1 }
    }

    /// `n` halves: the thresholds 1.5 and 2.5.
    pub const fn halves(n: u128) -> Score {
        Score { num: n, den: 2 }
    }

    /// The weighted mean of `(weight, score)` pairs; `None` when there are
    /// none or every weight is zero. `None` too if the exact fraction
    /// would not fit in 128 bits: its denominator divides the product of
    /// the parts' denominators, so that takes columns holding over ten
    /// thousand ratings each, which no interview panel produces.
    pub fn weighted_mean(parts: impl IntoIterator<Item = (u32, Score)>) -> Option<Score> {
        let mut sum = Score::whole(0);
        let mut weights: u128 = 0;
        for (weight, score) in parts {
            let weight = u128::from(weight);
            weights += weight;
            sum = sum.checked_add(Score::new(score.num.checked_mul(weight)?, score.den)?)?;
        }
        if weights == 0 {
            return None;
        }
        Score::new(sum.num, sum.den.checked_mul(weights)?)
    }

    fn checked_add(self, other: Score) -> Option<Score> {
        let g = gcd(self.den, other.den);
        let den = (self.den / g).checked_mul(other.den)?;
        let num = self
            .num
            .checked_mul(other.den / g)?
            .checked_add(other.num.checked_mul(self.den / g)?)?;
        Score::new(num, den)
    }

    /// The nearest `f64`, for display and for sorting; never for a
    /// threshold.
    pub fn to_f64(self) -> f64 {
        // Both parts are exact in f64 for any real panel (far below 2^53),
        // so this is one correctly rounded division: a whole or half score
        // comes out exact.
        self.num as f64 / self.den as f64
    }
}

impl PartialEq for Score {
    fn eq(&self, other: &Score) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Score {}

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Score) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Score {
    fn cmp(&self, other: &Score) -> Ordering {
        // a/b against c/d is a*d against c*b; in 256 bits when 128 would
        // overflow, so the comparison is exact for every Score.
        let (high_l, low_l) = wide_mul(self.num, other.den);
        let (high_r, low_r) = wide_mul(other.num, self.den);
        (high_l, low_l).cmp(&(high_r, low_r))
    }
}

/// The full 256-bit product of two u128s, as (high, low).
fn wide_mul(a: u128, b: u128) -> (u128, u128) {
    const HALF: u32 = 64;
    const MASK: u128 = (1 << HALF) - 1;
    let (a_hi, a_lo) = (a >> HALF, a & MASK);
    let (b_hi, b_lo) = (b >> HALF, b & MASK);
    let lo_lo = a_lo * b_lo;
    let hi_lo = a_hi * b_lo;
    let lo_hi = a_lo * b_hi;
    let hi_hi = a_hi * b_hi;
    let middle = (lo_lo >> HALF) + (hi_lo & MASK) + (lo_hi & MASK);
    let low = (middle << HALF) | (lo_lo & MASK);
    let high = hi_hi + (hi_lo >> HALF) + (lo_hi >> HALF) + (middle >> HALF);
    (high, low)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(num: u128, den: u128) -> Score {
        Score::new(num, den).unwrap()
    }

    #[test]
    fn fractions_are_kept_in_lowest_terms_and_compare_exactly() {
        assert_eq!(s(6, 3), Score::whole(2));
        assert_eq!(Score::halves(4), Score::whole(2));
        assert!(Score::halves(3) < Score::whole(2));
        assert_eq!(s(0, 5), Score::whole(0));
        assert_eq!(Score::new(1, 0), None);
        assert!(s(199, 100) < Score::whole(2));
        assert!(s(2, 1) >= Score::whole(2));
        assert!(s(5, 2) > s(249_999_999, 100_000_000));
        assert_eq!(s(3, 2).to_f64(), 1.5);
    }

    #[test]
    fn a_weighted_score_of_exactly_two_is_two() {
        // Means 2, 8/3 and 4/3 with equal weights: exactly 2. Summed in
        // floating point this is 1.9999999999999998.
        let float = (2.0 + 8.0 / 3.0 + 4.0 / 3.0) / 3.0;
        assert!(float < 2.0, "the floating-point sum this replaces: {float}");
        let exact = Score::weighted_mean([(1, s(2, 1)), (1, s(8, 3)), (1, s(4, 3))]).unwrap();
        assert_eq!(exact, Score::whole(2));
        assert_eq!(exact.to_f64(), 2.0);
    }

    #[test]
    fn weights_count_only_the_parts_given() {
        // (3 x 3 + 2 x 3/2) / (3 + 2) = 12/5.
        assert_eq!(
            Score::weighted_mean([(3, s(3, 1)), (2, s(3, 2))]),
            Some(s(12, 5))
        );
        assert_eq!(Score::weighted_mean([]), None);
        assert_eq!(Score::weighted_mean([(0, s(3, 1))]), None);
    }

    #[test]
    fn comparison_holds_where_the_cross_products_pass_128_bits() {
        let big = u128::MAX / 3;
        // x / (x - 1) shrinks as x grows.
        assert!(s(big, big - 1) < s(big - 1, big - 2));
        // (2^127 - 1) / 2^126 is just under 2.
        let just_under = s((1 << 127) - 1, 1 << 126);
        assert!(just_under < Score::whole(2));
        assert!(just_under > s(199, 100));
        assert_eq!(wide_mul(u128::MAX, u128::MAX), (u128::MAX - 1, 1));
        assert_eq!(wide_mul(1 << 64, 1 << 64), (1, 0));
    }

    #[test]
    fn overflow_gives_none_rather_than_a_wrong_score() {
        let huge = s(1, u128::MAX - 1);
        let other = s(1, u128::MAX - 2);
        assert_eq!(Score::weighted_mean([(1, huge), (1, other)]), None);
    }
}
