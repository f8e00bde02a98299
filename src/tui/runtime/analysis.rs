//! The analysis worker: extraction, attaching the annotations, and comparison, off the
//! interface thread. Requests are answered in order; each reply says which document and
//! annotation version it was computed from (see [`crate::tui::app::analysis`]).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

use crate::annotate::{self, Annotations, Attached};
use crate::compare::Comparison;
use crate::extract::Extractor;
use crate::model::{Claim, Corpus};
use crate::tui::app::analysis::{Analysis, Derived, Patch};
use crate::tui::app::{App, Scope};

/// What the worker is asked.
#[derive(Debug, Clone)]
pub enum Request {
    /// Extract every report's claims and compare every incident.
    Analyse {
        /// The document generation.
        generation: u64,
        /// The corpus.
        corpus: Arc<Corpus>,
        /// The annotations and their version.
        annotations: Option<(Arc<Annotations>, u64)>,
    },
    /// The annotations changed: attach them again and compare what they changed.
    Recompute {
        /// The document generation.
        generation: u64,
        /// The corpus.
        corpus: Arc<Corpus>,
        /// Claims as extracted.
        extracted: Arc<Vec<Vec<Claim>>>,
        /// Claims as listed before the change (their incidents are compared again too).
        listed: Arc<Vec<Vec<Claim>>>,
        /// The annotations now, and their version.
        annotations: (Arc<Annotations>, u64),
        /// What changed.
        scope: Scope,
    },
}

impl Request {
    /// The request an `Analyse` effect makes of `app`.
    pub fn analyse(app: &App) -> Request {
        Request::Analyse {
            generation: app.model.generation,
            corpus: Arc::clone(&app.model.doc.corpus),
            annotations: app
                .model
                .annotations
                .as_ref()
                .map(|a| (Arc::clone(a), app.model.version)),
        }
    }

    /// The request a `Recompute` effect makes of `app`; `None` before the first claims.
    pub fn recompute(app: &App, scope: Scope) -> Option<Request> {
        Some(Request::Recompute {
            generation: app.model.generation,
            corpus: Arc::clone(&app.model.doc.corpus),
            extracted: Arc::clone(app.model.notes.extracted.as_ref()?),
            listed: Arc::clone(app.model.claims.as_ref()?),
            annotations: (
                Arc::clone(app.model.annotations.as_ref()?),
                app.model.version,
            ),
            scope,
        })
    }
}

/// Answer `request`, handing each reply to `send` as soon as it is ready; stop early when
/// `send` says nobody listens.
pub fn answer(request: Request, mut send: impl FnMut(Analysis) -> bool) {
    let extractor = Extractor::default();
    match request {
        Request::Analyse {
            generation,
            corpus,
            annotations,
        } => {
            let start = std::time::Instant::now();
            let extracted = Arc::new(extractor.corpus(&corpus));
            tracing::info!(
                reports = extracted.len(),
                ms = start.elapsed().as_millis() as u64,
                "claims extracted"
            );
            let empty = (Arc::new(Annotations::default()), 0);
            let (annotations, version) = annotations.unwrap_or(empty);
            let derived = derive(generation, version, &corpus, extracted, &annotations);
            let compared =
                annotate::for_comparison(&derived.listed, &annotations, &derived.attached);
            if !send(Analysis::Claims(derived)) {
                return;
            }
            let comparisons = crate::compare::compare_all(&corpus, &compared, extractor.lexicon());
            tracing::info!(
                incidents = comparisons.len(),
                ms = start.elapsed().as_millis() as u64,
                "sources compared"
            );
            send(Analysis::Comparisons {
                generation,
                patch: Patch::All(comparisons),
            });
        }
        Request::Recompute {
            generation,
            corpus,
            extracted,
            listed,
            annotations: (annotations, version),
            scope,
        } => {
            let derived = derive(generation, version, &corpus, extracted, &annotations);
            let patch = match scope {
                Scope::Notes => Patch::None,
                Scope::All => Patch::All(crate::compare::compare_all(
                    &corpus,
                    &annotate::for_comparison(&derived.listed, &annotations, &derived.attached),
                    extractor.lexicon(),
                )),
                Scope::Reports(reports) => Patch::Incidents(compare_reports(
                    &corpus,
                    &listed,
                    &derived,
                    &annotations,
                    &reports,
                    &extractor,
                )),
            };
            send(Analysis::Recomputed { derived, patch });
        }
    }
}

/// Attach `annotations` to the extracted claims, add the manual ones, count the reviewed.
fn derive(
    generation: u64,
    version: u64,
    corpus: &Corpus,
    extracted: Arc<Vec<Vec<Claim>>>,
    annotations: &Annotations,
) -> Derived {
    let attached = annotate::attach(annotations, corpus, &extracted);
    // Without manual claims the listed claims are the extracted ones: share, don't copy.
    let listed = if attached.manual.is_empty() {
        Arc::clone(&extracted)
    } else {
        Arc::new(annotate::with_manual(&extracted, &attached))
    };
    let reviewed = reviewed(&listed, annotations, &attached);
    Derived {
        generation,
        version,
        extracted,
        listed,
        attached,
        reviewed,
    }
}

/// Per report: (reviewed, all) claims.
fn reviewed(
    listed: &[Vec<Claim>],
    annotations: &Annotations,
    attached: &Attached,
) -> Vec<(usize, usize)> {
    listed
        .iter()
        .map(|claims| attached.reviewed(annotations, claims))
        .collect()
}

/// Compare again the incidents that `reports`' claims (before and after) are about: work in
/// proportion to those incidents, not to the corpus.
fn compare_reports(
    corpus: &Corpus,
    before: &[Vec<Claim>],
    derived: &Derived,
    annotations: &Annotations,
    reports: &[usize],
    extractor: &Extractor,
) -> Vec<(usize, Comparison)> {
    let listed = &derived.listed;
    let mut incidents: Vec<&String> = Vec::new();
    for &r in reports {
        let claims = before.get(r).into_iter().chain(listed.get(r)).flatten();
        for id in claims
            .map(|c| &c.incident)
            .chain(&corpus.reports[r].incidents)
        {
            if !incidents.contains(&id) {
                incidents.push(id);
            }
        }
    }
    let members = crate::compare::members(corpus, listed);
    let compared = annotate::Compared::new(annotations, &derived.attached);
    let mut out = Vec::new();
    for id in incidents {
        let (Some(i), Some(members)) = (
            corpus.incidents.iter().position(|x| &x.id == id),
            members.get(id),
        ) else {
            continue;
        };
        let mut sparse: Vec<Vec<Claim>> = vec![Vec::new(); corpus.reports.len()];
        for &m in members {
            sparse[m] = compared.claims(&listed[m]);
        }
        let c = crate::compare::compare_members(corpus, &sparse, id, members, extractor.lexicon());
        out.push((i, c));
    }
    out
}

/// Fold a batch of queued requests into the fewest that give the same final state: nothing
/// before the last `Analyse` matters (its document replaces theirs), and the recomputations
/// after it become one, over the union of their scopes, from the latest annotations.
pub fn coalesce(batch: Vec<Request>) -> Vec<Request> {
    let start = batch
        .iter()
        .rposition(|r| matches!(r, Request::Analyse { .. }))
        .unwrap_or(0);
    let mut out: Vec<Request> = Vec::new();
    for request in batch.into_iter().skip(start) {
        match (out.last_mut(), request) {
            (
                Some(Request::Recompute {
                    generation,
                    corpus,
                    extracted,
                    annotations,
                    scope,
                    ..
                }),
                Request::Recompute {
                    generation: g,
                    corpus: c,
                    extracted: e,
                    annotations: a,
                    scope: s,
                    ..
                },
            ) if *generation == g => {
                // The claims before the first change are kept: their incidents are compared too.
                (*corpus, *extracted, *annotations) = (c, e, a);
                *scope = union(std::mem::replace(scope, Scope::Notes), s);
            }
            (_, request) => out.push(request),
        }
    }
    out
}

/// The scope covering both.
fn union(a: Scope, b: Scope) -> Scope {
    match (a, b) {
        (Scope::All, _) | (_, Scope::All) => Scope::All,
        (Scope::Reports(mut x), Scope::Reports(y)) => {
            for r in y {
                if !x.contains(&r) {
                    x.push(r);
                }
            }
            Scope::Reports(x)
        }
        (Scope::Reports(x), Scope::Notes) | (Scope::Notes, Scope::Reports(x)) => Scope::Reports(x),
        (Scope::Notes, Scope::Notes) => Scope::Notes,
    }
}

/// The worker thread: requests in, replies out.
pub struct Worker {
    requests: mpsc::Sender<Request>,
    /// Where the replies arrive.
    pub replies: mpsc::Receiver<Analysis>,
    /// Requests asked and not yet answered (the worker counts down when it has sent the
    /// replies of a batch).
    outstanding: Arc<AtomicUsize>,
}

impl Worker {
    /// Start the worker thread.
    pub fn spawn() -> Worker {
        let (requests, inbox) = mpsc::channel::<Request>();
        let (outbox, replies) = mpsc::channel();
        let outstanding = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&outstanding);
        let spawned = std::thread::Builder::new()
            .name("analysis".into())
            .spawn(move || {
                while let Ok(first) = inbox.recv() {
                    // What queued up while the last batch was answered is answered together.
                    let mut batch = vec![first];
                    batch.extend(inbox.try_iter());
                    let n = batch.len();
                    for request in coalesce(batch) {
                        answer(request, |reply| outbox.send(reply).is_ok());
                    }
                    counter.fetch_sub(n, Ordering::AcqRel);
                }
            });
        if let Err(e) = spawned {
            tracing::error!("cannot start the analysis thread: {e}");
        }
        Worker {
            requests,
            replies,
            outstanding,
        }
    }

    /// Ask; the reply comes on `replies`.
    pub fn ask(&self, request: Request) {
        self.outstanding.fetch_add(1, Ordering::AcqRel);
        if self.requests.send(request).is_err() {
            // A worker that is gone has logged why; the interface goes on with what it has.
            self.outstanding.fetch_sub(1, Ordering::AcqRel);
        }
    }

    /// True while requests wait for their replies.
    pub fn busy(&self) -> bool {
        self.outstanding.load(Ordering::Acquire) > 0
    }
}
