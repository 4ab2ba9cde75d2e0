//! Writing the job description from the operating outcome and the rubric
//! library. The JD names the partner, the 12-month pipeline target and the
//! cadence before anything else, as the hires that work were briefed.

use super::outcome::{format_money, Cadence, Outcome};
use crate::domain::{Level, Library, PartnerType, SubRole};
use std::fmt::Write;

/// Escapes text a user typed so it reads literally in Markdown (a partner
/// called `<b>` stays text; the HTML is sanitised as well).
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_{}[]()<>#+!|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn partner_type_phrase(t: PartnerType) -> &'static str {
    match t {
        PartnerType::Channel => "channel partner (resell, distribute and refer, with deal registration)",
        PartnerType::Strategic => "strategic alliance partner (joint strategy and go-to-market)",
        PartnerType::Technology => "technology integration partner (a joint product through APIs and platform fit)",
        PartnerType::Si => "systems integrator partner (joint delivery and services-led deals)",
        PartnerType::Marketplace => "marketplace alliance partner (joint deals transacted through the partner's marketplace)",
    }
}

fn cadence_line(c: Cadence, partner: &str) -> String {
    match c {
        Cadence::MonthlyJointPipelineReview => format!(
            "**Monthly joint pipeline review** with {partner}: named accounts, open opportunities and blockers, each closed with a written disposition that both teams work from."
        ),
        Cadence::QuarterlyExecutiveSponsor => "**Quarterly executive sponsor meeting** with both leadership teams, for which you write the one-page partnership health summary the sponsors read beforehand.".to_string(),
        Cadence::WeeklyDealPairing => format!("**Weekly deal pairing**: you match {partner}'s account executives with ours on the deals where working together changes the outcome."),
        Cadence::BiweeklyDealPairing => format!("**Biweekly deal pairing**: every two weeks you match {partner}'s account executives with ours on the deals where working together changes the outcome."),
    }
}

/// The JD in Markdown; `None` only if the library lacks the sub-role.
pub fn generate(outcome: &Outcome, library: &Library) -> Option<String> {
    let kit = library.kit(outcome.sub_role, outcome.level)?;
    let profile = &kit.profile;
    let partner = escape_markdown(&outcome.partner_name);
    let company = outcome
        .company
        .as_deref()
        .map(escape_markdown)
        .unwrap_or_else(|| "We".to_string());
    let possessive = if outcome.company.is_some() {
        "its"
    } else {
        "our"
    };
    let target = format_money(outcome.pipeline_amount, &outcome.pipeline_currency);
    let reporting = outcome
        .reporting_line
        .as_deref()
        .map(escape_markdown)
        .unwrap_or_else(|| profile.reporting_line.clone())
        .trim_end_matches('.')
        .to_string();
    let basis = outcome
        .variable_pay_basis
        .as_deref()
        .map(escape_markdown)
        .unwrap_or_else(|| "partner-sourced or partner-attached revenue".to_string());

    let mut md = String::new();
    let _ = writeln!(md, "# {}: {partner} partnership\n", kit.title);
    let mut meta = vec![format!("Reporting line: {reporting}")];
    if let Some(location) = &outcome.location {
        meta.insert(0, escape_markdown(location));
    }
    if let Some(c) = &outcome.company {
        meta.insert(0, escape_markdown(c));
    }
    let _ = writeln!(md, "*{}*\n", meta.join(" · "));

    let _ = writeln!(md, "## About the role\n");
    let _ = writeln!(
        md,
        "{company} {} hiring a {} to own {possessive} partnership with **{partner}**, a {}. In the first 12 months the role produces **{target}** of joint pipeline with {partner}. The role owns {}.\n",
        if outcome.company.is_some() { "is" } else { "are" },
        profile.title.to_lowercase(),
        partner_type_phrase(outcome.partner_type),
        // The profile's examples of such partners would read as this
        // role's list in a JD that names its own partner.
        lower_first(
            profile
                .owns
                .split(" such as ")
                .next()
                .unwrap_or(&profile.owns)
                .trim_end_matches('.')
        )
    );

    let _ = writeln!(md, "## The outcome\n");
    let _ = writeln!(
        md,
        "- **Partner:** {partner} ({})",
        outcome.partner_type.title()
    );
    let _ = writeln!(
        md,
        "- **Pipeline in 12 months:** {target} of joint pipeline with {partner}"
    );
    let cadence_names: Vec<&str> = outcome.cadences.iter().map(|c| c.label()).collect();
    let _ = writeln!(md, "- **Cadence:** {}", cadence_names.join(", "));
    let mut scope = Vec::new();
    if let Some(n) = outcome.partner_count {
        scope.push(format!(
            "{n} {}",
            if n == 1 { "partner" } else { "partners" }
        ));
    }
    if let Some(n) = outcome.named_accounts {
        scope.push(format!("{n} named accounts"));
    }
    if !scope.is_empty() {
        let _ = writeln!(md, "- **Scope:** {}", scope.join(", "));
    }
    md.push('\n');

    let _ = writeln!(md, "## The cadence you will run\n");
    for c in &outcome.cadences {
        let _ = writeln!(md, "- {}", cadence_line(*c, &partner));
    }
    md.push('\n');

    let _ = writeln!(md, "## How success is measured\n");
    let _ = writeln!(
        md,
        "- Joint pipeline created with {partner} in each quarter (leading indicator)."
    );
    let _ = writeln!(
        md,
        "- Joint pipeline retained from one quarter to the next (leading indicator)."
    );
    let _ = writeln!(md, "- Closed-won partner-attached revenue, against the 12-month pipeline target of {target} (outcome).");
    let _ = writeln!(
        md,
        "- The sub-role's own measure: {}\n",
        profile.success_metric.trim_end_matches('.').to_string() + "."
    );

    let _ = writeln!(md, "## What the role does\n");
    for line in duties(outcome.sub_role, &partner) {
        let _ = writeln!(md, "- {line}");
    }
    let _ = writeln!(md, "\n{}", level_line(outcome.level, &partner));
    if let Some(extra) = &outcome.extra {
        md.push('\n');
        let _ = writeln!(md, "{extra}");
    }
    md.push('\n');

    let _ = writeln!(md, "## What you bring\n");
    let _ = writeln!(
        md,
        "- {}",
        profile.ideal_background.trim_end_matches('.').to_string() + "."
    );
    let _ = writeln!(
        md,
        "- Seniority: {}.",
        lower_first(profile.seniority.trim_end_matches('.'))
    );
    let mut competencies = kit.competencies.clone();
    competencies.sort_by_key(|c| std::cmp::Reverse(c.weight));
    let names: Vec<&str> = competencies
        .iter()
        .filter(|c| c.weight >= 3)
        .map(|c| c.name.as_str())
        .collect();
    if !names.is_empty() {
        let _ = writeln!(
            md,
            "- Strength in what the interviews weigh most for this role: {}.",
            names.join("; ")
        );
    }
    md.push('\n');

    let _ = writeln!(md, "## Compensation\n");
    let _ = writeln!(
        md,
        "On-target earnings of {} (US, 2026 market band), of which {}–{}% is variable. The variable part is paid on {basis}.\n",
        profile.ote.band(),
        profile.variable_pay.min_percent,
        profile.variable_pay.max_percent
    );
    let _ = writeln!(md, "## Tools\n");
    let _ = writeln!(md, "{}.\n", profile.tooling.join(", "));
    let _ = writeln!(md, "## Reporting line\n");
    let _ = writeln!(md, "{reporting}.");
    Some(md)
}

/// What the role does, written for its sub-role's own scope: the JD of a
/// one-partner role never speaks of a portfolio or the whole ecosystem,
/// and a co-sell role never of executive sponsorship it does not hold.
fn duties(sub_role: SubRole, partner: &str) -> Vec<String> {
    match sub_role {
        SubRole::CoSellOps => vec![
            format!("Map the named accounts you share with {partner} and keep the overlap current, so every joint opportunity has an owner on both sides."),
            format!("Pair {partner}'s account executives with ours deal by deal, and register every joint opportunity."),
            "Settle disputes over who owns a deal quickly and in writing, by the rules both sides agreed.".to_string(),
            "Keep the joint pipeline clean in the CRM, with a next step and a date on every deal.".to_string(),
            "Report each quarter on joint deals closed, the deals that slipped, and why.".to_string(),
        ],
        SubRole::PartnerManager => vec![
            format!("Own the joint business plan with {partner} and review it with their partner team every quarter."),
            format!("Build pipeline with {partner} across its whole account base: account mapping, joint prospecting and deal registration."),
            format!("Speak for {partner} inside the company, and win the pricing, product and field attention the partnership needs."),
            "Keep joint pipeline retained from one quarter to the next, and act early when a deal stalls.".to_string(),
            format!("Enable {partner}'s sellers so they can position the joint offer without us in the room."),
        ],
        SubRole::StrategicAllianceLead => vec![
            format!("Run a named portfolio of three to seven partners in one category, with {partner} first among them."),
            "Write a joint plan with each partner, and decide where the portfolio's time and funding go.".to_string(),
            "Attach partner solutions to complex enterprise deals, bringing product, services and legal along.".to_string(),
            "Hold each partner to its commitments through the monthly pipeline review and the quarterly sponsor meeting.".to_string(),
            "Report portfolio-attached pipeline and joint customer outcomes to the sales leadership.".to_string(),
        ],
        SubRole::GlobalAllianceDirector => vec![
            format!("Own the executive relationship with {partner}, a flagship partner, from the sponsors down."),
            "Negotiate the joint investments: market development funds, co-selling commitments and roadmap asks.".to_string(),
            "Run the quarterly executive sponsor cadence and write the one-page health summary the sponsors read.".to_string(),
            "Turn the relationship into joint enterprise pipeline with the field leaders on both sides.".to_string(),
            "Remove the structural blockers the operating team cannot, and bring a proposal when you escalate.".to_string(),
        ],
    }
}

/// How the level changes the same work.
fn level_line(level: Level, partner: &str) -> String {
    match level {
        Level::Junior => "At junior level you run this work with a senior colleague who reviews your plans and your hardest calls.".to_string(),
        Level::Mid => "At mid level you run this work on your own and bring the calls that change the plan to your manager.".to_string(),
        Level::Senior => format!("At senior level you run this work on your own, set the rules others follow, and coach the colleagues who work with {partner}."),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_inject_markdown_or_html() {
        assert_eq!(
            escape_markdown("<script>x</script>"),
            "\\<script\\>x\\</script\\>"
        );
        assert_eq!(
            escape_markdown("[click](javascript:alert(1))"),
            "\\[click\\]\\(javascript:alert\\(1\\)\\)"
        );
        assert_eq!(escape_markdown("AWS"), "AWS");
    }
}
