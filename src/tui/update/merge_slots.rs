//! Merging slots that are one thing: two actors or two means the extractor kept apart
//! ("bombs" and "explosive devices"). The merge is the analyst's, kept in the journal with
//! undo; the comparison, its estimates and the brief compare the merged slot's values as one.

use crate::annotate::state::{Target, Value};
use crate::tui::app::forms::{IncidentPicker, PickFor};
use crate::tui::app::{App, Layer, Pane};

/// The kinds of slot that can be merged: the names of actors and of means.
const MERGEABLE: [&str; 2] = ["actor: ", "means: "];

/// Open the picker of the slots the selected one can be merged into, and of those merged
/// into it, which can be set apart again.
pub fn open(app: &mut App) {
    if app.view.focus != Pane::Comparison {
        return;
    }
    let Some(c) = app.selected_comparison() else {
        return;
    };
    let Some(slot) = c.slots.get(app.view.comparison.selected) else {
        return;
    };
    let Some(prefix) = MERGEABLE.iter().find(|p| slot.slot.starts_with(**p)) else {
        app.view.status = Some("only actors and means are merged (two names of one thing)".into());
        return;
    };
    let mut choices: Vec<(String, String)> = c
        .slots
        .iter()
        .filter(|other| other.slot != slot.slot && other.slot.starts_with(prefix))
        .map(|other| {
            let (_, word) = crate::tui::panes::describe::status_mark(other.status);
            let label = format!(
                "{} · {word} · {} origin(s)",
                other.slot, other.independent_origins
            );
            (
                other.slot.clone(),
                crate::text::sanitize(&label).into_owned(),
            )
        })
        .collect();
    let incident = c.incident.clone();
    let name = slot.slot.clone();
    choices.extend(merged_into(app, &incident, &name).into_iter().map(|from| {
        let label = format!("set apart again: {from} (merged here)");
        (from, crate::text::sanitize(&label).into_owned())
    }));
    if choices.is_empty() {
        app.view.status = Some(format!(
            "no other {} slot to merge with",
            prefix.trim_end_matches(": ")
        ));
        return;
    }
    let picker = IncidentPicker::of(
        PickFor::MergeSlot {
            incident,
            slot: name,
        },
        "slot",
        choices,
    );
    app.view.layers.push(Layer::Incidents(picker));
}

/// The slots of `incident` the analyst merged into `slot`.
pub fn merged_into(app: &App, incident: &str, slot: &str) -> Vec<String> {
    app.model
        .annotations
        .iter()
        .flat_map(|a| a.merged_into(incident, slot))
        .cloned()
        .collect()
}

/// The journal change for the picker's choice `to`: set it apart when it was merged into
/// `slot`, else merge `slot` into it.
pub fn chosen(app: &App, incident: &str, slot: &str, to: &str) -> Vec<(Target, Value)> {
    let target = |name: &str| Target::Slot {
        incident: incident.to_string(),
        slot: name.to_string(),
    };
    if merged_into(app, incident, slot).iter().any(|s| s == to) {
        vec![(target(to), Value::MergedInto(None))]
    } else {
        vec![(target(slot), Value::MergedInto(Some(to.to_string())))]
    }
}
