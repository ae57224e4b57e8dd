//! One store shared by several clients: revisions and conflicts, whose edit undo undoes,
//! damaged and read-only files, backups, recovery, the desktop app's former database, and
//! opens that never wait for a writer.

use std::path::{Path, PathBuf};

use orgplan_core::{Edit, PositionPatch};
use orgplan_store::maintenance::{self, BackupOutcome};
use orgplan_store::{Author, Source, Store, StoreError, SCHEMA_VERSION};
use uuid::Uuid;

use crate::common::*;

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plans.db");
    (dir, path)
}

fn rename(position: Uuid, title: &str) -> Edit {
    Edit::UpdatePosition {
        position,
        patch: PositionPatch {
            title: Some(title.into()),
            ..Default::default()
        },
    }
}

fn fixture(name: &str, to: &Path) {
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name),
        to,
    )
    .unwrap();
}

#[test]
fn every_committed_edit_raises_the_revision() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let plan = store.insert_plan(&team("team-8")).unwrap();
    assert_eq!(store.revision(plan).unwrap(), 0);
    let doc = store.load(plan).unwrap();
    let boss = pos(&doc, "店长");
    store.edit(plan, rename(boss, "店长A")).unwrap();
    assert_eq!(store.revision(plan).unwrap(), 1);
    // A refused edit and an edit that changes nothing leave it.
    assert!(store.edit(plan, rename(boss, "")).is_err());
    store.edit(plan, rename(boss, "店长A")).unwrap();
    assert_eq!(store.revision(plan).unwrap(), 1);
    store.undo(plan).unwrap();
    store.redo(plan).unwrap();
    assert_eq!(store.revision(plan).unwrap(), 3);
    let listed = store.list_plans().unwrap();
    assert_eq!(listed[0].revision, 3);
    // Another connection sees it.
    let other = Store::open(&path).unwrap();
    assert_eq!(other.revision(plan).unwrap(), 3);
}

/// Two clients edit one plan: an edit that says what it replaces is refused when that
/// changed meanwhile, an edit of another field is not, and an edit of something removed
/// meanwhile is a conflict, not "not found".
#[test]
fn an_edit_of_something_changed_elsewhere_is_a_conflict() {
    let (_dir, path) = temp_db();
    let mut app = Store::open(&path).unwrap();
    let plan = app.insert_plan(&team("team-8")).unwrap();
    let doc = app.load(plan).unwrap();
    let seen = app.revision(plan).unwrap();
    let service = pos(&doc, "售前客服");
    let duties_seen = doc.position(service).unwrap().duties.clone();

    let mut cli = Store::open(&path).unwrap();
    let mut theirs = duties_seen.clone();
    theirs.push("命令行加的一条职责".into());
    cli.edit(
        plan,
        Edit::UpdatePosition {
            position: service,
            patch: PositionPatch {
                duties: Some(theirs.clone()),
                ..Default::default()
            },
        },
    )
    .unwrap();

    // The app saves its whole list, saying what it saw: refused, nothing written.
    let mut mine = duties_seen.clone();
    mine.push("窗口里加的一条职责".into());
    let was = PositionPatch {
        duties: Some(duties_seen.clone()),
        ..Default::default()
    };
    let err = app
        .edit_checked(
            plan,
            Edit::UpdatePosition {
                position: service,
                patch: PositionPatch {
                    duties: Some(mine),
                    ..Default::default()
                },
            },
            Some(seen),
            &|d| was.changed_in(d.position(service)?).map(str::to_string),
        )
        .unwrap_err();
    match err {
        StoreError::Conflict { field, seen: s, .. } => {
            assert_eq!(field.as_deref(), Some("duties"));
            assert_eq!(s, Some(seen));
        }
        e => panic!("expected a conflict, got {e:?}"),
    }
    assert_eq!(
        app.load(plan).unwrap().position(service).unwrap().duties,
        theirs
    );

    // Another field of the same position goes through, and keeps their duties.
    let was = PositionPatch {
        title: Some("售前客服".into()),
        ..Default::default()
    };
    let after = app
        .edit_checked(
            plan,
            rename(service, "售前客服专员"),
            Some(seen),
            &|d| was.changed_in(d.position(service)?).map(str::to_string),
        )
        .unwrap();
    let p = after.position(service).unwrap();
    assert_eq!((p.title.as_str(), &p.duties), ("售前客服专员", &theirs));

    // The CLI deletes a position the app still shows; the app's edit of it is a conflict.
    let seen = app.revision(plan).unwrap();
    let art = pos(&after, "视觉组长");
    cli.edit(plan, Edit::DeletePosition { position: art })
        .unwrap();
    let err = app
        .edit_checked(plan, rename(art, "视觉设计"), Some(seen), &|_| None)
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Conflict { field: None, .. }),
        "{err:?}"
    );
    // Without a revision seen it is what it always was: not found.
    let err = app.edit(plan, rename(art, "视觉设计")).unwrap_err();
    assert!(matches!(err, StoreError::Edit(_)), "{err:?}");
}

#[test]
fn undo_says_when_it_undoes_another_clients_edit() {
    let (_dir, path) = temp_db();
    let mut app = Store::open(&path).unwrap();
    app.set_author(Author::new(Source::App));
    let plan = app.insert_plan(&team("team-5")).unwrap();
    let boss = app.load(plan).unwrap().positions[0].id;
    app.edit(plan, rename(boss, "老板")).unwrap();
    assert_eq!(app.history(plan).unwrap().undo_by, None, "its own edit");

    let mut cli = Store::open(&path).unwrap();
    cli.set_author(Author::new(Source::Cli));
    cli.edit(plan, rename(boss, "负责人")).unwrap();
    let h = app.history(plan).unwrap();
    assert_eq!(h.undo_by, Some(Source::Cli));
    assert_eq!(cli.history(plan).unwrap().undo_by, None);
    // Undo is per plan: the app's undo undoes the CLI's edit, and redo names it too.
    let doc = app.undo(plan).unwrap();
    assert_eq!(doc.positions[0].title, "老板");
    assert_eq!(app.history(plan).unwrap().redo_by, Some(Source::Cli));
    assert_eq!(app.history(plan).unwrap().undo_by, None);
}

/// Writes the write-ahead log into the file, so what follows damages the rows themselves.
fn checkpointed(path: &Path) {
    let c = rusqlite::Connection::open(path).unwrap();
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
}

/// Overwrites the root page of the positions table (past its first bytes) with garbage:
/// every plan's positions become unreadable, the rest of the file is sound.
fn damage(path: &Path) {
    use std::io::{Seek, SeekFrom, Write};
    checkpointed(path);
    let (root, page): (u64, u64) = {
        let c = rusqlite::Connection::open(path).unwrap();
        (
            c.query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = 'positions'",
                [],
                |r| r.get(0),
            )
            .unwrap(),
            c.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap(),
        )
    };
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start((root - 1) * page)).unwrap();
    f.write_all(&vec![0xA5; page as usize]).unwrap();
}

#[test]
fn a_damaged_file_is_refused_before_anything_is_written() {
    let (_dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        for t in ["team-5", "team-8", "team-30"] {
            store.insert_plan(&team(t)).unwrap();
        }
    }
    damage(&path);
    let before = std::fs::read(&path).unwrap();
    // The open may or may not notice; the first write does, before writing.
    if let Ok(mut store) = Store::open(&path) {
        let err = store.insert_plan(&team("team-5")).unwrap_err();
        match &err {
            StoreError::Damaged { path: p, .. } => assert_eq!(p, &path.display().to_string()),
            e => panic!("expected damaged, got {e:?}"),
        }
        // From then on reads say so too.
        assert!(matches!(
            store.list_plans(),
            Err(StoreError::Damaged { .. })
        ));
        drop(store);
    }
    assert!(
        std::fs::read(&path).unwrap() == before,
        "nothing was written"
    );
}

#[test]
fn recover_copies_every_plan_that_can_be_read() {
    let (dir, path) = temp_db();
    let names: Vec<String> = {
        let mut store = Store::open(&path).unwrap();
        ["team-5", "team-8", "team-30", "ops-center"]
            .iter()
            .map(|t| {
                let id = store.insert_plan(&team(t)).unwrap();
                // The first open leaves the plan's checkpoint.
                let name = store.load(id).unwrap().plan.name;
                store.finish_checkpoints();
                name
            })
            .collect()
    };
    damage(&path);
    let out = dir.path().join("recovered.db");
    let report = maintenance::recover(&path, &out).unwrap();
    let copied: Vec<&String> = report.plans.iter().chain(&report.from_checkpoint).collect();
    assert_eq!(
        copied.len() + report.lost.len(),
        names.len(),
        "every plan is accounted for: {report:?}"
    );
    // The rows of every plan are gone; each was opened once, so each has its checkpoint.
    assert_eq!(report.from_checkpoint.len(), names.len(), "{report:?}");
    let fresh = Store::open(&out).unwrap();
    assert_eq!(fresh.check().unwrap(), None);
    let listed: Vec<String> = fresh
        .list_plans()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    for name in copied {
        assert!(listed.contains(name));
    }
    // A plan that is copied is whole: it opens and passes the core's checks.
    for p in fresh.list_plans().unwrap() {
        orgplan_core::check::check_doc(&fresh.load(p.id).unwrap()).unwrap();
    }
    // Never over an existing file.
    assert!(maintenance::recover(&path, &out).is_err());
}

#[test]
fn a_sound_file_recovers_whole() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let a = store.insert_plan(&team("team-8")).unwrap();
    drop(store);
    let out = dir.path().join("copy.db");
    let report = maintenance::recover(&path, &out).unwrap();
    assert_eq!(report.plans.len(), 1);
    assert!(report.lost.is_empty() && report.from_checkpoint.is_empty());
    let copy = Store::open(&out).unwrap();
    let original = Store::open(&path).unwrap().load(a).unwrap();
    assert_eq!(
        orgplan_core::file::export(&copy.load(a).unwrap()),
        orgplan_core::file::export(&original)
    );
}

#[test]
fn daily_backups_keep_a_week_and_one_restores() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let plan = store.insert_plan(&team("team-8")).unwrap();
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    for d in 1..=9 {
        let out = maintenance::daily_backup(&path, day(d)).unwrap();
        assert!(matches!(out, BackupOutcome::Written(_)), "{out:?}");
    }
    assert_eq!(
        maintenance::daily_backup(&path, day(9)).unwrap(),
        BackupOutcome::AlreadyToday
    );
    let kept = maintenance::backups(&path);
    assert_eq!(kept.len(), maintenance::BACKUPS_KEPT);
    assert_eq!(kept[0].day, "2026-11-09");
    assert_eq!(kept.last().unwrap().day, "2026-11-03");

    // A later edit, then the file is damaged: restoring the newest backup brings the plan
    // back as it was that day, and keeps the damaged file beside it.
    let boss = store.load(plan).unwrap().positions[0].id;
    store.edit(plan, rename(boss, "备份之后")).unwrap();
    drop(store);
    damage(&path);
    assert!(matches!(
        maintenance::daily_backup(&path, day(10)),
        Ok(BackupOutcome::Damaged(_)) | Err(StoreError::Damaged { .. })
    ));
    assert_eq!(
        maintenance::backups(&path).len(),
        7,
        "no damaged copy was kept"
    );
    let kept_aside = maintenance::restore(&path, &kept[0].name).unwrap();
    assert!(kept_aside.exists());
    // Backups are single files: nothing beside them after being copied and read.
    for e in std::fs::read_dir(maintenance::backup_dir(&path)).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().to_string();
        assert!(name.ends_with(".db"), "{name}");
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.check().unwrap(), None);
    assert_eq!(store.load(plan).unwrap().positions[0].title, "店长");
}

/// Whether this process can be kept from writing a file (root ignores permissions; the
/// immutable attribute stops it).
fn make_read_only(path: &Path, on: bool) -> bool {
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    if root {
        std::process::Command::new("chattr")
            .arg(if on { "+i" } else { "-i" })
            .arg(path)
            .status()
            .is_ok_and(|s| s.success())
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            path,
            std::fs::Permissions::from_mode(if on { 0o444 } else { 0o644 }),
        )
        .is_ok()
    }
}

#[test]
fn a_read_only_file_is_read_and_written_again_once_writable() {
    let (_dir, path) = temp_db();
    let plan = {
        let mut store = Store::open(&path).unwrap();
        store.insert_plan(&team("team-8")).unwrap()
    };
    assert!(
        make_read_only(&path, true),
        "this test needs chattr (as root) or file permissions to make a file read-only"
    );
    let result = std::panic::catch_unwind(|| {
        let mut store = Store::open(&path).unwrap();
        assert!(store.is_read_only());
        let doc = store.load(plan).unwrap();
        let boss = doc.positions[0].id;
        let err = store.edit(plan, rename(boss, "只读时改")).unwrap_err();
        assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
        let mut shm = path.as_os_str().to_owned();
        shm.push("-shm");
        assert!(!PathBuf::from(shm).exists(), "reading left no -shm behind");
        make_read_only(&path, false);
        // The same store writes once the file is writable.
        let doc = store.edit(plan, rename(boss, "可写后改")).unwrap();
        assert!(!store.is_read_only());
        assert_eq!(doc.positions[0].title, "可写后改");
    });
    make_read_only(&path, false);
    result.unwrap();
    assert_eq!(
        Store::open(&path).unwrap().load(plan).unwrap().positions[0].title,
        "可写后改"
    );
}

/// An open of a current database writes nothing: it succeeds and reads while another
/// connection holds the write lock.
#[test]
fn opening_and_reading_never_wait_for_a_writer() {
    let (_dir, path) = temp_db();
    let plan = {
        let mut store = Store::open(&path).unwrap();
        store.insert_plan(&team("team-8")).unwrap()
    };
    let writer = rusqlite::Connection::open(&path).unwrap();
    writer
        .execute_batch("BEGIN IMMEDIATE; UPDATE plans SET company = '写入中';")
        .unwrap();
    let started = std::time::Instant::now();
    let reader = Store::open(&path).unwrap();
    assert_eq!(reader.list_plans().unwrap().len(), 1);
    assert_eq!(reader.load(plan).unwrap().plan.company, "");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "the reader did not wait for the writer"
    );
    writer.execute_batch("COMMIT").unwrap();
    assert_eq!(reader.load(plan).unwrap().plan.company, "写入中");
}

/// The desktop app's former database (here the schema-v3 fixture, an older schema) moves
/// into the shared one: every plan with its undo history; the old file is kept as a backup
/// and the move is not repeated.
#[test]
fn the_former_app_database_moves_into_the_shared_one() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("app.orgplan.desktop").join("orgplan.db");
    std::fs::create_dir_all(old.parent().unwrap()).unwrap();
    fixture("schema-v3.db", &old);
    let expected: Vec<(Uuid, String)> = {
        let copy = dir.path().join("expected.db");
        fixture("schema-v3.db", &copy);
        let s = Store::open(&copy).unwrap();
        s.list_plans()
            .unwrap()
            .into_iter()
            .map(|p| (p.id, orgplan_core::file::export(&s.load(p.id).unwrap())))
            .collect()
    };
    let shared = dir.path().join("orgplan").join("orgplan.db");
    let mut store = Store::open(&shared).unwrap();
    let mine = store.insert_plan(&team("team-5")).unwrap();
    let moved = maintenance::move_plans(&mut store, &old).unwrap().unwrap();
    assert_eq!(moved.plans.len(), expected.len());
    assert!(!old.exists(), "the former file is gone from its place");
    assert!(Path::new(&moved.backup).exists(), "and kept as a backup");
    assert_eq!(store.list_plans().unwrap().len(), expected.len() + 1);
    for (id, text) in &expected {
        assert_eq!(&orgplan_core::file::export(&store.load(*id).unwrap()), text);
    }
    // The undo history came along: the scenario's edit can be undone here.
    let with_history = expected
        .iter()
        .find(|(id, _)| store.history(*id).unwrap().undo.is_some())
        .expect("a plan with an undoable edit");
    store.undo(with_history.0).unwrap();
    assert!(store.load(mine).is_ok());
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    // Nothing to move a second time.
    assert_eq!(
        maintenance::move_plans(&mut store, &old).ok().flatten(),
        None
    );
}

/// The schema-v4 fixture (revisions, journal authors, checkpoints in the rowid table) opens
/// in this build as it was written.
#[test]
fn the_v4_fixture_opens_in_this_build() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    fixture("schema-v4.db", &path);
    let mut store = Store::open(&path).unwrap();
    store.set_author(Author::new(Source::App));
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let plans = store.list_plans().unwrap();
    assert_eq!(plans.len(), 3);
    let eight = plans.iter().find(|p| p.name == "八人团队").unwrap();
    assert_eq!(eight.revision, 2);
    let doc = store.load(eight.id).unwrap();
    assert_eq!(
        doc,
        store.load_rows(eight.id).unwrap(),
        "its checkpoint is current"
    );
    assert_eq!(doc.plan.company, "杭州云杉电子商务有限公司");
    assert_eq!(doc.positions[0].notes, "v4：命令行写的备注");
    let history = store.history(eight.id).unwrap();
    assert_eq!(history.undo_by, Some(Source::Cli));
    let doc = store.undo(eight.id).unwrap();
    assert_eq!(doc.plan.company, "");
    assert_eq!(store.revision(eight.id).unwrap(), 3);
    let scenario = plans.iter().find(|p| p.name == "八人团队-方案B").unwrap();
    assert_eq!(scenario.scenario_of, Some(eight.id));
    assert_eq!(store.check().unwrap(), None);
}

/// Every earlier schema (v1 to v4) upgrades to one that keeps people's roster fields, nested
/// departments, positions' library roles and the plan's roster source: written, read back by
/// a new connection, undone and redone.
#[test]
fn every_earlier_schema_keeps_roster_fields_after_upgrade() {
    use orgplan_core::{
        merge, Assignment, Department, Person, PersonKind, PlanDoc, RosterColumn, RosterSource,
    };
    for version in 1..SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        fixture(&format!("schema-v{version}.db"), &path);
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let plan = store
            .list_plans()
            .unwrap()
            .into_iter()
            .find(|p| p.template.as_deref() == Some("team-8"))
            .unwrap()
            .id;
        let doc = store.load(plan).unwrap();
        let old_people = doc.people.len();
        // A roster of two people in a nested department, brought in below the top.
        let mut roster: PlanDoc = orgplan_core::templates::blank("花名册", t0());
        let top = roster.positions[0].id;
        std::sync::Arc::make_mut(&mut roster.positions[0]).role = Some("role-store-manager".into());
        let center = Department {
            id: Uuid::new_v4(),
            name: "运营中心".into(),
            name_en: String::new(),
            color: "#2563eb".into(),
            parent: None,
        };
        let service = Department {
            id: Uuid::new_v4(),
            name: "客服部".into(),
            name_en: String::new(),
            color: "#2563eb".into(),
            parent: Some(center.id),
        };
        std::sync::Arc::make_mut(&mut roster.positions[0]).department = Some(service.id);
        roster.departments = vec![center, service];
        let mut chen = Person::new(
            Uuid::new_v4(),
            "陈晨",
            vec![Assignment {
                position: top,
                share: 100,
            }],
        );
        chen.employee_no = "E07".into();
        chen.phone = "13900000007".into();
        chen.email = "cc@example.com".into();
        chen.start_date = chrono::NaiveDate::from_ymd_opt(2024, 2, 29);
        chen.kind = Some(PersonKind::Outsourced);
        roster.people = vec![chen.clone()];
        roster.plan.roster = Some(RosterSource {
            file_name: "花名册.xlsx".into(),
            sheet: Some("在职".into()),
            columns: vec![RosterColumn {
                header: "姓名".into(),
                field: "name".into(),
            }],
            personal: true,
            imported_at: t0(),
            suggested: roster.positions.iter().map(|p| p.id).collect(),
        });
        let expected = merge::merge(&doc, &roster, doc.root().map(|r| r.id), false).0;
        let written = store
            .edit(
                plan,
                Edit::MergeRoster {
                    roster: Box::new(roster),
                    under: doc.root().map(|r| r.id),
                    keep_leavers: false,
                },
            )
            .unwrap();
        drop(store);
        let mut store = Store::open(&path).unwrap();
        let read = store.load_rows(plan).unwrap();
        assert_eq!(read.people, written.people, "v{version}: people");
        assert_eq!(read.departments, written.departments);
        assert_eq!(read.positions, written.positions);
        assert_eq!(read.plan.roster, written.plan.roster);
        assert!(
            !read.plan.roster.as_ref().unwrap().suggested.is_empty(),
            "v{version}: the added seats stay suggestions"
        );
        assert_eq!(read.people.len(), old_people + 1);
        assert_eq!(expected.people, written.people);
        let stored = read.people.iter().find(|p| p.name == "陈晨").unwrap();
        assert_eq!(stored.employee_no, chen.employee_no);
        assert_eq!(stored.phone, chen.phone);
        assert_eq!(stored.start_date, chen.start_date);
        assert_eq!(stored.kind, chen.kind);
        let nested = read
            .departments
            .iter()
            .find(|d| d.name == "客服部")
            .unwrap();
        assert!(
            nested.parent.is_some(),
            "v{version}: 客服部 within 运营中心"
        );
        assert!(read
            .positions
            .iter()
            .any(|p| p.role.as_deref() == Some("role-store-manager")));
        assert_eq!(store.load(plan).unwrap(), read, "the checkpoint agrees");
        let undone = store.undo(plan).unwrap();
        assert_eq!(undone.people.len(), old_people);
        assert_eq!(undone.plan.roster, doc.plan.roster);
        let redone = store.redo(plan).unwrap();
        assert_eq!(redone.people, written.people);
    }
}

/// The schema-v5 fixture (people's roster fields, nested departments, library roles, the
/// roster source, and a next-month import in the journal) opens in this build as it was
/// written, and its import undoes in one step.
#[test]
fn the_v5_fixture_opens_in_this_build() {
    use orgplan_core::PersonKind;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    fixture("schema-v5.db", &path);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let plans = store.list_plans().unwrap();
    let team = plans.iter().find(|p| p.name == "云杉现状").unwrap();
    let doc = store.load(team.id).unwrap();
    let person = |doc: &orgplan_core::PlanDoc, name: &str| {
        doc.people.iter().find(|p| p.name == name).cloned()
    };
    let wang = person(&doc, "王芳").unwrap();
    assert_eq!(wang.employee_no, "E01");
    assert_eq!(wang.phone, "13900000001");
    assert_eq!(wang.email, "wf@example.com");
    let chen = person(&doc, "陈晨").unwrap();
    assert_eq!(chen.kind, Some(PersonKind::Outsourced));
    assert_eq!(
        chen.start_date,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
    );
    assert!(person(&doc, "周杰").is_none());
    let service = doc.departments.iter().find(|d| d.name == "客服部").unwrap();
    let center = doc
        .departments
        .iter()
        .find(|d| d.name == "运营中心")
        .unwrap();
    assert_eq!(service.parent, Some(center.id));
    assert!(doc
        .positions
        .iter()
        .any(|p| p.title == "客服" && p.role.as_deref() == Some("role-presale-cs")));
    let source = doc.plan.roster.as_ref().unwrap();
    assert_eq!(source.file_name, "十二月.csv");
    assert_eq!(
        store.history(team.id).unwrap().undo.as_deref(),
        Some("import_roster")
    );
    let undone = store.undo(team.id).unwrap();
    let zhou = person(&undone, "周杰").unwrap();
    assert_eq!(zhou.kind, Some(PersonKind::Intern));
    assert_eq!(undone.plan.roster.unwrap().file_name, "十一月.csv");
    assert_eq!(store.check().unwrap(), None);
}
