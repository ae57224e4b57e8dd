//! Benchmarks of what a user waits for: opening a plan (open the file, load, validate, lay out)
//! at 100, 1,000 and 10,000 positions, from its checkpoint and the first time after an edit
//! (from its rows); one edit committed (a rename, a new first subordinate of
//! the top position, a new last subordinate of a manager, deleting a position); one undo; what
//! other plans cost beside a big edited plan (import 2,000 and 50,000 positions, copy 10,000);
//! `orgplan validate`'s path after process start; the file's quick check. Plans come from
//! `orgplan_core::generate`. Run: `cargo bench -p orgplan-store`. Figures: docs/benchmarks.md.

use std::path::Path;

/// The allocator the app's binaries use (see orgplan-cli and src-tauri).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use orgplan_core::generate::generate;
use orgplan_core::layout::{layout, LayoutOptions};
use orgplan_core::{validate, Edit, Id, Position, PositionPatch};
use orgplan_store::Store;
use uuid::Uuid;

const SIZES: [usize; 3] = [100, 1_000, 10_000];

fn setup(dir: &Path, n: usize) -> (std::path::PathBuf, Id) {
    let path = dir.join(format!("bench-{n}.db"));
    let mut store = Store::open(&path).unwrap();
    let doc = generate(n, 42, orgplan_store::stored_now());
    let id = store.insert_plan(&doc).unwrap();
    (path, id)
}

/// Opens the file, loads the plan, validates it and lays it out: what the app does to show a
/// plan. The plan is returned, so freeing it (when the plan is closed) is not timed.
fn open(path: &Path, id: Id) -> impl Sized {
    let store = Store::open(path).unwrap();
    let doc = store.load(id).unwrap();
    let findings = validate(&doc);
    let l = layout(&doc, &LayoutOptions::default());
    // The store too: closing it waits for a checkpoint being written in the background.
    (store, doc, findings, l)
}

/// Renames a position to "岗位 i".
fn rename(position: Id, i: u32) -> Edit {
    Edit::UpdatePosition {
        position,
        patch: PositionPatch {
            title: Some(format!("岗位 {i}")),
            ..Default::default()
        },
    }
}

fn open_validate_layout(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    // A plan opened before and not changed since: read from its checkpoint.
    let mut group = c.benchmark_group("open+validate+layout");
    group.sample_size(20);
    let mut plans = Vec::new();
    for n in SIZES {
        let (path, id) = setup(dir.path(), n);
        open(&path, id); // leaves the checkpoint
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter_batched(
                || (),
                |()| open(&path, id),
                criterion::BatchSize::PerIteration,
            )
        });
        plans.push((n, path, id));
    }
    group.finish();
    // The first open after an edit: from the rows (the checkpoint is then written in the
    // background, not timed).
    let mut group = c.benchmark_group("open+validate+layout, first after an edit");
    group.sample_size(20);
    for (n, path, id) in &plans {
        group.bench_with_input(BenchmarkId::from_parameter(n), n, |b, _| {
            b.iter_batched(
                || {
                    let conn = rusqlite::Connection::open(path).unwrap();
                    conn.execute("DELETE FROM checkpoints", []).unwrap();
                },
                |()| open(path, *id),
                criterion::BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

fn one_edit(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("one edit committed");
    group.sample_size(20);
    for n in SIZES {
        let (path, id) = setup(dir.path(), n);
        let mut store = Store::open(&path).unwrap();
        let doc = store.load(id).unwrap();
        let target = doc.positions[doc.positions.len() / 2].id;
        let mut i = 0u32;
        group.bench_with_input(BenchmarkId::new("rename", n), &n, |b, _| {
            b.iter(|| {
                i += 1;
                store.edit(id, rename(target, i)).unwrap()
            })
        });
        let root = doc.root().unwrap().id;
        // The common drop: a new last subordinate of a manager (no sibling changes place).
        let manager = doc.position(target).and_then(|p| p.parent).unwrap_or(root);
        // A new first subordinate of the top position: every other one moves down a place.
        // Each add is undone by a delete, so the plan keeps its size and shape; the benchmark
        // times one of the two ("delete" times deleting the new last subordinate).
        for (name, parent, index, timed_add) in [
            ("add", root, Some(0), true),
            ("add-last", manager, None, true),
            ("delete", manager, None, false),
        ] {
            group.bench_with_input(BenchmarkId::new(name, n), &n, |b, _| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let position = Position::blank(Uuid::new_v4(), "新岗位");
                        let added = position.id;
                        let add = Edit::AddPosition {
                            parent,
                            index,
                            position,
                        };
                        let delete = Edit::DeletePosition { position: added };
                        let start = Instant::now();
                        store.edit(id, add).unwrap();
                        if timed_add {
                            total += start.elapsed();
                        }
                        let start = Instant::now();
                        store.edit(id, delete).unwrap();
                        if !timed_add {
                            total += start.elapsed();
                        }
                    }
                    total
                })
            });
        }
        group.bench_with_input(BenchmarkId::new("undo", n), &n, |b, _| {
            // Only the undo is timed; the edit it takes back is made before each one.
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let patch = PositionPatch {
                        headcount: Some(2),
                        ..Default::default()
                    };
                    store
                        .edit(
                            id,
                            Edit::UpdatePosition {
                                position: target,
                                patch,
                            },
                        )
                        .unwrap();
                    let start = Instant::now();
                    store.undo(id).unwrap();
                    total += start.elapsed();
                }
                total
            })
        });
    }
    group.finish();
}

/// A file that holds an edited 10,000-position plan with its checkpoint and undo journal,
/// the way a user's file does after a session on a big plan.
fn busy_file(dir: &Path) -> (std::path::PathBuf, Id) {
    let (path, id) = setup(dir, 10_000);
    let mut store = Store::open(&path).unwrap();
    let doc = store.load(id).unwrap();
    let target = doc.positions[doc.positions.len() / 2].id;
    for i in 0..50 {
        store.edit(id, rename(target, i)).unwrap();
    }
    // Closing writes the checkpoint of the plan as the session left it.
    drop(store);
    assert!(Store::open(&path).unwrap().load(id).is_ok());
    (path, id)
}

/// What other plans cost while a big plan's checkpoint and journal sit in the file: importing
/// a 2,000-position plan file, copying the 10,000-position plan (what `duplicate_plan` does),
/// and importing 50,000 positions.
fn beside_a_big_plan(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (path, id) = busy_file(dir.path());
    let mut group = c.benchmark_group("beside an edited 10,000-position plan");
    group.sample_size(10);
    let file = orgplan_core::file::export(&generate(2_000, 7, orgplan_store::stored_now()));
    let mut store = Store::open(&path).unwrap();
    group.bench_function("import 2,000 positions", |b| {
        b.iter(|| store.import(&file).unwrap())
    });
    group.bench_function("duplicate the 10,000-position plan", |b| {
        b.iter(|| {
            let doc = store.load(id).unwrap();
            let copy = orgplan_core::file::import(
                &orgplan_core::file::export(&doc),
                orgplan_store::stored_now(),
            )
            .unwrap();
            store.insert_plan(&copy).unwrap()
        })
    });
    let big = orgplan_core::file::export(&generate(50_000, 9, orgplan_store::stored_now()));
    group.bench_function("import 50,000 positions", |b| {
        b.iter(|| store.import(&big).unwrap())
    });
    group.finish();
}

/// What `orgplan validate PLAN` does after the process starts: open the file, find the plan,
/// load it from its checkpoint, validate it and format the findings.
fn cli_validate(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (path, id) = setup(dir.path(), 10_000);
    open(&path, id); // leaves the checkpoint
    let mut group = c.benchmark_group("orgplan validate");
    group.sample_size(20);
    group.bench_function("10,000 positions: open, load, validate, print", |b| {
        b.iter(|| {
            let store = Store::open(&path).unwrap();
            let plan = store.resolve(&id.to_string()).unwrap();
            let doc = store.load(plan).unwrap();
            let mut text = String::new();
            for f in validate(&doc) {
                use std::fmt::Write as _;
                let _ = writeln!(text, "{:<20} {}", f.code, f.message(orgplan_core::Lang::Zh));
            }
            (store, doc, text)
        })
    });
    // The file's quick check, which a write pays once per change of the file by another
    // connection.
    let store = Store::open(&path).unwrap();
    group.bench_function("quick check of the 10,000-position file", |b| {
        b.iter(|| store.check().unwrap())
    });
    group.finish();
}

criterion_group!(
    benches,
    open_validate_layout,
    one_edit,
    beside_a_big_plan,
    cli_validate
);
criterion_main!(benches);
