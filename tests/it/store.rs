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

/// `PRAGMA integrity_check` passes.
fn assert_intact(store: &Store) {
    let ok: String = store
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

/// A copy of a fixture database, in a temporary folder.
fn fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = temp_db();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name),
        &path,
    )
    .unwrap();
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
        good.replace("\"version\": 3", "\"version\": 9"),
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
    let (_dir, path) = fixture("schema-v1.db");
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
    assert_intact(&store);
}

/// The schema-v2 fixture (goals, a scenario with a company and a logo, positions that remember
/// their seats, and an undo journal whose add moved siblings down) opens in this build, keeps
/// its data and can still be undone, step by step.
#[test]
fn the_v2_fixture_opens_in_this_build() {
    let (_dir, path) = fixture("schema-v2.db");
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
    assert_intact(&store);
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

/// Whether the plan has a checkpoint an open would use.
fn has_checkpoint(store: &Store, plan: Uuid) -> bool {
    orgplan_store::checkpoint::read(store.connection(), plan)
        .unwrap()
        .is_some()
}

/// Opening a plan leaves a checkpoint, and the next open, from it, gives exactly what the rows
/// say.
#[test]
fn a_checkpoint_is_what_the_rows_say() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let plan = store
        .insert_plan(&orgplan_core::generate::generate(
            300,
            3,
            orgplan_store::stored_now(),
        ))
        .unwrap();
    assert!(!has_checkpoint(&store, plan), "written rows have none yet");
    drop(store);
    let store = Store::open(&path).unwrap();
    let first = store.load(plan).unwrap();
    store.finish_checkpoints();
    assert!(has_checkpoint(&store, plan), "the first open leaves one");
    drop(store);
    let store = Store::open(&path).unwrap();
    let from_checkpoint = store.load(plan).unwrap();
    assert_eq!(from_checkpoint, first);
    assert_eq!(from_checkpoint, store.load_rows(plan).unwrap());
    assert!(!from_checkpoint.people.is_empty());
}

/// Every kind of write drops the plan's checkpoint, whoever makes it: this store's edits, undo
/// and redo, another connection, and SQL written by hand. After each, an open shows the change.
#[test]
fn every_write_drops_the_checkpoint() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let plan = store
        .insert_plan(&orgplan_core::generate::generate(
            60,
            9,
            orgplan_store::stored_now(),
        ))
        .unwrap();
    let other = new_plan(&mut store, "team-5");
    let doc = store.load(plan).unwrap();
    // (That open checkpoints the plan in the background; an open that reads the rows while
    // another connection writes leaves no checkpoint, so the opens below wait for it.)
    store.finish_checkpoints();
    assert!(!doc.people.is_empty());
    let manager = doc.positions[0].id;

    // Opens the plan in a fresh connection (no in-memory copy), checks it against its rows,
    // and returns it; the open leaves a checkpoint again.
    let reopen = |path: &Path| {
        let s = Store::open(path).unwrap();
        let doc = s.load(plan).unwrap();
        assert_eq!(doc, s.load_rows(plan).unwrap());
        s.finish_checkpoints();
        assert!(has_checkpoint(&s, plan));
        doc
    };
    reopen(&path);
    Store::open(&path).unwrap().load(other).unwrap();

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
    assert!(!has_checkpoint(&store, plan), "an edit drops it");
    assert_eq!(children(&reopen(&path), manager)[0], "直播运营");

    store.undo(plan).unwrap();
    assert!(!has_checkpoint(&store, plan), "undo drops it");
    assert!(!reopen(&path).positions.iter().any(|p| p.id == id));
    store.redo(plan).unwrap();
    assert!(!has_checkpoint(&store, plan), "redo drops it");
    assert!(reopen(&path).positions.iter().any(|p| p.id == id));

    let mut b = Store::open(&path).unwrap();
    b.edit(
        plan,
        Edit::UpdatePosition {
            position: id,
            patch: PositionPatch {
                title: Some("直播主管".into()),
                ..Default::default()
            },
        },
    )
    .unwrap();
    assert!(
        !has_checkpoint(&store, plan),
        "another connection's edit drops it"
    );
    assert_eq!(reopen(&path).position(id).unwrap().title, "直播主管");

    // By hand, one table after another.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let by_hand = [
        "UPDATE plans SET name = '手改方案' WHERE id = ?1",
        "UPDATE departments SET name = '手改部门' WHERE plan_id = ?1",
        "UPDATE positions SET notes = '手改' WHERE plan_id = ?1",
        "UPDATE people SET name = '手改' WHERE plan_id = ?1",
        "UPDATE assignments SET share = 50
         WHERE person_id IN (SELECT id FROM people WHERE plan_id = ?1)",
        "DELETE FROM assignments WHERE person_id IN (SELECT id FROM people WHERE plan_id = ?1)",
        "DELETE FROM people WHERE plan_id = ?1",
    ];
    for sql in by_hand {
        let before = reopen(&path);
        let changed = conn.execute(sql, [plan.to_string()]).unwrap();
        assert!(changed > 0, "{sql} changed nothing");
        assert!(!has_checkpoint(&store, plan), "{sql} left the checkpoint");
        assert_ne!(reopen(&path), before, "{sql} does not show");
    }
    let doc = reopen(&path);
    assert_eq!(doc.plan.name, "手改方案");
    assert!(doc.people.is_empty());
    assert!(doc.positions.iter().all(|p| p.notes == "手改"));
    assert!(
        has_checkpoint(&store, other),
        "another plan's checkpoint stays"
    );
}

/// A checkpoint this build cannot use (another format, a damaged blob, another plan's) is
/// passed over for the rows, and replaced.
#[test]
fn a_checkpoint_that_cannot_be_used_is_passed_over() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let plan = new_plan(&mut store, "team-8");
    let other = new_plan(&mut store, "team-5");
    drop(store);
    let store = Store::open(&path).unwrap();
    let truth = store.load_rows(plan).unwrap();
    store.load(other).unwrap();
    store.finish_checkpoints();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let spoil = [
        "UPDATE checkpoints SET format = format + 1 WHERE plan_id = ?1",
        "UPDATE checkpoints SET data = x'00ff00ff' WHERE plan_id = ?1",
        "UPDATE checkpoints SET data = substr(data, 1, length(data) / 2) WHERE plan_id = ?1",
        "UPDATE checkpoints SET data = (SELECT data FROM checkpoints WHERE plan_id = ?2)
         WHERE plan_id = ?1",
    ];
    for sql in spoil {
        let s = Store::open(&path).unwrap();
        s.load(plan).unwrap();
        s.finish_checkpoints();
        assert_eq!(
            orgplan_store::checkpoint::read(s.connection(), plan).unwrap(),
            Some(truth.clone())
        );
        if sql.contains("?2") {
            conn.execute(sql, [plan.to_string(), other.to_string()])
        } else {
            conn.execute(sql, [plan.to_string()])
        }
        .unwrap();
        let s = Store::open(&path).unwrap();
        assert_eq!(s.load(plan).unwrap(), truth, "after {sql}");
        // Replaced by a good one.
        drop(s);
        let s = Store::open(&path).unwrap();
        assert_eq!(
            orgplan_store::checkpoint::read(s.connection(), plan).unwrap(),
            Some(truth.clone()),
            "after {sql}"
        );
    }
}

/// The checkpoint blob has no field names, so the plan model's shape is part of its format.
/// This pins the encoding of a plan that uses every part of the model (goals, a logo, a
/// scenario, lineage, people in several seats); when the model changes, bump
/// `checkpoint::FORMAT` and put the new hash here.
#[test]
fn checkpoint_format_matches_the_model() {
    let (_dir, path) = fixture("schema-v2.db");
    let store = Store::open(&path).unwrap();
    let scenario = store
        .list_plans()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "八人团队-方案B")
        .unwrap();
    let fixed = chrono::DateTime::parse_from_rfc3339("2026-01-02T03:04:05.678901Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let mut bytes = orgplan_store::checkpoint::encode(&store.load_rows(scenario.id).unwrap());
    bytes.extend(orgplan_store::checkpoint::encode(
        &orgplan_core::generate::generate(40, 5, fixed),
    ));
    // And one with what a roster import adds: people's roster fields, a nested department,
    // library roles, the roster source with its suggestions.
    let mut rostered = orgplan_core::generate::generate(12, 3, fixed);
    for (i, p) in rostered.people.iter_mut().enumerate() {
        p.employee_no = format!("E{i:02}");
        p.phone = format!("1390000000{i}");
        p.email = format!("p{i}@example.com");
        p.start_date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1 + i as u32 % 28);
        p.kind = Some(orgplan_core::PersonKind::ALL[i % 4]);
    }
    let mut nested = rostered.departments[0].clone();
    nested.id = uuid::Uuid::from_u128(7);
    nested.name = "客服部".into();
    nested.parent = Some(rostered.departments[0].id);
    rostered.departments.push(nested);
    let first = rostered.positions[1].id;
    std::sync::Arc::make_mut(&mut rostered.positions[1]).role = Some("role-presale-cs".into());
    rostered.plan.roster = Some(orgplan_core::RosterSource {
        file_name: "花名册.xlsx".into(),
        sheet: Some("在职".into()),
        columns: vec![orgplan_core::RosterColumn {
            header: "姓名".into(),
            field: "name".into(),
        }],
        personal: true,
        imported_at: fixed,
        suggested: vec![first],
    });
    bytes.extend(orgplan_store::checkpoint::encode(&rostered));
    // FNV-1a, 64 bits.
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    assert_eq!(
        (orgplan_store::checkpoint::FORMAT, format!("{hash:016x}")),
        (4, "d84c6bf75ae01b69".to_string()),
        "the checkpoint encoding changed: bump checkpoint::FORMAT and update this test"
    );
}

/// A checkpoint is written only for the rows it was claimed for: a write to the plan between the
/// claim and the checkpoint (or another claim) leaves none.
#[test]
fn a_checkpoint_claimed_before_a_change_is_not_written() {
    use orgplan_store::checkpoint;
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let plan = new_plan(&mut store, "team-8");
    let stale = store.load_rows(plan).unwrap();
    let file = path.display().to_string();

    let token = Uuid::new_v4();
    checkpoint::claim(store.connection(), plan, token).unwrap();
    store
        .edit(
            plan,
            Edit::UpdatePosition {
                position: pos(&stale, "店长"),
                patch: PositionPatch {
                    title: Some("总经理".into()),
                    ..Default::default()
                },
            },
        )
        .unwrap();
    assert!(!checkpoint::fulfil(&file, &stale, token).unwrap());
    assert!(!has_checkpoint(&store, plan));

    let current = store.load_rows(plan).unwrap();
    checkpoint::claim(store.connection(), plan, token).unwrap();
    assert!(
        !checkpoint::fulfil(&file, &current, Uuid::new_v4()).unwrap(),
        "someone else's claim"
    );
    assert!(checkpoint::fulfil(&file, &current, token).unwrap());
    let reopened = Store::open(&path).unwrap();
    assert_eq!(
        checkpoint::read(reopened.connection(), plan).unwrap(),
        Some(current)
    );
    assert_eq!(
        reopened
            .load(plan)
            .unwrap()
            .position(pos(&stale, "店长"))
            .unwrap()
            .title,
        "总经理"
    );
}

/// An editing session leaves a checkpoint of where it ended: written when the store lets go of
/// its copy of the plan (closing, or moving on to another plan), so the next open does not
/// read the rows.
#[test]
fn an_editing_session_leaves_a_checkpoint() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let a = new_plan(&mut store, "team-8");
    let b = new_plan(&mut store, "team-5");
    let rename = |store: &mut Store, plan: Uuid, title: &str| {
        let doc = store.load(plan).unwrap();
        store
            .edit(
                plan,
                Edit::UpdatePosition {
                    position: doc.positions[0].id,
                    patch: PositionPatch {
                        title: Some(title.into()),
                        ..Default::default()
                    },
                },
            )
            .unwrap()
    };
    rename(&mut store, a, "总经理");
    let a_now = rename(&mut store, a, "总经理（兼店长）");
    store.undo(a).unwrap();
    store.redo(a).unwrap();
    assert!(!has_checkpoint(&store, a), "not while the session goes on");
    // Moving on to plan B lets go of A's copy: A is checkpointed in the background.
    let b_now = rename(&mut store, b, "老板");
    store.finish_checkpoints();
    assert_eq!(
        orgplan_store::checkpoint::read(store.connection(), a).unwrap(),
        Some(store.load_rows(a).unwrap())
    );
    assert_eq!(
        store.load_rows(a).unwrap().positions[0].title,
        a_now.positions[0].title
    );
    // Closing the store (what the desktop app does on exit) checkpoints B; the store goes on
    // working, and dropping it does the same.
    store.close();
    let rows = store.load_rows(b).unwrap();
    assert_eq!(rows.positions[0].title, b_now.positions[0].title);
    assert_eq!(
        orgplan_store::checkpoint::read(store.connection(), b).unwrap(),
        Some(rows)
    );
    let a_later = rename(&mut store, a, "总经理（兼财务）");
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        orgplan_store::checkpoint::read(store.connection(), a).unwrap(),
        Some(a_later)
    );

    // A session whose plan another connection changed after its last edit leaves nothing.
    let mut first = Store::open(&path).unwrap();
    rename(&mut first, b, "老板甲");
    let mut second = Store::open(&path).unwrap();
    rename(&mut second, b, "老板乙");
    drop(first);
    let check = Store::open(&path).unwrap();
    assert!(
        !has_checkpoint(&check, b),
        "the first session's copy is out of date"
    );
    drop(second);
    let doc = orgplan_store::checkpoint::read(check.connection(), b)
        .unwrap()
        .expect("the second session's checkpoint");
    assert_eq!(doc.positions[0].title, "老板乙");
    assert_eq!(doc, check.load_rows(b).unwrap());
}

/// The schema-v3 fixture (checkpoints: one written when a plan was opened, one when an editing
/// session closed, and a plan changed by hand after its checkpoint, so without one) opens in
/// this build: every plan reads the same from its checkpoint as from its rows, and undo works.
#[test]
fn the_v3_fixture_opens_in_this_build() {
    let (_dir, path) = fixture("schema-v3.db");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let plans = store.list_plans().unwrap();
    assert_eq!(plans.len(), 3);
    let scenario = plans.iter().find(|p| p.name == "八人团队-方案B").unwrap();
    let five = plans
        .iter()
        .find(|p| p.template.as_deref() == Some("team-5"))
        .unwrap();
    // Its checkpoints are of an older encoding (weights were whole percents): passed over for
    // the rows, which every plan reads the same from.
    assert!(
        !has_checkpoint(&store, scenario.id),
        "an old encoding is not used"
    );
    assert!(!has_checkpoint(&store, five.id), "changed by hand after it");
    for p in &plans {
        assert_eq!(store.load(p.id).unwrap(), store.load_rows(p.id).unwrap());
    }
    let doc = store.load(scenario.id).unwrap();
    assert_eq!(
        doc.position(pos(&doc, "店长")).unwrap().notes,
        "v3：门店负责人"
    );
    assert!(store
        .load(five.id)
        .unwrap()
        .plan
        .goal_notes
        .ends_with("（v3）"));
    let undone = store.undo(scenario.id).unwrap();
    assert_eq!(undone.position(pos(&doc, "店长")).unwrap().notes, "");
    assert_intact(&store);
}

/// A store keeps editing from its copy of a plan while other connections write only other plans
/// or checkpoints, and reads the plan again as soon as one of them changes it.
#[test]
fn a_store_sees_another_connections_edit_of_its_plan() {
    let (_dir, path) = temp_db();
    let mut a = Store::open(&path).unwrap();
    let p = new_plan(&mut a, "team-8");
    let q = new_plan(&mut a, "team-5");
    let mut b = Store::open(&path).unwrap();
    let rename = |s: &mut Store, plan: Uuid, title: &str| {
        let root = s.load(plan).unwrap().positions[0].id;
        s.edit(
            plan,
            Edit::UpdatePosition {
                position: root,
                patch: PositionPatch {
                    title: Some(title.into()),
                    ..Default::default()
                },
            },
        )
        .unwrap()
    };
    let notes = |s: &mut Store, plan: Uuid, text: &str| {
        let doc = s.load(plan).unwrap();
        let last = doc.positions.last().unwrap().id;
        s.edit(
            plan,
            Edit::UpdatePosition {
                position: last,
                patch: PositionPatch {
                    notes: Some(text.into()),
                    ..Default::default()
                },
            },
        )
        .unwrap()
    };
    rename(&mut a, p, "一");
    rename(&mut b, q, "乙"); // another plan
    b.load(q).unwrap();
    b.finish_checkpoints();
    let doc = notes(&mut a, p, "二");
    assert_eq!(doc.positions[0].title, "一");
    notes(&mut b, p, "丙"); // this plan, from the other connection
    let doc = rename(&mut a, p, "三");
    assert_eq!(doc.positions.last().unwrap().notes, "丙", "a saw b's edit");
    assert_eq!(doc, a.load_rows(p).unwrap());
    assert_eq!(b.load(p).unwrap(), a.load_rows(p).unwrap());
}
