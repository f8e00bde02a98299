//! Importing articles into a data file: plain text and Markdown, saved HTML pages (main text
//! found by a readability parser), and JSON Lines (one article a line).
//!
//! Each imported report keeps its text verbatim and its provenance (the path or URL it came
//! from and a hash of its text), so the same article is never imported twice. Its dateline and
//! wire agency are read from the text; metadata the text does not state is left unknown or
//! marked as inferred. It is attached to an existing incident when its lead clearly names the
//! same place (and no date contradicts it), or a new incident is created; a later paragraph
//! that counts casualties at another incident's place adds that incident too.

mod evidence;
mod group;
mod lead;
mod masthead;
mod place;
mod plain_html;
mod read;
mod records;
pub mod regroup;
mod words;

pub use masthead::dateline;
pub use read::{
    Article, FileKind, ReadAll, ReadError, article_of_json, article_of_value, collect_files,
    drop_invisible, read_all, read_file, text_hash,
};

use crate::extract::incident::Incidents;
use crate::extract::{Extractor, Reading};
use crate::model::{Corpus, Report};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use evidence::Evidence;
use group::{Candidate, Grouping, Verdict, verdict};
use lead::{Lead, dates_conflict, lead_of, place_words, with_dateline};
use records::{Ids, new_incident, new_report};
use words::{Vocabulary, Words};

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Reports added: (report id, source, incidents it was put under, how).
    pub added: Vec<(String, String, Vec<String>, String)>,
    /// Articles skipped as already there: (source, id of the report that has the text).
    pub duplicates: Vec<(String, String)>,
    /// Incidents created.
    pub created: Vec<String>,
}

/// Add `articles` to `corpus`.
pub fn import(corpus: &mut Corpus, articles: Vec<Article>, extractor: &Extractor) -> Summary {
    let mut summary = Summary::default();
    let mut known = known_texts(corpus);
    let (mut report_ids, mut incident_ids) = ids_of(corpus);
    let mut grouping = Grouping::default();
    // The words' weights come from every report the import sees, counted before any is
    // placed, so that the first report placed is weighed as the last.
    let mut vocabulary = Vocabulary::default();
    let mut existing: Vec<_> = corpus
        .reports
        .iter()
        .map(|r| vocabulary.count(&r.body))
        .collect();
    let incoming: Vec<_> = articles.iter().map(|a| vocabulary.count(&a.body)).collect();
    grouping.word_weights = vocabulary.weighed();
    for (i, incident) in corpus.incidents.iter().enumerate() {
        grouping.add_place(i, &place_words(&incident.place));
    }
    let index = Incidents::new(corpus);
    let position: FxHashMap<&str, usize> = corpus
        .incidents
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.as_str(), i))
        .collect();
    let read: Vec<(Lead, Evidence)> = corpus
        .reports
        .par_iter()
        .zip(existing.par_iter_mut())
        .map(|(report, words)| read_report(extractor, report, &index, std::mem::take(words)))
        .collect();
    for (report, (lead, evidence)) in corpus.reports.iter().zip(&read) {
        for id in &report.incidents {
            if let Some(&i) = position.get(id.as_str()) {
                grouping.add(i, report.outlet.value().map(String::as_str), lead, evidence);
            }
        }
    }
    drop(position);

    // What each report of this import brought, for the second look.
    let mut placed: Vec<Placed> = Vec::new();
    let no_incidents = Corpus::new();
    let unfiled = Incidents::new(&no_incidents);
    // The new reports, each read on its own (on every core), then placed one by one.
    let mut fresh = Vec::new();
    for (article, words) in articles.into_iter().zip(incoming) {
        if let Some((report, hash)) =
            unless_known(&article, &known, &mut summary, extractor, &mut report_ids)
        {
            known.insert(hash.clone(), report.id.clone());
            fresh.push((report, hash, article.source, words));
        }
    }
    // A report not yet under an incident is read against none: indexing the file's
    // incidents for each report would make an import quadratic.
    let read: Vec<(Lead, Evidence)> = fresh
        .par_iter_mut()
        .map(|(report, _, _, words)| {
            read_report(extractor, report, &unfiled, std::mem::take(words))
        })
        .collect();
    for ((mut report, hash, source, _), (lead, evidence)) in fresh.into_iter().zip(read) {
        let outlet = report.outlet.value().cloned();
        let candidates = grouping.candidates(outlet.as_deref(), &lead, &evidence, None, |i| {
            !dates_conflict(corpus.incidents[i].stated_date(), lead.date)
        });
        let joined = verdict(candidates);
        let started = !matches!(joined, Verdict::Join(_));
        let (main, how) = match joined {
            Verdict::Join(best) => {
                date_from(corpus, best.incident, &lead);
                (best.incident, format!("attached: {}", best.why()))
            }
            verdict => {
                let incident = new_incident(&report, &lead, &mut incident_ids);
                summary.created.push(incident.id.clone());
                corpus.incidents.push(incident);
                (corpus.incidents.len() - 1, alone_because(corpus, verdict))
            }
        };
        grouping.add(main, outlet.as_deref(), &lead, &evidence);
        report.incidents.push(corpus.incidents[main].id.clone());
        // A later paragraph counting casualties at another incident's place covers it too.
        for (words, _) in &lead.later_places {
            if let Some(i) = grouping.place_of(words, main) {
                let id = corpus.incidents[i].id.clone();
                if !report.incidents.contains(&id) {
                    report.incidents.push(id);
                }
            }
        }
        added(&mut summary, &mut known, hash, &report, &source, how);
        placed.push(Placed {
            report: corpus.reports.len(),
            main,
            started,
            lead,
            evidence,
            outlet,
        });
        corpus.reports.push(report);
    }
    second_look(corpus, &mut grouping, &placed, &mut summary);
    // The reason stays with the report, for the reader.
    for (p, (_, _, _, how)) in placed.iter().zip(&summary.added) {
        if let Some(provenance) = corpus.reports[p.report].provenance.as_mut() {
            provenance.grouped = Some(how.clone());
        }
    }
    summary
}

/// What grouping weighs of `report`: its lead, read against `incidents`, and the evidence of
/// its opening, with its `words`.
fn read_report(
    extractor: &Extractor,
    report: &Report,
    incidents: &Incidents,
    words: Words,
) -> (Lead, Evidence) {
    let lead = with_dateline(
        lead_of(&extractor.report_in(report, incidents), report),
        report,
    );
    let mut evidence = Evidence::of(&report.body, report.dateline.value().map(String::as_str));
    evidence.words = words;
    (lead, evidence)
}

/// The ids the reports and the incidents of `corpus` have taken.
fn ids_of(corpus: &Corpus) -> (Ids, Ids) {
    (
        Ids::of(corpus.reports.iter().map(|r| r.id.as_str())),
        Ids::of(corpus.incidents.iter().map(|i| i.id.as_str())),
    )
}

/// The text hash of every report of `corpus`, to its report's id.
fn known_texts(corpus: &Corpus) -> FxHashMap<String, String> {
    corpus
        .reports
        .iter()
        .map(|r| {
            (
                r.provenance
                    .as_ref()
                    .and_then(|p| p.text_hash.clone())
                    .unwrap_or_else(|| text_hash(&r.body)),
                r.id.clone(),
            )
        })
        .collect()
}

/// The report `article` makes, with its text's hash, unless a report of the file (or of this
/// import) has the same text: then it is listed as a duplicate.
fn unless_known(
    article: &Article,
    known: &FxHashMap<String, String>,
    summary: &mut Summary,
    extractor: &Extractor,
    ids: &mut Ids,
) -> Option<(Report, String)> {
    let hash = text_hash(&article.body);
    if let Some(id) = known.get(&hash) {
        summary
            .duplicates
            .push((article.source.clone(), id.clone()));
        return None;
    }
    Some((new_report(article, &hash, extractor.lexicon(), ids), hash))
}

/// Records `report`, made of the article read from `source` and filed as `how`, as added by
/// this import and its text (`hash`) as known, so that a later article with the same text is
/// a duplicate.
fn added(
    summary: &mut Summary,
    known: &mut FxHashMap<String, String>,
    hash: String,
    report: &Report,
    source: &str,
    how: String,
) {
    known.insert(hash, report.id.clone());
    summary.added.push((
        report.id.clone(),
        source.to_string(),
        report.incidents.clone(),
        how,
    ));
}

/// The file an import of `article` alone into an empty file makes: its report, under the
/// incident its lead describes. The same as [`import`] gives, without the work of weighing
/// the incidents of a file (there are none): what the batch filter needs per line. With it,
/// the reading its lead was taken from, to be filed under that incident.
pub fn alone(article: &Article, extractor: &Extractor) -> (Corpus, Reading) {
    let mut corpus = Corpus::new();
    let (mut report_ids, mut incident_ids) = ids_of(&corpus);
    let hash = text_hash(&article.body);
    let mut report = new_report(article, &hash, extractor.lexicon(), &mut report_ids);
    let reading = extractor.reading(&report, &Incidents::new(&corpus));
    let lead = with_dateline(lead_of(reading.claims(), &report), &report);
    let incident = new_incident(&report, &lead, &mut incident_ids);
    report.incidents.push(incident.id.clone());
    if let Some(p) = report.provenance.as_mut() {
        p.grouped = Some("new incident: read alone (batch)".into());
    }
    corpus.incidents.push(incident);
    corpus.reports.push(report);
    (corpus, reading)
}

/// Add `articles` to `corpus`, every one under incident `id`, as the analyst says: no
/// grouping. An incident of that id is made from the first article when the file has none.
pub fn import_under(
    corpus: &mut Corpus,
    articles: Vec<Article>,
    extractor: &Extractor,
    id: &str,
) -> Summary {
    let mut summary = Summary::default();
    let mut known = known_texts(corpus);
    let (mut report_ids, mut incident_ids) = ids_of(corpus);
    for article in articles {
        let Some((mut report, hash)) =
            unless_known(&article, &known, &mut summary, extractor, &mut report_ids)
        else {
            continue;
        };
        if corpus.incident(id).is_none() {
            let claims = extractor.report(&report, corpus);
            let lead = with_dateline(lead_of(&claims, &report), &report);
            let mut incident = new_incident(&report, &lead, &mut incident_ids);
            incident.id = id.to_string();
            summary.created.push(incident.id.clone());
            corpus.incidents.push(incident);
        }
        report.incidents.push(id.to_string());
        let how = "filed under it, as asked (--incident)".to_string();
        if let Some(p) = report.provenance.as_mut() {
            p.grouped = Some(how.clone());
        }
        added(
            &mut summary,
            &mut known,
            hash,
            &report,
            &article.source,
            how,
        );
        corpus.reports.push(report);
    }
    summary
}

/// A report this import placed, with the evidence it was placed by.
struct Placed {
    /// Its index in the corpus's reports.
    report: usize,
    /// The incident it was put under.
    main: usize,
    /// Whether that incident was made for it.
    started: bool,
    lead: Lead,
    evidence: Evidence,
    outlet: Option<String>,
}

/// Sets an incident's date from a report's lead when it has none, or has only an inferred
/// one and the report states the day.
fn date_from(corpus: &mut Corpus, incident: usize, lead: &Lead) {
    let record = &mut corpus.incidents[incident];
    if record.stated_date().is_some() {
        return;
    }
    match lead.incident_date() {
        Some((date, None)) => {
            record.date = Some(date);
            record.date_inferred = None;
        }
        Some((date, why)) if record.date.is_none() => {
            record.date = Some(date);
            record.date_inferred = why;
        }
        _ => {}
    }
}

/// Why a report got an incident of its own.
fn alone_because(corpus: &Corpus, verdict: Verdict) -> String {
    let id = |c: &Candidate| corpus.incidents[c.incident].id.clone();
    match verdict {
        Verdict::Unclear(a, b) => format!(
            "new incident: several incidents match about equally ({} {}; {} {})",
            id(&a),
            a.why(),
            id(&b),
            b.why()
        ),
        Verdict::Alone(Some(c)) => format!(
            "new incident: no incident shares enough with it (closest {} {})",
            id(&c),
            c.why()
        ),
        _ => "new incident: no incident shares anything with it".to_string(),
    }
}

/// A second look at the reports this import left alone in an incident of their own: the
/// reports that came after them may share enough with them, which their own turn could not
/// see. Such a report moves to the incident it now matches, and its own incident goes.
fn second_look(
    corpus: &mut Corpus,
    grouping: &mut Grouping,
    placed: &[Placed],
    summary: &mut Summary,
) {
    let mut holding: FxHashMap<usize, usize> = FxHashMap::default();
    for p in placed {
        *holding.entry(p.main).or_default() += 1;
    }
    let mut gone: FxHashSet<usize> = FxHashSet::default();
    for (n, p) in placed.iter().enumerate() {
        if !p.started || holding.get(&p.main) != Some(&1) {
            continue;
        }
        let candidates = grouping.candidates(
            p.outlet.as_deref(),
            &p.lead,
            &p.evidence,
            Some(p.main),
            |i| {
                i != p.main
                    && !gone.contains(&i)
                    && !dates_conflict(corpus.incidents[i].stated_date(), p.lead.date)
            },
        );
        let Verdict::Join(best) = verdict(candidates) else {
            continue;
        };
        gone.insert(p.main);
        *holding.entry(best.incident).or_default() += 1;
        date_from(corpus, best.incident, &p.lead);
        grouping.add(best.incident, p.outlet.as_deref(), &p.lead, &p.evidence);
        let target = corpus.incidents[best.incident].id.clone();
        let report = &mut corpus.reports[p.report];
        // It may already cover the target through a later paragraph: once, and first.
        report.incidents.retain(|i| *i != target);
        report.incidents[0] = target;
        let added = &mut summary.added[n];
        added.2.clone_from(&report.incidents);
        added.3 = format!(
            "attached on a second look, after the reports that came later: {}",
            best.why()
        );
    }
    if gone.is_empty() {
        return;
    }
    let gone: FxHashSet<String> = gone
        .iter()
        .map(|&i| corpus.incidents[i].id.clone())
        .collect();
    corpus.incidents.retain(|i| !gone.contains(&i.id));
    summary.created.retain(|c| !gone.contains(c));
    for p in placed {
        corpus.reports[p.report]
            .incidents
            .retain(|i| !gone.contains(i));
    }
    for added in &mut summary.added {
        added.2.retain(|i| !gone.contains(i));
    }
}
