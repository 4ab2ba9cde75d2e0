//! Greenhouse Harvest's scorecard object as its API reference lists it
//! (`GET /v1/scorecards`: every field, its JSON type, and the values its
//! two rating scales allow), and a check that a JSON value is one: every
//! listed field present with its type, nothing unlisted.

use serde_json::Value;
use std::collections::BTreeSet;

/// What a field holds.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Integer,
    Text,
    /// An ISO 8601 timestamp with its zone.
    Timestamp,
    Object,
    Array,
    Nullable(&'static Kind),
    /// One of these strings.
    OneOf(&'static [&'static str]),
}

const RECOMMENDATIONS: &[&str] = &["definitely_not", "no", "yes", "strong_yes", "no_decision"];
const ATTRIBUTE_RATINGS: &[&str] = &[
    "definitely_not",
    "no",
    "mixed",
    "yes",
    "strong_yes",
    "no_decision",
];

/// Path (`a.b`, `a[]` for each element, `a[].b`) and kind, for every
/// field of Harvest's scorecard object.
const FIELDS: &[(&str, Kind)] = &[
    ("id", Kind::Integer),
    ("updated_at", Kind::Timestamp),
    ("created_at", Kind::Timestamp),
    ("interview", Kind::Text),
    ("interview_step", Kind::Object),
    ("interview_step.id", Kind::Integer),
    ("interview_step.name", Kind::Text),
    ("candidate_id", Kind::Integer),
    ("application_id", Kind::Integer),
    ("interviewed_at", Kind::Timestamp),
    ("submitted_by", Kind::Object),
    ("submitted_by.id", Kind::Integer),
    ("submitted_by.first_name", Kind::Text),
    ("submitted_by.last_name", Kind::Text),
    ("submitted_by.name", Kind::Text),
    ("submitted_by.employee_id", Kind::Nullable(&Kind::Text)),
    ("interviewer", Kind::Object),
    ("interviewer.id", Kind::Integer),
    ("interviewer.first_name", Kind::Text),
    ("interviewer.last_name", Kind::Text),
    ("interviewer.name", Kind::Text),
    ("interviewer.employee_id", Kind::Nullable(&Kind::Text)),
    ("submitted_at", Kind::Timestamp),
    ("overall_recommendation", Kind::OneOf(RECOMMENDATIONS)),
    ("attributes", Kind::Array),
    ("attributes[]", Kind::Object),
    ("attributes[].name", Kind::Text),
    ("attributes[].type", Kind::Text),
    ("attributes[].note", Kind::Nullable(&Kind::Text)),
    ("attributes[].rating", Kind::OneOf(ATTRIBUTE_RATINGS)),
    ("ratings", Kind::Object),
    ("ratings.definitely_not", Kind::Array),
    ("ratings.definitely_not[]", Kind::Text),
    ("ratings.no", Kind::Array),
    ("ratings.no[]", Kind::Text),
    ("ratings.mixed", Kind::Array),
    ("ratings.mixed[]", Kind::Text),
    ("ratings.yes", Kind::Array),
    ("ratings.yes[]", Kind::Text),
    ("ratings.strong_yes", Kind::Array),
    ("ratings.strong_yes[]", Kind::Text),
    ("questions", Kind::Array),
    ("questions[]", Kind::Object),
    ("questions[].id", Kind::Nullable(&Kind::Integer)),
    ("questions[].question", Kind::Text),
    ("questions[].answer", Kind::Text),
];

fn kind_of(path: &str) -> Option<Kind> {
    FIELDS.iter().find(|(p, _)| *p == path).map(|(_, k)| *k)
}

fn fits(value: &Value, kind: Kind) -> bool {
    match kind {
        Kind::Integer => value.as_u64().is_some() || value.as_i64().is_some(),
        Kind::Text => value.is_string(),
        Kind::Timestamp => value
            .as_str()
            .is_some_and(|t| chrono::DateTime::parse_from_rfc3339(t).is_ok()),
        Kind::Object => value.is_object(),
        Kind::Array => value.is_array(),
        Kind::Nullable(inner) => value.is_null() || fits(value, *inner),
        Kind::OneOf(allowed) => value.as_str().is_some_and(|v| allowed.contains(&v)),
    }
}

fn walk(value: &Value, path: &str, seen: &mut BTreeSet<String>, problems: &mut Vec<String>) {
    if !path.is_empty() {
        let Some(kind) = kind_of(path) else {
            problems.push(format!("{path}: not a field of Harvest's scorecard"));
            return;
        };
        seen.insert(path.to_string());
        if !fits(value, kind) {
            problems.push(format!("{path}: {value} is not {kind:?}"));
            return;
        }
    }
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let child_path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                walk(child, &child_path, seen, problems);
            }
        }
        Value::Array(items) => {
            for item in items {
                walk(item, &format!("{path}[]"), seen, problems);
            }
        }
        _ => {}
    }
}

/// Every way `card` differs from Harvest's scorecard object; empty when it
/// is one. Fields under an empty array cannot be seen, so they are not
/// required.
pub fn problems(card: &Value) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    if !card.is_object() {
        return vec![format!("a scorecard is an object, not {card}")];
    }
    walk(card, "", &mut seen, &mut problems);
    for (path, _) in FIELDS {
        let under_array = path
            .rfind("[]")
            .map(|at| &path[..at + 2])
            .filter(|element| !seen.contains(*element));
        if !seen.contains(*path) && under_array.is_none() {
            problems.push(format!("{path}: missing"));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::problems;
    use serde_json::json;

    fn harvest_like() -> serde_json::Value {
        let person = json!({"id": 7, "first_name": "Kim", "last_name": "Lee", "name": "Kim Lee", "employee_id": null});
        json!({
            "id": 1, "updated_at": "2024-01-02T03:04:05.678Z", "created_at": "2024-01-02T03:04:05Z",
            "interview": "Panel", "interview_step": {"id": 2, "name": "Panel"},
            "candidate_id": 3, "application_id": 4, "interviewed_at": "2024-01-01T10:00:00Z",
            "submitted_by": person, "interviewer": person, "submitted_at": "2024-01-02T03:04:05Z",
            "overall_recommendation": "yes",
            "attributes": [{"name": "Listening", "type": "Skills", "note": null, "rating": "mixed"}],
            "ratings": {"definitely_not": [], "no": [], "mixed": ["Listening"], "yes": [], "strong_yes": []},
            "questions": [{"id": null, "question": "Key take-aways", "answer": "Good."}]
        })
    }

    #[test]
    fn a_harvest_scorecard_passes() {
        assert_eq!(problems(&harvest_like()), Vec::<String>::new());
    }

    #[test]
    fn a_string_id_an_extra_field_a_sixth_bucket_and_a_missing_field_fail() {
        let mut card = harvest_like();
        card["id"] = json!("1");
        card["candidate_name"] = json!("Ann");
        card["ratings"]["no_decision"] = json!([]);
        card.as_object_mut().unwrap().remove("application_id");
        card["submitted_by"]
            .as_object_mut()
            .unwrap()
            .remove("employee_id");
        card["overall_recommendation"] = json!("maybe");
        let found = problems(&card);
        for expected in [
            "id: \"1\" is not Integer",
            "candidate_name: not a field of Harvest's scorecard",
            "ratings.no_decision: not a field of Harvest's scorecard",
            "application_id: missing",
            "submitted_by.employee_id: missing",
        ] {
            assert!(
                found.iter().any(|p| p == expected),
                "{expected} in {found:?}"
            );
        }
        assert!(found
            .iter()
            .any(|p| p.starts_with("overall_recommendation:")));
    }
}
