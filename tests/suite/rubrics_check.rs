//! `hiring-kit rubrics check` and the server's refusal to start, run as the
//! real binary against the shipped library and broken copies of it.

use crate::support::library_copy::copy_of_library;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn hiring_kit() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hiring-kit"))
}

fn check(dir: &Path) -> Output {
    hiring_kit()
        .args(["rubrics", "check"])
        .arg(dir)
        .output()
        .expect("run hiring-kit")
}

/// Replaces the first occurrence of `from` in a library file.
fn edit(dir: &Path, file: &str, from: &str, to: &str) -> PathBuf {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

/// The line number (1-based) of the first line containing `needle`.
fn line_of(path: &Path, needle: &str) -> usize {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .position(|l| l.contains(needle))
        .expect("needle present")
        + 1
}

/// Asserts the check failed with an error at `file:line:` mentioning `what`.
fn assert_rejected(out: &Output, file: &Path, line: Option<usize>, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "check accepted a broken library:\n{stderr}"
    );
    let prefix = match line {
        Some(line) => format!("{}:{line}:", file.display()),
        None => format!("{}:", file.display()),
    };
    let hit = stderr
        .lines()
        .find(|l| l.starts_with(&prefix) && l.contains(what));
    assert!(
        hit.is_some(),
        "expected an error at {prefix} about {what:?}, got:\n{stderr}"
    );
    // Every error line has FILE:LINE:COLUMN.
    for l in stderr.lines().filter(|l| l.contains(".yaml")) {
        let mut parts = l.splitn(4, ':');
        let (_, line, col) = (parts.next(), parts.next(), parts.next());
        assert!(
            line.and_then(|s| s.parse::<usize>().ok()).is_some()
                && col.and_then(|s| s.parse::<usize>().ok()).is_some(),
            "no LINE:COLUMN in {l:?}"
        );
    }
}

#[test]
fn the_shipped_library_passes_with_a_one_line_summary() {
    let out = check(&crate::support::rubrics_dir());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.contains("12 kits")
            && stdout.contains("120 competency questions")
            && stdout.contains("12 attitude questions")
            && stdout.contains("8 exercises"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&crate::support::library().version),
        "{stdout}"
    );
}

#[test]
fn a_yaml_syntax_error_is_located() {
    let lib = copy_of_library();
    let file = edit(
        lib.path(),
        "rounds.yaml",
        "    minutes: 30",
        "    minutes: [30",
    );
    assert_rejected(&check(lib.path()), &file, None, "");
}

#[test]
fn an_unknown_field_is_located() {
    let lib = copy_of_library();
    let file = edit(
        lib.path(),
        "questions/mid.yaml",
        "    expected:",
        "    expectd:",
    );
    let line = line_of(&file, "expectd:");
    assert_rejected(
        &check(lib.path()),
        &file,
        Some(line),
        "unknown field `expectd`",
    );
}

#[test]
fn a_missing_field_is_located() {
    let lib = copy_of_library();
    let file = edit(lib.path(), "rounds.yaml", "    led_by: Recruiter\n", "");
    assert_rejected(&check(lib.path()), &file, None, "missing field `led_by`");
}

#[test]
fn a_wrong_type_is_located() {
    let lib = copy_of_library();
    let file = edit(
        lib.path(),
        "rounds.yaml",
        "    minutes: 30",
        "    minutes: half an hour",
    );
    let line = line_of(&file, "half an hour");
    assert_rejected(&check(lib.path()), &file, Some(line), "minutes");
}

#[test]
fn a_reference_to_an_unknown_competency_is_located() {
    let lib = copy_of_library();
    let path = lib.path().join("questions/senior.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let line = line_of(&path, "competency: ");
    let original = text.lines().nth(line - 1).unwrap().to_string();
    edit(
        lib.path(),
        "questions/senior.yaml",
        &original,
        "    competency: partner-karaoke",
    );
    assert_rejected(
        &check(lib.path()),
        &path,
        Some(line),
        "competency `partner-karaoke` does not exist",
    );
}

#[test]
fn a_reference_to_an_unknown_round_is_located() {
    let lib = copy_of_library();
    let file = edit(
        lib.path(),
        "attitudes.yaml",
        "round: recruiter-alignment-screen",
        "round: coffee-chat",
    );
    let line = line_of(&file, "coffee-chat");
    assert_rejected(
        &check(lib.path()),
        &file,
        Some(line),
        "round `coffee-chat` does not exist",
    );
}

#[test]
fn a_level_with_an_uncovered_competency_is_refused() {
    let lib = copy_of_library();
    let path = lib.path().join("questions/junior.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let replaced = text.replace(
        "competency: technical-certification",
        "competency: partner-pipeline-revenue",
    );
    std::fs::write(&path, replaced).unwrap();
    assert_rejected(
        &check(lib.path()),
        &path,
        None,
        "covers the competency `technical-certification`",
    );
}

#[test]
fn an_item_without_anchors_is_refused() {
    let lib = copy_of_library();
    let path = lib.path().join("screening.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    // Drop the first `anchors:` block (the key and its indented lines).
    let mut out = Vec::new();
    let mut skipping: Option<usize> = None;
    let mut done = false;
    for l in text.lines() {
        let indent = l.len() - l.trim_start().len();
        if let Some(i) = skipping {
            if indent > i || l.trim().is_empty() {
                continue;
            }
            skipping = None;
            done = true;
        }
        if !done && l.trim_start().starts_with("anchors:") {
            skipping = Some(indent);
            continue;
        }
        out.push(l);
    }
    std::fs::write(&path, out.join("\n")).unwrap();
    assert_rejected(&check(lib.path()), &path, None, "missing field `anchors`");
}

#[test]
fn a_duplicate_id_names_both_places() {
    let lib = copy_of_library();
    let mid = lib.path().join("questions/mid.yaml");
    let first_mid_id = std::fs::read_to_string(&mid)
        .unwrap()
        .lines()
        .find_map(|l| l.trim().strip_prefix("- id: ").map(str::to_string))
        .unwrap();
    let senior = lib.path().join("questions/senior.yaml");
    let first_senior_id = std::fs::read_to_string(&senior)
        .unwrap()
        .lines()
        .find_map(|l| l.trim().strip_prefix("- id: ").map(str::to_string))
        .unwrap();
    edit(
        lib.path(),
        "questions/senior.yaml",
        &format!("- id: {first_senior_id}"),
        &format!("- id: {first_mid_id}"),
    );
    let out = check(lib.path());
    let first_line = line_of(&mid, &format!("id: {first_mid_id}"));
    assert_rejected(
        &out,
        &senior,
        Some(line_of(&senior, &format!("id: {first_mid_id}"))),
        &format!("duplicate id `{first_mid_id}`"),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:{first_line}:", mid.display())),
        "the first place is named: {stderr}"
    );
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let lib = copy_of_library();
    let path = lib.path().join("attitudes.yaml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(&format!("# {}\n", "x".repeat(300 * 1024)));
    std::fs::write(&path, text).unwrap();
    assert_rejected(&check(lib.path()), &path, Some(1), "over the 256 KiB limit");
}

#[test]
fn an_unexpected_file_is_refused() {
    let lib = copy_of_library();
    let stray = lib.path().join("questions/expert.yaml");
    std::fs::write(&stray, "questions: []\n").unwrap();
    assert_rejected(&check(lib.path()), &stray, Some(1), "unexpected file");
}

#[test]
fn the_server_refuses_to_start_on_an_invalid_library() {
    let lib = copy_of_library();
    let file = edit(
        lib.path(),
        "rounds.yaml",
        "    minutes: 30",
        "    minutes: half an hour",
    );
    let data = tempfile::tempdir().unwrap();
    let out = hiring_kit()
        .args(["serve", "--addr", "127.0.0.1:0", "--rubrics"])
        .arg(lib.path())
        .arg("--data-dir")
        .arg(data.path())
        .env_remove("DATABASE_URL")
        .output()
        .expect("run hiring-kit serve");
    assert_rejected(&out, &file, Some(line_of(&file, "half an hour")), "minutes");
    assert!(String::from_utf8_lossy(&out.stderr).contains("did not start"));
    assert!(
        !data.path().join("hiring-kit.db").exists(),
        "nothing was half-started"
    );
}

#[test]
fn an_item_without_enough_probes_is_refused_at_the_item() {
    let lib = copy_of_library();
    let path = lib.path().join("questions/mid.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    // Keep only the first probe of the first question.
    let start = text.find("    probes:\n").expect("a probes list");
    let first_end = text[start..]
        .match_indices("\n      - ")
        .nth(1)
        .map(|(i, _)| start + i)
        .unwrap();
    let samples = start + text[start..].find("    samples:").unwrap();
    let cut = format!("{}\n{}", &text[..first_end], &text[samples..]);
    std::fs::write(&path, cut).unwrap();
    let line = line_of(&path, "    probes:");
    assert_rejected(
        &check(lib.path()),
        &path,
        Some(line),
        "`probes` has 1 follow-up questions; a scored item needs 3 to 4",
    );
}

#[test]
fn a_sample_answer_that_repeats_another_is_refused() {
    let lib = copy_of_library();
    let path = lib.path().join("attitudes.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let samples = text.find("    samples:\n").expect("samples");
    let exceeds = samples + text[samples..].find("      exceeds: >-\n").unwrap();
    let meets = samples + text[samples..].find("      meets: >-\n").unwrap();
    let below = samples + text[samples..].find("      below: >-\n").unwrap();
    let exceeds_text = &text[exceeds + "      exceeds: >-\n".len()..meets];
    // The meets sample becomes a copy of the exceeds one.
    let copied = format!(
        "{}      meets: >-\n{}{}",
        &text[..meets],
        exceeds_text,
        &text[below..]
    );
    let at = samples + copied[samples..].find("      meets: >-").unwrap();
    let line = copied[..at].lines().count() + 1;
    std::fs::write(&path, copied).unwrap();
    assert_rejected(
        &check(lib.path()),
        &path,
        Some(line),
        "samples.meets is the same as samples.exceeds",
    );
}

#[test]
fn a_reference_check_of_no_resume_criterion_is_refused_at_its_line() {
    let lib = copy_of_library();
    let path = lib.path().join("sub-roles/partner-manager/screening.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let checks = text.find("reference_checks:").expect("reference checks");
    let at = checks + text[checks..].find("    criterion: ").unwrap();
    let line = text[..at].lines().count() + 1;
    let end = at + text[at..].find('\n').unwrap();
    let broken = format!(
        "{}    criterion: no-such-criterion{}",
        &text[..at],
        &text[end..]
    );
    std::fs::write(&path, broken).unwrap();
    assert_rejected(
        &check(lib.path()),
        &path,
        Some(line),
        "criterion `no-such-criterion` is not a resume criterion of this kit",
    );
}

#[test]
fn an_actor_without_a_cue_checklist_is_refused() {
    let lib = copy_of_library();
    let path = lib.path().join("sub-roles/co-sell-ops/exercises.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    // Keep the key, drop its moments.
    let cues = text.find("    cues:\n").expect("a cue checklist");
    let rest = &text[cues + "    cues:\n".len()..];
    let kept: String = rest
        .lines()
        .skip_while(|l| l.starts_with("      "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, format!("{}    cues: []\n{kept}", &text[..cues])).unwrap();
    assert_rejected(
        &check(lib.path()),
        &path,
        None,
        "persona.cues has 0 moments; the actor's checklist needs 4 to 6",
    );
}

#[test]
fn a_sub_role_with_too_few_questions_of_its_own_is_refused() {
    let lib = copy_of_library();
    let path = lib.path().join("sub-roles/partner-manager/questions.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    // Keep the junior and senior questions; the mid level loses all six.
    let mid = text.find("\n  mid:\n").expect("a mid level");
    let senior = text.find("\n  senior:\n").expect("a senior level");
    std::fs::write(
        &path,
        format!("{}\n  mid: []{}", &text[..mid], &text[senior..]),
    )
    .unwrap();
    assert_rejected(
        &check(lib.path()),
        &path,
        None,
        "mid has 0 questions written for this sub-role; a kit needs at least 6",
    );
}

#[test]
fn samples_whose_length_gives_the_rating_away_are_refused() {
    let lib = copy_of_library();
    let path = lib.path().join("questions/junior.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let samples = text.find("    samples:\n").expect("samples");
    let exceeds = samples + text[samples..].find("      exceeds: >-\n").unwrap();
    let line = text[..exceeds].lines().count() + 1;
    let start = exceeds + "      exceeds: >-\n".len();
    // Forty more words on the exceeds answer.
    let padded = format!(
        "{}{}\n{}",
        &text[..start],
        "        I also wrote it all down in detail for everyone involved, ".repeat(4),
        &text[start..]
    );
    std::fs::write(&path, padded).unwrap();
    assert_rejected(
        &check(lib.path()),
        &path,
        Some(line),
        "a rater could tell the rating by length",
    );
}
