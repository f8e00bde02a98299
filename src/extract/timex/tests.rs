//! Time expressions resolved against a publication day, tried on sentences of news.

use super::*;

fn resolve(text: &str, anchor: &str) -> Vec<(String, Option<String>, bool)> {
    let lower = text.to_ascii_lowercase();
    let toks = Tokens::new(text, &lower);
    let anchor: Date = anchor.parse().unwrap();
    find(&toks, 0, toks.len(), Some(anchor))
        .into_iter()
        .map(|e| {
            (
                toks.slice(e.start, e.end).to_string(),
                e.date.map(|d| d.to_string()),
                e.since,
            )
        })
        .collect()
}

fn dates(text: &str, anchor: &str) -> Vec<String> {
    resolve(text, anchor)
        .into_iter()
        .map(|(_, d, _)| d.unwrap_or_default())
        .collect()
}

#[test]
fn weekdays_resolve_against_publication() {
    // 2017-10-21 was a Saturday.
    assert_eq!(
        dates("perished Friday in an ambush", "2017-10-21"),
        ["2017-10-20"]
    );
    assert_eq!(
        dates("On Saturday, at the entrance", "2017-10-21"),
        ["2017-10-21"]
    );
    assert_eq!(
        dates("Last Sunday, six soldiers", "2017-10-21"),
        ["2017-10-15"]
    );
    assert_eq!(dates("on Friday killed 12", "2017-10-27"), ["2017-10-27"]);
    assert_eq!(dates("yesterday", "2017-10-21"), ["2017-10-20"]);
    assert_eq!(dates("shot last night", "2017-10-21"), ["2017-10-20"]);
    assert_eq!(dates("early this morning", "2017-10-21"), ["2017-10-21"]);
}

#[test]
fn a_weekday_ahead_of_the_report_is_the_next_one() {
    // 2015-03-29 is a Sunday.
    assert_eq!(
        dates(
            "details are expected to be released on Monday",
            "2015-03-29"
        ),
        ["2015-03-30"]
    );
    assert_eq!(
        dates("He will be arraigned Thursday.", "2015-03-29"),
        ["2015-04-02"]
    );
    assert_eq!(dates("He was shot Thursday.", "2015-03-29"), ["2015-03-26"]);
    assert_eq!(
        dates("Police will say what happened last Friday.", "2015-03-29"),
        ["2015-03-27"]
    );
    assert_eq!(
        dates(
            "Police will investigate the shooting that happened Saturday.",
            "2015-03-29"
        ),
        ["2015-03-28"]
    );
}

#[test]
fn dates_months_and_years() {
    assert_eq!(
        dates("on October 13, six soldiers", "2017-10-21"),
        ["2017-10-13"]
    );
    assert_eq!(dates("in Sinai on 7 July.", "2017-10-21"), ["2017-07-07"]);
    assert_eq!(dates("on July 7 that killed", "2017-10-21"), ["2017-07-07"]);
    assert_eq!(
        dates("inactive since Oct. 2.", "2017-10-21"),
        ["2017-10-02"]
    );
    assert_eq!(
        dates("dormant since Sept. 12", "2017-10-21"),
        ["2017-09-12"]
    );
    assert_eq!(
        dates("In September, an IS attack", "2017-10-21"),
        ["2017-09"]
    );
    assert_eq!(
        dates("In October 2015, the group", "2017-10-21"),
        ["2015-10"]
    );
    assert_eq!(
        dates("oasis October 20, 2017.", "2017-10-21"),
        ["2017-10-20"]
    );
    assert_eq!(
        dates("Gaza Strip, Thursday, October 26, 2017.", "2017-10-27"),
        ["2017-10-26"]
    );
    assert_eq!(
        dates("the launch in 2013 of a series", "2017-10-21"),
        ["2013"]
    );
    assert_eq!(dates("four years ago", "2017-10-21"), ["2013"]);
    assert_eq!(dates("Last month, at least 18", "2017-10-21"), ["2017-09"]);
    assert_eq!(dates("he may go in March", "2017-10-21"), ["2017-03"]);
}

#[test]
fn ordinal_and_numeric_dates() {
    let none = "2030-01-01";
    assert_eq!(
        dates("Posted: Sunday, March 29th 2015 at 9:17pm", none),
        ["2015-03-29"]
    );
    assert_eq!(dates("Date – January 16th, 2016", none), ["2016-01-16"]);
    assert_eq!(
        dates("on the 3rd of May 2016 and on the 4th", none),
        ["2016-05-03"]
    );
    assert_eq!(
        dates("Published: Sunday, 6/28/2015 -", none),
        ["2015-06-28"]
    );
    assert_eq!(dates("(01/25/16) - A toddler", none), ["2016-01-25"]);
    assert_eq!(dates("On 09/17/2016, at 9:04 AM", none), ["2016-09-17"]);
    assert_eq!(dates("Date: 09-17-2016 01:01:46", none), ["2016-09-17"]);
    assert_eq!(dates("updated 2016-09-17", none), ["2016-09-17"]);
    assert_eq!(dates("filed 25/01/2016 in London", none), ["2016-01-25"]);
    // Scores, ratios, ranges and phone numbers are not dates.
    for not in ["open 24/7", "won 3/4 of", "aged 10-15", "call 555-1234"] {
        assert!(dates(not, none).is_empty(), "{not}");
    }
    // An impossible day is no date; the year it writes stays one.
    assert_eq!(dates("13/13/2016", none), ["2016"]);
}

#[test]
fn since_and_relations_are_marked() {
    assert!(resolve("inactive since Oct. 2.", "2017-10-21")[0].2);
    let lower = "the clashes come a week after dozens".to_string();
    let toks = Tokens::new("The clashes come a week after dozens", &lower);
    let found = find(&toks, 0, toks.len(), None);
    assert_eq!(found[0].offset_days, Some(-7));
}

#[test]
fn not_dates() {
    assert!(dates("the 75th anniversary", "2017-10-21").is_empty());
    assert!(dates("it may rain", "2017-10-21").is_empty());
    assert!(dates("killed 18 people", "2017-10-21").is_empty());
}
