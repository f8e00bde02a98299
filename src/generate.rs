//! A deterministic generator of large, realistic corpora for benchmarks and load tests: the
//! same seed and size always give the same data file.
//!
//! Reports are composed like wire copy: a lead with a hedged count, attributed follow-ups
//! (ministries, security and medical sources, agencies citing officials), conflicting tolls,
//! locations with distances, responsibility, means, background paragraphs about earlier
//! events, and plain context. Several reports per incident share passages, as copies of one
//! wire story do. Bodies average about 3.5 KB, like the sample's.

use crate::model::{Corpus, DateSpan, Field, Incident, PartialDate, Provenance, Published, Report};
use crate::text::capitalised;

/// A small, fast, seeded PRNG (xorshift64*), so generation needs no dependency and never
/// changes with one.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PLACES: &[(&str, &str, &str)] = &[
    ("Bahariya Oasis", "Cairo", "Egypt"),
    ("Kunar province", "Kabul", "Afghanistan"),
    ("Zamfara state", "Abuja", "Nigeria"),
    ("Idlib", "Damascus", "Syria"),
    ("Mopti region", "Bamako", "Mali"),
    ("Lower Shabelle", "Mogadishu", "Somalia"),
    ("North Sinai", "Cairo", "Egypt"),
    ("Diyala province", "Baghdad", "Iraq"),
    ("Cabo Delgado", "Maputo", "Mozambique"),
    ("Tillaberi region", "Niamey", "Niger"),
];
const OUTLETS: &[&str] = &[
    "The Daily Ledger",
    "Coastal Times",
    "The Morning Wire",
    "Metro Herald",
    "The Continental",
    "Evening Post",
];
const AGENCIES: &[&str] = &["AFP", "the Associated Press", "Reuters"];
const GROUPS: &[&str] = &[
    "policemen",
    "soldiers",
    "security personnel",
    "police officers",
    "troops",
];
const ATTACKERS: &[&str] = &["militants", "gunmen", "insurgents", "fighters"];
const OFFICIAL: &[&str] = &[
    "the Interior Ministry",
    "the army",
    "a government spokesman",
    "the regional governor",
    "the defence ministry",
];
const SOURCES: &[&str] = &[
    "security sources",
    "medical sources",
    "security and medical sources",
    "a police source",
    "hospital officials",
];
const MEANS: &[&str] = &[
    "rocket fire",
    "explosive devices",
    "roadside bombs",
    "rocket-propelled grenades",
    "a car bomb",
    "sniper fire",
];
const DIRECTIONS: &[&str] = &[
    "southwest",
    "north-east",
    "south",
    "west",
    "north",
    "south-east",
];
const ACTORS: &[&str] = &[
    "Islamic State",
    "Hasm",
    "Boko Haram",
    "al-Shabaab",
    "Al-Qaeda",
];
const HEDGES: &[&str] = &["At least", "More than", "About", "Nearly", ""];
const VAGUE: &[&str] = &["Several", "Dozens of", "A number of", "Scores of"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const CONTEXT: &[&str] = &[
    "The region has seen a surge in violence over the past year, with attacks on checkpoints, convoys and villages.",
    "Rights groups have criticised the security response, saying it has alienated local communities and driven recruitment.",
    "The government has repeatedly said it is winning the fight against the insurgency, a claim analysts dispute.",
    "Aid agencies say tens of thousands of people have fled their homes in the area since the start of the year.",
    "The area is remote and access for journalists is restricted, making casualty figures difficult to verify independently.",
    "Local leaders called for calm and urged the authorities to protect civilians travelling on the main road.",
    "The attack came days before a planned visit by senior officials to the provincial capital.",
    "Diplomats said the violence threatened fragile talks between the government and opposition groups.",
];

/// A report as an article line of JSON Lines, with the fields `import` and `extract --jsonl`
/// read: its id, title, outlet, publication date, address and text.
pub fn article_line(r: &Report) -> serde_json::Value {
    serde_json::json!({
        "id": r.id,
        "title": r.headline.value(),
        "outlet": r.outlet.value(),
        "published": r.published.value().map(ToString::to_string),
        "url": r.url,
        "text": r.body,
    })
}

/// A corpus of `reports` reports about `reports / 5` incidents, from `seed`.
pub fn corpus(reports: usize, seed: u64) -> Corpus {
    corpus_with(reports, reports / 5, seed)
}

/// A corpus of `reports` reports spread over `incidents` incidents, from `seed`.
pub fn corpus_with(reports: usize, incidents: usize, seed: u64) -> Corpus {
    let mut rng = Rng::new(seed);
    let incidents_n = incidents.max(1);
    let mut corpus = Corpus::new();
    for i in 0..incidents_n {
        let (place, capital, country) = PLACES[i % PLACES.len()];
        let day = 1 + rng.below(28) as u8;
        let month = 1 + rng.below(12) as u8;
        let year = 2014 + rng.below(10) as i16;
        let date = DateSpan {
            start: PartialDate {
                year,
                month: Some(month),
                day: Some(day),
            },
            end: None,
        };
        corpus.incidents.push(Incident {
            id: format!("incident-{i:05}"),
            title: format!("Attack in {place} ({})", i + 1),
            date: Some(date),
            date_inferred: None,
            place: format!("{place}, {country}"),
            summary: format!(
                "Security forces attacked near {place}, {} km from {capital}.",
                50 + rng.below(400)
            ),
        });
    }
    // Each incident has a wire story that some of its reports copy with light rewording.
    let wire: Vec<String> = (0..incidents_n)
        .map(|i| paragraph_set(&mut rng, &corpus.incidents[i], i))
        .collect();
    for r in 0..reports {
        let i = r % incidents_n;
        let incident = &corpus.incidents[i];
        let copies_wire = rng.below(3) == 0;
        let mut body = String::new();
        if copies_wire {
            body.push_str(&wire[i]);
            body.push_str("\n\n");
        }
        body.push_str(&paragraph_set(&mut rng, incident, i));
        let d = incident.date.map_or(
            PartialDate {
                year: 2017,
                month: None,
                day: None,
            },
            |x| x.start,
        );
        let published = d
            .first_day()
            .and_then(|x| {
                x.checked_add(jiff::Span::new().days(1 + rng.below(3) as i64))
                    .ok()
            })
            .map(Published::Date);
        corpus.reports.push(Report {
            id: format!("report-{r:06}"),
            headline: Field::Unknown,
            outlet: Field::Stated(rng.pick(OUTLETS).to_string()),
            wire: if copies_wire {
                Field::Stated(rng.pick(&["AFP", "AP", "Reuters"]).to_string())
            } else {
                Field::Unknown
            },
            byline: Field::Unknown,
            dateline: Field::Unknown,
            published: published.map_or(Field::Unknown, Field::Stated),
            language: Field::Stated("en".into()),
            url: Some(format!("https://example.org/news/{r}")),
            provenance: Some(Provenance {
                source: format!("generated:{seed}:{r}"),
                text_hash: None,
                grouped: None,
            }),
            incidents: vec![incident.id.clone()],
            body,
        });
    }
    corpus
}

fn count(rng: &mut Rng) -> String {
    let hedge = rng.pick(HEDGES);
    let n = 3 + rng.below(80);
    if hedge.is_empty() {
        n.to_string()
    } else {
        format!("{} {n}", hedge.to_lowercase())
    }
}

/// One report's worth of paragraphs about `incident`.
fn paragraph_set(rng: &mut Rng, incident: &Incident, i: usize) -> String {
    let (place, capital, _) = PLACES[i % PLACES.len()];
    let weekday = rng.pick(&[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]);
    let group = rng.pick(GROUPS);
    let attackers = rng.pick(ATTACKERS);
    let mut p = Vec::new();
    p.push(format!(
        "{} {group} were killed on {weekday} when {attackers} attacked a convoy near {place}, {} said.",
        capitalised(&count(rng)),
        rng.pick(SOURCES)
    ));
    p.push(format!(
        "The convoy was hit by {} about {} km {} of {capital}, {} said, adding that the attackers also used {}.",
        rng.pick(MEANS),
        40 + rng.below(400),
        rng.pick(DIRECTIONS),
        rng.pick(OFFICIAL),
        rng.pick(MEANS)
    ));
    p.push(format!(
        "In a statement, {} said {} {group} had been killed and {} wounded, while {} {attackers} died in the clashes.",
        rng.pick(OFFICIAL),
        3 + rng.below(40),
        2 + rng.below(30),
        rng.pick(&["several", "some", "at least five", "a dozen"])
    ));
    p.push(format!(
        "{} put the toll higher, {} reported, citing officials who spoke on condition of anonymity.",
        capitalised(rng.pick(&["Local media", "Hospital officials", "Residents"])),
        rng.pick(AGENCIES)
    ));
    p.push(match rng.below(3) {
        0 => "No group has claimed responsibility for the attack.".to_string(),
        1 => format!("{} claimed responsibility for the attack in a statement posted online.", rng.pick(ACTORS)),
        _ => format!("A claim of responsibility by {} circulated online but was dismissed as a false claim by officials.", rng.pick(ACTORS)),
    });
    for _ in 0..2 + rng.below(3) {
        p.push(rng.pick(CONTEXT).to_string());
    }
    let month = rng.pick(MONTHS);
    p.push(format!(
        "In {month} {}, {} {} were killed in a similar attack in the same area, according to the army.",
        incident.date.map_or(2017, |x| x.start.year) - 1 - rng.below(3) as i16,
        rng.pick(VAGUE).to_lowercase(),
        rng.pick(GROUPS)
    ));
    p.push(format!(
        "{} have perished in such attacks over the past four years, and {} has claimed many of them.",
        capitalised(&format!("{} {}", rng.pick(&["hundreds of", "dozens of"]), rng.pick(GROUPS))),
        rng.pick(ACTORS)
    ));
    for _ in 0..2 + rng.below(2) {
        p.push(rng.pick(CONTEXT).to_string());
    }
    p.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_valid_and_sized_like_real_reports() {
        let a = corpus(50, 7);
        assert_eq!(a, corpus(50, 7));
        assert_ne!(a, corpus(50, 8));
        assert_eq!((a.reports.len(), a.incidents.len()), (50, 10));
        let text = crate::store::to_ron(&a).unwrap();
        let back =
            crate::store::parse(text.as_bytes(), "gen.ron".as_ref()).expect("valid data file");
        assert_eq!(back, a);
        let mean = a.body_bytes() / a.reports.len();
        assert!((1500..6000).contains(&mean), "mean body {mean} bytes");
    }
}
