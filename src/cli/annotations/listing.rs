//! `crosscheck annotations`: every annotation of a file, as text or JSON.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::super::Failure;
use super::super::out;
use super::open;
use crate::annotate::Attachment;
use crate::config::Paths;

/// One claim annotation in the listing.
#[derive(Serialize)]
struct ClaimListing<'a> {
    key: &'a str,
    /// The claim's id now (differs from `key` when it moved).
    claim: Option<&'a str>,
    attachment: Attachment,
    #[serde(flatten)]
    note: &'a crate::annotate::ClaimNote,
    linked: Vec<&'a str>,
}

/// `crosscheck annotations`.
pub fn list(
    file: &Path,
    format: super::super::Format,
    log: bool,
    paths: &Paths,
) -> Result<ExitCode, Failure> {
    let o = open(file, paths)?;
    let ann = o.journal.annotations();
    let current_of: rustc_hash::FxHashMap<&str, &str> = o
        .analysis
        .attached
        .by_claim
        .iter()
        .map(|(id, key)| (key.as_str(), id.as_str()))
        .collect();
    let claims: Vec<ClaimListing> = ann
        .claims
        .iter()
        .map(|(key, note)| {
            let claim = current_of.get(key.as_str()).copied();
            ClaimListing {
                key,
                claim,
                attachment: o.analysis.attached.attachment(key),
                note,
                linked: ann.linked_to(claim.unwrap_or(key)).collect(),
            }
        })
        .collect();
    let manual_orphans = &o.analysis.attached.manual_orphans;
    match format {
        super::super::Format::Json => {
            let mut out = serde_json::json!({
                "file": file,
                "user": o.journal.user(),
                "claims": claims,
                "sources": ann.sources,
                "slots": ann.slots,
                "links": ann.links,
                "memberships": ann.memberships,
                "incidents": ann.incidents,
                "manual_claims": ann.manual.values().map(|c| serde_json::json!({
                    "claim": c,
                    "attachment": if manual_orphans.contains(&c.id) { Attachment::Orphan } else { Attachment::Attached },
                })).collect::<Vec<_>>(),
                "orphans": o.analysis.attached.orphans.iter().chain(manual_orphans).collect::<Vec<_>>(),
            });
            if log {
                out["log"] = serde_json::to_value(o.journal.log()).expect("the log encodes");
            }
            say!("{}", out::json(&out));
        }
        super::super::Format::Text => print_text(&claims, ann, o.journal.log(), log),
    }
    Ok(ExitCode::SUCCESS)
}

/// The annotations as text, one line each; the log too when `log`.
fn print_text(
    claims: &[ClaimListing<'_>],
    ann: &crate::annotate::Annotations,
    entries: &[crate::annotate::Entry],
    log: bool,
) {
    for c in claims {
        let flag = match c.attachment {
            Attachment::Attached => "",
            Attachment::Moved => " (moved)",
            Attachment::Orphan => " (ORPHAN: its claim is gone)",
        };
        say!(
            "{} {}{}: {} grade {} {:?}{}{}",
            c.note.anchor.report,
            c.claim.unwrap_or(c.key),
            flag,
            c.note.verdict,
            c.note.grade.map_or("-", |g| g.id()),
            crate::text::sanitize(&c.note.anchor.text),
            if c.note.tags.is_empty() {
                String::new()
            } else {
                format!(
                    " tags: {}",
                    c.note.tags.iter().cloned().collect::<Vec<_>>().join(", ")
                )
            },
            if c.note.note.is_empty() {
                String::new()
            } else {
                format!(
                    " note: {}",
                    crate::text::sanitize(&c.note.note).replace('\n', " / ")
                )
            },
        );
    }
    for (report, s) in &ann.sources {
        say!(
            "{report}: source {} {}",
            s.reliability.map_or("-", |r| r.id()),
            crate::text::sanitize(&s.note)
        );
    }
    for (incident, slots) in &ann.slots {
        for (slot, n) in slots {
            let a = n.assessment.clone().unwrap_or_default();
            say!(
                "{incident} / {slot}: status {} best {:?} range {:?} {}",
                n.status.map_or("-", |s| s.id()),
                a.best,
                a.range,
                crate::text::sanitize(&a.rationale)
            );
        }
    }
    for (report, ids) in &ann.memberships {
        say!("{report}: under {}", crate::text::sanitize(&ids.join(", ")));
    }
    for (id, edit) in &ann.incidents {
        say!("incident {id}: {}", crate::text::sanitize(&edit.describe()));
    }
    for c in ann.manual.values() {
        say!(
            "{} {} (manual {}): {:?}",
            c.report,
            c.id,
            c.kind().id(),
            crate::text::sanitize(&c.text)
        );
    }
    if log {
        for e in entries {
            say!(
                "#{} {} {}: {}",
                e.seq,
                e.at,
                e.by,
                crate::text::sanitize(&e.describe())
            );
        }
    }
}
