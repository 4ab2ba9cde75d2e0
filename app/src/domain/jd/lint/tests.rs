use super::text::find_word;
use super::*;
use crate::domain::fixtures::{sample_library, sub_role};

fn library() -> Library {
    let mut lib = sample_library();
    let mut sal = sub_role(
        SubRole::StrategicAllianceLead,
        "a portfolio",
        vec![Level::Senior],
    );
    sal.profile.title = "Strategic alliance lead".into();
    sal.profile.span_limit.max_partners = 7;
    sal.profile.span_limit.max_accounts = None;
    lib.sub_roles.push(sal);
    lib
}

/// A JD that does everything right: named partner, target, cadence, deal work.
const GOOD: &str = "\
# Partner manager: Snowflake partnership
You will own our partnership with Snowflake, a technology partner.
In the first 12 months the role produces $4M of joint pipeline with Snowflake.
- Monthly joint pipeline review with written dispositions.
- Weekly deal pairing between Snowflake's account executives and ours.
Build trust and a strong relationship with the partner's field teams.
Reports to the VP Sales. Variable pay is paid on partner-sourced revenue.";

fn rules(text: &str, declared: Option<(SubRole, Level)>) -> Vec<String> {
    let hints = Hints {
        sub_role: declared.map(|d| d.0),
        level: declared.map(|d| d.1),
    };
    lint(text, &library(), hints)
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

fn errors(text: &str) -> Vec<String> {
    lint(text, &library(), Hints::default())
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule)
        .collect()
}

fn with(extra: &str) -> String {
    format!("{GOOD}\n{extra}")
}

#[test]
fn a_complete_jd_has_no_findings() {
    assert_eq!(rules(GOOD, None), Vec::<String>::new());
}

#[test]
fn missing_partner_catches_a_jd_with_no_named_partner() {
    let text = GOOD.replace("Snowflake", "our key partner");
    assert!(
        errors(&text).contains(&"missing-partner".to_string()),
        "{:?}",
        errors(&text)
    );
    assert!(!rules(GOOD, None).contains(&"missing-partner".to_string()));
    // A partnership phrase with a capitalised name counts.
    let named = GOOD.replace("Snowflake", "Harbourline Solutions");
    assert!(!rules(&named, None).contains(&"missing-partner".to_string()));
}

#[test]
fn missing_pipeline_target_needs_an_amount_in_a_pipeline_sentence() {
    let text = GOOD.replace("$4M of joint pipeline", "a lot of joint pipeline");
    assert!(errors(&text).contains(&"missing-pipeline-target".to_string()));
    let code = GOOD.replace("$4M", "4.5M EUR");
    assert!(!rules(&code, None).contains(&"missing-pipeline-target".to_string()));
}

#[test]
fn missing_cadence_needs_a_named_rhythm() {
    let text = GOOD.replace("- Monthly joint pipeline review with written dispositions.\n- Weekly deal pairing between Snowflake's account executives and ours.\n", "");
    assert!(
        errors(&text).contains(&"missing-cadence".to_string()),
        "{:?}",
        errors(&text)
    );
    let quarterly = text.clone() + "\nRun the quarterly executive sponsor meeting.";
    assert!(!rules(&quarterly, None).contains(&"missing-cadence".to_string()));
}

#[test]
fn generic_mandate_fails_a_jd_with_no_motion() {
    let generic = "We are looking for an alliance manager to manage strategic alliances and build the partner program. You will grow revenue with partners.";
    let e = errors(generic);
    for rule in [
        "generic-mandate",
        "missing-partner",
        "missing-pipeline-target",
        "missing-cadence",
    ] {
        assert!(e.contains(&rule.to_string()), "{rule} not in {e:?}");
    }
    // With the motion attached, the phrase is only a warning.
    let f = lint(
        &with("You will also manage strategic alliances."),
        &library(),
        Hints::default(),
    );
    let generic = f.iter().find(|f| f.rule == "generic-mandate").unwrap();
    assert_eq!(generic.severity, Severity::Warning);
    assert_eq!(
        generic.excerpt.as_deref(),
        Some("You will also manage strategic alliances.")
    );
}

#[test]
fn mixed_sub_roles_catches_two_scopes_in_one_jd() {
    let mixed = with("You will coordinate deal-by-deal with field teams and own C-suite relationships with our flagship partners.");
    assert!(errors(&mixed).contains(&"mixed-sub-roles".to_string()));
    let one = with("You will coordinate deal-by-deal with field teams.");
    assert!(!rules(&one, None).contains(&"mixed-sub-roles".to_string()));
}

#[test]
fn span_exceeds_ratio_catches_ten_partners_for_a_strategic_alliance_lead() {
    let text = with("As our strategic alliance lead you will manage ten strategic partners.");
    assert!(
        errors(&text).contains(&"span-exceeds-ratio".to_string()),
        "{:?}",
        errors(&text)
    );
    let fits =
        with("As our strategic alliance lead you will run a portfolio of 3-7 named partners.");
    assert!(
        !rules(&fits, None).contains(&"span-exceeds-ratio".to_string()),
        "{:?}",
        rules(&fits, None)
    );
    // Declared sub-role limits apply: co-sell ops covers at most two partners.
    let cso = with("You will cover 4 partners.");
    assert!(rules(&cso, Some((SubRole::CoSellOps, Level::Mid)))
        .contains(&"span-exceeds-ratio".to_string()));
    let accounts = with("You will coordinate 350 named accounts.");
    assert!(rules(&accounts, Some((SubRole::CoSellOps, Level::Mid)))
        .contains(&"span-exceeds-ratio".to_string()));
}

#[test]
fn marketing_reporting_line_catches_a_co_sell_role_in_marketing() {
    let text = GOOD.replace("Reports to the VP Sales", "Reports to the VP Marketing");
    assert!(errors(&text).contains(&"marketing-reporting-line".to_string()));
    let reporting_on_marketing =
        with("You will report on co-marketing campaign results to the team.");
    assert!(!rules(&reporting_on_marketing, None).contains(&"marketing-reporting-line".to_string()));
    let co_marketing = text + "\nThis partnership is a co-marketing motion.";
    assert!(!rules(&co_marketing, None).contains(&"marketing-reporting-line".to_string()));
}

#[test]
fn sentiment_comp_catches_pay_on_partner_satisfaction() {
    let text = GOOD.replace(
        "Variable pay is paid on partner-sourced revenue",
        "Variable pay is tied to partner satisfaction scores",
    );
    assert!(errors(&text).contains(&"sentiment-comp".to_string()));
    let separate = with("Partner satisfaction matters to us.");
    assert!(!rules(&separate, None).contains(&"sentiment-comp".to_string()));
}

#[test]
fn level_sub_role_mismatch_warns_on_a_junior_director() {
    let f = lint(
        GOOD,
        &library(),
        Hints {
            sub_role: Some(SubRole::GlobalAllianceDirector),
            level: Some(Level::Junior),
        },
    );
    let w = f
        .iter()
        .find(|f| f.rule == "level-sub-role-mismatch")
        .expect("mismatch found");
    assert_eq!(w.severity, Severity::Warning);
    assert!(
        !rules(GOOD, Some((SubRole::GlobalAllianceDirector, Level::Senior)))
            .contains(&"level-sub-role-mismatch".to_string())
    );
    // A pasted JD's own title and level are read.
    let pasted = GOOD.replace("# Partner manager: ", "# ")
        + "\nWe are hiring a junior global alliance director.";
    assert!(rules(&pasted, None).contains(&"level-sub-role-mismatch".to_string()));
}

#[test]
fn relationship_only_catches_a_jd_without_deal_work() {
    let text = "Build relationships and rapport with our partner Snowflake. Be a trusted advisor every quarterly executive review.";
    assert!(errors(text).contains(&"relationship-only".to_string()));
    assert!(
        !rules(GOOD, None).contains(&"relationship-only".to_string()),
        "GOOD mixes relationship and deal work"
    );
}

#[test]
fn exclusive_language_suggests_a_neutral_word() {
    let f = lint(
        &with("We want a partnerships rockstar and a young, hungry ninja."),
        &library(),
        Hints::default(),
    );
    let words: Vec<_> = f
        .iter()
        .filter(|f| f.rule == "exclusive-language")
        .collect();
    assert_eq!(words.len(), 3, "{words:?}");
    assert!(words
        .iter()
        .all(|w| w.severity == Severity::Warning && w.excerpt.is_some()));
    assert!(words
        .iter()
        .any(|w| w.suggestion.contains("highly skilled")));
    // Words inside other words are left alone.
    assert!(
        !rules(&with("We use Youngstown data and Ninjatrader."), None)
            .contains(&"exclusive-language".to_string())
    );
}

#[test]
fn find_word_respects_word_boundaries() {
    assert_eq!(find_word("the ninja way", "ninja"), Some(4));
    assert_eq!(find_word("ninjatrader", "ninja"), None);
    assert_eq!(find_word("sap and saps", "sap"), Some(0));
}
