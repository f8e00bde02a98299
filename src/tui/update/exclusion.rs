//! Leaving a value out of a slot: the analyst says a claim's value is not about this slot
//! ("not about this event", "the caption's town, not the site"), with a reason, kept in the
//! journal (undo puts it back). The claim stays listed and reviewable; only the comparison,
//! its estimate and the brief leave it out. From the comparison it is the value Enter showed
//! last; from the claims pane, the selected claim, where the same key puts it back.

use super::annotation::{NO_JOURNAL, open_editor};
use crate::annotate::{Anchor, Exclusion, Target, Value};
use crate::tui::action::Action;
use crate::tui::app::forms::{Field, Purpose};
use crate::tui::app::{App, Effect, Pane};
use crate::tui::config::keymap::Context;

/// Carry out [`Action::ExcludeValue`]. False for any other action.
pub fn update(app: &mut App, action: Action, fx: &mut Vec<Effect>) -> bool {
    if action != Action::ExcludeValue {
        return false;
    }
    if !app.annotating() {
        app.view.status = Some(NO_JOURNAL.into());
        return true;
    }
    let chosen = match app.view.focus {
        Pane::Comparison => shown_value(app),
        _ => selected_claim_value(app, fx),
    };
    let Some((incident, slot, value)) = chosen else {
        return true;
    };
    let Some(claim) = app
        .model
        .doc
        .corpus
        .reports
        .iter()
        .position(|r| r.id == value.report)
        .and_then(|r| app.model.claims_of(r).iter().find(|c| c.id == value.claim))
    else {
        app.view.status = Some("that value's claim is gone; compare again".into());
        return true;
    };
    let shown = format!("{} · {}", value.value, value.attribution);
    let exclusion = Exclusion {
        anchor: Anchor::of(claim),
        value: shown.clone(),
        reason: String::new(),
    };
    let title = format!(
        "Leave out of {:?}: {}",
        crate::text::fit(&slot, 24),
        crate::text::fit(&shown, 60)
    );
    open_editor(
        app,
        Purpose::Exclude {
            incident,
            slot,
            claim: value.claim,
            exclusion: Box::new(exclusion),
        },
        &title,
        vec![Field::new(
            "why (not about this event, another place…)",
            "",
            false,
        )],
    );
    true
}

/// The slot's value Enter showed last, with the slot: what `-` in the comparison leaves out.
fn shown_value(app: &mut App) -> Option<(String, String, crate::compare::Value)> {
    let c = app.selected_comparison()?;
    let slot = c.slots.get(app.view.comparison.selected)?;
    let n = app.view.comparison.next_value;
    if n == 0 || slot.values.is_empty() {
        let open = app.key_hint(Context::Comparison, Action::Open, "");
        app.view.status = Some(format!(
            "first show the value to leave out{open}: it walks the slot's values one by one"
        ));
        return None;
    }
    let value = slot.values[(n - 1) % slot.values.len()].clone();
    Some((c.incident.clone(), slot.slot.clone(), value))
}

/// The selected claim's value and slot; when the claim was left out of a slot, put it back
/// instead (and return nothing).
fn selected_claim_value(
    app: &mut App,
    fx: &mut Vec<Effect>,
) -> Option<(String, String, crate::compare::Value)> {
    let claim = app.selected_claim()?.clone();
    if let Some(annotations) = &app.model.annotations
        && let Some(slots) = annotations.slots.get(&claim.incident)
        && let Some((slot, _)) = slots
            .iter()
            .find(|(_, n)| n.excluded.contains_key(&claim.id))
    {
        fx.push(Effect::set(vec![(
            Target::Slot {
                incident: claim.incident.clone(),
                slot: slot.clone(),
            },
            Value::Excluded(claim.id.clone(), None),
        )]));
        return None;
    }
    let found = app.model.comparisons.as_ref().and_then(|all| {
        all.iter()
            .find(|c| c.incident == claim.incident)
            .and_then(|c| {
                c.slots.iter().find_map(|s| {
                    let v = s.values.iter().find(|v| v.claim == claim.id)?;
                    Some((c.incident.clone(), s.slot.clone(), v.clone()))
                })
            })
    });
    if found.is_none() {
        app.view.status = Some("this claim is in no slot: there is nothing to leave out".into());
    }
    found
}
