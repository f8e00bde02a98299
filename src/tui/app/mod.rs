//! The application's core: the [`model::Model`] (what is known), the [`view::View`] (how it is
//! looked at), the configuration (key map, theme), the [`layer::Layer`]s over the panes and
//! the [`effect::Effect`]s `update` returns. Nothing here does I/O or touches a terminal.

pub mod analysis;
pub mod arrange;
pub mod effect;
pub mod filter;
pub mod forms;
pub mod layer;
pub mod model;
pub mod queue;
pub mod spot;
pub mod view;

use crate::compare::Comparison;
use crate::model::Claim;

pub use effect::{Effect, Scope, Write};
pub use layer::Layer;
pub use model::{Document, Model, NoteView, Source};
pub use view::{ArticleList, ClaimView, ComparisonView, Found, Pane, ReaderShown, Row, View};

use super::config::Config;

/// What `update` changes and drawing reads: the model, the view and the configuration.
#[derive(Debug, Clone)]
pub struct App {
    /// What is known.
    pub model: Model,
    /// How it is looked at.
    pub view: View,
    /// Key map and theme.
    pub config: Config,
}

impl App {
    /// A fresh view of `doc` at terminal size `size`.
    pub fn new(doc: Document, config: Config, size: (u16, u16)) -> Self {
        let view = View::new(&doc.index, size);
        App {
            model: Model::new(doc),
            view,
            config,
        }
    }

    /// The claims listed in the claims pane now.
    pub fn listed_claims(&self) -> &[Claim] {
        match self.view.claims.report {
            Some(r) => self.model.claims_of(r),
            None => &[],
        }
    }

    /// The selected claim.
    pub fn selected_claim(&self) -> Option<&Claim> {
        let c = &self.view.claims;
        self.listed_claims().get(*c.shown.get(c.selected)?)
    }

    /// The report under the selection in the article list.
    pub fn selected_report(&self) -> Option<usize> {
        self.view.selected_report()
    }

    /// The incident group under the selection.
    pub fn selected_group(&self) -> Option<usize> {
        self.view.selected_group()
    }

    /// The incident (corpus index) under the selection, if its group is one.
    pub fn selected_incident(&self) -> Option<usize> {
        self.model
            .doc
            .index
            .groups
            .get(self.selected_group()?)?
            .incident
    }

    /// The comparison of the incident under the selection, when computed.
    pub fn selected_comparison(&self) -> Option<&Comparison> {
        self.model.comparison(self.selected_incident()?)
    }

    /// The annotation of `claim`, if it has one.
    pub fn note_of(&self, claim: &Claim) -> Option<&crate::annotate::ClaimNote> {
        self.model.note_of(claim)
    }

    /// True when the file's annotations are kept (not the built-in copy).
    pub fn annotating(&self) -> bool {
        self.model.annotations.is_some()
    }

    /// The grade crosscheck suggests for `claim`.
    pub fn suggestion(&self, claim: &Claim) -> Option<crate::annotate::Suggestion> {
        let corpus = &self.model.doc.corpus;
        let i = corpus
            .incidents
            .iter()
            .position(|x| x.id == claim.incident)?;
        crate::annotate::suggest(self.model.comparison(i)?, &claim.id)
    }

    /// The action `key` runs now: the keys that walk a search's hits first while they are
    /// live, then the top layer's or the focused pane's context.
    pub fn resolve(
        &self,
        key: crate::tui::config::keys::Key,
    ) -> Option<crate::tui::action::Action> {
        let keymap = &self.config.keymap;
        self.view
            .found_context()
            .and_then(|found| keymap.resolve(found, key))
            .or_else(|| keymap.resolve(self.view.context(), key))
    }

    /// " (KEY what)" naming the key of `action` in `context` for a message, or nothing when
    /// no key runs it: messages never name a key the analyst's key map does not have.
    pub fn key_hint(
        &self,
        context: crate::tui::config::keymap::Context,
        action: crate::tui::action::Action,
        what: &str,
    ) -> String {
        match self.config.keymap.key_for(context, action) {
            Some(key) if what.is_empty() => format!(" ({key})"),
            Some(key) => format!(" ({key} {what})"),
            None => String::new(),
        }
    }
}
