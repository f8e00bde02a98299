//! The scales an analyst grades with: a verdict on a claim, the Admiralty (NATO) scales for
//! information credibility (1–6) and source reliability (A–F), and the status of a conflict.
//! Each has a stable id for files and the command line, and a label for the screen.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! scale {
    ($(#[$doc:meta])* $name:ident, $what:literal { $($(#[$vdoc:meta])* $variant:ident = $id:literal, $label:literal;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// Its id in files and on the command line.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id,)* }
            }

            /// What it means, in words.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)* }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.id())
            }
        }

        // Written as their ids ("B", "3", "extraction-error"), the same as on the command line.
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }

        impl FromStr for $name {
            type Err = String;

            /// Accepts the id, case-insensitively, with `-`, `_` or a space between words.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.id().to_ascii_lowercase().replace(['-', ' '], "_") == wanted)
                    .ok_or_else(|| {
                        let ids: Vec<&str> = $name::ALL.iter().map(|v| v.id()).collect();
                        format!("{s:?} is not a {}; use one of: {}", $what, ids.join(", "))
                    })
            }
        }
    };
}

scale! {
    /// The analyst's verdict on a claim.
    Verdict, "verdict" {
        /// Not looked at yet.
        Unreviewed = "unreviewed", "not reviewed yet";
        /// The analyst holds it true.
        Confirmed = "confirmed", "confirmed";
        /// Other evidence speaks against it.
        Disputed = "disputed", "disputed";
        /// The analyst holds it false.
        False = "false", "false";
        /// The report does not say this: crosscheck misread the text. Left out of comparisons.
        ExtractionError = "extraction-error", "extraction error (not what the text says)";
        /// Cannot be decided yet.
        Uncertain = "uncertain", "uncertain";
    }
}

scale! {
    /// Information credibility, graded separately from the source (Admiralty scale, 1–6).
    Credibility, "credibility grade (1-6)" {
        /// Confirmed by other, independent sources.
        Confirmed = "1", "confirmed by other sources";
        /// Probably true.
        Probable = "2", "probably true";
        /// Possibly true.
        Possible = "3", "possibly true";
        /// Doubtful.
        Doubtful = "4", "doubtful";
        /// Improbable.
        Improbable = "5", "improbable";
        /// Truth cannot be judged.
        Unknown = "6", "truth cannot be judged";
    }
}

scale! {
    /// Source reliability (Admiralty scale, A–F).
    Reliability, "reliability grade (A-F)" {
        /// Completely reliable.
        A = "A", "completely reliable";
        /// Usually reliable.
        B = "B", "usually reliable";
        /// Fairly reliable.
        C = "C", "fairly reliable";
        /// Not usually reliable.
        D = "D", "not usually reliable";
        /// Unreliable.
        E = "E", "unreliable";
        /// Reliability cannot be judged.
        F = "F", "reliability cannot be judged";
    }
}

scale! {
    /// Where the analyst stands on a conflict the comparison found.
    ConflictStatus, "conflict status" {
        /// Not resolved.
        Open = "open", "open";
        /// The conflict is real.
        Confirmed = "confirmed", "confirmed";
        /// Not a real conflict (different things compared, a misreading).
        Dismissed = "dismissed", "dismissed";
        /// Being looked into.
        Investigating = "investigating", "investigating";
    }
}

impl Credibility {
    /// The grade as its number, 1–6.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The grade numbered `n` (1–6).
    pub fn from_number(n: u8) -> Option<Credibility> {
        Credibility::ALL
            .get(usize::from(n).checked_sub(1)?)
            .copied()
    }
}

impl Reliability {
    /// Parse a letter case-insensitively: analysts type "b" as often as "B".
    pub fn from_letter(c: char) -> Option<Reliability> {
        Reliability::ALL
            .iter()
            .copied()
            .find(|r| r.id().eq_ignore_ascii_case(&c.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_back_whatever_the_spelling() {
        for v in Verdict::ALL {
            assert_eq!(v.id().parse::<Verdict>(), Ok(*v));
        }
        assert_eq!("Extraction Error".parse(), Ok(Verdict::ExtractionError));
        assert_eq!("extraction_error".parse(), Ok(Verdict::ExtractionError));
        assert_eq!("b".parse(), Ok(Reliability::B));
        assert_eq!("3".parse(), Ok(Credibility::Possible));
        let err = "maybe".parse::<Verdict>().unwrap_err();
        assert!(err.contains("confirmed, disputed"), "{err}");
    }

    #[test]
    fn credibility_numbers() {
        assert_eq!(Credibility::from_number(1), Some(Credibility::Confirmed));
        assert_eq!(
            Credibility::from_number(6).map(Credibility::number),
            Some(6)
        );
        assert_eq!(Credibility::from_number(0), None);
        assert_eq!(Credibility::from_number(7), None);
        assert_eq!(Reliability::from_letter('f'), Some(Reliability::F));
        assert_eq!(Reliability::from_letter('g'), None);
    }
}
