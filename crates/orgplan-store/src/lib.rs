//! OrgPlan's store: one SQLite file holding many plans and each plan's undo journal.
//!
//! * Migrations run by `PRAGMA user_version`, append-only, all in one transaction. A file
//!   written by a newer OrgPlan is refused before anything is written to it.
//! * Every edit is one `BEGIN IMMEDIATE` transaction: load, apply in the core (which refuses
//!   bad edits), write the changed rows, append to the journal, commit.
//! * WAL and a busy timeout let two processes share one file.
//! * Opening a plan reads its checkpoint (one blob) when it has a current one, its rows when it
//!   has not, and then leaves a checkpoint for the next open (see [`checkpoint`]).

pub mod checkpoint;
pub mod maintenance;
mod rows;

pub use maintenance::{database_path, default_path, open_shared, shared_path};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
use orgplan_core::change::{apply_changes, diff, Change};
use orgplan_core::check::{check_changed, check_doc, keeps_shape};
use orgplan_core::file::{self, FileError};
use orgplan_core::{apply, Edit, EditError, Id, PlanDoc, Stage};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;
use uuid::Uuid;

/// The schema migrations, in order; entry `i` takes the database to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/v1.sql"),
    include_str!("migrations/v2.sql"),
    include_str!("migrations/v3.sql"),
    include_str!("migrations/v4.sql"),
    include_str!("migrations/v5.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// How long a write waits for another connection's write to finish.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How long an open waits to claim a checkpoint while another connection writes; a claim not
/// made is only a slower next open.
const CLAIM_TIMEOUT: Duration = Duration::from_millis(100);

/// How many edits of a plan the journal keeps for undo.
pub const JOURNAL_LIMIT: i64 = 1000;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error(transparent)]
    Edit(#[from] EditError),
    #[error("{0}")]
    File(#[from] FileError),
    #[error("no plan matches {0:?}")]
    PlanNotFound(String),
    #[error("{count} plans are named {name:?}; use the plan's id")]
    Ambiguous { name: String, count: usize },
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
    #[error("the database {path} was written by a newer OrgPlan (schema version {found}; this version understands up to {supported}). It was left untouched; open it with a newer OrgPlan.")]
    NewerDatabase {
        path: String,
        found: u32,
        supported: u32,
    },
    #[error("the plan changed elsewhere (revision {revision}; this edit was made against {seen:?}){}", .field.as_ref().map(|f| format!(": {f} is no longer what it was")).unwrap_or_default())]
    Conflict {
        /// The plan's revision now.
        revision: u64,
        /// The revision the edit was made against.
        seen: Option<u64>,
        /// The field whose value changed meanwhile, when the edit said what it replaces.
        field: Option<String>,
    },
    #[error("the database {path} is damaged ({detail}); nothing was written to it. Restore a backup, or copy what can still be read with `orgplan recover --out NEW.db`.")]
    Damaged { path: String, detail: String },
    #[error("the database {path} is read-only: plans can be read but not changed. Make the file writable and try again.")]
    ReadOnly { path: String },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("the database holds a row this version cannot read: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl From<rusqlite::Error> for StoreError {
    /// Damage and a read-only file are errors of their own; the store fills in the path
    /// ([`Store::guard`]).
    fn from(e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DatabaseCorrupt | C::NotADatabase) => StoreError::Damaged {
                path: String::new(),
                detail: e.to_string(),
            },
            Some(C::ReadOnly) => StoreError::ReadOnly {
                path: String::new(),
            },
            _ => StoreError::Sqlite(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What kind of program made an edit, so undo can say whose edit it undoes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The desktop app.
    App,
    /// The command line (`orgplan`).
    Cli,
    /// The UI in a browser, through `orgplan serve`.
    Browser,
}

impl Source {
    fn as_str(self) -> &'static str {
        match self {
            Source::App => "app",
            Source::Cli => "cli",
            Source::Browser => "browser",
        }
    }

    fn parse(s: &str) -> Option<Source> {
        match s {
            "app" => Some(Source::App),
            "cli" => Some(Source::Cli),
            "browser" => Some(Source::Browser),
            _ => None,
        }
    }
}

/// Who is editing: one window, one CLI run, one browser tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    /// Tells clients apart; any text unique to the client.
    pub client: String,
    pub source: Source,
}

impl Author {
    /// A new client of the given kind.
    pub fn new(source: Source) -> Author {
        Author {
            client: Uuid::new_v4().to_string(),
            source,
        }
    }
}

/// A row of the plan list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanSummary {
    pub id: Id,
    pub name: String,
    pub company: String,
    pub template: Option<String>,
    pub stage: Stage,
    pub target_size: u32,
    pub positions: u32,
    /// Planned headcount over all positions (编制).
    pub headcount: u32,
    /// People: persons + vacancies (`orgplan_core::cost::people`).
    pub people: u32,
    /// The plan this one is a scenario of.
    pub scenario_of: Option<Id>,
    /// Raised by every committed edit of the plan.
    pub revision: u64,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

/// What undo and redo can do next, for the buttons.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct History {
    pub undo: Option<String>,
    pub redo: Option<String>,
    /// Set when the edit undo would act on was made by another client (another window, the
    /// command line, a browser), so the button can say whose edit it undoes.
    pub undo_by: Option<Source>,
    pub redo_by: Option<Source>,
}

pub struct Store {
    conn: Connection,
    path: String,
    /// Who this store's edits are recorded as made by.
    author: Author,
    /// Set once the file is found damaged: every later read and write says so.
    damaged: std::cell::RefCell<Option<String>>,
    /// The `data_version` at which the file last passed its quick check before a write:
    /// nothing else has written to it since (see [`Store::check_before_write`]).
    checked: Option<i64>,
    /// Opened read-only because the file could not be written; each write looks again.
    read_only: bool,
    /// The plan this connection last wrote, as it stands after that write, with the database's
    /// `data_version` at the time and the checkpoint claim the write made. While it is current
    /// ([`is_current`]), an edit or an open starts from it instead of reading the plan back.
    cache: Option<Cached>,
    /// Checkpoints being written in the background (see [`Store::load`]).
    checkpointing: Writers,
}

/// Threads writing checkpoints in the background.
type Writers = std::sync::Mutex<Vec<std::thread::JoinHandle<()>>>;

impl Drop for Store {
    fn drop(&mut self) {
        self.close();
    }
}

/// The path of an in-memory store.
const MEMORY: &str = ":memory:";

struct Cached {
    plan: Id,
    version: i64,
    doc: PlanDoc,
    /// The checkpoint claim this connection's last write of the plan left (see
    /// [`checkpoint::claim`]): while it stands, `doc` is what the rows say, and it is written as
    /// the plan's checkpoint when the copy is let go.
    claim: Option<Uuid>,
}

/// The plan to edit, with the claim this connection's last write of it left: its copy, if that
/// is still what the rows say ([`is_current`]), else read in `conn`. A copy of another plan is
/// let go ([`release`]).
fn take_cached(
    store: (&str, &Writers),
    cache: &mut Option<Cached>,
    conn: &Connection,
    plan: Id,
    version: i64,
) -> Result<(PlanDoc, Option<Uuid>)> {
    match cache.take() {
        Some(c) if c.plan == plan => {
            // An out-of-date copy has no claim standing: nothing to keep.
            if is_current(&c, conn, version)? {
                return Ok((c.doc, c.claim));
            }
        }
        other => release(store.0, store.1, other),
    }
    Ok((load_in(conn, plan)?, None))
}

/// Commits an edit's transaction with a checkpoint claim for the plan as it leaves it, and keeps
/// `after` as this connection's copy.
fn commit_keeping(
    tx: rusqlite::Transaction<'_>,
    cache: &mut Option<Cached>,
    version: i64,
    after: &PlanDoc,
) -> Result<()> {
    let plan = after.plan.id;
    let claim = Uuid::new_v4();
    checkpoint::claim(&tx, plan, claim)?;
    tx.commit()?;
    *cache = Some(Cached {
        plan,
        version,
        doc: after.clone(),
        claim: Some(claim),
    });
    Ok(())
}

/// Whether a copy of its plan is still what the rows say: nothing else committed since it was
/// made (`version` is `data_version` now), or only writes that left the plan's rows alone (the
/// claim its last write made still stands: a checkpoint written, another plan edited).
fn is_current(c: &Cached, conn: &Connection, version: i64) -> Result<bool> {
    Ok(c.version == version
        || match c.claim {
            Some(token) => checkpoint::stands(conn, c.plan, token)?,
            None => false,
        })
}

/// Writes `doc` as its plan's checkpoint in the background if the claim `token` still stands.
fn spawn_checkpoint(path: &str, writers: &Writers, doc: PlanDoc, token: Uuid) {
    if path == MEMORY {
        return;
    }
    let path = path.to_string();
    let writer = std::thread::spawn(move || {
        // A checkpoint not written is only a slower next open.
        let _ = checkpoint::fulfil(&path, &doc, token);
    });
    let mut writers = writers.lock().unwrap_or_else(|e| e.into_inner());
    // A long session opens many plans: keep only the writers still at work.
    writers.retain(|w| !w.is_finished());
    writers.push(writer);
}

/// Lets go of this connection's copy of a plan: checkpointed if its claim stands.
fn release(path: &str, writers: &Writers, old: Option<Cached>) {
    if let Some(Cached {
        doc,
        claim: Some(token),
        ..
    }) = old
    {
        spawn_checkpoint(path, writers, doc, token);
    }
}

/// The plan inside a transaction: its checkpoint if current, else its rows.
fn load_in(conn: &Connection, plan: Id) -> Result<PlanDoc> {
    match checkpoint::read(conn, plan)? {
        Some(doc) => Ok(doc),
        None => rows::load_doc(conn, plan),
    }
}

/// The plan's revision, inside a transaction or not.
fn revision_in(conn: &Connection, plan: Id) -> Result<u64> {
    let r: Option<i64> = conn
        .prepare_cached("SELECT revision FROM plans WHERE id = ?1")?
        .query_row([plan.to_string()], |r| r.get(0))
        .optional()?;
    match r {
        Some(r) => Ok(r.max(0) as u64),
        None => Err(StoreError::PlanNotFound(plan.to_string())),
    }
}

/// Changes whenever another connection commits (not when this one does).
fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

/// The current time at the precision the store keeps (microseconds).
pub fn stored_now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date. A
    /// file that cannot be written is opened for reading ([`Store::is_read_only`]).
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)?;
            }
        }
        let shown = path.display().to_string();
        if path.exists() && !maintenance::writable(path) {
            let conn = maintenance::open_read_only(path)?;
            return Store::init(conn, shown, true);
        }
        maintenance::repair_shared_memory(path);
        let conn = Connection::open(path)?;
        Store::init(conn, shown, false)
    }

    /// A private in-memory database, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, MEMORY.into(), false)
    }

    fn init(conn: Connection, path: String, read_only: bool) -> Result<Store> {
        let mut store = Store {
            conn,
            path,
            author: Author::new(Source::Cli),
            damaged: Default::default(),
            checked: None,
            read_only,
            cache: None,
            checkpointing: Default::default(),
        };
        let r = store.prepare();
        store.fill(r)?;
        Ok(store)
    }

    /// Settings and schema. Reads the version before anything writes to the file, so a newer
    /// file stays untouched, and writes nothing when the schema is current: an open never
    /// waits for another process's write.
    fn prepare(&mut self) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        let found: u32 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerDatabase {
                path: self.path.clone(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        self.conn.pragma_update(None, "foreign_keys", true)?;
        if self.read_only {
            if found < SCHEMA_VERSION {
                // An older file that cannot be brought up to date cannot be read either.
                return Err(StoreError::ReadOnly {
                    path: self.path.clone(),
                });
            }
            return Ok(());
        }
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") && self.path != MEMORY {
            self.conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))?;
        }
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        if found < SCHEMA_VERSION {
            self.migrate()?;
        }
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerDatabase {
                path: self.path.clone(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        for sql in &MIGRATIONS[found as usize..] {
            tx.execute_batch(sql)?;
        }
        if found < SCHEMA_VERSION {
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Records this store's edits as made by `author`.
    pub fn set_author(&mut self, author: Author) {
        self.author = author;
    }

    pub fn author(&self) -> &Author {
        &self.author
    }

    /// Whether the file could not be written when it was opened (or last looked at).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Puts the path into a damaged or read-only refusal and remembers damage: once found,
    /// every later read and write says so.
    fn fill<T>(&self, r: Result<T>) -> Result<T> {
        r.map_err(|e| match e {
            StoreError::Damaged { path, detail } => {
                *self.damaged.borrow_mut() = Some(detail.clone());
                StoreError::Damaged {
                    path: if path.is_empty() {
                        self.path.clone()
                    } else {
                        path
                    },
                    detail,
                }
            }
            StoreError::ReadOnly { path } if path.is_empty() => StoreError::ReadOnly {
                path: self.path.clone(),
            },
            e => e,
        })
    }

    /// Refuses when the file is known to be damaged.
    fn known_damage(&self) -> Result<()> {
        match self.damaged.borrow().as_ref() {
            Some(detail) => Err(StoreError::Damaged {
                path: self.path.clone(),
                detail: detail.clone(),
            }),
            None => Ok(()),
        }
    }

    /// What every write does first: refuses a file known or found to be damaged, and one
    /// that cannot be written (looking again, so a file made writable is written to). The
    /// quick check runs once per change of the file by another connection: this store's own
    /// commits do not change `data_version`, so a session of edits pays for it once.
    fn check_before_write(&mut self) -> Result<()> {
        self.known_damage()?;
        if self.read_only {
            if self.path == MEMORY || !maintenance::writable(Path::new(&self.path)) {
                return Err(StoreError::ReadOnly {
                    path: self.path.clone(),
                });
            }
            // Writable again: open it as any writable file.
            let path = PathBuf::from(&self.path);
            maintenance::repair_shared_memory(&path);
            self.release_cache();
            self.conn = Connection::open(&path)?;
            self.read_only = false;
            self.checked = None;
            self.prepare()?;
        }
        if self.path == MEMORY {
            return Ok(());
        }
        let version = data_version(&self.conn)?;
        if self.checked != Some(version) {
            if let Some(detail) = maintenance::quick_check(&self.conn)? {
                return Err(StoreError::Damaged {
                    path: self.path.clone(),
                    detail,
                });
            }
            self.checked = Some(version);
        }
        Ok(())
    }

    /// Runs a write: first [`Store::check_before_write`], then `f`; refusals get the path.
    fn write<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let r = self.check_before_write().and_then(|()| f(self));
        self.fill(r)
    }

    /// Checks the whole file (SQLite's `quick_check`): `None` when it is sound, else what is
    /// wrong. A damaged file is remembered as such.
    pub fn check(&self) -> Result<Option<String>> {
        let found = self.fill(maintenance::quick_check(&self.conn))?;
        if let Some(detail) = &found {
            *self.damaged.borrow_mut() = Some(detail.clone());
        }
        Ok(found)
    }

    /// What is wrong with the file, once it was found damaged.
    pub fn damage(&self) -> Option<String> {
        self.damaged.borrow().clone()
    }

    /// The refusal a damaged file gets.
    pub fn damage_error(&self) -> StoreError {
        StoreError::Damaged {
            path: self.path.clone(),
            detail: self.damage().unwrap_or_default(),
        }
    }

    /// Records that the file was found damaged elsewhere (a check in the background): from
    /// now on every read and write says so.
    pub fn mark_damaged(&self, detail: String) {
        *self.damaged.borrow_mut() = Some(detail);
    }

    /// Changes whenever a plan is added, removed or edited, by anyone: a client that keeps
    /// the last value it saw knows when to read the plan list again.
    pub fn list_version(&self) -> Result<String> {
        self.known_damage()?;
        let r = self.conn.query_row(
            "SELECT COUNT(*), COALESCE(SUM(revision), 0), COALESCE(MAX(updated_at), ''),
                COALESCE(MAX(created_at), '') FROM plans",
            [],
            |r| {
                Ok(format!(
                    "{}:{}:{}:{}",
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?
                ))
            },
        );
        self.fill(r.map_err(StoreError::from))
    }

    fn release_cache(&mut self) {
        release(&self.path, &self.checkpointing, self.cache.take());
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// The raw connection, for integrity checks in tests and tools.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn list_plans(&self) -> Result<Vec<PlanSummary>> {
        self.known_damage()?;
        self.fill(self.list_plans_inner())
    }

    fn list_plans_inner(&self) -> Result<Vec<PlanSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.name, p.company, p.template, p.stage, p.target_size,
                    (SELECT COUNT(*) FROM positions WHERE plan_id = p.id),
                    (SELECT COALESCE(SUM(headcount), 0) FROM positions WHERE plan_id = p.id),
                    p.created_at, p.updated_at, p.scenario_of, p.revision
             FROM plans p ORDER BY p.updated_at DESC, p.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, u32>(5)?,
                r.get::<_, u32>(6)?,
                r.get::<_, u32>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, String>(9)?,
                r.get::<_, Option<String>>(10)?,
                r.get::<_, i64>(11)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (
                id,
                name,
                company,
                template,
                stage,
                target_size,
                positions,
                headcount,
                c,
                u,
                s,
                rev,
            ) = row?;
            out.push(PlanSummary {
                id: rows::parse_id(&id)?,
                name,
                company,
                template,
                stage: rows::parse_stage(&stage)?,
                target_size,
                positions,
                headcount,
                people: 0,
                scenario_of: s.map(|s| rows::parse_id(&s)).transpose()?,
                revision: rev.max(0) as u64,
                created_at: rows::parse_time(&c)?,
                updated_at: rows::parse_time(&u)?,
            });
        }
        // People per plan, by the core's rule, from each position's seats and holders.
        let mut persons: HashMap<String, u32> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT plan_id, COUNT(*) FROM people GROUP BY plan_id")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))? {
            let (plan, n) = row?;
            persons.insert(plan, n);
        }
        let mut seats: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
        let mut stmt = self.conn.prepare(
            "SELECT pos.plan_id, pos.headcount,
                    (SELECT COUNT(*) FROM assignments a WHERE a.position_id = pos.id)
             FROM positions pos",
        )?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, u32>(2)?,
            ))
        })? {
            let (plan, headcount, holders) = row?;
            seats.entry(plan).or_default().push((headcount, holders));
        }
        for p in &mut out {
            let key = p.id.to_string();
            p.people = orgplan_core::cost::people(
                persons.get(&key).copied().unwrap_or(0),
                seats.remove(&key).unwrap_or_default(),
            );
        }
        Ok(out)
    }

    /// Finds a plan by id or by its unique name.
    pub fn resolve(&self, plan: &str) -> Result<Id> {
        self.known_damage()?;
        self.fill(self.resolve_inner(plan))
    }

    /// The plan's revision: raised by every committed edit (and undo and redo) of it.
    pub fn revision(&self, plan: Id) -> Result<u64> {
        self.known_damage()?;
        self.fill(revision_in(&self.conn, plan))
    }

    fn resolve_inner(&self, plan: &str) -> Result<Id> {
        if let Ok(id) = Uuid::parse_str(plan) {
            let found: Option<String> = self
                .conn
                .query_row(
                    "SELECT id FROM plans WHERE id = ?1",
                    [id.to_string()],
                    |r| r.get(0),
                )
                .optional()?;
            if found.is_some() {
                return Ok(id);
            }
        }
        let mut stmt = self.conn.prepare("SELECT id FROM plans WHERE name = ?1")?;
        let ids: Vec<String> = stmt
            .query_map([plan], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        match ids.as_slice() {
            [one] => rows::parse_id(one),
            [] => Err(StoreError::PlanNotFound(plan.to_string())),
            _ => Err(StoreError::Ambiguous {
                name: plan.to_string(),
                count: ids.len(),
            }),
        }
    }

    /// The plan as it stands: the one this connection just wrote, else its checkpoint, else
    /// its rows (after which it writes the checkpoint, if it can without waiting).
    pub fn load(&self, plan: Id) -> Result<PlanDoc> {
        self.known_damage()?;
        self.fill(self.load_inner(plan))
    }

    fn load_inner(&self, plan: Id) -> Result<PlanDoc> {
        if let Some(c) = &self.cache {
            if c.plan == plan && is_current(c, &self.conn, data_version(&self.conn)?)? {
                return Ok(c.doc.clone());
            }
        }
        if let Some(doc) = checkpoint::read(&self.conn, plan)? {
            return Ok(doc);
        }
        if !self.conn.is_autocommit() || self.path == MEMORY {
            return rows::load_doc(&self.conn, plan);
        }
        // Read and claim the checkpoint in one transaction, so the claim is for exactly these
        // rows; if another connection wrote meanwhile (or holds the write lock for long), no
        // claim, and the next open reads the rows again.
        let tx = self.conn.unchecked_transaction()?;
        let doc = rows::load_doc(&tx, plan)?;
        let token = Uuid::new_v4();
        self.conn.busy_timeout(CLAIM_TIMEOUT)?;
        let claimed = checkpoint::claim(&tx, plan, token).and_then(|()| Ok(tx.commit()?));
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        if claimed.is_ok() {
            spawn_checkpoint(&self.path, &self.checkpointing, doc.clone(), token);
        }
        Ok(doc)
    }

    /// Lets go of this store's copy of the plan it last wrote, writing that plan's checkpoint if
    /// no one has changed it since, and waits for the checkpoints being written. Dropping the
    /// store does the same; call this where a process may end without dropping it. The store
    /// stays usable.
    pub fn close(&mut self) {
        release(&self.path, &self.checkpointing, self.cache.take());
        self.finish_checkpoints();
    }

    /// Waits for the checkpoints being written in the background.
    pub fn finish_checkpoints(&self) {
        let writers =
            std::mem::take(&mut *self.checkpointing.lock().unwrap_or_else(|e| e.into_inner()));
        for w in writers {
            let _ = w.join();
        }
    }

    /// The plan read from its rows, ignoring any checkpoint and writing none: what a
    /// checkpoint must equal (tests), and the cost of an open without one (benchmarks).
    pub fn load_rows(&self, plan: Id) -> Result<PlanDoc> {
        rows::load_doc(&self.conn, plan)
    }

    /// Stores a whole new plan (from a template, a file or a copy). Not an undoable edit.
    /// Times are kept to the microsecond; [`Store::load`] gives back what was stored.
    pub fn insert_plan(&mut self, doc: &PlanDoc) -> Result<Id> {
        check_doc(doc)?;
        self.write(|s| s.insert_inner(doc))
    }

    fn insert_inner(&mut self, doc: &PlanDoc) -> Result<Id> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        rows::insert_doc(&tx, doc)?;
        tx.commit()?;
        Ok(doc.plan.id)
    }

    /// Reads a plan file into a new plan. A bad file changes nothing.
    pub fn import(&mut self, text: &str) -> Result<Id> {
        self.import_bytes(text.as_bytes())
    }

    /// [`Store::import`] from the file's bytes (UTF-8 is checked here).
    pub fn import_bytes(&mut self, bytes: &[u8]) -> Result<Id> {
        let doc = file::import_bytes(bytes, stored_now())?;
        self.insert_plan(&doc)
    }

    pub fn delete_plan(&mut self, plan: Id) -> Result<()> {
        self.write(|s| s.delete_inner(plan))
    }

    fn delete_inner(&mut self, plan: Id) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        release(&self.path, &self.checkpointing, self.cache.take());
        let n = tx.execute("DELETE FROM plans WHERE id = ?1", [plan.to_string()])?;
        if n == 0 {
            return Err(StoreError::PlanNotFound(plan.to_string()));
        }
        tx.commit()?;
        Ok(())
    }

    /// Applies one edit in one transaction and records it for undo. Returns the new plan.
    pub fn edit(&mut self, plan: Id, edit: Edit) -> Result<PlanDoc> {
        self.edit_checked(plan, edit, None, &|_| None)
    }

    /// [`Store::edit`] for a client that last saw the plan at revision `seen` and may say what
    /// the edit replaces: `expect` looks at the plan as it stands, inside the edit's
    /// transaction, and names the field that is no longer what the client saw. Then, or when
    /// the edit targets something that is gone and the plan changed since `seen`, the edit is
    /// refused as a [`StoreError::Conflict`] and nothing is written.
    pub fn edit_checked(
        &mut self,
        plan: Id,
        edit: Edit,
        seen: Option<u64>,
        expect: &dyn Fn(&PlanDoc) -> Option<String>,
    ) -> Result<PlanDoc> {
        self.write(|s| s.edit_inner(plan, edit, seen, expect, false))
    }

    /// [`Store::edit`] for an edit built from the whole plan as the client saw it at revision
    /// `seen` (a roster merged in after its preview): any change since then, by anyone, is a
    /// [`StoreError::Conflict`] on `plan`, and nothing is written.
    pub fn edit_unchanged_since(
        &mut self,
        plan: Id,
        edit: Edit,
        seen: Option<u64>,
    ) -> Result<PlanDoc> {
        self.write(|s| s.edit_inner(plan, edit, seen, &|_| None, true))
    }

    fn edit_inner(
        &mut self,
        plan: Id,
        edit: Edit,
        seen: Option<u64>,
        expect: &dyn Fn(&PlanDoc) -> Option<String>,
        whole: bool,
    ) -> Result<PlanDoc> {
        let label = edit.name();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version = data_version(&tx)?;
        let (before, claim) = take_cached(
            (&self.path, &self.checkpointing),
            &mut self.cache,
            &tx,
            plan,
            version,
        )?;
        let revision = revision_in(&tx, plan)?;
        let conflict = |field: Option<String>| StoreError::Conflict {
            revision,
            seen,
            field,
        };
        let changed = seen.is_some_and(|s| s < revision);
        let result = match expect(&before) {
            _ if whole && changed => Err(conflict(Some("plan".to_string()))),
            Some(field) => Err(conflict(Some(field))),
            None => apply(&before, edit).map_err(|e| match e {
                // What the edit names is gone, and the plan changed since the client saw it.
                EditError::NotFound { .. } if changed => conflict(None),
                e => e.into(),
            }),
        };
        let mut after = match result {
            Ok(after) => after,
            Err(e) => {
                self.cache = Some(Cached {
                    plan,
                    version,
                    doc: before,
                    claim,
                });
                return Err(e);
            }
        };
        let forward = diff(&before, &after);
        if forward.is_empty() {
            self.cache = Some(Cached {
                plan,
                version,
                doc: before.clone(),
                claim,
            });
            return Ok(before);
        }
        let inverse = diff(&after, &before);
        let now = stored_now();
        after.plan.updated_at = now;
        rows::write_changes(&tx, plan, &forward)?;
        rows::touch(&tx, plan, now)?;
        // A new edit drops the redo stack: the undone entries, always the latest ones. Looking
        // at the latest first spares reading the whole journal when there is none.
        let redo: bool = tx
            .query_row(
                "SELECT undone FROM journal WHERE plan_id = ?1 ORDER BY seq DESC LIMIT 1",
                [plan.to_string()],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(false);
        if redo {
            tx.execute(
                "DELETE FROM journal WHERE plan_id = ?1 AND undone = 1",
                [plan.to_string()],
            )?;
        }
        let seq: i64 = tx.query_row(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM journal WHERE plan_id = ?1",
            [plan.to_string()],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT INTO journal (plan_id, seq, label, forward, inverse, undone, at, client, source)
             VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, ?8)",
            params![
                plan.to_string(),
                seq,
                label,
                serde_json::to_string(&forward).expect("changes serialise"),
                serde_json::to_string(&inverse).expect("changes serialise"),
                rows::time(now),
                self.author.client,
                self.author.source.as_str(),
            ],
        )?;
        tx.execute(
            "DELETE FROM journal WHERE plan_id = ?1 AND seq <= ?2",
            params![plan.to_string(), seq - JOURNAL_LIMIT],
        )?;
        commit_keeping(tx, &mut self.cache, version, &after)?;
        Ok(after)
    }

    /// Undoes the plan's latest edit. Returns the plan as it is now.
    pub fn undo(&mut self, plan: Id) -> Result<PlanDoc> {
        self.step(plan, true)
    }

    /// Redoes the plan's latest undone edit.
    pub fn redo(&mut self, plan: Id) -> Result<PlanDoc> {
        self.step(plan, false)
    }

    fn step(&mut self, plan: Id, undo: bool) -> Result<PlanDoc> {
        self.write(|s| s.step_inner(plan, undo))
    }

    fn step_inner(&mut self, plan: Id, undo: bool) -> Result<PlanDoc> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version = data_version(&tx)?;
        let (before, claim) = take_cached(
            (&self.path, &self.checkpointing),
            &mut self.cache,
            &tx,
            plan,
            version,
        )?;
        let sql = if undo {
            "SELECT seq, inverse FROM journal WHERE plan_id = ?1 AND undone = 0 ORDER BY seq DESC LIMIT 1"
        } else {
            "SELECT seq, forward FROM journal WHERE plan_id = ?1 AND undone = 1 ORDER BY seq ASC LIMIT 1"
        };
        let entry: Option<(i64, String)> = tx
            .query_row(sql, [plan.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((seq, changes)) = entry else {
            self.cache = Some(Cached {
                plan,
                version,
                doc: before,
                claim,
            });
            return Err(if undo {
                StoreError::NothingToUndo
            } else {
                StoreError::NothingToRedo
            });
        };
        let changes: Vec<Change> = serde_json::from_str(&changes)
            .map_err(|e| StoreError::Corrupt(format!("journal entry {seq}: {e}")))?;
        let mut after = apply_changes(&before, &changes);
        if keeps_shape(&before, &after) {
            check_changed(&before, &after)?;
        } else {
            check_doc(&after)?;
        }
        let now = stored_now();
        after.plan.updated_at = now;
        rows::write_changes(&tx, plan, &diff(&before, &after))?;
        rows::touch(&tx, plan, now)?;
        tx.execute(
            "UPDATE journal SET undone = ?3 WHERE plan_id = ?1 AND seq = ?2",
            params![plan.to_string(), seq, undo],
        )?;
        commit_keeping(tx, &mut self.cache, version, &after)?;
        Ok(after)
    }

    /// The labels of the edits undo and redo would act on next.
    pub fn history(&self, plan: Id) -> Result<History> {
        self.known_damage()?;
        self.fill(self.history_inner(plan))
    }

    fn history_inner(&self, plan: Id) -> Result<History> {
        type Entry = (String, Option<String>, Option<String>);
        let entry = |sql: &str| -> Result<Option<Entry>> {
            Ok(self
                .conn
                .query_row(sql, [plan.to_string()], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .optional()?)
        };
        // Whose edit it is, when it is not this client's.
        let by = |e: &Option<Entry>| -> Option<Source> {
            let (_, client, source) = e.as_ref()?;
            if client.as_deref() == Some(self.author.client.as_str()) {
                return None;
            }
            source.as_deref().and_then(Source::parse)
        };
        let undo = entry("SELECT label, client, source FROM journal WHERE plan_id = ?1 AND undone = 0 ORDER BY seq DESC LIMIT 1")?;
        let redo = entry("SELECT label, client, source FROM journal WHERE plan_id = ?1 AND undone = 1 ORDER BY seq ASC LIMIT 1")?;
        Ok(History {
            undo_by: by(&undo),
            redo_by: by(&redo),
            undo: undo.map(|e| e.0),
            redo: redo.map(|e| e.0),
        })
    }
}
