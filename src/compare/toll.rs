//! The incident's toll from its reports' tallies: per report, the victims killed and injured
//! it states for the incident (see [`crate::extract::tally`]), ready to be compared as slots
//! named `victims killed` and `victims injured`.

use super::estimate::estimate;
use super::status::{finish, numeric_status, supersede};
use super::{Slot, Value};
use crate::extract::tally::{Figure, tally};
use crate::model::snake;
use crate::model::{Claim, Hedge, Outcome};

/// How the comparison makes a value: (report index, claim, low, high).
pub type MakeValue<'a> = dyn Fn(usize, &Claim, Option<f64>, Option<f64>) -> Value + 'a;
/// A report's figure: (report index, the claim it rests on first, the figure).
pub type ReportFigure<'c> = (usize, &'c Claim, Figure);

/// The slots `victims killed` and `victims injured` of incident `id`, their values made by
/// `value` (report index, claim, low, high), as the comparison makes every value.
pub fn slots(
    members: &[usize],
    claims: &[Vec<Claim>],
    id: &str,
    value: &MakeValue<'_>,
) -> Vec<Slot> {
    let mut out: Vec<Slot> = figures(members, claims, id)
        .into_iter()
        .filter(|(_, figures)| !figures.is_empty())
        .map(|(outcome, figures)| {
            let mut values: Vec<Value> = figures
                .into_iter()
                .map(|(r, c, f)| {
                    let mut v = value(r, c, Some(f.low as f64), f.high.map(|h| h as f64));
                    v.hedge = if f.high.is_none() {
                        Hedge::AtLeast
                    } else {
                        Hedge::Exact
                    };
                    v.value = describe(&f, outcome);
                    v
                })
                .collect();
            values.sort_by(|a, b| (&a.published, &a.report).cmp(&(&b.published, &b.report)));
            supersede(&mut values);
            let estimate = estimate(&values);
            finish(
                format!("victims {}", snake(&outcome)),
                values,
                numeric_status,
                estimate,
            )
        })
        .collect();
    if let [killed, injured] = out.as_mut_slice() {
        cap_injured(killed, injured);
    }
    out
}

/// A victim first reported hurt and later dead counts once, as killed: the injured are at
/// most the victims hit (each report's killed plus injured, the median over the reports that
/// count any victim) less the killed. A report that counts the dead and no one hurt says, by
/// its silence, that no one else was hit: one report of a mother "in the hospital" does not
/// outweigh three that count one dead.
fn cap_injured(killed: &Slot, injured: &mut Slot) {
    let Some(best_killed) = killed.estimate.as_ref().map(|e| e.best) else {
        return;
    };
    // A report's figure in a slot (0 when it gives none).
    let figure_in = |slot: &Slot, report: &str| {
        slot.values
            .iter()
            .filter(|v| v.report == report && !v.superseded)
            .filter_map(|v| v.low)
            .fold(0.0_f64, f64::max)
    };
    let mut reports: Vec<&str> = killed
        .values
        .iter()
        .chain(&injured.values)
        .filter(|v| !v.superseded)
        .map(|v| v.report.as_str())
        .collect();
    reports.sort_unstable();
    reports.dedup();
    let mut hit: Vec<u64> = reports
        .iter()
        .map(|r| (figure_in(killed, r) + figure_in(injured, r)) as u64)
        .collect();
    if hit.is_empty() {
        return;
    }
    hit.sort_unstable();
    let victims = hit[(hit.len() - 1) / 2];
    let cap = victims.saturating_sub(best_killed);
    if let Some(e) = injured.estimate.as_mut()
        && e.best > cap
    {
        e.best = cap;
        e.low = e.low.min(cap);
        e.why.push_str(&format!(
            "; best lowered to {cap}: the reports count {victims} victims hit and {best_killed} of them killed (a victim first reported hurt and later dead counts once, as killed)"
        ));
    }
}

/// Per outcome (killed, then injured), the figure of each report among `members` (indices
/// into `claims`) that states one for incident `id`, with the claim it rests on first.
pub fn figures<'c>(
    members: &[usize],
    claims: &'c [Vec<Claim>],
    id: &str,
) -> [(Outcome, Vec<ReportFigure<'c>>); 2] {
    let mut killed = Vec::new();
    let mut injured = Vec::new();
    for &r in members {
        let Some(report_claims) = claims.get(r) else {
            continue;
        };
        let t = tally(report_claims, id);
        for (figure, out) in [(t.killed, &mut killed), (t.injured, &mut injured)] {
            // A report that states nothing of an outcome does not say it was zero.
            let first = figure
                .claims
                .first()
                .and_then(|c| report_claims.iter().find(|x| &x.id == c));
            if let Some(c) = first {
                out.push((r, c, figure));
            }
        }
    }
    [(Outcome::Killed, killed), (Outcome::Injured, injured)]
}

/// A tally's figure in a few words ("2 victims killed", "1+ victims killed").
pub fn describe(f: &Figure, outcome: Outcome) -> String {
    format!(
        "{} victims {}",
        crate::model::count_text(f.low, f.high),
        snake(&outcome)
    )
}
