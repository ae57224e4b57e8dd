//! `orgplan serve` and the CLI on one database, driven over raw sockets as a browser and a
//! terminal would: a stalled client blocks no one, answers are not sniffed, oversized bodies
//! are refused, and edits from both survive with no silent conflict.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

struct Server {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .arg("--db")
        .arg(&db)
        .args(["serve", "--port", "0", "--ui"])
        .arg(dir.path().join("no-ui"))
        .env_remove("ORGPLAN_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    while !line.contains("http://127.0.0.1:") {
        line.clear();
        assert!(out.read_line(&mut line).unwrap() > 0, "serve did not start");
    }
    let port = line
        .trim()
        .trim_end_matches('/')
        .rsplit(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // Keep reading its output so it never blocks on a full pipe.
    std::thread::spawn(move || for _ in out.lines() {});
    Server {
        child,
        port,
        _dir: dir,
        db,
    }
}

/// One HTTP request; the status, the headers (lower-case names) and the body.
fn request(port: u16, raw: &[u8]) -> (u16, Vec<(String, String)>, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(raw).unwrap();
    let mut text = Vec::new();
    s.read_to_end(&mut text).unwrap();
    let text = String::from_utf8_lossy(&text).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    (status, headers, body.to_string())
}

fn post(port: u16, command: &str, args: &Value) -> (u16, Vec<(String, String)>, Value) {
    let body = args.to_string();
    let raw = format!(
        "POST /api/{command} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nX-OrgPlan-Client: tab-1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let (status, headers, body) = request(port, raw.as_bytes());
    (
        status,
        headers,
        serde_json::from_str(&body).unwrap_or(Value::Null),
    )
}

fn cli(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("ORGPLAN_DB")
        .output()
        .unwrap()
}

#[test]
fn a_stalled_client_blocks_no_one() {
    let server = serve();
    // Headers that promise a body, then nothing.
    let mut stalled = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stalled
        .write_all(
            format!(
                "POST /api/list_plans HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: 100\r\n\r\n{{",
                server.port
            )
            .as_bytes(),
        )
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    for _ in 0..3 {
        let (status, headers, plans) = post(server.port, "list_plans", &json!({}));
        assert_eq!(status, 200);
        assert_eq!(plans.as_array().unwrap().len(), 1, "the demo plan");
        let nosniff = headers
            .iter()
            .any(|(k, v)| k == "x-content-type-options" && v == "nosniff");
        assert!(nosniff, "{headers:?}");
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "answered while another client stalls: {:?}",
        started.elapsed()
    );
    drop(stalled);
}

#[test]
fn an_oversized_body_is_refused_without_reading_it() {
    let server = serve();
    let raw = format!(
        "POST /api/import_plan HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        server.port,
        300 * 1024 * 1024
    );
    let (status, _, body) = request(server.port, raw.as_bytes());
    assert_eq!(status, 413, "{body}");
    let e: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(e["kind"], "bad_arguments");
}

/// The CLI and a browser tab edit one plan at once: every edit lands, and an edit made
/// against what the other changed is refused as a conflict, never applied silently.
#[test]
fn the_cli_and_the_browser_edit_one_plan_together() {
    let server = serve();
    let (_, _, plans) = post(server.port, "list_plans", &json!({}));
    let plan = plans[0]["id"].as_str().unwrap().to_string();
    let (_, _, state) = post(server.port, "get_plan", &json!({ "plan": plan }));
    let positions = state["doc"]["positions"].as_array().unwrap();
    let a = positions[1]["id"].as_str().unwrap().to_string();
    let b = positions[2]["id"].as_str().unwrap().to_string();
    let mut revision = state["revision"].as_u64().unwrap();
    for i in 0..10 {
        let out = cli(
            &server.db,
            &[
                "call",
                "update_position",
                &json!({ "plan": plan, "position": a, "title": format!("命令行{i}") }).to_string(),
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        // The browser saw an older revision; its edit of another position goes through.
        let (status, _, state) = post(
            server.port,
            "update_position",
            &json!({ "plan": plan, "position": b, "notes": format!("浏览器{i}"),
                     "revision": revision, "was": { "notes": if i == 0 { String::new() } else { format!("浏览器{}", i - 1) } } }),
        );
        assert_eq!(status, 200, "{state}");
        revision = state["revision"].as_u64().unwrap();
        assert_eq!(revision, 2 * (i + 1) as u64);
    }
    // Both sets of edits are there, read back through the CLI.
    let shown: Value =
        serde_json::from_slice(&cli(&server.db, &["show", &plan, "--json"]).stdout).unwrap();
    let titles: Vec<&str> = shown["positions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"命令行9"), "{titles:?}");
    let notes: Vec<&str> = shown["positions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["notes"].as_str())
        .collect();
    assert!(notes.contains(&"浏览器9"), "{notes:?}");

    // The browser renames position a from what it saw before the CLI's edits: a conflict.
    let (status, _, e) = post(
        server.port,
        "update_position",
        &json!({ "plan": plan, "position": a, "title": "浏览器改名", "revision": 0,
                 "was": { "title": positions[1]["title"] } }),
    );
    assert_eq!(status, 409, "{e}");
    assert_eq!(e["kind"], "conflict");
    assert!(
        e["message"].as_str().unwrap().contains("岗位名称")
            || e["message"].as_str().unwrap().contains("别处"),
        "{e}"
    );
    // Undo in the browser names the CLI when the CLI's edit is the latest.
    cli(
        &server.db,
        &[
            "call",
            "update_position",
            &json!({ "plan": plan, "position": a, "title": "命令行最后" }).to_string(),
        ],
    );
    let (_, _, state) = post(server.port, "get_plan", &json!({ "plan": plan }));
    assert_eq!(state["history"]["undo_by"], "cli", "{}", state["history"]);
    let (_, _, state) = post(server.port, "undo", &json!({ "plan": plan }));
    assert_eq!(state["history"]["redo_by"], "cli");
    // A position the CLI deletes is a conflict for the browser that still shows it.
    let seen = state["revision"].as_u64().unwrap();
    let out = cli(
        &server.db,
        &[
            "call",
            "delete_position",
            &json!({ "plan": plan, "position": b }).to_string(),
        ],
    );
    assert!(out.status.success());
    let (status, _, e) = post(
        server.port,
        "update_position",
        &json!({ "plan": plan, "position": b, "notes": "晚了", "revision": seen }),
    );
    assert_eq!((status, e["kind"].as_str()), (409, Some("conflict")), "{e}");
    // And watch tells the browser the plan moved on.
    let (_, _, w) = post(server.port, "watch", &json!({ "plan": plan }));
    assert!(w["revision"].as_u64().unwrap() > seen);
}

#[test]
fn where_names_the_shared_database_and_the_former_app_plans_move_in() {
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_orgplan"))
            .args(args)
            .env_remove("ORGPLAN_DB")
            .env_remove("XDG_DATA_HOME")
            .env("HOME", home.path())
            .output()
            .unwrap()
    };
    let out = run(&["where"]);
    let shared = home.path().join(".local/share/orgplan/orgplan.db");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        shared.display().to_string()
    );
    // The desktop app's former database, from an older schema.
    let old = home
        .path()
        .join(".local/share/app.orgplan.desktop/orgplan.db");
    std::fs::create_dir_all(old.parent().unwrap()).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/schema-v2.db"),
        &old,
    )
    .unwrap();
    let out = run(&["plans", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plans: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(plans.as_array().unwrap().len(), 3, "{plans}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 个方案"));
    assert!(!old.exists());
    assert!(old.with_extension("db.moved").exists());
    // ORGPLAN_DB still overrides.
    let other = home.path().join("other.db");
    let out = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .arg("where")
        .env("ORGPLAN_DB", &other)
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        other.display().to_string()
    );
}

#[test]
fn a_plan_file_over_the_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.orgplan.json");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(101 * 1024 * 1024)
        .unwrap();
    let out = cli(
        &dir.path().join("plans.db"),
        &["import", big.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("101.0 MB") && err.contains("100 MB"), "{err}");
}

#[test]
fn recover_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    assert!(cli(&db, &["new", "--template", "team-5"]).status.success());
    let out = cli(
        &db,
        &[
            "recover",
            "--out",
            dir.path().join("new.db").to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("共复制 1 个方案"));
    let listed = cli(&dir.path().join("new.db"), &["plans"]);
    assert!(String::from_utf8_lossy(&listed.stdout).contains("五人"));
}

/// A server nobody calls for longer than its read timeout keeps serving (its accept must not
/// time out with the connections it hands out).
#[test]
fn an_idle_server_keeps_serving() {
    let mut server = serve();
    std::thread::sleep(std::time::Duration::from_secs(35));
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "the server is still running"
    );
    let (status, _, _) = post(server.port, "list_plans", &serde_json::json!({}));
    assert_eq!(status, 200);
}
