//! How the values of a slot relate (agree, consistent, conflict, single source), and the
//! slot finished from its values: origins counted, status decided, range given.

use super::{Estimate, Flag, Slot, Status, Value};
use crate::model::Hedge;

/// Within one origin, earlier figures of a count are superseded by later, different ones (a
/// toll revised upwards is not a conflict; the same figure repeated is not a revision).
/// Same-day figures: the higher is taken as the later revision.
pub fn supersede(values: &mut [Value]) {
    let n = values.len();
    for i in 0..n {
        let later = (0..n).any(|j| {
            j != i
                && values[j].origin == values[i].origin
                && values[j].hedge != Hedge::Vague
                && values[i].hedge != Hedge::Vague
                && (values[j].low, values[j].high) != (values[i].low, values[i].high)
                && (values[j].published > values[i].published
                    || (values[j].published == values[i].published
                        && values[j].low > values[i].low
                        && values[j].report != values[i].report))
        });
        values[i].superseded = later;
    }
}

/// Two values of one report from one source that cannot both be true.
pub fn self_contradictions(values: &[Value]) -> Vec<Flag> {
    let mut flags = Vec::new();
    for (i, a) in values.iter().enumerate() {
        for b in &values[i + 1..] {
            if a.report == b.report && a.attribution == b.attribution && disjoint(a, b) {
                flags.push(Flag {
                    report: a.report.clone(),
                    claim: b.claim.clone(),
                    message: format!(
                        "the report gives both {} and {} from {}",
                        a.value, b.value, a.attribution
                    ),
                });
            }
        }
    }
    flags
}

/// True when the two intervals do not meet.
pub fn disjoint(a: &Value, b: &Value) -> bool {
    let (al, ah) = (a.low.unwrap_or(0.0), a.high.unwrap_or(f64::INFINITY));
    let (bl, bh) = (b.low.unwrap_or(0.0), b.high.unwrap_or(f64::INFINITY));
    ah < bl || bh < al
}

/// Figures conflict when two intervals do not meet, agree when all are the same.
pub fn numeric_status(current: &[&Value]) -> Status {
    let conflict = current
        .iter()
        .enumerate()
        .any(|(i, a)| current[i + 1..].iter().any(|b| disjoint(a, b)));
    if conflict {
        return Status::Conflict;
    }
    let same = current
        .windows(2)
        .all(|w| w[0].low == w[1].low && w[0].high == w[1].high);
    if same {
        Status::Agree
    } else {
        Status::Consistent
    }
}

/// The compass bearing of a direction word, in degrees.
pub fn bearing(direction: &str) -> Option<f64> {
    Some(match direction {
        "north" => 0.0,
        "northeast" => 45.0,
        "east" => 90.0,
        "southeast" => 135.0,
        "south" => 180.0,
        "southwest" => 225.0,
        "west" => 270.0,
        "northwest" => 315.0,
        _ => return None,
    })
}

/// Directions more than 45° apart conflict; a neighbouring point is consistent.
pub fn direction_status(current: &[&Value]) -> Status {
    let angles: Vec<f64> = current.iter().filter_map(|v| bearing(&v.value)).collect();
    let mut widest: f64 = 0.0;
    for (i, a) in angles.iter().enumerate() {
        for b in &angles[i + 1..] {
            let d = (a - b).abs() % 360.0;
            widest = widest.max(d.min(360.0 - d));
        }
    }
    if widest == 0.0 {
        Status::Agree
    } else if widest <= 45.0 {
        Status::Consistent
    } else {
        Status::Conflict
    }
}

/// Dates a day apart are consistent (reported across midnight); more is a conflict.
pub fn date_status(current: &[&Value]) -> Status {
    let days: Vec<jiff::civil::Date> = current
        .iter()
        .filter_map(|v| v.value.parse().ok())
        .collect();
    let (Some(min), Some(max)) = (days.iter().min(), days.iter().max()) else {
        return Status::Agree;
    };
    match (*max - *min).get_days() {
        0 => Status::Agree,
        1 => Status::Consistent,
        _ => Status::Conflict,
    }
}

/// For names (actors, means, statements): several origins agree; there is no conflict.
pub fn direction_less_status(_: &[&Value]) -> Status {
    Status::Agree
}

/// The slot of `values`, its status by `status` (single source below two origins).
pub fn finish(
    slot: String,
    values: Vec<Value>,
    status: fn(&[&Value]) -> Status,
    estimate: Option<Estimate>,
) -> Slot {
    let mut s = finish_with(slot, values, None, status);
    s.estimate = estimate;
    s
}

/// [`finish`] with a status that overrides the rule when given.
pub fn finish_with(
    slot: String,
    values: Vec<Value>,
    forced: Option<Status>,
    status: fn(&[&Value]) -> Status,
) -> Slot {
    let mut origins: Vec<&str> = values.iter().map(|v| v.origin.as_str()).collect();
    origins.sort_unstable();
    origins.dedup();
    let current: Vec<&Value> = values.iter().filter(|v| !v.superseded).collect();
    let status = forced.unwrap_or_else(|| {
        if origins.len() < 2 {
            Status::SingleSource
        } else {
            status(&current)
        }
    });
    let range = range_of(&current);
    Slot {
        slot,
        status,
        range,
        independent_origins: origins.len(),
        values,
        estimate: None,
    }
}

/// The span of the current values: "35-55", or up to four short names.
pub fn range_of(values: &[&Value]) -> Option<String> {
    let lows: Vec<f64> = values.iter().filter_map(|v| v.low).collect();
    if lows.is_empty() {
        let mut names: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        return (names.len() > 1 && names.len() <= 4 && names.iter().all(|n| n.len() < 24))
            .then(|| names.join(" / "));
    }
    let low = lows.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values
        .iter()
        .map(|v| v.high.unwrap_or(v.low.unwrap_or(0.0)))
        .fold(0.0, f64::max);
    let fmt = |x: f64| {
        if x.fract() == 0.0 {
            format!("{x:.0}")
        } else {
            format!("{x:.1}")
        }
    };
    Some(if low == high {
        fmt(low)
    } else {
        format!("{}-{}", fmt(low), fmt(high))
    })
}
