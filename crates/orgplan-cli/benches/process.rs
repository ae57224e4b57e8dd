//! The `orgplan` binary as a script runs it, a new process each time: `orgplan --version`
//! (process start) and `orgplan validate` of a 10,000-position plan (open the file, load the
//! plan from its checkpoint, validate, print every finding). The target is the difference:
//! ≤ 50 ms over process start. Run: `cargo bench -p orgplan-cli`. Figures: docs/benchmarks.md.

use std::process::{Command, Stdio};

use criterion::{criterion_group, criterion_main, Criterion};

fn run(args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(args)
        .env_remove("ORGPLAN_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.code().is_some_and(|c| c <= 1), "{args:?}: {status}");
}

fn process(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let file = dir.path().join("plan.orgplan.json");
    let doc = orgplan_core::generate::generate(10_000, 42, chrono::Utc::now());
    std::fs::write(&file, orgplan_core::file::export(&doc)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&file)
        .output()
        .unwrap();
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let db = db.to_str().unwrap();
    // The first open leaves the plan's checkpoint, as any open after an import does.
    run(&["--db", db, "validate", &id]);
    let mut group = c.benchmark_group("orgplan process");
    group.sample_size(30);
    group.bench_function("--version (process start)", |b| {
        b.iter(|| run(&["--version"]))
    });
    group.bench_function("validate 10,000 positions", |b| {
        b.iter(|| run(&["--db", db, "validate", &id]))
    });
    group.finish();
}

criterion_group!(benches, process);
criterion_main!(benches);
