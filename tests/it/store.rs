//! The store on temporary files: edits persist, undo survives a restart, refusals and bad
//! files change nothing, migrations, a newer database, two connections.

use std::path::{Path, PathBuf};

use orgplan_core::{Edit, Position, PositionPatch};
use orgplan_store::{Store, StoreError, SCHEMA_VERSION};
use uuid::Uuid;

use crate::common::*;

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plans.db");
    (dir, path)
}

fn new_plan(store: &mut Store, template: &str) -> Uuid {
    store.insert_plan(&team(template)).unwrap()
}

/// Everything in the database a user could see, for before/after comparisons.
fn snapshot(path: &Path) -> String {
    let store = Store::open(path).unwrap();
    let mut out = String::new();
    for p in store.list_plans().unwrap() {
        out.push_str(&orgplan_core::file::export(&store.load(p.id).unwrap()));
        out.push_str(&format!("{:?}\n", store.history(p.id).unwrap()));
    }
    out
}

#[test]
fn an_edit_persists_and_undo_survives_a_restart() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let plan = new_plan(&mut store, "team-8");
    let doc = store.load(plan).unwrap();
    let manager = pos(&doc, "店长");
    let id = Uuid::new_v4();
    store
        .edit(
            plan,
            Edit::AddPosition {
                parent: manager,
                index: Some(0),
                position: Position::blank(id, "直播运营"),
            },
        )
        .unwrap();
    drop(store);

    let mut store = Store::open(&path).unwrap();
    let doc = store.load(plan).unwrap();
    assert_eq!(children(&doc, manager)[0], "直播运营");
    assert_eq!(
        store.history(plan).unwrap().undo.as_deref(),
        Some("add_position")
    );
    let undone = store.undo(plan).unwrap();
    assert!(undone.position(id).is_none());
    drop(store);

    let mut store = Store::open(&path).unwrap();
    assert!(store.load(plan).unwrap().position(id).is_none());
    assert_eq!(
        store.history(plan).unwrap().redo.as_deref(),
        Some("add_position")
    );
    let redone = store.redo(plan).unwrap();
    assert_eq!(children(&redone, manager)[0], "直播运营");
    assert_eq!(store.load(plan).unwrap(), redone);
    assert!(matches!(store.redo(plan), Err(StoreError::NothingToRedo)));
}

#[test]
fn a_new_edit_drops_the_redo_stack() {
    let mut store = Store::open_in_memory().unwrap();
    let plan = new_plan(&mut store, "team-8");
    let doc = store.load(plan).unwrap();
    let cs = pos(&doc, "售前客服");
    let rename = |t: &str| Edit::UpdatePosition {
        position: cs,
        patch: PositionPatch {
            title: Some(t.into()),
            ..Default::default()
        },
    };
    store.edit(plan, rename("A")).unwrap();
    store.edit(plan, rename("B")).unwrap();
    store.undo(plan).unwrap();
    store.edit(plan, rename("C")).unwrap();
    assert!(matches!(store.redo(plan), Err(StoreError::NothingToRedo)));
    assert_eq!(title(&store.undo(plan).unwrap(), cs), "A");
    assert_eq!(title(&store.undo(plan).unwrap(), cs), "售前客服");
    assert!(matches!(store.undo(plan), Err(StoreError::NothingToUndo)));
}

#[test]
fn a_refused_edit_changes_nothing() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let plan = new_plan(&mut store, "team-30");
    let doc = store.load(plan).unwrap();
    let before = snapshot(&path);
    let lead = pos(&doc, "CRM组长");
    let err = store
        .edit(
            plan,
            Edit::MovePosition {
                position: lead,
                new_parent: pos(&doc, "客服专员"),
                index: None,
            },
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Edit(ref e) if e.kind() == "cycle"));
    let err = store
        .edit(
            plan,
            Edit::UpdatePosition {
                position: lead,
                patch: PositionPatch {
                    headcount: Some(0),
                    ..Default::default()
                },
            },
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Edit(ref e) if e.kind() == "headcount"));
    assert_eq!(snapshot(&path), before);
}

#[test]
fn a_bad_import_changes_nothing() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    new_plan(&mut store, "team-5");
    let before = snapshot(&path);
    let good = orgplan_core::file::export(&team("team-8"));
    for bad in [
        "not json".to_string(),
        good.replace("\"version\": 1", "\"version\": 9"),
        good.replace("\"headcount\": 1", "\"headcount\": 0"),
        good[..good.len() - 10].to_string(),
    ] {
        assert!(matches!(store.import(&bad), Err(StoreError::File(_))));
    }
    assert_eq!(snapshot(&path), before);
    assert_eq!(store.list_plans().unwrap().len(), 1);
}

#[test]
fn plans_are_found_by_id_or_unique_name() {
    let mut store = Store::open_in_memory().unwrap();
    let a = new_plan(&mut store, "team-8");
    assert_eq!(store.resolve(&a.to_string()).unwrap(), a);
    assert_eq!(store.resolve("八人成长型运营团队").unwrap(), a);
    new_plan(&mut store, "team-8");
    assert!(matches!(
        store.resolve("八人成长型运营团队"),
        Err(StoreError::Ambiguous { count: 2, .. })
    ));
    assert!(matches!(
        store.resolve("nope"),
        Err(StoreError::PlanNotFound(_))
    ));
    store.delete_plan(a).unwrap();
    assert_eq!(store.list_plans().unwrap().len(), 1);
    assert!(matches!(store.load(a), Err(StoreError::PlanNotFound(_))));
}

#[test]
fn a_new_database_is_at_the_current_schema() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let mode: String = store
        .connection()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store
        .connection()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_untouched() {
    let (_dir, path) = temp_db();
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("refused");
    match &err {
        StoreError::NewerDatabase {
            found, supported, ..
        } => {
            assert_eq!(*found, 99);
            assert_eq!(*supported, SCHEMA_VERSION);
        }
        other => panic!("expected NewerDatabase, got {other:?}"),
    }
    assert!(err.to_string().contains("newer OrgPlan"));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file is untouched"
    );
    assert!(!path.with_extension("db-wal").exists());
}

#[test]
fn a_file_that_is_not_a_database_is_a_clear_error() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, "this is a text file, not SQLite").unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(err.to_string().contains("not a database"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "this is a text file, not SQLite"
    );
}

/// The schema-v1 fixture (a database written by the first release, with plans and an undo
/// journal) opens in this build, keeps its data and can still be undone.
#[test]
fn the_v1_fixture_opens_in_this_build() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/schema-v1.db"),
        &path,
    )
    .unwrap();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let plans = store.list_plans().unwrap();
    assert_eq!(plans.len(), 2);
    let eight = plans
        .iter()
        .find(|p| p.template.as_deref() == Some("team-8"))
        .unwrap();
    let doc = store.load(eight.id).unwrap();
    assert!(
        doc.positions.iter().any(|p| p.title == "直播运营"),
        "the fixture's edit is there"
    );
    let undone = store.undo(eight.id).unwrap();
    assert!(!undone.positions.iter().any(|p| p.title == "直播运营"));
    let ok: String = store
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

/// The schema-v2 fixture (goals, a scenario with a company and a logo, positions that remember
/// their seats, and an undo journal whose add moved siblings down) opens in this build, keeps
/// its data and can still be undone, step by step.
#[test]
fn the_v2_fixture_opens_in_this_build() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/schema-v2.db"),
        &path,
    )
    .unwrap();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let plans = store.list_plans().unwrap();
    assert_eq!(plans.len(), 3);
    let base = plans.iter().find(|p| p.name == "八人团队").unwrap();
    let scenario = plans.iter().find(|p| p.name == "八人团队-方案B").unwrap();
    assert_eq!(scenario.scenario_of, Some(base.id));
    let doc = store.load(scenario.id).unwrap();
    assert_eq!(doc.plan.company, "示例电商有限公司");
    assert!(doc
        .plan
        .logo
        .as_deref()
        .is_some_and(|l| l.starts_with("data:image/png;base64,")));
    assert!(doc.positions.iter().any(|p| p.lineage.is_some()));
    assert!(doc.goals.iter().any(|g| g.name == "双11 销售额"));
    let manager = pos(&doc, "店长");
    assert_eq!(children(&doc, manager)[0], "直播运营");

    let undone = store.undo(scenario.id).unwrap();
    assert!(!undone.goals.iter().any(|g| g.name == "双11 销售额"));
    let undone = store.undo(scenario.id).unwrap();
    let first = children(&undone, manager);
    assert!(!first.iter().any(|t| t == "直播运营"));
    let base_doc = store.load(base.id).unwrap();
    assert_eq!(
        first,
        children(&base_doc, pos(&base_doc, "店长")),
        "the subordinates are back in their places"
    );
    let ok: String = store
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn two_connections_share_one_file() {
    let (_dir, path) = temp_db();
    let mut a = Store::open(&path).unwrap();
    let mut b = Store::open(&path).unwrap();
    let plan = new_plan(&mut a, "team-8");
    let doc = b.load(plan).unwrap();
    let manager = pos(&doc, "店长");
    let handles: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut s = Store::open(&path).unwrap();
                for i in 0..20 {
                    s.edit(
                        plan,
                        Edit::AddPosition {
                            parent: manager,
                            index: None,
                            position: Position::blank(Uuid::new_v4(), &format!("w{w}-{i}")),
                        },
                    )
                    .unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let doc = a.load(plan).unwrap();
    assert_eq!(doc.positions.len(), 8 + 40);
    // Each writer's additions kept their own order.
    for w in 0..2 {
        let mine: Vec<String> = children(&doc, manager)
            .into_iter()
            .filter(|t| t.starts_with(&format!("w{w}-")))
            .collect();
        let expect: Vec<String> = (0..20).map(|i| format!("w{w}-{i}")).collect();
        assert_eq!(mine, expect);
    }
    // Undo from the other connection takes the latest edit back.
    let undone = b.undo(plan).unwrap();
    assert_eq!(undone.positions.len(), 8 + 39);
}
