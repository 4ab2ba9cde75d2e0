//! The ids of stored records: a requisition, a candidate, an interview (an
//! assignment of one person to one round for one candidate) and an
//! account. Each is its own type, so a candidate's id stored where a
//! requisition's belongs does not compile. On the wire and in the
//! database each is the plain string it wraps (32 hex digits for the ones
//! this server makes).
//!
//! The database functions (`db/`), the access checks (`access.rs`) and the
//! service layer take these types, not `&str`, so two ids passed in the
//! wrong order do not compile. The text of a URL or a form becomes one of
//! them once, where it enters: a server function wraps its argument
//! (`RequisitionId::from(id)`), a JSON route reads it from the path as the
//! type. The pages' wire types keep plain strings.
//!
//! Each reads as `&str` (`Deref`), so it goes into a query, a link or a
//! comparison with text as it is.

use serde::{Deserialize, Serialize};

macro_rules! record_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_string())
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        // Read and written as the text column it is stored in.
        #[cfg(feature = "ssr")]
        impl sqlx::Type<sqlx::Any> for $name {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <String as sqlx::Type<sqlx::Any>>::type_info()
            }

            fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
                <String as sqlx::Type<sqlx::Any>>::compatible(ty)
            }
        }

        #[cfg(feature = "ssr")]
        impl<'q> sqlx::Encode<'q, sqlx::Any> for $name {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <String as sqlx::Encode<'q, sqlx::Any>>::encode_by_ref(&self.0, buf)
            }
        }

        #[cfg(feature = "ssr")]
        impl<'r> sqlx::Decode<'r, sqlx::Any> for $name {
            fn decode(
                value: <sqlx::Any as sqlx::Database>::ValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                <String as sqlx::Decode<'r, sqlx::Any>>::decode(value).map(Self)
            }
        }
    };
}

record_id!(
    /// A requisition's id.
    RequisitionId
);
record_id!(
    /// A candidate's id: one application to one requisition.
    CandidateId
);
record_id!(
    /// An interview's id: one person's seat on one round for one candidate.
    AssignmentId
);
record_id!(
    /// An account's id.
    UserId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_its_text_on_the_wire_and_in_comparisons() {
        let id = RequisitionId::from("0f3a");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"0f3a\"");
        let back: RequisitionId = serde_json::from_str("\"0f3a\"").unwrap();
        assert_eq!(back, id);
        assert_eq!(id, "0f3a");
        assert_eq!(format!("/requisitions/{id}"), "/requisitions/0f3a");
        assert!(id.starts_with("0f"));
    }
}
