//! The brief as Markdown: per incident, the assessment table, the values by source, the
//! sources, the notes on claims and the flags; then the orphaned annotations.

use std::fmt::Write as _;

use super::{Brief, IncidentBrief};
use crate::compare::Status;

/// An incident's heading and its assessment table.
fn assessment_markdown(out: &mut String, inc: &IncidentBrief) {
    let _ = writeln!(out, "## {} ({})\n", cell(&inc.title), inc.id);
    let _ = writeln!(
        out,
        "{} articles, {} independent origins; {} of {} claims reviewed.\n",
        inc.articles, inc.independent_origins, inc.reviewed, inc.claims
    );
    let _ = writeln!(out, "### Assessment\n");
    let _ = writeln!(
        out,
        "| slot | sources | conflict | assessed | range | rationale | crosscheck's estimate |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for s in &inc.slots {
        let a = s.assessment.clone().unwrap_or_default();
        let estimate = s.estimate.as_ref().map_or_else(
            || "–".to_string(),
            |e| format!("{} / {} / {} (floor {})", e.low, e.best, e.high, e.floor),
        );
        let conflict = match (s.status, s.conflict_status) {
            (_, Some(st)) => format!("{} ({})", s.status.id(), st.id()),
            (Status::Conflict, None) => "conflict (open)".to_string(),
            (st, None) => st.id().to_string(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&s.slot),
            s.independent_origins,
            conflict,
            cell(if a.best.is_empty() { "–" } else { &a.best }),
            cell(if a.range.is_empty() { "–" } else { &a.range }),
            cell(if a.rationale.is_empty() {
                "–"
            } else {
                &a.rationale
            }),
            estimate
        );
    }
}

/// An incident's values, slot by slot, with each source's review.
fn values_markdown(out: &mut String, inc: &IncidentBrief) {
    let _ = writeln!(out, "\n### Values by source\n");
    for s in &inc.slots {
        let _ = writeln!(out, "**{}** — {}\n", cell(&s.slot), s.status.id());
        for v in &s.values {
            let superseded = if v.superseded { " (revised later)" } else { "" };
            let corrected = v
                .corrected
                .as_ref()
                .map_or(String::new(), |c| format!(", corrected to {}", cell(c)));
            let _ = writeln!(
                out,
                "- {}{} — {} ({}; source {}; verdict {}; grade {}{})",
                cell(&v.value),
                superseded,
                cell(&v.attribution),
                cell(&v.report),
                or_dash(v.reliability),
                v.verdict,
                or_dash(v.grade),
                corrected
            );
        }
        for (value, reason) in &s.left_out {
            let why = if reason.is_empty() {
                String::new()
            } else {
                format!(": {}", cell(reason))
            };
            let _ = writeln!(out, "- left out by the analyst: {}{why}", cell(value));
        }
        for name in &s.merged {
            let _ = writeln!(out, "- merged here by the analyst: {}", cell(name));
        }
        let _ = writeln!(out);
    }
}

/// An incident's sources table, the notes on its claims and its flags.
fn sources_markdown(out: &mut String, inc: &IncidentBrief) {
    let _ = writeln!(out, "### Sources\n");
    let _ = writeln!(out, "| report | outlet | reliability | reviewed | note |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for s in &inc.sources {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {}/{} | {} |",
            cell(&s.report),
            cell(&format!(
                "{}{}",
                s.outlet,
                if s.outlet_inferred { "?" } else { "" }
            )),
            s.reliability.map_or_else(
                || "–".to_string(),
                |r| format!("{} ({})", r.id(), r.label())
            ),
            s.reviewed,
            s.claims,
            cell(&s.note)
        );
    }
    if inc.sources.iter().any(|s| s.outlet_inferred) {
        let _ = writeln!(
            out,
            "\nAn outlet ending in ? is inferred, not printed in the report."
        );
    }
    if !inc.notes.is_empty() {
        let _ = writeln!(out, "\n### Notes on claims\n");
        for n in &inc.notes {
            let _ = writeln!(
                out,
                "- “{}” ({}, {}; verdict {}; grade {})",
                cell(&n.text),
                cell(&n.report),
                n.claim,
                n.verdict,
                or_dash(n.grade)
            );
            for line in n.note.lines() {
                let _ = writeln!(out, "  > {}", crate::text::sanitize(line));
            }
            if !n.tags.is_empty() {
                let _ = writeln!(out, "  tags: {}", cell(&n.tags.join(", ")));
            }
            if let Some(c) = &n.corrected {
                let _ = writeln!(out, "  corrected value: {}", cell(c));
            }
            if !n.linked.is_empty() {
                let _ = writeln!(out, "  same fact as: {}", n.linked.join(", "));
            }
        }
    }
    if !inc.flags.is_empty() {
        let _ = writeln!(out, "\n### Flags\n");
        for f in &inc.flags {
            let _ = writeln!(out, "- {}", cell(f));
        }
    }
}

fn or_dash<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "–".to_string(), |v| v.to_string())
}

/// Markdown cells cannot hold pipes or line breaks.
fn cell(s: &str) -> String {
    crate::text::sanitize(s)
        .replace('|', "\\|")
        .replace('\n', " ")
}

/// The brief as Markdown, for reading and pasting into a report.
pub fn markdown(brief: &Brief) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Brief: {}\n\n_Generated {} by crosscheck._\n",
        cell(&brief.file),
        brief.generated
    );
    for inc in &brief.incidents {
        assessment_markdown(&mut out, inc);
        values_markdown(&mut out, inc);
        sources_markdown(&mut out, inc);
        let _ = writeln!(out);
    }
    if !brief.orphans.is_empty() {
        let _ = writeln!(
            out,
            "## Orphaned annotations\n\nTheir claims are no longer found in the reports.\n"
        );
        for o in &brief.orphans {
            let _ = writeln!(
                out,
                "- {} in {}: “{}” — verdict {}; {}",
                o.key,
                cell(&o.report),
                cell(&o.text),
                o.verdict,
                cell(&o.note)
            );
        }
    }
    out
}
