//! The database file's health and whereabouts: where it lives, checks for damage, daily
//! backups and their restore, recovering what can still be read from a damaged file, opening a
//! file that cannot be written, and moving the plans of the desktop app's former database.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use orgplan_core::{Id, PlanDoc};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Result, Store, StoreError};

/// The file name of the database in its data directory.
const FILE_NAME: &str = "orgplan.db";

/// How many daily backups are kept.
pub const BACKUPS_KEPT: usize = 7;

/// Where the plans live when neither `--db` nor `ORGPLAN_DB` says: the platform's data
/// directory (`~/.local/share/orgplan/orgplan.db` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("app", "OrgPlan", "OrgPlan")
        .map(|d| d.data_dir().join(FILE_NAME))
}

/// The database every program uses, decided in one place: the path given (`--db`), else
/// `ORGPLAN_DB`, else [`default_path`]. `None` when there is no data directory.
pub fn database_path(given: Option<PathBuf>) -> Option<PathBuf> {
    given
        .or_else(|| {
            std::env::var_os("ORGPLAN_DB")
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
        })
        .or_else(default_path)
}

/// Where the desktop app kept its own database before it shared the default one: the app's
/// data directory, named by its identifier.
pub fn former_app_path() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.data_dir().join("app.orgplan.desktop").join(FILE_NAME))
}

/// The database every program uses ([`database_path`]) and whether it is the default file
/// (no `--db`, no `ORGPLAN_DB`): only then are the desktop app's former plans moved into it
/// ([`move_former_plans`]).
pub fn shared_path(given: Option<PathBuf>) -> Result<(PathBuf, bool)> {
    let explicit = given.is_some() || std::env::var_os("ORGPLAN_DB").is_some_and(|p| !p.is_empty());
    let path = database_path(given).ok_or_else(|| {
        StoreError::Io(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no data directory found; pass --db PATH or set ORGPLAN_DB",
        ))
    })?;
    Ok((path, !explicit))
}

/// Opens the database every program uses, moving the desktop app's former plans into it
/// when it is the default file.
pub fn open_shared(given: Option<PathBuf>) -> Result<(Store, Option<Moved>)> {
    let (path, default) = shared_path(given)?;
    let mut store = Store::open(&path)?;
    let moved = if default {
        move_former_plans(&mut store)?
    } else {
        None
    };
    Ok((store, moved))
}

/// Moves the plans of the desktop app's former database ([`former_app_path`]), if there is
/// one, into `store` ([`move_plans`]).
pub fn move_former_plans(store: &mut Store) -> Result<Option<Moved>> {
    match former_app_path() {
        Some(old) if old.exists() => move_plans(store, &old),
        _ => Ok(None),
    }
}

/// What [`move_plans`] did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Moved {
    /// The plans copied in.
    pub plans: Vec<String>,
    /// Plans that were there already (the same id), left as they were.
    pub skipped: u32,
    /// The former file, kept as it was.
    pub backup: String,
}

/// Moves every plan of the database at `old` (an older schema is fine) into `store`, with its
/// undo journal: a plan whose id is there already is left alone. The old file is first copied
/// whole to `orgplan.db.moved` beside it (SQLite's backup API, so a write-ahead log is
/// included), and removed only once the plans are committed into `store`: a failure at any
/// point loses nothing, and the next start tries again.
pub fn move_plans(store: &mut Store, old: &Path) -> Result<Option<Moved>> {
    if same_file(old, Path::new(store.path())) {
        return Ok(None);
    }
    let backup = old.with_extension("db.moved");
    {
        let src = Connection::open_with_flags(old, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let mut dst = Connection::open(&backup)?;
        rusqlite::backup::Backup::new(&src, &mut dst)?.run_to_completion(
            256,
            std::time::Duration::ZERO,
            None,
        )?;
    }
    // Bring a copy of it to this schema, so its rows have this build's columns.
    let dir = tempfile_dir(store.path());
    let work = dir.join(format!(".orgplan-move-{}.db", uuid::Uuid::new_v4()));
    std::fs::copy(&backup, &work)?;
    let result = (|| -> Result<(Vec<String>, u32)> {
        drop(Store::open(&work)?);
        let conn = store.connection();
        conn.execute("ATTACH DATABASE ?1 AS former", [work.display().to_string()])?;
        let copied = (|| -> Result<(Vec<String>, u32)> {
            let tx = conn.unchecked_transaction()?;
            let ids: Vec<(String, String)> = tx
                .prepare("SELECT id, name FROM former.plans")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut names = Vec::new();
            let mut skipped = 0;
            for (id, name) in ids {
                let there: Option<i64> = tx
                    .query_row("SELECT 1 FROM main.plans WHERE id = ?1", [&id], |r| {
                        r.get(0)
                    })
                    .optional()?;
                if there.is_some() {
                    skipped += 1;
                    continue;
                }
                for sql in [
                    "INSERT INTO main.plans SELECT * FROM former.plans WHERE id = ?1",
                    "INSERT INTO main.departments SELECT * FROM former.departments WHERE plan_id = ?1",
                    "INSERT INTO main.positions SELECT * FROM former.positions WHERE plan_id = ?1",
                    "INSERT INTO main.people SELECT * FROM former.people WHERE plan_id = ?1",
                    "INSERT INTO main.assignments SELECT a.* FROM former.assignments a
                        JOIN former.people p ON p.id = a.person_id WHERE p.plan_id = ?1",
                    "INSERT INTO main.journal SELECT * FROM former.journal WHERE plan_id = ?1",
                ] {
                    tx.execute(sql, [&id])?;
                }
                names.push(name);
            }
            tx.commit()?;
            Ok((names, skipped))
        })();
        conn.execute("DETACH DATABASE former", [])?;
        copied
    })();
    let _ = std::fs::remove_file(&work);
    let (plans, skipped) = result?;
    for suffix in ["", "-wal", "-shm"] {
        let mut f = old.as_os_str().to_owned();
        f.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(f));
    }
    Ok(Some(Moved {
        plans,
        skipped,
        backup: backup.display().to_string(),
    }))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A folder for work files next to the database (same file system), or the system's.
fn tempfile_dir(db: &str) -> PathBuf {
    Path::new(db)
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && d.is_dir())
        .map(Path::to_path_buf)
        .unwrap_or_else(std::env::temp_dir)
}

/// Whether this process can write the file.
pub(crate) fn writable(path: &Path) -> bool {
    std::fs::OpenOptions::new().append(true).open(path).is_ok()
}

/// The `-shm` file beside a database.
fn shm(path: &Path) -> PathBuf {
    let mut f = path.as_os_str().to_owned();
    f.push("-shm");
    PathBuf::from(f)
}

/// A file that cannot be written, opened for reading without leaving anything behind: with
/// no write-ahead log to read, as immutable (no `-shm` is made, which would keep the file's
/// read-only permissions after the file itself is made writable again).
pub(crate) fn open_read_only(path: &Path) -> Result<Connection> {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let pending = std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0);
    let mut uri = String::from("file:");
    for c in path.display().to_string().chars() {
        match c {
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            '%' => uri.push_str("%25"),
            c => uri.push(c),
        }
    }
    uri.push_str(if pending {
        "?mode=ro"
    } else {
        "?mode=ro&immutable=1"
    });
    Ok(Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    )?)
}

/// A `-shm` file that cannot be written beside a file that can (left by an older build that
/// read the file while it was read-only) gets the file's permissions back.
pub(crate) fn repair_shared_memory(path: &Path) {
    let shm = shm(path);
    if shm.exists() && !writable(&shm) && writable(path) {
        if let Ok(meta) = std::fs::metadata(path) {
            let _ = std::fs::set_permissions(&shm, meta.permissions());
        }
    }
}

/// SQLite's `quick_check`: `None` when the file is sound, else the first problem found.
pub(crate) fn quick_check(conn: &Connection) -> Result<Option<String>> {
    let mut stmt = conn.prepare("PRAGMA quick_check(1)")?;
    let first: Option<String> = stmt.query_row([], |r| r.get(0)).optional()?;
    Ok(match first {
        Some(s) if s == "ok" => None,
        Some(s) => Some(s),
        None => Some("no answer from the integrity check".into()),
    })
}

/// One daily backup of the database.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Backup {
    /// The file's name inside the backup folder; what [`restore`] takes.
    pub name: String,
    /// The day it was taken (`YYYY-MM-DD`).
    pub day: String,
    pub bytes: u64,
}

/// The backup folder of a database: `backups/` beside it.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("backups")
}

fn backup_name(db: &Path, day: NaiveDate) -> String {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "orgplan".into());
    format!("{stem}-{}.db", day.format("%Y-%m-%d"))
}

/// The backups of a database, newest first.
pub fn backups(db: &Path) -> Vec<Backup> {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "orgplan".into());
    let mut out: Vec<Backup> = std::fs::read_dir(backup_dir(db))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let day = name
                .strip_prefix(&format!("{stem}-"))?
                .strip_suffix(".db")?;
            NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
            Some(Backup {
                day: day.to_string(),
                bytes: e.metadata().map(|m| m.len()).unwrap_or(0),
                name,
            })
        })
        .collect();
    out.sort_by(|a, b| b.day.cmp(&a.day));
    out
}

/// What [`daily_backup`] did.
#[derive(Clone, Debug, PartialEq)]
pub enum BackupOutcome {
    /// Today's copy, just written.
    Written(PathBuf),
    /// There was one for today already.
    AlreadyToday,
    /// The file failed its check: no copy was made, so no damaged copy replaces a good one.
    Damaged(String),
}

/// Checks the database and, if it is sound and has no copy for `today` yet, copies it to the
/// backup folder with SQLite's backup API (a consistent copy while others write), then keeps
/// only the newest [`BACKUPS_KEPT`]. Runs on its own connection, so the app can call it in
/// the background.
pub fn daily_backup(db: &Path, today: NaiveDate) -> Result<BackupOutcome> {
    let dir = backup_dir(db);
    let target = dir.join(backup_name(db, today));
    if target.exists() {
        return Ok(BackupOutcome::AlreadyToday);
    }
    let src = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    src.busy_timeout(crate::BUSY_TIMEOUT)?;
    if let Some(detail) = quick_check(&src)? {
        return Ok(BackupOutcome::Damaged(detail));
    }
    std::fs::create_dir_all(&dir)?;
    let partial = dir.join(format!(".{}.partial", backup_name(db, today)));
    {
        let mut dst = Connection::open(&partial)?;
        rusqlite::backup::Backup::new(&src, &mut dst)?.run_to_completion(
            1024,
            std::time::Duration::ZERO,
            None,
        )?;
        // A backup is one file, with no write-ahead log beside it.
        dst.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
    }
    std::fs::rename(&partial, &target)?;
    for old in backups(db).into_iter().skip(BACKUPS_KEPT) {
        let _ = std::fs::remove_file(dir.join(old.name));
    }
    Ok(BackupOutcome::Written(target))
}

/// Puts the backup `name` in place of the database at `db`: the file it replaces is kept
/// beside it as `orgplan.db.damaged-<time>`. Close every store on `db` first.
pub fn restore(db: &Path, name: &str) -> Result<PathBuf> {
    let source = backups(db)
        .into_iter()
        .find(|b| b.name == name)
        .map(|b| backup_dir(db).join(b.name))
        .ok_or_else(|| {
            StoreError::Io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no backup named {name:?}"),
            ))
        })?;
    let check = open_read_only(&source)?;
    if let Some(detail) = quick_check(&check)? {
        return Err(StoreError::Damaged {
            path: source.display().to_string(),
            detail,
        });
    }
    drop(check);
    let kept = PathBuf::from(format!(
        "{}.damaged-{}",
        db.display(),
        chrono::Utc::now().format("%Y%m%d-%H%M%S")
    ));
    if db.exists() {
        std::fs::rename(db, &kept)?;
    }
    for suffix in ["-wal", "-shm"] {
        let mut f = db.as_os_str().to_owned();
        f.push(suffix);
        let f = PathBuf::from(f);
        if f.exists() {
            let mut to = kept.as_os_str().to_owned();
            to.push(suffix);
            let _ = std::fs::rename(&f, PathBuf::from(to));
        }
    }
    std::fs::copy(&source, db)?;
    Ok(kept)
}

/// What [`recover`] could and could not copy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Recovered {
    /// Plans copied, by name.
    pub plans: Vec<String>,
    /// Plans copied from their checkpoint because their rows could not be read.
    pub from_checkpoint: Vec<String>,
    /// Plans that could not be read at all: their id or name and why.
    pub lost: Vec<(String, String)>,
}

/// Copies every plan that can still be read from the (damaged) database at `from` into a new
/// database at `to`: from its rows, else from its checkpoint. Never writes to `from`. `to`
/// must not exist.
pub fn recover(from: &Path, to: &Path) -> Result<Recovered> {
    if to.exists() {
        return Err(StoreError::Io(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} exists already; name a new file", to.display()),
        )));
    }
    let src = open_read_only(from)?;
    let version: u32 = src.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > crate::SCHEMA_VERSION {
        return Err(StoreError::NewerDatabase {
            path: from.display().to_string(),
            found: version,
            supported: crate::SCHEMA_VERSION,
        });
    }
    let mut out = Store::open(to)?;
    let mut report = Recovered::default();
    // The plan list itself may be damaged: read what rows it yields, and the checkpoints'.
    let mut ids: Vec<(String, String)> = Vec::new();
    if let Ok(mut stmt) = src.prepare("SELECT id, name FROM plans") {
        if let Ok(mut rows) = stmt.query([]) {
            loop {
                match rows.next() {
                    Ok(Some(r)) => {
                        if let (Ok(id), Ok(name)) = (r.get::<_, String>(0), r.get::<_, String>(1)) {
                            ids.push((id, name));
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        report
                            .lost
                            .push(("plans".into(), format!("the plan list stops early: {e}")));
                        break;
                    }
                }
            }
        }
    }
    let table = if version >= 4 {
        "checkpoints"
    } else {
        "plan_checkpoints"
    };
    let from_checkpoint = |id: &str| -> Option<PlanDoc> {
        let blob: Vec<u8> = src
            .query_row(
                &format!("SELECT data FROM {table} WHERE plan_id = ?1 AND format = ?2"),
                rusqlite::params![id, crate::checkpoint::FORMAT],
                |r| r.get(0),
            )
            .ok()?;
        postcard::from_bytes::<PlanDoc>(&blob).ok()
    };
    if let Ok(mut stmt) = src.prepare(&format!("SELECT plan_id FROM {table}")) {
        if let Ok(rows) = stmt.query_map([], |r| r.get::<_, String>(0)) {
            for id in rows.flatten() {
                if !ids.iter().any(|(i, _)| *i == id) {
                    if let Some(doc) = from_checkpoint(&id) {
                        ids.push((id, doc.plan.name.clone()));
                    }
                }
            }
        }
    }
    for (id, name) in ids {
        let Ok(plan) = Id::parse_str(&id) else {
            report.lost.push((name, format!("unreadable id {id:?}")));
            continue;
        };
        let from_rows = if version == crate::SCHEMA_VERSION {
            crate::rows::load_doc(&src, plan)
        } else {
            Err(StoreError::Corrupt(format!("schema version {version}")))
        };
        let (doc, via_checkpoint) = match from_rows {
            Ok(doc) => (doc, false),
            Err(e) => match from_checkpoint(&id) {
                Some(doc) => (doc, true),
                None => {
                    let e = match e {
                        StoreError::Damaged { detail, .. } => StoreError::Damaged {
                            path: from.display().to_string(),
                            detail,
                        },
                        e => e,
                    };
                    report.lost.push((name, e.to_string()));
                    continue;
                }
            },
        };
        match out.insert_plan(&doc) {
            Ok(_) if via_checkpoint => report.from_checkpoint.push(name),
            Ok(_) => report.plans.push(name),
            Err(e) => report.lost.push((name, e.to_string())),
        }
    }
    Ok(report)
}
