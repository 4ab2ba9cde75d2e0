//! Loading the rubric library from `rubrics/`: read every file (refusing
//! oversized ones, links and special files before parsing; see `read.rs`), parse each into domain types, then check
//! what parsing cannot (references, coverage, counts, duplicate ids). The
//! result is a whole `Library` or every error found, never a partial load.

mod error;
mod files;
mod locate;
mod parse;
mod read;
mod validate;

pub use error::{Pos, RubricError, RubricErrors};

use app::domain::rubric::{
    Exercises, GeneralScreening, Library, PerLevel, SubRoleProfile, SubRoleQuestions,
    SubRoleRubric, SubRoleScreening,
};
use app::domain::{Level, SubRole};
use files::{AttitudesFile, CompetenciesFile, QuestionsFile, RoundsFile};
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Files above this size are refused unread: a rubric file is text a person
/// edits, and a huge one is a mistake or an attack on the parser.
pub const MAX_FILE_BYTES: u64 = 256 * 1024;

/// One file's text, with the path to show in messages.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as the user gave it (`rubrics/questions/mid.yaml`).
    pub display: PathBuf,
    /// The path inside the library (`questions/mid.yaml`).
    pub relative: String,
    pub text: String,
}

pub type Sources = BTreeMap<String, SourceFile>;

/// The files a library consists of, relative to its folder.
fn expected_files() -> Vec<String> {
    let mut files: Vec<String> = [
        "competencies.yaml",
        "rounds.yaml",
        "attitudes.yaml",
        "screening.yaml",
    ]
    .map(String::from)
    .to_vec();
    files.extend(Level::ALL.map(|l| format!("questions/{l}.yaml")));
    for s in SubRole::ALL {
        for part in ["profile", "screening", "exercises", "questions"] {
            files.push(format!("sub-roles/{s}/{part}.yaml"));
        }
    }
    files
}

/// What `rubrics check` prints on success.
#[derive(Debug, PartialEq, Eq)]
pub struct Summary {
    pub kits: usize,
    pub competency_questions: usize,
    pub attitude_questions: usize,
    pub exercises: usize,
    pub version: String,
}

impl Summary {
    pub fn of(library: &Library) -> Summary {
        Summary {
            kits: library.sub_roles.len() * Level::ALL.len(),
            competency_questions: Level::ALL
                .iter()
                .map(|l| {
                    library.questions.get(*l).len()
                        + library
                            .sub_roles
                            .iter()
                            .map(|s| s.questions.get(*l).len())
                            .sum::<usize>()
                })
                .sum(),
            attitude_questions: library.attitudes.len(),
            exercises: library.sub_roles.len() * 2,
            version: library.version.clone(),
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "rubric library OK: {} kits, {} competency questions, {} attitude questions, {} exercises, rubric version {}",
            self.kits, self.competency_questions, self.attitude_questions, self.exercises, self.version
        )
    }
}

/// Loads and validates the library in `dir`.
pub fn load(dir: &Path) -> Result<Library, RubricErrors> {
    let sources = read_sources(dir)?;
    let mut errors = Vec::new();
    let competencies = parse_file::<CompetenciesFile>(&sources, "competencies.yaml", &mut errors);
    let rounds = parse_file::<RoundsFile>(&sources, "rounds.yaml", &mut errors);
    let attitudes = parse_file::<AttitudesFile>(&sources, "attitudes.yaml", &mut errors);
    let screening = parse_file::<GeneralScreening>(&sources, "screening.yaml", &mut errors);
    let questions = Level::ALL.map(|l| {
        parse_file::<QuestionsFile>(&sources, &format!("questions/{l}.yaml"), &mut errors)
    });
    let sub_roles: Vec<_> = SubRole::ALL
        .into_iter()
        .map(|s| {
            (
                s,
                parse_file::<SubRoleProfile>(
                    &sources,
                    &format!("sub-roles/{s}/profile.yaml"),
                    &mut errors,
                ),
                parse_file::<SubRoleScreening>(
                    &sources,
                    &format!("sub-roles/{s}/screening.yaml"),
                    &mut errors,
                ),
                parse_file::<Exercises>(
                    &sources,
                    &format!("sub-roles/{s}/exercises.yaml"),
                    &mut errors,
                ),
                parse_file::<SubRoleQuestions>(
                    &sources,
                    &format!("sub-roles/{s}/questions.yaml"),
                    &mut errors,
                ),
            )
        })
        .collect();
    if !errors.is_empty() {
        return Err(RubricErrors(errors));
    }

    // Every file parsed, so each `Some` below holds; a `None` would have
    // pushed an error above.
    let (
        Some(competencies),
        Some(rounds),
        Some(attitudes),
        Some(screening),
        [Some(junior), Some(mid), Some(senior)],
    ) = (competencies, rounds, attitudes, screening, questions)
    else {
        return Err(RubricErrors(errors));
    };
    let mut rubrics = Vec::new();
    for (id, profile, screening, exercises, questions) in sub_roles {
        let (Some(profile), Some(screening), Some(exercises), Some(questions)) =
            (profile, screening, exercises, questions)
        else {
            return Err(RubricErrors(errors));
        };
        rubrics.push(SubRoleRubric {
            id,
            profile,
            screening,
            exercises,
            questions: questions.questions,
        });
    }
    let library = Library {
        version: version_of(&sources),
        disciplines: competencies.disciplines,
        competencies: competencies.competencies,
        rounds: rounds.rounds,
        questions: PerLevel {
            junior: junior.questions,
            mid: mid.questions,
            senior: senior.questions,
        },
        attitudes: attitudes.attitudes,
        screening,
        sub_roles: rubrics,
    };
    let errors = validate::validate(&library, &sources);
    if errors.is_empty() {
        Ok(library)
    } else {
        Err(RubricErrors(errors))
    }
}

/// Reads every expected file; reports missing, unexpected and oversized ones.
fn read_sources(dir: &Path) -> Result<Sources, RubricErrors> {
    let at_start = |file: PathBuf, message: String| RubricError {
        file,
        pos: Pos::START,
        message,
    };
    if !dir.is_dir() {
        return Err(RubricErrors(vec![at_start(
            dir.to_path_buf(),
            "the rubric library folder does not exist (pass --rubrics DIR or set HIRING_KIT_RUBRICS)".into(),
        )]));
    }
    let expected = expected_files();
    let mut errors = Vec::new();
    for found in yaml_files_under(dir) {
        let relative = found
            .strip_prefix(dir)
            .unwrap_or(&found)
            .to_string_lossy()
            .replace('\\', "/");
        if !expected.contains(&relative) {
            errors.push(at_start(
                found.clone(),
                format!(
                    "unexpected file `{relative}`: the library reads only {} (see rubrics/README.md)",
                    "competencies, rounds, attitudes, screening, questions/<level> and sub-roles/<sub-role>/{profile,screening,exercises,questions}"
                ),
            ));
        }
    }
    let mut sources = Sources::new();
    for relative in expected {
        let path = dir.join(&relative);
        match read::read_library_file(dir, &relative, MAX_FILE_BYTES) {
            Ok(text) => {
                sources.insert(
                    relative.clone(),
                    SourceFile {
                        display: path,
                        relative,
                        text,
                    },
                );
            }
            Err(read::Refused::Missing) => errors.push(at_start(
                path,
                format!("missing file: every library needs `{relative}`"),
            )),
            Err(refused) => errors.push(at_start(path, refused.to_string())),
        }
    }
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(RubricErrors(errors))
    }
}

fn yaml_files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // The entry's own type, links not followed: a link to a folder
            // is not walked (it could lead outside, or round in a loop).
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir {
                stack.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml")
            ) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A short hash of every file's path and content: the same library always
/// gets the same version, and any edit gets a new one.
fn version_of(sources: &Sources) -> String {
    let mut hasher = Sha256::new();
    for (relative, file) in sources {
        hasher.update(relative.as_bytes());
        hasher.update([0]);
        hasher.update(file.text.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Parses one file, recording its error; a missing file was already reported.
fn parse_file<T: DeserializeOwned>(
    sources: &Sources,
    relative: &str,
    errors: &mut Vec<RubricError>,
) -> Option<T> {
    let file = sources.get(relative)?;
    parse::parse(file).map_err(|e| errors.push(e)).ok()
}
