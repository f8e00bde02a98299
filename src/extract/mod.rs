//! Claim extraction: each report turned into structured, attributed claims.
//!
//! A report is split into sentences (sentencex), tokenized once, and each sentence is read by
//! general rules whose vocabulary is the lexicon (`assets/lexicon.ron`): casualty counts,
//! locations, times, actors, responsibility, means, and attributed statements. Each claim gets
//! its attribution (the nearest attribution frame), its hedge, and its incident (see
//! [`incident`]). Extraction never panics on any UTF-8 input.

pub mod actors;
pub mod attribution;
pub mod casualty;
pub mod incident;
pub mod lexicon;
pub mod location;
pub mod numbers;
pub mod tally;
pub mod timex;
pub mod tokens;

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;

use crate::model::{
    Attribution, Claim, Corpus, Detail, Hedge, Outcome, PartialDate, Report, ResponsibilityStatus,
    Who,
};
use attribution::Frame;
use incident::Incidents;
use lexicon::Lexicon;
use tokens::Tokens;

/// Reads reports with one lexicon.
#[derive(Debug, Clone)]
pub struct Extractor {
    lex: std::sync::Arc<Lexicon>,
}

/// A sentence: its bytes and tokens.
#[derive(Debug, Clone, Copy)]
struct Sentence {
    start: usize,
    end: usize,
    from: usize,
    to: usize,
}

thread_local! {
    // Building the segmenter compiles its rules; once per thread is enough.
    static ENGLISH: Box<dyn sentencex::languages::Language> = sentencex::language_factory("en");
}

fn sentences(body: &str, toks: &Tokens) -> Vec<Sentence> {
    let bounds = ENGLISH.with(|lang| {
        lang.get_sentence_boundaries(body)
            .into_iter()
            .map(|b| (b.start_byte, b.end_byte, b.is_paragraph_break))
            .collect::<Vec<_>>()
    });
    let mut out: Vec<Sentence> = Vec::with_capacity(bounds.len());
    for (start, end, paragraph) in bounds {
        if paragraph
            || start >= end
            || end > body.len()
            || !body.is_char_boundary(start)
            || !body.is_char_boundary(end)
        {
            continue;
        }
        let text = &body[start..end];
        let lead = text.len() - text.trim_start().len();
        let trimmed = text.trim();
        if trimmed.is_empty() {
            continue;
        }
        let (start, end) = (start + lead, start + lead + trimmed.len());
        // A "sentence" starting in lower case is the rest of the one before, cut by a stray
        // period ("were present there. mass and that ..."), as garbled copy often has.
        if let Some(last) = out.last_mut()
            && trimmed.chars().next().is_some_and(char::is_lowercase)
            && !body[last.end..start].contains('\n')
        {
            last.end = end;
            last.to = toks.index_at(end);
            continue;
        }
        // One line of a text can still hold several paragraphs' worth of lines (captions,
        // datelines): split at line breaks too, which sentences never cross in news copy.
        let mut line_start = start;
        for line in body[start..end].split('\n') {
            let line_end = line_start + line.len();
            let (ls, le) = (
                line_start + (line.len() - line.trim_start().len()),
                line_start + line.trim_end().len(),
            );
            if ls < le {
                out.push(Sentence {
                    start: ls,
                    end: le,
                    from: toks.index_at(ls),
                    to: toks.index_at(le),
                });
            }
            line_start = line_end + 1;
        }
    }
    out
}

/// The sentences of a text as byte spans, as extraction reads them.
pub fn sentence_spans(body: &str) -> Vec<[usize; 2]> {
    let lower = body.to_ascii_lowercase();
    let toks = Tokens::new(body, &lower);
    sentences(body, &toks)
        .into_iter()
        .map(|s| [s.start, s.end])
        .collect()
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor {
            lex: Lexicon::defaults(),
        }
    }
}

impl Extractor {
    /// An extractor using `lex`.
    pub fn new(lex: Lexicon) -> Self {
        Extractor {
            lex: std::sync::Arc::new(lex),
        }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// The claims of every report, in corpus order, read in parallel.
    pub fn corpus(&self, corpus: &Corpus) -> Vec<Vec<Claim>> {
        let incidents = Incidents::new(corpus);
        corpus
            .reports
            .par_iter()
            .map(|r| self.report_in(r, &incidents))
            .collect()
    }

    /// The claims of one report of `corpus`, in text order.
    pub fn report(&self, report: &Report, corpus: &Corpus) -> Vec<Claim> {
        self.report_in(report, &Incidents::new(corpus))
    }

    /// The claims of one report, with the corpus's incidents already indexed.
    pub fn report_in(&self, report: &Report, incidents: &Incidents) -> Vec<Claim> {
        let lex = &self.lex;
        let body = report.body.as_str();
        let lower = body.to_ascii_lowercase();
        let mut toks = Tokens::new(body, &lower);
        toks.set_masks(lex.masks(&toks));
        let sentences = sentences(body, &toks);
        let anchor = report.published.value().map(|p| p.date());

        let times: Vec<Vec<timex::TimeExpr>> = sentences
            .iter()
            .map(|s| timex::find(&toks, s.from, s.to, anchor))
            .collect();
        // A sentence opening "Since ..." tells history ("Since the army removed Morsi, ...").
        let cues: Vec<bool> = sentences
            .iter()
            .map(|s| {
                toks.is(s.from, "since")
                    || (s.from..s.to).any(|i| lex.background_cues.contains_at(&toks, i))
            })
            .collect();
        let sentence_incidents = incident::assign(report, incidents, &times, &cues);
        let main_day = incident::main_day(report, incidents);

        let mut claims: Vec<Claim> = Vec::new();
        // Who an unqualified death toll counts, per incident: the first group counted dead.
        let mut toll_who: HashMap<String, Who> = HashMap::default();
        // Surnames of the people named so far, for "Caskey died".
        let mut surnames: Vec<&str> = Vec::new();
        // The capital named last, for "the capital".
        let mut last_capital: Option<String> = None;
        // The actor named last, for "the group claimed ...".
        let mut last_actor: Option<usize> = None;
        for (n, s) in sentences.iter().enumerate() {
            let incident = &sentence_incidents[n];
            let frames = attribution::frames(&toks, s.from, s.to, lex);
            let attribute = |start: usize, end: usize| -> Attribution {
                attribution::choose(&toks, &frames, start, end)
                    .map(|f| f.attribution.clone())
                    .unwrap_or_else(Attribution::the_report)
            };
            let first_new = claims.len();
            let push = |start: usize,
                        end: usize,
                        hedge: Hedge,
                        detail: Detail,
                        claims: &mut Vec<Claim>| {
                let span = [toks.start(start), toks.end(end - 1)];
                claims.push(Claim {
                    id: Claim::stable_id(&report.id, detail.kind(), span),
                    report: report.id.clone(),
                    text: body[span[0]..span[1]].to_string(),
                    span,
                    sentence: [s.start, s.end],
                    attribution: attribute(start, end),
                    hedge,
                    incident: incident.clone(),
                    detail,
                });
            };

            let mut ctx = casualty::Context {
                toll_who: toll_who.get(incident),
                surnames: &mut surnames,
            };
            let casualties = if lex.may_count_casualties(&toks, s.from, s.to) {
                casualty::find(&toks, s.from, s.to, lex, &mut ctx)
            } else {
                Vec::new()
            };
            for c in &casualties {
                if c.outcome == Outcome::Killed && !c.who.text.is_empty() {
                    toll_who
                        .entry(incident.clone())
                        .or_insert_with(|| c.who.clone());
                }
                let detail = Detail::Casualty {
                    who: c.who.clone(),
                    outcome: c.outcome,
                    count: c.count,
                    parts: c.parts.clone(),
                    person: c.person.clone(),
                };
                push(c.start, c.end, c.hedge, detail, &mut claims);
            }
            let means = actors::means(&toks, s.from, s.to, lex);
            let relative = location::relative(&toks, s.from, s.to, lex);
            // Places are sought where something happens or is located.
            let event_sentence = !casualties.is_empty()
                || !means.is_empty()
                || !relative.is_empty()
                || (s.from..s.to).any(|i| lex.responsibility.contains_at(&toks, i));
            let places = if event_sentence {
                location::places(&toks, s.from, s.to, lex)
            } else {
                Vec::new()
            };
            // "south of the capital": the capital the report named before ("80 miles from
            // the Egyptian capital" resolved to Cairo).
            let relative: Vec<location::Location> = relative
                .into_iter()
                .map(|mut l| {
                    if l.from.as_deref() == Some("the capital") {
                        l.from = last_capital.clone().or(l.from);
                    } else if let Some(f) = &l.from
                        && lex.capitals.values().any(|c| c == f)
                    {
                        last_capital = Some(f.clone());
                    }
                    l
                })
                .collect();
            for l in relative.iter().chain(
                places
                    .iter()
                    .filter(|p| !relative.iter().any(|r| p.start < r.end && r.start < p.end)),
            ) {
                let detail = Detail::Location {
                    place: l.place.clone(),
                    distance: l.distance.clone(),
                    direction: l.direction.clone(),
                    from: l.from.clone(),
                };
                push(l.start, l.end, l.hedge, detail, &mut claims);
            }
            for e in &times[n] {
                // "a week after": that far from the main incident, when its day is known.
                let date = e.date.or_else(|| {
                    let day = main_day?
                        .checked_add(jiff::Span::new().days(e.offset_days?))
                        .ok()?;
                    Some(PartialDate {
                        year: day.year(),
                        month: Some(day.month() as u8),
                        day: Some(day.day() as u8),
                    })
                });
                if let Some(date) = date {
                    push(
                        e.start,
                        e.end,
                        Hedge::Exact,
                        Detail::Time {
                            date: Some(date.to_string()),
                        },
                        &mut claims,
                    );
                    // A date is about whatever it points to, whatever else its sentence is about
                    // ("perished Friday ... since the launch in 2013").
                    if let Some(time) = claims.last_mut() {
                        time.incident = incident::of_date(report, incidents, date);
                    }
                }
            }
            let mentions = actors::mentions(&toks, s.from, s.to, lex);
            let mut seen = Vec::new();
            for m in &mentions {
                if !seen.contains(&m.actor) {
                    seen.push(m.actor);
                    let entry = &lex.actor_entries[m.actor];
                    push(
                        m.start,
                        m.end,
                        Hedge::Exact,
                        Detail::Actor {
                            actor: entry.name.clone(),
                            parent: entry.parent.clone(),
                        },
                        &mut claims,
                    );
                }
            }
            let responsibility =
                actors::responsibility(&toks, s.from, s.to, lex, &mentions, last_actor);
            last_actor = mentions.last().map(|m| m.actor).or(last_actor);
            for r in &responsibility {
                let hedge = if r.status == ResponsibilityStatus::Claimed {
                    Hedge::Exact
                } else {
                    Hedge::Negated
                };
                let actor = r.actor.map(|a| lex.actor_entries[a].name.clone());
                push(
                    r.start,
                    r.end,
                    hedge,
                    Detail::Responsibility {
                        actor,
                        status: r.status,
                    },
                    &mut claims,
                );
            }
            for (start, end, name) in means {
                push(
                    start,
                    end,
                    Hedge::Exact,
                    Detail::Means { means: name },
                    &mut claims,
                );
            }

            // An attributed sentence is a statement unless it is a count: what was said is
            // compared as a whole ("the ministry said security forces were attacked").
            let counts = claims[first_new..]
                .iter()
                .any(|c| matches!(c.detail, Detail::Casualty { .. }));
            if let Some(frame) = frames.first()
                && !counts
            {
                // A statement is attributed to its sentence's first source, wherever it stands.
                push(s.from, s.to, Hedge::Exact, Detail::Statement, &mut claims);
                if let Some(statement) = claims.last_mut() {
                    statement.attribution = frame.attribution.clone();
                }
            }
            // "Security and medical sources have confirmed this assessment": the sources of the
            // previous sentence's unattributed claims.
            if let Some(frame) = frames.iter().find(|f| f.anaphoric)
                && n > 0
            {
                confirm_previous(&mut claims[..first_new], &sentences[n - 1], frame);
            }
        }
        claims.sort_by_key(|c| (c.span[0], c.span[1]));
        claims
    }
}

/// One line describing a claim: kind, value, hedge, source, incident, words. Sanitised.
pub fn describe(claim: &Claim) -> String {
    let value = value_text(claim);
    let source = source_text(claim);
    crate::text::sanitize(&format!(
        "{:<14} {:<40} {:<9} {:<30} [{}] “{}”",
        claim.kind().id(),
        value,
        snake(&claim.hedge),
        source,
        claim.incident,
        claim.text
    ))
    .into_owned()
}

/// Who the report says said it, in a few words: "the report" when it names no source,
/// else the source and whom it cites ("the Associated Press citing security officials").
pub fn source_text(claim: &Claim) -> String {
    if claim.attribution.kind == crate::model::SourceKind::TheReport {
        return "the report".to_string();
    }
    let mut s = claim.attribution.text.clone();
    for cited in &claim.attribution.chain {
        s.push_str(" citing ");
        s.push_str(&cited.text);
    }
    s
}

/// The claim's value in a few words ("35+ security_forces killed", "200 km southeast of Cairo").
pub fn value_text(claim: &Claim) -> String {
    match &claim.detail {
        Detail::Casualty {
            who,
            outcome,
            count,
            parts,
            ..
        } => {
            let n = match count.high {
                Some(h) if h == count.low => count.low.to_string(),
                Some(h) => format!("{}-{h}", count.low),
                None => format!("{}+", count.low),
            };
            let mut s = format!("{n} {} {}", who.group, snake(outcome));
            if !parts.is_empty() {
                let p: Vec<String> = parts
                    .iter()
                    .map(|p| format!("{} {}", p.count.low, p.who.text))
                    .collect();
                s.push_str(&format!(" ({})", p.join(" + ")));
            }
            s
        }
        Detail::Location {
            place,
            distance,
            direction,
            from,
        } => {
            let mut parts = Vec::new();
            if let Some(d) = distance {
                parts.push(format!("{} km", d.km));
            }
            if let Some(d) = direction {
                parts.push(d.clone());
            }
            if let Some(f) = from {
                // "300 km southwest of Cairo", "200 km from Cairo", "south of the capital".
                parts.push(format!(
                    "{} {f}",
                    if direction.is_some() { "of" } else { "from" }
                ));
            }
            if let Some(p) = place {
                parts.push(p.clone());
            }
            parts.join(" ")
        }
        Detail::Time { date } => date.clone().unwrap_or_default(),
        Detail::Actor { actor, .. } => actor.clone(),
        Detail::Responsibility { actor, status } => match (status, actor) {
            (ResponsibilityStatus::Claimed, Some(a)) => format!("claimed by {a}"),
            (ResponsibilityStatus::Claimed, None) => "claimed".to_string(),
            (ResponsibilityStatus::NotClaimed, _) => "not claimed".to_string(),
            (ResponsibilityStatus::Denied, Some(a)) => format!("denied by {a}"),
            (ResponsibilityStatus::Denied, None) => "denied".to_string(),
            (ResponsibilityStatus::CalledFalse, Some(a)) => format!("claim by {a} called false"),
            (ResponsibilityStatus::CalledFalse, None) => "a claim called false".to_string(),
        },
        Detail::Means { means } => means.clone(),
        Detail::Statement => String::new(),
    }
}

/// An anaphoric confirmation ("confirmed this assessment") gives its sources to the counts of
/// the sentence before that the report stated in its own voice.
/// The snake_case name serde gives a unit variant.
pub fn snake<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn confirm_previous(claims: &mut [Claim], previous: &Sentence, frame: &Frame) {
    for claim in claims
        .iter_mut()
        .rev()
        .take_while(|c| c.sentence[0] == previous.start)
    {
        if claim.attribution.kind == crate::model::SourceKind::TheReport
            && matches!(claim.detail, Detail::Casualty { .. })
        {
            claim.attribution = frame.attribution.clone();
        }
    }
}
