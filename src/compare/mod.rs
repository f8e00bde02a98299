//! Comparison of sources on one incident: the claims of all its reports grouped into slots
//! (police killed, distance from Cairo, direction, date, responsibility, means, what was said),
//! each with its values by source, a status (agree, consistent, conflict, not comparable,
//! single source), the number of independent origins behind it, and for counts a low / best /
//! high estimate and a conservative floor, each explained.
//!
//! Values are intervals: "at least 35" is [35, ∞), "about 50" a ±10% band, "less than 200 km"
//! [0, 200]. A figure revised by its own origin ("35, could be revised upwards", then 52 from
//! the same agency) is superseded, not a contradiction. Origins: reports carrying one wire
//! story are one origin (see [`origins`]); a value attributed to a wire agency is that
//! agency's, whoever relays it; official figures share one official origin.

pub mod align;
pub mod context;
pub mod estimate;
pub mod origins;
pub mod render;
pub mod slots;
pub mod status;
pub mod toll;

use rustc_hash::FxHashMap;
use serde::{Serialize, Serializer};

use crate::extract::lexicon::Lexicon;
use crate::model::snake;
use crate::model::{Claim, Corpus, Hedge, SourceKind};
use context::Context;
pub use origins::Origin;

/// How the values of a slot relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The same value.
    Agree,
    /// Different but compatible ("at least 35" and "52").
    Consistent,
    /// Incompatible ("16" and "55", southwest and southeast).
    Conflict,
    /// Values that cannot be compared (different reference places).
    NotComparable,
    /// One origin only: nothing to compare.
    SingleSource,
}

impl Status {
    /// Its name in JSON and on screen.
    pub fn id(self) -> &'static str {
        match self {
            Status::Agree => "agree",
            Status::Consistent => "consistent",
            Status::Conflict => "conflict",
            Status::NotComparable => "not comparable",
            Status::SingleSource => "single source",
        }
    }
}

fn whole<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
        None => s.serialize_none(),
    }
}

/// One source's value in a slot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Value {
    /// Report id.
    pub report: String,
    /// Claim id.
    pub claim: String,
    /// The value in words ("35+ security_forces killed", "southwest of Cairo").
    pub value: String,
    /// Low end of the value as an interval, when numeric.
    #[serde(serialize_with = "whole")]
    pub low: Option<f64>,
    /// High end, when bounded.
    #[serde(serialize_with = "whole")]
    pub high: Option<f64>,
    /// How firmly stated.
    pub hedge: Hedge,
    /// Who the report says said it.
    pub attribution: String,
    /// The independent origin it counts for.
    pub origin: String,
    /// When the report was published, when known.
    pub published: Option<String>,
    /// True when a later value from the same origin replaces it.
    pub superseded: bool,
}

/// A low / best / high estimate for a count, and the conservative floor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// Lowest credible figure.
    pub low: u64,
    /// Best estimate.
    pub best: u64,
    /// Highest credible figure.
    pub high: u64,
    /// The most conservative figure reported.
    pub floor: u64,
    /// Which values went in, which were left out, and why.
    pub why: String,
}

/// One slot: a thing the reports say something about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slot {
    /// What the slot is ("security forces killed", "direction from Cairo").
    pub slot: String,
    /// How the values relate.
    pub status: Status,
    /// The span of values ("south-southeast"); for counts, the estimate's low-high ("16-55").
    pub range: Option<String>,
    /// The values, in publication order.
    pub values: Vec<Value>,
    /// Independent origins behind the values.
    pub independent_origins: usize,
    /// For counts: the estimate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimate: Option<Estimate>,
}

/// Something internally inconsistent in one report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    /// Report id.
    pub report: String,
    /// Claim id.
    pub claim: String,
    /// What is wrong.
    pub message: String,
}

/// Counts for an incident: articles, distinct texts, independent origins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Reports about the incident.
    pub articles: usize,
    /// Reports whose texts are not copies of each other.
    pub distinct_texts: usize,
    /// Groups of reports with one origin.
    pub independent_origins: usize,
}

/// The comparison of one incident.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Incident id.
    pub incident: String,
    /// Incident title.
    pub title: String,
    /// Articles, distinct texts, origins.
    pub counts: Counts,
    /// The slots, conflicts first.
    pub slots: Vec<Slot>,
    /// Which reports share an origin, and why.
    pub origins: Vec<Origin>,
    /// Internal inconsistencies.
    pub flags: Vec<Flag>,
    /// The passages compared and their classes, for showing two reports side by side.
    #[serde(skip)]
    pub passages: Vec<PassageRef>,
}

/// A compared passage: a sentence of a report, and its class of reused passages.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageRef {
    /// Report id.
    pub report: String,
    /// Byte span in the report's body.
    pub span: [usize; 2],
    /// The class of passages it shares with other reports, if any.
    pub class: Option<usize>,
}

/// Share of a report's passages matched in another for the two to be one text.
pub const SAME_TEXT: f64 = 0.8;
/// Half-width of the band around an "about" figure.
pub const ABOUT: f64 = 0.1;
/// Half-width around an exact distance (rounding).
pub const ROUNDING: f64 = 0.05;

/// The reports taking part in each incident's comparison, in corpus order: those listed under
/// it, and those with a claim about it. One pass over the corpus.
pub fn members(corpus: &Corpus, claims: &[Vec<Claim>]) -> FxHashMap<String, Vec<usize>> {
    let mut out: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (r, report) in corpus.reports.iter().enumerate() {
        let about = report
            .incidents
            .iter()
            .chain(claims.get(r).into_iter().flatten().map(|c| &c.incident));
        for id in about {
            let list = out.entry(id.clone()).or_default();
            if list.last() != Some(&r) {
                list.push(r);
            }
        }
    }
    out
}

/// Compare every incident of the file, in file order, on all cores.
pub fn compare_all(corpus: &Corpus, claims: &[Vec<Claim>], lex: &Lexicon) -> Vec<Comparison> {
    use rayon::prelude::*;
    let members = members(corpus, claims);
    corpus
        .incidents
        .par_iter()
        .map(|i| {
            compare_members(
                corpus,
                claims,
                &i.id,
                members.get(&i.id).map(Vec::as_slice).unwrap_or_default(),
                lex,
            )
        })
        .collect()
}

/// Compare the sources on incident `id`. `claims` are the claims of every report, in corpus
/// order. Only claims about this incident take part: background and other incidents never
/// enter its slots.
pub fn compare(corpus: &Corpus, claims: &[Vec<Claim>], id: &str, lex: &Lexicon) -> Comparison {
    let members = members(corpus, claims);
    compare_members(
        corpus,
        claims,
        id,
        members.get(id).map(Vec::as_slice).unwrap_or_default(),
        lex,
    )
}

/// [`compare`] with the incident's reports (`members`, indices into the corpus) known.
pub fn compare_members(
    corpus: &Corpus,
    claims: &[Vec<Claim>],
    id: &str,
    members: &[usize],
    lex: &Lexicon,
) -> Comparison {
    let title = corpus
        .incident(id)
        .map_or_else(|| id.to_string(), |i| i.title.clone());
    let cx = Context::new(corpus, claims, id, members, lex);
    let mut slots: Vec<Slot> = Vec::new();
    let mut flags: Vec<Flag> = Vec::new();
    slots::counts::build(&cx, &mut slots, &mut flags);
    // The incident's toll: each report's tally of victims killed and injured.
    slots.extend(toll::slots(&cx.members, claims, id, &|r, c, low, high| {
        cx.value(r, c, low, high)
    }));
    slots::places::build(&cx, &mut slots);
    slots::dates::build(&cx, &mut slots);
    slots::responsibility::build(&cx, &mut slots);
    slots::named::build(&cx, &mut slots);
    slots::said::build(&cx, &mut slots);
    // A count's range is its estimate's credible span, so the two never disagree on screen
    // or in an export (every value, vague ones too, stays listed under the slot).
    for slot in &mut slots {
        if let Some(e) = &slot.estimate {
            slot.range = Some(if e.low == e.high {
                e.low.to_string()
            } else {
                format!("{}-{}", e.low, e.high)
            });
        }
    }
    // Conflicts first, then by how many origins stand behind the slot.
    slots.sort_by_key(|s| {
        (
            s.status != Status::Conflict,
            std::cmp::Reverse(s.independent_origins),
        )
    });
    let distinct_texts = distinct_texts(&cx.passages, &cx.pair_counts, cx.reports.len());
    let passages = cx
        .passages
        .iter()
        .zip(&cx.classes.of)
        .map(|(p, class)| PassageRef {
            report: cx.reports[p.report].id.clone(),
            span: p.span,
            class: *class,
        })
        .collect();
    Comparison {
        incident: id.to_string(),
        title,
        counts: Counts {
            articles: cx.reports.len(),
            distinct_texts,
            independent_origins: cx.origins.len(),
        },
        slots,
        origins: cx.origins,
        flags,
        passages,
    }
}

/// The origin of a claim's value: a wire agency's whoever relays it, the officials', or
/// its report's origin (with the kind of source when it is not the report itself).
fn snake_origin(c: &Claim, origin: &Origin, lex: &Lexicon) -> String {
    match c.attribution.kind {
        SourceKind::WireAgency => format!("agency: {}", agency_name(&c.attribution.text, lex)),
        SourceKind::Official => "official sources".to_string(),
        // A caption is the report's own newsroom: the same origin.
        SourceKind::TheReport | SourceKind::Caption => origin_label(origin),
        kind => format!(
            "{} ({})",
            origin_label(origin),
            snake(&kind).replace('_', " ")
        ),
    }
}

/// The recorded name of a wire agency named in an attribution ("the Associated Press" → AP).
fn agency_name(text: &str, lex: &Lexicon) -> String {
    lex.wire_agency(text).map_or_else(
        || text.trim_start_matches("the ").to_string(),
        str::to_string,
    )
}

fn origin_label(origin: &Origin) -> String {
    match origin.reports.as_slice() {
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} +{}", rest.len()),
        [] => "unknown".to_string(),
    }
}

/// How many reports are not copies of another (most of their passages shared with an
/// earlier one).
fn distinct_texts(
    passages: &[origins::Passage],
    pair_counts: &FxHashMap<(usize, usize), usize>,
    n: usize,
) -> usize {
    let mut own = vec![0usize; n];
    for p in passages {
        own[p.report] += 1;
    }
    let copies = (0..n)
        .filter(|&r| {
            own[r] > 0
                && (0..r).any(|earlier| {
                    pair_counts
                        .get(&(r, earlier))
                        .is_some_and(|&m| m as f64 >= SAME_TEXT * own[r] as f64)
                })
        })
        .count();
    n - copies
}
