//! Stage 1 of the kit: the knock-out questions an applicant answers. The
//! answers are stored with the question and answer text as they were asked,
//! so editing the rubric later never rewrites what a candidate said.

use crate::domain::jd::FieldError;
use crate::domain::rubric::Knockout;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A knock-out question as the applicant answered it; stored with its
/// wording so later rubric edits never rewrite it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct KnockoutAnswer {
    pub question_id: String,
    /// The question as it was asked.
    pub question: String,
    /// The answer chosen, as it was worded.
    pub answer: String,
    /// The answer ended the application.
    pub disqualifies: bool,
}

fn error(question_id: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: format!("knockout.{question_id}"),
        message: message.into(),
    }
}

/// Resolves the form's choices (question id → index of the chosen answer)
/// against the questions asked. Every question must be answered; a choice
/// for a question that was not asked, or an index that is not one of the
/// answers, means the form was tampered with or is stale, and is refused.
pub fn answer_knockouts(
    knockouts: &[Knockout],
    chosen: &BTreeMap<String, String>,
) -> Result<Vec<KnockoutAnswer>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut answers = Vec::with_capacity(knockouts.len());

    for knockout in knockouts {
        let Some(raw) = chosen.get(&knockout.id).map(|s| s.trim()) else {
            errors.push(error(&knockout.id, "choose an answer"));
            continue;
        };
        if raw.is_empty() {
            errors.push(error(&knockout.id, "choose an answer"));
            continue;
        }
        match raw
            .parse::<usize>()
            .ok()
            .and_then(|i| knockout.answers.get(i))
        {
            Some(answer) => answers.push(KnockoutAnswer {
                question_id: knockout.id.clone(),
                question: knockout.question.clone(),
                answer: answer.label.clone(),
                disqualifies: answer.disqualifies,
            }),
            None => errors.push(error(
                &knockout.id,
                format!(
                    "`{raw}` is not one of the answers to \"{}\"; choose one of the {} listed",
                    knockout.question,
                    knockout.answers.len()
                ),
            )),
        }
    }

    for id in chosen.keys() {
        if !knockouts.iter().any(|k| &k.id == id) {
            errors.push(error(
                id,
                format!("there is no knock-out question `{id}` in this application"),
            ));
        }
    }

    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

/// Whether any answer ends the application.
pub fn disqualified(answers: &[KnockoutAnswer]) -> bool {
    answers.iter().any(|a| a.disqualifies)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rubric::KnockoutAnswer as RubricAnswer;

    fn knockouts() -> Vec<Knockout> {
        let q = |id: &str, question: &str| Knockout {
            id: id.into(),
            question: question.into(),
            answers: vec![
                RubricAnswer {
                    label: "Yes".into(),
                    disqualifies: false,
                },
                RubricAnswer {
                    label: "No".into(),
                    disqualifies: true,
                },
            ],
        };
        vec![
            q("work-authorisation", "Can you work here?"),
            q("travel", "Can you travel monthly?"),
        ]
    }

    fn chosen(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn answers_keep_the_question_and_answer_text_in_question_order() {
        let answers = answer_knockouts(
            &knockouts(),
            &chosen(&[("travel", "0"), ("work-authorisation", "0")]),
        )
        .unwrap();
        assert_eq!(
            answers[0],
            KnockoutAnswer {
                question_id: "work-authorisation".into(),
                question: "Can you work here?".into(),
                answer: "Yes".into(),
                disqualifies: false,
            }
        );
        assert_eq!(answers[1].question_id, "travel");
        assert!(!disqualified(&answers));
    }

    #[test]
    fn a_disqualifying_answer_is_flagged() {
        let answers = answer_knockouts(
            &knockouts(),
            &chosen(&[("work-authorisation", "1"), ("travel", "0")]),
        )
        .unwrap();
        assert_eq!(answers[0].answer, "No");
        assert!(disqualified(&answers));
    }

    #[test]
    fn every_question_must_be_answered() {
        let errors = answer_knockouts(&knockouts(), &chosen(&[("travel", "")])).unwrap_err();
        assert_eq!(
            errors,
            vec![
                FieldError {
                    field: "knockout.work-authorisation".into(),
                    message: "choose an answer".into(),
                },
                FieldError {
                    field: "knockout.travel".into(),
                    message: "choose an answer".into(),
                },
            ]
        );
    }

    #[test]
    fn bad_indices_and_unknown_questions_are_refused() {
        let errors = answer_knockouts(
            &knockouts(),
            &chosen(&[
                ("work-authorisation", "2"),
                ("travel", "yes"),
                ("salary", "0"),
            ]),
        )
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "knockout.work-authorisation",
                "knockout.travel",
                "knockout.salary"
            ]
        );
        assert!(errors[0].message.contains("`2`"), "{errors:?}");
        assert!(
            errors[0].message.contains("Can you work here?"),
            "{errors:?}"
        );
        assert!(errors[2].message.contains("`salary`"), "{errors:?}");
        assert!(answer_knockouts(
            &knockouts(),
            &chosen(&[("work-authorisation", "-1"), ("travel", "0")])
        )
        .is_err());
    }

    #[test]
    fn no_questions_means_nothing_to_answer() {
        assert_eq!(answer_knockouts(&[], &BTreeMap::new()), Ok(vec![]));
        assert!(!disqualified(&[]));
    }
}
