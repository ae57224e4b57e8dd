//! The plan generator used by the benchmarks makes valid plans of the asked size.

use orgplan_core::check::check_doc;
use orgplan_core::generate::generate;
use orgplan_core::layout::{layout, LayoutOptions};

use crate::common::t0;

#[test]
fn generated_plans_are_valid_and_sized() {
    for n in [1, 100, 1000, 10_000] {
        let doc = generate(n, 7, t0());
        assert_eq!(doc.positions.len(), n);
        check_doc(&doc).unwrap();
        let l = layout(&doc, &LayoutOptions::default());
        assert_eq!(l.nodes.len(), n);
    }
    assert_eq!(
        generate(500, 3, t0()),
        generate(500, 3, t0()),
        "deterministic"
    );
}

#[test]
fn layout_cards_never_overlap() {
    let doc = generate(1000, 11, t0());
    let opts = LayoutOptions::default();
    let l = layout(&doc, &opts);
    let mut by_row: std::collections::BTreeMap<i64, Vec<f64>> = Default::default();
    for n in &l.nodes {
        by_row.entry(n.y as i64).or_default().push(n.x);
    }
    for xs in by_row.values_mut() {
        xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
        for w in xs.windows(2) {
            assert!(w[1] - w[0] >= opts.card_width + opts.gap_x - 1e-6, "{w:?}");
        }
    }
    // Parents sit centred over their first and last child.
    let pos: std::collections::HashMap<_, _> = l.nodes.iter().map(|n| (n.id, n.x)).collect();
    for p in &doc.positions {
        let kids = doc.children(p.id);
        if let (Some(f), Some(last)) = (kids.first(), kids.last()) {
            assert!((pos[&p.id] - (pos[f] + pos[last]) / 2.0).abs() < 1e-6);
        }
    }
}
