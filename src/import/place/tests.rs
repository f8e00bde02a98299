//! Where reports place their events, tried on sentences of real news.

use super::*;

fn text(dateline: Option<&str>, body: &str) -> Option<String> {
    resolve(dateline, None, body, &[], None)
        .filter(|w| w.resolved)
        .map(|w| w.text)
}

#[test]
fn datelines_with_and_without_a_state() {
    assert_eq!(
        text(Some("LOUISVILLE, KY (WAVE)"), "A girl was shot.").as_deref(),
        Some("Louisville, Jefferson County, Kentucky")
    );
    assert_eq!(
        text(Some("ST. LOUIS, Mo. (KMOV.com)"), "Police said.").as_deref(),
        Some("St. Louis, City of Saint Louis, Missouri")
    );
    assert_eq!(
        text(
            Some("ST. LOUIS COUNTY (KTVI)"),
            "He lived in St. Louis, MO."
        )
        .as_deref(),
        Some("Saint Louis County, Missouri")
    );
}

#[test]
fn a_town_and_its_state_in_the_opening() {
    assert_eq!(
        text(
            None,
            "Two men were killed in a shooting in Dayton, Ohio on Sunday."
        )
        .as_deref(),
        Some("Dayton, Montgomery County, Ohio")
    );
    assert_eq!(
        text(None, "A man was shot in Gary, Ind., late Friday.").as_deref(),
        Some("Gary, Lake County, Indiana")
    );
}

#[test]
fn a_state_word_that_holds_no_town_does_not_stop_a_large_city() {
    // "Tennessee" is a street here: Detroit is still the Detroit readers mean.
    let body = "Detroit police say a 16-year-old boy was shot on Detroit's east side. \
                It happened in the 700 block of Tennessee.";
    assert_eq!(
        text(None, body).as_deref(),
        Some("Detroit, Wayne County, Michigan")
    );
}

#[test]
fn namesakes_are_told_apart_by_the_towns_around_them() {
    // Burbank, California and Burbank, Illinois are of like size; the Los Angeles
    // hotel says which.
    let body = "A man was found dead outside a hotel, Burbank police said. Officers were \
                called to the Los Angeles Marriott Burbank Airport.";
    assert_eq!(
        text(None, body).as_deref(),
        Some("Burbank, Los Angeles County, California")
    );
}

#[test]
fn a_neighbourhood_park_is_not_a_town() {
    // Portage Park is a part of Chicago, not of Portage, Indiana, 50 km away.
    let body = "A boy was shot in the head Friday morning in Portage Park, police said. \
                The shooting appears to be accidental, said a Chicago Police Department \
                spokeswoman. Portage Park police are investigating.";
    assert_eq!(
        text(Some("PORTAGE PARK"), body).as_deref(),
        Some("Chicago, Cook County, Illinois")
    );
}

#[test]
fn a_large_city_named_outweighs_a_small_namesake_elsewhere() {
    // Madisonville is a part of Cincinnati, and a town in Texas; Mathis, a street here,
    // is a Texan town too, so Texas alone would win.
    let body = "Cincinnati police officers investigate the scene on Mathis and Prentice in \
                Madisonville after a shooting. A man was shot at a Madisonville party.";
    assert_eq!(
        text(None, body).as_deref(),
        Some("Cincinnati, Hamilton County, Ohio")
    );
}

#[test]
fn a_county_is_not_its_namesake_town() {
    // Tama County, Iowa holds both Tama and Traer: the text names only the county and
    // Traer, so Traer it is, however often the county comes back.
    let body = "UPDATE: 12 year-old Traer girl killed in weekend hunting accident\n\n\
                A hunting tragedy shook a Tama County community Saturday.\n\n\
                A hunting tragedy shook a Tama County community Saturday.\n\n\
                Services are set for the girl who died in Tama County.\n\n\
                The Traer community is grieving.";
    assert_eq!(
        text(None, body).as_deref(),
        Some("Traer, Tama County, Iowa")
    );
}

#[test]
fn a_shared_name_needs_a_state_and_unknown_names_stay_as_written() {
    assert_eq!(
        text(
            None,
            "A 12-year-old Iowa girl was killed near Traer on Saturday."
        )
        .as_deref(),
        Some("Traer, Tama County, Iowa")
    );
    assert_eq!(text(None, "Police said the man was shot in the eye."), None);
    // Springfield is a town of many states, none much larger: the text must say which.
    assert_eq!(
        resolve(
            None,
            None,
            "Shots in Springfield.",
            &["Springfield".into()],
            None
        )
        .map(|w| w.resolved),
        Some(false)
    );
    let w = resolve(
        None,
        None,
        "Gunmen attacked.",
        &["the ancient city of Bam".into()],
        None,
    )
    .unwrap();
    assert!(!w.resolved);
    assert_eq!(w.text, "the ancient city of Bam");
    assert_eq!(
        resolve(
            None,
            None,
            "An update.",
            &["Update".into(), "Jan".into()],
            None
        ),
        None
    );
}

#[test]
fn a_town_that_dwarfs_its_namesakes_is_taken_as_a_guess() {
    let w = resolve(
        None,
        None,
        "Shots in Las Vegas.",
        &["Las Vegas".into()],
        None,
    )
    .unwrap();
    assert_eq!(w.text, "Las Vegas, Clark County, Nevada");
    assert!(w.resolved && w.guessed, "{w:?}");
    // A state the text names rules the guess out: that state or nothing.
    let w = resolve(
        None,
        None,
        "Shots in Las Vegas. Las Vegas police said the man came from Santa Fe, New Mexico.",
        &["Las Vegas".into()],
        None,
    )
    .unwrap();
    assert_eq!(w.text, "Las Vegas, San Miguel County, New Mexico");
    assert!(!w.guessed);
}

#[test]
fn towns_are_read_by_how_news_uses_them() {
    // "Topeka police", "a Uniontown man": a name before such a word is a town.
    let w = resolve(
        None,
        None,
        "Topeka police said a boy, 5, was shot.",
        &[],
        None,
    )
    .unwrap();
    assert_eq!(w.text, "Topeka, Shawnee County, Kansas");
    // The county the text names says which Caledonia it is.
    assert_eq!(
        text(
            None,
            "A Caledonia man was killed. Livingston County deputies said the man was shot."
        )
        .as_deref(),
        Some("Caledonia, Livingston County, New York")
    );
    // A name with an age is a person, whatever town bears it.
    assert_eq!(
        resolve(
            None,
            None,
            "Police said Hayden, 17, was shot in the arm.",
            &["Hayden".into()],
            None
        )
        .filter(|w| w.resolved),
        None
    );
}

#[test]
fn measured_from_a_town_is_not_in_it_and_a_country_is_no_town() {
    // The dateline is where it was filed; "south-west of Cairo" is not Cairo; the lead's
    // province, unresolved, is kept; "Egypt" is the country, not the Pennsylvania town.
    let w = resolve(
        Some("Cairo:"),
        None,
        "Cairo: Egyptian forces killed 12 in clashes south-west of Cairo in Egypt's desert.",
        &["the province of the New Valley".into()],
        None,
    )
    .unwrap();
    assert_eq!(w.text, "the province of the New Valley");
    assert!(!w.resolved);
}

#[test]
fn the_town_the_report_keeps_naming_beats_the_station_city() {
    let body = "LITTLE ROCK, Ark. - A Benton boy has died after being shot, police say.\n\
                Benton police were called to a home on Nelson Court in Benton.";
    assert_eq!(
        text(None, body).as_deref(),
        Some("Benton, Saline County, Arkansas")
    );
}

#[test]
fn a_dateline_in_capitals_and_a_part_of_a_town() {
    let w = text(
        None,
        "Indianapolis, IND. — IMPD is investigating a shooting.\n\nA man was shot.",
    );
    assert_eq!(w.as_deref(), Some("Indianapolis, Marion County, Indiana"));
    // "West Baltimore" is a part of Baltimore: a guess, as a name alone is.
    let w = resolve(
        None,
        None,
        "A man was wounded in the Edmondson Village neighborhood of West Baltimore.",
        &[],
        None,
    )
    .unwrap();
    assert_eq!(w.text, "Baltimore, City of Baltimore, Maryland");
    assert!(w.guessed);
}

#[test]
fn the_outlets_home_tells_namesakes_apart_as_a_guess() {
    let body = "A 16-year-old Yuma man was killed when a shotgun went off.";
    let w = resolve(None, None, body, &[], Some("www.denverpost.com")).unwrap();
    assert_eq!(w.text, "Yuma, Yuma County, Colorado");
    assert!(w.resolved && w.guessed, "{w:?}");
    // Without a home, the largest Yuma.
    let w = resolve(None, None, body, &[], None).unwrap();
    assert_eq!(w.text, "Yuma, Yuma County, Arizona");
    // The text's own word outweighs the outlet's home.
    let w = resolve(
        None,
        None,
        &format!("{body} Yuma, Ariz., police said."),
        &[],
        Some("www.denverpost.com"),
    );
    assert_eq!(w.unwrap().text, "Yuma, Yuma County, Arizona");
}

#[test]
fn a_surname_used_alone_is_no_town_and_small_towns_are_known() {
    let body = "A girl was accidentally shot Monday night in Chalmette, officials said. \
                Andrew Carroll was arrested, the St. Bernard Parish Sheriff's Office said. \
                Carroll was showing the girls a handgun. Carroll's home is near.";
    assert_eq!(
        text(None, body).as_deref(),
        Some("Chalmette, Saint Bernard Parish, Louisiana")
    );
    assert!(before_a_surname(
        "Christopher Cadenbach, 43, had spent",
        "Christopher"
    ));
    assert!(!before_a_surname(
        "Christopher Cadenbach of Christopher.",
        "Christopher"
    ));
    assert!(!before_a_surname(
        "Cleveland Browns in Cleveland.",
        "Cleveland"
    ));
    // A town of fewer than 1,000 people, from GeoNames' cities500, has no county.
    assert_eq!(
        text(
            None,
            "A boy died after an accidental shooting in Elgin, Iowa."
        )
        .as_deref(),
        Some("Elgin, Iowa")
    );
}

#[test]
fn a_longer_name_keeps_its_mentions_and_a_county_gives_way_to_its_small_town() {
    let body = "MIAMI GARDENS, Fla. (WSVN) -- A teen was shot inside a Miami Gardens home. \
                Miami Gardens police said. 7NEWS Miami. Miami-Dade police. Miami again.";
    assert_eq!(
        text(None, body).as_deref(),
        Some("Miami Gardens, Miami-Dade County, Florida")
    );
    // Campbellsburg (cities500, no county) lies in the Washington County the text names.
    let body = "(CAMPBELLSBURG) - Washington County police were called to North Starr Road \
                in Campbellsburg. Washington County EMS and the Washington County Indiana \
                Sheriff's Department.";
    assert_eq!(text(None, body).as_deref(), Some("Campbellsburg, Indiana"));
}

#[test]
fn namesakes_abroad_are_told_apart_by_the_country_of_the_other_names() {
    // Toledo, Ohio is not four times Toledo, Cebu: the streets and towns of the text are
    // American, so is its Toledo (a guess, as a size guess is).
    let body = "Toledo police continue to investigate a shooting at a club at Belmont and \
                Junction avenues. Officers in the 1200 block of Sherman Street found a \
                man, 47, of Toledo with a gunshot wound. The victims are Dominique Davis, \
                25, and Stephaun Gaston, 22.";
    let w = resolve(None, None, body, &[], None).unwrap();
    assert_eq!(w.text, "Toledo, Lucas County, Ohio");
    assert!(w.guessed);
    assert_eq!(
        text(None, "Toledo police investigate."),
        None,
        "nothing tells which Toledo"
    );
}

#[test]
fn a_local_outlets_news_is_near_home() {
    // Nothing settles: a size guess far from home is another town's name ("Chesapeake
    // Place" is a street), so the outlet's home city is the guess.
    let body = "A Rickards High student was shot Sunday on Chesapeake Place, police said.";
    let w = resolve(None, None, body, &[], Some("www.tallahassee.com")).unwrap();
    assert_eq!(w.text, "Tallahassee, Leon County, Florida");
    assert!(w.guessed);
    let w = resolve(None, None, body, &[], None).map(|w| w.text);
    assert_ne!(w.as_deref(), Some("Tallahassee, Leon County, Florida"));
}
