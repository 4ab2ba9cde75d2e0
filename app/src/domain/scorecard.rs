//! Stage 3 of the kit: one interviewer's scorecard for one round of one
//! candidate. Each item of the round (a question or an exercise from the
//! requisition's plan) is rated against its anchors, with the indicators
//! seen and notes; the card ends with an overall recommendation. A draft
//! may be partial; a submission needs every item rated and a
//! recommendation, and a change after it is an amendment with a reason.

use super::jd::FieldError;
use super::keys::{AssignmentId, CandidateId, RequisitionId, UserId};
use super::kit::Kit;
use super::kit_item::KitItemRef;
use super::plan::{ItemKind, PlanItem};
use super::scoring::Rating;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Per note (each item's, the private notes, the take-aways): far beyond
/// what an interview produces, small enough that a card stays one request.
pub const MAX_NOTE_CHARS: usize = 20_000;
pub const MIN_REASON_CHARS: usize = 3;
pub const MAX_REASON_CHARS: usize = 1000;

/// The interviewer's overall call. "No decision" is a choice of its own,
/// so a card can be submitted by someone who honestly cannot call it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Recommendation {
    StrongHire,
    Hire,
    NoHire,
    StrongNoHire,
    NoDecision,
}

impl Recommendation {
    pub const ALL: [Recommendation; 5] = [
        Recommendation::StrongHire,
        Recommendation::Hire,
        Recommendation::NoHire,
        Recommendation::StrongNoHire,
        Recommendation::NoDecision,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Recommendation::StrongHire => "strong-hire",
            Recommendation::Hire => "hire",
            Recommendation::NoHire => "no-hire",
            Recommendation::StrongNoHire => "strong-no-hire",
            Recommendation::NoDecision => "no-decision",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Recommendation::StrongHire => "Strong hire",
            Recommendation::Hire => "Hire",
            Recommendation::NoHire => "No hire",
            Recommendation::StrongNoHire => "Strong no hire",
            Recommendation::NoDecision => "No decision",
        }
    }
}

super::ids::id_enum_impls!(Recommendation, "recommendation");

/// What was recorded for one item. Indicators are indices into the item's
/// `positive` and `negative` lists in the card's (frozen) kit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ItemScore {
    /// `null` while not rated yet.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub rating: Option<Rating>,
    /// Indices of the positive indicators seen, into the item's `positive`
    /// list.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub positive: Vec<usize>,
    /// Indices of the negative indicators seen, into the item's `negative`
    /// list.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub negative: Vec<usize>,
    /// Markdown, at most 20,000 characters; the panel reads it once the
    /// card is submitted.
    #[cfg_attr(feature = "ssr", schema(required = true, max_length = 20000))]
    pub notes: String,
}

impl ItemScore {
    fn is_empty(&self) -> bool {
        self.rating.is_none()
            && self.positive.is_empty()
            && self.negative.is_empty()
            && self.notes.is_empty()
    }
}

/// A scorecard's content, as stored. Items are keyed by [`item_key`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScorecardBody {
    pub items: BTreeMap<String, ItemScore>,
    /// For the interviewer alone: never shown to the panel or the hiring team.
    pub private_notes: String,
    pub recommendation: Option<Recommendation>,
    /// Markdown, read by the panel with the recommendation.
    pub takeaways: String,
}

// The rating is read as text, so a bad value can be named with the item it
// was given for.
/// What is recorded for one item, as sent. Every field may be left out; an
/// unknown field is refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ItemInput {
    /// `exceeds`, `meets`, `below` or `no-evidence`; `""` or `null` while
    /// not rated yet.
    pub rating: Option<String>,
    /// Indices of the positive indicators seen, into the item's `positive`
    /// list.
    pub positive: Vec<usize>,
    /// Indices of the negative indicators seen, into the item's `negative`
    /// list.
    pub negative: Vec<usize>,
    /// Markdown, at most 20,000 characters.
    #[cfg_attr(feature = "ssr", schema(max_length = 20000))]
    pub notes: String,
}

// A misspelt field is refused rather than dropped, so nothing typed is
// lost without a word.
/// A card's content as sent. Every field may be left out (empty); an
/// unknown field is refused. A rating or recommendation of `""` or `null`
/// is "not chosen yet"; items with nothing recorded are dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ScorecardInput {
    /// By item key: `competency:<question id>`, `attitude:<attitude id>` or
    /// `exercise:presentation` / `exercise:simulation`.
    pub items: BTreeMap<String, ItemInput>,
    /// For the interviewer alone; never shown to anyone else. At most
    /// 20,000 characters.
    #[cfg_attr(feature = "ssr", schema(max_length = 20000))]
    pub private_notes: String,
    /// `strong-hire`, `hire`, `no-hire`, `strong-no-hire` or
    /// `no-decision`; `""` or `null` while not chosen yet.
    pub recommendation: Option<String>,
    /// Key take-aways, Markdown; at most 20,000 characters.
    #[cfg_attr(feature = "ssr", schema(max_length = 20000))]
    pub takeaways: String,
}

impl From<&ScorecardBody> for ScorecardInput {
    fn from(body: &ScorecardBody) -> Self {
        ScorecardInput {
            items: body
                .items
                .iter()
                .map(|(key, s)| {
                    (
                        key.clone(),
                        ItemInput {
                            rating: s.rating.map(|r| r.id().to_string()),
                            positive: s.positive.clone(),
                            negative: s.negative.clone(),
                            notes: s.notes.clone(),
                        },
                    )
                })
                .collect(),
            private_notes: body.private_notes.clone(),
            recommendation: body.recommendation.map(|r| r.id().to_string()),
            takeaways: body.takeaways.clone(),
        }
    }
}

/// Where a scorecard stands: a `draft` is the interviewer's alone; once
/// `submitted` the panel may read it, and it changes only by amendment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ScorecardState {
    Draft,
    Submitted,
}

impl ScorecardState {
    pub const ALL: [ScorecardState; 2] = [ScorecardState::Draft, ScorecardState::Submitted];

    pub fn id(self) -> &'static str {
        match self {
            ScorecardState::Draft => "draft",
            ScorecardState::Submitted => "submitted",
        }
    }
}

super::ids::id_enum_impls!(ScorecardState, "scorecard state");

/// Where a panel slot's scorecard stands: `not-started` (its interviewer
/// has not opened it), `draft` or `submitted`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CardStatus {
    /// Its interviewer has not opened it.
    NotStarted,
    Draft,
    Submitted,
}

impl CardStatus {
    /// Where a slot's card stands: no card yet means its interviewer has
    /// not opened it.
    pub fn of(card: Option<&Scorecard>) -> CardStatus {
        Self::of_state(card.map(|c| c.state))
    }

    /// The same, from the stored state alone.
    pub fn of_state(state: Option<ScorecardState>) -> CardStatus {
        match state {
            None => CardStatus::NotStarted,
            Some(ScorecardState::Draft) => CardStatus::Draft,
            Some(_) => CardStatus::Submitted,
        }
    }
}

/// A card still missing this long after its interview ended is overdue.
pub const OVERDUE_AFTER_HOURS: i64 = 24;

/// Whether a card not yet submitted is overdue at `now`: more than
/// [`OVERDUE_AFTER_HOURS`] after the interview (`starts_at`, RFC 3339, and
/// its length in minutes) ended. A time that does not parse is never late.
#[cfg(feature = "ssr")]
pub fn is_overdue(starts_at: &str, minutes: i64, now: &str) -> bool {
    use chrono::{DateTime, Duration};
    let (Ok(start), Ok(now)) = (
        DateTime::parse_from_rfc3339(starts_at),
        DateTime::parse_from_rfc3339(now),
    ) else {
        return false;
    };
    now > start + Duration::minutes(minutes) + Duration::hours(OVERDUE_AFTER_HOURS)
}

/// Where an interviewer's own card stands, as their list of interviews
/// shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CardMark {
    NotStarted,
    Draft,
    Submitted,
    /// Not submitted, and past [`OVERDUE_AFTER_HOURS`] after the interview.
    Overdue,
}

impl CardMark {
    #[cfg(feature = "ssr")]
    pub fn of(status: CardStatus, starts_at: &str, minutes: i64, now: &str) -> CardMark {
        match status {
            CardStatus::Submitted => CardMark::Submitted,
            _ if is_overdue(starts_at, minutes, now) => CardMark::Overdue,
            CardStatus::Draft => CardMark::Draft,
            CardStatus::NotStarted => CardMark::NotStarted,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            CardMark::NotStarted => "not-started",
            CardMark::Draft => "draft",
            CardMark::Submitted => "submitted",
            CardMark::Overdue => "overdue",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CardMark::NotStarted => "Not started",
            CardMark::Draft => "Draft",
            CardMark::Submitted => "Submitted",
            CardMark::Overdue => "Overdue",
        }
    }
}

/// One interviewer's card for one round of one candidate. Its id is the
/// assignment's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scorecard {
    /// The card of this interview: a card's id is its interview's.
    pub id: AssignmentId,
    pub requisition_id: RequisitionId,
    pub candidate_id: CandidateId,
    pub interviewer_id: UserId,
    pub round: String,
    /// The rubric library version the card is scored against.
    pub rubric_version: String,
    /// Goes up by one with every write; a write names the version it was
    /// based on.
    pub version: i64,
    pub state: ScorecardState,
    pub body: ScorecardBody,
    pub submitted_at: Option<String>,
    pub updated_at: String,
}

/// Why a version of a card was kept: `submit` for the submission, `amend`
/// for an amendment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum VersionKind {
    Submit,
    Amend,
}

impl VersionKind {
    pub const ALL: [VersionKind; 2] = [VersionKind::Submit, VersionKind::Amend];

    pub fn id(self) -> &'static str {
        match self {
            VersionKind::Submit => "submit",
            VersionKind::Amend => "amend",
        }
    }
}

super::ids::id_enum_impls!(VersionKind, "version kind");

/// The submission or an amendment, whole, with who made it and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScorecardVersion {
    pub version: i64,
    pub kind: VersionKind,
    pub author_id: String,
    pub author_email: String,
    /// Their display name, or their email without one.
    pub author_name: String,
    pub saved_at: String,
    /// Empty for the submission.
    pub reason: String,
    pub body: ScorecardBody,
}

/// `competency:mid-q1`, `attitude:listening`, `exercise:presentation`: ids
/// are unique within a kind only, so the key carries both.
pub fn item_key(item: &PlanItem) -> String {
    format!("{}:{}", item.kind.id(), item.id)
}

pub fn parse_item_key(key: &str) -> Option<PlanItem> {
    let (kind, id) = key.split_once(':')?;
    if id.is_empty() {
        return None;
    }
    let kind = kind.parse::<ItemKind>().ok()?;
    Some(PlanItem {
        kind,
        id: id.to_string(),
    })
}

/// The indicators an item's score ticked, in the kit's words (positive,
/// negative); indices the kit does not have are skipped.
pub fn ticked(kit: &Kit, item: &PlanItem, score: &ItemScore) -> (Vec<String>, Vec<String>) {
    let (positive, negative) = kit
        .item(item)
        .map(KitItemRef::indicators)
        .unwrap_or_default();
    let words = |list: &[String], seen: &[usize]| -> Vec<String> {
        seen.iter().filter_map(|i| list.get(*i).cloned()).collect()
    };
    (
        words(positive, &score.positive),
        words(negative, &score.negative),
    )
}

fn field(field: impl Into<String>, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

fn check_length(errors: &mut Vec<FieldError>, name: &str, what: &str, text: &str) {
    let chars = text.chars().count();
    if chars > MAX_NOTE_CHARS {
        errors.push(field(
            name,
            format!("{what} has {chars} characters; the limit is {MAX_NOTE_CHARS}"),
        ));
    }
}

/// Sorted and without repeats; an index past the end of the list is named.
fn check_indicators(
    errors: &mut Vec<FieldError>,
    name: String,
    title: &str,
    which: &str,
    given: &[usize],
    count: usize,
) -> Vec<usize> {
    let mut seen: Vec<usize> = given.to_vec();
    seen.sort_unstable();
    seen.dedup();
    if let Some(bad) = seen.iter().find(|i| **i >= count) {
        let valid = match count {
            0 => "it has none".to_string(),
            1 => "the only one is 0".to_string(),
            n => format!("valid indices are 0 to {}", n - 1),
        };
        errors.push(field(
            name,
            format!("“{title}” has no {which} indicator {bad}; {valid}"),
        ));
    }
    seen
}

/// Checks a card as sent against the items it may hold (`allowed`: the
/// round's items in the plan, plus any the stored card already has) and
/// the kit it is scored against. Every problem is reported with its field;
/// items with nothing recorded are dropped.
pub fn parse(
    input: &ScorecardInput,
    allowed: &[PlanItem],
    kit: &Kit,
) -> Result<ScorecardBody, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut items = BTreeMap::new();
    for (key, given) in &input.items {
        let name = format!("items.{key}");
        let Some(item) = parse_item_key(key).filter(|i| allowed.contains(i)) else {
            let valid: Vec<String> = allowed.iter().map(item_key).collect();
            errors.push(field(
                &name,
                format!(
                    "`{key}` is not an item of this scorecard; its items are {}",
                    if valid.is_empty() {
                        "none".to_string()
                    } else {
                        valid.join(", ")
                    }
                ),
            ));
            continue;
        };
        let found = kit.item(&item);
        let title = found.map_or_else(|| key.clone(), KitItemRef::title);
        let (positive, negative) = found.map(KitItemRef::indicators).unwrap_or_default();
        let rating = match given.rating.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(value) => match value.parse::<Rating>() {
                Ok(r) => Some(r),
                Err(_) => {
                    errors.push(field(
                        format!("{name}.rating"),
                        format!(
                            "`{value}` is not a rating for “{title}”; choose one of {}",
                            Rating::ALL.map(Rating::id).join(", ")
                        ),
                    ));
                    None
                }
            },
        };
        let score = ItemScore {
            rating,
            positive: check_indicators(
                &mut errors,
                format!("{name}.positive"),
                &title,
                "positive",
                &given.positive,
                positive.len(),
            ),
            negative: check_indicators(
                &mut errors,
                format!("{name}.negative"),
                &title,
                "negative",
                &given.negative,
                negative.len(),
            ),
            notes: given.notes.clone(),
        };
        check_length(
            &mut errors,
            &format!("{name}.notes"),
            &format!("The notes on “{title}”"),
            &score.notes,
        );
        if !score.is_empty() {
            items.insert(key.clone(), score);
        }
    }
    check_length(
        &mut errors,
        "private_notes",
        "The private notes",
        &input.private_notes,
    );
    check_length(&mut errors, "takeaways", "The take-aways", &input.takeaways);
    let recommendation = match input.recommendation.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(value) => match value.parse::<Recommendation>() {
            Ok(r) => Some(r),
            Err(e) => {
                errors.push(field("recommendation", e.to_string()));
                None
            }
        },
    };
    if errors.is_empty() {
        Ok(ScorecardBody {
            items,
            private_notes: input.private_notes.clone(),
            recommendation,
            takeaways: input.takeaways.clone(),
        })
    } else {
        Err(errors)
    }
}

/// What a submission needs: every item of the round rated (no evidence
/// counts: it says the topic never came up) and a recommendation.
pub fn check_submittable(
    body: &ScorecardBody,
    round_items: &[PlanItem],
    kit: &Kit,
) -> Result<(), Vec<FieldError>> {
    let mut errors: Vec<FieldError> = round_items
        .iter()
        .filter(|item| {
            body.items
                .get(&item_key(item))
                .and_then(|s| s.rating)
                .is_none()
        })
        .map(|item| {
            let title = kit
                .item(item)
                .map_or_else(|| item_key(item), KitItemRef::title);
            field(
                format!("items.{}.rating", item_key(item)),
                format!("rate “{title}”, or mark it “No evidence”, before you submit"),
            )
        })
        .collect();
    if body.recommendation.is_none() {
        errors.push(field(
            "recommendation",
            "choose an overall recommendation (“No decision” is one) before you submit",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The reason an amendment must give: it is what the panel reads in the
/// history next to the change. Returns it trimmed.
pub fn check_reason(reason: Option<&str>) -> Result<String, FieldError> {
    let reason = reason.unwrap_or_default().trim();
    let chars = reason.chars().count();
    if chars < MIN_REASON_CHARS {
        Err(field(
            "reason",
            format!(
                "this scorecard is submitted, so a change is an amendment: give a reason of at least {MIN_REASON_CHARS} characters"
            ),
        ))
    } else if chars > MAX_REASON_CHARS {
        Err(field(
            "reason",
            format!("the reason has {chars} characters; the limit is {MAX_REASON_CHARS}"),
        ))
    } else {
        Ok(reason.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::sample_library;
    use crate::domain::plan::InterviewPlan;
    use crate::domain::{Level, SubRole};

    #[test]
    fn a_card_is_overdue_a_day_after_its_interview_ended_unless_submitted() {
        // A 60-minute interview from 10:00: it ends at 11:00, overdue
        // after 11:00 the next day.
        let (start, minutes) = ("2025-03-02T10:00:00Z", 60);
        let mark = |status, now| CardMark::of(status, start, minutes, now);
        let just_before = "2025-03-03T11:00:00Z";
        let just_after = "2025-03-03T11:00:01Z";
        assert_eq!(
            mark(CardStatus::NotStarted, just_before),
            CardMark::NotStarted
        );
        assert_eq!(mark(CardStatus::Draft, just_before), CardMark::Draft);
        assert_eq!(mark(CardStatus::NotStarted, just_after), CardMark::Overdue);
        assert_eq!(mark(CardStatus::Draft, just_after), CardMark::Overdue);
        assert_eq!(mark(CardStatus::Submitted, just_after), CardMark::Submitted);
        // An interview still to come is not late, whatever the card.
        assert_eq!(
            mark(CardStatus::NotStarted, "2025-03-01T09:00:00Z"),
            CardMark::NotStarted
        );
        // Offsets are honoured: 12:00+01:00 is 11:00 UTC.
        assert!(!is_overdue(start, minutes, "2025-03-03T12:00:00+01:00"));
        assert!(!is_overdue("not a time", minutes, just_after));
    }

    fn kit() -> Kit {
        sample_library()
            .kit(SubRole::CoSellOps, Level::Mid)
            .unwrap()
    }

    /// The deep-dive round of the kit's own plan: `mid-q1`, `listening`
    /// and the presentation.
    fn deep_dive(kit: &Kit) -> Vec<PlanItem> {
        InterviewPlan::from_kit(kit)
            .rounds
            .into_iter()
            .find(|r| r.round == "deep-dive")
            .unwrap()
            .items
    }

    fn rated(rating: &str) -> ItemInput {
        ItemInput {
            rating: Some(rating.into()),
            ..ItemInput::default()
        }
    }

    fn input(items: &[(&str, ItemInput)]) -> ScorecardInput {
        ScorecardInput {
            items: items
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
            ..ScorecardInput::default()
        }
    }

    #[test]
    fn recommendation_ids_round_trip_and_read_as_words() {
        for r in Recommendation::ALL {
            assert_eq!(r.id().parse::<Recommendation>(), Ok(r));
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.id())
            );
        }
        assert_eq!(Recommendation::StrongNoHire.label(), "Strong no hire");
        let msg = "maybe".parse::<Recommendation>().unwrap_err().to_string();
        assert!(
            msg.contains("strong-hire, hire, no-hire, strong-no-hire, no-decision"),
            "{msg}"
        );
    }

    #[test]
    fn item_keys_carry_kind_and_id() {
        let item = PlanItem::attitude("listening");
        assert_eq!(item_key(&item), "attitude:listening");
        assert_eq!(parse_item_key("attitude:listening"), Some(item));
        assert_eq!(
            parse_item_key("exercise:presentation"),
            Some(PlanItem::exercise("presentation"))
        );
        for bad in ["listening", "mood:listening", "competency:", ""] {
            assert_eq!(parse_item_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_partial_draft_parses_and_empty_items_are_dropped() {
        let kit = kit();
        let body = parse(
            &input(&[
                (
                    "competency:mid-q1",
                    ItemInput {
                        rating: Some("meets".into()),
                        positive: vec![3, 0, 3],
                        negative: vec![1],
                        notes: "Named **both** partners.".into(),
                    },
                ),
                ("attitude:listening", rated(" ")),
            ]),
            &deep_dive(&kit),
            &kit,
        )
        .unwrap();
        assert_eq!(body.items.len(), 1);
        let score = &body.items["competency:mid-q1"];
        assert_eq!(score.rating, Some(Rating::Meets));
        assert_eq!(score.positive, vec![0, 3], "sorted, without repeats");
        assert_eq!(score.negative, vec![1]);
        assert_eq!(score.notes, "Named **both** partners.");
        assert_eq!(body.recommendation, None);
    }

    #[test]
    fn bad_items_ratings_indicators_and_recommendations_are_named() {
        let kit = kit();
        let mut sent = input(&[
            ("competency:mid-q1", rated("outstanding")),
            ("competency:nope", rated("meets")),
            // In the kit, but not in this round.
            ("exercise:simulation", rated("meets")),
            (
                "attitude:listening",
                ItemInput {
                    positive: vec![3],
                    ..ItemInput::default()
                },
            ),
        ]);
        sent.recommendation = Some("maybe".into());
        let errors = parse(&sent, &deep_dive(&kit), &kit).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "items.attitude:listening.positive",
                "items.competency:mid-q1.rating",
                "items.competency:nope",
                "items.exercise:simulation",
                "recommendation",
            ]
        );
        assert!(
            errors[0].message.contains("valid indices are 0 to 2"),
            "{errors:?}"
        );
        assert!(errors[1].message.contains("`outstanding`"), "{errors:?}");
        assert!(errors[1].message.contains("no-evidence"), "{errors:?}");
        assert!(
            errors[2].message.contains(
                "its items are competency:mid-q1, attitude:listening, exercise:presentation"
            ),
            "{errors:?}"
        );
        assert!(errors[4].message.contains("`maybe`"), "{errors:?}");
    }

    #[test]
    fn long_notes_are_refused_with_their_length() {
        let kit = kit();
        let long = "x".repeat(MAX_NOTE_CHARS + 1);
        let mut sent = input(&[(
            "exercise:presentation",
            ItemInput {
                notes: long.clone(),
                ..ItemInput::default()
            },
        )]);
        sent.private_notes = long.clone();
        sent.takeaways = "x".repeat(MAX_NOTE_CHARS);
        let errors = parse(&sent, &deep_dive(&kit), &kit).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec!["items.exercise:presentation.notes", "private_notes"]
        );
        assert!(errors[0].message.contains("20001"), "{errors:?}");
    }

    #[test]
    fn submitting_needs_every_item_rated_and_a_recommendation() {
        let kit = kit();
        let round = deep_dive(&kit);
        let mut body = parse(
            &input(&[
                ("competency:mid-q1", rated("exceeds")),
                ("attitude:listening", rated("no-evidence")),
            ]),
            &round,
            &kit,
        )
        .unwrap();
        let errors = check_submittable(&body, &round, &kit).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec!["items.exercise:presentation.rating", "recommendation"]
        );
        assert!(errors[0].message.contains("“Presentation”"), "{errors:?}");

        body.items.insert(
            "exercise:presentation".into(),
            ItemScore {
                rating: Some(Rating::Below),
                ..ItemScore::default()
            },
        );
        body.recommendation = Some(Recommendation::NoDecision);
        assert_eq!(check_submittable(&body, &round, &kit), Ok(()));
    }

    #[test]
    fn an_amendment_needs_a_reason() {
        assert_eq!(
            check_reason(Some("  Typo in notes ")).unwrap(),
            "Typo in notes"
        );
        for bad in [None, Some(""), Some(" ab ")] {
            let e = check_reason(bad).unwrap_err();
            assert_eq!(e.field, "reason");
            assert!(e.message.contains("amendment"), "{e:?}");
        }
        let e = check_reason(Some(&"x".repeat(MAX_REASON_CHARS + 1))).unwrap_err();
        assert!(e.message.contains("1000"), "{e:?}");
    }

    #[test]
    fn a_stored_body_reads_back_as_input_unchanged() {
        let kit = kit();
        let round = deep_dive(&kit);
        let mut sent = input(&[(
            "competency:mid-q1",
            ItemInput {
                rating: Some("below".into()),
                positive: vec![1],
                negative: vec![],
                notes: "n".into(),
            },
        )]);
        sent.recommendation = Some("strong-no-hire".into());
        sent.private_notes = "mine".into();
        let body = parse(&sent, &round, &kit).unwrap();
        assert_eq!(ScorecardInput::from(&body), sent);
        let json = serde_json::to_string(&body).unwrap();
        assert_eq!(serde_json::from_str::<ScorecardBody>(&json).unwrap(), body);
        assert_eq!(
            serde_json::from_str::<ScorecardBody>("{}").unwrap(),
            ScorecardBody::default()
        );
    }
}
