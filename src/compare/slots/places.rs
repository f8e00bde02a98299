//! Distances and directions from a reference place, one slot per place.

use crate::compare::context::Context;
use crate::compare::status::{direction_status, finish, numeric_status};
use crate::compare::{ABOUT, ROUNDING, Slot, Status, Value};
use crate::model::Detail;

/// Add the slots to `slots`.
pub fn build(cx: &Context<'_>, slots: &mut Vec<Slot>) {
    // Distances and directions, by reference place.
    let mut distances: Vec<(String, Value)> = Vec::new();
    let mut directions: Vec<(String, Value)> = Vec::new();
    for &(r, c) in &cx.about {
        if let Detail::Location {
            distance,
            direction,
            from: Some(from),
            ..
        } = &c.detail
        {
            if let Some(d) = distance {
                let (low, high) = match d.qualifier.as_deref() {
                    Some("less_than") => (0.0, Some(d.km)),
                    Some("more_than") => (d.km, None),
                    Some(_) => (d.km * (1.0 - ABOUT), Some(d.km * (1.0 + ABOUT))),
                    None => (d.km * (1.0 - ROUNDING), Some(d.km * (1.0 + ROUNDING))),
                };
                distances.push((from.clone(), cx.value(r, c, Some(low), high)));
            }
            if let Some(dir) = direction {
                let mut v = cx.value(r, c, None, None);
                v.value.clone_from(dir);
                directions.push((from.clone(), v));
            }
        }
    }
    for (label, list, status) in [
        (
            "distance from",
            distances,
            numeric_status as fn(&[&Value]) -> Status,
        ),
        ("direction from", directions, direction_status),
    ] {
        let mut places: Vec<String> = list.iter().map(|(p, _)| p.clone()).collect();
        places.dedup();
        let mut seen = Vec::new();
        for place in places {
            if seen.contains(&place) {
                continue;
            }
            seen.push(place.clone());
            let values: Vec<Value> = list
                .iter()
                .filter(|(p, _)| *p == place)
                .map(|(_, v)| v.clone())
                .collect();
            slots.push(finish(format!("{label} {place}"), values, status, None));
        }
    }
}
