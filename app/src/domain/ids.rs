//! The closed vocabularies of the product: sub-roles, levels and partner types.
//! Their ids are part of the public interface (URLs, API, YAML), so they are
//! spelled once here and parsed at every boundary.

use serde::{Deserialize, Serialize};

/// One of the four operating profiles inside the alliance-manager title.
/// A job description and a kit are always about exactly one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum SubRole {
    CoSellOps,
    PartnerManager,
    StrategicAllianceLead,
    GlobalAllianceDirector,
}

impl SubRole {
    pub const ALL: [SubRole; 4] = [
        SubRole::CoSellOps,
        SubRole::PartnerManager,
        SubRole::StrategicAllianceLead,
        SubRole::GlobalAllianceDirector,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SubRole::CoSellOps => "co-sell-ops",
            SubRole::PartnerManager => "partner-manager",
            SubRole::StrategicAllianceLead => "strategic-alliance-lead",
            SubRole::GlobalAllianceDirector => "global-alliance-director",
        }
    }
}

/// The experience level a kit is calibrated to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Junior,
    Mid,
    Senior,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Junior, Level::Mid, Level::Senior];

    pub fn id(self) -> &'static str {
        match self {
            Level::Junior => "junior",
            Level::Mid => "mid",
            Level::Senior => "senior",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Level::Junior => "Junior",
            Level::Mid => "Mid",
            Level::Senior => "Senior",
        }
    }
}

/// The kinds of partner an alliance can be with: `channel` (resell,
/// distribute, refer), `strategic` (strategic alliance), `technology`
/// (technology integration / ISV), `si` (systems integrator) or
/// `marketplace`. The role-play scenario and the JD name one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum PartnerType {
    Channel,
    Strategic,
    Technology,
    Si,
    Marketplace,
}

impl PartnerType {
    pub const ALL: [PartnerType; 5] = [
        PartnerType::Channel,
        PartnerType::Strategic,
        PartnerType::Technology,
        PartnerType::Si,
        PartnerType::Marketplace,
    ];

    pub fn id(self) -> &'static str {
        match self {
            PartnerType::Channel => "channel",
            PartnerType::Strategic => "strategic",
            PartnerType::Technology => "technology",
            PartnerType::Si => "si",
            PartnerType::Marketplace => "marketplace",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            PartnerType::Channel => "Channel (resell, distribute, refer)",
            PartnerType::Strategic => "Strategic alliance",
            PartnerType::Technology => "Technology integration / ISV",
            PartnerType::Si => "Systems integrator",
            PartnerType::Marketplace => "Marketplace",
        }
    }
}

/// An id that is not one of the valid values; the message lists them so the
/// caller can correct the request without reading the docs.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{given}`; valid values: {}", valid.join(", "))]
pub struct UnknownId {
    pub kind: &'static str,
    pub given: String,
    pub valid: Vec<&'static str>,
}

macro_rules! id_enum_impls {
    ($ty:ty, $kind:literal) => {
        impl ::std::str::FromStr for $ty {
            type Err = $crate::domain::ids::UnknownId;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$ty>::ALL.into_iter().find(|v| v.id() == s).ok_or_else(|| {
                    $crate::domain::ids::UnknownId {
                        kind: $kind,
                        given: s.to_string(),
                        valid: <$ty>::ALL.iter().map(|v| v.id()).collect(),
                    }
                })
            }
        }
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}

// Other closed vocabularies (roles) share these impls.
pub(crate) use id_enum_impls;

id_enum_impls!(SubRole, "sub-role");
id_enum_impls!(Level, "level");
id_enum_impls!(PartnerType, "partner type");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_round_trips_through_from_str() {
        for s in SubRole::ALL {
            assert_eq!(s.id().parse::<SubRole>(), Ok(s));
        }
        for l in Level::ALL {
            assert_eq!(l.id().parse::<Level>(), Ok(l));
        }
        for p in PartnerType::ALL {
            assert_eq!(p.id().parse::<PartnerType>(), Ok(p));
        }
    }

    #[test]
    fn serde_spelling_matches_the_public_ids() {
        for s in SubRole::ALL {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.id())
            );
        }
        for l in Level::ALL {
            assert_eq!(
                serde_json::to_string(&l).unwrap(),
                format!("\"{}\"", l.id())
            );
        }
    }

    #[test]
    fn unknown_id_names_the_valid_ones() {
        let err = "vp-partnerships".parse::<SubRole>().unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("vp-partnerships"), "{msg}");
        assert!(
            msg.contains(
                "co-sell-ops, partner-manager, strategic-alliance-lead, global-alliance-director"
            ),
            "{msg}"
        );
    }
}
