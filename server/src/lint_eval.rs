//! `hiring-kit lint eval [DIR]`: the JD linter measured against the labelled
//! corpus in `tests/jd-corpus/` (its README defines every rule as labelled).
//! Precision and recall per rule, every disagreement named by file, and the
//! floors the corpus must hold, compared exactly (whole per cents against
//! counts, no floats), so a change to the linter cannot quietly lower them.

use app::domain::jd::{lint, Hints, RULES};
use app::domain::{Level, Library, SubRole};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One labelled JD.
#[derive(Debug)]
pub struct Case {
    pub file: String,
    pub expect: BTreeSet<String>,
    pub hints: Hints,
    pub text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    expect: Vec<String>,
    sub_role: Option<String>,
    level: Option<String>,
    #[allow(dead_code)] // for the reader of the corpus, not for the linter
    note: Option<String>,
}

/// Reads every `*.md` file of `dir` except its README, in name order. Errors
/// name the file, and the line where the front matter is wrong.
pub fn load_corpus(dir: &Path) -> Result<Vec<Case>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(format!("{}: no labelled JDs (*.md) here", dir.display()));
    }
    paths.iter().map(|p| load_case(p)).collect()
}

fn load_case(path: &Path) -> Result<Case, String> {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let at = |line: usize, message: &str| format!("{}:{line}: {message}", path.display());
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let raw = raw.replace("\r\n", "\n");
    let Some(rest) = raw.strip_prefix("---\n") else {
        return Err(at(1, "the file must start with a front matter block (---)"));
    };
    let Some(end) = rest.find("\n---\n") else {
        return Err(at(1, "the front matter block has no closing ---"));
    };
    let (yaml, text) = (&rest[..end], &rest[end + 5..]);
    let front: FrontMatter = serde_yaml::from_str(yaml).map_err(|e| {
        // serde_yaml counts lines from the block's first line; the file's
        // first line is the opening ---.
        let line = e.location().map_or(1, |l| l.line() + 1);
        at(line, &format!("front matter: {e}"))
    })?;
    let mut expect = BTreeSet::new();
    for rule in front.expect {
        if !RULES.contains(&rule.as_str()) {
            return Err(at(
                2,
                &format!(
                    "expect: `{rule}` is not a rule; the rules are {}",
                    RULES.join(", ")
                ),
            ));
        }
        if !expect.insert(rule.clone()) {
            return Err(at(2, &format!("expect: `{rule}` is listed twice")));
        }
    }
    let sub_role = match front.sub_role {
        Some(s) => Some(
            s.parse::<SubRole>()
                .map_err(|e| at(2, &format!("sub_role: {e}")))?,
        ),
        None => None,
    };
    let level = match front.level {
        Some(s) => Some(
            s.parse::<Level>()
                .map_err(|e| at(2, &format!("level: {e}")))?,
        ),
        None => None,
    };
    if text.trim().is_empty() {
        return Err(at(1, "the JD after the front matter is empty"));
    }
    Ok(Case {
        file,
        expect,
        hints: Hints { sub_role, level },
        text: text.to_string(),
    })
}

/// Counts for one rule over the corpus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub true_positives: u32,
    pub false_positives: u32,
    pub false_negatives: u32,
}

impl Score {
    /// Precision as a fraction (numerator, denominator); a rule that never
    /// fired has made no false claim, so it counts as 1/1.
    pub fn precision(&self) -> (u32, u32) {
        match self.true_positives + self.false_positives {
            0 => (1, 1),
            n => (self.true_positives, n),
        }
    }

    /// Recall as a fraction; with nothing to find, 1/1.
    pub fn recall(&self) -> (u32, u32) {
        match self.true_positives + self.false_negatives {
            0 => (1, 1),
            n => (self.true_positives, n),
        }
    }
}

/// A file where the linter and the label disagree on one rule.
#[derive(Debug, PartialEq, Eq)]
pub struct Disagreement {
    pub file: String,
    pub rule: String,
    /// True when the label expects the rule and the linter missed it.
    pub missed: bool,
    /// What the linter said, when it fired.
    pub excerpt: Option<String>,
}

#[derive(Debug, Default)]
pub struct Evaluation {
    pub cases: usize,
    pub scores: BTreeMap<String, Score>,
    pub disagreements: Vec<Disagreement>,
}

pub fn evaluate(cases: &[Case], library: &Library) -> Evaluation {
    let mut eval = Evaluation {
        cases: cases.len(),
        scores: RULES
            .iter()
            .map(|r| (r.to_string(), Score::default()))
            .collect(),
        disagreements: Vec::new(),
    };
    for case in cases {
        let findings = lint(&case.text, library, case.hints);
        let fired: BTreeMap<&str, Option<&String>> = findings
            .iter()
            .map(|f| (f.rule.as_str(), f.excerpt.as_ref()))
            .collect();
        for rule in RULES {
            let expected = case.expect.contains(*rule);
            let got = fired.get(rule);
            let score = eval.scores.entry(rule.to_string()).or_default();
            match (expected, got) {
                (true, Some(_)) => score.true_positives += 1,
                (false, None) => {}
                (true, None) => {
                    score.false_negatives += 1;
                    eval.disagreements.push(Disagreement {
                        file: case.file.clone(),
                        rule: rule.to_string(),
                        missed: true,
                        excerpt: None,
                    });
                }
                (false, Some(excerpt)) => {
                    score.false_positives += 1;
                    eval.disagreements.push(Disagreement {
                        file: case.file.clone(),
                        rule: rule.to_string(),
                        missed: false,
                        excerpt: excerpt.cloned(),
                    });
                }
            }
        }
    }
    eval
}

/// Two decimals, rounded down, from a fraction: never reads better than it is.
fn two_decimals((n, d): (u32, u32)) -> String {
    let hundredths = n * 100 / d;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// The report `hiring-kit lint eval` prints.
pub fn report(eval: &Evaluation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} labelled JDs\n", eval.cases);
    let _ = writeln!(
        out,
        "{:<26} {:>9} {:>6} {:>4} {:>4} {:>4}",
        "rule", "precision", "recall", "tp", "fp", "fn"
    );
    for (rule, s) in &eval.scores {
        let _ = writeln!(
            out,
            "{:<26} {:>9} {:>6} {:>4} {:>4} {:>4}",
            rule,
            two_decimals(s.precision()),
            two_decimals(s.recall()),
            s.true_positives,
            s.false_positives,
            s.false_negatives
        );
    }
    if eval.disagreements.is_empty() {
        let _ = writeln!(out, "\nNo disagreements.");
    } else {
        let _ = writeln!(out, "\nDisagreements:");
        for d in &eval.disagreements {
            if d.missed {
                let _ = writeln!(out, "  {}: missed {}", d.file, d.rule);
            } else {
                let excerpt = d.excerpt.as_deref().unwrap_or("(no excerpt)");
                let _ = writeln!(out, "  {}: wrongly gave {}: {excerpt}", d.file, d.rule);
            }
        }
    }
    out
}

/// The least precision and recall each rule must keep, in whole per cents.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Floor {
    pub precision: u32,
    pub recall: u32,
}

pub fn load_floors(path: &Path) -> Result<BTreeMap<String, Floor>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let floors: BTreeMap<String, Floor> = serde_yaml::from_str(&raw).map_err(|e| {
        let line = e.location().map_or(0, |l| l.line());
        format!("{}:{line}: {e}", path.display())
    })?;
    for rule in floors.keys() {
        if !RULES.contains(&rule.as_str()) {
            return Err(format!("{}: `{rule}` is not a rule", path.display()));
        }
    }
    for rule in RULES {
        if !floors.contains_key(*rule) {
            return Err(format!("{}: no floor for `{rule}`", path.display()));
        }
    }
    Ok(floors)
}

/// Every rule whose figure is under its floor, said in words. Exact:
/// n/d >= p/100 exactly when 100 n >= p d.
pub fn below_floors(eval: &Evaluation, floors: &BTreeMap<String, Floor>) -> Vec<String> {
    let mut below = Vec::new();
    for (rule, floor) in floors {
        let Some(score) = eval.scores.get(rule) else {
            continue;
        };
        for (what, (n, d), least) in [
            ("precision", score.precision(), floor.precision),
            ("recall", score.recall(), floor.recall),
        ] {
            if 100 * u64::from(n) < u64::from(least) * u64::from(d) {
                below.push(format!(
                    "{rule}: {what} {n}/{d} is under its floor of {least}%"
                ));
            }
        }
    }
    below
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    #[test]
    fn the_corpus_holds_its_floors() {
        let library = crate::rubrics::load(&root().join("rubrics")).expect("the rubric library");
        let corpus = root().join("tests/jd-corpus");
        let cases = load_corpus(&corpus).expect("the corpus loads");
        assert!(cases.len() >= 80, "the corpus has {} JDs", cases.len());
        let floors = load_floors(&corpus.join("floors.yaml")).expect("the floors load");
        let eval = evaluate(&cases, &library);
        let below = below_floors(&eval, &floors);
        assert!(below.is_empty(), "{}\n{}", below.join("\n"), report(&eval));
    }

    #[test]
    fn floors_are_compared_exactly() {
        let score = Score {
            true_positives: 19,
            false_positives: 1,
            false_negatives: 0,
        };
        let eval = Evaluation {
            cases: 20,
            scores: [("sentiment-comp".to_string(), score)].into(),
            disagreements: Vec::new(),
        };
        let floor = |precision| {
            [(
                "sentiment-comp".to_string(),
                Floor {
                    precision,
                    recall: 100,
                },
            )]
            .into()
        };
        // 19/20 is exactly 95%: held at 95, under 96.
        assert!(below_floors(&eval, &floor(95)).is_empty());
        assert_eq!(
            below_floors(&eval, &floor(96)),
            vec!["sentiment-comp: precision 19/20 is under its floor of 96%".to_string()]
        );
        assert_eq!(two_decimals(score.precision()), "0.95");
        assert_eq!(two_decimals((2, 3)), "0.66");
    }

    #[test]
    fn a_bad_label_is_named_with_its_file_and_line() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("001-bad.md");
        std::fs::write(
            &path,
            "---\nexpect: [missing-partner, no-such-rule]\n---\nText.\n",
        )
        .expect("write");
        let err = load_corpus(dir.path()).unwrap_err();
        assert!(err.contains("001-bad.md:2"), "{err}");
        assert!(err.contains("`no-such-rule` is not a rule"), "{err}");

        std::fs::write(&path, "---\nexpect: []\nlevel: principal\n---\nText.\n").expect("write");
        let err = load_corpus(dir.path()).unwrap_err();
        assert!(err.contains("level"), "{err}");

        std::fs::write(&path, "---\nexpect: []\nexpekt: []\n---\nText.\n").expect("write");
        let err = load_corpus(dir.path()).unwrap_err();
        assert!(err.contains("001-bad.md:3"), "{err}");

        std::fs::write(&path, "No front matter.\n").expect("write");
        let err = load_corpus(dir.path()).unwrap_err();
        assert!(err.contains("front matter"), "{err}");
    }

    #[test]
    fn disagreements_name_the_file_and_the_rule() {
        let library = crate::rubrics::load(&root().join("rubrics")).expect("the rubric library");
        let cases = vec![Case {
            file: "001-x.md".into(),
            expect: ["sentiment-comp".to_string()].into(),
            hints: Hints::default(),
            text: "We pay a bonus on partner NPS.".into(),
        }];
        let eval = evaluate(&cases, &library);
        // A one-line fragment gives more than the label expects.
        assert!(eval
            .disagreements
            .iter()
            .any(|d| d.file == "001-x.md" && d.rule == "missing-partner" && !d.missed));
        assert_eq!(eval.scores["sentiment-comp"].true_positives, 1);
        assert!(report(&eval).contains("001-x.md: wrongly gave missing-partner"));
    }
}
