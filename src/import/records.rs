//! The records import makes: a report with its metadata and an incident named after its
//! report's lead, each with an id no other record has.

use std::path::Path;

use crate::extract::lexicon::Lexicon;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Field, Incident, Provenance, Report};
use crate::text::{capitalised, slug};

use super::lead::{Lead, place_words};
use super::masthead::{
    credited_agency, dateline, looks_english, outlet_line, printed_date, title_line,
};
use super::read::Article;

/// The ids of one kind of record a file holds, so that a new id is unique without a scan of
/// the file: an import of thousands of reports named alike stays linear.
#[derive(Debug, Default)]
pub(super) struct Ids {
    taken: FxHashSet<String>,
    /// Per base, the suffix to try next.
    next: FxHashMap<String, u32>,
}

impl Ids {
    /// The ids already taken.
    pub(super) fn of<'a>(ids: impl IntoIterator<Item = &'a str>) -> Ids {
        Ids {
            taken: ids.into_iter().map(str::to_string).collect(),
            next: FxHashMap::default(),
        }
    }

    /// `base`, or else `base-N` for the first N from 2 not taken; taken from now on.
    fn unique(&mut self, base: String) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        let next = self.next.entry(base.clone()).or_insert(2);
        loop {
            let candidate = format!("{base}-{next}");
            *next += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

pub(super) fn new_report(article: &Article, hash: &str, lex: &Lexicon, ids: &mut Ids) -> Report {
    let stem = Path::new(&article.source)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("report");
    let base = match (
        &article.title,
        article.url.is_some() || !Path::new(&article.source).exists(),
    ) {
        (Some(title), true) => slug(title, 6),
        _ => slug(stem, 6),
    };
    let id = ids.unique(base);
    let (dateline, wire) = match dateline(&article.body, lex) {
        Some((line, Some(agency))) => (Field::Stated(line), Field::Stated(agency)),
        Some((line, None)) => (Field::Stated(line), Field::Unknown),
        None => (Field::Unknown, Field::Unknown),
    };
    let wire = match wire {
        Field::Unknown => match credited_agency(&article.body, lex) {
            Some((agency, why)) => Field::Inferred { value: agency, why },
            None => Field::Unknown,
        },
        stated => stated,
    };
    let headline = match (&article.title, title_line(&article.body)) {
        (Some(t), _) => Field::Stated(t.clone()),
        (None, Some(line)) => Field::Stated(line),
        _ => Field::Unknown,
    };
    let language = match &article.language {
        Some(l) => Field::Stated(l.clone()),
        None if looks_english(&article.body) => Field::Inferred {
            value: "en".into(),
            why: "the commonest English words are common in the text".into(),
        },
        None => Field::Unknown,
    };
    Report {
        id,
        headline,
        outlet: match (&article.outlet, outlet_line(&article.body)) {
            (Some(outlet), _) => Field::Stated(outlet.clone()),
            (None, Some(host)) => Field::Inferred {
                value: host,
                why: "the text's first line is the outlet's web address".into(),
            },
            (None, None) => Field::Unknown,
        },
        wire,
        byline: article.byline.clone().map_or(Field::Unknown, Field::Stated),
        dateline,
        published: match (article.published, printed_date(&article.body)) {
            (Some(p), _) => Field::Stated(p),
            (None, Some((p, words))) => Field::Inferred {
                value: p,
                why: format!("a date printed near the top of the text: “{words}”"),
            },
            (None, None) => Field::Unknown,
        },
        language,
        url: article.url.clone(),
        provenance: Some(Provenance {
            source: article.source.clone(),
            text_hash: Some(hash.to_string()),
            grouped: None,
        }),
        incidents: Vec::new(),
        body: article.body.clone(),
    }
}

pub(super) fn new_incident(report: &Report, lead: &Lead, ids: &mut Ids) -> Incident {
    let place = lead.place.clone();
    let (date, date_inferred) = lead.incident_date().unzip();
    let date_inferred = date_inferred.flatten();
    // "Shooting in Louisville, Kentucky, 2015-03-13": what, where and when, as far as the
    // report tells them; its headline when it tells no place.
    let title = match &place {
        Some(p) => {
            let what = lead.event.as_deref().unwrap_or("Incident");
            match (date, &date_inferred) {
                (Some(d), None) => format!("{what} in {}, {d}", p.text),
                (Some(d), Some(_)) => format!("{what} in {}, reported {d}", p.text),
                (None, _) => format!("{what} in {}", p.text),
            }
        }
        None => {
            let headline: String = report.display_headline().0.chars().take(60).collect();
            capitalised(&headline)
        }
    };
    let place = place.map(|p| p.text).unwrap_or_default();
    let base = match date {
        Some(d) => format!("{}-{d}", slug(&place_words(&place).join(" "), 4)),
        None => slug(&place_words(&place).join(" "), 4),
    };
    let id = ids.unique(base);
    Incident {
        id,
        title: format!("{title} (imported)"),
        date,
        date_inferred,
        place,
        summary: format!(
            "Created when importing {}; rename and describe it.",
            report
                .provenance
                .as_ref()
                .map_or("a report", |p| p.source.as_str())
        ),
    }
}
