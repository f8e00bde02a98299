//! A report's lead as evidence for grouping: the places it names first, the day of its
//! first count, the people it names, and the places of later casualty counts.

use rustc_hash::FxHashSet as HashSet;

use crate::model::{BACKGROUND, Claim, DateSpan, Detail, Outcome, PartialDate, Report};
use crate::text::capitalised;

use super::masthead::{DATE_TOP_BYTES, dateline_place};
use super::place::{Where, resolve};

/// A report's lead, for matching it to incidents.
#[derive(Debug, Default)]
pub(super) struct Lead {
    /// Significant words of the places named in the lead.
    pub(super) place_words: Vec<String>,
    /// The places as written, first first.
    pub(super) places: Vec<String>,
    /// A day given in the lead's first count, when it resolves.
    pub(super) date: Option<PartialDate>,
    /// The first day the lead's sentences give: the event's day more often than not, but
    /// too loose to keep a report from an incident.
    pub(super) other_day: Option<PartialDate>,
    /// The first day a later sentence gives (one that counts casualties or names the means
    /// first): a follow-up report names the event's day below its news.
    pub(super) later_day: Option<PartialDate>,
    /// The day the report was published, when known: the incident's day, inferred, when the
    /// report names none.
    pub(super) published: Option<PartialDate>,
    /// Places named in later sentences that count casualties: (words, place).
    pub(super) later_places: Vec<(Vec<String>, String)>,
    /// Full names of the people it names with an age or singles out in casualty claims,
    /// lowercased: two reports naming the same victim or suspect report the same incident.
    pub(super) names: Vec<String>,
    /// The ages of the people its casualty claims single out ("a 4-year-old girl", "Diana
    /// Gomez, 31"), first first: in one state, two incidents seldom have victims of one age.
    pub(super) ages: Vec<u32>,
    /// Who the first count is of, when the lead says more than "people": reports of one
    /// incident agree on whether it was police, soldiers, militants or civilians who died.
    pub(super) victims: Option<String>,
    /// What happened, in a word for the incident's title: the lead's first means ("Ambush",
    /// "Car bomb"), or "Shooting" when people of the event were shot.
    pub(super) event: Option<String>,
    /// The report's place, resolved against the gazetteer when it can be.
    pub(super) place: Option<Where>,
}

/// Words that do not identify a place on their own.
const GENERIC_PLACE_WORDS: [&str; 24] = [
    "the", "of", "to", "a", "road", "province", "region", "city", "town", "village", "district",
    "area", "border", "camp", "state", "country", "nation", "capital", "north", "south", "east",
    "west", "northern", "southern",
];

pub(super) fn place_words(place: &str) -> Vec<String> {
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

/// How many sentences with events make the lead.
pub(super) const LEAD_SENTENCES: usize = 3;

pub(super) fn lead_of(claims: &[Claim], report: &Report) -> Lead {
    let body = report.body.as_str();
    // Sets, not lists: a long text has thousands of sentences, and every claim asks.
    let mut event_order: Vec<[usize; 2]> = Vec::new();
    let mut event_sentences: HashSet<[usize; 2]> = HashSet::default();
    let mut casualty_sentences: HashSet<[usize; 2]> = HashSet::default();
    for c in claims {
        let casualty = matches!(c.detail, Detail::Casualty { .. });
        if casualty {
            casualty_sentences.insert(c.sentence);
        }
        if (casualty || matches!(c.detail, Detail::Means { .. }))
            && event_sentences.insert(c.sentence)
        {
            event_order.push(c.sentence);
        }
    }
    let lead: HashSet<[usize; 2]> = event_order.iter().take(LEAD_SENTENCES).copied().collect();
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
                // "a mobile home in the 16000 block of Bachmann Avenue in Hudson": the town
                // is what the place names last.
                // An address or a site is evidence but names no incident's place.
                let town = place.rsplit_once(" in ").map_or(place.as_str(), |(_, t)| t);
                if !crate::extract::is_site(town) {
                    out.places.push(town.to_string());
                }
                out.place_words.extend(words);
            } else if !crate::extract::is_site(place) && casualty_sentences.contains(&c.sentence) {
                out.later_places.push((words, place.clone()));
            }
        }
    }
    let lower = body.to_ascii_lowercase();
    out.names =
        crate::extract::casualty::aged_names(&crate::extract::tokens::Tokens::new(body, &lower));
    for c in claims {
        let Detail::Casualty {
            person: Some(p), ..
        } = &c.detail
        else {
            continue;
        };
        if let Some(name) = &p.name
            && name.split_whitespace().count() >= 2
        {
            let name = name.to_lowercase();
            if !out.names.contains(&name) {
                out.names.push(name);
            }
        }
        if let Some(age) = p.age
            && !out.ages.contains(&age)
        {
            out.ages.push(age);
        }
    }
    out.victims = claims.iter().find_map(|c| match &c.detail {
        Detail::Casualty { who, .. } if lead.contains(&c.sentence) => {
            Some(who.group.clone()).filter(|g| g != "people")
        }
        _ => None,
    });
    out.event = claims
        .iter()
        .filter(|c| lead.contains(&c.sentence))
        .find_map(|c| match &c.detail {
            Detail::Means { means, .. } => Some(capitalised(means)),
            _ => None,
        })
        .or_else(|| {
            // Someone shot in any sentence of the event: a lead often counts the dead and
            // says how only below ("Two men died ... Both were shot"). "Hit" and "struck"
            // are also read as shot, and may be a car's.
            claims
                .iter()
                .any(|c| {
                    event_sentences.contains(&c.sentence)
                        && c.incident != BACKGROUND
                        && {
                            let text = c.text.to_lowercase();
                            ["shot", "shoot", "gun"].iter().any(|w| text.contains(w))
                        }
                        && matches!(
                            &c.detail,
                            Detail::Casualty {
                                outcome: Outcome::Shot,
                                ..
                            }
                        )
                })
                .then(|| "Shooting".to_string())
        });
    dates(claims, report, &lead, &event_sentences, &mut out);
    out
}

/// The report's days: the day of the first count, when its sentence dates it ("October 20,
/// 2017"); else the first day the lead's other sentences give; else the first of a later
/// sentence; and its publication day.
fn dates(
    claims: &[Claim],
    report: &Report,
    lead: &HashSet<[usize; 2]>,
    event_sentences: &HashSet<[usize; 2]>,
    out: &mut Lead,
) {
    let published = report
        .published
        .value()
        .map(super::super::model::Published::date);
    let printed = report.published.is_inferred();
    let first_count = claims
        .iter()
        .find(|c| matches!(c.detail, Detail::Casualty { .. }))
        .map(|c| c.sentence);
    let day = |c: &Claim| match &c.detail {
        Detail::Time { date: Some(d) } if c.incident != BACKGROUND => {
            let d = d.parse::<PartialDate>().ok().filter(|d| d.day.is_some())?;
            let date = d.as_day()?;
            match published {
                // An event is reported after it happens: a later day is a court date, a
                // funeral or a misreading.
                Some(p) if date > p => None,
                // The page's own posting stamp ("Posted on: February 13, 2014") dates the
                // page, not the event.
                Some(p) if printed && date == p && c.span[0] < DATE_TOP_BYTES => None,
                _ => Some(d),
            }
        }
        _ => None,
    };
    out.date = claims
        .iter()
        .filter(|c| Some(c.sentence) == first_count)
        .find_map(day);
    out.other_day = claims
        .iter()
        .filter(|c| lead.contains(&c.sentence))
        .find_map(day);
    out.later_day = claims
        .iter()
        .filter(|c| event_sentences.contains(&c.sentence))
        .find_map(day)
        .or_else(|| claims.iter().find_map(day));
    out.published = published.map(|p| PartialDate {
        year: p.year(),
        month: Some(p.month() as u8),
        day: Some(p.day() as u8),
    });
}

impl Lead {
    /// The event's day as the report states it: the first count's, the lead's, or a later
    /// sentence's.
    pub(super) fn stated_day(&self) -> Option<PartialDate> {
        self.date.or(self.other_day).or(self.later_day)
    }

    /// The incident's date by this report: the day it states, or else the day it was
    /// published, with why that is believed.
    pub(super) fn incident_date(&self) -> Option<(DateSpan, Option<String>)> {
        let span = |d: PartialDate| DateSpan {
            start: d,
            end: None,
        };
        match (self.stated_day(), self.published) {
            (Some(d), _) => Some((span(d), None)),
            (None, Some(p)) => Some((
                span(p),
                Some("the day the report was published: it names no day of the event".into()),
            )),
            (None, None) => None,
        }
    }
}

/// The lead with the dateline's place first: where the report was filed is, in local news,
/// where it happened.
pub(super) fn with_dateline(mut lead: Lead, report: &Report) -> Lead {
    let dateline = report.dateline.value().map(String::as_str);
    if let Some(place) = dateline.and_then(dateline_place) {
        let words = place_words(&place);
        if !words.is_empty() && !lead.places.contains(&place) {
            lead.place_words.extend(words);
            lead.places.insert(0, place);
        }
    }
    let headline = report.headline.value().map(String::as_str);
    let outlet = report
        .url
        .as_deref()
        .or(report.outlet.value().map(String::as_str));
    lead.place = resolve(dateline, headline, &report.body, &lead.places, outlet);
    lead
}

pub(super) fn dates_conflict(incident: Option<DateSpan>, lead: Option<PartialDate>) -> bool {
    match (incident, lead) {
        (Some(span), Some(day)) => {
            let (first, last) = (span.start, span.end.unwrap_or(span.start));
            match (first.first_day(), last.first_day(), day.first_day()) {
                // A day or so either side is the same event reported across midnight.
                (Some(a), Some(b), Some(d)) => (d - b).get_days() > 1 || (a - d).get_days() > 1,
                _ => false,
            }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_words_ignore_owners_and_generic_words() {
        assert_eq!(
            place_words("the country’s western desert"),
            ["western", "desert"]
        );
        assert_eq!(place_words("road to Bahariya Oasis"), ["bahariya", "oasis"]);
    }
}
