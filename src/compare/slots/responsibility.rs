//! Responsibility, in publication order: who claimed it, and whether that is disputed.

use crate::compare::context::Context;
use crate::compare::status::{direction_less_status, finish_with};
use crate::compare::{Slot, Status, Value};
use crate::model::{Detail, ResponsibilityStatus};

/// Add the slots to `slots`.
pub fn build(cx: &Context<'_>, slots: &mut Vec<Slot>) {
    // Responsibility, in publication order: its course (claimed, disputed, called false).
    let mut resp: Vec<Value> = cx
        .about
        .iter()
        .filter(|(_, c)| matches!(c.detail, Detail::Responsibility { .. }))
        .map(|&(r, c)| cx.value(r, c, None, None))
        .collect();
    resp.sort_by_key(|v| {
        (
            cx.corpus
                .report(&v.report)
                .and_then(|x| x.published.value().map(crate::model::Published::sort_key)),
            v.report.clone(),
        )
    });
    if !resp.is_empty() {
        let statuses: Vec<(ResponsibilityStatus, Option<String>)> = cx
            .about
            .iter()
            .filter_map(|(_, c)| match &c.detail {
                Detail::Responsibility { status, actor } => Some((*status, actor.clone())),
                _ => None,
            })
            .collect();
        let claimed: Vec<&Option<String>> = statuses
            .iter()
            .filter(|(s, _)| *s == ResponsibilityStatus::Claimed)
            .map(|(_, a)| a)
            .collect();
        let disputed = statuses.iter().any(|(s, a)| {
            *s != ResponsibilityStatus::Claimed
                && s.is_about_a_claim()
                && (a.is_none() || claimed.contains(&a))
        });
        let status = if !claimed.is_empty() && disputed {
            Some(Status::Conflict)
        } else {
            None
        };
        slots.push(finish_with(
            "responsibility".to_string(),
            resp,
            status,
            direction_less_status,
        ));
    }
}
