//! Comparisons as text: a table for the terminal and Markdown for a brief. Same content as the
//! TUI's comparison pane.

use std::fmt::Write;

use super::{Comparison, Status};

/// The comparison as plain text, one slot a block.
pub fn table(c: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} [{}]", c.title, c.incident);
    let _ = writeln!(
        out,
        "  {} articles, {} distinct texts, {} independent origins",
        c.counts.articles, c.counts.distinct_texts, c.counts.independent_origins
    );
    for origin in c.origins.iter().filter(|o| o.reports.len() > 1) {
        let _ = writeln!(
            out,
            "  one origin: {} ({})",
            origin.reports.join(", "),
            origin.why
        );
    }
    for flag in &c.flags {
        let _ = writeln!(out, "  flag: {}: {}", flag.report, flag.message);
    }
    for slot in &c.slots {
        let marker = if slot.status == Status::Conflict {
            "!!"
        } else {
            "  "
        };
        let _ = writeln!(
            out,
            "{marker}{}  [{}]{}  ({} origin{})",
            slot.slot,
            slot.status.id(),
            slot.range
                .as_ref()
                .map(|r| format!("  {r}"))
                .unwrap_or_default(),
            slot.independent_origins,
            if slot.independent_origins == 1 {
                ""
            } else {
                "s"
            }
        );
        for v in &slot.values {
            let _ = writeln!(
                out,
                "      {}{}  · {} · {}{}",
                v.value,
                if v.superseded { " (superseded)" } else { "" },
                v.attribution,
                v.report,
                v.published
                    .as_ref()
                    .map(|p| format!(" {p}"))
                    .unwrap_or_default()
            );
        }
        if let Some(e) = &slot.estimate {
            let _ = writeln!(
                out,
                "      estimate: low {}, best {}, high {}, floor {}",
                e.low, e.best, e.high, e.floor
            );
            let _ = writeln!(out, "        why: {}", e.why);
        }
    }
    out.push('\n');
    out
}

fn cell(s: &str) -> String {
    crate::text::sanitize(s).replace('|', "\\|")
}

/// The comparison as Markdown.
pub fn markdown(c: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n", cell(&c.title));
    let _ = writeln!(
        out,
        "{} articles, {} distinct texts, {} independent origins.\n",
        c.counts.articles, c.counts.distinct_texts, c.counts.independent_origins
    );
    for origin in c.origins.iter().filter(|o| o.reports.len() > 1) {
        let _ = writeln!(
            out,
            "- One origin: {} ({})",
            cell(&origin.reports.join(", ")),
            cell(&origin.why)
        );
    }
    for flag in &c.flags {
        let _ = writeln!(
            out,
            "- **Flag** ({}): {}",
            cell(&flag.report),
            cell(&flag.message)
        );
    }
    let _ = writeln!(
        out,
        "\n| slot | status | range | values | origins |\n|---|---|---|---|---|"
    );
    for slot in &c.slots {
        let values: Vec<String> = slot
            .values
            .iter()
            .map(|v| {
                format!(
                    "{}{} ({}, {})",
                    cell(&v.value),
                    if v.superseded { " *superseded*" } else { "" },
                    cell(&v.attribution),
                    cell(&v.report)
                )
            })
            .collect();
        let status = if slot.status == Status::Conflict {
            format!("**{}**", slot.status.id())
        } else {
            slot.status.id().to_string()
        };
        let _ = writeln!(
            out,
            "| {} | {status} | {} | {} | {} |",
            cell(&slot.slot),
            slot.range.as_deref().map(cell).unwrap_or_default(),
            values.join("<br>"),
            slot.independent_origins
        );
    }
    for slot in c.slots.iter().filter(|s| s.estimate.is_some()) {
        let e = slot.estimate.as_ref().expect("filtered");
        let _ = writeln!(
            out,
            "\n**{}**: low {}, best {}, high {}, floor {}. {}",
            cell(&slot.slot),
            e.low,
            e.best,
            e.high,
            e.floor,
            cell(&e.why)
        );
    }
    out.push('\n');
    out
}
