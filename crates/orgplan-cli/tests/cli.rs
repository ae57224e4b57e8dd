//! The `orgplan` binary, run the way a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Value};

struct Cli {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Cli {
    fn new() -> Cli {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("plans.db");
        Cli { _dir: dir, db }
    }

    fn dir(&self) -> &Path {
        self._dir.path()
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_orgplan"))
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("ORGPLAN_DB")
            .output()
            .unwrap()
    }

    /// Runs and expects exit 0; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    fn call(&self, command: &str, args: Value) -> Value {
        self.json(&["call", command, &args.to_string()])
    }
}

fn position_id(plan: &Value, title: &str) -> String {
    plan["positions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == title)
        .unwrap_or_else(|| panic!("{title}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn templates_and_roles() {
    let cli = Cli::new();
    let t = cli.json(&["templates", "--json"]);
    let ids: Vec<&str> = t
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["team-5", "team-8", "team-30", "ops-center"]);
    let text = cli.ok(&["templates"]);
    assert!(text.contains("team-8") && text.contains("8 人"));
    let en = cli.ok(&["--lang", "en", "templates"]);
    assert!(en.contains("8-person team"));
    let roles = cli.json(&["roles", "--json"]);
    assert!(roles.as_array().unwrap().len() >= 25);
    assert!(cli.ok(&["roles"]).contains("客服"));
}

#[test]
fn new_show_validate_export_import() {
    let cli = Cli::new();
    let id = cli
        .ok(&["new", "--template", "team-8", "--name", "我的店"])
        .trim()
        .to_string();
    assert_eq!(id.len(), 36);
    let plans = cli.json(&["plans", "--json"]);
    assert_eq!(plans[0]["id"], id.as_str());
    assert_eq!(plans[0]["headcount"], 8);
    let tree = cli.ok(&["show", "我的店"]);
    assert!(
        tree.contains("店长") && tree.contains("└─ 数据分析组长"),
        "{tree}"
    );
    let file = cli.json(&["show", &id, "--json"]);
    assert_eq!(file["format"], "orgplan");
    assert_eq!(file["positions"].as_array().unwrap().len(), 8);

    let out = cli.run(&["validate", &id]);
    assert_eq!(out.status.code(), Some(0));
    let findings = cli.json(&["validate", &id, "--json"]);
    assert!(findings
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["severity"] != "error"));

    let path = cli.dir().join("plan.json");
    cli.ok(&[
        "export",
        &id,
        "--format",
        "json",
        "--out",
        path.to_str().unwrap(),
    ]);
    let copy = cli
        .ok(&["import", path.to_str().unwrap()])
        .trim()
        .to_string();
    assert_ne!(copy, id);
    let a = cli.ok(&["show", &id, "--json"]);
    let b = cli.ok(&["show", &copy, "--json"]);
    assert_eq!(
        a.len(),
        b.len(),
        "same file apart from ids (all ids are 36 characters)"
    );
    assert_eq!(cli.json(&["plans", "--json"]).as_array().unwrap().len(), 2);
    // With two plans of that name, the name is ambiguous.
    let out = cli.run(&["show", "我的店"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("请使用方案 id"));
}

#[test]
fn validate_exits_1_on_an_error_finding() {
    let cli = Cli::new();
    let id = cli.ok(&["new", "--template", "team-8"]).trim().to_string();
    let plan = cli.json(&["show", &id, "--json"]);
    let manager = position_id(&plan, "店长");
    let mut kpis = plan["positions"][0]["kpis"].clone();
    kpis[0]["weight"] = json!(kpis[0]["weight"].as_i64().unwrap() + 10);
    let state = cli.call(
        "update_position",
        json!({"plan": id, "position": manager, "kpis": kpis}),
    );
    assert!(state["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == "kpi_weights"));
    let out = cli.run(&["--lang", "en", "validate", &id]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("kpi_weights") && text.contains("110%"),
        "{text}"
    );
}

#[test]
fn the_command_table_through_call() {
    let cli = Cli::new();
    let state = cli.call("create_plan", json!({"name": "试验", "template": "team-8"}));
    let id = state["created"].as_str().unwrap().to_string();
    let manager = position_id(
        &serde_json::from_str(&cli.ok(&["show", &id, "--json"])).unwrap(),
        "店长",
    );
    // add from the role library, at an index
    let state = cli.call(
        "add_position",
        json!({"plan": id, "parent": manager, "index": 0, "role": "role-ztc"}),
    );
    let new = state["created"].as_str().unwrap().to_string();
    let kids: Vec<&Value> = state["doc"]["positions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["parent"] == manager.as_str())
        .collect();
    assert_eq!(kids[0]["id"], new.as_str());
    assert_eq!(kids[0]["title"], "直通车专员");
    let manager_dept = state["doc"]["positions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == manager.as_str())
        .unwrap()["department"]
        .clone();
    assert_eq!(
        kids[0]["department"], manager_dept,
        "a new position joins its superior's department"
    );
    assert_eq!(state["history"]["undo"], "add_position");
    // move, then a cycle is refused with exit 2 and {kind, message}
    let data = position_id(&state["doc"], "数据分析组长");
    cli.call(
        "move_position",
        json!({"plan": id, "position": new, "new_parent": data, "index": 0}),
    );
    let out = cli.run(&[
        "call",
        "move_position",
        &json!({"plan": id, "position": data, "new_parent": new}).to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(err["kind"], "cycle");
    assert!(err["message"].as_str().unwrap().contains("循环"));
    // update, delete, undo, redo
    cli.call(
        "update_position",
        json!({"plan": id, "position": new, "title": "推广专员", "headcount": 2}),
    );
    let state = cli.call("delete_position", json!({"plan": id, "position": new}));
    assert!(state["doc"]["positions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["id"] != new.as_str()));
    let state = cli.call("undo", json!({"plan": id}));
    let p = state["doc"]["positions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == new.as_str())
        .unwrap()
        .clone();
    assert_eq!(p["title"], "推广专员");
    assert_eq!(p["headcount"], 2);
    let state = cli.call("redo", json!({"plan": id}));
    assert!(state["doc"]["positions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["id"] != new.as_str()));
    let findings = cli.call("validate_plan", json!({"plan": id}));
    assert!(findings.as_array().is_some());
    let list = cli.call("list_plans", json!({}));
    assert_eq!(list.as_array().unwrap().len(), 1);
    let plan = cli.call("get_plan", json!({"plan": id}));
    assert_eq!(plan["doc"]["plan"]["name"], "试验");
}

#[test]
fn refused_calls_exit_2_with_a_kind() {
    let cli = Cli::new();
    let id = cli.ok(&["new", "--template", "team-5"]).trim().to_string();
    let plan = cli.json(&["show", &id, "--json"]);
    let shop = position_id(&plan, "店长/运营");
    let person = plan["people"][0]["id"].as_str().unwrap();
    let cases = [
        (
            "update_position",
            json!({"plan": id, "position": shop, "headcount": 0}),
            "headcount",
        ),
        (
            "add_dotted",
            json!({"plan": id, "position": shop, "superior": shop}),
            "self_reference",
        ),
        (
            "assign",
            json!({"plan": id, "person": person, "position": shop, "share": 101}),
            "share",
        ),
        (
            "update_position",
            json!({"plan": id, "position": shop, "title": "a\u{7}b"}),
            "invalid_input",
        ),
        (
            "update_position",
            json!({"plan": id, "position": shop, "salary": 1}),
            "bad_arguments",
        ),
        ("get_plan", json!({"plan": "no such plan"}), "not_found"),
        ("undo", json!({"plan": id}), "nothing_to_undo"),
        ("redo", json!({"plan": id}), "nothing_to_redo"),
        ("frobnicate", json!({}), "unknown_command"),
    ];
    let before = cli.ok(&["show", &id, "--json"]);
    for (command, args, kind) in cases {
        let out = cli.run(&["call", command, &args.to_string()]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(err["kind"], kind, "{command} {args}");
        assert!(!err["message"].as_str().unwrap().is_empty());
    }
    assert_eq!(cli.ok(&["show", &id, "--json"]), before, "nothing changed");
    let out = cli.run(&["call", "get_plan", "{not json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_bad_file_exits_2_and_names_the_place() {
    let cli = Cli::new();
    let id = cli.ok(&["new", "--template", "team-8"]).trim().to_string();
    let mut plan = cli.json(&["show", &id, "--json"]);
    plan["positions"][3]["kpis"][1]["weight"] = json!(250);
    let path = cli.dir().join("bad.json");
    std::fs::write(&path, plan.to_string()).unwrap();
    let out = cli.run(&["--lang", "en", "import", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("positions[3].kpis[1].weight") && err.contains("250"),
        "{err}"
    );
    std::fs::write(&path, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let out = cli.run(&["import", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-8"));
    let out = cli.run(&["import", cli.dir().join("missing.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(cli.json(&["plans", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn a_bad_file_is_explained_in_chinese() {
    let cli = Cli::new();
    let id = cli.ok(&["new", "--template", "team-8"]).trim().to_string();
    let mut plan = cli.json(&["show", &id, "--json"]);
    plan["positions"][2]["headcount"] = json!(1.5);
    let path = cli.dir().join("bad.json");
    std::fs::write(&path, plan.to_string()).unwrap();
    for args in [
        &["--lang", "zh", "import", path.to_str().unwrap()][..],
        &["import", path.to_str().unwrap()][..],
    ] {
        let out = cli.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("方案文件有误（positions[2].headcount）")
                && err.contains("编制")
                && err.contains("1.5"),
            "{err}"
        );
        for serde_words in ["invalid type", "expected", "floating point", "i64", "`"] {
            assert!(!err.contains(serde_words), "{err}");
        }
    }
    assert_eq!(cli.json(&["plans", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn the_database_comes_from_db_or_orgplan_db() {
    let cli = Cli::new();
    let env_db = cli.dir().join("from-env.db");
    let out = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(["new", "--template", "team-5"])
        .env("ORGPLAN_DB", &env_db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(env_db.exists());
    assert!(
        !cli.db.exists()
            || cli
                .json(&["plans", "--json"])
                .as_array()
                .unwrap()
                .is_empty()
    );
}

#[test]
fn a_newer_database_is_refused_with_a_clear_message() {
    let cli = Cli::new();
    {
        let c = rusqlite::Connection::open(&cli.db).unwrap();
        c.execute_batch("PRAGMA user_version = 42;").unwrap();
    }
    let bytes = std::fs::read(&cli.db).unwrap();
    let out = cli.run(&["--lang", "en", "plans"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("newer OrgPlan") && err.contains("42"), "{err}");
    assert_eq!(std::fs::read(&cli.db).unwrap(), bytes);
}

/// `orgplan summary`: people and seats are two numbers; the figures in JSON are the command
/// table's `plan_summary`.
#[test]
fn summary_counts_people_and_seats_apart() {
    let cli = Cli::new();
    cli.ok(&["new", "--template", "team-5", "--name", "五人店"]);
    let text = cli.ok(&["summary", "五人店"]);
    assert!(text.contains("5 人（现有人员 5，空缺 0）"), "{text}");
    assert!(text.contains("编制 10（折合 5 个全职）"), "{text}");
    assert!(text.contains("4 人身兼多岗"), "{text}");
    assert!(!text.contains("10 人"), "{text}");
    let f = cli.json(&["summary", "五人店", "--json"]);
    assert_eq!(f["people"], 5);
    assert_eq!(f["headcount"], 10);
    assert_eq!(f["seats_fte"], 5.0);
    assert_eq!(f["vacancies_fte"], 0.0);
    let min = f["payroll_monthly"]["min"].as_u64().unwrap();
    assert_eq!(f["payroll_yearly"]["min"].as_u64().unwrap(), min * 12);
    let depts = f["departments"].as_array().unwrap();
    assert_eq!(
        depts
            .iter()
            .map(|d| d["people"].as_u64().unwrap())
            .sum::<u64>(),
        5
    );
    let called = cli.json(&["call", "plan_summary", r#"{"plan": "五人店"}"#]);
    assert_eq!(called, f);
    let en = cli.ok(&["--lang", "en", "summary", "五人店"]);
    assert!(en.contains("5 people (5 in the plan, 0 vacant)"), "{en}");
    // The plan list and the tree count people too.
    let plans = cli.ok(&["plans"]);
    assert!(plans.contains("5 人 · 编制 10"), "{plans}");
    let tree = cli.ok(&["show", "五人店"]);
    assert!(tree.lines().next().unwrap().contains("5 人"), "{tree}");
}

/// `orgplan compare`: the text report, the `--json` contract and the sheets.
#[test]
fn compare_prints_splits_json_and_writes_sheets() {
    let cli = Cli::new();
    cli.ok(&["new", "--template", "team-5", "--name", "A"]);
    cli.ok(&["new", "--template", "team-8", "--name", "B"]);
    let text = cli.ok(&["compare", "A", "B"]);
    assert!(text.contains("售后客服"), "{text}");
    assert!(text.contains("岗位拆分与合并"), "{text}");
    let c = cli.json(&["compare", "A", "B", "--json"]);
    for key in [
        "added",
        "removed",
        "moved",
        "renamed",
        "headcount_changed",
        "splits",
    ] {
        assert!(c[key].is_array(), "{key} in {c}");
    }
    let split = c["splits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["from"].as_array().unwrap().len() == 1 && s["from"][0]["title"] == "客服")
        .expect("客服 splits");
    assert!(!split["reason"].as_str().unwrap().is_empty());
    assert!(c["cost_delta"]["monthly"]["min"].is_i64());
    // People, not seats: 5 → 8, three to hire, the manager's promotion seat a split.
    assert!(text.contains("5 人 → 8 人"), "{text}");
    assert!(text.contains("新招 3 人"), "{text}");
    assert!(text.contains("不再兼任 营销策划组长"), "{text}");
    assert_eq!(
        (c["a"]["people"].as_u64(), c["b"]["people"].as_u64()),
        (Some(5), Some(8))
    );
    assert_eq!(c["hires"], 3);
    // The renamed seat: 店长/运营 carries on as 店长.
    assert!(c["renamed"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["before"] == "店长/运营" && r["after"] == "店长"));

    let xlsx = cli.dir().join("compare.xlsx");
    cli.ok(&["compare", "A", "B", "--out", xlsx.to_str().unwrap()]);
    let bytes = std::fs::read(&xlsx).unwrap();
    assert_eq!(&bytes[..2], b"PK", "a workbook");
    let csv = cli.dir().join("compare-csv");
    cli.ok(&[
        "--lang",
        "en",
        "compare",
        "A",
        "B",
        "--out",
        csv.to_str().unwrap(),
    ]);
    let changes = std::fs::read_to_string(csv.join("changes.csv")).unwrap();
    assert!(
        changes.contains("added") && changes.contains("售后客服"),
        "{changes}"
    );
    let depts = std::fs::read_to_string(csv.join("departments.csv")).unwrap();
    assert!(depts.lines().count() >= 3, "{depts}");

    // The PDF: the report, then plan B's chart with the changes marked, A3 when asked.
    let pdf = cli.dir().join("compare.pdf");
    cli.ok(&[
        "compare",
        "A",
        "B",
        "--out",
        pdf.to_str().unwrap(),
        "--paper",
        "a3",
    ]);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text: String = pdf_extract::extract_text_from_mem(&bytes)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for word in ["方案对比：A→B", "部门对比", "售后客服", "变化标注", "新增"] {
        assert!(text.contains(word), "{word}");
    }
}

/// `orgplan … | head`: a reader that stops early ends the program quietly, with success.
#[test]
fn a_closed_pipe_ends_quietly() {
    let cli = Cli::new();
    let id = cli.ok(&["new", "--template", "team-30"]);
    let id = id.trim();
    for args in [
        vec!["show", id, "--json"],
        vec!["templates"],
        vec!["show", id],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_orgplan"))
            .arg("--db")
            .arg(&cli.db)
            .args(&args)
            .env_remove("ORGPLAN_DB")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before anything is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    }
}

/// A value that does not fit an argument is refused in plain words, in the chosen language:
/// the field's label, what it accepts and what came, never serde's text or a key name.
#[test]
fn refusals_name_the_field_and_what_it_accepts() {
    let cli = Cli::new();
    cli.ok(&["new", "--template", "team-8", "--name", "八人"]);
    let doc = cli.json(&["show", "八人", "--json"]);
    let position = doc["positions"][1]["id"].as_str().unwrap().to_string();
    let refuse = |lang: &str, args: serde_json::Value| -> serde_json::Value {
        let out = cli.run(&["--lang", lang, "call", "update_position", &args.to_string()]);
        assert_eq!(out.status.code(), Some(2), "{args}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let e = refuse(
        "zh",
        serde_json::json!({"plan": "八人", "position": position, "headcount": 1.5}),
    );
    assert_eq!(e["kind"], "bad_arguments");
    let m = e["message"].as_str().unwrap();
    assert!(
        m.contains("「编制」须为 1–100000 的整数（收到 1.5）"),
        "{m}"
    );
    for serde_words in [
        "invalid type",
        "expected",
        "floating point",
        "headcount",
        "`",
    ] {
        assert!(!m.contains(serde_words), "{m}");
    }
    let e = refuse(
        "en",
        serde_json::json!({"plan": "八人", "position": position, "kpis": [{"metric": "m", "weight": 33.33, "target": "", "cycle": "monthly", "source": ""}]}),
    );
    let m = e["message"].as_str().unwrap();
    assert!(
        m.contains("KPI weight must be a number from 0 to 100 with at most 1 decimal (got 33.33)"),
        "{m}"
    );
    let e = refuse(
        "zh",
        serde_json::json!({"plan": "八人", "position": position, "title": ""}),
    );
    assert_eq!(e["kind"], "invalid_input");
    assert_eq!(e["message"], "岗位名称：不能为空");
    // One decimal is a weight the core takes: 33.3 + 33.3 + 33.4 is 100, no finding.
    let kpi = |w: f64| serde_json::json!({"metric": format!("指标{w}"), "weight": w, "target": "", "cycle": "monthly", "source": ""});
    let state = cli.call(
        "update_position",
        serde_json::json!({"plan": "八人", "position": position, "kpis": [kpi(33.3), kpi(33.3), kpi(33.4)]}),
    );
    assert!(!state["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == "kpi_weights" && f["position"] == position.as_str()));
}

/// `orgplan staffing`: the 定编测算 of a plan at a given monthly sales and month, as text and
/// JSON; a bad month exits 2 with the reason.
#[test]
fn staffing_sizes_a_plan_from_its_sales() {
    let cli = Cli::new();
    cli.ok(&["new", "--template", "team-8", "--name", "八人"]);
    let text = cli.ok(&["staffing", "八人", "--gmv", "720000", "--month", "11"]);
    assert!(text.contains("11月：销售额 1584000 元"), "{text}");
    assert!(
        text.contains("售前客服 | 日咨询量 587 次/天 ÷ 100 | 5.9 | 6 | 1 | +5"),
        "{text}"
    );
    assert!(text.contains("「售前客服」在11月缺 4.9 人"), "{text}");
    let v = cli.json(&["staffing", "八人", "--json"]);
    assert_eq!(v["monthly_gmv"], 200000.0, "the plan's own sales goal");
    let out = cli.run(&["staffing", "八人", "--month", "13"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 到 12"));
}

/// Chart exports leave names out unless asked; `--names` writes who holds each seat and the
/// vacancies on the cards.
#[test]
fn chart_exports_name_the_holders_only_when_asked() {
    let cli = Cli::new();
    let id = cli.ok(&["new", "--template", "team-5"]).trim().to_string();
    let plain = cli.dir().join("plain.svg");
    cli.ok(&[
        "export",
        &id,
        "--format",
        "svg",
        "--out",
        plain.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&plain).unwrap();
    let doc = cli.json(&["call", "get_plan", &format!("{{\"plan\": \"{id}\"}}")]);
    let someone = doc["doc"]["people"][0]["name"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!text.contains(&someone), "no names by default");
    let named = cli.dir().join("named.svg");
    cli.ok(&[
        "export",
        &id,
        "--format",
        "svg",
        "--names",
        "--out",
        named.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&named).unwrap();
    assert!(text.contains(&someone), "{someone} is on a card");
    assert!(text.contains("class=\"holders\""));
    let eight = cli.ok(&["new", "--template", "team-8"]).trim().to_string();
    let vacant = cli.dir().join("vacant.svg");
    cli.ok(&[
        "export",
        &eight,
        "--format",
        "svg",
        "--names",
        "--out",
        vacant.to_str().unwrap(),
    ]);
    assert!(std::fs::read_to_string(&vacant)
        .unwrap()
        .contains("空缺 ×1"));
}
