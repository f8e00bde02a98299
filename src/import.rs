//! Importing articles into a data file: plain text and Markdown, saved HTML pages (main text
//! found by a readability parser), and JSON Lines (one article a line).
//!
//! Each imported report keeps its text verbatim and its provenance (the path or URL it came
//! from and a hash of its text), so the same article is never imported twice. Its dateline and
//! wire agency are read from the text; metadata the text does not state is left unknown or
//! marked as inferred. It is attached to an existing incident when its lead clearly names the
//! same place (and no date contradicts it), or a new incident is created; a later paragraph
//! that counts casualties at another incident's place adds that incident too.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::extract::Extractor;
use crate::extract::incident::Incidents;
use crate::extract::lexicon::Lexicon;
use crate::model::{
    Claim, Corpus, DateSpan, Detail, Field, Incident, PartialDate, Provenance, Published, Report,
};

/// One article read from a file, before it becomes a report.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// Where it came from: a path, or a URL when the source gives one.
    pub source: String,
    /// Its title, when the source has one.
    pub title: Option<String>,
    /// The text.
    pub body: String,
    /// The outlet, when the source names it.
    pub outlet: Option<String>,
    /// When it was published, when the source says.
    pub published: Option<Published>,
    /// Its address.
    pub url: Option<String>,
    /// Authors, when given.
    pub byline: Option<String>,
    /// Language, when the source declares it.
    pub language: Option<String>,
}

/// Why a file could not be read. Nothing is imported when any file fails.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file or directory cannot be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{}: not UTF-8 text (save it as UTF-8)", path.display())]
    NotUtf8 {
        /// The path.
        path: PathBuf,
    },
    /// A JSON Lines line is not an article.
    #[error("{}:{line}: {message}", path.display())]
    BadLine {
        /// The path.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// An HTML page has no readable article.
    #[error("{}: no article text found in the page ({message})", path.display())]
    Html {
        /// The path.
        path: PathBuf,
        /// What the parser said.
        message: String,
    },
}

/// The kinds of file import reads, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Plain text or Markdown, kept verbatim.
    Text,
    /// A saved web page.
    Html,
    /// One JSON article a line.
    JsonLines,
}

impl FileKind {
    /// The kind of `path` by its extension, if import reads it.
    pub fn of(path: &Path) -> Option<FileKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" | "markdown" => Some(FileKind::Text),
            "html" | "htm" | "xhtml" => Some(FileKind::Html),
            "jsonl" | "ndjson" => Some(FileKind::JsonLines),
            _ => None,
        }
    }
}

/// The files to read for `paths`: files as given (unknown extensions read as text),
/// directories walked recursively for files of known kinds, in name order.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<(PathBuf, FileKind)>, ReadError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| ReadError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk(path, &mut out)?;
        } else {
            out.push((path.clone(), FileKind::of(path).unwrap_or(FileKind::Text)));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<(PathBuf, FileKind)>) -> Result<(), ReadError> {
    let io = |source| ReadError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else if let Some(kind) = FileKind::of(&path) {
            out.push((path, kind));
        }
    }
    Ok(())
}

/// One line of a JSON Lines file.
#[derive(Debug, Deserialize)]
struct JsonArticle {
    #[serde(default, alias = "headline")]
    title: Option<String>,
    #[serde(alias = "text", alias = "content")]
    body: String,
    #[serde(default, alias = "source", alias = "site")]
    outlet: Option<String>,
    #[serde(default, alias = "date")]
    published: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default, alias = "author")]
    byline: Option<String>,
    #[serde(default, alias = "lang")]
    language: Option<String>,
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|x| x.trim().to_string()).filter(|x| !x.is_empty())
}

/// The articles in one file.
pub fn read_file(path: &Path, kind: FileKind) -> Result<Vec<Article>, ReadError> {
    let mut articles = read_articles(path, kind)?;
    for a in &mut articles {
        if a.body.contains(INVISIBLE) {
            a.body = a.body.replace(INVISIBLE, "");
        }
    }
    Ok(articles)
}

/// Characters pages put inside words that show nothing: soft hyphens ("neigh\u{ad}bor"),
/// zero-width spaces, word joiners, byte-order marks. Left in, they split words, so that
/// "neighbor" is not found in a text that shows it.
const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

/// The articles of one file, as written.
fn read_articles(path: &Path, kind: FileKind) -> Result<Vec<Article>, ReadError> {
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8 {
        path: path.to_path_buf(),
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    let source = path.display().to_string();
    match kind {
        FileKind::Text => Ok(vec![Article {
            source,
            body: text,
            ..Article::default()
        }]),
        FileKind::Html => {
            let config = dom_smoothie::Config {
                text_mode: dom_smoothie::TextMode::Formatted,
                ..Default::default()
            };
            let mut readability = dom_smoothie::Readability::new(text.as_str(), None, Some(config))
                .map_err(|e| ReadError::Html {
                    path: path.to_path_buf(),
                    message: e.to_string(),
                })?;
            let article = readability.parse().map_err(|e| ReadError::Html {
                path: path.to_path_buf(),
                message: e.to_string(),
            })?;
            let body = article.text_content.to_string().trim().to_string();
            if body.is_empty() {
                return Err(ReadError::Html {
                    path: path.to_path_buf(),
                    message: "the page has no text".into(),
                });
            }
            Ok(vec![Article {
                source,
                title: nonempty(Some(article.title)),
                body,
                outlet: nonempty(article.site_name),
                published: article.published_time.as_deref().and_then(parse_published),
                url: None,
                byline: nonempty(article.byline),
                language: nonempty(article.lang),
            }])
        }
        FileKind::JsonLines => {
            let mut out = Vec::new();
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let bad = |message: String| ReadError::BadLine {
                    path: path.to_path_buf(),
                    line: n + 1,
                    message,
                };
                let a: JsonArticle =
                    serde_json::from_str(line).map_err(|e| bad(format!("not an article: {e}")))?;
                if a.body.trim().is_empty() {
                    return Err(bad("the article has no body".into()));
                }
                let published = match nonempty(a.published) {
                    Some(p) => Some(
                        parse_published(&p)
                            .ok_or_else(|| bad(format!("`{p}` is not a date or time")))?,
                    ),
                    None => None,
                };
                let url = nonempty(a.url);
                out.push(Article {
                    source: url.clone().unwrap_or_else(|| format!("{source}:{}", n + 1)),
                    title: nonempty(a.title),
                    body: a.body,
                    outlet: nonempty(a.outlet),
                    published,
                    url,
                    byline: nonempty(a.byline),
                    language: nonempty(a.language),
                });
            }
            Ok(out)
        }
    }
}

/// A publication time as feeds and pages write it: ISO dates and times, with or without
/// offset ("2017-10-21", "2017-10-21T09:30:00+02:00", "2017-10-21 09:30").
fn parse_published(text: &str) -> Option<Published> {
    let text = text.trim();
    text.parse()
        .ok()
        .or_else(|| text.replacen(' ', "T", 1).parse().ok())
        .or_else(|| text.get(..10)?.parse().ok())
}

/// A hash of an article's text that ignores whitespace differences.
pub fn text_hash(body: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    for word in body.split_whitespace() {
        hasher.update(word.as_bytes());
        hasher.update(b" ");
    }
    hasher.finalize().to_hex()[..32].to_string()
}

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

/// A report's lead, for matching it to incidents.
#[derive(Debug, Default)]
struct Lead {
    /// Significant words of the places named in the lead.
    place_words: Vec<String>,
    /// The places as written, first first.
    places: Vec<String>,
    /// A day given in the lead's first count, when it resolves.
    date: Option<PartialDate>,
    /// Places named in later sentences that count casualties: (words, place).
    later_places: Vec<(Vec<String>, String)>,
    /// Full names of the people it names with an age or singles out in casualty claims,
    /// lowercased: two reports naming the same victim or suspect report the same incident.
    names: Vec<String>,
}

/// How much one shared victim's name weighs against shared place words.
const NAME_WEIGHT: usize = 10;

/// Words that do not identify a place on their own.
const GENERIC_PLACE_WORDS: [&str; 24] = [
    "the", "of", "to", "a", "road", "province", "region", "city", "town", "village", "district",
    "area", "border", "camp", "state", "country", "nation", "capital", "north", "south", "east",
    "west", "northern", "southern",
];

fn place_words(place: &str) -> Vec<String> {
    // "the country's western desert" → ["western", "desert"]: a possessive owner names no place.
    let after_owner = place
        .rsplit_once("’s ")
        .or_else(|| place.rsplit_once("'s "))
        .map_or(place, |(_, rest)| rest);
    after_owner
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(str::to_lowercase)
        .filter(|w| w.len() > 2 && !GENERIC_PLACE_WORDS.contains(&w.as_str()))
        .collect()
}

/// Edit distance of two short words, for spellings that differ by a letter ("Bahariya",
/// "Baharia").
fn close(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.len().min(b.len()) < 6 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            row.push(
                (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(row[j] + 1),
            );
        }
        prev = row;
    }
    prev[b.len()] <= 1
}

fn overlap(a: &[String], b: &[String]) -> usize {
    a.iter().filter(|w| b.iter().any(|v| close(w, v))).count()
}

/// How many sentences with events make the lead.
const LEAD_SENTENCES: usize = 3;

fn lead_of(claims: &[Claim], body: &str) -> Lead {
    let event_sentences: Vec<[usize; 2]> = {
        let mut seen: Vec<[usize; 2]> = Vec::new();
        for c in claims {
            if matches!(c.detail, Detail::Casualty { .. } | Detail::Means { .. })
                && !seen.contains(&c.sentence)
            {
                seen.push(c.sentence);
            }
        }
        seen
    };
    let lead: Vec<[usize; 2]> = event_sentences
        .iter()
        .take(LEAD_SENTENCES)
        .copied()
        .collect();
    let mut out = Lead::default();
    for c in claims {
        if let Detail::Location {
            place: Some(place), ..
        } = &c.detail
        {
            let words = place_words(place);
            if words.is_empty() {
                continue;
            }
            if lead.contains(&c.sentence) {
                out.places.push(place.clone());
                out.place_words.extend(words);
            } else if claims
                .iter()
                .any(|o| o.sentence == c.sentence && matches!(o.detail, Detail::Casualty { .. }))
            {
                out.later_places.push((words, place.clone()));
            }
        }
    }
    let lower = body.to_ascii_lowercase();
    out.names =
        crate::extract::casualty::aged_names(&crate::extract::tokens::Tokens::new(body, &lower));
    for c in claims {
        if let Detail::Casualty {
            person: Some(p), ..
        } = &c.detail
            && let Some(name) = &p.name
            && name.split_whitespace().count() >= 2
        {
            let name = name.to_lowercase();
            if !out.names.contains(&name) {
                out.names.push(name);
            }
        }
    }
    // The day of the first count, when its sentence dates it ("October 20, 2017").
    let first_count = claims
        .iter()
        .find(|c| matches!(c.detail, Detail::Casualty { .. }))
        .map(|c| c.sentence);
    out.date = claims.iter().find_map(|c| match &c.detail {
        Detail::Time { date: Some(d) } if Some(c.sentence) == first_count => {
            d.parse::<PartialDate>().ok().filter(|d| d.day.is_some())
        }
        _ => None,
    });
    out
}

fn slug(text: &str, max_words: usize) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(max_words)
        .map(|w| w.to_lowercase())
        .collect();
    let s = words.join("-");
    if s.is_empty() {
        "report".to_string()
    } else {
        s
    }
}

fn unique(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken(c))
        .expect("some suffix is free")
}

/// A dateline at the start of the text: "AFP, CAIRO" on its own line, "CAIRO (Reuters) -",
/// "Cairo:", "CAIRO —". Returns the dateline as written and the wire agency it names.
pub fn dateline(body: &str, lex: &Lexicon) -> Option<(String, Option<String>)> {
    let agency_in = |s: &str| lex.wire_agency(s).map(str::to_string);
    // The first few paragraphs with letters: image ids and captions may come first.
    let paragraphs = body
        .split("\n")
        .map(str::trim)
        .filter(|p| p.chars().any(char::is_alphabetic))
        .take(4);
    for p in paragraphs {
        // "AFP, CAIRO" alone on a line.
        if p.len() <= 40
            && p.contains(',')
            && !p.ends_with('.')
            && let Some(agency) = agency_in(p)
        {
            return Some((p.to_string(), Some(agency)));
        }
        // "CAIRO (Reuters) -" / "CAIRO, Oct 21 (Reuters) -"
        if let Some(open) = p.find('(')
            && open < 40
            && let Some(close) = p[open..].find(')')
        {
            let inside = &p[open + 1..open + close];
            let after = p[open + close + 1..].trim_start();
            if let Some(agency) = agency_in(inside)
                && (after.starts_with('-') || after.starts_with('—') || after.starts_with('–'))
            {
                return Some((p[..open + close + 1].to_string(), Some(agency)));
            }
        }
        // "BAYTOWN, Texas (AP) —", "KOKOMO, Ind. (June 15, 2014) —", "CULPEPER, Va. (WUSA9)
        // --": a place in capitals, its state or country, what is in brackets, a dash.
        if let Some(line) = capitals_dateline(p) {
            let agency = agency_in(&line);
            return Some((line, agency));
        }
        // "Cairo:" / "CAIRO —": one to three capitalised words, then a colon or a dash.
        let head: String = p.chars().take(40).collect();
        for sep in [":", " —", " –", " -"] {
            if let Some(at) = head.find(sep) {
                let name = &head[..at];
                let words: Vec<&str> = name.split_whitespace().collect();
                let capitalised = !words.is_empty()
                    && words.len() <= 3
                    && words.iter().all(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
                    });
                if capitalised {
                    return Some((format!("{name}{}", sep.trim_start()), agency_in(name)));
                }
            }
        }
    }
    None
}

/// "BAYTOWN, Texas (AP) —": one to three words in capitals, a comma and one to three
/// capitalised words (the state or country), optional brackets, then a dash. Returns the
/// dateline up to the dash.
fn capitals_dateline(p: &str) -> Option<String> {
    let head: String = p.chars().take(80).collect();
    let (place, rest) = head.split_once(',')?;
    let words: Vec<&str> = place.split_whitespace().collect();
    let caps = |w: &&str| {
        w.chars().any(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\''))
    };
    if words.is_empty() || words.len() > 3 || !words.iter().all(caps) {
        return None;
    }
    let rest = rest.trim_start();
    let dash = ["—", "–", "--", " - "]
        .iter()
        .filter_map(|d| rest.find(d))
        .min()?;
    let between = &rest[..dash];
    let region = between.split('(').next().unwrap_or(between).trim();
    let region_words: Vec<&str> = region.split_whitespace().collect();
    let ok = !region_words.is_empty()
        && region_words.len() <= 3
        && region_words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    ok.then(|| format!("{place}, {}", between.trim_end()))
}

/// The lead with the dateline's place first: where the report was filed is, in local news,
/// where it happened.
fn with_dateline(mut lead: Lead, report: &Report) -> Lead {
    if let Some(place) = report.dateline.value().and_then(|d| dateline_place(d)) {
        let words = place_words(&place);
        if !words.is_empty() && !lead.places.contains(&place) {
            lead.place_words.extend(words);
            lead.places.insert(0, place);
        }
    }
    lead
}

/// The place a dateline names ("BAYTOWN, Texas (AP)" → "Baytown"): the words before the
/// first comma or bracket, in title case.
fn dateline_place(line: &str) -> Option<String> {
    let place = line.split([',', '(', ':', '—', '–']).next()?.trim();
    // Datelines print the place in capitals; "Police:" or "Family:" before a headline is no
    // place.
    if place.len() < 3 || place.chars().any(char::is_lowercase) {
        return None;
    }
    let words: Vec<String> = place
        .split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or_else(String::new, |f| {
                f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase()
            })
        })
        .collect();
    (!words.is_empty() && words.len() <= 3).then(|| words.join(" "))
}

/// A wire agency the text credits itself to ("told AFP", "(AFP)"), with the words that say so.
fn credited_agency(body: &str, lex: &Lexicon) -> Option<(String, String)> {
    // Any run of whitespace, no-break spaces included, reads as one space.
    let flat = body.split_whitespace().collect::<Vec<_>>().join(" ");
    lex.wire_agencies.iter().find_map(|(agency, names)| {
        names.iter().find_map(|n| {
            for cue in [format!("told {n}"), format!("({n})"), format!("to {n}")] {
                if flat.contains(&cue) {
                    return Some((agency.clone(), format!("the text says \"{cue}\"")));
                }
            }
            None
        })
    })
}

/// A title on the first line of a text file: short, no final period, not a dateline.
fn title_line(body: &str) -> Option<String> {
    let first = body
        .lines()
        .map(str::trim)
        .find(|l| l.chars().any(char::is_alphabetic))?;
    let words = first.split_whitespace().count();
    let ends_sentence = first.ends_with('.') || first.ends_with('?') || first.ends_with('!');
    ((3..=16).contains(&words) && !ends_sentence && !first.contains(',') && !first.ends_with(':'))
        .then(|| first.to_string())
}

/// True when the text reads as English: the commonest English words are common in it.
fn looks_english(body: &str) -> bool {
    let words: Vec<String> = body
        .split_whitespace()
        .take(400)
        .map(|w| w.to_lowercase())
        .collect();
    let common = words
        .iter()
        .filter(|w| {
            matches!(
                w.as_str(),
                "the" | "of" | "and" | "to" | "in" | "a" | "was" | "were" | "said"
            )
        })
        .count();
    words.len() >= 20 && common * 8 >= words.len()
}

/// Add `articles` to `corpus`.
pub fn import(corpus: &mut Corpus, articles: Vec<Article>, extractor: &Extractor) -> Summary {
    let mut summary = Summary::default();
    let mut known: Vec<(String, String)> = corpus
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
        .collect();
    // The place words of each incident: its own place and the leads of its reports.
    let mut incident_words: Vec<Vec<String>> = corpus
        .incidents
        .iter()
        .map(|i| place_words(&i.place))
        .collect();
    let mut incident_names: Vec<Vec<String>> = vec![Vec::new(); corpus.incidents.len()];
    let index = Incidents::new(corpus);
    for report in &corpus.reports {
        let lead = with_dateline(
            lead_of(&extractor.report_in(report, &index), &report.body),
            report,
        );
        for id in &report.incidents {
            if let Some(i) = corpus.incidents.iter().position(|x| &x.id == id) {
                incident_words[i].extend(lead.place_words.iter().cloned());
                incident_names[i].extend(lead.names.iter().cloned());
            }
        }
    }

    for article in articles {
        let hash = text_hash(&article.body);
        if let Some((_, id)) = known.iter().find(|(h, _)| *h == hash) {
            summary
                .duplicates
                .push((article.source.clone(), id.clone()));
            continue;
        }
        let mut report = new_report(&article, &hash, extractor.lexicon(), corpus);
        let claims = extractor.report(&report, corpus);
        let lead = with_dateline(lead_of(&claims, &report.body), &report);

        let mut scored: Vec<(usize, usize)> = corpus
            .incidents
            .iter()
            .enumerate()
            .filter(|(_, inc)| !dates_conflict(inc.date, lead.date))
            .map(|(i, _)| {
                let names = lead
                    .names
                    .iter()
                    .filter(|n| incident_names[i].contains(n))
                    .count();
                (
                    overlap(&lead.place_words, &incident_words[i]) + NAME_WEIGHT * names,
                    i,
                )
            })
            .filter(|(score, _)| *score > 0)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let clear = match scored.as_slice() {
            [] => None,
            [(_, i)] => Some(*i),
            [(a, i), (b, _), ..] => (a > b).then_some(*i),
        };
        let how;
        let main = match clear {
            Some(i) => {
                let shared: Vec<&String> = lead
                    .names
                    .iter()
                    .filter(|n| incident_names[i].contains(n))
                    .collect();
                how = if shared.is_empty() {
                    format!("attached: its lead names {}", lead.places.join(", "))
                } else {
                    format!(
                        "attached: it names the same person ({}){}",
                        shared
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                        if lead.places.is_empty() {
                            String::new()
                        } else {
                            format!("; its lead names {}", lead.places.join(", "))
                        }
                    )
                };
                if corpus.incidents[i].date.is_none() {
                    corpus.incidents[i].date = lead.date.map(|d| DateSpan {
                        start: d,
                        end: None,
                    });
                }
                i
            }
            None => {
                let incident = new_incident(&report, &lead, corpus);
                how = if scored.len() > 1 {
                    "new incident: its place matches several incidents equally".to_string()
                } else {
                    "new incident: no incident names its place".to_string()
                };
                summary.created.push(incident.id.clone());
                corpus.incidents.push(incident);
                incident_words.push(lead.place_words.clone());
                incident_names.push(Vec::new());
                corpus.incidents.len() - 1
            }
        };
        incident_words[main].extend(lead.place_words.iter().cloned());
        incident_names[main].extend(lead.names.iter().cloned());
        report.incidents.push(corpus.incidents[main].id.clone());
        // A later paragraph counting casualties at another incident's place covers it too.
        for (words, _) in &lead.later_places {
            if let Some(i) = (0..corpus.incidents.len())
                .find(|&i| i != main && overlap(words, &incident_words[i]) > 0)
            {
                let id = corpus.incidents[i].id.clone();
                if !report.incidents.contains(&id) {
                    report.incidents.push(id);
                }
            }
        }
        known.push((hash, report.id.clone()));
        summary.added.push((
            report.id.clone(),
            article.source.clone(),
            report.incidents.clone(),
            how,
        ));
        corpus.reports.push(report);
    }
    summary
}

fn dates_conflict(incident: Option<DateSpan>, lead: Option<PartialDate>) -> bool {
    match (incident, lead) {
        (Some(span), Some(day)) => {
            let (first, last) = (span.start, span.end.unwrap_or(span.start));
            let to_date = |d: PartialDate| {
                jiff::civil::Date::new(d.year, d.month.unwrap_or(1) as i8, d.day.unwrap_or(1) as i8)
                    .ok()
            };
            match (to_date(first), to_date(last), to_date(day)) {
                // A day or so either side is the same event reported across midnight.
                (Some(a), Some(b), Some(d)) => (d - b).get_days() > 1 || (a - d).get_days() > 1,
                _ => false,
            }
        }
        _ => false,
    }
}

fn new_report(article: &Article, hash: &str, lex: &Lexicon, corpus: &Corpus) -> Report {
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
    let id = unique(base, |c| corpus.report(c).is_some());
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
        outlet: article.outlet.clone().map_or(Field::Unknown, Field::Stated),
        wire,
        byline: article.byline.clone().map_or(Field::Unknown, Field::Stated),
        dateline,
        published: article.published.map_or(Field::Unknown, Field::Stated),
        language,
        url: article.url.clone(),
        provenance: Some(Provenance {
            source: article.source.clone(),
            text_hash: Some(hash.to_string()),
        }),
        incidents: Vec::new(),
        body: article.body.clone(),
    }
}

fn new_incident(report: &Report, lead: &Lead, corpus: &Corpus) -> Incident {
    let place = lead.places.first().cloned().unwrap_or_default();
    let named = if place.is_empty() {
        report.display_headline().0
    } else {
        place.clone()
    };
    let mut title: String = named.chars().take(60).collect();
    if let Some(first) = title.get(..1) {
        title = first.to_uppercase() + &title[1..];
    }
    let date = lead.date.map(|d| DateSpan {
        start: d,
        end: None,
    });
    let base = match date {
        Some(d) => format!("{}-{d}", slug(&place_words(&place).join(" "), 4)),
        None => slug(&place_words(&place).join(" "), 4),
    };
    let id = unique(base, |c| corpus.incident(c).is_some());
    Incident {
        id,
        title: format!("{title} (imported)"),
        date,
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

/// All-or-nothing reading of every file: the articles, or every error.
pub fn read_all(
    files: &[(PathBuf, FileKind)],
    mut progress: impl FnMut(usize),
) -> Result<Vec<Article>, Vec<ReadError>> {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for (n, (path, kind)) in files.iter().enumerate() {
        match read_file(path, *kind) {
            Ok(mut a) => articles.append(&mut a),
            Err(e) => errors.push(e),
        }
        progress(n + 1);
    }
    if errors.is_empty() {
        Ok(articles)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agencies() -> std::sync::Arc<Lexicon> {
        Lexicon::defaults()
    }

    #[test]
    fn datelines_and_agencies() {
        let a = agencies();
        assert_eq!(
            dateline("AFP, CAIRO\n\nAt least 52", &a),
            Some(("AFP, CAIRO".into(), Some("AFP".into())))
        );
        assert_eq!(
            dateline("1.2114013\nCaption here.\n\nCairo: Egyptian forces", &a),
            Some(("Cairo:".into(), None))
        );
        assert_eq!(
            dateline("KABUL (Reuters) - Gunmen killed", &a),
            Some(("KABUL (Reuters)".into(), Some("Reuters".into())))
        );
        assert_eq!(
            dateline("At least 35 Egyptian policemen perished Friday.", &a),
            None
        );
        assert_eq!(
            credited_agency("drivers told\u{a0}AFP\u{a0}that", &a).map(|x| x.0),
            Some("AFP".into())
        );
        assert_eq!(
            credited_agency("drivers told AFP that", &a).map(|x| x.0),
            Some("AFP".into())
        );
    }

    #[test]
    fn place_words_ignore_owners_and_generic_words() {
        assert_eq!(
            place_words("the country’s western desert"),
            ["western", "desert"]
        );
        assert_eq!(place_words("road to Bahariya Oasis"), ["bahariya", "oasis"]);
        assert!(close("bahariya", "baharia"));
        assert!(!close("sinai", "sinaa"), "short words must match exactly");
        assert!(!close("bahariya", "bahrain"));
    }

    #[test]
    fn invisible_characters_leave_the_words_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(
            &path,
            "A man shot his neigh\u{ad}bor in the knee\u{200b}cap.",
        )
        .unwrap();
        let articles = read_file(&path, FileKind::Text).unwrap();
        assert_eq!(articles[0].body, "A man shot his neighbor in the kneecap.");
    }

    #[test]
    fn hashes_ignore_whitespace() {
        assert_eq!(text_hash("a  b\n\nc"), text_hash("a b c"));
        assert_ne!(text_hash("a b c"), text_hash("a b d"));
    }
}
