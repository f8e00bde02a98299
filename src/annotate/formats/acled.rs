//! An ACLED-style sheet: one row per incident, with ACLED's columns in ACLED's order.
//! Fatalities follow ACLED's rule, the most conservative credible figure; the dispute and the
//! sources are in `notes`. Columns that need ACLED's own coding (event and disorder types,
//! interaction codes, actor codes, source scale) are left empty. See docs/formats/acled.md.

use super::{Event, Figures, KILLED, days, dispute, figures, outlet};
use crate::extract::geocode::{self, Precision};
use crate::model::{ActorRole, Detail, ResponsibilityStatus};

/// ACLED's columns, in order.
pub const COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// The row of `event`, its cells in [`COLUMNS`] order; `timestamp` is when it was written.
pub fn row(event: &Event, timestamp: i64) -> Vec<String> {
    let mut row = vec![String::new(); COLUMNS.len()];
    let mut set = |column: &str, value: String| {
        if let Some(i) = COLUMNS.iter().position(|c| *c == column) {
            row[i] = value;
        }
    };
    set("event_id_cnty", event.comparison.incident.clone());
    if let Some(span) = event.incident.and_then(|i| i.date) {
        set("year", span.start.year.to_string());
        let (date, precision) = match (days(event.incident), span.start.first_day()) {
            (Some((first, last)), _) if first == last => (first, "1"),
            (Some((first, _)), _) => (first, "2"),
            (None, Some(first)) if span.start.month.is_some() => (first.to_string(), "3"),
            _ => (String::new(), ""),
        };
        set("event_date", date);
        set("time_precision", precision.into());
    }
    let (actor1, assoc) = perpetrators(event);
    set("actor1", actor1);
    set("assoc_actor_1", assoc);
    let place = event.incident.map_or("", |i| i.place.as_str());
    if let Some(at) = geocode::resolve(place) {
        if let Some((_, name)) = &at.country {
            set("country", name.clone());
        }
        set("admin1", at.admin1.clone().unwrap_or_default());
        set("admin2", at.admin2.clone().unwrap_or_default());
        if let (Precision::Town, Some((lat, lon))) = (at.precision, at.at) {
            set("latitude", format!("{lat:.4}"));
            set("longitude", format!("{lon:.4}"));
            set("geo_precision", "1".into());
        }
        set(
            "location",
            at.town.clone().unwrap_or_else(|| place.to_string()),
        );
    } else {
        set("location", place.to_string());
    }
    let mut outlets: Vec<&str> = event.reports.iter().filter_map(|r| outlet(r)).collect();
    outlets.dedup();
    set("source", outlets.join("; "));
    let (fatalities, notes) = fatalities(event);
    set("notes", notes);
    set("fatalities", fatalities.to_string());
    let mut tags: Vec<&str> = event
        .brief
        .notes
        .iter()
        .flat_map(|n| n.tags.iter().map(String::as_str))
        .collect();
    tags.sort_unstable();
    tags.dedup();
    set("tags", tags.join("; "));
    set("timestamp", timestamp.to_string());
    row
}

/// The actors the reports name as the perpetrators (by their own claim or as the attackers),
/// the most cited first: the first is `actor1`, the rest `assoc_actor_1`.
fn perpetrators(event: &Event) -> (String, String) {
    let mut named: Vec<(String, usize)> = Vec::new();
    for claim in event.claims.values() {
        if claim.incident != event.comparison.incident {
            continue;
        }
        let actor = match &claim.detail {
            Detail::Actor {
                actor,
                role: Some(ActorRole::Perpetrator),
                ..
            } => actor,
            Detail::Responsibility {
                actor: Some(actor),
                status: ResponsibilityStatus::Claimed | ResponsibilityStatus::Convicted,
            } => actor,
            _ => continue,
        };
        match named.iter_mut().find(|(a, _)| a == actor) {
            Some((_, n)) => *n += 1,
            None => named.push((actor.clone(), 1)),
        }
    }
    named.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut names = named.into_iter().map(|(a, _)| a);
    let first = names.next().unwrap_or_default();
    (first, names.collect::<Vec<_>>().join("; "))
}

/// ACLED's fatalities (the victims' toll and the attackers killed, each at its most
/// conservative credible figure) and the notes that say where they come from.
fn fatalities(event: &Event) -> (u64, String) {
    let mut notes = vec![event.comparison.title.clone()];
    let mut total = 0;
    let mut count = |what: &str, f: Option<Figures>, slot: &super::SlotBrief| {
        if let Some(f) = f {
            total += f.low;
            notes.push(format!(
                "{what}: {} (most conservative credible figure, from {}; best {}, high {}); reported: {}",
                f.low,
                f.from,
                f.best,
                f.high,
                dispute(slot)
            ));
        }
    };
    if let Some(slot) = event.slot(KILLED) {
        count("Victims killed", figures(slot), slot);
    }
    for slot in event.perpetrators_killed() {
        count(&crate::text::capitalised(&slot.slot), figures(slot), slot);
    }
    if total == 0 && event.slot(KILLED).is_none() {
        notes.push("No report counts anyone killed.".into());
    }
    // The other counts the sources disagree on ("security forces killed: 16-55").
    let counted: Vec<&str> = event
        .perpetrators_killed()
        .map(|s| s.slot.as_str())
        .collect();
    for slot in event.brief.slots.iter().filter(|s| {
        s.slot != KILLED
            && !counted.contains(&s.slot.as_str())
            && s.status == crate::compare::Status::Conflict
    }) {
        if let Some(e) = &slot.estimate {
            notes.push(format!(
                "Disputed, {} ({}-{}): {}",
                slot.slot,
                e.low,
                e.high,
                dispute(slot)
            ));
        }
    }
    let sources: Vec<String> = event
        .brief
        .sources
        .iter()
        .map(|s| match s.reliability {
            Some(r) => format!("{} ({}, graded {r})", s.outlet, s.report),
            None => format!("{} ({})", s.outlet, s.report),
        })
        .collect();
    notes.push(format!("Sources: {}", sources.join("; ")));
    (total, notes.join(". "))
}
