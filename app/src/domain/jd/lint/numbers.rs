//! Numbers as JDs write them, read exactly: money in any currency and form
//! ("$2.5M", "$1.8-2.2M", "EUR 1,2 Mio.", "£600k", "850.000 €", "USD 3
//! million"), shares ("35%", "a 70/30 split") and counts ("six", "a dozen",
//! "120-180", "more than 250"). Whole currency units in integers: no floats,
//! so a band's edge is compared exactly.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Currency {
    Usd,
    Eur,
    Gbp,
    Other,
}

/// An amount or a range of amounts, in whole units of its currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Money {
    pub currency: Currency,
    pub low: u64,
    pub high: u64,
    /// Byte span in the lower-cased sentence.
    pub start: usize,
    pub end: usize,
}

const SYMBOLS: &[(&str, Currency)] = &[
    ("us$", Currency::Usd),
    ("usd$", Currency::Usd),
    ("c$", Currency::Other),
    ("ca$", Currency::Other),
    ("a$", Currency::Other),
    ("au$", Currency::Other),
    ("$", Currency::Usd),
    ("€", Currency::Eur),
    ("£", Currency::Gbp),
];

const CODES: &[(&str, Currency)] = &[
    ("usd", Currency::Usd),
    ("eur", Currency::Eur),
    ("euro", Currency::Eur),
    ("euros", Currency::Eur),
    ("gbp", Currency::Gbp),
    ("cad", Currency::Other),
    ("aud", Currency::Other),
    ("chf", Currency::Other),
    ("sgd", Currency::Other),
    ("inr", Currency::Other),
    ("jpy", Currency::Other),
    ("sek", Currency::Other),
    ("nok", Currency::Other),
    ("dkk", Currency::Other),
];

/// Multipliers written after a number.
const MULTIPLIERS: &[(&str, u64)] = &[
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("millions", 1_000_000),
    ("billion", 1_000_000_000),
    ("mio.", 1_000_000),
    ("mio", 1_000_000),
    ("mn", 1_000_000),
    ("mm", 1_000_000),
    ("bn", 1_000_000_000),
    ("mrd.", 1_000_000_000),
    ("mrd", 1_000_000_000),
    ("k", 1_000),
    ("m", 1_000_000),
    ("b", 1_000_000_000),
];

/// A number as written: its digits without separators and how many of
/// them are decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Written {
    digits: u64,
    decimals: u32,
    /// Thousands separators were read ("1,200,000", "850.000").
    grouped: bool,
}

impl Written {
    fn times(self, multiplier: u64) -> u64 {
        let scale = 10u64.pow(self.decimals);
        self.digits.saturating_mul(multiplier) / scale
    }
}

/// Reads a number at the start of `s` ("2.5", "1,200,000", "1,2", "850.000",
/// "120"); returns it and the bytes it took.
fn read_number(s: &str) -> Option<(Written, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b',' || b[i] == b'.') {
        i += 1;
    }
    // A trailing separator is punctuation, not part of the number.
    while i > 0 && (b[i - 1] == b',' || b[i - 1] == b'.') {
        i -= 1;
    }
    let raw = &s[..i];
    if raw.is_empty() || !raw.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let groups: Vec<&str> = raw.split([',', '.']).collect();
    let separators: Vec<char> = raw.chars().filter(|c| *c == ',' || *c == '.').collect();
    let parse = |digits: &str| digits.parse::<u64>().ok();
    let written = match separators.as_slice() {
        [] => Written {
            digits: parse(raw)?,
            decimals: 0,
            grouped: false,
        },
        [only] => {
            let tail = groups[1];
            // One separator and three digits after it groups thousands
            // ("1,200", "850.000"); otherwise it is a decimal mark ("2.5",
            // "1,2").
            let european_thousands =
                *only == '.' && groups[0].len() <= 3 && read_multiplier(&s[i..]).is_none();
            if tail.len() == 3 && (*only == ',' || european_thousands) {
                Written {
                    digits: parse(&groups.concat())?,
                    decimals: 0,
                    grouped: true,
                }
            } else {
                Written {
                    digits: parse(&groups.concat())?,
                    decimals: u32::try_from(tail.len()).ok()?,
                    grouped: false,
                }
            }
        }
        many => {
            // "1,200,000", "1.200.000", "1,200.50", "1.200,50": the last
            // separator is a decimal mark when it differs from the others.
            let last = *many.last()?;
            let first = many[0];
            if last != first {
                let tail = groups.last()?;
                Written {
                    digits: parse(&groups.concat())?,
                    decimals: u32::try_from(tail.len()).ok()?,
                    grouped: true,
                }
            } else {
                Written {
                    digits: parse(&groups.concat())?,
                    decimals: 0,
                    grouped: true,
                }
            }
        }
    };
    Some((written, i))
}

/// A multiplier word right after a number ("k", " million", "M").
fn read_multiplier(s: &str) -> Option<(u64, usize)> {
    let trimmed = s.trim_start();
    let skipped = s.len() - trimmed.len();
    if skipped > 1 {
        return None;
    }
    for (word, m) in MULTIPLIERS {
        if let Some(rest) = trimmed.strip_prefix(word) {
            // A multiplier is a whole word: "m" is not the start of "month".
            if rest.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                // A single letter needs to touch the number ("2.5m", not "2 m").
                if word.len() == 1 && skipped > 0 {
                    continue;
                }
                return Some((*m, skipped + word.len()));
            }
        }
    }
    None
}

fn read_symbol(s: &str) -> Option<(Currency, usize)> {
    SYMBOLS
        .iter()
        .find(|(sym, _)| s.starts_with(sym))
        .map(|(sym, c)| (*c, sym.len()))
}

fn read_code(s: &str) -> Option<(Currency, usize)> {
    CODES.iter().find_map(|(code, c)| {
        let rest = s.strip_prefix(code)?;
        rest.chars()
            .next()
            .is_none_or(|ch| !ch.is_alphanumeric())
            .then_some((*c, code.len()))
    })
}

/// One amount: a number, its multiplier, and where it ends.
fn read_amount(s: &str) -> Option<(Written, Option<u64>, usize)> {
    let (w, n) = read_number(s)?;
    match read_multiplier(&s[n..]) {
        Some((m, k)) => Some((w, Some(m), n + k)),
        None => Some((w, None, n)),
    }
}

/// Every amount of money in a lower-cased sentence.
pub fn money(lower: &str) -> Vec<Money> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        if !lower.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let rest = &lower[i..];
        let word_start = lower[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        // A currency before the number: "$2.5m", "eur 1,2 mio.", "usd 3 million".
        let before = read_symbol(rest).or_else(|| {
            word_start
                .then(|| read_code(rest))
                .flatten()
                .filter(|(_, n)| rest[*n..].starts_with(' ') || rest[*n..].starts_with('\u{a0}'))
        });
        if let Some((currency, n)) = before {
            let after = rest[n..].trim_start();
            let gap = rest.len() - n - after.len();
            if gap <= 1 {
                if let Some(m) = amount_from(lower, i, i + n + gap, Some(currency)) {
                    i = m.end;
                    found.push(m);
                    continue;
                }
            }
        }
        // A number with the currency after it: "850.000 €", "3 million usd".
        if word_start && rest.as_bytes()[0].is_ascii_digit() {
            if let Some(m) = amount_from(lower, i, i, None) {
                i = m.end;
                found.push(m);
                continue;
            }
            // Skip the rest of this number.
            let len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
                .unwrap_or(rest.len());
            i += len.max(1);
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// Reads "N[mult]", "N[mult]-N[mult]", "N to N", then a currency after
/// it when none came before.
fn amount_from(lower: &str, start: usize, at: usize, currency: Option<Currency>) -> Option<Money> {
    let s = &lower[at..];
    let (w1, m1, n1) = read_amount(s)?;
    let mut end = at + n1;
    let mut second = None;
    // A range: "-", "–", " to ", " and " (after "between").
    let tail = &lower[end..];
    for sep in ["-", "–", "—", " - ", " – ", " to ", " and "] {
        if let Some(r) = tail.strip_prefix(sep) {
            let r_trim = r.trim_start();
            let skip = r.len() - r_trim.len();
            let (r2, sym_len) = match read_symbol(r_trim) {
                Some((_, n)) => (&r_trim[n..], n),
                None => (r_trim, 0),
            };
            if sep == " and " && !lower[..start].trim_end().ends_with("between") {
                continue;
            }
            if let Some((w2, m2, n2)) = read_amount(r2) {
                second = Some((w2, m2));
                end += sep.len() + skip + sym_len + n2;
                break;
            }
        }
    }
    // A multiplier on one end of a range applies to both ("$1.8-2.2m").
    let (m1, m2) = match second {
        Some((_, m2)) => (m1.or(m2), m2.or(m1)),
        None => (m1, None),
    };
    let mut currency = currency;
    if currency.is_none() {
        let after = &lower[end..];
        let trimmed = after.trim_start();
        let gap = after.len() - trimmed.len();
        if gap <= 1 {
            if let Some((c, n)) = read_symbol(trimmed)
                .filter(|(c, _)| *c != Currency::Usd || trimmed.starts_with('$'))
                .or_else(|| read_code(trimmed))
            {
                currency = Some(c);
                end += gap + n;
            }
        }
    }
    let currency = currency?;
    let low = w1.times(m1.unwrap_or(1));
    let high = second.map_or(low, |(w2, _)| w2.times(m2.unwrap_or(1)));
    Some(Money {
        currency,
        low: low.min(high),
        high: low.max(high),
        start,
        end,
    })
}

/// A share in per cent as an exact fraction of 100: (low, high) per cent,
/// each as (numerator, denominator) kept simple: whole and tenths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    /// In tenths of a per cent, so 33.5% is 335.
    pub low_tenths: u32,
    pub high_tenths: u32,
    pub start: usize,
    pub end: usize,
}

/// Every percentage in a lower-cased sentence: "35%", "35 %", "35 percent",
/// "30-40%", "30% to 40%".
pub fn percents(lower: &str) -> Vec<Share> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        let rest = &lower[i..];
        let word_start = lower[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '.' && c != ',');
        if word_start && rest.as_bytes()[0].is_ascii_digit() {
            if let Some((first, n1)) = read_percent_value(rest) {
                let mut end = i + n1;
                let mut high = first;
                let after_first = &lower[end..];
                let (first_pct, k) = percent_sign(after_first);
                end += k;
                for sep in ["-", "–", " - ", " – ", " to "] {
                    if let Some(r) = lower[end..].strip_prefix(sep) {
                        if let Some((second, n2)) = read_percent_value(r) {
                            let (second_pct, k2) = percent_sign(&r[n2..]);
                            if second_pct {
                                high = second;
                                end += sep.len() + n2 + k2;
                                found.push(Share {
                                    low_tenths: first.min(high),
                                    high_tenths: first.max(high),
                                    start: i,
                                    end,
                                });
                            }
                        }
                        break;
                    }
                }
                if high == first && first_pct {
                    found.push(Share {
                        low_tenths: first,
                        high_tenths: first,
                        start: i,
                        end,
                    });
                }
                i = end.max(i + 1);
                continue;
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    found
}

fn read_percent_value(s: &str) -> Option<(u32, usize)> {
    let (w, n) = read_number(s)?;
    if w.grouped || w.decimals > 1 {
        return None;
    }
    let tenths = if w.decimals == 1 {
        w.digits
    } else {
        w.digits * 10
    };
    Some((u32::try_from(tenths).ok()?, n))
}

fn percent_sign(s: &str) -> (bool, usize) {
    for sign in ["%", " %", "\u{a0}%", " percent", " per cent", "percent"] {
        if s.starts_with(sign) {
            return (true, sign.len());
        }
    }
    (false, 0)
}

/// A base/variable split written "70/30" (or "60:40"): the variable share
/// in tenths of a per cent, with its byte span.
pub fn splits(lower: &str) -> Vec<(u32, usize, usize)> {
    let mut found = Vec::new();
    for (i, _) in lower.match_indices(['/', ':']) {
        let head = &lower[..i];
        let a_len = head.chars().rev().take_while(char::is_ascii_digit).count();
        let tail = &lower[i + 1..];
        let b_len = tail.chars().take_while(char::is_ascii_digit).count();
        if !(1..=2).contains(&a_len) || !(1..=2).contains(&b_len) {
            continue;
        }
        let (Ok(a), Ok(b)) = (
            head[head.len() - a_len..].parse::<u32>(),
            tail[..b_len].parse::<u32>(),
        ) else {
            continue;
        };
        if a + b == 100 {
            found.push((b * 10, i - a_len, i + 1 + b_len));
        }
    }
    found
}

const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// A count written as a word: "six", "a dozen", "twenty".
pub fn number_word(word: &str) -> Option<u32> {
    if word == "dozen" {
        return Some(12);
    }
    NUMBER_WORDS
        .iter()
        .position(|w| *w == word)
        .and_then(|i| u32::try_from(i).ok())
}

/// A count ending at word `i` of `words` (digits, a word, a range, "N+"):
/// the largest number it allows.
pub fn count_at(words: &[&str], i: usize) -> Option<u32> {
    let w = words.get(i)?.trim_end_matches('+');
    if w.chars().any(|c| c.is_ascii_digit()) {
        let max = w
            .split(['-', '–'])
            .filter_map(|p| p.replace(',', "").parse::<u32>().ok())
            .max();
        return max;
    }
    if let Some(n) = number_word(w) {
        return Some(n);
    }
    // Ranges in words ("four to six") are read by the caller, which sees
    // the words around this one.
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(s: &str) -> Vec<(Currency, u64, u64)> {
        money(&s.to_lowercase())
            .into_iter()
            .map(|m| (m.currency, m.low, m.high))
            .collect()
    }

    #[test]
    fn money_in_the_forms_jds_write_it() {
        use Currency::*;
        assert_eq!(
            amounts("$2.5M of pipeline"),
            vec![(Usd, 2_500_000, 2_500_000)]
        );
        assert_eq!(amounts("$1.8-2.2M"), vec![(Usd, 1_800_000, 2_200_000)]);
        assert_eq!(amounts("$150k–$190k OTE"), vec![(Usd, 150_000, 190_000)]);
        assert_eq!(
            amounts("$130,000 to $170,000"),
            vec![(Usd, 130_000, 170_000)]
        );
        assert_eq!(
            amounts("EUR 1,2 Mio. pipeline"),
            vec![(Eur, 1_200_000, 1_200_000)]
        );
        assert_eq!(amounts("€850.000 per year"), vec![(Eur, 850_000, 850_000)]);
        assert_eq!(amounts("850.000 € per year"), vec![(Eur, 850_000, 850_000)]);
        assert_eq!(amounts("£600k"), vec![(Gbp, 600_000, 600_000)]);
        assert_eq!(amounts("USD 3 million"), vec![(Usd, 3_000_000, 3_000_000)]);
        assert_eq!(amounts("3 million USD"), vec![(Usd, 3_000_000, 3_000_000)]);
        assert_eq!(
            amounts("between $4M and $6M"),
            vec![(Usd, 4_000_000, 6_000_000)]
        );
        assert_eq!(amounts("CAD 180,000"), vec![(Other, 180_000, 180_000)]);
        assert_eq!(amounts("a 12-month plan with 5 partners"), vec![]);
    }

    #[test]
    fn shares_and_splits() {
        let p = percents("variable is 35% of ote, 30-40% typical, 12.5 percent");
        let v: Vec<(u32, u32)> = p.iter().map(|s| (s.low_tenths, s.high_tenths)).collect();
        assert_eq!(v, vec![(350, 350), (300, 400), (125, 125)]);
        assert_eq!(splits("a 70/30 split")[0].0, 300);
        assert!(splits("24/7 support").is_empty());
    }
}
