//! The date of the event: per sentence that reports it, its earliest day.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::compare::context::Context;
use crate::compare::status::{date_status, finish};
use crate::compare::{Slot, Value};
use crate::model::Detail;

/// Add the slots to `slots`.
pub fn build(cx: &Context<'_>, slots: &mut Vec<Slot>) {
    // The date: per sentence that reports an event, its earliest day (the event comes before
    // the statement cx.about it: "said Saturday ... the attack yesterday").
    let mut event_sentences: FxHashSet<(usize, usize)> = FxHashSet::default();
    let mut earliest: FxHashMap<(usize, usize), &str> = FxHashMap::default();
    for &(r, c) in &cx.about {
        match &c.detail {
            Detail::Casualty { .. } | Detail::Means { .. } => {
                event_sentences.insert((r, c.sentence[0]));
            }
            Detail::Time { date: Some(d) } if d.len() == 10 => {
                let e = earliest.entry((r, c.sentence[0])).or_insert(d.as_str());
                if d.as_str() < *e {
                    *e = d.as_str();
                }
            }
            _ => {}
        }
    }
    let mut dates: Vec<Value> = Vec::new();
    for &(r, c) in &cx.about {
        if let Detail::Time { date: Some(d) } = &c.detail
            && event_sentences.contains(&(r, c.sentence[0]))
            && earliest.get(&(r, c.sentence[0])) == Some(&d.as_str())
        {
            let mut v = cx.value(r, c, None, None);
            v.value.clone_from(d);
            dates.push(v);
        }
    }
    if !dates.is_empty() {
        slots.push(finish("date".to_string(), dates, date_status, None));
    }
}
