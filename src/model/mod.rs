//! Plain data types of a crosscheck corpus: incidents, the reports that cover them, and the
//! metadata about each report, with every piece of metadata saying whether the text states it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod claim;
pub mod display;

pub use claim::{
    ActorRole, Attribution, BACKGROUND, Claim, ClaimKind, Count, Detail, Distance, Hedge, Outcome,
    Part, Person, ResponsibilityStatus, Sex, SourceKind, Who,
};
pub use display::{count_text, describe, snake};

/// The data-file format version this build writes and reads.
pub const CURRENT_VERSION: u32 = 1;

/// A whole data file: the incidents and the reports about them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corpus {
    /// Format version, for migrations; see [`CURRENT_VERSION`].
    pub version: u32,
    /// The events the reports speak of.
    #[serde(default)]
    pub incidents: Vec<Incident>,
    /// The reports (articles, dispatches) as published.
    #[serde(default)]
    pub reports: Vec<Report>,
}

impl Corpus {
    /// An empty corpus of the current version.
    pub fn new() -> Self {
        Corpus {
            version: CURRENT_VERSION,
            incidents: Vec::new(),
            reports: Vec::new(),
        }
    }

    /// The incident with this id, if any.
    pub fn incident(&self, id: &str) -> Option<&Incident> {
        self.incidents.iter().find(|i| i.id == id)
    }

    /// The report with this id, if any.
    pub fn report(&self, id: &str) -> Option<&Report> {
        self.reports.iter().find(|r| r.id == id)
    }

    /// Total size of all report bodies in bytes.
    pub fn body_bytes(&self) -> usize {
        self.reports.iter().map(|r| r.body.len()).sum()
    }
}

impl Default for Corpus {
    fn default() -> Self {
        Self::new()
    }
}

/// One event the reports describe, as the analyst delimits it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// Stable identifier, referenced by reports (`incidents: ["..."]`).
    pub id: String,
    /// Short human title ("Bahariya Oasis ambush").
    pub title: String,
    /// When it happened: a day, a month, a year, or a range of them; left out when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateSpan>,
    /// Why the date is believed when no report states it ("the day report X was
    /// published: it names no day"); left out when a report or the analyst states it. An
    /// inferred date is shown, exported and scored, but never decides what is background
    /// or which reports may join.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_inferred: Option<String>,
    /// Where it happened, in words.
    #[serde(default)]
    pub place: String,
    /// A sentence or two on what the incident is.
    #[serde(default)]
    pub summary: String,
}

impl Incident {
    /// The date for people: the date or range (with "about" when inferred), or "date
    /// unknown".
    pub fn date_text(&self) -> String {
        match (self.date, &self.date_inferred) {
            (Some(d), Some(_)) => format!("about {d}"),
            (Some(d), None) => d.to_string(),
            (None, _) => "date unknown".to_string(),
        }
    }

    /// The date when a report or the analyst states it; an inferred date is no evidence.
    pub fn stated_date(&self) -> Option<DateSpan> {
        self.date.filter(|_| self.date_inferred.is_none())
    }
}

/// One report as published: its metadata and its text, verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Stable identifier; annotations and claims refer to it.
    pub id: String,
    /// The headline; when the report has none, leave it out and the first sentence is shown.
    #[serde(default, skip_serializing_if = "Field::is_unknown")]
    pub headline: Field<String>,
    /// The outlet that published it (newspaper, site, agency feed).
    #[serde(default, skip_serializing_if = "Field::is_unknown")]
    pub outlet: Field<String>,
    /// The wire agency whose copy it is or carries (AFP, AP, Reuters…), if any.
    #[serde(default, skip_serializing_if = "Field::is_unknown")]
    pub wire: Field<String>,
    /// The byline (author names) as printed.
    #[serde(default, skip_serializing_if = "Field::is_unknown")]
    pub byline: Field<String>,
    /// The dateline as printed ("AFP, CAIRO", "Cairo:").
    #[serde(default, skip_serializing_if = "Field::is_unknown")]
    pub dateline: Field<String>,
    /// When it was published.
    #[serde(default, skip_serializing_if = "Field::is_unknown")]
    pub published: Field<Published>,
    /// Language of the text, as a BCP 47 tag ("en", "ar", "fr").
    #[serde(default, skip_serializing_if = "Field::is_unknown")]
    pub language: Field<String>,
    /// Where the report can be read online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where this copy of the text came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    /// Ids of the incidents this report covers (a report may cover several).
    #[serde(default)]
    pub incidents: Vec<String>,
    /// The text, verbatim: quotes, dashes and stray lines as published.
    pub body: String,
}

impl Report {
    /// The headline to show: the recorded one, or else the first sentence of the body.
    ///
    /// The second element says whether it is a stand-in taken from the text.
    pub fn display_headline(&self) -> (String, bool) {
        match self.headline.value() {
            Some(h) if !h.trim().is_empty() => (h.clone(), false),
            _ => {
                // A dateline on a line of its own ("AFP, CAIRO") is not the first sentence.
                let body = match self.dateline.value() {
                    Some(d) => self
                        .body
                        .trim_start()
                        .strip_prefix(d.as_str())
                        .filter(|rest| rest.starts_with('\n'))
                        .unwrap_or(&self.body),
                    None => &self.body,
                };
                (first_sentence(body), true)
            }
        }
    }
}

/// The opening sentence of a text, skipping leading lines with no letters (stray ids, rules),
/// cut at a sentence end or 120 characters.
pub fn first_sentence(body: &str) -> String {
    let line = body
        .lines()
        .map(str::trim)
        .find(|l| l.chars().any(char::is_alphabetic))
        .unwrap_or("");
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        let at_end = matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|n| n.is_whitespace());
        if at_end && out.chars().count() > 20 {
            break;
        }
        if out.chars().count() >= 120 {
            out.push('…');
            break;
        }
    }
    out
}

/// Where an imported copy of a report came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The file path or URL the text was taken from.
    pub source: String,
    /// A hash of the text as imported, to recognise the same article again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_hash: Option<String>,
    /// Why import filed the report under its incident ("attached: score 13.5: same person
    /// …"), when import did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grouped: Option<String>,
}

/// A piece of metadata and how we know it.
///
/// Analysts must never mistake a guess for a fact printed in the report, so every value says
/// whether the text states it or someone inferred it (and why).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Field<T> {
    /// Neither stated nor inferred.
    #[default]
    Unknown,
    /// The report itself states it.
    Stated(T),
    /// Not in the text; inferred by an analyst or a tool, with the reason.
    Inferred {
        /// The inferred value.
        value: T,
        /// Why it is believed (house style, a caption credit, the analyst's reading).
        why: String,
    },
}

impl<T> Field<T> {
    /// The value, stated or inferred.
    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Unknown => None,
            Field::Stated(v) | Field::Inferred { value: v, .. } => Some(v),
        }
    }

    /// True when nothing is known.
    pub fn is_unknown(&self) -> bool {
        matches!(self, Field::Unknown)
    }

    /// True when the value is an inference, not printed in the text.
    pub fn is_inferred(&self) -> bool {
        matches!(self, Field::Inferred { .. })
    }

    /// The reason given for an inferred value.
    pub fn why(&self) -> Option<&str> {
        match self {
            Field::Inferred { why, .. } => Some(why),
            _ => None,
        }
    }
}

/// A calendar date known to a year, a month or a day ("2017", "2017-09", "2017-10-20").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The year.
    pub year: i16,
    /// The month, 1–12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u8>,
}

impl FromStr for PartialDate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a date; write YYYY, YYYY-MM or YYYY-MM-DD");
        let mut parts = s.split('-');
        let year_text = parts.next().filter(|y| y.len() == 4).ok_or_else(bad)?;
        let year: i16 = year_text.parse().map_err(|_| bad())?;
        let month: Option<u8> = match parts.next() {
            Some(m) if m.len() == 2 => Some(m.parse().map_err(|_| bad())?),
            Some(_) => return Err(bad()),
            None => None,
        };
        let day: Option<u8> = match parts.next() {
            Some(d) if d.len() == 2 => Some(d.parse().map_err(|_| bad())?),
            Some(_) => return Err(bad()),
            None => None,
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("`{s}`: month {m} does not exist"));
        }
        if let (Some(m), Some(d)) = (month, day)
            && jiff::civil::Date::new(year, m as i8, d as i8).is_err()
        {
            return Err(format!("`{s}`: day {d} does not exist in that month"));
        }
        Ok(PartialDate { year, month, day })
    }
}

impl PartialDate {
    /// The calendar day, when it is known to the day.
    pub fn as_day(self) -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(self.year, self.month? as i8, self.day? as i8).ok()
    }

    /// The first calendar day it may be: its day, the first of its month, or January 1st.
    pub fn first_day(self) -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(
            self.year,
            self.month.unwrap_or(1) as i8,
            self.day.unwrap_or(1) as i8,
        )
        .ok()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// When an incident happened: one partial date, or a range written `START/END` (ISO 8601).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateSpan {
    /// The first (or only) date.
    pub start: PartialDate,
    /// The last date of a range.
    pub end: Option<PartialDate>,
}

impl FromStr for DateSpan {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.split_once('/') {
            None => Ok(DateSpan {
                start: s.trim().parse()?,
                end: None,
            }),
            Some((a, b)) => {
                let start: PartialDate = a.trim().parse()?;
                let end: PartialDate = b.trim().parse()?;
                if end < start {
                    return Err(format!("`{s}`: the range ends before it starts"));
                }
                Ok(DateSpan {
                    start,
                    end: Some(end),
                })
            }
        }
    }
}

impl fmt::Display for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.start)?;
        if let Some(end) = self.end {
            write!(f, "/{end}")?;
        }
        Ok(())
    }
}

/// A publication time: a day, a local date and time, or an exact instant with its UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// Only the day is known ("2017-10-21").
    Date(jiff::civil::Date),
    /// Local date and time, zone unknown ("2017-10-21T09:30").
    Local(jiff::civil::DateTime),
    /// An instant ("2017-10-21T09:30:00Z", "2017-10-21T11:30:00+02:00").
    Instant(jiff::Timestamp),
}

impl Published {
    /// The calendar day (UTC for instants).
    pub fn date(&self) -> jiff::civil::Date {
        match self {
            Published::Date(d) => *d,
            Published::Local(dt) => dt.date(),
            Published::Instant(ts) => ts.to_zoned(jiff::tz::TimeZone::UTC).date(),
        }
    }

    /// A key that orders publication times, earliest first; a bare day sorts before its times.
    pub fn sort_key(&self) -> jiff::civil::DateTime {
        match self {
            Published::Date(d) => d.to_datetime(jiff::civil::Time::midnight()),
            Published::Local(dt) => *dt,
            Published::Instant(ts) => ts.to_zoned(jiff::tz::TimeZone::UTC).datetime(),
        }
    }
}

impl FromStr for Published {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Ok(ts) = s.parse::<jiff::Timestamp>() {
            return Ok(Published::Instant(ts));
        }
        if s.contains('T') {
            if let Ok(dt) = s.parse::<jiff::civil::DateTime>() {
                return Ok(Published::Local(dt));
            }
        } else if let Ok(d) = s.parse::<jiff::civil::Date>() {
            return Ok(Published::Date(d));
        }
        Err(format!(
            "`{s}` is not a publication time; write YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SSZ"
        ))
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Published::Date(d) => write!(f, "{d}"),
            Published::Local(dt) => write!(f, "{}", dt.strftime("%Y-%m-%dT%H:%M")),
            Published::Instant(ts) => write!(f, "{ts}"),
        }
    }
}

/// Serde through the text form, so data files hold readable strings and a bad value gets the
/// parser's line and column.
macro_rules! serde_via_str {
    ($($ty:ty),*) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}
serde_via_str!(PartialDate, DateSpan, Published);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_and_print_back() {
        for s in ["2017", "2017-09", "2017-10-20"] {
            assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
        }
        for s in [
            "17",
            "2017-13",
            "2017-02-30",
            "2017-1-2",
            "2017-10-20-1",
            "",
        ] {
            assert!(s.parse::<PartialDate>().is_err(), "{s} should not parse");
        }
    }

    #[test]
    fn date_spans_order_their_ends() {
        let span: DateSpan = "2016-12/2017-04".parse().unwrap();
        assert_eq!(span.to_string(), "2016-12/2017-04");
        assert!("2017-04/2016-12".parse::<DateSpan>().is_err());
    }

    #[test]
    fn published_keeps_its_precision() {
        for s in ["2017-10-21", "2017-10-21T09:30", "2017-10-21T09:30:00Z"] {
            assert_eq!(s.parse::<Published>().unwrap().to_string(), s);
        }
        assert!("Saturday".parse::<Published>().is_err());
        let day: Published = "2017-10-21".parse().unwrap();
        let later: Published = "2017-10-21T09:30".parse().unwrap();
        assert!(day.sort_key() < later.sort_key());
    }

    #[test]
    fn first_sentence_skips_stray_ids_and_stops_at_a_period() {
        let body = "1.2114013-2760217987\nCairo: Security forces on Friday killed 12. More text.";
        assert_eq!(
            first_sentence(body),
            "Cairo: Security forces on Friday killed 12."
        );
        let long = "word ".repeat(100);
        assert!(first_sentence(&long).ends_with('…'));
    }
}
