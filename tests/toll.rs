//! The incident's toll from several reports of one shooting: the `victims killed` and
//! `victims injured` slots, their best estimates, and who is not a victim.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

use crosscheck::compare::{Comparison, compare};
use crosscheck::extract::Extractor;
use crosscheck::model::{Corpus, Field, Incident, Report};

/// A corpus of one incident whose reports have `bodies`, published a day apart.
fn incident(bodies: &[&str]) -> Corpus {
    let reports = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| Report {
            id: format!("r{i}"),
            headline: Field::Unknown,
            outlet: Field::Stated(format!("outlet{i}.example")),
            wire: Field::Unknown,
            byline: Field::Unknown,
            dateline: Field::Unknown,
            published: Field::Stated(format!("2024-06-1{i}").parse().unwrap()),
            language: Field::Stated("en".into()),
            url: None,
            provenance: None,
            incidents: vec!["i1".into()],
            body: (*body).into(),
        })
        .collect();
    Corpus {
        version: 1,
        incidents: vec![Incident {
            id: "i1".into(),
            title: "a shooting".into(),
            date: None,
            date_inferred: None,
            place: String::new(),
            summary: String::new(),
        }],
        reports,
    }
}

fn comparison(bodies: &[&str]) -> Comparison {
    let corpus = incident(bodies);
    let extractor = Extractor::default();
    let claims = extractor.corpus(&corpus);
    compare(&corpus, &claims, "i1", extractor.lexicon())
}

/// The best estimate of slot `victims {outcome}`, 0 when there is no such slot.
fn best(c: &Comparison, outcome: &str) -> u64 {
    c.slots
        .iter()
        .find(|s| s.slot == format!("victims {outcome}"))
        .and_then(|s| s.estimate.as_ref())
        .map_or(0, |e| e.best)
}

#[test]
fn one_report_of_someone_hurt_does_not_outweigh_the_others_silence() {
    let c = comparison(&[
        "A 20-year-old man was shot and killed Sunday night, police said.",
        "A man was shot to death on Sunday night outside a store.",
        "A man was killed Sunday. His mother was hospitalized.",
    ]);
    assert_eq!((best(&c, "killed"), best(&c, "injured")), (1, 0));
}

#[test]
fn the_injured_stand_when_most_reports_count_them() {
    let c = comparison(&[
        "A man was killed and a woman was wounded Sunday night, police said.",
        "A man was shot to death on Sunday night.",
        "One man died and a woman was hospitalized after the shooting on Sunday.",
    ]);
    assert_eq!((best(&c, "killed"), best(&c, "injured")), (1, 1));
}

#[test]
fn people_police_shoot_are_suspects_not_victims() {
    let c = comparison(&[
        "A man was shot and killed by police after he pointed a gun at officers.",
        "An officer fatally shot a man Sunday. The man died at the scene.",
        "A teen killed in an officer-involved shooting has been identified.",
    ]);
    assert_eq!((best(&c, "killed"), best(&c, "injured")), (0, 0));
    let c = comparison(&["A bystander was shot by police and later died."]);
    assert_eq!(
        best(&c, "killed"),
        1,
        "a bystander is named for who they are"
    );
}

#[test]
fn a_killer_who_died_is_taken_out_of_the_dead_counted_with_him() {
    let c = comparison(&[
        "A woman shot and killed her two daughters before killing herself. Three people were found dead in the home.",
        "Three people were found shot to death in a car. Detectives believe the father fatally shot his two daughters before turning the gun on himself.",
    ]);
    assert_eq!(best(&c, "killed"), 2);
    // Without the victims' own count, "two people were killed" stays two.
    let c = comparison(&["Two people were killed. The gunman then killed himself."]);
    assert_eq!(best(&c, "killed"), 2);
}

/// Single reports and the toll an analyst reads in each: (text, killed, injured).
const READ_AS_AN_ANALYST: &[(&str, u64, u64)] = &[
    (
        "The father killed his wife and two young daughters before committing suicide.",
        3,
        0,
    ),
    (
        "Winston Brown, 16, suffered an accidental gunshot wound to the face and later died at a hospital.",
        1,
        0,
    ),
    (
        "A man got into an argument with his neighbor and a woman died after shots were fired.",
        1,
        0,
    ),
    (
        "A woman was killed Sunday. Two teenagers died in separate incidents across the county.",
        1,
        0,
    ),
    // The lead repeated as a caption: the child is the one of the same age, not her mother.
    (
        "An 8-year-old child died Sunday and her mother remains in the hospital after an accidental shooting. \
         An 8-year-old child died Sunday and her mother remains in the hospital after an accidental shooting. \
         Deputies found two victims with gunshot wounds.",
        1,
        1,
    ),
    (
        "A woman was killed Sunday. Two Benbrook teens died on Thursday in separate gun-related incidents.",
        1,
        0,
    ),
    // The day of a date counts no one ("on Sept. 3 died").
    (
        "Four people were shot on Main Street. One of the victims of the shooting on Sept. 3 died Saturday morning.",
        1,
        3,
    ),
    // A count over several events, also in the headline, is none of this one's.
    (
        "Two men die in two shootings overnight. A 20-year-old man was shot on Main Street and died at a hospital.",
        1,
        0,
    ),
    (
        "Three teens wounded in separate shootings. A 17-year-old girl was shot in the leg on Friday.",
        0,
        1,
    ),
    // A killer who died is not among his own family or among children.
    (
        "A man killed his two children in a murder-suicide, police said.",
        2,
        0,
    ),
    (
        "Four children were killed in a murder-suicide Sunday.",
        4,
        0,
    ),
    (
        "Police said a 2-year-old and a 10-month-old were killed in the murder-suicide.",
        2,
        0,
    ),
    (
        "A man and a woman were found dead in an apparent murder-suicide.",
        1,
        0,
    ),
    // Lists: counts joined by commas, people of one list never one person.
    (
        "Officers found 3 adults, 1 child shot to death in the home.",
        4,
        0,
    ),
    (
        "The woman, the man and the child were pronounced dead at the scene.",
        3,
        0,
    ),
    (
        "A man was shot Sunday. He was rushed to a hospital where he was pronounced dead.",
        1,
        0,
    ),
    // A death told far along the clause, and "clinically dead".
    (
        "A 30-year-old man was shot in the head and flown to a hospital in the city, where he has since been declared clinically dead, deputies said.",
        1,
        0,
    ),
    (
        "A man was shot on Elm Street. He was taken to the hospital, where he was pronounced clinically dead.",
        1,
        0,
    ),
    (
        "A 40-year-old man was shot in the chest outside a store. The man later passed away at the medical center.",
        1,
        0,
    ),
    // A number before a singular age noun counts nothing (a gallery's "Image 8 of 8").
    (
        "Image 8 of 8 4-year-old who accidentally shot himself dies",
        1,
        0,
    ),
    // Lists of people, and appositions that are none.
    (
        "Kelcii Flintroy, Willie Norman and Christopher Chaney all died of gunshot wounds.",
        3,
        0,
    ),
    ("A man, his wife, and their son were killed.", 3, 0),
    (
        "Jose Ramirez, 27, and his brother Luis, 24, were shot outside their home. Jose died at the hospital.",
        1,
        1,
    ),
    (
        "Nobody was hurt when a gunman fired several shots at a synagogue.",
        0,
        0,
    ),
    (
        "Texas Toddler Braison Howard, 3, Accidentally Shot Dead. Braison was pronounced dead at the scene.",
        1,
        0,
    ),
    (
        "The victim, a 25-year-old man, and his friend were shot.",
        0,
        2,
    ),
    (
        "Police said the victim's father, John Smith, was shot.",
        0,
        1,
    ),
    (
        "In May, her 18-year-old son, Khai Hebron, was shot and killed.",
        1,
        0,
    ),
    (
        "A man killed his wife and two young daughters before committing suicide, police said. \
         Deputies found the two daughters dead in the home.",
        3,
        0,
    ),
    (
        "A 13-year-old boy shot his 6-year-old brother to death, wounded an older brother and then committed suicide.",
        1,
        1,
    ),
    (
        "The incident came a day after another boy, believed to be 5 years old, shot himself in the face. \
         A 4-year-old girl was shot in the arm on Tuesday.",
        0,
        1,
    ),
    (
        "Police found the bodies of Mark Mata, 54, and his wife. Investigators said Mark Mata shot his wife before killing himself.",
        1,
        0,
    ),
    (
        "An Everett teen who was found shot along a bike path early Sunday morning has died.",
        1,
        0,
    ),
    (
        "Police discovered a 15-year-old with a gunshot wound to his left leg.",
        0,
        1,
    ),
    (
        "Dashon Glover died at a hospital. The shooting left another teen critically wounded.",
        1,
        1,
    ),
    (
        "A 30-year-old man shot and killed another man during an argument Friday. David Krieger, 53, was shot in the chest.",
        1,
        0,
    ),
    (
        "An 18-year-old woman found dead in an apartment she shared with her boyfriend died of a single gunshot wound.",
        1,
        0,
    ),
    ("3-year-old kills herself with loaded gun in Lemoore", 1, 0),
    (
        "Four Year Old Girl Shot In Eye. A four-year-old girl who was shot in the eye has died.",
        1,
        0,
    ),
    (
        "A man with a gunshot wound was brought to Duke Regional Hospital on Sunday.",
        0,
        1,
    ),
    (
        "Deandre Banks, 16, was found with a fatal gunshot wound in the 400 block of South Kostner.",
        1,
        0,
    ),
    (
        "The man, who was shot in the leg, is expected to survive. The suspect, who was shot by a deputy, is in custody.",
        0,
        1,
    ),
];

#[test]
fn single_reports_read_as_an_analyst_reads_them() {
    for &(body, killed, injured) in READ_AS_AN_ANALYST {
        let c = comparison(&[body]);
        assert_eq!(
            (best(&c, "killed"), best(&c, "injured")),
            (killed, injured),
            "{body}"
        );
    }
}

#[test]
fn a_sentence_set_in_another_state_tells_another_event() {
    let mut corpus = incident(&[
        "FLAGSTAFF, Ariz. (AP) -- A student killed one person and wounded three others on campus Friday. \
         The shooting comes on the same day the president visits Roseburg, Oregon, where eight students \
         and a teacher were shot and killed last week.",
    ]);
    corpus.incidents[0].place = "Flagstaff, Arizona".into();
    let extractor = Extractor::default();
    let claims = extractor.corpus(&corpus);
    let c = compare(&corpus, &claims, "i1", extractor.lexicon());
    assert_eq!(best(&c, "killed"), 1);
    assert_eq!(best(&c, "injured"), 3);
}
