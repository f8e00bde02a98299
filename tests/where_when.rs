//! Where and when on import: the incident a report is filed under gets the event's day as the
//! report states it, resolved against the publication date (from metadata or a date printed at
//! the top of the page), or the publication day itself, marked as inferred, when the report
//! names no day; and its place, resolved against the gazetteer, as the analyst would write it.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

use crosscheck::extract::Extractor;
use crosscheck::import::{Article, import};
use crosscheck::model::{Corpus, Incident, Published};

fn article(source: &str, body: &str, published: Option<&str>) -> Article {
    Article {
        source: source.into(),
        body: body.into(),
        published: published.map(|p| Published::Date(p.parse().unwrap())),
        ..Article::default()
    }
}

/// The incident each article is filed under, importing them in order into an empty file.
fn incidents_of(articles: Vec<Article>) -> (Corpus, Vec<Incident>) {
    let mut corpus = Corpus::default();
    import(&mut corpus, articles, &Extractor::default());
    let filed = corpus
        .reports
        .iter()
        .map(|r| corpus.incident(&r.incidents[0]).unwrap().clone())
        .collect();
    (corpus, filed)
}

#[test]
fn a_weekday_resolves_against_the_publication_date() {
    // 2015-03-16 was a Monday.
    let (_, filed) = incidents_of(vec![article(
        "a.txt",
        "A man was shot and killed Saturday night in Dayton, Ohio, police said.",
        Some("2015-03-16"),
    )]);
    let incident = &filed[0];
    assert_eq!(incident.date_text(), "2015-03-14");
    assert_eq!(incident.date_inferred, None);
}

#[test]
fn a_report_that_names_no_day_dates_its_incident_by_publication_marked_as_inferred() {
    let (_, filed) = incidents_of(vec![article(
        "a.txt",
        "A man was shot and killed in Dayton, Ohio, police said. The shooter fled.",
        Some("2015-03-16"),
    )]);
    let incident = &filed[0];
    assert_eq!(incident.date_text(), "about 2015-03-16");
    assert!(
        incident
            .date_inferred
            .as_deref()
            .is_some_and(|why| why.contains("published")),
        "{incident:?}"
    );
    assert!(
        incident.title.contains("reported 2015-03-16"),
        "{incident:?}"
    );
    // An inferred date is no evidence: it neither decides background nor stated_date.
    assert_eq!(incident.stated_date(), None);
}

#[test]
fn a_page_stamp_dates_the_page_and_a_later_day_is_not_the_event() {
    // No metadata: the printed stamp is the publication date, marked as inferred.
    let stamped = "Posted on: March 16, 2015\n\n\
                   A man was shot and killed in Dayton, Ohio, police said.";
    let later = "Posted on: March 16, 2015\n\n\
                 A man charged with killing two people in Dayton, Ohio, will be arraigned \
                 on March 30, 2015. Police said both victims were shot Saturday.";
    let (corpus, filed) = incidents_of(vec![
        article("a.txt", stamped, None),
        article("b.txt", later, None),
    ]);
    assert!(corpus.reports[0].published.is_inferred());
    // The stamp is not a day of the event: the date is the publication's, inferred.
    assert_eq!(filed[0].date_text(), "about 2015-03-16");
    // The arraignment after publication is not the event; "Saturday" is.
    assert_eq!(filed[1].date_text(), "2015-03-14");
}

#[test]
fn a_follow_up_names_the_event_day_below_its_news() {
    let body = "Two teenagers were charged Tuesday with murder, police said.\n\n\
                The charges come after a vigil drew hundreds of people to the church.\n\n\
                Marcus Hill, 17, was shot and killed on March 7 outside a store in Dayton, Ohio.";
    let (_, filed) = incidents_of(vec![article("a.txt", body, Some("2015-03-18"))]);
    assert_eq!(filed[0].date_text(), "2015-03-07");
}

#[test]
fn the_title_says_shooting_when_the_words_say_someone_was_shot() {
    // The lead (its first three sentences that count or name a means) says how only below.
    let shot = "Two men died after an argument outside a bar in Dayton, Ohio, police said.\n\n\
                One man died in the parking lot. The other died at a hospital.\n\n\
                The two men had been shot in the chest, the coroner said.";
    let struck = "A woman was killed in Bloomington, Minnesota, on Sunday.\n\n\
                  She was struck by a car while crossing the road, police said.";
    let (_, filed) = incidents_of(vec![
        article("a.txt", shot, None),
        article("b.txt", struck, None),
    ]);
    assert!(
        filed[0].title.starts_with("Shooting in Dayton"),
        "{}",
        filed[0].title
    );
    // "Struck" is read as an outcome like "shot", but no word says a gun.
    assert!(
        filed[1].title.starts_with("Incident in Bloomington"),
        "{}",
        filed[1].title
    );
}
