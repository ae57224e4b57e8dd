//! Helpers shared by the tests.

use chrono::{TimeZone, Utc};
use orgplan_core::{templates, Id, PlanDoc};

pub fn t0() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
}

pub fn team(id: &str) -> PlanDoc {
    templates::instantiate(id, t0()).expect("template exists")
}

/// The id of the only position with this title.
pub fn pos(doc: &PlanDoc, title: &str) -> Id {
    let found: Vec<_> = doc.positions.iter().filter(|p| p.title == title).collect();
    assert_eq!(found.len(), 1, "exactly one position titled {title}");
    found[0].id
}

pub fn title(doc: &PlanDoc, id: Id) -> String {
    doc.position(id).expect("position exists").title.clone()
}

/// Titles of the direct subordinates, in order.
pub fn children(doc: &PlanDoc, id: Id) -> Vec<String> {
    doc.children(id)
        .into_iter()
        .map(|c| title(doc, c))
        .collect()
}

pub fn parent_title(doc: &PlanDoc, id: Id) -> Option<String> {
    doc.position(id)
        .and_then(|p| p.parent)
        .map(|p| title(doc, p))
}
