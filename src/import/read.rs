//! Reading article files: plain text and Markdown (kept verbatim), saved HTML pages (main
//! text found by a readability parser) and JSON Lines (one article a line, with a scraper's
//! metadata).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::Published;

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

impl Article {
    /// A report of a data file as import reads an article: its text and what the file
    /// states of it (inferred metadata is inferred again).
    pub fn of_report(report: &crate::model::Report) -> Article {
        let stated = |f: &crate::model::Field<String>| match f {
            crate::model::Field::Stated(v) => Some(v.clone()),
            _ => None,
        };
        Article {
            source: report
                .provenance
                .as_ref()
                .map_or_else(|| report.id.clone(), |p| p.source.clone()),
            title: stated(&report.headline),
            body: report.body.clone(),
            outlet: stated(&report.outlet),
            published: match &report.published {
                crate::model::Field::Stated(p) => Some(*p),
                _ => None,
            },
            url: report.url.clone(),
            byline: stated(&report.byline),
            language: stated(&report.language),
        }
    }
}

/// Why a file could not be read. Nothing is imported when any file fails.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file or directory cannot be read.
    #[error("{}: cannot read: {}", path.display(), crate::text::io_reason(source))]
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
    /// Not a regular file (a FIFO, a device), or larger than the limit: reading it could block
    /// or never end.
    #[error("{}: {why}", path.display())]
    Refused {
        /// The path.
        path: PathBuf,
        /// Why.
        why: String,
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
/// directories walked recursively for files of known kinds, in name order. A directory met
/// again through a symlink is not walked again, so links that loop end the walk.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<(PathBuf, FileKind)>, ReadError> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| ReadError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk(path, &mut out, &mut seen)?;
        } else {
            out.push((path.clone(), FileKind::of(path).unwrap_or(FileKind::Text)));
        }
    }
    Ok(out)
}

fn walk(
    dir: &Path,
    out: &mut Vec<(PathBuf, FileKind)>,
    seen: &mut std::collections::HashSet<PathBuf>,
) -> Result<(), ReadError> {
    let io = |source| ReadError::Io {
        path: dir.to_path_buf(),
        source,
    };
    if !seen.insert(std::fs::canonicalize(dir).map_err(io)?) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out, seen)?;
        } else if let Some(kind) = FileKind::of(&path) {
            out.push((path, kind));
        }
    }
    Ok(())
}

/// One line of a JSON Lines file.
#[derive(Debug, Deserialize)]
struct JsonArticle {
    /// The caller's own id for the article, which the batch filter gives its report.
    #[serde(default)]
    id: Option<serde_json::Value>,
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

/// The articles in one file, and a note for each article skipped for having no text.
pub fn read_file(path: &Path, kind: FileKind) -> Result<(Vec<Article>, Vec<String>), ReadError> {
    let mut articles = read_articles(path, kind)?;
    articles.iter_mut().for_each(drop_invisible);
    let mut skipped = Vec::new();
    articles.retain(|a| {
        let keep = !a.body.trim().is_empty();
        if !keep {
            skipped.push(format!("{}: no text; skipped", a.source));
        }
        keep
    });
    Ok((articles, skipped))
}

/// Take out of `article`'s text the characters that show nothing (see [`INVISIBLE`]).
pub fn drop_invisible(article: &mut Article) {
    if article.body.contains(INVISIBLE) {
        article.body = article.body.replace(INVISIBLE, "");
    }
}

/// Characters pages put inside words that show nothing: soft hyphens ("neigh\u{ad}bor"),
/// zero-width spaces, word joiners, byte-order marks. Left in, they split words, so that
/// "neighbor" is not found in a text that shows it.
const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

/// The articles of one file, as written.
fn read_articles(path: &Path, kind: FileKind) -> Result<Vec<Article>, ReadError> {
    let bytes =
        crate::store::read_regular(path, crate::store::MAX_FILE_BYTES).map_err(|e| match e {
            crate::store::ReadError::Io(source) => ReadError::Io {
                path: path.to_path_buf(),
                source,
            },
            other => ReadError::Refused {
                path: path.to_path_buf(),
                why: format!("{other}; give the path of an article file"),
            },
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
        FileKind::Html
            if super::plain_html::nests_deeper_than(&text, super::plain_html::MAX_NESTING) =>
        {
            // A tree of this depth takes a parser quadratic time: read the text in one pass.
            Ok(vec![Article {
                source,
                body: super::plain_html::text_of(&text),
                ..Article::default()
            }])
        }
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
                let (article, _) =
                    article_of_json(line, &format!("{source}:{}", n + 1)).map_err(bad)?;
                out.push(article);
            }
            Ok(out)
        }
    }
}

/// The article one line of JSON Lines gives (`source` names it when it has no URL), and
/// the id the line gives it, if any (a string or a number).
pub fn article_of_json(line: &str, source: &str) -> Result<(Article, Option<String>), String> {
    let a: JsonArticle = serde_json::from_str(line).map_err(|e| format!("not an article: {e}"))?;
    article_of(a, source)
}

/// [`article_of_json`] for a line already parsed.
pub fn article_of_value(
    value: serde_json::Value,
    source: &str,
) -> Result<(Article, Option<String>), String> {
    let a: JsonArticle =
        serde_json::from_value(value).map_err(|e| format!("not an article: {e}"))?;
    article_of(a, source)
}

fn article_of(a: JsonArticle, source: &str) -> Result<(Article, Option<String>), String> {
    let published = match nonempty(a.published) {
        Some(p) => Some(parse_published(&p).ok_or_else(|| format!("`{p}` is not a date or time"))?),
        None => None,
    };
    let id = match a.id {
        Some(serde_json::Value::String(s)) => nonempty(Some(s)),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => return Err(format!("`id` is {other}; give a string or a number")),
    };
    let url = nonempty(a.url);
    let article = Article {
        source: url.clone().unwrap_or_else(|| source.to_string()),
        title: nonempty(a.title),
        body: a.body,
        outlet: nonempty(a.outlet),
        published,
        url,
        byline: nonempty(a.byline),
        language: nonempty(a.language),
    };
    Ok((article, id))
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
    // The words, each followed by one space, hashed at once: the same hash as feeding the
    // hasher word by word, without a call per word.
    let mut words = String::with_capacity(body.len() + 1);
    for word in body.split_whitespace() {
        words.push_str(word);
        words.push(' ');
    }
    blake3::hash(words.as_bytes()).to_hex()[..32].to_string()
}

/// Every file read: the articles and the notes of articles skipped for having no text.
#[derive(Debug, Default)]
pub struct ReadAll {
    /// The articles, in file order.
    pub articles: Vec<Article>,
    /// One line per article skipped.
    pub skipped: Vec<String>,
}

/// All-or-nothing reading of every file: the articles, or every error.
pub fn read_all(
    files: &[(PathBuf, FileKind)],
    mut progress: impl FnMut(usize),
) -> Result<ReadAll, Vec<ReadError>> {
    let mut read = ReadAll::default();
    let mut errors = Vec::new();
    for (n, (path, kind)) in files.iter().enumerate() {
        match read_file(path, *kind) {
            Ok((mut a, mut skipped)) => {
                read.articles.append(&mut a);
                read.skipped.append(&mut skipped);
            }
            Err(e) => errors.push(e),
        }
        progress(n + 1);
    }
    if errors.is_empty() {
        Ok(read)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_leave_the_words_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(
            &path,
            "A man shot his neigh\u{ad}bor in the knee\u{200b}cap.",
        )
        .unwrap();
        let (articles, _) = read_file(&path, FileKind::Text).unwrap();
        assert_eq!(articles[0].body, "A man shot his neighbor in the kneecap.");
    }

    #[test]
    fn an_empty_article_is_skipped_with_a_note() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.txt");
        std::fs::write(&path, " \n\n").unwrap();
        let (articles, skipped) = read_file(&path, FileKind::Text).unwrap();
        assert!(articles.is_empty());
        assert_eq!(skipped.len(), 1);
        let lines = dir.path().join("a.jsonl");
        std::fs::write(&lines, "{\"body\": \"\"}\n{\"body\": \"Two were hurt.\"}\n").unwrap();
        let (articles, skipped) = read_file(&lines, FileKind::JsonLines).unwrap();
        assert_eq!((articles.len(), skipped.len()), (1, 1));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_that_loop_end_the_walk_and_devices_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "One man was shot.").unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("x")).unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("y")).unwrap();
        let files = collect_files(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(files.len(), 1, "{files:?}");
        let refused = read_file(Path::new("/dev/null"), FileKind::Text).unwrap_err();
        assert!(
            refused.to_string().contains("not a regular file"),
            "{refused}"
        );
    }

    #[test]
    fn hashes_ignore_whitespace() {
        assert_eq!(text_hash("a  b\n\nc"), text_hash("a b c"));
        // The hashes data files keep: the words fed one by one, each with a space.
        let text = "Two people  were killed\n\nin Dayton, police said. ";
        let mut hasher = blake3::Hasher::new();
        for word in text.split_whitespace() {
            hasher.update(word.as_bytes());
            hasher.update(b" ");
        }
        assert_eq!(text_hash(text), hasher.finalize().to_hex()[..32]);
        assert_ne!(text_hash("a b c"), text_hash("a b d"));
    }
}
