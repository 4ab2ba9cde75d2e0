//! The phrase tables the lint rules read. Extend a rule by adding a phrase
//! here; every phrase is matched case-insensitively on word boundaries.

use crate::domain::SubRole;

/// Mandates with no motion attached (seed 000's failing pattern).
pub const GENERIC_MANDATES: &[&str] = &[
    "build the partner program",
    "build our partner program",
    "build out the partner program",
    "build out our partner program",
    "build a partner program",
    "manage strategic alliances",
    "manage our strategic alliances",
    "manage strategic partnerships",
    "manage our strategic partnerships",
    "manage partner relationships",
    "own the partner ecosystem",
    "drive partnerships",
    "grow our ecosystem",
];

/// Phrases that tie a JD to one sub-role's scope. A JD that asks for the
/// scope of two sub-roles describes a person who does not exist.
pub const SUB_ROLE_SIGNALS: &[(SubRole, &[&str])] = &[
    (
        SubRole::CoSellOps,
        &[
            "co-sell ops",
            "co-sell operations",
            "deal-by-deal",
            "deal by deal",
            "field-level coordination",
        ],
    ),
    (
        SubRole::PartnerManager,
        &["single partner", "one named partner", "single-partner"],
    ),
    (
        SubRole::StrategicAllianceLead,
        &[
            "strategic alliance lead",
            "portfolio of partners",
            "portfolio of named partners",
            "portfolio of strategic partners",
            "multiple strategic partners",
            "several strategic partners",
        ],
    ),
    (
        SubRole::GlobalAllianceDirector,
        &[
            "global alliance director",
            "flagship partner",
            "flagship partners",
            "c-suite relationships",
            "c-level relationships",
        ],
    ),
];

/// Titles that say which sub-role a pasted JD is for.
pub const SUB_ROLE_TITLES: &[(SubRole, &[&str])] = &[
    (
        SubRole::CoSellOps,
        &[
            "co-sell ops alliance manager",
            "co-sell alliance manager",
            "co-sell ops",
        ],
    ),
    (SubRole::PartnerManager, &["partner manager"]),
    (SubRole::StrategicAllianceLead, &["strategic alliance lead"]),
    (
        SubRole::GlobalAllianceDirector,
        &["global alliance director"],
    ),
];

/// Partners a JD may name without a "partnership with" phrase.
pub const KNOWN_PARTNERS: &[&str] = &[
    "salesforce",
    "servicenow",
    "aws",
    "amazon web services",
    "sap",
    "microsoft",
    "azure",
    "google cloud",
    "oracle",
    "snowflake",
    "databricks",
    "hubspot",
    "workday",
    "adobe",
    "atlassian",
    "shopify",
    "ibm",
    "accenture",
    "deloitte",
    "cisco",
    "okta",
    "zendesk",
    "stripe",
    "twilio",
    "mongodb",
];

/// Words after "partnership with" that are not a partner's name.
pub const NOT_A_NAME: &[&str] = &[
    "our",
    "the",
    "a",
    "an",
    "key",
    "strategic",
    "major",
    "leading",
    "top",
    "various",
    "multiple",
    "several",
    "new",
    "existing",
    "partners",
    "partner",
    "technology",
    "channel",
];

pub const RELATIONSHIP_WORDS: &[&str] = &[
    "relationship",
    "relationships",
    "rapport",
    "trusted advisor",
    "nurture",
    "evangelize",
    "evangelise",
    "champion",
];
pub const DEAL_WORDS: &[&str] = &[
    "pipeline",
    "deal",
    "deals",
    "opportunity",
    "opportunities",
    "registration",
    "registrations",
    "revenue",
    "quota",
    "closed-won",
    "bookings",
];

pub const COMP_WORDS: &[&str] = &[
    "variable",
    "bonus",
    "commission",
    "incentive",
    "ote",
    "compensation",
    "comp plan",
    "paid on",
    "paid for",
];
pub const SENTIMENT_WORDS: &[&str] = &[
    "satisfaction",
    "sentiment",
    "nps",
    "net promoter",
    "relationship health",
    "happiness",
    "engagement score",
    "partner feedback",
];

/// Wording that puts people off applying for reasons unrelated to the job,
/// with a neutral replacement.
pub const EXCLUSIVE_WORDS: &[(&str, &str)] = &[
    ("rockstar", "highly skilled"),
    ("rock star", "highly skilled"),
    ("ninja", "expert"),
    ("guru", "expert"),
    ("superstar", "strong performer"),
    ("wizard", "expert"),
    ("salesman", "salesperson"),
    ("salesmen", "salespeople"),
    ("chairman", "chair"),
    ("manpower", "staffing"),
    ("he or she", "they"),
    ("he/she", "they"),
    ("his or her", "their"),
    ("guys", "everyone"),
    ("digital native", "comfortable with digital tools"),
    ("young", "(drop the age reference and describe the skill)"),
    (
        "youthful",
        "(drop the age reference and describe the skill)",
    ),
    ("recent graduate", "early-career"),
    ("native english speaker", "fluent in English"),
    (
        "work hard, play hard",
        "(describe the real working pattern)",
    ),
    (
        "able-bodied",
        "(describe the physical requirement, if there is one)",
    ),
    ("culture fit", "shares the team's working values"),
    ("aggressive", "driven"),
    ("dominate", "lead"),
];

pub fn number_word(word: &str) -> Option<u32> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    WORDS.iter().position(|w| *w == word).map(|i| i as u32)
}
