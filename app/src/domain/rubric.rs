//! The rubric library as validated data. These types double as the YAML
//! schema (`deny_unknown_fields` turns a typo into an error with its line)
//! and as the wire format for server functions. Loading and validation live
//! in the server's `rubrics` module; nothing here does I/O.

use super::ids::{Level, PartnerType, SubRole};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What an answer that exceeds, meets or falls below the bar looks like:
/// what each rating means for this item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Anchors {
    /// An answer that exceeds the bar.
    pub exceeds: String,
    /// An answer that meets the bar.
    pub meets: String,
    /// An answer that falls below the bar.
    pub below: String,
}

/// Three short sample answers, one at each rating, in a candidate's voice
/// (an observer's, for an exercise): practice material for interviewers,
/// rated blind on the calibration page against the item's anchors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SampleAnswers {
    /// An answer that exceeds the bar.
    pub exceeds: String,
    /// An answer that meets the bar.
    pub meets: String,
    /// An answer that falls below the bar.
    pub below: String,
}

/// The text of `[exceeds, meets, below]` that belongs to a rating; none
/// for "no evidence", which has neither an anchor nor a sample.
fn by_rating(rating: crate::domain::scoring::Rating, texts: [&str; 3]) -> Option<&str> {
    use crate::domain::scoring::Rating;
    let [exceeds, meets, below] = texts;
    match rating {
        Rating::Exceeds => Some(exceeds),
        Rating::Meets => Some(meets),
        Rating::Below => Some(below),
        Rating::NoEvidence => None,
    }
}

impl Anchors {
    /// The anchor of a rating; none for "no evidence", which has no anchor.
    pub fn at(&self, rating: crate::domain::scoring::Rating) -> Option<&str> {
        by_rating(rating, [&self.exceeds, &self.meets, &self.below])
    }
}

impl SampleAnswers {
    /// The sample written at a rating; none for "no evidence".
    pub fn at(&self, rating: crate::domain::scoring::Rating) -> Option<&str> {
        by_rating(rating, [&self.exceeds, &self.meets, &self.below])
    }
}

/// One value per level, all three required.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerLevel<T> {
    pub junior: T,
    pub mid: T,
    pub senior: T,
}

// The schema of `PerLevel<String>` under its API name: a generic type
// would be named `PerLevel_String`. Fields that hold one say
// `schema(value_type = PerLevelText)`; nothing builds this type.
/// A text for each level.
#[cfg(feature = "ssr")]
#[derive(utoipa::ToSchema)]
pub struct PerLevelText {
    /// At the junior level.
    pub junior: String,
    /// At the mid level.
    pub mid: String,
    /// At the senior level.
    pub senior: String,
}

impl<T> PerLevel<T> {
    pub fn get(&self, level: Level) -> &T {
        match level {
            Level::Junior => &self.junior,
            Level::Mid => &self.mid,
            Level::Senior => &self.senior,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Discipline {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    pub id: String,
    pub discipline: String,
    pub name: String,
    /// What the job requires at each level.
    pub levels: PerLevel<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub id: String,
    pub name: String,
    pub purpose: String,
    pub led_by: String,
    pub minutes: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetencyQuestion {
    pub id: String,
    pub competency: String,
    pub round: String,
    pub expected: String,
    /// May contain `{scope}`, filled from the sub-role's `question_scope`.
    pub question: String,
    pub anchors: Anchors,
    pub positive: Vec<String>,
    pub negative: Vec<String>,
    /// Follow-up questions that draw out the evidence (three or four, none
    /// naming the answer); empty in kits frozen before the library had them.
    #[serde(default)]
    pub probes: Vec<String>,
    #[serde(default)]
    pub samples: Option<SampleAnswers>,
}

/// An attitude the loop assesses, with the question that draws it out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Attitude {
    pub id: String,
    pub name: String,
    /// What the attitude means.
    pub definition: String,
    /// The id of the round it is asked in.
    pub round: String,
    pub question: String,
    pub anchors: Anchors,
    /// Positive indicators.
    pub positive: Vec<String>,
    /// Negative indicators.
    pub negative: Vec<String>,
    /// Follow-up questions that draw out the evidence (three or four, none
    /// naming the answer); empty in kits frozen before the library had them.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub probes: Vec<String>,
    /// Sample answers at each rating, for interviewers' practice; `null`
    /// where none were written.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub samples: Option<SampleAnswers>,
}

/// One answer an applicant can choose to a knock-out question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = KnockoutChoice))]
#[serde(deny_unknown_fields)]
pub struct KnockoutAnswer {
    pub label: String,
    /// Choosing this answer ends the application.
    pub disqualifies: bool,
}

/// A knock-out question of the application, with the answers to choose
/// from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Knockout {
    pub id: String,
    pub question: String,
    pub answers: Vec<KnockoutAnswer>,
}

/// A question the applicant answers on video.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VideoPrompt {
    pub id: String,
    pub prompt: String,
    /// How long the answer may be, in seconds.
    pub response_seconds: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResumeCriterion {
    pub id: String,
    pub criterion: String,
    pub anchors: Anchors,
}

/// A question for a referee that checks a figure or claim a resume
/// criterion rewards.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReferenceCheck {
    pub id: String,
    /// The id of the resume criterion it verifies (the sub-role's or a
    /// general one).
    pub criterion: String,
    /// What to ask the referee.
    pub ask: String,
    /// What confirms the claim, and what would contradict it.
    pub confirms: String,
}

/// `screening.yaml`: the items every kit's screening stage shares.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneralScreening {
    pub knockouts: Vec<Knockout>,
    pub resume_criteria: Vec<ResumeCriterion>,
}

/// `sub-roles/<id>/screening.yaml`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubRoleScreening {
    #[serde(default)]
    pub knockouts: Vec<Knockout>,
    pub video_prompts: Vec<VideoPrompt>,
    pub resume_criteria: Vec<ResumeCriterion>,
    #[serde(default)]
    pub reference_checks: Vec<ReferenceCheck>,
}

/// The most one person in the sub-role can own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SpanLimit {
    /// Partners.
    pub max_partners: u32,
    /// Named accounts; `null` where the sub-role has no such limit.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub max_accounts: Option<u32>,
}

/// On-target earnings band.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Ote {
    /// ISO 4217 code.
    pub currency: String,
    /// The bottom of the band, in whole currency units.
    pub min: u32,
    /// The top of the band, in whole currency units.
    pub max: u32,
    /// The top of the band is a floor ("$400K+").
    pub open_ended: bool,
}

/// The sign written before an amount in this currency, where there is a
/// common one; other currencies are written as a code after the amount.
pub fn currency_symbol(code: &str) -> Option<&'static str> {
    match code {
        "USD" => Some("$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        _ => None,
    }
}

impl Ote {
    /// "$130K–$170K", or "$280K–$400K+" for an open-ended band.
    pub fn band(&self) -> String {
        let symbol = currency_symbol(&self.currency).unwrap_or("");
        let k = |v: u32| format!("{symbol}{}K", v / 1000);
        let plus = if self.open_ended { "+" } else { "" };
        let code = if symbol.is_empty() {
            format!(" {}", self.currency)
        } else {
            String::new()
        };
        format!("{}–{}{plus}{code}", k(self.min), k(self.max))
    }
}

/// The share of pay that is variable, as a range.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VariablePay {
    /// The lowest share, in percent.
    pub min_percent: u8,
    /// The highest share, in percent.
    pub max_percent: u8,
}

/// How much each part of the kit counts in the panel's weighted score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// Weight per competency id.
    pub competencies: BTreeMap<String, u8>,
    /// The weight of the attitudes.
    pub attitudes: u8,
    /// The weight of the presentation exercise.
    pub presentation: u8,
    /// The weight of the role-play.
    pub simulation: u8,
}

// `sub-roles/<id>/profile.yaml`, from seed 000's facts.
/// Who the sub-role is: what it owns, how it is measured, its span, pay
/// and the partners it works with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SubRoleProfile {
    pub title: String,
    pub summary: String,
    /// What the sub-role owns.
    pub owns: String,
    /// How success in the sub-role is measured.
    pub success_metric: String,
    /// How many partners and accounts one person covers, in words.
    pub span: String,
    pub span_limit: SpanLimit,
    pub seniority: String,
    /// The levels the sub-role is usually hired at.
    pub typical_levels: Vec<Level>,
    pub ote: Ote,
    pub variable_pay: VariablePay,
    /// The tools the role works in.
    pub tooling: Vec<String>,
    pub reporting_line: String,
    /// The kinds of partner the sub-role works with.
    pub partner_types: Vec<PartnerType>,
    pub ideal_background: String,
    /// The scope the competency questions are asked about.
    pub question_scope: String,
    /// Why the sub-role is hard to hire for.
    pub why_hard: String,
    pub weights: Weights,
}

/// The presentation exercise: what the candidate prepares and presents,
/// and how it is scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Presentation {
    pub title: String,
    /// The id of the round it is run in.
    pub round: String,
    /// The brief given to the candidate.
    pub prompt: String,
    pub format: String,
    /// How long it runs, in minutes.
    pub minutes: u32,
    /// How long the candidate is expected to prepare, in hours.
    pub prep_hours: f32,
    pub audience: String,
    /// What the candidate should prepare.
    pub prepare: Vec<String>,
    pub deliverables: Vec<String>,
    pub ground_rules: Vec<String>,
    /// What is expected at each level.
    #[cfg_attr(feature = "ssr", schema(value_type = PerLevelText))]
    pub level_expectations: PerLevel<String>,
    pub anchors: Anchors,
    /// Positive indicators.
    pub positive: Vec<String>,
    /// Negative indicators.
    pub negative: Vec<String>,
    /// Follow-up questions that draw out the evidence (three or four, none
    /// naming the answer); empty in kits frozen before the library had them.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub probes: Vec<String>,
    /// Sample answers at each rating, for interviewers' practice; `null`
    /// where none were written.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub samples: Option<SampleAnswers>,
}

/// The partner in the role-play, as the colleague who plays it needs it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// Who the partner is.
    pub role: String,
    /// Where the partner stands at the start.
    pub stance: String,
    /// Who on the panel plays the partner.
    pub played_by: String,
    /// What the partner wants.
    pub motivation: String,
    pub constraints: Vec<String>,
    pub tensions: Vec<String>,
    /// How to play the part.
    pub guidance: Vec<String>,
    /// What the player must not do.
    pub do_not: Vec<String>,
    /// The moments the actor delivers, in order, ticked off during the
    /// role-play so every candidate meets the same pressure.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub cues: Vec<String>,
}

/// The MDF stakeholder role-play.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Simulation {
    pub title: String,
    /// The id of the round it is run in.
    pub round: String,
    /// The kind of partner in the scenario.
    pub partner_type: PartnerType,
    pub scenario: String,
    /// The problem the candidate has to solve with the partner.
    pub problem: String,
    pub format: String,
    /// How long it runs, in minutes.
    pub minutes: u32,
    /// How long the candidate is expected to prepare, in hours.
    pub prep_hours: f32,
    pub success_criteria: Vec<String>,
    /// What the candidate should review beforehand.
    pub review_beforehand: Vec<String>,
    pub ground_rules: Vec<String>,
    pub persona: Persona,
    /// What is expected at each level.
    #[cfg_attr(feature = "ssr", schema(value_type = PerLevelText))]
    pub level_expectations: PerLevel<String>,
    pub anchors: Anchors,
    /// Positive indicators.
    pub positive: Vec<String>,
    /// Negative indicators.
    pub negative: Vec<String>,
    /// Follow-up questions that draw out the evidence (three or four, none
    /// naming the answer); empty in kits frozen before the library had them.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub probes: Vec<String>,
    /// Sample answers at each rating, for interviewers' practice; `null`
    /// where none were written.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub samples: Option<SampleAnswers>,
}

/// `sub-roles/<id>/exercises.yaml`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercises {
    pub presentation: Presentation,
    pub simulation: Simulation,
}

/// Everything the library holds for one sub-role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubRoleRubric {
    pub id: SubRole,
    pub profile: SubRoleProfile,
    pub screening: SubRoleScreening,
    pub exercises: Exercises,
    /// `sub-roles/<id>/questions.yaml`: competency questions written for
    /// this sub-role's own scope, by level.
    pub questions: PerLevel<Vec<CompetencyQuestion>>,
}

/// `sub-roles/<id>/questions.yaml`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubRoleQuestions {
    pub questions: PerLevel<Vec<CompetencyQuestion>>,
}

/// The whole validated library. Built only by the loader, which guarantees
/// every reference resolves and every sub-role is present.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Library {
    /// A hash of every file's content; scorecards record it.
    pub version: String,
    pub disciplines: Vec<Discipline>,
    pub competencies: Vec<Competency>,
    pub rounds: Vec<Round>,
    pub questions: PerLevel<Vec<CompetencyQuestion>>,
    pub attitudes: Vec<Attitude>,
    pub screening: GeneralScreening,
    pub sub_roles: Vec<SubRoleRubric>,
}

impl Library {
    pub fn sub_role(&self, id: SubRole) -> Option<&SubRoleRubric> {
        self.sub_roles.iter().find(|s| s.id == id)
    }

    pub fn competency(&self, id: &str) -> Option<&Competency> {
        self.competencies.iter().find(|c| c.id == id)
    }

    pub fn discipline(&self, id: &str) -> Option<&Discipline> {
        self.disciplines.iter().find(|d| d.id == id)
    }

    pub fn round(&self, id: &str) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::Ote;

    #[test]
    fn ote_reads_like_the_market_band() {
        let ote = Ote {
            currency: "USD".into(),
            min: 280_000,
            max: 400_000,
            open_ended: true,
        };
        assert_eq!(ote.band(), "$280K–$400K+");
        let chf = Ote {
            currency: "CHF".into(),
            min: 130_000,
            max: 170_000,
            open_ended: false,
        };
        assert_eq!(chf.band(), "130K–170K CHF");
    }
}
