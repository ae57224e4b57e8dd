//! Crash safety: a writer process commits edits as fast as it can through `orgplan call
//! --stdin` and is killed with SIGKILL at a random moment. Every edit it had acknowledged must
//! be in the file, the file must pass `PRAGMA integrity_check`, and undo must still work. The
//! same with two writers on one file.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime};

use orgplan_store::Store;
use serde_json::{json, Value};

const EDITS: usize = 1000;
const TRIALS: usize = 20;

/// A small deterministic generator (xorshift); the seed is printed so a failure can be rerun.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn seed() -> u64 {
    std::env::var("CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        })
}

fn orgplan(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_orgplan"));
    c.arg("--db").arg(db).env_remove("ORGPLAN_DB");
    c
}

/// Creates a plan and returns (plan id, root position id).
fn new_plan(db: &Path) -> (String, String) {
    let out = orgplan(db)
        .args(["new", "--template", "team-8"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let plan = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let out = orgplan(db)
        .args(["show", &plan, "--json"])
        .output()
        .unwrap();
    let file: Value = serde_json::from_slice(&out.stdout).unwrap();
    (
        plan,
        file["positions"][0]["id"].as_str().unwrap().to_string(),
    )
}

/// Starts a writer adding `EDITS` positions titled `{prefix}{i}` under the root.
fn writer(db: &Path, plan: &str, root: &str, prefix: &str) -> Child {
    let mut child = orgplan(db)
        .args(["call", "--stdin", "--brief"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let (plan, root, prefix) = (plan.to_string(), root.to_string(), prefix.to_string());
    std::thread::spawn(move || {
        for i in 0..EDITS {
            let req = json!({"command": "add_position", "args": {"plan": plan, "parent": root, "title": format!("{prefix}{i}")}});
            if writeln!(stdin, "{req}").is_err() {
                break;
            }
        }
    });
    child
}

/// Reads acknowledgements until `kill_after` of them, then kills the writer; returns the
/// titles it acknowledged.
fn run_until_killed(child: &mut Child, prefix: &str, kill_after: usize) -> Vec<String> {
    let stdout = child.stdout.take().unwrap();
    let mut acked = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        let v: Value = serde_json::from_str(&line).unwrap();
        assert!(v.get("ok").is_some(), "every edit is accepted: {line:.200}");
        acked.push(format!("{prefix}{}", acked.len()));
        if acked.len() >= kill_after {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    acked
}

fn check(db: &Path, plan: &str, acked: &[String]) {
    let mut store = Store::open(db).expect("the file opens after a crash");
    let ok: String = store
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let id = store.resolve(plan).unwrap();
    let doc = store.load(id).unwrap();
    let titles: HashSet<&str> = doc.positions.iter().map(|p| p.title.as_str()).collect();
    for t in acked {
        assert!(
            titles.contains(t.as_str()),
            "acknowledged edit {t} is in the file"
        );
    }
    let before = doc.positions.len();
    let undone = store.undo(id).expect("undo works after a crash");
    assert_eq!(undone.positions.len(), before - 1);
    assert!(orgplan_core::check::check_doc(&undone).is_ok());
}

#[test]
fn one_writer_killed_at_random_loses_no_acknowledged_edit() {
    let seed = seed();
    eprintln!("CRASH_SEED={seed}");
    let mut rng = Rng(seed);
    for trial in 0..TRIALS {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("crash.db");
        let (plan, root) = new_plan(&db);
        let mut child = writer(&db, &plan, &root, "E");
        let kill_after = 1 + rng.below(EDITS as u64 - 1) as usize;
        let acked = run_until_killed(&mut child, "E", kill_after);
        assert_eq!(acked.len(), kill_after, "trial {trial}");
        check(&db, &plan, &acked);
    }
}

#[test]
fn two_writers_on_one_file_killed_at_random() {
    let seed = seed();
    eprintln!("CRASH_SEED={seed}");
    let mut rng = Rng(seed ^ 0x9e37_79b9);
    for _ in 0..TRIALS / 2 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("crash.db");
        let (plan, root) = new_plan(&db);
        let mut a = writer(&db, &plan, &root, "A");
        let mut b = writer(&db, &plan, &root, "B");
        let (ka, kb) = (
            1 + rng.below(EDITS as u64 / 2) as usize,
            1 + rng.below(EDITS as u64 / 2) as usize,
        );
        let ha = std::thread::spawn(move || run_until_killed(&mut a, "A", ka));
        let hb = std::thread::spawn(move || run_until_killed(&mut b, "B", kb));
        let mut acked = ha.join().unwrap();
        acked.extend(hb.join().unwrap());
        std::thread::sleep(Duration::from_millis(10));
        check(&db, &plan, &acked);
    }
}
