//! Counts of victims: one slot per group and outcome ("security forces killed"), with
//! the figures as intervals, revisions within an origin superseded, parts that do not add up
//! flagged, and an estimate.

use rustc_hash::FxHashMap;

use crate::compare::context::Context;
use crate::compare::estimate::estimate;
use crate::compare::status::{finish, numeric_status, self_contradictions, supersede};
use crate::compare::{ABOUT, Flag, Slot, Value};
use crate::model::snake;
use crate::model::{Claim, Detail, Hedge};

/// Add the slots to `slots`.
pub fn build(cx: &Context<'_>, slots: &mut Vec<Slot>, flags: &mut Vec<Flag>) {
    // Counts: one slot per group and outcome.
    let mut counts: FxHashMap<String, Vec<(usize, &Claim)>> = FxHashMap::default();
    let mut count_order: Vec<String> = Vec::new();
    for &(r, c) in &cx.about {
        if let Detail::Casualty {
            who,
            outcome,
            count,
            parts,
            ..
        } = &c.detail
        {
            let key = format!("{} {}", who.group.replace('_', " "), snake(outcome));
            if !counts.contains_key(&key) {
                count_order.push(key.clone());
            }
            counts.entry(key).or_default().push((r, c));
            if !parts.is_empty() {
                let sum: u64 = parts.iter().map(|p| p.count.low).sum();
                if sum != count.low {
                    let listed: Vec<String> =
                        parts.iter().map(|p| p.count.low.to_string()).collect();
                    flags.push(Flag {
                        report: cx.corpus.reports[r].id.clone(),
                        claim: c.id.clone(),
                        message: format!(
                            "{} including {}: the parts add up to {sum}, not {}",
                            count.low,
                            listed.join(" + "),
                            count.low
                        ),
                    });
                }
            }
        }
    }
    for key in count_order {
        let mut entries = counts.remove(&key).unwrap_or_default();
        entries.sort_by(|a, b| {
            (cx.when(a.0), a.0, a.1.span[0]).cmp(&(cx.when(b.0), b.0, b.1.span[0]))
        });
        let mut values: Vec<Value> = entries
            .iter()
            .map(|&(r, c)| {
                let Detail::Casualty { count, .. } = &c.detail else {
                    unreachable!("casualty entries only")
                };
                let (low, high) = (count.low as f64, count.high.map(|h| h as f64));
                let (low, high) = if c.hedge == Hedge::About {
                    let band = (low * ABOUT).max(1.0);
                    (low - band, high.map(|h| h + band))
                } else {
                    (low, high)
                };
                cx.value(r, c, Some(low.max(0.0)), high)
            })
            .collect();
        supersede(&mut values);
        flags.extend(self_contradictions(&values));
        let estimate = estimate(&values);
        slots.push(finish(key, values, numeric_status, estimate));
    }
}
