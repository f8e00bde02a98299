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
pub mod origins;
pub mod render;
pub mod toll;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Serialize, Serializer};

use crate::extract::lexicon::Lexicon;
use crate::extract::{snake, source_text, value_text};
use crate::model::{Claim, Corpus, Detail, Hedge, Report, ResponsibilityStatus, SourceKind};
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
    /// The span of values ("16-55", "south-southeast").
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
const SAME_TEXT: f64 = 0.8;
/// Half-width of the band around an "about" figure.
const ABOUT: f64 = 0.1;
/// Half-width around an exact distance (rounding).
const ROUNDING: f64 = 0.05;

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
        .map(|i| i.title.clone())
        .unwrap_or_else(|| id.to_string());
    let members: Vec<usize> = members.to_vec();
    let reports: Vec<&Report> = members.iter().map(|&r| &corpus.reports[r]).collect();
    let passages = origins::passages(&reports);
    let classes = origins::classes(&passages);
    let pair_counts = classes.pair_counts(&passages);
    let (group_of, origins) = origins::group(&reports, &pair_counts);

    let local_of: FxHashMap<usize, usize> =
        members.iter().enumerate().map(|(l, &r)| (r, l)).collect();
    let local = |r: usize| local_of.get(&r).copied();
    let about: Vec<(usize, &Claim)> = members
        .iter()
        .flat_map(|&r| claims.get(r).into_iter().flatten().map(move |c| (r, c)))
        .filter(|(_, c)| c.incident == id)
        .collect();
    let origin_key = |r: usize, c: &Claim| -> String {
        let group = local(r).map_or(0, |l| group_of[l]);
        match c.attribution.kind {
            SourceKind::WireAgency => format!("agency: {}", agency_name(&c.attribution.text, lex)),
            SourceKind::Official => "official sources".to_string(),
            SourceKind::TheReport => origin_label(&origins[group]),
            kind => format!(
                "{} ({})",
                origin_label(&origins[group]),
                snake(&kind).replace('_', " ")
            ),
        }
    };
    let value = |r: usize, c: &Claim, low: Option<f64>, high: Option<f64>| Value {
        report: corpus.reports[r].id.clone(),
        claim: c.id.clone(),
        value: value_text(c),
        low,
        high,
        hedge: c.hedge,
        attribution: source_text(c),
        origin: origin_key(r, c),
        published: corpus.reports[r].published.value().map(|p| p.to_string()),
        superseded: false,
    };
    let when = |r: usize| corpus.reports[r].published.value().map(|p| p.sort_key());

    let mut slots: Vec<Slot> = Vec::new();
    let mut flags: Vec<Flag> = Vec::new();

    // Counts: one slot per group and outcome.
    let mut counts: FxHashMap<String, Vec<(usize, &Claim)>> = FxHashMap::default();
    let mut count_order: Vec<String> = Vec::new();
    for &(r, c) in &about {
        if let Detail::Casualty {
            who,
            outcome,
            count,
            parts,
            ..
        } = &c.detail
        {
            let key = format!("{} {}", who.group.replace('_', " "), snake(outcome));
            if !counts.contains_key(&key) {
                count_order.push(key.clone());
            }
            counts.entry(key).or_default().push((r, c));
            if !parts.is_empty() {
                let sum: u64 = parts.iter().map(|p| p.count.low).sum();
                if sum != count.low {
                    let listed: Vec<String> =
                        parts.iter().map(|p| p.count.low.to_string()).collect();
                    flags.push(Flag {
                        report: corpus.reports[r].id.clone(),
                        claim: c.id.clone(),
                        message: format!(
                            "{} including {}: the parts add up to {sum}, not {}",
                            count.low,
                            listed.join(" + "),
                            count.low
                        ),
                    });
                }
            }
        }
    }
    for key in count_order {
        let mut entries = counts.remove(&key).unwrap_or_default();
        entries.sort_by(|a, b| (when(a.0), a.0, a.1.span[0]).cmp(&(when(b.0), b.0, b.1.span[0])));
        let mut values: Vec<Value> = entries
            .iter()
            .map(|&(r, c)| {
                let Detail::Casualty { count, .. } = &c.detail else {
                    unreachable!("casualty entries only")
                };
                let (low, high) = (count.low as f64, count.high.map(|h| h as f64));
                let (low, high) = if c.hedge == Hedge::About {
                    let band = (low * ABOUT).max(1.0);
                    (low - band, high.map(|h| h + band))
                } else {
                    (low, high)
                };
                value(r, c, Some(low.max(0.0)), high)
            })
            .collect();
        supersede(&mut values);
        flags.extend(self_contradictions(&values));
        let estimate = estimate(&values);
        slots.push(finish(key, values, numeric_status, estimate));
    }

    // The incident's toll: each report's tally of victims killed and injured.
    slots.extend(toll::slots(&members, claims, id, &value));

    // Distances and directions, by reference place.
    let mut distances: Vec<(String, Value)> = Vec::new();
    let mut directions: Vec<(String, Value)> = Vec::new();
    for &(r, c) in &about {
        if let Detail::Location {
            distance,
            direction,
            from: Some(from),
            ..
        } = &c.detail
        {
            if let Some(d) = distance {
                let (low, high) = match d.qualifier.as_deref() {
                    Some("less_than") => (0.0, Some(d.km)),
                    Some("more_than") => (d.km, None),
                    Some(_) => (d.km * (1.0 - ABOUT), Some(d.km * (1.0 + ABOUT))),
                    None => (d.km * (1.0 - ROUNDING), Some(d.km * (1.0 + ROUNDING))),
                };
                distances.push((from.clone(), value(r, c, Some(low), high)));
            }
            if let Some(dir) = direction {
                let mut v = value(r, c, None, None);
                v.value = dir.clone();
                directions.push((from.clone(), v));
            }
        }
    }
    for (label, list, status) in [
        (
            "distance from",
            distances,
            numeric_status as fn(&[&Value]) -> Status,
        ),
        ("direction from", directions, direction_status),
    ] {
        let mut places: Vec<String> = list.iter().map(|(p, _)| p.clone()).collect();
        places.dedup();
        let mut seen = Vec::new();
        for place in places {
            if seen.contains(&place) {
                continue;
            }
            seen.push(place.clone());
            let values: Vec<Value> = list
                .iter()
                .filter(|(p, _)| *p == place)
                .map(|(_, v)| v.clone())
                .collect();
            slots.push(finish(format!("{label} {place}"), values, status, None));
        }
    }

    // The date: per sentence that reports an event, its earliest day (the event comes before
    // the statement about it: "said Saturday ... the attack yesterday").
    let mut event_sentences: FxHashSet<(usize, usize)> = FxHashSet::default();
    let mut earliest: FxHashMap<(usize, usize), &str> = FxHashMap::default();
    for &(r, c) in &about {
        match &c.detail {
            Detail::Casualty { .. } | Detail::Means { .. } => {
                event_sentences.insert((r, c.sentence[0]));
            }
            Detail::Time { date: Some(d) } if d.len() == 10 => {
                let e = earliest.entry((r, c.sentence[0])).or_insert(d.as_str());
                if d.as_str() < *e {
                    *e = d.as_str();
                }
            }
            _ => {}
        }
    }
    let mut dates: Vec<Value> = Vec::new();
    for &(r, c) in &about {
        if let Detail::Time { date: Some(d) } = &c.detail
            && event_sentences.contains(&(r, c.sentence[0]))
            && earliest.get(&(r, c.sentence[0])) == Some(&d.as_str())
        {
            let mut v = value(r, c, None, None);
            v.value = d.clone();
            dates.push(v);
        }
    }
    if !dates.is_empty() {
        slots.push(finish("date".to_string(), dates, date_status, None));
    }

    // Responsibility, in publication order: its course (claimed, disputed, called false).
    let mut resp: Vec<Value> = about
        .iter()
        .filter(|(_, c)| matches!(c.detail, Detail::Responsibility { .. }))
        .map(|&(r, c)| value(r, c, None, None))
        .collect();
    resp.sort_by_key(|v| {
        (
            corpus
                .report(&v.report)
                .and_then(|x| x.published.value().map(|p| p.sort_key())),
            v.report.clone(),
        )
    });
    if !resp.is_empty() {
        let statuses: Vec<(ResponsibilityStatus, Option<String>)> = about
            .iter()
            .filter_map(|(_, c)| match &c.detail {
                Detail::Responsibility { status, actor } => Some((*status, actor.clone())),
                _ => None,
            })
            .collect();
        let claimed: Vec<&Option<String>> = statuses
            .iter()
            .filter(|(s, _)| *s == ResponsibilityStatus::Claimed)
            .map(|(_, a)| a)
            .collect();
        let disputed = statuses.iter().any(|(s, a)| {
            *s != ResponsibilityStatus::Claimed
                && s.is_about_a_claim()
                && (a.is_none() || claimed.contains(&a))
        });
        let status = if !claimed.is_empty() && disputed {
            Some(Status::Conflict)
        } else {
            None
        };
        slots.push(finish_with(
            "responsibility".to_string(),
            resp,
            status,
            direction_less_status,
        ));
    }

    // Actors named, and means, one slot each.
    for (prefix, pick) in [
        (
            "actor",
            (|d: &Detail| {
                if let Detail::Actor { actor, .. } = d {
                    Some(actor.clone())
                } else {
                    None
                }
            }) as fn(&Detail) -> Option<String>,
        ),
        ("means", |d: &Detail| {
            if let Detail::Means { means } = d {
                Some(means.clone())
            } else {
                None
            }
        }),
    ] {
        let mut order: Vec<String> = Vec::new();
        let mut by: FxHashMap<String, Vec<Value>> = FxHashMap::default();
        for &(r, c) in &about {
            if let Some(name) = pick(&c.detail) {
                if !by.contains_key(&name) {
                    order.push(name.clone());
                }
                by.entry(name).or_default().push(value(r, c, None, None));
            }
        }
        for name in order {
            let values = by.remove(&name).unwrap_or_default();
            slots.push(finish(
                format!("{prefix}: {name}"),
                values,
                direction_less_status,
                None,
            ));
        }
    }

    // What was said: statements whose sentences are one passage class across reports.
    let passage_at: FxHashMap<(usize, usize), usize> = passages
        .iter()
        .enumerate()
        .map(|(i, p)| ((p.report, p.span[0]), i))
        .collect();
    let mut statement_groups: FxHashMap<usize, Vec<(usize, &Claim)>> = FxHashMap::default();
    let mut group_order: Vec<usize> = Vec::new();
    for &(r, c) in &about {
        if !matches!(c.detail, Detail::Statement) {
            continue;
        }
        let Some(g) = local(r)
            .and_then(|l| passage_at.get(&(l, c.sentence[0])))
            .and_then(|&p| classes.of[p])
        else {
            continue;
        };
        if !statement_groups.contains_key(&g) {
            group_order.push(g);
        }
        statement_groups.entry(g).or_default().push((r, c));
    }
    for g in group_order {
        let group = statement_groups.remove(&g).unwrap_or_default();
        let words: Vec<&str> = group[0].1.text.split_whitespace().take(8).collect();
        let values: Vec<Value> = group
            .iter()
            .map(|&(r, c)| {
                let mut v = value(r, c, None, None);
                v.value = c.text.clone();
                v
            })
            .collect();
        slots.push(finish(
            format!("said: {}…", words.join(" ")),
            values,
            direction_less_status,
            None,
        ));
    }

    // Conflicts first, then by how many origins stand behind the slot.
    slots.sort_by_key(|s| {
        (
            s.status != Status::Conflict,
            std::cmp::Reverse(s.independent_origins),
        )
    });

    let distinct_texts = distinct_texts(&passages, &pair_counts, reports.len());
    let passages_out = passages
        .iter()
        .zip(&classes.of)
        .map(|(p, class)| PassageRef {
            report: reports[p.report].id.clone(),
            span: p.span,
            class: *class,
        })
        .collect();
    Comparison {
        incident: id.to_string(),
        title,
        counts: Counts {
            articles: reports.len(),
            distinct_texts,
            independent_origins: origins.len(),
        },
        slots,
        origins,
        flags,
        passages: passages_out,
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

/// Within one origin, earlier figures of a count are superseded by later, different ones (a
/// toll revised upwards is not a conflict; the same figure repeated is not a revision).
/// Same-day figures: the higher is taken as the later revision.
fn supersede(values: &mut [Value]) {
    let n = values.len();
    for i in 0..n {
        let later = (0..n).any(|j| {
            j != i
                && values[j].origin == values[i].origin
                && values[j].hedge != Hedge::Vague
                && values[i].hedge != Hedge::Vague
                && (values[j].low, values[j].high) != (values[i].low, values[i].high)
                && (values[j].published > values[i].published
                    || (values[j].published == values[i].published
                        && values[j].low > values[i].low
                        && values[j].report != values[i].report))
        });
        values[i].superseded = later;
    }
}

/// Two values of one report from one source that cannot both be true.
fn self_contradictions(values: &[Value]) -> Vec<Flag> {
    let mut flags = Vec::new();
    for (i, a) in values.iter().enumerate() {
        for b in &values[i + 1..] {
            if a.report == b.report && a.attribution == b.attribution && disjoint(a, b) {
                flags.push(Flag {
                    report: a.report.clone(),
                    claim: b.claim.clone(),
                    message: format!(
                        "the report gives both {} and {} from {}",
                        a.value, b.value, a.attribution
                    ),
                });
            }
        }
    }
    flags
}

fn disjoint(a: &Value, b: &Value) -> bool {
    let (al, ah) = (a.low.unwrap_or(0.0), a.high.unwrap_or(f64::INFINITY));
    let (bl, bh) = (b.low.unwrap_or(0.0), b.high.unwrap_or(f64::INFINITY));
    ah < bl || bh < al
}

fn numeric_status(current: &[&Value]) -> Status {
    let conflict = current
        .iter()
        .enumerate()
        .any(|(i, a)| current[i + 1..].iter().any(|b| disjoint(a, b)));
    if conflict {
        return Status::Conflict;
    }
    let same = current
        .windows(2)
        .all(|w| w[0].low == w[1].low && w[0].high == w[1].high);
    if same {
        Status::Agree
    } else {
        Status::Consistent
    }
}

fn bearing(direction: &str) -> Option<f64> {
    Some(match direction {
        "north" => 0.0,
        "northeast" => 45.0,
        "east" => 90.0,
        "southeast" => 135.0,
        "south" => 180.0,
        "southwest" => 225.0,
        "west" => 270.0,
        "northwest" => 315.0,
        _ => return None,
    })
}

/// Directions more than 45° apart conflict; a neighbouring point is consistent.
fn direction_status(current: &[&Value]) -> Status {
    let angles: Vec<f64> = current.iter().filter_map(|v| bearing(&v.value)).collect();
    let mut widest: f64 = 0.0;
    for (i, a) in angles.iter().enumerate() {
        for b in &angles[i + 1..] {
            let d = (a - b).abs() % 360.0;
            widest = widest.max(d.min(360.0 - d));
        }
    }
    if widest == 0.0 {
        Status::Agree
    } else if widest <= 45.0 {
        Status::Consistent
    } else {
        Status::Conflict
    }
}

/// Dates a day apart are consistent (reported across midnight); more is a conflict.
fn date_status(current: &[&Value]) -> Status {
    let days: Vec<jiff::civil::Date> = current
        .iter()
        .filter_map(|v| v.value.parse().ok())
        .collect();
    let (Some(min), Some(max)) = (days.iter().min(), days.iter().max()) else {
        return Status::Agree;
    };
    match (*max - *min).get_days() {
        0 => Status::Agree,
        1 => Status::Consistent,
        _ => Status::Conflict,
    }
}

/// For names (actors, means, statements): several origins agree; there is no conflict.
fn direction_less_status(_: &[&Value]) -> Status {
    Status::Agree
}

fn finish(
    slot: String,
    values: Vec<Value>,
    status: fn(&[&Value]) -> Status,
    estimate: Option<Estimate>,
) -> Slot {
    let mut s = finish_with(slot, values, None, status);
    s.estimate = estimate;
    s
}

fn finish_with(
    slot: String,
    values: Vec<Value>,
    forced: Option<Status>,
    status: fn(&[&Value]) -> Status,
) -> Slot {
    let mut origins: Vec<&str> = values.iter().map(|v| v.origin.as_str()).collect();
    origins.sort_unstable();
    origins.dedup();
    let current: Vec<&Value> = values.iter().filter(|v| !v.superseded).collect();
    let status = forced.unwrap_or_else(|| {
        if origins.len() < 2 {
            Status::SingleSource
        } else {
            status(&current)
        }
    });
    let range = range_of(&current);
    Slot {
        slot,
        status,
        range,
        independent_origins: origins.len(),
        values,
        estimate: None,
    }
}

fn range_of(values: &[&Value]) -> Option<String> {
    let lows: Vec<f64> = values.iter().filter_map(|v| v.low).collect();
    if lows.is_empty() {
        let mut names: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        return (names.len() > 1 && names.len() <= 4 && names.iter().all(|n| n.len() < 24))
            .then(|| names.join(" / "));
    }
    let low = lows.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values
        .iter()
        .map(|v| v.high.unwrap_or(v.low.unwrap_or(0.0)))
        .fold(0.0, f64::max);
    let fmt = |x: f64| {
        if x.fract() == 0.0 {
            format!("{x:.0}")
        } else {
            format!("{x:.1}")
        }
    };
    Some(if low == high {
        fmt(low)
    } else {
        format!("{}-{}", fmt(low), fmt(high))
    })
}

/// UCDP-style low / best / high and an ACLED-style floor over the latest figure of each
/// origin; vague quantities are left out.
fn estimate(values: &[Value]) -> Option<Estimate> {
    // One figure per origin: its latest (values are in publication order).
    let mut included: Vec<&Value> = Vec::new();
    for v in values
        .iter()
        .filter(|v| !v.superseded && !matches!(v.hedge, Hedge::Vague | Hedge::Negated))
    {
        match included.iter().position(|x| x.origin == v.origin) {
            Some(i) => included[i] = v,
            None => included.push(v),
        }
    }
    if included.is_empty() {
        return None;
    }
    let point = |v: &Value| -> u64 {
        let (l, h) = (v.low.unwrap_or(0.0), v.high);
        match v.hedge {
            Hedge::AtMost => h.unwrap_or(l),
            Hedge::Range => (l + h.unwrap_or(l)) / 2.0,
            Hedge::About => (l + h.unwrap_or(l)) / 2.0,
            _ => l,
        }
        .round() as u64
    };
    let mut points: Vec<(u64, &Value)> = included.iter().map(|v| (point(v), *v)).collect();
    points.sort_by_key(|(p, v)| (*p, v.report.clone()));
    let low = points.first().map(|p| p.0).unwrap_or(0);
    let high = points.last().map(|p| p.0).unwrap_or(0);
    let best = points[(points.len() - 1) / 2].0;
    let listed: Vec<String> = points
        .iter()
        .map(|(p, v)| format!("{p} ({})", v.attribution))
        .collect();
    let superseded: Vec<String> = values
        .iter()
        .filter(|v| v.superseded)
        .map(|v| format!("{} ({}, revised later)", v.value, v.attribution))
        .collect();
    let vague: Vec<String> = values
        .iter()
        .filter(|v| !v.superseded && v.hedge == Hedge::Vague)
        .map(|v| format!("{} ({})", v.value, v.attribution))
        .collect();
    let mut why = format!(
        "latest figure of each origin: {}; low and high are the smallest and largest, best the median, floor the most conservative figure reported",
        listed.join(", ")
    );
    if !superseded.is_empty() {
        why.push_str(&format!(
            "; left out as superseded by the same origin: {}",
            superseded.join(", ")
        ));
    }
    if !vague.is_empty() {
        why.push_str(&format!("; left out as vague: {}", vague.join(", ")));
    }
    Some(Estimate {
        low,
        best,
        high,
        floor: low,
        why,
    })
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
