//! What the batch filters make of one line, with nothing else known: `extract --jsonl` reads
//! one article a line and gives its claims and tally; `compare --jsonl` reads one incident's
//! articles a line and gives their comparison. A line's result depends on that line alone, so
//! a stream can be cut anywhere, run in many processes or on many machines (GNU parallel,
//! Spark's `RDD.pipe`), and put back together line for line.
//!
//! Each article is read as `crosscheck import` reads a JSON Lines line, and made a report as
//! an import into an empty file makes it: what one article gives here is what importing it
//! alone and running `extract` gives.

use serde::Serialize;

use crate::compare::Comparison;
use crate::extract::incident::Incidents;
use crate::extract::tally::Tally;
use crate::extract::{Extractor, Reading};
use crate::import::{self, Article};
use crate::model::{Claim, Corpus, DateSpan, Field, Published, Report};

/// Where an article came from when its line gives no URL: the same for every line, so that
/// no result depends on where its line stood in the stream.
const STDIN: &str = "stdin";

/// One article's line of `extract --jsonl`.
#[derive(Debug, Serialize)]
pub struct Extracted {
    /// The report's id: the line's own `id`, else one made from its title.
    pub id: String,
    /// Its URL, or "stdin".
    pub source: String,
    /// Headline, as stated or taken from the text.
    pub headline: Option<String>,
    /// The outlet, as stated or inferred.
    pub outlet: Option<String>,
    /// The wire agency the text credits, if any.
    pub wire: Option<String>,
    /// When it was published, as stated or inferred.
    pub published: Option<String>,
    /// The incident the article reports, as its lead describes it.
    pub incident: IncidentLine,
    /// Victims killed and injured, by the report's own count.
    pub tally: Option<Tally>,
    /// Its claims, in text order.
    pub claims: Vec<Claim>,
}

/// The incident an article's lead describes.
#[derive(Debug, Serialize)]
pub struct IncidentLine {
    /// Its id (`incident` of the claims about it).
    pub id: String,
    /// What, where and when, in a few words.
    pub title: String,
    /// Where, as the lead names it.
    pub place: String,
    /// When, as the lead tells it.
    pub date: Option<DateSpan>,
}

/// The report an import into an empty file makes of `article`, with its incident, in a
/// corpus of their own, and the reading that found its incident; `id` replaces the report's
/// made-up id.
fn corpus_of(article: &Article, id: Option<String>, extractor: &Extractor) -> (Corpus, Reading) {
    let (mut corpus, reading) = import::alone(article, extractor);
    if let (Some(id), Some(report)) = (id, corpus.reports.first_mut()) {
        report.id = id;
    }
    (corpus, reading)
}

fn value_of<T: ToString>(field: &Field<T>) -> Option<String> {
    field.value().map(ToString::to_string)
}

/// `extract --jsonl`'s result for one line: the article's claims and tally, or why the line
/// is not an article.
pub fn extract_line(line: &str, extractor: &Extractor) -> Result<Extracted, String> {
    let (mut article, id) = import::article_of_json(line, STDIN)?;
    import::drop_invisible(&mut article);
    if article.body.trim().is_empty() {
        return Err("the article has no text".into());
    }
    let (corpus, reading) = corpus_of(&article, id, extractor);
    let (Some(report), Some(incident)) = (corpus.reports.first(), corpus.incidents.first()) else {
        return Err("the article could not be read".into());
    };
    // Filed under its incident, as `extract` reads an imported report.
    let claims = reading.file(extractor, report, &Incidents::new(&corpus));
    Ok(Extracted {
        id: report.id.clone(),
        source: source_of(report),
        headline: Some(report.display_headline().0).filter(|h| !h.is_empty()),
        outlet: value_of(&report.outlet),
        wire: value_of(&report.wire),
        published: report.published.value().map(Published::to_string),
        incident: IncidentLine {
            id: incident.id.clone(),
            // The file's incident records are marked as imported; a line's is not filed.
            title: incident
                .title
                .strip_suffix(" (imported)")
                .unwrap_or(&incident.title)
                .to_string(),
            place: incident.place.clone(),
            date: incident.date,
        },
        tally: crate::extract::tally::of_report(report, &claims),
        claims,
    })
}

fn source_of(report: &Report) -> String {
    report
        .provenance
        .as_ref()
        .map_or_else(|| STDIN.to_string(), |p| p.source.clone())
}

/// A line of `compare --jsonl`: one incident's articles, as an array, or as an object with
/// `articles` and, optionally, the incident's `id`.
#[derive(Debug, serde::Deserialize)]
#[serde(untagged)]
enum Group {
    Articles(Vec<serde_json::Value>),
    Incident {
        #[serde(default)]
        id: Option<String>,
        #[serde(alias = "reports")]
        articles: Vec<serde_json::Value>,
    },
}

/// The incident id a group's line gives none of.
const INCIDENT: &str = "incident";

/// `compare --jsonl`'s result for one line: the comparison of the incident's articles (each
/// filed under it, as `import --incident` files them), or why the line is not a group.
pub fn compare_line(line: &str, extractor: &Extractor) -> Result<Comparison, String> {
    let group: Group = serde_json::from_str(line).map_err(|_| {
        "not a group of articles: give an array of articles, or an object with `articles`"
            .to_string()
    })?;
    let (id, values) = match group {
        Group::Articles(values) => (None, values),
        Group::Incident { id, articles } => (id, articles),
    };
    let id = id
        .filter(|i| !i.trim().is_empty())
        .unwrap_or_else(|| INCIDENT.to_string());
    let mut articles = Vec::with_capacity(values.len());
    let mut ids = Vec::with_capacity(values.len());
    for (n, value) in values.into_iter().enumerate() {
        let (mut article, own_id) = import::article_of_value(value, &format!("{STDIN}#{}", n + 1))
            .map_err(|e| format!("article {}: {e}", n + 1))?;
        import::drop_invisible(&mut article);
        if article.body.trim().is_empty() {
            return Err(format!("article {}: it has no text", n + 1));
        }
        articles.push(article);
        ids.push(own_id);
    }
    if articles.is_empty() {
        return Err("the group has no articles".into());
    }
    // Each article's report is found again by its text's hash (an article whose text
    // repeats an earlier one's makes no report, and keeps the earlier one's id).
    let hashes: Vec<String> = articles
        .iter()
        .map(|a| import::text_hash(&a.body))
        .collect();
    let mut corpus = Corpus::new();
    import::import_under(&mut corpus, articles, extractor, &id);
    let mut named = vec![false; corpus.reports.len()];
    for (own, hash) in ids.into_iter().zip(&hashes) {
        let made = corpus.reports.iter().position(|r| {
            r.provenance.as_ref().and_then(|p| p.text_hash.as_deref()) == Some(hash.as_str())
        });
        if let (Some(own), Some(i)) = (own, made)
            && !named[i]
        {
            corpus.reports[i].id = own;
            named[i] = true;
        }
    }
    let claims = extractor.corpus(&corpus);
    Ok(crate::compare::compare(
        &corpus,
        &claims,
        &id,
        extractor.lexicon(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = r#"{"id": 7, "title": "Gunman kills two in Dayton", "text": "DAYTON, Ohio (AP) — A gunman killed two people and wounded three others outside a bar early Sunday, police said."}"#;

    #[test]
    fn an_article_line_gives_its_claims_and_tally() {
        let got = extract_line(LINE, &Extractor::default()).unwrap();
        assert_eq!(got.id, "7");
        assert_eq!(got.source, "stdin");
        assert!(got.claims.iter().all(|c| c.report == "7"));
        let tally = got.tally.expect("a tally");
        assert_eq!(tally.killed.low, 2);
        assert_eq!(tally.injured.low, 3);
    }

    #[test]
    fn a_line_that_is_not_an_article_says_why() {
        let e = extract_line(r#"{"title": "no text"}"#, &Extractor::default()).unwrap_err();
        assert!(e.contains("body"), "{e}");
        let e = extract_line(r#"{"text": "  "}"#, &Extractor::default()).unwrap_err();
        assert!(e.contains("no text"), "{e}");
    }

    #[test]
    fn a_group_line_is_compared_under_its_incident() {
        let line = format!(
            r#"{{"id": "dayton", "articles": [{LINE}, {{"id": "b", "text": "Police said three people were killed in the Dayton shooting on Sunday."}}]}}"#
        );
        let c = compare_line(&line, &Extractor::default()).unwrap();
        assert_eq!(c.incident, "dayton");
        assert_eq!(c.counts.articles, 2);
        // The lines' own ids, whether or not an article gives its address.
        let reports: Vec<&str> = c
            .slots
            .iter()
            .flat_map(|s| &s.values)
            .map(|v| v.report.as_str())
            .collect();
        assert!(
            reports.contains(&"7") && reports.contains(&"b"),
            "{reports:?}"
        );
        let with_url = line.replacen(
            r#""id": "b","#,
            r#""id": "b", "url": "https://example.com/b","#,
            1,
        );
        let c = compare_line(&with_url, &Extractor::default()).unwrap();
        assert!(
            c.slots
                .iter()
                .flat_map(|s| &s.values)
                .any(|v| v.report == "b"),
            "{c:#?}"
        );
        assert!(c.slots.iter().any(|s| s.slot == "victims killed"), "{c:#?}");
        let e = compare_line("[]", &Extractor::default()).unwrap_err();
        assert!(e.contains("no articles"), "{e}");
    }
}
