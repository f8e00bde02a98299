//! One person and what happened to them: "A 24-year-old Santa Ana man was shot to death",
//! "Diana Gomez, 31, died", "his wife also died", "He was pronounced dead", "police fatally
//! shot a teen", "A man and his wife were found dead".

use super::super::lexicon::Lexicon;
use super::super::numbers::{Quantity, quantity_at};
use super::super::tokens::{Kind, Tokens};
use super::beside::{apposition, companions_at, list_item_end, relative_outcome};
use super::people::{self, DEFINITE, POSSESSIVE, group_at, name_at, pronoun_at};
use super::{Casualty, Context, outcome, roles, who, words};
use crate::model::{Hedge, Outcome, Person, Who};

/// People counted beside a person: their first token, the token after them, who, how many.
type Companions = (usize, usize, Who, Quantity);

/// One person as the subject or object of a casualty.
#[derive(Debug, Clone)]
struct Subject {
    /// First token of its words.
    start: usize,
    /// Token after its words (and any apposition: "Gomez, 31,").
    end: usize,
    /// Who.
    who: Who,
    /// Who exactly.
    person: Person,
    /// A pronoun subject ("he"): never the object of a verb before it.
    pronoun: bool,
}

/// Words after which a bare noun phrase starts (headline grammar: "Shooting leaves
/// 12-year-old boy in critical condition", "Search for gunman after man shot", "Police: Man
/// killed").
const BARE_AFTER: [&str; 12] = [
    "leaves", "left", "leaving", "leave", "after", "as", "when", "claims", "says", "say", ":", "—",
];

/// True when a person's words may start at token `i` (a cheap test before reading them): a
/// determiner, a pronoun, a name, a number (an age), a person noun, or a sentence's start.
pub fn may_start(toks: &Tokens, i: usize, from: usize, lex: &Lexicon) -> bool {
    i == from
        || toks.is_capitalized(i)
        || toks.kind(i) == Some(Kind::Number)
        || lex.groups.may_start_at(toks, i)
        || lex.may_be_person_by_ending(toks, i)
        || matches!(
            toks.lower(i),
            Some(
                "a" | "an"
                    | "the"
                    | "that"
                    | "his"
                    | "her"
                    | "their"
                    | "he"
                    | "she"
                    | "him"
                    | "another"
            )
        )
}

/// The person whose words start at token `i`, if any.
fn subject_at<'t>(
    toks: &Tokens<'t>,
    i: usize,
    from: usize,
    to: usize,
    lex: &Lexicon,
    ctx: &mut Context<'_, 't>,
) -> Option<Subject> {
    let noun = |start: usize, np_from: usize, refers_back: bool| {
        let mut np = group_at(toks, np_from, to, lex).filter(|np| np.singular(toks))?;
        // "The boy's mother": the person is the one after the possessive.
        if toks.is_any(np.end, &["'s", "’s"]) {
            np = group_at(toks, np.end + 1, to, lex).filter(|np| np.singular(toks))?;
        }
        (np.group != "inherit" || np.another).then(|| {
            let group = if np.group == "inherit" {
                "people".to_string()
            } else {
                np.group.clone()
            };
            Subject {
                start,
                end: np.end,
                who: who(lex, group, words(toks, np.start, np.end)),
                person: np.person(refers_back),
                pronoun: false,
            }
        })
    };
    if toks.is_any(i, &["a", "an"]) {
        return noun(i, i + 1, false);
    }
    // "another was injured", "another man".
    if toks.is(i, "another") {
        return noun(i, i, false);
    }
    if toks.is_any(i, &POSSESSIVE) {
        return noun(i, i + 1, false);
    }
    if toks.is_any(i, &DEFINITE) {
        return noun(i, i + 1, true);
    }
    if let Some(sex) = pronoun_at(toks, i, true) {
        return Some(Subject {
            start: i,
            end: i + 1,
            who: who(lex, "people".into(), toks.text(i).to_string()),
            person: Person {
                sex: Some(sex),
                refers_back: true,
                ..Person::default()
            },
            pronoun: true,
        });
    }
    // A bare noun phrase: a headline ("Girl shot at party dies", "Teen killed") or an
    // object after "leaves" ("leaves 12-year-old boy in critical condition").
    let may_head =
        i == from || lex.groups.may_start_at(toks, i) || toks.kind(i) == Some(Kind::Number);
    let bare = may_head
        && ((i == from && toks.is_capitalized(i))
            || (i > from && (toks.is_any(i - 1, &BARE_AFTER) || toks.is_punct(i - 1, ':')))
            || (people::age_at(toks, i).is_some() && !toks.is_any(i.wrapping_sub(1), &DEFINITE)));
    // "Officer Douglas Barney": a role before a name is the name's, but "Teen Killed" in a
    // title-case headline is the noun and its verb.
    if bare
        && let Some(s) = noun(i, i, false)
        && (!toks.is_capitalized(s.end) || lex.outcome_after(toks, s.end).is_some())
    {
        return Some(s);
    }
    named_at(toks, i, to, lex, ctx)
}

/// Someone named ("Diana Gomez", "Officer Douglas Barney", "Caskey" once named in full).
/// Every name is remembered for its surname, whether or not it is a casualty's.
fn named_at<'t>(
    toks: &Tokens<'t>,
    i: usize,
    to: usize,
    lex: &Lexicon,
    ctx: &mut Context<'_, 't>,
) -> Option<Subject> {
    // "the fatal shooting of Rock Hill teen", "a Santa Ana man": capitals before a person
    // noun name where the person is from, not who.
    let (start, end) = people::name_at(toks, i, to, ctx.surnames)?;
    if lex.groups.contains_at(toks, end) {
        return None;
    }
    remember(toks, (start, end), ctx);
    // A role before the name gives the group ("Officer Douglas Barney", "Deputy Ann Lee"),
    // and so does a noun it stands in apposition to ("one of the suspects, David Martinez,").
    let role = lex.title_at(toks, start).filter(|(_, e)| *e < end);
    let apposed = toks
        .is_punct(start.wrapping_sub(1), ',')
        .then(|| {
            (start.saturating_sub(4)..start - 1)
                .rev()
                .find_map(|k| lex.groups.at_ref(toks, k).filter(|(_, e)| *e == start - 1))
        })
        .flatten();
    let (group, name_from) = match (role, apposed) {
        (Some((group, e)), _) if group != "inherit" => (group, e),
        (_, Some((group, _))) if group != "inherit" => (group.clone(), start),
        _ => ("people".to_string(), start),
    };
    let name = toks.slice(name_from, end).to_string();
    // "25-year-old Courtney Taylor": the age before the name is part of the phrase.
    let age = (start.saturating_sub(4)..start).find_map(|a| {
        people::age_at(toks, a)
            .filter(|(_, e)| *e == start)
            .map(|x| (a, x.0))
    });
    Some(Subject {
        start: age.map_or(start, |(a, _)| a),
        end,
        who: who(lex, group, name.clone()),
        person: Person {
            name: Some(name),
            age: age.map(|(_, n)| n),
            ..Person::default()
        },
        pronoun: false,
    })
}

/// The name at token `i`, its surname remembered for later mentions ("Caskey died").
pub fn remember_name<'t>(
    toks: &Tokens<'t>,
    i: usize,
    to: usize,
    ctx: &mut Context<'_, 't>,
) -> Option<(usize, usize)> {
    let (start, end) = name_at(toks, i, to, ctx.surnames)?;
    remember(toks, (start, end), ctx);
    Some((start, end))
}

/// Remembers the surname of the name spanning `start..end` (and its first name when it is
/// introduced with an age), so that a later mention of either alone is read as a name.
fn remember<'t>(toks: &Tokens<'t>, (start, end): (usize, usize), ctx: &mut Context<'_, 't>) {
    let last = (start..end)
        .rev()
        .find(|&k| toks.is_capitalized(k) && people::may_be_surname(toks.text(k)));
    // The first name too, when the name introduces someone with their age ("Jose Ramirez,
    // 27,"), as a later mention may use it alone ("Jose died at the hospital"); a headline's
    // capitals ("Everett Teen Found Shot") introduce no one.
    let introduced = toks.is_punct(end, ',') && toks.kind(end + 1) == Some(Kind::Number);
    let first = (introduced && last != Some(start) && toks.text(start).len() > 2).then_some(start);
    for k in [last, first].into_iter().flatten() {
        if let Some(word) = people::surname_token(toks, k)
            && !ctx.surnames.contains(&word)
        {
            ctx.surnames.push(word);
        }
    }
}

/// The claims made about the person (or people joined by "and") whose words start at token
/// `i`, and where scanning resumes.
pub fn claims_at<'t>(
    toks: &Tokens<'t>,
    i: usize,
    from: usize,
    to: usize,
    lex: &Lexicon,
    ctx: &mut Context<'_, 't>,
) -> Option<(Vec<Casualty>, usize)> {
    // "police shot him", "killing her".
    // "killed her two daughters" counts the daughters, not her.
    let counts_after =
        || quantity_at(toks, i + 1, lex).is_some_and(|q| group_at(toks, q.end, to, lex).is_some());
    if let Some(sex) = pronoun_at(toks, i, false)
        && group_at(toks, i + 1, to, lex).is_none()
        && !counts_after()
        && let Some((outcome, verb)) = outcome::before(toks, i, from, lex)
    {
        let person = Person {
            sex: Some(sex),
            refers_back: true,
            ..Person::default()
        };
        let mut who = who(lex, "people".into(), toks.text(i).to_string());
        if roles::agent_before(toks, verb, from, lex) {
            who = suspect(who, lex);
        }
        return Some((vec![one(verb, i + 1, who, outcome, person)], i + 1));
    }
    let first = subject_at(toks, i, from, to, lex, ctx)?;
    if !first.pronoun
        && let Some(read) = outcome::before(toks, first.start, from, lex)
    {
        return Some(objects(toks, first, read, (i, from, to), lex, ctx));
    }
    let (mut subjects, companions) = gather(toks, first, (from, to), lex, ctx);
    let end = companions
        .as_ref()
        .map(|c| c.1)
        .or_else(|| subjects.last().map(|s| s.end))
        .unwrap_or(i);
    // After a preposition the phrase is no subject ("shot by a deputy and died" is the
    // suspect's death, not the deputy's).
    let subject = !toks.is_any(
        i.wrapping_sub(1),
        &["by", "with", "to", "at", "for", "from", "of", "on", "in"],
    );
    // "an apartment she shared with her boyfriend died of …": the object of "with" is not
    // the subject of the verb after it.
    if toks.is(i.wrapping_sub(1), "with") {
        return None;
    }
    // "in the 400 block of South Kostner with gunshot wounds": a preposition's object has no
    // wounds of its own.
    let read = outcome::predicate(toks, end, to, lex)
        .filter(|_| subject || !toks.is(end, "with"))
        .or_else(|| {
            subject
                .then(|| outcome::coordinated_death(toks, end, to, lex))
                .flatten()
        })
        .or_else(|| relative_outcome(toks, end, to, lex));
    let Some((mut outcome, mut stop)) = read else {
        // "a woman shot her two daughters before killing herself": the killer died too. The
        // people harmed are read after the subject.
        let stop = subject
            .then(|| roles::killer_suicide(toks, end, to, lex))
            .flatten()?;
        let s = subjects.swap_remove(0);
        let killer = who(lex, "suspects".into(), s.who.text);
        return Some((
            vec![one(s.start, stop, killer, Outcome::Killed, s.person)],
            end,
        ));
    };
    // "was shot by police and later died": the person police shot is the suspect.
    let agent = roles::agent_after(toks, stop, to, lex);
    if matches!(outcome, Outcome::Shot | Outcome::Injured)
        && let Some(death) = outcome::later_death(toks, agent.unwrap_or(stop), to, lex)
    {
        (outcome, stop) = (Outcome::Killed, death);
    }
    let resume = end;
    // "an argument with his neighbor and a woman died": the object of the preposition is
    // not the verb's subject.
    if !subject && subjects.len() > 1 {
        subjects.remove(0);
    }
    let first_start = subjects.first().map_or(i, |s| s.start);
    let persons = subjects.len() as u64;
    let mut claims: Vec<Casualty> = subjects
        .into_iter()
        .map(|s| {
            let who = if agent.is_some() {
                suspect(s.who, lex)
            } else {
                s.who
            };
            one(s.start, stop, who, outcome, s.person)
        })
        .collect();
    // The whole phrase counts them all: "a mother and her two children were killed" is 3.
    if let Some((_, _, mut who, q)) = companions {
        who.text = words(toks, first_start, end);
        let total = q.plus(persons);
        claims.push(Casualty::counted(first_start, stop, who, outcome, &total));
    }
    Some((claims, resume))
}

/// The person at the head of a subject and the people joined to them: "A man and his wife",
/// "Kelcii Flintroy, Willie Norman and Christopher Chaney", each with their apposition
/// ("Gomez, 31,"); and people counted beside them ("A mother and her two young children":
/// first token, token after, who, how many).
fn gather<'t>(
    toks: &Tokens<'t>,
    first: Subject,
    (from, to): (usize, usize),
    lex: &Lexicon,
    ctx: &mut Context<'_, 't>,
) -> (Vec<Subject>, Option<Companions>) {
    let mut subjects = vec![first];
    let mut companions = None;
    loop {
        let last = subjects.last().expect("one subject at least");
        // Closing quotation marks belong to the noun phrase (a "citizen").
        let mut after = last.end;
        while toks.is_quote(after) {
            after += 1;
        }
        // "his nephew Luis, 19,": a name right after the noun is the person's.
        let word = people::surname_token(toks, after).filter(|_| last.person.name.is_none());
        if let Some((start, end)) = word.and_then(|w| name_at(toks, after, to, &[w])) {
            if let Some(w) = word.filter(|w| !ctx.surnames.contains(w)) {
                ctx.surnames.push(w);
            }
            let last = subjects.last_mut().expect("one subject at least");
            last.person.name = Some(toks.slice(start, end).to_string());
            after = end;
        }
        // A name or "his wife" between commas is the next of a list ("Kelcii Flintroy, Willie
        // Norman and …", "A man, his wife, and their son"), not an apposition ("Rodney Jones,
        // a 42-year-old father of two,").
        // In a list opened by "the", "the man" is an item too ("The woman, the man and the
        // child were pronounced dead").
        let definite = toks.is(subjects[0].start, "the");
        let item_end = |k: usize| {
            list_item_end(toks, k, to, lex).or_else(|| {
                (definite && toks.is(k, "the"))
                    .then(|| people::group_at(toks, k + 1, to, lex).map(|np| np.end))
                    .flatten()
            })
        };
        let list_next = toks.is_punct(after, ',')
            && item_end(after + 1).is_some_and(|e| {
                toks.is(e, "and")
                    || (toks.is_punct(e, ',')
                        && (toks.is(e + 1, "and") || item_end(e + 1).is_some()))
            });
        let (end, age) = if list_next {
            (after, None)
        } else {
            apposition(toks, after, to, lex)
        };
        let last = subjects.last_mut().expect("one subject at least");
        last.end = end;
        last.person.age = last.person.age.or(age);
        // "A man and his wife", "Stephens and Paul Rayer", "…, Bob Roe, and Tim Poe".
        let and = if toks.is_punct(end, ',') && toks.is(end + 1, "and") && subjects.len() > 1 {
            end + 1
        } else {
            end
        };
        if subjects.len() < 6
            && toks.is(and, "and")
            && let Some(next) = subject_at(toks, and + 1, from, to, lex, ctx)
            && !next.pronoun
        {
            subjects.push(next);
            continue;
        }
        if subjects.len() < 6
            && list_next
            && let Some(next) = subject_at(toks, end + 1, from, to, lex, ctx)
            && !next.pronoun
        {
            subjects.push(next);
            continue;
        }
        if toks.is_any(end + 1, &POSSESSIVE)
            && let Some(((who, q), np_end)) = companions_at(toks, end, to, lex)
        {
            companions = Some((end + 1, np_end, who, q));
        }
        break;
    }
    (subjects, companions)
}

/// The people after a verb that harmed them ("killed his estranged wife and her mother",
/// "killed his wife and two young daughters"), the first of them `first`; `read` is the
/// verb's outcome and first token, `span` the token the words start at and the sentence's
/// bounds. Returns the claims and where scanning resumes.
fn objects<'t>(
    toks: &Tokens<'t>,
    first: Subject,
    (outcome, verb): (Outcome, usize),
    (i, from, to): (usize, usize, usize),
    lex: &Lexicon,
    ctx: &mut Context<'_, 't>,
) -> (Vec<Casualty>, usize) {
    let by_agent = roles::agent_before(toks, verb, from, lex);
    let mut claims = Vec::new();
    let mut next = Some(first);
    let mut end = i;
    while let Some(object) = next.take() {
        let (after, age) = apposition(toks, object.end, to, lex);
        let mut person = object.person;
        person.age = person.age.or(age);
        // "he shot and killed another man": other than the one who shot, not a second
        // victim.
        if toks.is(object.start, "another") {
            person.another = false;
        }
        let who = if by_agent {
            suspect(object.who, lex)
        } else {
            object.who
        };
        // "shot his 6-year-old brother to death".
        let (outcome, object_end, after) = match outcome::death_after_object(toks, object.end) {
            Some(e) if outcome != Outcome::Killed => (Outcome::Killed, e, after.max(e)),
            _ => (outcome, object.end, after),
        };
        claims.push(one(verb, object_end, who, outcome, person));
        end = after;
        if claims.len() < 4 && toks.is(after, "and") {
            next = subject_at(toks, after + 1, from, to, lex, ctx).filter(|s| !s.pronoun);
        }
    }
    // "killed his wife and (their) two young daughters": the whole phrase counts them all.
    if let Some((others, np_end)) = companions_at(toks, end, to, lex) {
        let mut who = others.0;
        who.text = words(toks, i, np_end);
        let total = others.1.plus(claims.len() as u64);
        claims.push(Casualty::counted(verb, np_end, who, outcome, &total));
        end = np_end;
    }
    (claims, end)
}

/// The person as the lexicon's `shot_by_agents` makes them when its agents shot them: the
/// suspect, unless named for who they are ("a bystander").
fn suspect(person: Who, lex: &Lexicon) -> Who {
    let rule = &lex.shot_by_agents;
    if person.group == rule.generic {
        who(lex, rule.becomes.clone(), person.text)
    } else {
        person
    }
}

fn one(start: usize, end: usize, who: Who, outcome: Outcome, person: Person) -> Casualty {
    let q = Quantity {
        start,
        end,
        low: 1,
        high: Some(1),
        hedge: Hedge::Exact,
        reversed: false,
    };
    Casualty {
        person: Some(person),
        ..Casualty::counted(start, end, who, outcome, &q)
    }
}
