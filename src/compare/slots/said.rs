//! What was said: statements whose sentences are one passage across reports.

use rustc_hash::FxHashMap;

use crate::compare::context::Context;
use crate::compare::status::{direction_less_status, finish};
use crate::compare::{Slot, Value};
use crate::model::{Claim, Detail};

/// Add the slots to `slots`.
pub fn build(cx: &Context<'_>, slots: &mut Vec<Slot>) {
    // What was said: statements whose sentences are one passage class across reports.
    let passage_at: FxHashMap<(usize, usize), usize> = cx
        .passages
        .iter()
        .enumerate()
        .map(|(i, p)| ((p.report, p.span[0]), i))
        .collect();
    let mut statement_groups: FxHashMap<usize, Vec<(usize, &Claim)>> = FxHashMap::default();
    let mut group_order: Vec<usize> = Vec::new();
    for &(r, c) in &cx.about {
        if !matches!(c.detail, Detail::Statement) {
            continue;
        }
        let Some(g) = cx
            .local(r)
            .and_then(|l| passage_at.get(&(l, c.sentence[0])))
            .and_then(|&p| cx.classes.of[p])
        else {
            continue;
        };
        if !statement_groups.contains_key(&g) {
            group_order.push(g);
        }
        statement_groups.entry(g).or_default().push((r, c));
    }
    for g in group_order {
        let group = statement_groups.remove(&g).unwrap_or_default();
        let words: Vec<&str> = group[0].1.text.split_whitespace().take(8).collect();
        let values: Vec<Value> = group
            .iter()
            .map(|&(r, c)| {
                let mut v = cx.value(r, c, None, None);
                v.value.clone_from(&c.text);
                v
            })
            .collect();
        slots.push(finish(
            format!("said: {}…", words.join(" ")),
            values,
            direction_less_status,
            None,
        ));
    }
}
