//! Who did the harm, as English tells it around a casualty: the agent of a shot ("shot by
//! police", "an officer fatally shot a man", "killed in an officer-involved shooting") and a
//! killer's own death after the killing ("before turning the gun on himself").

use super::super::lexicon::Lexicon;
use super::super::numbers::quantity_at;
use super::super::tokens::{Kind, Tokens};
use super::outcome::{PREDICATE, TIMES};

/// "a woman shot her two daughters before killing herself": after a subject whose verb
/// harmed someone, the subject's own death later in the clause (the lexicon's
/// `killer_suicides`). The token after it.
pub fn killer_suicide(toks: &Tokens, i: usize, to: usize, lex: &Lexicon) -> Option<usize> {
    let stop = (i + 30).min(to);
    // Most subjects have no killer's death after them: leave before reading the words.
    if !(i..stop).any(|k| lex.killer_suicides.may_start_at(toks, k)) {
        return None;
    }
    // The subject's own verb: only auxiliaries and adverbs before it ("appears to have shot").
    let mut verb = i;
    while verb < to && verb < i + 6 && lex.outcome_before(toks, verb).is_none() {
        let passable = toks.is_any(verb, &PREDICATE)
            || toks.is_any(
                verb,
                &["appears", "appeared", "seems", "may", "might", "then"],
            )
            || toks
                .lower(verb)
                .is_some_and(|w| w.ends_with("ly") && w.len() > 4);
        if !passable {
            return None;
        }
        verb += 1;
    }
    let mut harmed = false;
    for k in verb..stop {
        if toks.is_punct(k, '.')
            || toks.is_punct(k, ';')
            || toks.is_any(k, &["who", "which", "whose", "whom"])
        {
            return None;
        }
        if harmed && let Some(((), end)) = lex.killer_suicides.at(toks, k) {
            return Some(end);
        }
        harmed |= lex.outcome_before(toks, k).is_some();
    }
    None
}

/// The agent of a passive predicate ending before token `i`, when one of the groups the
/// lexicon's `shot_by_agents` names ("by police", "by a Cook County sheriff's deputy", "by
/// two officers"): the token after it.
pub fn agent_after(toks: &Tokens, i: usize, to: usize, lex: &Lexicon) -> Option<usize> {
    // "killed in an officer-involved shooting", "wounded in a shootout with deputies".
    if toks.is_any(i, &["in", "during"]) {
        for k in i + 1..(i + 5).min(to) {
            if let Some(((), end)) = lex.agent_events.at(toks, k) {
                return Some(end);
            }
            let modifier = toks.is_any(k, &["a", "an", "the", "fatal", "deadly", "apparent"])
                || toks.is_any(k, &TIMES)
                || toks.is_capitalized(k);
            if !modifier {
                return None;
            }
        }
    }
    if !toks.is(i, "by") {
        return None;
    }
    for k in i + 1..(i + 7).min(to) {
        if let Some((group, end)) = lex.groups.at_ref(toks, k) {
            return lex.shot_by_agents.agents.contains(group).then_some(end);
        }
        // Determiners, numbers, names and possessives before the agent's noun.
        let modifier = toks.is_any(k, &["a", "an", "the", "s", "off-duty", "other", "state"])
            || toks.is_capitalized(k)
            || toks.is_quote(k)
            || toks.kind(k) == Some(Kind::Number)
            || quantity_at(toks, k, lex).is_some();
        if !modifier {
            return None;
        }
    }
    None
}

/// True when the subject of a verb phrase starting at token `verb` is one of the groups the
/// lexicon's `shot_by_agents` names ("Police shot and killed a teen", "an officer then
/// fatally shot the man"), with only adverbs between.
pub fn agent_before(toks: &Tokens, verb: usize, from: usize, lex: &Lexicon) -> bool {
    let mut end = verb;
    while end > from
        && (toks.is_any(end - 1, &["then", "later", "allegedly", "reportedly"])
            || toks
                .lower(end - 1)
                .is_some_and(|w| w.ends_with("ly") && w.len() > 4))
    {
        end -= 1;
    }
    (end.saturating_sub(3).max(from)..end).any(|k| {
        lex.groups
            .at(toks, k)
            .is_some_and(|(g, e)| e == end && lex.shot_by_agents.agents.contains(&g))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::super::tokens::leaked as toks;

    #[test]
    fn a_killer_s_own_death() {
        let lex = Lexicon::defaults();
        for (text, dead) in [
            (
                "shot and killed her two daughters before killing herself",
                true,
            ),
            (
                "fatally shot his wife and then turned the gun on himself",
                true,
            ),
            ("shot his wife and then himself", true),
            ("killed himself", false),
            ("shot a man who later killed himself", false),
            ("shot his neighbor. He later killed himself", false),
            ("appears to have shot her son before killing herself", true),
            (
                ", where a man killed his two children and then himself",
                false,
            ),
            (
                "tells reporters the father shot them and then himself",
                false,
            ),
        ] {
            let t = toks(text);
            assert_eq!(
                killer_suicide(&t, 0, t.len(), &lex).is_some(),
                dead,
                "{text}"
            );
        }
    }

    #[test]
    fn agents_the_lexicon_names() {
        let lex = Lexicon::defaults();
        for (text, agent) in [
            ("by police on Sunday", true),
            ("by a Cook County sheriff's deputy", true),
            ("by two off-duty officers", true),
            ("by a man in a red car", false),
            ("by his brother", false),
            ("near police headquarters", false),
            ("in an officer-involved shooting Monday", true),
            ("in a fatal police shooting", true),
            ("in a shooting at a police station", false),
        ] {
            let t = toks(text);
            assert_eq!(agent_after(&t, 0, t.len(), &lex).is_some(), agent, "{text}");
        }
        for (text, verb, agent) in [
            ("Police shot and killed a teen", 1, true),
            ("An officer then fatally shot the man", 3, true),
            ("a Chicago police officer shot him", 4, true),
            ("Police said a man shot his wife", 4, false),
            ("The gunman shot a clerk", 2, false),
        ] {
            let t = toks(text);
            assert_eq!(agent_before(&t, verb, 0, &lex), agent, "{text}");
        }
    }
}
