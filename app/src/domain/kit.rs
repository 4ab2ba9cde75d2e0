//! Assembling one interview kit (sub-role x level) from the library. Pure:
//! the same library, sub-role and level always give the same kit.

use super::ids::{Level, SubRole};
use super::kit_item::Exercise;
use super::rubric::{
    Anchors, Attitude, Knockout, Library, Presentation, ReferenceCheck, SampleAnswers, Simulation,
    SubRoleProfile, VideoPrompt, Weights,
};
use serde::{Deserialize, Serialize};

/// One line of the kit index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct KitSummary {
    pub sub_role: SubRole,
    pub level: Level,
    /// The kit's title: the sub-role's title and the level.
    pub title: String,
    pub sub_role_title: String,
    /// Whether the sub-role is usually hired at this level.
    pub typical_level: bool,
}

/// A competency the kit assesses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct KitCompetency {
    pub id: String,
    pub name: String,
    /// The id of the discipline it belongs to.
    pub discipline_id: String,
    /// The discipline's name.
    pub discipline: String,
    /// What the job requires at the kit's level.
    pub requirement: String,
    /// Its weight in the panel's weighted score.
    pub weight: u8,
    /// How many of the kit's competency questions assess it.
    pub question_count: usize,
}

/// A competency question, with what the job requires and how answers are
/// rated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct KitQuestion {
    pub id: String,
    /// The discipline's name.
    pub discipline: String,
    /// Competency id.
    pub competency: String,
    pub competency_name: String,
    /// What the job requires at the kit's level.
    pub requirement: String,
    /// What is expected of the candidate at the kit's level.
    pub expected: String,
    /// Round id.
    pub round: String,
    pub question: String,
    /// The competency's weight in the panel's weighted score.
    pub weight: u8,
    pub anchors: Anchors,
    /// Positive indicators.
    pub positive: Vec<String>,
    /// Negative indicators.
    pub negative: Vec<String>,
    /// Follow-up questions that draw out the evidence; empty in kits
    /// frozen before the library had them.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub probes: Vec<String>,
    /// Sample answers at each rating, for interviewers' practice; `null`
    /// where none were written.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub samples: Option<SampleAnswers>,
}

/// Where a resume criterion comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CriterionSource {
    /// Specific to the sub-role.
    Role,
    /// Asked of every applicant for every role.
    General,
}

/// What the resume screen rates the resume on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct KitResumeCriterion {
    pub id: String,
    pub criterion: String,
    /// `role`: specific to the sub-role; `general`: asked of every
    /// applicant.
    #[cfg_attr(feature = "ssr", schema(inline))]
    pub source: CriterionSource,
    pub anchors: Anchors,
}

/// Stage 1: what an applicant answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = KitApplication))]
pub struct Application {
    pub knockouts: Vec<Knockout>,
    pub video_prompts: Vec<VideoPrompt>,
}

/// A round of the loop with the ids of what is asked in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct KitRound {
    pub id: String,
    pub name: String,
    pub purpose: String,
    /// Who on the panel leads it.
    pub led_by: String,
    /// How long it lasts, in minutes.
    pub minutes: u32,
    /// Ids of the competency questions asked in this round.
    pub competency_questions: Vec<String>,
    /// Ids of the attitude questions asked in this round.
    pub attitude_questions: Vec<String>,
    /// Exercises run in this round.
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<Exercise>))]
    pub exercises: Vec<String>,
}

/// The complete interview kit for one sub-role at one level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Kit {
    pub sub_role: SubRole,
    pub level: Level,
    /// The version (a content hash) of the rubric library the kit comes
    /// from.
    pub rubric_version: String,
    pub title: String,
    /// Whether the sub-role is usually hired at this level.
    pub typical_level: bool,
    pub profile: SubRoleProfile,
    /// Why the sub-role is hard to hire for.
    pub why_hard: String,
    pub competencies: Vec<KitCompetency>,
    pub competency_questions: Vec<KitQuestion>,
    pub attitude_questions: Vec<Attitude>,
    pub application: Application,
    /// What the resume screen rates, the sub-role's own criteria first.
    pub resume_criteria: Vec<KitResumeCriterion>,
    pub rounds: Vec<KitRound>,
    pub presentation: Presentation,
    pub simulation: Simulation,
    pub weights: Weights,
    /// Questions for referees that check what the resume criteria reward
    /// (empty in kits frozen before the library had them).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub reference_checks: Vec<ReferenceCheck>,
}

impl Kit {
    pub fn round_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.rounds
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.name.as_str())
            .unwrap_or(id)
    }
}

/// In a general knock-out question, the sub-role's share of variable pay
/// ("Between 35% and 45%"): the mix differs by sub-role.
pub const VARIABLE_PAY: &str = "{variable_pay}";

pub fn kit_title(profile_title: &str, level: Level) -> String {
    format!("{profile_title}, {}", level.title())
}

impl Library {
    /// The index of all kits, sub-role by sub-role.
    pub fn kit_summaries(&self) -> Vec<KitSummary> {
        self.sub_roles
            .iter()
            .flat_map(|s| {
                Level::ALL.into_iter().map(move |level| KitSummary {
                    sub_role: s.id,
                    level,
                    title: kit_title(&s.profile.title, level),
                    sub_role_title: s.profile.title.clone(),
                    typical_level: s.profile.typical_levels.contains(&level),
                })
            })
            .collect()
    }

    /// The kit for a sub-role and level; `None` only if the library lacks
    /// the sub-role, which the loader rules out.
    pub fn kit(&self, sub_role: SubRole, level: Level) -> Option<Kit> {
        let rubric = self.sub_role(sub_role)?;
        let profile = &rubric.profile;
        let weight_of = |competency: &str| {
            profile
                .weights
                .competencies
                .get(competency)
                .copied()
                .unwrap_or(1)
        };
        // The sub-role's own questions first: a plan built from the kit
        // prefers them (InterviewPlan::from_kit takes questions in order).
        let questions = rubric
            .questions
            .get(level)
            .iter()
            .chain(self.questions.get(level));

        let competency_questions: Vec<KitQuestion> = questions
            .filter_map(|q| {
                let competency = self.competency(&q.competency)?;
                let discipline = self.discipline(&competency.discipline)?;
                Some(KitQuestion {
                    id: q.id.clone(),
                    discipline: discipline.name.clone(),
                    competency: competency.id.clone(),
                    competency_name: competency.name.clone(),
                    requirement: competency.levels.get(level).clone(),
                    expected: q.expected.clone(),
                    round: q.round.clone(),
                    question: q.question.replace("{scope}", &profile.question_scope),
                    weight: weight_of(&competency.id),
                    anchors: q.anchors.clone(),
                    positive: q.positive.clone(),
                    negative: q.negative.clone(),
                    probes: q.probes.clone(),
                    samples: q.samples.clone(),
                })
            })
            .collect();

        let competencies = self
            .competencies
            .iter()
            .map(|c| KitCompetency {
                id: c.id.clone(),
                name: c.name.clone(),
                discipline_id: c.discipline.clone(),
                discipline: self
                    .discipline(&c.discipline)
                    .map(|d| d.name.clone())
                    .unwrap_or_default(),
                requirement: c.levels.get(level).clone(),
                weight: weight_of(&c.id),
                question_count: competency_questions
                    .iter()
                    .filter(|q| q.competency == c.id)
                    .count(),
            })
            .collect();

        let exercises = &rubric.exercises;
        let exercise_round = |exercise: Exercise| match exercise {
            Exercise::Presentation => &exercises.presentation.round,
            Exercise::Simulation => &exercises.simulation.round,
        };
        let rounds = self
            .rounds
            .iter()
            .map(|r| KitRound {
                id: r.id.clone(),
                name: r.name.clone(),
                purpose: r.purpose.clone(),
                led_by: r.led_by.clone(),
                minutes: r.minutes,
                competency_questions: competency_questions
                    .iter()
                    .filter(|q| q.round == r.id)
                    .map(|q| q.id.clone())
                    .collect(),
                attitude_questions: self
                    .attitudes
                    .iter()
                    .filter(|a| a.round == r.id)
                    .map(|a| a.id.clone())
                    .collect(),
                exercises: Exercise::ALL
                    .into_iter()
                    .filter(|e| *exercise_round(*e) == r.id)
                    .map(|e| e.id().to_string())
                    .collect(),
            })
            .collect();

        let resume_criteria = rubric
            .screening
            .resume_criteria
            .iter()
            .map(|c| (c, CriterionSource::Role))
            .chain(
                self.screening
                    .resume_criteria
                    .iter()
                    .map(|c| (c, CriterionSource::General)),
            )
            .map(|(c, source)| KitResumeCriterion {
                id: c.id.clone(),
                criterion: c.criterion.clone(),
                source,
                anchors: c.anchors.clone(),
            })
            .collect();

        Some(Kit {
            sub_role,
            level,
            rubric_version: self.version.clone(),
            title: kit_title(&profile.title, level),
            typical_level: profile.typical_levels.contains(&level),
            profile: profile.clone(),
            why_hard: profile.why_hard.clone(),
            competencies,
            competency_questions,
            attitude_questions: self.attitudes.clone(),
            application: Application {
                knockouts: self
                    .screening
                    .knockouts
                    .iter()
                    .chain(rubric.screening.knockouts.iter())
                    .map(|k| Knockout {
                        question: k.question.replace(
                            VARIABLE_PAY,
                            &format!(
                                "Between {}% and {}%",
                                profile.variable_pay.min_percent, profile.variable_pay.max_percent
                            ),
                        ),
                        ..k.clone()
                    })
                    .collect(),
                video_prompts: rubric.screening.video_prompts.clone(),
            },
            resume_criteria,
            rounds,
            presentation: exercises.presentation.clone(),
            simulation: exercises.simulation.clone(),
            weights: profile.weights.clone(),
            reference_checks: rubric.screening.reference_checks.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::sample_library;

    #[test]
    fn kit_fills_the_scope_placeholder_from_the_sub_role() {
        let lib = sample_library();
        let cso = lib.kit(SubRole::CoSellOps, Level::Junior).unwrap();
        let gad = lib
            .kit(SubRole::GlobalAllianceDirector, Level::Junior)
            .unwrap();
        assert_eq!(
            cso.competency_questions[0].question,
            "How did you keep registrations clean with two field partners?"
        );
        assert_eq!(
            gad.competency_questions[0].question,
            "How did you keep registrations clean with a flagship partner's executives?"
        );
    }

    #[test]
    fn kit_questions_carry_the_requirement_at_the_kit_level() {
        let lib = sample_library();
        let junior = lib.kit(SubRole::CoSellOps, Level::Junior).unwrap();
        let senior = lib.kit(SubRole::CoSellOps, Level::Senior).unwrap();
        assert_eq!(
            junior.competency_questions[0].requirement,
            "Keeps registrations accurate."
        );
        assert_eq!(
            senior.competency_questions[0].requirement,
            "Sets the commercial framework."
        );
        assert_ne!(junior.competency_questions, senior.competency_questions);
    }

    #[test]
    fn rounds_list_what_runs_in_them() {
        let kit = sample_library()
            .kit(SubRole::CoSellOps, Level::Mid)
            .unwrap();
        let deep_dive = kit.rounds.iter().find(|r| r.id == "deep-dive").unwrap();
        assert_eq!(deep_dive.competency_questions, vec!["mid-q1".to_string()]);
        assert_eq!(deep_dive.exercises, vec!["presentation".to_string()]);
        assert_eq!(kit.round_name("deep-dive"), "Deep dive");
    }

    #[test]
    fn resume_criteria_put_role_specific_ones_first() {
        let kit = sample_library()
            .kit(SubRole::CoSellOps, Level::Mid)
            .unwrap();
        let sources: Vec<_> = kit.resume_criteria.iter().map(|c| c.source).collect();
        assert_eq!(
            sources,
            vec![CriterionSource::Role, CriterionSource::General]
        );
    }

    #[test]
    fn the_variable_pay_question_states_each_sub_roles_mix() {
        let mut lib = sample_library();
        lib.screening
            .knockouts
            .push(crate::domain::rubric::Knockout {
                id: "gen-variable-pay".into(),
                question: "{variable_pay} of pay is variable. Open to it?".into(),
                answers: vec![],
            });
        let kit = lib.kit(SubRole::CoSellOps, Level::Mid).unwrap();
        let pay = &lib
            .sub_role(SubRole::CoSellOps)
            .unwrap()
            .profile
            .variable_pay;
        let asked = &kit.application.knockouts.last().unwrap().question;
        assert_eq!(
            asked,
            &format!(
                "Between {}% and {}% of pay is variable. Open to it?",
                pay.min_percent, pay.max_percent
            )
        );
    }

    #[test]
    fn a_sub_roles_own_questions_come_first_in_its_kits_only() {
        let mut lib = sample_library();
        lib.sub_roles[0]
            .questions
            .mid
            .push(crate::domain::rubric::CompetencyQuestion {
                id: "own-mid".into(),
                question: "How did you grow this partner's pipeline?".into(),
                ..crate::domain::fixtures::question("own-mid", "deep-dive")
            });
        let own = lib.sub_roles[0].id;
        let kit = lib.kit(own, Level::Mid).unwrap();
        assert_eq!(kit.competency_questions[0].id, "own-mid");
        let deep_dive = kit.rounds.iter().find(|r| r.id == "deep-dive").unwrap();
        assert_eq!(deep_dive.competency_questions[0], "own-mid");
        let other = lib.sub_roles[1].id;
        let theirs = lib.kit(other, Level::Mid).unwrap();
        assert!(theirs
            .competency_questions
            .iter()
            .all(|q| q.id != "own-mid"));
        assert!(lib
            .kit(own, Level::Junior)
            .unwrap()
            .competency_questions
            .iter()
            .all(|q| q.id != "own-mid"));
    }

    #[test]
    fn summaries_mark_typical_levels() {
        let lib = sample_library();
        let summaries = lib.kit_summaries();
        assert_eq!(summaries.len(), lib.sub_roles.len() * 3);
        let typical: Vec<_> = summaries
            .iter()
            .filter(|s| s.sub_role == SubRole::CoSellOps && s.typical_level)
            .map(|s| s.level)
            .collect();
        assert_eq!(typical, vec![Level::Junior, Level::Mid]);
    }
}
