//! What the top of a text says about the report: its dateline, the wire agency it credits,
//! a title on its first line, and whether it is English.

use crate::extract::common_words::is_common;
use crate::extract::gazetteer::{Reading, gazetteer};
use crate::extract::lexicon::Lexicon;
use crate::extract::timex;
use crate::extract::tokens::Tokens;
use crate::model::Published;

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
            let dash = after.starts_with('-') || after.starts_with('—') || after.starts_with('–');
            if let Some(agency) = agency_in(inside)
                && dash
            {
                return Some((p[..open + close + 1].to_string(), Some(agency)));
            }
            // "ST. LOUIS (KTVI) -", "MIAMI (CBSMiami) –": a place in capitals and the
            // station that filed it.
            if dash && in_capitals(&p[..open]) {
                return Some((p[..open + close + 1].to_string(), None));
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
                let agency = agency_in(name);
                if capitalised && (agency.is_some() || names_a_place(name)) {
                    return Some((format!("{name}{}", sep.trim_start()), agency));
                }
            }
        }
    }
    None
}

/// True when `words` are one to four words in capitals ("ST. LOUIS", "FLORIDA CITY").
fn in_capitals(words: &str) -> bool {
    let n = words.split_whitespace().count();
    (1..=4).contains(&n)
        && words.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && words
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''))
}

/// True when a heading before a colon or a dash reads as a place ("Cairo", "South Africa",
/// "Little Rock", "MOBILE"), not a label or a headline's source ("Police:", "Published:",
/// "Follow CBSMIAMI.COM:"): the gazetteer knows it, and one word that is also an ordinary
/// English word ("Police", a town in Poland) counts only in capitals or as a country or state.
fn names_a_place(name: &str) -> bool {
    let readings = gazetteer().lookup(name);
    if readings.is_empty() {
        return false;
    }
    let one_common_word = !name.contains(' ') && is_common(&name.to_lowercase());
    !one_common_word
        || !name.chars().any(char::is_lowercase)
        || readings
            .iter()
            .any(|r| matches!(r, Reading::Country(_) | Reading::State(_)))
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

/// The place a dateline names ("BAYTOWN, Texas (AP)" → "Baytown"): the words before the
/// first comma or bracket, in title case.
pub(super) fn dateline_place(line: &str) -> Option<String> {
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
pub(super) fn credited_agency(body: &str, lex: &Lexicon) -> Option<(String, String)> {
    // Any run of whitespace, no-break spaces included, reads as one space.
    let flat = body.split_whitespace().collect::<Vec<_>>().join(" ");
    // Where each cue's name would start: one pass over the text per cue, not one per name.
    let after = |cue: &str| -> Vec<usize> {
        flat.match_indices(cue)
            .map(|(at, _)| at + cue.len())
            .collect()
    };
    let cues = [
        ("told ", "", after("told ")),
        ("(", ")", after("(")),
        ("to ", "", after("to ")),
    ];
    lex.wire_agencies.iter().find_map(|(agency, names)| {
        names.iter().find_map(|n| {
            cues.iter().find_map(|(opens, closes, starts)| {
                starts
                    .iter()
                    .any(|&at| {
                        flat[at..]
                            .strip_prefix(n.as_str())
                            .is_some_and(|rest| rest.starts_with(closes))
                    })
                    .then(|| {
                        let cue = format!("{opens}{n}{closes}");
                        (agency.clone(), format!("the text says \"{cue}\""))
                    })
            })
        })
    })
}

/// The outlet a text names on its first line as a web address ("www.wave3.com",
/// "fox2now.com"), as scrapers and archives save pages: the host without "www.".
pub(super) fn outlet_line(body: &str) -> Option<String> {
    let first = first_line(body)?;
    let host = first.strip_prefix("www.").unwrap_or(first);
    let (name, tld) = host.rsplit_once('.')?;
    let host_chars = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
    (first.len() <= 80
        && !name.is_empty()
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase())
        && host.chars().all(host_chars)
        && host.chars().any(|c| c.is_ascii_lowercase()))
    .then(|| host.to_ascii_lowercase())
}

fn first_line(body: &str) -> Option<&str> {
    body.lines()
        .map(str::trim)
        .find(|l| l.chars().any(char::is_alphabetic))
}

/// A title on the first line of a text file (after a web address naming the outlet):
/// short, no final period, not a dateline.
pub(super) fn title_line(body: &str) -> Option<String> {
    let mut lines = body
        .lines()
        .map(str::trim)
        .filter(|l| l.chars().any(char::is_alphabetic));
    let mut first = lines.next()?;
    // After the outlet's address the next line is the page's title, whatever its commas.
    let after_outlet = outlet_line(first).is_some();
    if after_outlet {
        first = lines.next()?;
    }
    let words = first.split_whitespace().count();
    let ends_sentence = first.ends_with('.') || first.ends_with('?') || first.ends_with('!');
    let plain = !ends_sentence && !first.contains(',') && !first.ends_with(':');
    ((3..=16).contains(&words) && plain || after_outlet && (2..=30).contains(&words))
        .then(|| first.to_string())
}

/// How far into a text a printed date is looked for, in bytes: its masthead.
pub(super) const DATE_TOP_BYTES: usize = crate::extract::TOP_BYTES;

/// A date printed near the top of a text, as pages print when they were posted ("Posted on:
/// February 13, 2014", "Thu Nov 10, 2011 3:00pm EST", "May 03, 2013"), with the words
/// that print it: the anchor that "on Tuesday" is read against when no metadata gives one.
pub(super) fn printed_date(body: &str) -> Option<(Published, String)> {
    let top = &body[..body.floor_char_boundary(DATE_TOP_BYTES)];
    let lower = top.to_ascii_lowercase();
    let toks = Tokens::new(top, &lower);
    timex::find(&toks, 0, toks.len(), None)
        .into_iter()
        .find_map(|e| {
            // On a short line of its own, as pages print when they posted; a date inside a
            // caption or a sentence is an event's.
            let at = toks.start(e.start);
            let line_start = top[..at].rfind('\n').map_or(0, |n| n + 1);
            let line_end = top[at..].find('\n').map_or(top.len(), |n| at + n);
            if top[line_start..line_end].split_whitespace().count() > 12 {
                return None;
            }
            let d = e.date?;
            let day = d.as_day()?;
            let words = &top[toks.start(e.start)..toks.end(e.end - 1)];
            Some((Published::Date(day), words.to_string()))
        })
}

/// True when the text reads as English: the commonest English words are common in it.
pub(super) fn looks_english(body: &str) -> bool {
    const COMMON: [&str; 9] = ["the", "of", "and", "to", "in", "a", "was", "were", "said"];
    let (mut words, mut common) = (0usize, 0usize);
    for w in body.split_whitespace().take(400) {
        words += 1;
        common += usize::from(COMMON.iter().any(|c| w.eq_ignore_ascii_case(c)));
    }
    words >= 20 && common * 8 >= words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agencies() -> std::sync::Arc<Lexicon> {
        Lexicon::defaults()
    }

    #[test]
    fn a_web_address_first_is_the_outlet_and_the_title_follows() {
        let body =
            "www.wave3.com\n\nGirl still in grave condition after shooting\n\nLOUISVILLE, KY";
        assert_eq!(outlet_line(body).as_deref(), Some("wave3.com"));
        assert_eq!(
            title_line(body).as_deref(),
            Some("Girl still in grave condition after shooting")
        );
        assert_eq!(
            outlet_line("fox2now.com\n\nArrest made").as_deref(),
            Some("fox2now.com")
        );
        for not in [
            "Police say the man.",
            "U.S. forces",
            "unknown outlet (ECB)",
            "St. Louis",
        ] {
            assert_eq!(outlet_line(not), None, "{not}");
        }
    }

    #[test]
    fn a_date_printed_at_the_top_anchors_the_text() {
        let (d, words) =
            printed_date("Posted on: February 13, 2014\n\nA man was shot on Tuesday.").unwrap();
        assert_eq!(d.to_string(), "2014-02-13");
        assert_eq!(words, "February 13, 2014");
        assert_eq!(printed_date("A man was shot on Tuesday night."), None);
        assert_eq!(
            printed_date(
                "Supporters hold pictures during a protest in Rafah refugee camp, Gaza Strip, Thursday, October 26, 2017.\n"
            ),
            None,
            "a caption's date is the photograph's"
        );
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
        // A label or a headline's source before a colon is no dateline; a place is.
        for label in [
            "Police: 3-year-old dies",
            "Published: March 3",
            "Follow CBSMIAMI.COM: Facebook",
            "Update: LR Police Make Arrest",
        ] {
            assert_eq!(dateline(label, &a), None, "{label}");
        }
        assert_eq!(
            dateline("ST. LOUIS (KTVI) - A 15-year-old", &a),
            Some(("ST. LOUIS (KTVI)".into(), None))
        );
        assert_eq!(dateline("Police (in a statement) - said", &a), None);
        assert_eq!(
            dateline("Little Rock: Police said", &a),
            Some(("Little Rock:".into(), None))
        );
        assert_eq!(
            dateline("MOBILE — Police said", &a),
            Some(("MOBILE—".into(), None))
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
}
