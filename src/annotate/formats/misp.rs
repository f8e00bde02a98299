//! A MISP event per incident: the claims about it as attributes, each tagged with the
//! admiralty scale of MISP's taxonomy — its report's source reliability
//! (`admiralty-scale:source-reliability="b"`) and the claim's information credibility
//! (`admiralty-scale:information-credibility="3"`) as the analyst graded them — and the
//! reports as `link` or `text` attributes. See docs/formats/misp.md.

use serde_json::{Value, json};

use super::{Event, days, uuid};
use crate::annotate::{Credibility, Reliability, Verdict};
use crate::model::{Claim, Report};

/// MISP's tag for a source reliability grade.
pub fn reliability_tag(r: Reliability) -> String {
    format!(
        "admiralty-scale:source-reliability=\"{}\"",
        r.id().to_ascii_lowercase()
    )
}

/// MISP's tag for an information credibility grade.
pub fn credibility_tag(c: Credibility) -> String {
    format!("admiralty-scale:information-credibility=\"{}\"", c.number())
}

fn tags(names: impl IntoIterator<Item = String>) -> Vec<Value> {
    names
        .into_iter()
        .map(|name| json!({ "name": name }))
        .collect()
}

/// The event of `event`, as `{"Event": {...}}`; `today` dates it when the incident's day is
/// not known.
pub fn event(event: &Event, today: &str) -> Value {
    let id = &event.comparison.incident;
    let mut attributes: Vec<Value> = Vec::new();
    for report in &event.reports {
        attributes.push(report_attribute(
            id,
            report,
            event.reliability_of(&report.id),
        ));
    }
    let mut claims: Vec<&Claim> = event
        .claims
        .values()
        .copied()
        .filter(|c| &c.incident == id)
        .collect();
    claims.sort_by(|a, b| (&a.report, a.span).cmp(&(&b.report, b.span)));
    for claim in claims {
        // Every annotated claim, whether or not it has a note or stands in a slot.
        let note = event.note_of(&claim.id);
        let verdict = note.map_or(Verdict::Unreviewed, |n| n.verdict);
        let grade = note.and_then(|n| n.grade);
        let mut names: Vec<String> = Vec::new();
        names.extend(event.reliability_of(&claim.report).map(reliability_tag));
        names.extend(grade.map(credibility_tag));
        names.extend(note.into_iter().flat_map(|n| n.tags.iter().cloned()));
        let mut comment = format!(
            "{} claim in {}, said by {}; verdict: {}",
            claim.kind().id(),
            claim.report,
            Some(claim.attribution.who())
                .filter(|w| !w.is_empty())
                .unwrap_or("the report"),
            verdict.id()
        );
        if let Some(n) = note.filter(|n| !n.note.is_empty()) {
            comment.push_str(&format!("; note: {}", n.note));
        }
        attributes.push(json!({
            "uuid": uuid(&["claim", id, &claim.id]),
            "type": "text",
            "category": "Other",
            "value": claim.text,
            "comment": comment,
            "to_ids": false,
            "distribution": "5",
            "Tag": tags(names),
        }));
    }
    let reviewed = event.brief.claims > 0 && event.brief.reviewed == event.brief.claims;
    json!({
        "Event": {
            "uuid": uuid(&["incident", id]),
            "info": event.comparison.title,
            "date": days(event.incident).map_or_else(|| today.to_string(), |d| d.0),
            // 4: undefined; the analysis is ongoing (1) until every claim is reviewed (2).
            "threat_level_id": "4",
            "analysis": if reviewed { "2" } else { "1" },
            "distribution": "0",
            "published": false,
            "Tag": tags([format!("crosscheck:incident=\"{id}\"")]),
            "Attribute": attributes,
        }
    })
}

/// A report as an attribute: its address (`link`) or its headline (`text`), tagged with its
/// source's reliability.
fn report_attribute(incident: &str, report: &Report, reliability: Option<Reliability>) -> Value {
    let (kind, value) = match &report.url {
        Some(url) => ("link", url.clone()),
        None => ("text", report.display_headline().0),
    };
    let outlet = super::outlet(report).unwrap_or("unknown outlet");
    json!({
        "uuid": uuid(&["report", incident, &report.id]),
        "type": kind,
        "category": "External analysis",
        "value": value,
        "comment": format!("report {} ({outlet})", report.id),
        "to_ids": false,
        "distribution": "5",
        "Tag": tags(reliability.map(reliability_tag)),
    })
}
