//! The evaluation as text.

use super::{Evaluation, GoldKind, ratio};

/// The evaluation as a readable table.
pub fn render(eval: &Evaluation, details: bool) -> String {
    let mut out = String::from(
        "kind            gold  extr  match  prec  recall | all fields right: prec  recall\n",
    );
    for kind in GoldKind::ALL {
        let Some(s) = eval.kinds.get(kind.id()) else {
            continue;
        };
        out.push_str(&format!(
            "{:<14} {:>5} {:>5} {:>6}  {:.2}  {:.2}   |                   {:.2}  {:.2}\n",
            kind.id(),
            s.gold,
            s.extracted,
            s.matched,
            s.precision(),
            s.recall(),
            s.strict_precision(),
            s.strict_recall()
        ));
    }
    out.push_str("\nfield        agreement over matches\n");
    for (name, f) in &eval.fields {
        out.push_str(&format!(
            "{name:<12} {:.2} ({}/{})\n",
            ratio(f.right, f.checked),
            f.right,
            f.checked
        ));
    }
    if details {
        for (title, list) in [
            ("missed", &eval.missed),
            ("spurious", &eval.spurious),
            ("wrong fields", &eval.wrong),
        ] {
            out.push_str(&format!("\n{title} ({}):\n", list.len()));
            for f in list {
                if let Some(g) = &f.gold {
                    out.push_str(&format!(
                        "  gold: {} {} {:?}\n",
                        g.report,
                        g.kind.id(),
                        g.quote
                    ));
                }
                if let Some(c) = &f.claim {
                    match (&f.gold, &f.at) {
                        (None, Some((report, _))) => {
                            out.push_str(&format!("  got:  {report} {c}\n"));
                        }
                        _ => out.push_str(&format!("  got:  {c}\n")),
                    }
                }
                if !f.wrong.is_empty() {
                    out.push_str(&format!("  wrong: {}\n", f.wrong.join(", ")));
                }
            }
        }
    }
    out
}
