//! Checks that need the whole library: references between files, coverage,
//! counts, value ranges and duplicate ids. Each error points at the entry or
//! field at fault.

use super::error::{Pos, RubricError};
use super::locate::{field_position, id_positions};
use super::Sources;
use app::domain::rubric::{Anchors, Library, SampleAnswers};
use app::domain::{Level, SubRole};
use std::collections::{BTreeMap, HashSet};

/// Rounds every kit needs: later features schedule them by these ids.
pub const REQUIRED_ROUNDS: [&str; 2] = ["recruiter-alignment-screen", "hiring-manager-deep-dive"];
pub const MIN_QUESTIONS_PER_LEVEL: usize = 16;
pub const MIN_ATTITUDES: usize = 12;
pub const MIN_RESUME_CRITERIA: usize = 8;
pub const MIN_ROLE_RESUME_CRITERIA: usize = 4;
/// Competency questions a sub-role has of its own at each level.
pub const MIN_ROLE_QUESTIONS: usize = 6;
/// Follow-up probes per scored item: enough to draw the evidence out of a
/// short answer, few enough to ask in the time the item has.
pub const PROBES: std::ops::RangeInclusive<usize> = 3..=4;
/// How many words the three samples of an item may differ by: at
/// /calibration the longest answer must not give its rating away.
pub const SAMPLE_SPREAD_WORDS: usize = 25;
/// The actor's checklist of moments in the role-play.
pub const CUES: std::ops::RangeInclusive<usize> = 4..=6;
/// Reference checks per sub-role.
pub const REFERENCE_CHECKS: std::ops::RangeInclusive<usize> = 3..=5;

struct Check<'a> {
    sources: &'a Sources,
    errors: Vec<RubricError>,
}

impl Check<'_> {
    /// Records an error at `path` inside the entry `id` of file `relative`.
    fn at(&mut self, relative: &str, id: Option<&str>, path: &[&str], message: String) {
        let (file, pos) = match self.sources.get(relative) {
            Some(f) => (f.display.clone(), field_position(&f.text, id, path)),
            None => (relative.into(), Pos::START),
        };
        self.errors.push(RubricError { file, pos, message });
    }

    fn anchors(&mut self, relative: &str, id: Option<&str>, base: &[&str], anchors: &Anchors) {
        for (name, text) in [
            ("exceeds", &anchors.exceeds),
            ("meets", &anchors.meets),
            ("below", &anchors.below),
        ] {
            if text.trim().is_empty() {
                let path: Vec<&str> = base.iter().copied().chain(["anchors", name]).collect();
                self.at(
                    relative,
                    id,
                    &path,
                    format!("anchors.{name} is empty: every scored item needs all three anchors"),
                );
            }
        }
    }

    fn indicators(
        &mut self,
        relative: &str,
        id: Option<&str>,
        base: &[&str],
        positive: &[String],
        negative: &[String],
        min: usize,
    ) {
        for (name, list) in [("positive", positive), ("negative", negative)] {
            let filled = list.iter().filter(|s| !s.trim().is_empty()).count();
            if filled < min {
                let path: Vec<&str> = base.iter().copied().chain([name]).collect();
                self.at(
                    relative,
                    id,
                    &path,
                    format!("`{name}` has {filled} indicators; at least {min} are needed"),
                );
            }
        }
    }

    /// The probes and sample answers of a scored item: three or four
    /// probes, and a sample at each rating, each its own (the calibration
    /// page asks interviewers to tell them apart).
    fn practice(
        &mut self,
        relative: &str,
        id: Option<&str>,
        base: &[&str],
        probes: &[String],
        samples: Option<&SampleAnswers>,
    ) {
        let path = |last: &[&'static str]| -> Vec<&str> {
            base.iter().copied().chain(last.iter().copied()).collect()
        };
        let asked = probes.iter().filter(|p| !p.trim().is_empty()).count();
        if !PROBES.contains(&asked) {
            self.at(
                relative,
                id,
                &path(&["probes"]),
                format!(
                    "`probes` has {asked} follow-up questions; a scored item needs {} to {}",
                    PROBES.start(),
                    PROBES.end()
                ),
            );
        }
        for probe in probes {
            if probe.contains('{') {
                self.at(
                    relative,
                    id,
                    &path(&["probes"]),
                    format!("the probe \"{probe}\" has a placeholder; probes are asked as written"),
                );
            }
        }
        let Some(samples) = samples else {
            self.at(
                relative,
                id,
                &path(&["negative"]),
                "`samples` is missing: every scored item needs sample answers at exceeds, meets and below (interviewers practise on them at /calibration)".into(),
            );
            return;
        };
        let named = [
            ("exceeds", &samples.exceeds),
            ("meets", &samples.meets),
            ("below", &samples.below),
        ];
        for (i, (name, text)) in named.iter().enumerate() {
            let text = text.trim();
            let problem = if text.is_empty() {
                Some(format!("samples.{name} is empty"))
            } else if text.contains('{') {
                Some(format!(
                    "samples.{name} has a placeholder; samples are shown as written"
                ))
            } else {
                named[..i]
                    .iter()
                    .find(|(_, other)| other.trim() == text)
                    .map(|(other, _)| {
                        format!("samples.{name} is the same as samples.{other}; each rating needs its own answer")
                    })
            };
            if let Some(message) = problem {
                self.at(relative, id, &path(&["samples", name]), message);
            }
        }
        let words: Vec<(&str, usize)> = named
            .iter()
            .map(|(name, text)| (*name, text.split_whitespace().count()))
            .collect();
        let longest = words.iter().max_by_key(|(_, n)| *n).copied();
        let shortest = words.iter().min_by_key(|(_, n)| *n).copied();
        if let (Some((long_name, long)), Some((_, short))) = (longest, shortest) {
            if long - short > SAMPLE_SPREAD_WORDS {
                self.at(
                    relative,
                    id,
                    &path(&["samples", long_name]),
                    format!(
                        "the samples differ by {} words ({}): a rater could tell the rating by length; keep them within {SAMPLE_SPREAD_WORDS} words of each other",
                        long - short,
                        words
                            .iter()
                            .map(|(name, n)| format!("{name} {n}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
        }
    }

    fn round(
        &mut self,
        library: &Library,
        relative: &str,
        id: Option<&str>,
        base: &[&str],
        round: &str,
    ) {
        if library.round(round).is_none() {
            let path: Vec<&str> = base.iter().copied().chain(["round"]).collect();
            let valid: Vec<&str> = library.rounds.iter().map(|r| r.id.as_str()).collect();
            self.at(
                relative,
                id,
                &path,
                format!(
                    "round `{round}` does not exist; rounds.yaml defines: {}",
                    valid.join(", ")
                ),
            );
        }
    }
}

pub fn validate(library: &Library, sources: &Sources) -> Vec<RubricError> {
    let mut check = Check {
        sources,
        errors: Vec::new(),
    };
    ids(&mut check, library);
    competencies_and_rounds(&mut check, library);
    questions(&mut check, library);
    attitudes(&mut check, library);
    screening(&mut check, library);
    for rubric in &library.sub_roles {
        sub_role(&mut check, library, rubric.id);
    }
    let mut errors = check.errors;
    errors.sort_by(|a, b| (&a.file, a.pos).cmp(&(&b.file, b.pos)));
    errors
}

/// Every id is well formed and unique across the library.
fn ids<'a>(check: &mut Check, library: &'a Library) {
    let mut declared: Vec<(String, &'a str)> = Vec::new();
    let mut add = |file: String, ids: Vec<&'a str>| {
        declared.extend(ids.into_iter().map(|id| (file.clone(), id)))
    };
    add(
        "competencies.yaml".into(),
        library.disciplines.iter().map(|d| d.id.as_str()).collect(),
    );
    add(
        "competencies.yaml".into(),
        library.competencies.iter().map(|c| c.id.as_str()).collect(),
    );
    add(
        "rounds.yaml".into(),
        library.rounds.iter().map(|r| r.id.as_str()).collect(),
    );
    for level in Level::ALL {
        add(
            format!("questions/{level}.yaml"),
            library
                .questions
                .get(level)
                .iter()
                .map(|q| q.id.as_str())
                .collect(),
        );
    }
    for s in &library.sub_roles {
        add(
            format!("sub-roles/{}/questions.yaml", s.id),
            Level::ALL
                .iter()
                .flat_map(|l| s.questions.get(*l))
                .map(|q| q.id.as_str())
                .collect(),
        );
    }
    add(
        "attitudes.yaml".into(),
        library.attitudes.iter().map(|a| a.id.as_str()).collect(),
    );
    add(
        "screening.yaml".into(),
        library
            .screening
            .knockouts
            .iter()
            .map(|k| k.id.as_str())
            .collect(),
    );
    add(
        "screening.yaml".into(),
        library
            .screening
            .resume_criteria
            .iter()
            .map(|c| c.id.as_str())
            .collect(),
    );
    for s in &library.sub_roles {
        let file = format!("sub-roles/{}/screening.yaml", s.id);
        add(
            file.clone(),
            s.screening
                .knockouts
                .iter()
                .map(|k| k.id.as_str())
                .collect(),
        );
        add(
            file.clone(),
            s.screening
                .video_prompts
                .iter()
                .map(|v| v.id.as_str())
                .collect(),
        );
        add(
            file.clone(),
            s.screening
                .resume_criteria
                .iter()
                .map(|c| c.id.as_str())
                .collect(),
        );
        add(
            file,
            s.screening
                .reference_checks
                .iter()
                .map(|r| r.id.as_str())
                .collect(),
        );
    }

    // Where each occurrence sits: the n-th time an id appears in a file is
    // its n-th `id:` line there.
    let mut seen_in_file: BTreeMap<(String, &str), usize> = BTreeMap::new();
    let mut first: BTreeMap<&str, (String, Pos)> = BTreeMap::new();
    for (file, id) in declared {
        let n = seen_in_file.entry((file.clone(), id)).or_default();
        let (display, pos) = match check.sources.get(&file) {
            Some(src) => (
                src.display.clone(),
                id_positions(&src.text, id)
                    .get(*n)
                    .copied()
                    .unwrap_or(Pos::START),
            ),
            None => (file.clone().into(), Pos::START),
        };
        *n += 1;
        if !is_valid_id(id) {
            check.errors.push(RubricError {
                file: display.clone(),
                pos,
                message: format!("id `{id}` must be lowercase letters, digits and single dashes"),
            });
        }
        match first.get(id) {
            Some((first_file, first_pos)) => check.errors.push(RubricError {
                file: display,
                pos,
                message: format!(
                    "duplicate id `{id}`: already defined at {}:{}:{}",
                    check
                        .sources
                        .get(first_file)
                        .map(|s| s.display.display().to_string())
                        .unwrap_or(first_file.clone()),
                    first_pos.line,
                    first_pos.column
                ),
            }),
            None => {
                first.insert(id, (file, pos));
            }
        }
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

fn competencies_and_rounds(check: &mut Check, library: &Library) {
    for c in &library.competencies {
        if library.discipline(&c.discipline).is_none() {
            let valid: Vec<&str> = library.disciplines.iter().map(|d| d.id.as_str()).collect();
            check.at(
                "competencies.yaml",
                Some(&c.id),
                &["discipline"],
                format!(
                    "discipline `{}` does not exist; defined disciplines: {}",
                    c.discipline,
                    valid.join(", ")
                ),
            );
        }
    }
    for required in REQUIRED_ROUNDS {
        if library.round(required).is_none() {
            check.at(
                "rounds.yaml",
                None,
                &["rounds"],
                format!("the round `{required}` is required and missing"),
            );
        }
    }
    for r in &library.rounds {
        if r.minutes == 0 {
            check.at(
                "rounds.yaml",
                Some(&r.id),
                &["minutes"],
                "minutes must be more than 0".into(),
            );
        }
    }
}

fn questions(check: &mut Check, library: &Library) {
    for level in Level::ALL {
        let file = format!("questions/{level}.yaml");
        let questions = library.questions.get(level);
        if questions.len() < MIN_QUESTIONS_PER_LEVEL {
            check.at(&file, None, &["questions"], format!(
                "{} has {} competency questions; a kit needs at least {MIN_QUESTIONS_PER_LEVEL}", level, questions.len()));
        }
        for q in questions {
            question(check, library, &file, q, &["scope"]);
        }
        let covered: HashSet<&str> = questions.iter().map(|q| q.competency.as_str()).collect();
        for c in &library.competencies {
            if !covered.contains(c.id.as_str()) {
                check.at(&file, None, &["questions"], format!(
                    "no {level} question covers the competency `{}`; every competency needs at least one", c.id));
            }
        }
    }
}

/// A sub-role's own questions: at least [`MIN_ROLE_QUESTIONS`] a level,
/// written for its scope (so no `{scope}` to fill).
fn sub_role_questions(
    check: &mut Check,
    library: &Library,
    rubric: &app::domain::rubric::SubRoleRubric,
) {
    let file = format!("sub-roles/{}/questions.yaml", rubric.id);
    for level in Level::ALL {
        let questions = rubric.questions.get(level);
        if questions.len() < MIN_ROLE_QUESTIONS {
            check.at(
                &file,
                None,
                &["questions", level.id()],
                format!(
                    "{level} has {} questions written for this sub-role; a kit needs at least {MIN_ROLE_QUESTIONS}",
                    questions.len()
                ),
            );
        }
        for q in questions {
            question(check, library, &file, q, &[]);
        }
    }
}

/// One competency question: its references, text, anchors, indicators,
/// probes and samples. `allowed` are the placeholders its question may hold.
fn question(
    check: &mut Check,
    library: &Library,
    file: &str,
    q: &app::domain::rubric::CompetencyQuestion,
    allowed: &[&str],
) {
    let id = Some(q.id.as_str());
    if library.competency(&q.competency).is_none() {
        let valid: Vec<&str> = library.competencies.iter().map(|c| c.id.as_str()).collect();
        check.at(
            file,
            id,
            &["competency"],
            format!(
                "competency `{}` does not exist; competencies.yaml defines: {}",
                q.competency,
                valid.join(", ")
            ),
        );
    }
    check.round(library, file, id, &[], &q.round);
    if q.question.trim().is_empty() {
        check.at(file, id, &["question"], "the question text is empty".into());
    }
    for placeholder in placeholders(&q.question) {
        if !allowed.contains(&placeholder) {
            let message = if allowed.is_empty() {
                format!("unknown placeholder `{{{placeholder}}}`: a sub-role's own question is written for its scope, with nothing filled in")
            } else {
                format!("unknown placeholder `{{{placeholder}}}`: only `{{scope}}` is filled in")
            };
            check.at(file, id, &["question"], message);
        }
    }
    check.anchors(file, id, &[], &q.anchors);
    check.indicators(file, id, &[], &q.positive, &q.negative, 5);
    check.practice(file, id, &[], &q.probes, q.samples.as_ref());
}

/// The names inside `{...}` in a text.
fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

fn attitudes(check: &mut Check, library: &Library) {
    if library.attitudes.len() < MIN_ATTITUDES {
        check.at(
            "attitudes.yaml",
            None,
            &["attitudes"],
            format!(
                "the library has {} attitudes; a kit needs at least {MIN_ATTITUDES}",
                library.attitudes.len()
            ),
        );
    }
    for a in &library.attitudes {
        let id = Some(a.id.as_str());
        check.round(library, "attitudes.yaml", id, &[], &a.round);
        check.anchors("attitudes.yaml", id, &[], &a.anchors);
        check.indicators("attitudes.yaml", id, &[], &a.positive, &a.negative, 3);
        check.practice("attitudes.yaml", id, &[], &a.probes, a.samples.as_ref());
    }
}

fn knockouts(check: &mut Check, file: &str, knockouts: &[app::domain::rubric::Knockout]) {
    for k in knockouts {
        // Only the general questions are filled per sub-role.
        let allowed: &[&str] = if file == "screening.yaml" {
            &["variable_pay"]
        } else {
            &[]
        };
        for placeholder in placeholders(&k.question) {
            if !allowed.contains(&placeholder) {
                check.at(
                    file,
                    Some(k.id.as_str()),
                    &["question"],
                    format!(
                        "unknown placeholder `{{{placeholder}}}`: {}",
                        if allowed.is_empty() {
                            "a sub-role's questions state their figures"
                        } else {
                            "only `{variable_pay}` (the sub-role's share of variable pay) is filled in"
                        }
                    ),
                );
            }
        }
        let stops = k.answers.iter().filter(|a| a.disqualifies).count();
        if stops == 0 || stops == k.answers.len() {
            check.at(
                file,
                Some(&k.id),
                &["answers"],
                "a knock-out needs at least one answer that disqualifies and one that does not"
                    .into(),
            );
        }
    }
}

fn screening(check: &mut Check, library: &Library) {
    knockouts(check, "screening.yaml", &library.screening.knockouts);
    for c in &library.screening.resume_criteria {
        check.anchors("screening.yaml", Some(&c.id), &[], &c.anchors);
    }
}

fn sub_role(check: &mut Check, library: &Library, id: SubRole) {
    let Some(rubric) = library.sub_role(id) else {
        return;
    };
    let profile_file = format!("sub-roles/{id}/profile.yaml");
    let screening_file = format!("sub-roles/{id}/screening.yaml");
    let exercises_file = format!("sub-roles/{id}/exercises.yaml");
    let p = &rubric.profile;

    let weights = &p.weights.competencies;
    for c in &library.competencies {
        if !weights.contains_key(&c.id) {
            check.at(
                &profile_file,
                None,
                &["weights", "competencies"],
                format!("weights.competencies has no weight for `{}`", c.id),
            );
        }
    }
    for (name, weight) in weights {
        if library.competency(name).is_none() {
            check.at(
                &profile_file,
                None,
                &["weights", "competencies", name],
                format!("weights.competencies names `{name}`, which is not a competency"),
            );
        } else if !(1..=5).contains(weight) {
            check.at(
                &profile_file,
                None,
                &["weights", "competencies", name],
                format!("weight {weight} for `{name}` is outside 1..5"),
            );
        }
    }
    for (name, weight) in [
        ("attitudes", p.weights.attitudes),
        ("presentation", p.weights.presentation),
        ("simulation", p.weights.simulation),
    ] {
        if !(1..=5).contains(&weight) {
            check.at(
                &profile_file,
                None,
                &["weights", name],
                format!("weights.{name} is {weight}, outside 1..5"),
            );
        }
    }
    if p.typical_levels.is_empty() {
        check.at(
            &profile_file,
            None,
            &["typical_levels"],
            "typical_levels needs at least one level".into(),
        );
    }
    if p.ote.min > p.ote.max {
        check.at(
            &profile_file,
            None,
            &["ote"],
            format!("ote.min ({}) is above ote.max ({})", p.ote.min, p.ote.max),
        );
    }
    if p.variable_pay.min_percent > p.variable_pay.max_percent || p.variable_pay.max_percent > 100 {
        check.at(
            &profile_file,
            None,
            &["variable_pay"],
            "variable_pay needs min_percent <= max_percent <= 100".into(),
        );
    }
    if p.question_scope.trim().is_empty() {
        check.at(
            &profile_file,
            None,
            &["question_scope"],
            "question_scope is empty; it fills `{scope}` in questions".into(),
        );
    }

    let s = &rubric.screening;
    knockouts(check, &screening_file, &s.knockouts);
    if !(1..=3).contains(&s.video_prompts.len()) {
        check.at(
            &screening_file,
            None,
            &["video_prompts"],
            format!(
                "{} video prompts; a kit has one to three",
                s.video_prompts.len()
            ),
        );
    }
    for v in &s.video_prompts {
        if !(10..=600).contains(&v.response_seconds) {
            check.at(
                &screening_file,
                Some(&v.id),
                &["response_seconds"],
                format!("response_seconds {} is outside 10..600", v.response_seconds),
            );
        }
    }
    if s.resume_criteria.len() < MIN_ROLE_RESUME_CRITERIA {
        check.at(
            &screening_file,
            None,
            &["resume_criteria"],
            format!(
                "{} role-specific resume criteria; at least {MIN_ROLE_RESUME_CRITERIA} are needed",
                s.resume_criteria.len()
            ),
        );
    }
    let total = s.resume_criteria.len() + library.screening.resume_criteria.len();
    if total < MIN_RESUME_CRITERIA {
        check.at(&screening_file, None, &["resume_criteria"], format!(
            "with the general ones this kit has {total} resume criteria; at least {MIN_RESUME_CRITERIA} are needed"));
    }
    for c in &s.resume_criteria {
        check.anchors(&screening_file, Some(&c.id), &[], &c.anchors);
    }

    let e = &rubric.exercises;
    check.round(
        library,
        &exercises_file,
        None,
        &["presentation"],
        &e.presentation.round,
    );
    check.anchors(
        &exercises_file,
        None,
        &["presentation"],
        &e.presentation.anchors,
    );
    check.indicators(
        &exercises_file,
        None,
        &["presentation"],
        &e.presentation.positive,
        &e.presentation.negative,
        4,
    );
    check.practice(
        &exercises_file,
        None,
        &["presentation"],
        &e.presentation.probes,
        e.presentation.samples.as_ref(),
    );
    check.round(
        library,
        &exercises_file,
        None,
        &["simulation"],
        &e.simulation.round,
    );
    check.anchors(
        &exercises_file,
        None,
        &["simulation"],
        &e.simulation.anchors,
    );
    check.indicators(
        &exercises_file,
        None,
        &["simulation"],
        &e.simulation.positive,
        &e.simulation.negative,
        5,
    );
    check.practice(
        &exercises_file,
        None,
        &["simulation"],
        &e.simulation.probes,
        e.simulation.samples.as_ref(),
    );
    reference_checks(check, library, &screening_file, rubric);
    sub_role_questions(check, library, rubric);
    if !CUES.contains(&e.simulation.persona.cues.len()) {
        check.at(
            &exercises_file,
            None,
            &["simulation", "persona", "cues"],
            format!(
                "persona.cues has {} moments; the actor's checklist needs {} to {}",
                e.simulation.persona.cues.len(),
                CUES.start(),
                CUES.end()
            ),
        );
    }
    let persona = &e.simulation.persona;
    for (name, list) in [
        ("constraints", &persona.constraints),
        ("tensions", &persona.tensions),
        ("guidance", &persona.guidance),
        ("do_not", &persona.do_not),
    ] {
        if list.is_empty() {
            check.at(
                &exercises_file,
                None,
                &["simulation", "persona", name],
                format!("persona.{name} is empty; the actor's brief needs it"),
            );
        }
    }
}

/// A sub-role's reference checks: three to five, each verifying a resume
/// criterion the kit has, with its question and what confirms it.
fn reference_checks(
    check: &mut Check,
    library: &Library,
    file: &str,
    rubric: &app::domain::rubric::SubRoleRubric,
) {
    let checks = &rubric.screening.reference_checks;
    if !REFERENCE_CHECKS.contains(&checks.len()) {
        check.at(
            file,
            None,
            &["reference_checks"],
            format!(
                "reference_checks has {} entries; a sub-role needs {} to {}",
                checks.len(),
                REFERENCE_CHECKS.start(),
                REFERENCE_CHECKS.end()
            ),
        );
    }
    let criteria: Vec<&str> = library
        .screening
        .resume_criteria
        .iter()
        .chain(&rubric.screening.resume_criteria)
        .map(|c| c.id.as_str())
        .collect();
    for r in checks {
        let id = Some(r.id.as_str());
        if !criteria.contains(&r.criterion.as_str()) {
            check.at(
                file,
                id,
                &["criterion"],
                format!(
                    "criterion `{}` is not a resume criterion of this kit; the criteria are: {}",
                    r.criterion,
                    criteria.join(", ")
                ),
            );
        }
        for (name, text) in [("ask", &r.ask), ("confirms", &r.confirms)] {
            if text.trim().is_empty() {
                check.at(file, id, &[name], format!("`{name}` is empty"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_slugs() {
        assert!(is_valid_id("jr-pipeline-2"));
        assert!(!is_valid_id("Jr-pipeline"));
        assert!(!is_valid_id("double--dash"));
        assert!(!is_valid_id("-leading"));
        assert!(!is_valid_id(""));
    }

    #[test]
    fn placeholders_are_found() {
        assert_eq!(
            placeholders("work with {scope} and {partner}"),
            vec!["scope", "partner"]
        );
        assert!(placeholders("no braces").is_empty());
    }
}
