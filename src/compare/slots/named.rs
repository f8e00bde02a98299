//! Actors named and means used, one slot per name.

use rustc_hash::FxHashMap;

use crate::compare::context::Context;
use crate::compare::status::{direction_less_status, finish};
use crate::compare::{Slot, Value};
use crate::model::Detail;

/// Add the slots to `slots`.
pub fn build(cx: &Context<'_>, slots: &mut Vec<Slot>) {
    // Actors named, and means, one slot each.
    for (prefix, pick) in [
        (
            "actor",
            (|d: &Detail| {
                if let Detail::Actor { actor, .. } = d {
                    Some(actor.clone())
                } else {
                    None
                }
            }) as fn(&Detail) -> Option<String>,
        ),
        ("means", |d: &Detail| {
            if let Detail::Means { means } = d {
                Some(means.clone())
            } else {
                None
            }
        }),
    ] {
        let mut order: Vec<String> = Vec::new();
        let mut by: FxHashMap<String, Vec<Value>> = FxHashMap::default();
        for &(r, c) in &cx.about {
            if let Some(name) = pick(&c.detail) {
                if !by.contains_key(&name) {
                    order.push(name.clone());
                }
                by.entry(name).or_default().push(cx.value(r, c, None, None));
            }
        }
        for name in order {
            let values = by.remove(&name).unwrap_or_default();
            slots.push(finish(
                format!("{prefix}: {name}"),
                values,
                direction_less_status,
                None,
            ));
        }
    }
}
