//! Every field a refusal can name has a label in both languages, so no message shows a key.

use orgplan_core::fields::{label, KNOWN};
use orgplan_core::Lang;

#[test]
fn every_known_field_has_a_label_in_both_languages() {
    for f in KNOWN {
        for lang in [Lang::Zh, Lang::En] {
            assert_ne!(label(f, lang), label("", lang), "{f} has no {lang:?} label");
        }
    }
    // A JSON path names its last field, with its parent for context.
    assert_eq!(label("positions[2].kpis[0].weight", Lang::Zh), "KPI 权重");
    assert_eq!(label("patch.headcount", Lang::Zh), "编制");
}

/// The field names the checks and edits pass to a refusal are all known.
#[test]
fn every_field_the_core_refuses_is_known() {
    let sources = [
        include_str!("../../crates/orgplan-core/src/check.rs"),
        include_str!("../../crates/orgplan-core/src/edit.rs"),
    ];
    let mut seen = 0;
    for src in sources {
        for call in [
            "check_text(\"",
            "check_count(\"",
            "check_color(\"",
            "invalid(\n",
            "problem(\n",
        ] {
            for part in src.split(call).skip(1) {
                let Some(start) = part.find('"') else {
                    continue;
                };
                // The literal that opens the call (on the same or the next line).
                if !part[..start].trim().is_empty() && call.ends_with('"') {
                    continue;
                }
                let rest = if call.ends_with('"') {
                    part
                } else {
                    &part[start + 1..]
                };
                let Some(end) = rest.find('"') else { continue };
                let field = &rest[..end];
                if field.is_empty() || field.contains(' ') {
                    continue;
                }
                seen += 1;
                assert!(KNOWN.contains(&field), "{field} is not a known field");
            }
        }
    }
    assert!(seen > 20, "found the fields ({seen})");
}
