//! A session: the interface's state with what performs its effects — the journal, the
//! analysis worker and the search worker. Key events go to `update`; the effects it returns
//! are performed here, in order, and their outcomes handed back to `update`. Tests drive a
//! session with the analysis answered inline, so that what they see is deterministic.

use std::collections::VecDeque;
use std::sync::{Arc, mpsc};

use ratatui::crossterm::event::Event;

use super::analysis::{self, Request, Worker};
use super::data_file::{self, Change};
use super::search;
use crate::annotate::{Journal, Receipt};
use crate::tui::app::analysis::Analysis;
use crate::tui::app::{App, Effect, Layer, Write};
use crate::tui::update::{self, results};

/// Where analysis requests are answered.
enum Analyst {
    /// On this thread, at once (tests and benchmarks).
    Inline,
    /// On the worker thread.
    Thread(Worker),
}

/// The search worker's two ends.
struct Searcher {
    requests: mpsc::Sender<search::Request>,
    replies: mpsc::Receiver<search::Reply>,
}

/// The interface's state and what performs its effects.
pub struct Session {
    /// What `update` changes and drawing reads.
    pub app: App,
    /// The analyst's annotations of this file; `None` for the built-in copy.
    pub journal: Option<Journal>,
    analyst: Analyst,
    searcher: Option<Searcher>,
    /// Set when the user asked to quit.
    pub quit: bool,
}

impl Session {
    /// A session over `app` whose analysis is answered inline: every key's consequences are
    /// in the state when `handle_event` returns.
    pub fn inline(app: App, journal: Option<Journal>) -> Session {
        Session::new(app, journal, Analyst::Inline)
    }

    /// A session whose analysis and search run on worker threads (the terminal's).
    pub fn threaded(app: App, journal: Option<Journal>) -> Session {
        let mut session = Session::new(app, journal, Analyst::Thread(Worker::spawn()));
        session.start_search();
        session
    }

    fn new(mut app: App, journal: Option<Journal>, analyst: Analyst) -> Session {
        app.model.annotations = journal.as_ref().map(|j| Arc::new(j.annotations().clone()));
        Session {
            app,
            journal,
            analyst,
            searcher: None,
            quit: false,
        }
    }

    /// Start the search worker; it indexes the claims when they arrive.
    pub fn start_search(&mut self) {
        let (requests, replies) = search::spawn();
        if let Some(claims) = &self.app.model.claims {
            let _ = requests.send(search::Request::Build {
                corpus: Arc::clone(&self.app.model.doc.corpus),
                claims: Arc::clone(claims),
            });
        }
        self.searcher = Some(Searcher { requests, replies });
    }

    /// Lay the annotations' grouping over the data file and start the analysis.
    pub fn start(&mut self) {
        update::incidents::regroup_document(&mut self.app);
        self.perform(vec![Effect::Analyse]);
        update::fit(&mut self.app);
    }

    /// True while the analysis worker has requests to answer.
    pub fn busy(&self) -> bool {
        match &self.analyst {
            Analyst::Thread(w) => w.busy(),
            Analyst::Inline => false,
        }
    }

    /// True while a search query waits for its answer.
    pub fn searching(&self) -> bool {
        matches!(self.app.view.top(), Some(Layer::Search(s)) if s.busy)
    }

    /// Handle one terminal event and perform what it asks. True when the screen changed.
    pub fn handle_event(&mut self, event: Event) -> bool {
        let handled = update::handle_event(&mut self.app, event);
        self.perform(handled.effects);
        handled.redraw
    }

    /// Take what the workers have answered. True when something arrived.
    pub fn pump(&mut self) -> bool {
        let mut changed = false;
        loop {
            let reply = match &self.analyst {
                Analyst::Thread(w) => w.replies.try_recv().ok(),
                Analyst::Inline => None,
            };
            let Some(reply) = reply else { break };
            self.deliver(reply);
            changed = true;
        }
        while let Some(reply) = self
            .searcher
            .as_ref()
            .and_then(|s| s.replies.try_recv().ok())
        {
            results::search_reply(&mut self.app, reply);
            changed = true;
        }
        changed
    }

    /// Wait for the search worker's answer to `query`, and take it (for tests).
    pub fn wait_for_search(&mut self, query: &str, timeout: std::time::Duration) -> bool {
        let Some(s) = &self.searcher else {
            return false;
        };
        while let Ok(reply) = s.replies.recv_timeout(timeout) {
            let done = reply.query == query;
            results::search_reply(&mut self.app, reply);
            if done {
                return true;
            }
        }
        false
    }

    /// Wait until the analysis worker has answered everything asked (for tests and
    /// benchmarks of the threaded session).
    pub fn settle(&mut self) {
        loop {
            let Analyst::Thread(w) = &self.analyst else {
                return;
            };
            let busy = w.busy();
            match w.replies.recv_timeout(std::time::Duration::from_millis(20)) {
                Ok(reply) => self.deliver(reply),
                // Replies are sent before the worker counts down: none left when it is idle.
                Err(_) if !busy => return,
                Err(_) => {}
            }
        }
    }

    fn deliver(&mut self, reply: Analysis) {
        let fresh_claims =
            matches!(&reply, Analysis::Claims(d) if d.generation == self.app.model.generation);
        // Where annotations landed changes with claims, not with comparisons.
        let notes_moved = !matches!(reply, Analysis::Comparisons { .. });
        let effects = results::analysed(&mut self.app, reply);
        if fresh_claims && let (Some(s), Some(claims)) = (&self.searcher, &self.app.model.claims) {
            let _ = s.requests.send(search::Request::Build {
                corpus: Arc::clone(&self.app.model.doc.corpus),
                claims: Arc::clone(claims),
            });
        }
        if notes_moved {
            self.send_notes();
        }
        self.perform(effects);
    }

    /// Pick up what other instances or scripts wrote.
    pub fn refresh(&mut self) {
        self.perform(vec![Effect::Refresh]);
    }

    /// Perform `effects`, and those their outcomes ask for, in order.
    pub fn perform(&mut self, effects: Vec<Effect>) {
        let mut queue: VecDeque<Effect> = effects.into();
        // Set once the data file is found changed: writes meant for the old text are refused.
        let mut reloaded = false;
        while let Some(effect) = queue.pop_front() {
            let more = match effect {
                Effect::Write { .. } | Effect::Refresh => {
                    if let Some(more) = self.look_at_data_file(&mut reloaded) {
                        queue.extend(more);
                    }
                    if reloaded && !matches!(effect, Effect::Refresh) {
                        let message = "not saved: the data file changed; look again, then \
                                       repeat the action";
                        results::told(&mut self.app, message.into());
                        continue;
                    }
                    self.write(effect)
                }
                Effect::Export(incident) => {
                    self.export(incident.as_deref());
                    Vec::new()
                }
                Effect::AuditLog => {
                    let lines = self.audit_log();
                    results::shown(&mut self.app, "Audit log (newest first)", lines);
                    Vec::new()
                }
                Effect::Search(q) => {
                    match &self.searcher {
                        Some(s) if s.requests.send(search::Request::Query(q)).is_ok() => {}
                        _ => results::search_unavailable(&mut self.app),
                    }
                    Vec::new()
                }
                Effect::Analyse => {
                    self.ask(Request::analyse(&self.app));
                    Vec::new()
                }
                Effect::Recompute(scope) => {
                    if let Some(request) = Request::recompute(&self.app, scope) {
                        self.ask(request);
                    }
                    Vec::new()
                }
                Effect::Quit => {
                    self.quit = true;
                    Vec::new()
                }
            };
            queue.extend(more);
        }
    }

    fn ask(&mut self, request: Request) {
        match &self.analyst {
            Analyst::Thread(w) => w.ask(request),
            Analyst::Inline => {
                let mut replies = Vec::new();
                analysis::answer(request, |reply| {
                    replies.push(reply);
                    true
                });
                for reply in replies {
                    self.deliver(reply);
                }
            }
        }
    }

    /// Look at the data file before a write or a pick-up; read it again when it changed.
    fn look_at_data_file(&mut self, reloaded: &mut bool) -> Option<Vec<Effect>> {
        let source = self.app.model.doc.source.as_mut()?;
        match data_file::look(source, &self.app.model.doc.filed) {
            Change::Same => None,
            Change::Unreadable(message) => {
                results::told(&mut self.app, message);
                None
            }
            Change::Reloaded { message, corpus } => {
                *reloaded = true;
                Some(vec![results::data_file_reloaded(
                    &mut self.app,
                    *corpus,
                    message,
                )])
            }
        }
    }

    /// Write to the journal (or pick up others' writes) and hand the outcome to `update`.
    fn write(&mut self, effect: Effect) -> Vec<Effect> {
        let Some(journal) = self.journal.as_mut() else {
            return Vec::new();
        };
        let (result, idle, editor) = match effect {
            Effect::Write { write, editor } => {
                let idle = match write {
                    Write::Undo => "nothing to undo",
                    Write::Redo => "nothing to redo",
                    _ => "no change",
                };
                let result = match write {
                    Write::Set(sets) => journal.set(sets),
                    Write::Edit(edits) => journal.edit(edits),
                    Write::Undo => journal.undo(),
                    Write::Redo => journal.redo(),
                };
                (result, idle, editor)
            }
            Effect::Refresh => match journal.refresh() {
                Ok(0) => return Vec::new(),
                Ok(n) => (
                    Ok(Receipt {
                        entry: None,
                        others: n,
                        warning: None,
                    }),
                    "no change",
                    None,
                ),
                Err(e) => (Err(e), "no change", None),
            },
            _ => return Vec::new(),
        };
        match result {
            Ok(receipt) => {
                let annotations = Arc::new(journal.annotations().clone());
                let effects = results::written(&mut self.app, &receipt, annotations, idle);
                self.send_notes();
                effects
            }
            Err(e) => {
                tracing::error!("annotation not saved: {e}");
                results::not_saved(&mut self.app, &e.to_string(), editor);
                Vec::new()
            }
        }
    }

    /// Tell the search worker the notes and tags changed.
    fn send_notes(&self) {
        if let (Some(s), Some(a)) = (&self.searcher, &self.app.model.annotations) {
            let _ = s.requests.send(search::Request::Notes {
                annotations: Arc::clone(a),
                attached: Box::new(self.app.model.notes.attached.clone()),
            });
        }
    }

    /// The audit log's lines, newest first.
    fn audit_log(&self) -> Vec<String> {
        match &self.journal {
            Some(j) if !j.log().is_empty() => j
                .log()
                .iter()
                .rev()
                .map(|e| {
                    let at = e.at.round(jiff::Unit::Second).unwrap_or(e.at);
                    format!("#{} {} {}: {}", e.seq, at, e.by, e.describe())
                })
                .collect(),
            Some(_) => vec!["Nothing annotated yet.".to_string()],
            None => vec![update::annotation::NO_JOURNAL.to_string()],
        }
    }

    /// Write the brief of `incident` (every incident when `None`) beside the data file.
    fn export(&mut self, incident: Option<&str>) {
        let model = &self.app.model;
        let (Some(journal), Some(comparisons), Some(claims)) =
            (self.journal.as_ref(), &model.comparisons, &model.claims)
        else {
            let message = "the comparison is still being computed; export in a moment";
            results::told(&mut self.app, message.into());
            return;
        };
        let brief = crate::annotate::brief::build(
            crate::annotate::brief::Inputs {
                corpus: &model.doc.corpus,
                file: &model.doc.name,
                claims,
                comparisons,
                annotations: journal.annotations(),
                attached: &model.notes.attached,
            },
            incident,
        );
        let text = crate::annotate::brief::markdown(&brief);
        let snapshot = &journal.paths().snapshot;
        let name = snapshot.file_name().and_then(|n| n.to_str()).map_or_else(
            || "brief.md".into(),
            |n| n.replace(".annotations.ron", ".brief.md"),
        );
        let path = snapshot.with_file_name(name);
        let message = match crate::store::replace_file(&path, text.as_bytes()) {
            Ok(()) => format!("brief written to {}", path.display()),
            Err(e) => format!("brief NOT written to {}: {e}", path.display()),
        };
        results::told(&mut self.app, message);
    }

    /// Leave: the journal is compacted (nothing is lost if it cannot be).
    pub fn close(&mut self) {
        if let Some(journal) = self.journal.as_mut()
            && let Err(e) = journal.compact()
        {
            tracing::warn!("annotations not compacted on quit: {e}");
        }
    }
}
