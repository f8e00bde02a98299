//! Which fields of a matched claim or source agree with the gold.

use super::GoldClaim;
use crate::model::{Attribution, Claim, Detail};

pub(super) fn claim_checks(g: &GoldClaim, c: &Claim) -> Vec<(&'static str, bool)> {
    let mut checks = Vec::new();
    let mut check = |name: &'static str, ok: Option<bool>| {
        if let Some(ok) = ok {
            checks.push((name, ok));
        }
    };
    check("incident", g.incident.as_ref().map(|i| *i == c.incident));
    check(
        "attribution",
        g.attribution.map(|a| a == c.attribution.kind),
    );
    check("hedge", g.hedge.map(|h| h == c.hedge));
    match &c.detail {
        Detail::Casualty {
            who,
            outcome,
            count,
            parts,
            ..
        } => {
            check("who", g.group.as_ref().map(|x| *x == who.group));
            check("outcome", g.outcome.map(|o| o == *outcome));
            let high = if g.open { Some(None) } else { g.high.map(Some) };
            check(
                "count",
                (g.low.is_some() || high.is_some()).then(|| {
                    g.low.is_none_or(|l| l == count.low) && high.is_none_or(|h| h == count.high)
                }),
            );
            check(
                "parts",
                g.parts
                    .as_ref()
                    .map(|p| *p == parts.iter().map(|x| x.count.low).collect::<Vec<_>>()),
            );
        }
        Detail::Location {
            distance,
            direction,
            from,
            ..
        } => {
            check(
                "distance",
                g.km.map(|km| distance.as_ref().is_some_and(|d| (d.km - km).abs() < 0.5)),
            );
            check(
                "direction",
                g.direction.as_ref().map(|d| direction.as_ref() == Some(d)),
            );
            check("from", g.from.as_ref().map(|f| from.as_ref() == Some(f)));
        }
        Detail::Time { date } => check("date", g.date.as_ref().map(|d| date.as_ref() == Some(d))),
        Detail::Actor { actor, role, .. } => {
            check("actor", g.actor.as_ref().map(|a| same_name(a, actor)));
            check("role", g.role.map(|r| Some(r) == *role));
        }
        Detail::Responsibility { actor, status } => {
            check("status", g.status.map(|s| s == *status));
            check(
                "actor",
                g.actor
                    .as_ref()
                    .map(|a| actor.as_ref().is_some_and(|x| same_name(a, x))),
            );
        }
        Detail::Means { means } => check("means", g.means.as_ref().map(|m| m == means)),
        Detail::Statement => {}
    }
    checks
}

/// The fields of a source: who it is, its sort, whom it cites.
pub(super) fn source_checks(g: &GoldClaim, a: &Attribution) -> Vec<(&'static str, bool)> {
    let mut checks = Vec::new();
    if let Some(source) = &g.source {
        checks.push(("source", same_name(source, a.who())));
    }
    if let Some(kind) = g.attribution {
        checks.push(("attribution", kind == a.kind));
    }
    if let Some(chain) = &g.chain {
        let ok = chain.len() == a.chain.len()
            && chain
                .iter()
                .zip(&a.chain)
                .all(|(g, c)| same_name(g, c.who()));
        checks.push(("chain", ok));
    }
    checks
}

/// A name's words, lower-cased, without a leading article or a trailing possessive.
fn name_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        // Initials are often left out ("Richard S. Biehl" is Richard Biehl).
        .filter(|w| w.chars().count() > 1)
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_end_matches(['\'', '’'])
                .to_lowercase()
        })
        .collect();
    if words.first().is_some_and(|w| w == "the") {
        words.remove(0);
    }
    words
}

/// Two names of one actor or source: the same words, or one name's words ending the other's
/// ("Capaldi" and "Peter Capaldi", "police" and "Dayton police"), as an analyst reads a
/// shortened name in an article that introduced the full one.
pub(super) fn same_name(gold: &str, found: &str) -> bool {
    let (g, f) = (name_words(gold), name_words(found));
    if g.is_empty() || f.is_empty() {
        return g == f;
    }
    let (short, long) = if g.len() <= f.len() {
        (&g, &f)
    } else {
        (&f, &g)
    };
    long.ends_with(short) || long.starts_with(short)
}

#[cfg(test)]
mod tests {
    use super::same_name;

    #[test]
    fn names_match_in_full_or_shortened() {
        assert!(same_name("Peter Capaldi", "Capaldi"));
        assert!(same_name("the Indian navy", "Indian Navy"));
        assert!(same_name(
            "Pasco County Sheriff's Office",
            "the Pasco County Sheriff’s Office"
        ));
        assert!(!same_name("Chela Ortiz", "Jerry Ortiz"));
        assert!(!same_name("police", "Stan Perlo"));
    }
}
