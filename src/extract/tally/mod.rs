//! A report's tally: how many victims of its incident it says were killed and injured.
//!
//! News states the toll two ways, often both in one report: as counts ("two men were killed",
//! "five people were shot, one fatally") and person by person ("a 24-year-old man was shot to
//! death… his wife also died… she was pronounced dead"). The tally weighs them together:
//! people singled out are merged when the words point back ("he", "the victim"), when a name
//! recurs, or when a later mention fits an earlier one (same sex and age, another sentence),
//! and kept apart when the words say it is someone else ("another man", "his wife"). Killed
//! is the larger of the largest count and the people killed; injured the larger of the
//! largest count, the people hurt and not killed, and those shot less those killed.
//! Perpetrators are never victims.

mod people;

use serde::Serialize;

use people::{figure, place};

use crate::model::{BACKGROUND, Claim, Detail, Hedge, Outcome, Person, Report, Sex};

/// The report's figure for one outcome.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// The figure.
    pub low: u64,
    /// Its upper bound, when bounded (`None` for "at least").
    pub high: Option<u64>,
    /// The claims it rests on.
    pub claims: Vec<String>,
    /// How it was reached.
    pub why: String,
}

/// Victims killed and injured, as one report states them for one incident.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Victims killed.
    pub killed: Figure,
    /// Victims injured (and not killed).
    pub injured: Figure,
}

/// One person the report singles out, after merging the mentions of them.
#[derive(Debug)]
struct Entity<'c> {
    name: Option<String>,
    age: Option<u32>,
    sex: Option<Sex>,
    victim: bool,
    killed: bool,
    /// Said to be hurt in words other than "shot" ("wounded", "in critical condition").
    hurt: bool,
    /// Mentioned in what is counted (not only in background or another incident).
    counted: bool,
    /// Introduced as someone else ("a third person", "another man").
    another: bool,
    sentence: usize,
    claims: Vec<&'c Claim>,
}

impl Entity<'_> {
    fn fits(&self, p: &Person, victim: Option<bool>) -> bool {
        let same = |a: Option<Sex>, b: Option<Sex>| a.is_none() || b.is_none() || a == b;
        same(self.sex, p.sex)
            && (self.age.is_none() || p.age.is_none() || self.age == p.age)
            && match (&self.name, &p.name) {
                (Some(a), Some(b)) => shares_name(a, b),
                _ => true,
            }
            && victim.is_none_or(|v| v == self.victim)
    }
}

/// Two names of one person: the same surname, or one word alone that is one of the other's
/// names ("Jose" of "Jose Ramirez", "Braison" of a headline's "Texas Toddler Braison Howard").
fn shares_name(a: &str, b: &str) -> bool {
    let words = |n: &str| -> Vec<String> {
        n.split_whitespace()
            .map(super::casualty::name_word)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    match (wa.as_slice(), wb.as_slice()) {
        ([one], many) | (many, [one]) if many.len() > 1 => many.contains(one),
        _ => super::casualty::surname(a) == super::casualty::surname(b),
    }
}

/// The largest count claim of one outcome among `counts`.
fn largest<'c>(
    counts: &[(&'c Claim, Outcome, u64, Option<u64>)],
    o: Outcome,
) -> Option<(&'c Claim, u64, Option<u64>)> {
    counts
        .iter()
        .filter(|c| c.1 == o)
        .max_by_key(|c| (c.2, c.3.is_none()))
        .map(|c| (c.0, c.2, c.3))
}

/// The tally of the claims about `incident` among `claims` (one report's, in text order).
/// A report that counts no victim of its incident but singles out victims in what it tells
/// as background (a follow-up on an arrest, a trial, a funeral) is tallied on those people.
pub fn tally(claims: &[Claim], incident: &str) -> Tally {
    let own = tally_of(claims, |c| c.incident == incident);
    if own.killed.low > 0 || own.injured.low > 0 {
        return own;
    }
    let earlier = tally_of(claims, |c| {
        c.incident == BACKGROUND
            && matches!(
                &c.detail,
                Detail::Casualty {
                    person: Some(_),
                    ..
                }
            )
    });
    if earlier.killed.low > 0 || earlier.injured.low > 0 {
        let note = |mut f: Figure| {
            if f.low > 0 {
                f.why = format!("{} (told as background: the report counts no other)", f.why);
            }
            f
        };
        return Tally {
            killed: note(earlier.killed),
            injured: note(earlier.injured),
        };
    }
    own
}

/// The tally of the claims `counted` picks among `claims`. People are followed through every
/// claim, so that "he died" after someone of another incident is theirs, not a new victim.
fn tally_of(claims: &[Claim], counted: impl Fn(&Claim) -> bool) -> Tally {
    let mut entities: Vec<Entity> = Vec::new();
    // Killers the report counts among the dead of an event ("a murder-suicide").
    let mut killers_dead: u64 = 0;
    let mut counts: Vec<(&Claim, Outcome, u64, Option<u64>)> = Vec::new();
    for c in claims {
        let Detail::Casualty {
            who,
            outcome,
            count,
            person,
            parts,
        } = &c.detail
        else {
            continue;
        };
        if !matches!(outcome, Outcome::Killed | Outcome::Injured | Outcome::Shot) {
            continue;
        }
        match person {
            Some(p) => {
                // A pronoun or "the man" says nothing of the role, unless its verb's agent
                // does ("police shot him").
                let pronoun = !who.perpetrator
                    && (["he", "she", "him", "her"]
                        .iter()
                        .any(|w| who.text.eq_ignore_ascii_case(w))
                        || (p.refers_back && who.group == "people"));
                let role = (!who.perpetrator, pronoun, counted(c));
                place(&mut entities, c, p, role, *outcome);
            }
            None if !who.perpetrator && c.hedge != Hedge::Negated && counted(c) => {
                // "a murder-suicide": the killer among the dead is no victim.
                let killers: u64 = parts
                    .iter()
                    .filter(|p| p.who.perpetrator)
                    .map(|p| p.count.low)
                    .sum();
                if *outcome == Outcome::Killed {
                    killers_dead = killers_dead.max(killers);
                }
                let victims = count.low.saturating_sub(killers);
                counts.push((c, *outcome, victims, count.high.map(|h| h - killers.min(h))));
            }
            None => {}
        }
    }
    // "a fatal shooting … the victim had been shot": the deaths a count states are among
    // the people shot, when the words give no one else.
    let largest_killed = largest(&counts, Outcome::Killed);
    let stated = largest_killed.map_or(0, |c| c.1);
    let mut deficit = stated.saturating_sub(
        entities
            .iter()
            .filter(|e| e.victim && e.counted && e.killed)
            .count() as u64,
    );
    for e in entities
        .iter_mut()
        .filter(|e| e.victim && e.counted && !e.killed && !e.hurt)
    {
        if deficit == 0 {
            break;
        }
        e.killed = true;
        deficit -= 1;
    }
    let victims = || entities.iter().filter(|e| e.victim && e.counted);
    let dead: Vec<&Entity> = victims().filter(|e| e.killed).collect();
    let hurt: Vec<&Entity> = victims().filter(|e| !e.killed).collect();

    let adjusted = largest_killed.is_some_and(|(c, _, _)| {
        matches!(&c.detail, Detail::Casualty { parts, .. } if parts.iter().any(|p| p.who.perpetrator))
    });
    let mut killed = figure(largest_killed, &dead, "killed");
    // A killer the report says died but never singles out is among the dead it counts ("two
    // people are dead in a murder-suicide": one victim).
    let named_killers = entities
        .iter()
        .filter(|e| !e.victim && e.counted && e.killed)
        .count() as u64;
    let unnamed = killers_dead.saturating_sub(named_killers);
    let from_that_count = killed.claims.first() == largest_killed.map(|c| &c.0.id);
    // Who among the dead could be the killer: none of "his two children"; of people singled
    // out, only those not known to be young children.
    let could_be_killer = if from_that_count {
        if largest_killed.is_some_and(|(c, _, _)| holds_no_killer(c)) {
            0
        } else {
            unnamed
        }
    } else {
        dead.iter()
            .filter(|e| e.age.is_none_or(|a| a >= YOUNGEST_KILLER))
            .count() as u64
    };
    let unnamed = unnamed.min(could_be_killer);
    if unnamed > 0 && killed.low > unnamed && !(adjusted && from_that_count) {
        killed.low -= unnamed;
        killed.high = killed.high.map(|h| h.saturating_sub(unnamed));
        killed
            .why
            .push_str(&format!("; less {unnamed} killer(s) the report says died"));
    }
    if let Some(largest) = largest_killed.filter(|(c, _, _)| !in_killers_clause(claims, c)) {
        less_named_killers(&mut killed, largest, &counts, named_killers);
    }
    let mut injured = figure(
        largest(&counts, Outcome::Injured),
        &hurt,
        "hurt and not killed",
    );
    if let Some((c, shot, high)) = largest(&counts, Outcome::Shot)
        && shot.saturating_sub(killed.low) > injured.low
    {
        injured = Figure {
            low: shot - killed.low,
            high: high.map(|h| h.saturating_sub(killed.low)),
            claims: std::iter::once(c.id.clone())
                .chain(killed.claims.iter().cloned())
                .collect(),
            why: format!("{shot} hit (“{}”) less the {} killed", c.text, killed.low),
        };
    }
    Tally { killed, injured }
}

/// Below this age a person singled out among the dead is not taken for the killer ("a
/// 2-year-old and a 10-month-old were killed in the murder-suicide" are two victims).
const YOUNGEST_KILLER: u32 = 12;

/// Nouns of children: a killer who died is not among "four children killed".
const CHILDREN: [&str; 20] = [
    "child",
    "children",
    "kid",
    "kids",
    "boy",
    "boys",
    "girl",
    "girls",
    "son",
    "sons",
    "daughter",
    "daughters",
    "grandchild",
    "grandchildren",
    "baby",
    "babies",
    "toddler",
    "toddlers",
    "infant",
    "infants",
];

/// True when the people a count counts cannot include a killer who died: someone's own
/// ("killed his two children", "her daughter and two grandchildren": the killer's family) or
/// children only ("Four children killed" in a murder-suicide).
fn holds_no_killer(count: &Claim) -> bool {
    let Detail::Casualty { who, .. } = &count.detail else {
        return false;
    };
    let text = who.text.to_ascii_lowercase();
    if ["his ", "her ", "their "]
        .iter()
        .any(|p| text.starts_with(p))
    {
        return true;
    }
    // Each conjunct's last word is its noun ("two young grandchildren").
    let nouns: Vec<&str> = text
        .split(',')
        .flat_map(|part| part.split(" and "))
        .filter_map(|part| part.split_whitespace().last())
        .collect();
    !nouns.is_empty() && nouns.iter().all(|n| CHILDREN.contains(n))
}

/// "A man killed his wife and two young daughters before committing suicide": a count inside
/// the killer's own clause counts the people he killed, never him.
fn in_killers_clause(claims: &[Claim], count: &Claim) -> bool {
    claims.iter().any(|k| {
        matches!(&k.detail, Detail::Casualty { who, person: Some(_), .. } if who.perpetrator)
            && k.span[0] <= count.span[0]
            && count.span[1] <= k.span[1]
    })
}

/// "Three people were found dead … she shot her two daughters before killing herself": a
/// count of the dead (`largest`, on which `killed` rests) that is the victims' own count
/// elsewhere in the report plus the `killers` who died counts them too.
fn less_named_killers(
    killed: &mut Figure,
    (c, n, _): (&Claim, u64, Option<u64>),
    counts: &[(&Claim, Outcome, u64, Option<u64>)],
    killers: u64,
) {
    if killers == 0 || n <= killers || killed.low != n || killed.claims.first() != Some(&c.id) {
        return;
    }
    let Some((victims, _, _, _)) = counts
        .iter()
        .find(|x| x.1 == Outcome::Killed && x.2 == n - killers)
    else {
        return;
    };
    killed.low = n - killers;
    killed.high = killed.high.map(|h| h.saturating_sub(killers));
    killed.claims.insert(0, victims.id.clone());
    killed.why = format!(
        "{} killed (“{}”): “{}” counts {killers} killer(s) among the dead",
        killed.low, victims.text, c.text
    );
}

/// The tally of a report for its main incident (the first it covers), `None` when it
/// covers none.
pub fn of_report(report: &Report, claims: &[Claim]) -> Option<Tally> {
    let incident = report.incidents.first()?;
    Some(tally(claims, incident))
}
