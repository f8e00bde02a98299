//! How a claim reads in a few words — its value, who said it — as `Display` on the model
//! types: the comparison, the interface, the CLI and the exports all say it the same way.

use std::fmt;

use super::{Attribution, Claim, Detail, ResponsibilityStatus, SourceKind};

/// A claim's value in a few words ("35+ security_forces killed", "200 km southeast of
/// Cairo"): `claim.value()`.
pub struct ClaimValue<'a>(&'a Claim);

impl Claim {
    /// The claim's value, to display.
    pub fn value(&self) -> ClaimValue<'_> {
        ClaimValue(self)
    }
}

impl fmt::Display for ClaimValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&value_text(self.0))
    }
}

/// Who the report says said it, in a few words: "the report" when it names no source,
/// else the source and whom it cites ("the Associated Press citing security officials").
impl fmt::Display for Attribution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == SourceKind::TheReport {
            return f.write_str("the report");
        }
        f.write_str(&self.text)?;
        for cited in &self.chain {
            write!(f, " citing {}", cited.text)?;
        }
        Ok(())
    }
}

/// A count in a few characters: "3", "3-9", "35+".
pub fn count_text(low: u64, high: Option<u64>) -> String {
    match high {
        Some(h) if h == low => low.to_string(),
        Some(h) => format!("{low}-{h}"),
        None => format!("{low}+"),
    }
}

/// The claim's value in a few words ("35+ security_forces killed", "200 km southeast of Cairo").
fn value_text(claim: &Claim) -> String {
    match &claim.detail {
        Detail::Casualty {
            who,
            outcome,
            count,
            parts,
            ..
        } => {
            let n = count_text(count.low, count.high);
            let mut s = format!("{n} {} {}", who.group, snake(outcome));
            if !parts.is_empty() {
                let p: Vec<String> = parts
                    .iter()
                    .map(|p| format!("{} {}", p.count.low, p.who.text))
                    .collect();
                s.push_str(&format!(" ({})", p.join(" + ")));
            }
            if count.reversed {
                s.push_str(" [range written high to low]");
            }
            s
        }
        Detail::Location {
            place,
            distance,
            direction,
            from,
        } => {
            let mut parts = Vec::new();
            if let Some(d) = distance {
                parts.push(distance_text(d, claim.hedge));
            }
            if let Some(d) = direction {
                parts.push(d.clone());
            }
            if let Some(f) = from {
                // "300 km southwest of Cairo", "200 km from Cairo", "south of the capital".
                parts.push(format!(
                    "{} {f}",
                    if direction.is_some() { "of" } else { "from" }
                ));
            }
            if let Some(p) = place {
                parts.push(p.clone());
            }
            parts.join(" ")
        }
        // A day the text gives no anchor for: its words, marked so.
        Detail::Time { date } => date
            .clone()
            .unwrap_or_else(|| format!("{} (undated)", claim.text)),
        Detail::Actor { actor, .. } => actor.clone(),
        Detail::Responsibility { actor, status } => match (status, actor) {
            (ResponsibilityStatus::Claimed, Some(a)) => format!("claimed by {a}"),
            (ResponsibilityStatus::Claimed, None) => "claimed".to_string(),
            (ResponsibilityStatus::NotClaimed, _) => "not claimed".to_string(),
            (ResponsibilityStatus::Denied, Some(a)) => format!("denied by {a}"),
            (ResponsibilityStatus::Denied, None) => "denied".to_string(),
            (ResponsibilityStatus::CalledFalse, Some(a)) => format!("claim by {a} called false"),
            (ResponsibilityStatus::CalledFalse, None) => "a claim called false".to_string(),
            (status, Some(a)) => format!("{a} {}", snake(status)),
            (status, None) => snake(status),
        },
        Detail::Means { means } => means.clone(),
        Detail::Statement => String::new(),
    }
}

/// A distance as the report gives it, hedge and unit kept, in kilometres too when written
/// in another unit: "less than 200 km", "about 80 miles (128.7 km)".
fn distance_text(d: &super::Distance, hedge: super::Hedge) -> String {
    use super::Hedge;
    let qualifier = match d.qualifier.as_deref() {
        Some("less_than") => "less than ",
        Some("more_than") => "more than ",
        Some("about") => "about ",
        Some(_) | None => match hedge {
            Hedge::About => "about ",
            Hedge::AtMost => "at most ",
            Hedge::AtLeast => "at least ",
            _ => "",
        },
    };
    let number = |x: f64| {
        if x.fract() == 0.0 {
            format!("{x:.0}")
        } else {
            format!("{x}")
        }
    };
    let unit = d.unit.to_lowercase();
    if unit.is_empty() || unit.starts_with("km") || unit.starts_with("kilomet") {
        format!("{qualifier}{} km", number(d.km))
    } else {
        format!(
            "{qualifier}{} {} ({} km)",
            number(d.value),
            d.unit,
            number(d.km)
        )
    }
}

/// The snake_case name serde gives a unit variant.
pub fn snake<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// One line describing a claim: kind, value, hedge, source, incident, words. Sanitised.
pub fn describe(claim: &Claim) -> String {
    let value = claim.value().to_string();
    let source = claim.attribution.to_string();
    crate::text::sanitize(&format!(
        "{:<14} {:<40} {:<9} {:<30} [{}] “{}”",
        claim.kind().id(),
        value,
        snake(&claim.hedge),
        source,
        claim.incident,
        claim.text
    ))
    .into_owned()
}
