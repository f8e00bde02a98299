//! A UCDP GED-style sheet: one row per incident with the GED's columns in its order. Deaths
//! are given low / best / high, and by side where the reports say whose they were (civilians);
//! the sources are listed as the GED lists them (article, office, date, headline, original
//! source). The conflict, dyad and side codes and the Gleditsch-Ward numbers need UCDP's own
//! coding and are left empty. See docs/formats/ucdp.md.

use super::{Event, Figures, KILLED, figures, outlet};
use crate::extract::geocode::{self, Precision};

/// The GED's columns, in order.
pub const COLUMNS: [&str; 49] = [
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
];

/// The slot counting civilians killed, when the comparison has one.
const CIVILIANS: &str = "civilians killed";

/// The row of `event`, numbered `number` in the sheet, its cells in [`COLUMNS`] order.
pub fn row(event: &Event, number: usize) -> Vec<String> {
    let mut row = vec![String::new(); COLUMNS.len()];
    let mut set = |column: &str, value: String| {
        if let Some(i) = COLUMNS.iter().position(|c| *c == column) {
            row[i] = value;
        }
    };
    set("id", number.to_string());
    set("relid", event.comparison.incident.clone());
    sources(event, &mut set);
    place(event, &mut set);
    if let Some(span) = event.incident.and_then(|i| i.date) {
        set("year", span.start.year.to_string());
        let first = span.start.first_day();
        let last = span.end.unwrap_or(span.start);
        if let (Some(first), Some(last_day)) = (first, last_day(last)) {
            set("date_start", first.to_string());
            set("date_end", last_day.to_string());
            let days = (last_day - first).get_days() + 1;
            let precision = match (span.start.day, span.start.month, days) {
                (Some(_), _, 1) => "1",
                (Some(_), _, 2..=6) => "2",
                (Some(_), _, 7..=8) => "3",
                (_, Some(_), _) => "4",
                _ => "5",
            };
            set("date_prec", precision.into());
        }
    }
    deaths(event, &mut set);
    row
}

/// The last day a partial date may be.
fn last_day(date: crate::model::PartialDate) -> Option<jiff::civil::Date> {
    match (date.month, date.day) {
        (Some(_), Some(_)) => date.as_day(),
        (Some(_), None) => date.first_day().map(jiff::civil::Date::last_of_month),
        _ => jiff::civil::Date::new(date.year, 12, 31).ok(),
    }
}

fn sources(event: &Event, set: &mut impl FnMut(&str, String)) {
    set("number_of_sources", event.reports.len().to_string());
    let mut article = Vec::new();
    let mut office = Vec::new();
    let mut date = Vec::new();
    let mut headline = Vec::new();
    for r in &event.reports {
        let o = outlet(r).unwrap_or("unknown outlet");
        let d = r
            .published
            .value()
            .map(ToString::to_string)
            .unwrap_or_default();
        let h = r.display_headline().0;
        article.push(format!("{o},{d},{h}"));
        office.push(o.to_string());
        date.push(d);
        headline.push(h);
    }
    set("source_article", article.join(";"));
    set("source_office", office.join(";"));
    set("source_date", date.join(";"));
    set("source_headline", headline.join(";"));
    // Who the death figures come from, as the reports attribute them.
    let mut original: Vec<&str> = Vec::new();
    for v in event.slot(KILLED).into_iter().flat_map(|s| &s.values) {
        if !original.contains(&v.attribution.as_str()) {
            original.push(&v.attribution);
        }
    }
    set("source_original", original.join(";"));
}

fn place(event: &Event, set: &mut impl FnMut(&str, String)) {
    let place = event.incident.map_or("", |i| i.place.as_str());
    set("where_description", place.to_string());
    let Some(at) = geocode::resolve(place) else {
        return;
    };
    // The GED's precision: 1 the exact place, 3 a second-order, 4 a first-order division,
    // 6 the country only.
    let precision = match at.precision {
        Precision::Town => "1",
        Precision::County => "3",
        Precision::State => "4",
        Precision::Country => "6",
    };
    set("where_prec", precision.into());
    if let Some((_, name)) = &at.country {
        set("country", name.clone());
    }
    set("adm_1", at.admin1.clone().unwrap_or_default());
    set("adm_2", at.admin2.clone().unwrap_or_default());
    if let (Some(town), Some((lat, lon))) = (&at.town, at.at) {
        set("where_coordinates", town.clone());
        set("latitude", format!("{lat:.4}"));
        set("longitude", format!("{lon:.4}"));
        set("geom_wkt", format!("POINT ({lon:.4} {lat:.4})"));
    }
}

fn deaths(event: &Event, set: &mut impl FnMut(&str, String)) {
    let mut all: Vec<Figures> = event.slot(KILLED).and_then(figures).into_iter().collect();
    all.extend(event.perpetrators_killed().filter_map(figures));
    if all.is_empty() && event.slot(KILLED).is_none() {
        // No report counts anyone killed: the GED records zero.
        for column in ["best", "low", "high", "deaths_unknown"] {
            set(column, "0".into());
        }
        return;
    }
    let sum = |f: fn(&Figures) -> u64| all.iter().map(f).sum::<u64>();
    let best = sum(|f| f.best);
    set("best", best.to_string());
    set("low", sum(|f| f.low).to_string());
    set("high", sum(|f| f.high).to_string());
    let civilians = event.slot(CIVILIANS).and_then(figures).map(|f| f.best);
    if let Some(c) = civilians {
        set("deaths_civilians", c.min(best).to_string());
    }
    set(
        "deaths_unknown",
        best.saturating_sub(civilians.unwrap_or(0)).to_string(),
    );
}
