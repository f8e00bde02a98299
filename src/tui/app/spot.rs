//! Where the analyst was: the article, claim, pane and slot, by id, so that quitting and
//! opening the same file again returns there. Ids, not row numbers: the file may have changed
//! in between, and a spot that no longer exists is simply not restored.

use serde::{Deserialize, Serialize};

use super::{App, Pane};

/// The spot of one data file, as remembered between runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Spot {
    /// The selected report's id.
    pub report: Option<String>,
    /// The incident it was listed under (a report may cover several); none when unassigned.
    pub incident: Option<String>,
    /// The selected claim's id, in the claims pane.
    pub claim: Option<String>,
    /// The focused pane, by name.
    pub focus: String,
    /// The comparison's selected slot.
    pub slot: usize,
    /// The reader was open.
    pub reader: bool,
}

impl Spot {
    /// Where `app` is now; `None` on an empty file.
    pub fn of(app: &App) -> Option<Spot> {
        let r = app.selected_report()?;
        let corpus = &app.model.doc.corpus;
        Some(Spot {
            report: Some(corpus.reports.get(r)?.id.clone()),
            incident: app
                .selected_incident()
                .and_then(|i| corpus.incidents.get(i))
                .map(|i| i.id.clone()),
            claim: app.selected_claim().map(|c| c.id.clone()),
            focus: app.view.focus.title().to_string(),
            slot: app.view.comparison.selected,
            reader: app.view.reader.is_some(),
        })
    }

    /// The focused pane, if the name is one.
    pub fn pane(&self) -> Option<Pane> {
        [Pane::Articles, Pane::Claims, Pane::Comparison, Pane::Reader]
            .into_iter()
            .find(|p| p.title() == self.focus)
    }
}
