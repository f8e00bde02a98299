//! Grouping by evidence, tried on leads made by hand.

use super::*;

fn lead(names: &[&str], places: &[&str]) -> Lead {
    Lead {
        names: names.iter().map(std::string::ToString::to_string).collect(),
        place_words: places
            .iter()
            .map(std::string::ToString::to_string)
            .collect(),
        ..Lead::default()
    }
}

#[test]
fn a_shared_name_joins_and_a_common_place_does_not() {
    let mut g = Grouping::default();
    let none = Evidence::default();
    for i in 0..4 {
        g.add(i, None, &lead(&[], &["chicago"]), &none);
    }
    g.add(2, None, &lead(&["amari brown"], &[]), &none);
    let c = g.candidates(
        None,
        &lead(&["amari brown"], &["chicago"]),
        &none,
        None,
        |_| true,
    );
    match verdict(c) {
        Verdict::Join(c) => {
            assert_eq!(c.incident, 2);
            assert!(c.why().contains("same person amari brown"), "{}", c.why());
        }
        v => panic!("{v:?}"),
    }
    let c = g.candidates(None, &lead(&[], &["chicago"]), &none, None, |_| true);
    assert!(matches!(verdict(c), Verdict::Alone(_)));
}

fn at(mut lead: Lead, town: &str, state: u32) -> Lead {
    lead.place = Some(Where {
        text: town.to_string(),
        resolved: true,
        state: Some(state),
        guessed: false,
        population: 50_000,
    });
    lead
}

#[test]
fn the_same_day_in_the_same_small_town_joins() {
    let day = PartialDate {
        year: 2014,
        month: Some(6),
        day: Some(15),
    };
    let none = Evidence::default();
    let in_town = |population: u32, day: PartialDate| {
        let mut l = at(lead(&[], &["kokomo"]), "Kokomo, Indiana", 1);
        l.date = Some(day);
        if let Some(p) = l.place.as_mut() {
            p.population = population;
        }
        l
    };
    let mut g = Grouping::default();
    g.add(0, None, &in_town(57_000, day), &none);
    let next_day = PartialDate {
        day: Some(16),
        ..day
    };
    match verdict(g.candidates(None, &in_town(57_000, next_day), &none, None, |_| true)) {
        Verdict::Join(c) => assert!(c.why().contains("same day 2014-06-16"), "{}", c.why()),
        v => panic!("{v:?}"),
    }
    // Another week, or a large city's day, is no such evidence.
    let later = PartialDate {
        day: Some(22),
        ..day
    };
    let c = g.candidates(None, &in_town(57_000, later), &none, None, |_| true);
    assert!(matches!(verdict(c), Verdict::Alone(_)));
    let mut g = Grouping::default();
    g.add(0, None, &in_town(2_700_000, day), &none);
    let c = g.candidates(None, &in_town(2_700_000, day), &none, None, |_| true);
    assert!(matches!(verdict(c), Verdict::Alone(_)));
}

#[test]
fn the_same_settled_place_adds_and_another_state_takes_away() {
    let mut g = Grouping::default();
    let none = Evidence::default();
    g.add(
        0,
        None,
        &at(lead(&["amari brown"], &[]), "Yonkers, New York", 1),
        &none,
    );
    let same = at(lead(&["amari brown"], &[]), "Yonkers, New York", 1);
    match verdict(g.candidates(None, &same, &none, None, |_| true)) {
        Verdict::Join(c) => {
            assert!((c.score - 4.0).abs() < 1e-6, "{}", c.why());
            assert!(
                c.why().contains("same place Yonkers, New York"),
                "{}",
                c.why()
            );
        }
        v => panic!("{v:?}"),
    }
    // The same name in another state is someone else's shooting.
    let other = at(lead(&["amari brown"], &[]), "Springfield, Ohio", 2);
    match verdict(g.candidates(None, &other, &none, None, |_| true)) {
        Verdict::Alone(Some(c)) => {
            assert!(
                c.why().contains("but the incident is in Yonkers"),
                "{}",
                c.why()
            );
        }
        v => panic!("{v:?}"),
    }
}

#[test]
fn a_report_placed_already_is_not_weighed_against_itself() {
    let mut g = Grouping::default();
    let none = Evidence::default();
    let stiles = lead(&["gavin stiles"], &[]);
    g.add(0, None, &stiles, &none);
    g.add(1, None, &stiles, &none);
    // Its own incident holding the name does not halve what the name says elsewhere.
    let again = g.candidates(None, &stiles, &none, Some(0), |i| i != 0);
    assert!(matches!(verdict(again), Verdict::Join(c) if c.incident == 1));
    let halved = g.candidates(None, &stiles, &none, None, |i| i != 0);
    assert!(matches!(verdict(halved), Verdict::Alone(Some(_))));
}

#[test]
fn reprinted_text_joins_and_dates_can_forbid() {
    let mut g = Grouping::default();
    let story = "A man was shot dead outside a bar on Elm Street late on Friday night, and \
                 police are looking for two men who drove off in a grey car afterwards.";
    let e = Evidence::of(story, None);
    let none = Lead::default();
    g.add(0, Some("a.com"), &none, &e);
    let c = g.candidates(Some("b.com"), &none, &e, None, |_| true);
    assert!(matches!(verdict(c.clone()), Verdict::Join(_)), "{c:?}");
    // The same words from the same outlet may be its template, not the same story.
    let c = g.candidates(Some("a.com"), &none, &e, None, |_| true);
    assert!(matches!(verdict(c.clone()), Verdict::Alone(_)), "{c:?}");
    let c = g.candidates(Some("b.com"), &none, &e, None, |i| i != 0);
    assert!(matches!(verdict(c), Verdict::Alone(_)));
}

#[test]
fn the_words_of_one_story_join_it_and_a_story_of_its_kind_stays_apart() {
    let stories = [
        "Armed robbers disguised as women stole diamonds, rings and watches worth 85 million \
         euros from the Harry Winston boutique on Avenue Montaigne on Thursday afternoon.",
        "Four robbers, two disguised as women, stole diamonds and watches from the Harry \
         Winston boutique on Avenue Montaigne, taking 85 million euros of jewels.",
        "Robbers stole cash from a bank in Lyon on Monday and fled in a stolen car.",
        "The council met on Monday to discuss the budget for the new library.",
        "A storm brought down trees across the county and cut power to homes.",
    ];
    let mut vocabulary = crate::import::words::Vocabulary::default();
    let counted: Vec<_> = stories.iter().map(|s| vocabulary.count(s)).collect();
    let mut g = Grouping {
        word_weights: vocabulary.weighed(),
        ..Grouping::default()
    };
    let evidence = |i: usize| Evidence {
        words: counted[i].clone(),
        ..Evidence::default()
    };
    let none = Lead::default();
    for (incident, story) in [(0, 0), (1, 3), (2, 4)] {
        g.add(incident, None, &none, &evidence(story));
    }
    match verdict(g.candidates(None, &none, &evidence(1), None, |_| true)) {
        Verdict::Join(c) => {
            assert_eq!(c.incident, 0);
            assert!(c.why().contains("words alike"), "{}", c.why());
        }
        v => panic!("{v:?}"),
    }
    let c = g.candidates(None, &none, &evidence(2), None, |_| true);
    assert!(matches!(verdict(c.clone()), Verdict::Alone(_)), "{c:?}");
}

#[test]
fn the_age_of_a_victim_in_one_state_joins_and_other_ages_cost() {
    let aged = |ages: &[u32], state: u32| {
        let mut l = at(lead(&[], &["benton"]), "Benton, Arkansas", state);
        l.ages = ages.to_vec();
        l
    };
    let none = Evidence::default();
    let mut g = Grouping::default();
    g.add(0, None, &aged(&[2], 4), &none);
    match verdict(g.candidates(None, &aged(&[2], 4), &none, None, |_| true)) {
        Verdict::Join(c) => assert!(c.why().contains("same age 2-year-old"), "{}", c.why()),
        v => panic!("{v:?}"),
    }
    let same = g.candidates(None, &aged(&[2], 4), &none, None, |_| true)[0].score;
    let other = &g.candidates(None, &aged(&[17], 4), &none, None, |_| true)[0];
    assert!(other.why().contains("other ages"), "{}", other.why());
    assert!(other.score < same - AGE_WEIGHT, "{} vs {same}", other.score);
    // In another state the same age is no evidence.
    let elsewhere = g.candidates(None, &aged(&[2], 5), &none, None, |_| true);
    assert!(elsewhere.iter().all(|c| c.ages.is_empty()), "{elsewhere:?}");
}

#[test]
fn reports_that_write_years_apart_are_held_apart() {
    let lohan = lead(&["lindsay lohan"], &[]);
    let written = |year: u16| Evidence {
        words: crate::import::words::Words {
            ids: Vec::new(),
            year: Some(year),
        },
        ..Evidence::default()
    };
    let mut g = Grouping::default();
    g.add(0, None, &lohan, &written(2008));
    let near = &g.candidates(None, &lohan, &written(2009), None, |_| true)[0];
    assert!(near.other_year.is_none(), "{}", near.why());
    let apart = &g.candidates(None, &lohan, &written(2013), None, |_| true)[0];
    assert!(apart.why().contains("writes 2013"), "{}", apart.why());
    assert!(
        apart.score < near.score,
        "{} vs {}",
        apart.score,
        near.score
    );
    // A report that writes no year is not held apart.
    let c = &g.candidates(None, &lohan, &Evidence::default(), None, |_| true)[0];
    assert!(c.other_year.is_none());
}
