//! The brief as CSV: one row per value of each slot, for a spreadsheet.

use super::Brief;

/// One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return: text quoted from a page can) is
/// prefixed with `'`, which spreadsheets show as text, as OWASP advises.
pub fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let s = if formula {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    if formula || s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// The brief as CSV: one row per value of a slot.
pub fn csv(brief: &Brief) -> String {
    let field = csv_field;
    let mut out = String::from(
        "incident,slot,status,conflict_status,assessed_best,assessed_range,rationale,report,claim,value,attribution,origin,superseded,source_reliability,verdict,grade,corrected\n",
    );
    for inc in &brief.incidents {
        for s in &inc.slots {
            let a = s.assessment.clone().unwrap_or_default();
            for v in &s.values {
                let row = [
                    inc.id.clone(),
                    s.slot.clone(),
                    s.status.id().to_string(),
                    s.conflict_status
                        .map(|c| c.id().to_string())
                        .unwrap_or_default(),
                    a.best.clone(),
                    a.range.clone(),
                    a.rationale.clone(),
                    v.report.clone(),
                    v.claim.clone(),
                    v.value.clone(),
                    v.attribution.clone(),
                    v.origin.clone(),
                    v.superseded.to_string(),
                    v.reliability
                        .map(|r| r.id().to_string())
                        .unwrap_or_default(),
                    v.verdict.id().to_string(),
                    v.grade.map(|g| g.id().to_string()).unwrap_or_default(),
                    v.corrected.clone().unwrap_or_default(),
                ];
                let cells: Vec<String> = row.iter().map(|c| field(c)).collect();
                out.push_str(&cells.join(","));
                out.push('\n');
            }
        }
    }
    out
}
