//! The analyst's annotations as W3C Web Annotations (JSON-LD), in one AnnotationPage: each
//! claim annotation targets its words in the report with a TextQuoteSelector (exact, prefix,
//! suffix) and a TextPositionSelector (character offsets in the report's text as the data
//! file keeps it); source grades target the report, slot assessments the incident. See
//! docs/formats/w3c.md.

use rustc_hash::FxHashMap;
use serde_json::{Value, json};

use super::{char_span, uuid};
use crate::annotate::brief::Inputs;
use crate::annotate::{ClaimNote, Verdict};
use crate::model::Report;

/// The Web Annotation context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Characters of context a TextQuoteSelector gives on each side.
const CONTEXT_CHARS: usize = 32;

/// Where a report can be named: its address, else a URN of its id.
fn source_of(report: &Report) -> String {
    report
        .url
        .clone()
        .unwrap_or_else(|| format!("urn:crosscheck:report:{}", report.id))
}

/// The annotations of the reports `wanted` accepts.
pub fn annotations(inputs: &Inputs, wanted: impl Fn(&Report) -> bool) -> Vec<Value> {
    let corpus = inputs.corpus;
    let reports: FxHashMap<&str, &Report> = corpus
        .reports
        .iter()
        .filter(|r| wanted(r))
        .map(|r| (r.id.as_str(), r))
        .collect();
    // Where each annotated claim is now (extraction may have moved it since).
    let spans: FxHashMap<&str, [usize; 2]> = inputs
        .claims
        .iter()
        .flatten()
        .filter_map(|c| {
            let key = inputs.attached.by_claim.get(&c.id)?;
            Some((key.as_str(), c.span))
        })
        .collect();
    let mut out = Vec::new();
    for (key, note) in &inputs.annotations.claims {
        let Some(report) = reports.get(note.anchor.report.as_str()) else {
            continue;
        };
        let span = spans.get(key.as_str()).copied().unwrap_or(note.anchor.span);
        if let Some(a) = claim_annotation(key, note, report, span) {
            out.push(a);
        }
    }
    for (id, source) in &inputs.annotations.sources {
        let Some(report) = reports.get(id.as_str()) else {
            continue;
        };
        let mut body = Vec::new();
        if let Some(r) = source.reliability {
            body.push(textual(
                &format!("source reliability {}: {}", r.id(), r.label()),
                "assessing",
            ));
        }
        if !source.note.is_empty() {
            body.push(textual(&source.note, "commenting"));
        }
        if !body.is_empty() {
            out.push(annotation(
                &["source", id],
                "assessing",
                body,
                json!(source_of(report)),
            ));
        }
    }
    for (incident, slots) in &inputs.annotations.slots {
        if !corpus
            .reports
            .iter()
            .any(|r| wanted(r) && r.incidents.contains(incident))
        {
            continue;
        }
        for (slot, note) in slots {
            let Some(a) = note.assessment.as_ref().filter(|a| !a.is_empty()) else {
                continue;
            };
            let mut text = format!("{slot}: best {}", a.best);
            if !a.range.is_empty() {
                text.push_str(&format!(", range {}", a.range));
            }
            let mut body = vec![textual(&text, "assessing")];
            if !a.rationale.is_empty() {
                body.push(textual(&a.rationale, "commenting"));
            }
            let target = format!("urn:crosscheck:incident:{incident}#slot={slot}");
            out.push(annotation(
                &["slot", incident, slot],
                "assessing",
                body,
                json!(target),
            ));
        }
    }
    out
}

fn textual(value: &str, purpose: &str) -> Value {
    json!({ "type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain" })
}

fn annotation(id: &[&str], motivation: &str, body: Vec<Value>, target: Value) -> Value {
    json!({
        "id": format!("urn:uuid:{}", uuid(id)),
        "type": "Annotation",
        "motivation": motivation,
        "generator": { "type": "Software", "name": "crosscheck" },
        "body": body,
        "target": target,
    })
}

/// The annotation of one claim, or `None` when its words are no longer in the report.
fn claim_annotation(
    key: &str,
    note: &ClaimNote,
    report: &Report,
    span: [usize; 2],
) -> Option<Value> {
    let text = report.body.as_str();
    // The words at the span, else the first place they stand (the text was edited).
    let span = if text.get(span[0]..span[1]) == Some(note.anchor.text.as_str()) {
        span
    } else {
        let at = text
            .find(note.anchor.text.as_str())
            .filter(|_| !note.anchor.text.is_empty())?;
        [at, at + note.anchor.text.len()]
    };
    let [start, end] = char_span(text, span)?;
    let prefix: String = {
        let before: Vec<char> = text[..span[0]].chars().rev().take(CONTEXT_CHARS).collect();
        before.into_iter().rev().collect()
    };
    let suffix: String = text[span[1]..].chars().take(CONTEXT_CHARS).collect();
    let mut body = Vec::new();
    if note.verdict != Verdict::Unreviewed {
        body.push(textual(
            &format!("verdict: {}", note.verdict.label()),
            "assessing",
        ));
    }
    if let Some(g) = note.grade {
        body.push(textual(
            &format!("information credibility {}: {}", g.number(), g.label()),
            "assessing",
        ));
    }
    if !note.note.is_empty() {
        body.push(textual(&note.note, "commenting"));
    }
    for tag in &note.tags {
        body.push(json!({ "type": "TextualBody", "value": tag, "purpose": "tagging" }));
    }
    if let Some(c) = &note.corrected {
        body.push(textual(&format!("the text says: {c}"), "editing"));
    }
    if body.is_empty() {
        return None;
    }
    let motivation = if note.verdict != Verdict::Unreviewed || note.grade.is_some() {
        "assessing"
    } else if !note.note.is_empty() {
        "commenting"
    } else {
        "tagging"
    };
    let target = json!({
        "source": source_of(report),
        "selector": [
            { "type": "TextQuoteSelector", "exact": &text[span[0]..span[1]], "prefix": prefix, "suffix": suffix },
            { "type": "TextPositionSelector", "start": start, "end": end },
        ],
    });
    Some(annotation(&["claim", key], motivation, body, target))
}
