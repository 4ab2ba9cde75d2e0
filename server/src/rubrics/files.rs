//! The shape of each file in the library. The entries themselves are the
//! domain types in `app::domain::rubric`; these wrappers name the top-level
//! keys so an unknown one is an error.

use app::domain::rubric::{Attitude, Competency, CompetencyQuestion, Discipline, Round};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetenciesFile {
    pub disciplines: Vec<Discipline>,
    pub competencies: Vec<Competency>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundsFile {
    pub rounds: Vec<Round>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionsFile {
    pub questions: Vec<CompetencyQuestion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttitudesFile {
    pub attitudes: Vec<Attitude>,
}
