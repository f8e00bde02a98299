//! The data file under the TUI. Another program (an import, an editor) may rewrite it while
//! the analyst works; a judgement made on the text as it was must never land on the text as
//! it is. So the file is looked at (its metadata, cheaply) with every periodic pick-up and
//! before every write: when it changed, it is read again, the annotations are found again on
//! the new claims by their words (a changed figure becomes an orphan, never carried over), the
//! analyst is told what moved, and the write that was about to happen is not made.

use crate::model::Corpus;
use crate::store::{self, Stamp};
use crate::tui::app::Source;

/// What looking at the data file found.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// As it was.
    Same,
    /// Changed and read again.
    Reloaded {
        /// What to tell the analyst.
        message: String,
        /// The data file as read now.
        corpus: Box<Corpus>,
    },
    /// Changed, but it cannot be read now (half written, or broken): still shown as it was.
    Unreadable(String),
}

/// Look at the data file `source`, shown as `filed`; read it again if it changed on disk.
pub fn look(source: &mut Source, filed: &Corpus) -> Change {
    let now = Stamp::of(&source.path);
    if now == source.stamp {
        return Change::Same;
    }
    // Asked again only when it changes again.
    source.stamp = now;
    let loaded = match store::load(&source.path) {
        Ok(loaded) => loaded,
        Err(e) => {
            tracing::warn!("the data file changed and cannot be read: {e}");
            let first = e.to_string().lines().next().unwrap_or_default().to_string();
            return Change::Unreadable(format!(
                "{} changed on disk and cannot be read now; still showing it as it was ({first})",
                source.path.display()
            ));
        }
    };
    if loaded.fingerprint == source.fingerprint {
        return Change::Same;
    }
    source.fingerprint = loaded.fingerprint;
    let what = differences(filed, &loaded.corpus);
    let message = format!(
        "{} changed on disk and was read again: {what}; annotations are found again on the \
         claims by their words, and any whose words changed are listed as orphans",
        source.path.display()
    );
    tracing::info!("{message}");
    Change::Reloaded {
        message,
        corpus: Box::new(loaded.corpus),
    }
}

/// What changed between two versions of the data file, in words.
fn differences(before: &Corpus, after: &Corpus) -> String {
    let old: rustc_hash::FxHashMap<&str, &str> = before
        .reports
        .iter()
        .map(|r| (r.id.as_str(), r.body.as_str()))
        .collect();
    let mut changed = 0;
    let mut added = 0;
    for r in &after.reports {
        match old.get(r.id.as_str()) {
            Some(body) if *body != r.body => changed += 1,
            Some(_) => {}
            None => added += 1,
        }
    }
    let kept = after
        .reports
        .iter()
        .filter(|r| old.contains_key(r.id.as_str()))
        .count();
    let removed = before.reports.len() - kept;
    let mut parts = Vec::new();
    for (n, what) in [
        (changed, "report text changed"),
        (added, "report added"),
        (removed, "report removed"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    if parts.is_empty() {
        "the reports' texts are the same, their details changed".into()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_count_what_moved() {
        let before = store::parse(crate::sample::TEXT.as_bytes(), "s.ron".as_ref()).unwrap();
        let mut after = before.clone();
        after.reports[0].body.push_str(" More.");
        after.reports.remove(1);
        assert_eq!(
            differences(&before, &after),
            "1 report text changed, 1 report removed"
        );
    }
}
