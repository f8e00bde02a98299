//! The search worker: a thread owning the search index, answering the latest query. The
//! interface sends each keystroke's query and goes on; stale queries are skipped, and a query
//! that extends the previous one searches only what that one matched.

use std::sync::{Arc, mpsc};

use crate::annotate::{Annotations, Attached};
use crate::model::{Claim, Corpus};
use crate::search::{Answer, SearchIndex};

use crate::tui::app::forms::SearchHit;

/// Hits sent back per query.
pub const LIMIT: usize = 200;

/// What the interface asks.
#[derive(Debug)]
pub enum Request {
    /// Index the corpus and its claims.
    Build {
        /// The corpus.
        corpus: Arc<Corpus>,
        /// Claims per report (manual ones included).
        claims: Arc<Vec<Vec<Claim>>>,
    },
    /// Notes and tags changed.
    Notes {
        /// The annotations.
        annotations: Arc<Annotations>,
        /// Where they landed.
        attached: Box<Attached>,
    },
    /// Answer this query.
    Query(String),
}

pub use crate::tui::app::forms::SearchReply as Reply;

/// Start the worker.
pub fn spawn() -> (mpsc::Sender<Request>, mpsc::Receiver<Reply>) {
    let (tx, rx) = mpsc::channel::<Request>();
    let (reply_tx, reply_rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("search".into())
        .spawn(move || {
            let mut index: Option<SearchIndex> = None;
            let mut corpus: Option<Arc<Corpus>> = None;
            let mut last: Option<(String, Answer)> = None;
            while let Ok(first) = rx.recv() {
                // Everything queued, in order, but only the latest query is answered.
                let mut query = None;
                for request in std::iter::once(first).chain(rx.try_iter()) {
                    match request {
                        Request::Build { corpus: c, claims } => {
                            index = Some(SearchIndex::build(Arc::clone(&c), &claims));
                            corpus = Some(c);
                            last = None;
                        }
                        Request::Notes {
                            annotations,
                            attached,
                        } => {
                            if let (Some(i), Some(c)) = (index.as_mut(), corpus.as_ref()) {
                                i.set_notes(c, &annotations, &attached);
                                last = None;
                            }
                        }
                        Request::Query(q) => query = Some(q),
                    }
                }
                let (Some(q), Some(index)) = (query, index.as_ref()) else {
                    continue;
                };
                let within = last
                    .as_ref()
                    .filter(|(prev, _)| {
                        !prev.trim().is_empty() && q.trim().starts_with(prev.trim())
                    })
                    .map(|(_, a)| a.matched.as_slice());
                let answer = index.search(&q, within, LIMIT);
                let hits = hits(index, &q, &answer);
                let reply = Reply {
                    query: q.clone(),
                    hits,
                    total: answer.total,
                };
                last = Some((q, answer));
                if reply_tx.send(reply).is_err() {
                    return;
                }
            }
        });
    if let Err(e) = spawned {
        tracing::error!("cannot start the search thread: {e}");
    }
    (tx, reply_rx)
}

/// The hits of `answer` as the search box shows them.
pub fn hits(index: &SearchIndex, query: &str, answer: &Answer) -> Vec<SearchHit> {
    answer
        .hits
        .iter()
        .map(|h| {
            let it = &index.items()[h.item];
            SearchHit {
                kind: it.kind,
                report: it.report,
                claim: it.claim.as_deref().map(str::to_string),
                at: it.at,
                text: index.text(h.item).into_owned(),
                marks: index.highlight(h.item, query),
            }
        })
        .collect()
}
