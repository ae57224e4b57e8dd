//! Checkpoints: a whole plan as one blob (postcard), to open a big plan without reading its
//! rows one by one (`checkpoints`, schema v4).
//!
//! A checkpoint is a copy, never the truth. Triggers delete a plan's checkpoint whenever any of
//! its rows change, whoever writes them (this store, another process, a hand-written UPDATE),
//! so one that exists matches the rows. One that cannot be read (another format, a damaged
//! blob, another plan's) is ignored and the rows are read instead.
//!
//! Opening a plan that has none reads the rows and, in the same transaction, claims the
//! checkpoint; a background thread then encodes the plan and writes it if the claim still
//! stands, so the open does not wait for the encoding.

use orgplan_core::{Id, PlanDoc};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use uuid::Uuid;

use crate::Result;

/// The version of the blob's encoding. postcard writes fields in order with no names, so the
/// plan model's shape is part of the format: bump this whenever a type inside `PlanDoc`
/// changes (the store test `checkpoint_format_matches_the_model` fails until it is bumped).
/// 2: KPI weights in tenths of a percent. 3: people's roster fields, nested departments,
/// positions' library role, the plan's roster source. 4: the roster's suggested positions.
pub const FORMAT: i64 = 4;

/// The plan's checkpoint, if it has a current one this build can read.
pub fn read(conn: &Connection, plan: Id) -> Result<Option<PlanDoc>> {
    let mut stmt =
        conn.prepare_cached("SELECT format, data FROM checkpoints WHERE plan_id = ?1")?;
    let doc = stmt
        .query_row([plan.to_string()], |r| {
            let format: i64 = r.get(0)?;
            if format != FORMAT {
                return Ok(None);
            }
            // Decoded straight from SQLite's buffer: the blob is not copied first.
            let blob = r.get_ref(1)?.as_blob()?;
            Ok(postcard::from_bytes::<PlanDoc>(blob).ok())
        })
        .optional()?
        .flatten();
    Ok(doc.filter(|d| d.plan.id == plan))
}

/// The format of a claim: a checkpoint promised but not written yet (see [`claim`]).
const CLAIMED: i64 = 0;

/// Claims the plan's checkpoint for `token`: a row that says "the rows, as this transaction
/// leaves them, are about to be checkpointed". Any later change to the plan's rows deletes the
/// row (the triggers), so while it stands ([`stands`]) the rows are unchanged, and [`fulfil`]
/// writes the checkpoint only then.
pub fn claim(conn: &Connection, plan: Id, token: Uuid) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO checkpoints (plan_id, format, data, claim) VALUES (?1, ?2, x'', ?3)
         ON CONFLICT(plan_id) DO UPDATE SET format = excluded.format, data = excluded.data,
            claim = excluded.claim",
    )?
    .execute(params![plan.to_string(), CLAIMED, token.as_bytes()])?;
    Ok(())
}

/// Whether the claim `token` on the plan still stands (written or not): no row of the plan has
/// changed since it was made.
pub fn stands(conn: &Connection, plan: Id, token: Uuid) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM checkpoints WHERE plan_id = ?1 AND claim = ?2")?
        .query_row(params![plan.to_string(), token.as_bytes()], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Writes `doc` as its plan's checkpoint, in its own connection to the file at `path`, if the
/// claim `token` still stands and is not written yet. Encoding happens before the write lock is
/// taken. Returns whether it was written.
pub fn fulfil(path: &str, doc: &PlanDoc, token: Uuid) -> Result<bool> {
    // Never creates a file: the store's own file or nothing.
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(crate::BUSY_TIMEOUT)?;
    let pending = |conn: &Connection| -> Result<bool> {
        Ok(conn
            .query_row(
                "SELECT 1 FROM checkpoints WHERE plan_id = ?1 AND format = ?2 AND claim = ?3",
                params![doc.plan.id.to_string(), CLAIMED, token.as_bytes()],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    };
    // A claim that no longer stands costs neither the encoding nor the write lock.
    if !pending(&conn)? {
        return Ok(false);
    }
    let blob = encode(doc);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let written = tx.execute(
        "UPDATE checkpoints SET format = ?2, data = ?3
         WHERE plan_id = ?1 AND format = ?4 AND claim = ?5",
        params![
            doc.plan.id.to_string(),
            FORMAT,
            blob,
            CLAIMED,
            token.as_bytes()
        ],
    )?;
    tx.commit()?;
    Ok(written == 1)
}

/// Encodes a plan as a checkpoint.
pub fn encode(doc: &PlanDoc) -> Vec<u8> {
    postcard::to_stdvec(doc).expect("a plan encodes")
}
