//! A tiny library for unit tests of pure logic. The real library is tested
//! through the loader in the server crate.

use super::ids::{Level, PartnerType, SubRole};
use super::rubric::*;
use std::collections::BTreeMap;

fn anchors() -> Anchors {
    Anchors {
        exceeds: "Exceeds.".into(),
        meets: "Meets.".into(),
        below: "Below.".into(),
    }
}

fn lines(n: usize, what: &str) -> Vec<String> {
    (1..=n).map(|i| format!("{what} {i}")).collect()
}

fn per_level(text: &str) -> PerLevel<String> {
    PerLevel {
        junior: format!("{text} (junior)"),
        mid: format!("{text} (mid)"),
        senior: format!("{text} (senior)"),
    }
}

pub(crate) fn samples() -> SampleAnswers {
    SampleAnswers {
        exceeds: "I named the partner's three biggest accounts and the pipeline we built there."
            .into(),
        meets: "We agreed a plan with the partner and tracked the pipeline it brought.".into(),
        below: "We ran a lot of events together and everyone enjoyed them.".into(),
    }
}

pub(crate) fn question(id: &str, round: &str) -> CompetencyQuestion {
    CompetencyQuestion {
        id: id.into(),
        competency: "pipeline".into(),
        round: round.into(),
        expected: "Expected.".into(),
        question: "How did you keep registrations clean with {scope}?".into(),
        anchors: anchors(),
        positive: lines(5, "good"),
        negative: lines(5, "bad"),
        probes: lines(3, "probe"),
        samples: Some(samples()),
    }
}

pub(crate) fn sub_role(id: SubRole, scope: &str, typical: Vec<Level>) -> SubRoleRubric {
    SubRoleRubric {
        id,
        profile: SubRoleProfile {
            title: format!("{id} title"),
            summary: "Summary.".into(),
            owns: "Owns.".into(),
            success_metric: "Metric.".into(),
            span: "Span.".into(),
            span_limit: SpanLimit {
                max_partners: 2,
                max_accounts: Some(200),
            },
            seniority: "IC".into(),
            typical_levels: typical,
            ote: Ote {
                currency: "USD".into(),
                min: 130_000,
                max: 170_000,
                open_ended: false,
            },
            variable_pay: VariablePay {
                min_percent: 30,
                max_percent: 40,
            },
            tooling: vec!["CRM".into()],
            reporting_line: "VP Sales".into(),
            partner_types: vec![PartnerType::Channel],
            ideal_background: "Field sales.".into(),
            question_scope: scope.into(),
            why_hard: "Hard.".into(),
            weights: Weights {
                competencies: BTreeMap::from([("pipeline".to_string(), 5)]),
                attitudes: 2,
                presentation: 3,
                simulation: 4,
            },
        },
        screening: SubRoleScreening {
            knockouts: vec![],
            video_prompts: vec![VideoPrompt {
                id: format!("{id}-video"),
                prompt: "Prompt.".into(),
                response_seconds: 120,
            }],
            resume_criteria: vec![ResumeCriterion {
                id: format!("{id}-criterion"),
                criterion: "Criterion.".into(),
                anchors: anchors(),
            }],
            reference_checks: vec![ReferenceCheck {
                id: format!("{id}-reference"),
                criterion: format!("{id}-criterion"),
                ask: "What pipeline did they source with the partner?".into(),
                confirms: "A figure close to the resume's.".into(),
            }],
        },
        exercises: Exercises {
            presentation: Presentation {
                title: "Presentation".into(),
                round: "deep-dive".into(),
                prompt: "Prompt.".into(),
                format: "Deck".into(),
                minutes: 20,
                prep_hours: 2.0,
                audience: "Panel".into(),
                prepare: lines(2, "prepare"),
                deliverables: lines(1, "deliverable"),
                ground_rules: lines(2, "rule"),
                level_expectations: per_level("Presentation"),
                anchors: anchors(),
                positive: lines(4, "good"),
                negative: lines(4, "bad"),
                probes: lines(3, "probe"),
                samples: Some(samples()),
            },
            simulation: Simulation {
                title: "Role-play".into(),
                round: "simulation".into(),
                partner_type: PartnerType::Channel,
                scenario: "Scenario.".into(),
                problem: "Problem.".into(),
                format: "Role-play".into(),
                minutes: 40,
                prep_hours: 2.0,
                success_criteria: lines(3, "criterion"),
                review_beforehand: lines(2, "review"),
                ground_rules: lines(2, "rule"),
                persona: Persona {
                    role: "Partner lead".into(),
                    stance: "Sceptical".into(),
                    played_by: "A colleague".into(),
                    motivation: "Motivation.".into(),
                    constraints: lines(2, "constraint"),
                    tensions: lines(2, "tension"),
                    guidance: lines(2, "guidance"),
                    do_not: lines(2, "do not"),
                    cues: lines(4, "cue"),
                },
                level_expectations: per_level("Role-play"),
                anchors: anchors(),
                positive: lines(5, "good"),
                negative: lines(5, "bad"),
                probes: lines(3, "probe"),
                samples: Some(samples()),
            },
        },
        // The sub-role's own questions: none in the fixtures, whose tests
        // count the shared ones (kit.rs tests add one).
        questions: PerLevel {
            junior: vec![],
            mid: vec![],
            senior: vec![],
        },
    }
}

/// The sample library's mid-level co-sell operations kit.
pub(crate) fn sample_kit() -> super::Kit {
    sample_library()
        .kit(SubRole::CoSellOps, Level::Mid)
        .unwrap()
}

pub(crate) fn sample_library() -> Library {
    Library {
        version: "test-version".into(),
        disciplines: vec![Discipline {
            id: "commercial".into(),
            name: "Commercial".into(),
        }],
        competencies: vec![Competency {
            id: "pipeline".into(),
            discipline: "commercial".into(),
            name: "Pipeline".into(),
            levels: PerLevel {
                junior: "Keeps registrations accurate.".into(),
                mid: "Designs the regional plan.".into(),
                senior: "Sets the commercial framework.".into(),
            },
        }],
        rounds: vec![
            Round {
                id: "deep-dive".into(),
                name: "Deep dive".into(),
                purpose: "Purpose.".into(),
                led_by: "Hiring manager".into(),
                minutes: 60,
            },
            Round {
                id: "simulation".into(),
                name: "Simulation".into(),
                purpose: "Purpose.".into(),
                led_by: "Hiring manager".into(),
                minutes: 45,
            },
        ],
        questions: PerLevel {
            junior: vec![question("jr-q1", "deep-dive")],
            mid: vec![question("mid-q1", "deep-dive")],
            senior: vec![question("sr-q1", "deep-dive")],
        },
        attitudes: vec![Attitude {
            id: "listening".into(),
            name: "Listening".into(),
            definition: "Definition.".into(),
            round: "deep-dive".into(),
            question: "Question?".into(),
            anchors: anchors(),
            positive: lines(3, "good"),
            negative: lines(3, "bad"),
            probes: lines(3, "probe"),
            samples: Some(samples()),
        }],
        screening: GeneralScreening {
            knockouts: vec![Knockout {
                id: "work-authorisation".into(),
                question: "Can you work here?".into(),
                answers: vec![
                    KnockoutAnswer {
                        label: "Yes".into(),
                        disqualifies: false,
                    },
                    KnockoutAnswer {
                        label: "No".into(),
                        disqualifies: true,
                    },
                ],
            }],
            resume_criteria: vec![ResumeCriterion {
                id: "general".into(),
                criterion: "General.".into(),
                anchors: anchors(),
            }],
        },
        sub_roles: vec![
            sub_role(
                SubRole::CoSellOps,
                "two field partners",
                vec![Level::Junior, Level::Mid],
            ),
            sub_role(
                SubRole::GlobalAllianceDirector,
                "a flagship partner's executives",
                vec![Level::Senior],
            ),
        ],
    }
}
