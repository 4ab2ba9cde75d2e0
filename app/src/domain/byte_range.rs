//! The `Range` request header for bytes (RFC 9110, section 14), for files
//! served from the database: which part of a representation of `len`
//! bytes to send. One range is answered; a request for several gets the
//! whole file (a server may always ignore Range), as does anything that
//! is not a well-formed byte range, as the RFC asks.

/// What to send for a Range header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeAnswer {
    /// 200 with the whole representation.
    Full,
    /// 206 with bytes `start..=end` (both within the representation).
    Partial { start: u64, end: u64 },
    /// 416 with `Content-Range: bytes */len`.
    Unsatisfiable,
}

/// One `range-spec` as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Spec {
    /// `first-` or `first-last`. `None` for a number too large for u64.
    FromTo {
        first: Option<u64>,
        last: Option<u64>,
    },
    /// `-suffix`: the last `suffix` bytes (saturated at u64::MAX).
    Suffix(u64),
}

/// `1*DIGIT`, or `Err` when not digits. Digits too many for a u64 are
/// `Ok(None)`: syntactically fine, and larger than any file.
fn digits(s: &str) -> Result<Option<u64>, ()> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    Ok(s.parse().ok())
}

fn spec(s: &str) -> Result<Spec, ()> {
    let (first, last) = s.split_once('-').ok_or(())?;
    if first.is_empty() {
        // suffix-range = "-" suffix-length
        return Ok(Spec::Suffix(digits(last)?.unwrap_or(u64::MAX)));
    }
    let first = digits(first)?;
    let last = if last.is_empty() {
        None
    } else {
        let last = digits(last)?;
        // An invalid range-spec (last before first) makes the header one
        // to ignore. A last too large to read is never before first.
        if let (Some(f), Some(l)) = (first, last) {
            if l < f {
                return Err(());
            }
        }
        Some(last.unwrap_or(u64::MAX))
    };
    Ok(Spec::FromTo { first, last })
}

/// `ranges-specifier = range-unit "=" range-set`, with the range unit
/// `bytes` (case-insensitive) and `range-set = 1#range-spec` (a comma
/// list with optional whitespace; empty elements are allowed by the list
/// syntax and skipped).
fn specs(header: &str) -> Result<Vec<Spec>, ()> {
    let (unit, set) = header.trim().split_once('=').ok_or(())?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return Err(());
    }
    let specs = set
        .split(',')
        .map(|s| s.trim_matches([' ', '\t']))
        .filter(|s| !s.is_empty())
        .map(spec)
        .collect::<Result<Vec<_>, _>>()?;
    if specs.is_empty() {
        return Err(());
    }
    Ok(specs)
}

/// What to answer for `header` (the Range field's value, if any) on a
/// representation of `len` bytes.
pub fn answer(header: Option<&str>, len: u64) -> RangeAnswer {
    let Some(header) = header else {
        return RangeAnswer::Full;
    };
    let Ok(specs) = specs(header) else {
        return RangeAnswer::Full;
    };
    let [one] = specs.as_slice() else {
        return RangeAnswer::Full;
    };
    match *one {
        Spec::FromTo { first, last } => match first {
            Some(start) if start < len => RangeAnswer::Partial {
                start,
                end: last.map_or(len - 1, |l| l.min(len - 1)),
            },
            _ => RangeAnswer::Unsatisfiable,
        },
        // A suffix of zero bytes, or of an empty file, selects nothing.
        Spec::Suffix(0) => RangeAnswer::Unsatisfiable,
        Spec::Suffix(_) if len == 0 => RangeAnswer::Unsatisfiable,
        Spec::Suffix(n) => RangeAnswer::Partial {
            start: len.saturating_sub(n),
            end: len - 1,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::RangeAnswer::{Full, Partial, Unsatisfiable};
    use super::*;

    fn p(start: u64, end: u64) -> RangeAnswer {
        Partial { start, end }
    }

    #[test]
    fn no_header_is_the_whole_file() {
        assert_eq!(answer(None, 100), Full);
    }

    #[test]
    fn first_last_first_and_suffix_ranges() {
        assert_eq!(answer(Some("bytes=0-0"), 100), p(0, 0));
        assert_eq!(answer(Some("bytes=0-99"), 100), p(0, 99));
        assert_eq!(answer(Some("bytes=10-19"), 100), p(10, 19));
        // A last position past the end is cut to the end.
        assert_eq!(answer(Some("bytes=90-1000"), 100), p(90, 99));
        assert_eq!(answer(Some("bytes=50-"), 100), p(50, 99));
        assert_eq!(answer(Some("bytes=99-"), 100), p(99, 99));
        assert_eq!(answer(Some("bytes=-10"), 100), p(90, 99));
        // A suffix longer than the file is the whole file, as a 206.
        assert_eq!(answer(Some("bytes=-1000"), 100), p(0, 99));
    }

    #[test]
    fn the_unit_is_case_insensitive_and_whitespace_around_specs_is_allowed() {
        assert_eq!(answer(Some("Bytes=1-2"), 100), p(1, 2));
        assert_eq!(answer(Some("BYTES=1-2"), 100), p(1, 2));
        assert_eq!(answer(Some("bytes= 1-2 "), 100), p(1, 2));
        assert_eq!(answer(Some("bytes=1-2,"), 100), p(1, 2));
        assert_eq!(answer(Some(" bytes=1-2"), 100), p(1, 2));
    }

    #[test]
    fn ranges_that_select_nothing_are_unsatisfiable() {
        assert_eq!(answer(Some("bytes=100-"), 100), Unsatisfiable);
        assert_eq!(answer(Some("bytes=100-200"), 100), Unsatisfiable);
        assert_eq!(answer(Some("bytes=-0"), 100), Unsatisfiable);
        assert_eq!(answer(Some("bytes=0-"), 0), Unsatisfiable);
        assert_eq!(answer(Some("bytes=-5"), 0), Unsatisfiable);
        // A first position too large for any number is past every end.
        assert_eq!(
            answer(Some("bytes=99999999999999999999999-"), 100),
            Unsatisfiable
        );
    }

    #[test]
    fn huge_numbers_saturate_instead_of_failing() {
        assert_eq!(
            answer(Some("bytes=5-99999999999999999999999"), 100),
            p(5, 99)
        );
        assert_eq!(
            answer(Some("bytes=-99999999999999999999999"), 100),
            p(0, 99)
        );
    }

    #[test]
    fn malformed_headers_are_ignored() {
        for bad in [
            "",
            "bytes",
            "bytes=",
            "bytes=,",
            "bytes=-",
            "bytes=a-b",
            "bytes=1-a",
            "bytes=+1-2",
            "bytes=1--2",
            "bytes=-1-2",
            "bytes=1 -2",
            "bytes=0x10-",
            "bytes=5-4",
            "items=0-1",
            "bytes 0-1",
            "bytes=1-2;x",
            "bytes=\u{0661}-2",
        ] {
            assert_eq!(answer(Some(bad), 100), Full, "{bad:?}");
        }
    }

    #[test]
    fn several_ranges_get_the_whole_file() {
        assert_eq!(answer(Some("bytes=0-1,5-6"), 100), Full);
        assert_eq!(answer(Some("bytes=0-1, -5"), 100), Full);
        // Even when one of them is malformed or unsatisfiable.
        assert_eq!(answer(Some("bytes=200-300,400-"), 100), Full);
    }
}
