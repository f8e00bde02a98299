//! The estimate of a count: UCDP-style low / best / high and an ACLED-style floor, each
//! explained.

use super::{Estimate, Value};
use crate::model::Hedge;

/// UCDP-style low / best / high and an ACLED-style floor over the latest figure of each
/// origin; vague quantities are left out.
pub fn estimate(values: &[Value]) -> Option<Estimate> {
    // One figure per origin: its latest (values are in publication order).
    let mut included: Vec<&Value> = Vec::new();
    for v in values
        .iter()
        .filter(|v| !v.superseded && !matches!(v.hedge, Hedge::Vague | Hedge::Negated))
    {
        match included.iter().position(|x| x.origin == v.origin) {
            Some(i) => included[i] = v,
            None => included.push(v),
        }
    }
    if included.is_empty() {
        return None;
    }
    let point = |v: &Value| -> u64 {
        let (l, h) = (v.low.unwrap_or(0.0), v.high);
        match v.hedge {
            Hedge::AtMost => h.unwrap_or(l),
            Hedge::Range => (l + h.unwrap_or(l)) / 2.0,
            Hedge::About => (l + h.unwrap_or(l)) / 2.0,
            _ => l,
        }
        .round() as u64
    };
    let mut points: Vec<(u64, &Value)> = included.iter().map(|v| (point(v), *v)).collect();
    points.sort_by_key(|(p, v)| (*p, v.report.clone()));
    let low = points.first().map_or(0, |p| p.0);
    let high = points.last().map_or(0, |p| p.0);
    let best = points[(points.len() - 1) / 2].0;
    let listed: Vec<String> = points
        .iter()
        .map(|(p, v)| format!("{p} ({})", v.attribution))
        .collect();
    let superseded: Vec<String> = values
        .iter()
        .filter(|v| v.superseded)
        .map(|v| format!("{} ({}, revised later)", v.value, v.attribution))
        .collect();
    let vague: Vec<String> = values
        .iter()
        .filter(|v| !v.superseded && v.hedge == Hedge::Vague)
        .map(|v| format!("{} ({})", v.value, v.attribution))
        .collect();
    let mut why = format!(
        "latest figure of each origin: {}; low and high are the smallest and largest, best the median, floor the most conservative figure reported",
        listed.join(", ")
    );
    if !superseded.is_empty() {
        why.push_str(&format!(
            "; left out as superseded by the same origin: {}",
            superseded.join(", ")
        ));
    }
    if !vague.is_empty() {
        why.push_str(&format!("; left out as vague: {}", vague.join(", ")));
    }
    Some(Estimate {
        low,
        best,
        high,
        floor: low,
        why,
    })
}
