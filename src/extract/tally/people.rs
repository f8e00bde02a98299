//! The people a report counts, one entity each: mentions of one person put together (by
//! name, age, list), and the figure of a tally from its count and the people named.

use super::{Entity, Figure, shares_name};
use crate::model::{Claim, Outcome, Person};

/// True when `c` names a later member of the list whose first member `e` was last named in
/// (its claim spans the whole list, and a comma or "and" comes right before `c`).
fn same_list(e: &Entity, c: &Claim) -> bool {
    e.claims.last().is_some_and(|last| {
        last.sentence == c.sentence
            && last.span[0] < c.span[0]
            && c.span[1] <= last.span[1]
            && last
                .text
                .get(..c.span[0] - last.span[0])
                .map(str::trim_end)
                .is_some_and(|before| before.ends_with(',') || before.ends_with(" and"))
    })
}

/// Puts a mention of one person with the entity it is about, or makes a new one.
pub(super) fn place<'c>(
    entities: &mut Vec<Entity<'c>>,
    c: &'c Claim,
    p: &Person,
    (victim, pronoun, counted): (bool, bool, bool),
    o: Outcome,
) {
    // A pronoun says nothing of the role; a noun ("the suspect", "the victim") does.
    let role = (!pronoun).then_some(victim);
    let killed = o == Outcome::Killed;
    let found = if p.refers_back {
        // "the victim died": the person whose fate it fits, else the last one it fits. The
        // people of one list are different people ("the man and the child were pronounced
        // dead": the claim of the list's first holds the words of the others).
        let fits = |e: &&Entity| e.fits(p, role) && !same_list(e, c);
        let same_fate = entities
            .iter()
            .rposition(|e| fits(&e) && e.killed == killed);
        same_fate
            .or_else(|| entities.iter().rposition(|e| fits(&e)))
            .or_else(|| {
                // "found a man and a woman dead … the man shot the woman before turning the
                // gun on himself": the man the report first counted is the killer. Only a
                // mention that gives the person's sex is trusted to point back so far.
                (role == Some(false) && p.sex.is_some())
                    .then(|| {
                        entities
                            .iter()
                            .rposition(|e| e.victim && e.sex == p.sex && e.fits(p, None))
                    })
                    .flatten()
                    .inspect(|&k| entities[k].victim = false)
            })
    } else if let Some(name) = &p.name
        && let Some(k) = entities
            .iter()
            .rposition(|e| e.name.as_deref().is_some_and(|n| shares_name(n, name)))
    {
        Some(k)
    } else if p.another {
        None
    } else {
        // Someone hurt is not someone the report already said was killed; one of the same age
        // is the likelier one ("An 8-year-old child died" again is the girl, not her mother).
        let fits = |e: &Entity| {
            e.sentence != c.sentence[0] && e.fits(p, role) && !(e.killed && o == Outcome::Injured)
        };
        // "One person is dead … Prato, Zientek and Piring are hospitalized … the shooting that
        // killed one student": the one of the same fate before the last named.
        p.age
            .and_then(|age| entities.iter().rposition(|e| e.age == Some(age) && fits(e)))
            .or_else(|| {
                entities
                    .iter()
                    .rposition(|e| fits(e) && e.killed == killed && e.counted)
            })
            .or_else(|| entities.iter().rposition(fits))
    };
    match found {
        Some(k) => {
            let e = &mut entities[k];
            // "the bodies of Mark Mata, …" then "Mark Mata shot his wife … before killing
            // himself": a person named as the one who did it is no victim.
            if role == Some(false) && p.name.is_some() {
                e.victim = false;
            }
            e.counted |= counted;
            if counted {
                e.killed |= killed;
                e.hurt |= o == Outcome::Injured;
            }
            e.name = e.name.take().or_else(|| p.name.clone());
            e.age = e.age.or(p.age);
            e.sex = e.sex.or(p.sex);
            e.sentence = c.sentence[0];
            e.claims.push(c);
        }
        None => entities.push(Entity {
            name: p.name.clone(),
            age: p.age,
            sex: p.sex,
            victim: role.unwrap_or(true),
            killed: killed && counted,
            hurt: o == Outcome::Injured && counted,
            counted,
            another: p.another && !p.refers_back,
            sentence: c.sentence[0],
            claims: vec![c],
        }),
    }
}

/// The figure for one outcome: the largest count (plus anyone introduced after it in its
/// sentence as someone else: "two were grazed and a third person was shot") or the people
/// singled out, whichever is more.
pub(super) fn figure(
    count: Option<(&Claim, u64, Option<u64>)>,
    people: &[&Entity],
    what: &str,
) -> Figure {
    let n = people.len() as u64;
    let added: Vec<&&Entity> = count.map_or_else(Vec::new, |(c, _, _)| {
        people
            .iter()
            .filter(|e| {
                e.another
                    && e.claims
                        .first()
                        .is_some_and(|f| f.span[0] > c.span[0] && f.sentence == c.sentence)
            })
            .collect()
    });
    match count {
        Some((c, low, high)) if low + added.len() as u64 >= n => Figure {
            low: low + added.len() as u64,
            high: high.map(|h| h + added.len() as u64),
            claims: std::iter::once(c.id.clone())
                .chain(
                    added
                        .iter()
                        .flat_map(|e| e.claims.iter().map(|x| x.id.clone())),
                )
                .collect(),
            why: if added.is_empty() {
                format!("the report's count: “{}”", c.text)
            } else {
                let who: Vec<String> = added.iter().map(|e| describe(e)).collect();
                format!("the report's count “{}” and {}", c.text, who.join("; "))
            },
        },
        _ if n > 0 => {
            let who: Vec<String> = people.iter().map(|e| describe(e)).collect();
            Figure {
                low: n,
                high: Some(n),
                claims: people
                    .iter()
                    .flat_map(|e| e.claims.iter().map(|c| c.id.clone()))
                    .collect(),
                why: format!("{n} {what}, each counted once: {}", who.join("; ")),
            }
        }
        _ => Figure {
            low: 0,
            high: Some(0),
            claims: Vec::new(),
            why: "no victim counted".to_string(),
        },
    }
}

/// One person in a few words: the name, else the first words that described them.
fn describe(e: &Entity) -> String {
    if let Some(name) = &e.name {
        return name.clone();
    }
    let words = e.claims.first().map_or("", |c| c.text.as_str());
    format!("“{}”", crate::text::fit(words, 51))
}
