//! The corpus of malformed plan files (`tests/corpus/bad/`): each is refused with the problem
//! kind and location `expected.json` gives, and the database is unchanged afterwards.

use std::collections::BTreeMap;
use std::path::PathBuf;

use orgplan_store::{Store, StoreError};
use serde_json::Value;

use crate::common::team;

fn corpus() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/bad"))
}

#[test]
fn every_bad_file_is_refused_with_its_kind_and_changes_nothing() {
    let expected: BTreeMap<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("expected.json")).unwrap())
            .unwrap();
    assert!(expected.len() >= 40, "at least 40 cases");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plans.db");
    let mut store = Store::open(&path).unwrap();
    let plan = store.insert_plan(&team("team-5")).unwrap();
    let before = orgplan_core::file::export(&store.load(plan).unwrap());
    let count = |s: &Store| -> i64 {
        s.connection().query_row("SELECT (SELECT COUNT(*) FROM plans) + (SELECT COUNT(*) FROM positions) + (SELECT COUNT(*) FROM people) + (SELECT COUNT(*) FROM journal)", [], |r| r.get(0)).unwrap()
    };
    let rows = count(&store);
    let mut failures = Vec::new();
    for (name, want) in &expected {
        let bytes = std::fs::read(corpus().join(name)).unwrap();
        match store.import_bytes(&bytes) {
            Err(StoreError::File(e)) => {
                let kind = serde_json::to_value(e.kind).unwrap();
                if kind != want["kind"]
                    || !e.location.starts_with(want["location"].as_str().unwrap())
                {
                    failures.push(format!(
                        "{name}: got {kind} at {} ({}), want {} at {}",
                        e.location, e.problem, want["kind"], want["location"]
                    ));
                }
                assert!(e.problem.len() < 400, "{name}: the message stays readable");
            }
            Err(other) => failures.push(format!("{name}: not a file error: {other}")),
            Ok(_) => failures.push(format!("{name}: was imported")),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(count(&store), rows, "no row was added");
    assert_eq!(
        orgplan_core::file::export(&store.load(plan).unwrap()),
        before
    );
    // Every file in the folder is a listed case.
    let files = std::fs::read_dir(corpus())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name() != "expected.json")
        .count();
    assert_eq!(files, expected.len());
}
