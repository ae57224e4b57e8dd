//! `orgplan import-roster`, run as a user runs it on the rosters 钉钉, Excel and WPS write.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../orgplan-import/tests/fixtures")
        .join(name)
}

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("ORGPLAN_DB")
        .output()
        .unwrap()
}

fn plans(db: &Path) -> usize {
    let out = run(db, &["plans", "--json"]);
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn a_workbook_roster_becomes_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let file = fixture("hr-roster.xlsx");
    let out = run(
        &db,
        &[
            "import-roster",
            file.to_str().unwrap(),
            "--name",
            "云杉现状",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("工作表「在职人员」") && said.contains("表头在第 3 行，共 62 行"),
        "{said}"
    );
    assert!(
        said.contains("姓名 → 姓名") && said.contains("61 人"),
        "{said}"
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let summary = run(&db, &["summary", &id, "--json"]);
    let figures: Value = serde_json::from_slice(&summary.stdout).unwrap();
    assert_eq!(figures["people"], 61);
    let shown = String::from_utf8(run(&db, &["show", "云杉现状"]).stdout).unwrap();
    assert!(
        shown.contains("运营总监") && shown.contains("售前客服"),
        "{shown}"
    );
}

#[test]
fn bad_rows_are_listed_and_nothing_is_written_unless_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let roster = dir.path().join("花名册.csv");
    // GBK, as Excel saves CSV on a Chinese system.
    let text = "姓名,职位,直属上级\r\n王总,店长,\r\n小李,客服,赵六\r\n小周,美工,王总\r\n";
    std::fs::write(&roster, encoding_rs::GBK.encode(text).0).unwrap();
    let before = plans(&db);
    let out = run(&db, &["import-roster", roster.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("第 3 行：直属上级「赵六」不在文件中"),
        "{said}"
    );
    assert!(said.contains("没有写入任何内容"), "{said}");
    assert_eq!(plans(&db), before);
    // A dry run reports as JSON and writes nothing either.
    let out = run(
        &db,
        &[
            "import-roster",
            roster.to_str().unwrap(),
            "--dry-run",
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["problems"][0]["kind"], "manager_not_found");
    assert_eq!(report["problems"][0]["line"], 3);
    assert_eq!(report["table"]["encoding"], "GB18030");
    assert_eq!(plans(&db), before);
    // Skipped, the rest is imported.
    let out = run(
        &db,
        &["import-roster", roster.to_str().unwrap(), "--skip-bad"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(plans(&db), before + 1);
}

#[test]
fn columns_are_mapped_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let roster = dir.path().join("export.csv");
    std::fs::write(
        &roster,
        "成员,岗位名称,汇报给\n王总,店长,\n小李,客服,王总\n",
    )
    .unwrap();
    let out = run(
        &db,
        &["import-roster", roster.to_str().unwrap(), "--dry-run"],
    );
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("没有列被识别为「姓名」") && said.contains("--map 列名=姓名"),
        "{said}"
    );
    assert_eq!(plans(&db), 0);
    let out = run(
        &db,
        &[
            "import-roster",
            roster.to_str().unwrap(),
            "--map",
            "成员=姓名",
            "--map",
            "汇报给=manager",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(
        &db,
        &[
            "import-roster",
            roster.to_str().unwrap(),
            "--map",
            "成员=生日",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有名为「生日」的字段"));
}

/// The 花名册 sheet a plan exports imports back as the same plan: tree, seats, vacancies,
/// shares and people.
#[test]
fn the_exported_roster_imports_back_as_the_same_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    for template in ["team-5", "team-8", "ops-center"] {
        let out = run(&db, &["new", "--template", template]);
        let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
        let sheets = dir.path().join(format!("{template}-sheets"));
        let out = run(
            &db,
            &[
                "export",
                &id,
                "--format",
                "csv",
                "--out",
                sheets.to_str().unwrap(),
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = run(
            &db,
            &["import-roster", sheets.join("roster.csv").to_str().unwrap()],
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{template}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let back = String::from_utf8(out.stdout).unwrap().trim().to_string();
        let figures = |plan: &str| -> Value {
            serde_json::from_slice(&run(&db, &["summary", plan, "--json"]).stdout).unwrap()
        };
        let (a, b) = (figures(&id), figures(&back));
        for k in [
            "people",
            "persons",
            "positions",
            "headcount",
            "multi_seat",
            "seats_fte",
            "filled_fte",
        ] {
            assert_eq!(a[k], b[k], "{template}: {k}");
        }
        // The same tree: every title under the same superior's title.
        let tree = |plan: &str| {
            let doc: Value =
                serde_json::from_slice(&run(&db, &["show", plan, "--json"]).stdout).unwrap();
            let positions = doc["positions"].as_array().unwrap().clone();
            let title = |id: &Value| {
                positions
                    .iter()
                    .find(|p| &p["id"] == id)
                    .map(|p| p["title"].as_str().unwrap().to_string())
            };
            let mut edges: Vec<(String, Option<String>, u64)> = positions
                .iter()
                .map(|p| {
                    (
                        p["title"].as_str().unwrap().to_string(),
                        title(&p["parent"]),
                        p["headcount"].as_u64().unwrap(),
                    )
                })
                .collect();
            edges.sort();
            edges
        };
        assert_eq!(tree(&id), tree(&back), "{template}");
    }
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

fn get_plan(db: &Path, plan: &str) -> Value {
    let out = run(
        db,
        &["call", "get_plan", &format!("{{\"plan\": \"{plan}\"}}")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice::<Value>(&out.stdout).unwrap()["doc"].clone()
}

fn people(doc: &Value) -> Vec<String> {
    let mut names: Vec<String> = doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

/// Next month's export of the same team: `--into` shows joiners, leavers and moves, changes
/// nothing with `--dry-run`, applies them as one undo step, and never adds anyone twice.
#[test]
fn next_months_roster_goes_into_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let november = write(
        dir.path(),
        "十一月.csv",
        "姓名,工号,职位,直属上级,手机\n王芳,E01,店长,,13900000001\n李雷,E02,客服,王芳,\n周杰,E03,美工,王芳,\n",
    );
    let december = write(
        dir.path(),
        "十二月.csv",
        "姓名,工号,职位,直属上级\n王芳,E01,店长,\n李雷,E02,售后客服,王芳\n陈晨,E05,美工,王芳\n",
    );
    let out = run(
        &db,
        &["import-roster", november.to_str().unwrap(), "--personal"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let plan = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let before = get_plan(&db, &plan);
    assert_eq!(
        before["people"][0]["phone"], "13900000001",
        "--personal reads 手机"
    );

    let out = run(
        &db,
        &[
            "import-roster",
            december.to_str().unwrap(),
            "--into",
            &plan,
            "--dry-run",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("＋ 入职 陈晨（美工）"), "{said}");
    assert!(said.contains("－ 离职（移除） 周杰（美工）"), "{said}");
    assert!(said.contains("→ 调岗 李雷：客服 → 售后客服"), "{said}");
    assert!(said.contains("新增岗位：售后客服"), "{said}");
    assert_eq!(get_plan(&db, &plan), before, "a dry run writes nothing");

    let out = run(
        &db,
        &["import-roster", december.to_str().unwrap(), "--into", &plan],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), plan);
    assert_eq!(plans(&db), 1, "no new plan");
    let after = get_plan(&db, &plan);
    assert_eq!(people(&after), ["李雷", "王芳", "陈晨"]);

    // Again: the plan already matches.
    let out = run(
        &db,
        &["import-roster", december.to_str().unwrap(), "--into", &plan],
    );
    assert!(
        stderr(&out).contains("与方案一致，没有变化"),
        "{}",
        stderr(&out)
    );

    // One undo step takes the import back (the second import changed nothing).
    let out = run(&db, &["call", "undo", &format!("{{\"plan\": \"{plan}\"}}")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(people(&get_plan(&db, &plan)), ["周杰", "李雷", "王芳"]);
}

/// A roster below a position of an existing plan, named by its title.
#[test]
fn a_roster_goes_under_a_position() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let out = run(&db, &["new", "--template", "team-8", "--name", "八人"]);
    let plan = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let roster = write(
        dir.path(),
        "直播组.csv",
        "姓名,职位,直属上级\n刘洋,直播主管,\n孙丽,主播,刘洋\n",
    );
    let out = run(
        &db,
        &[
            "import-roster",
            roster.to_str().unwrap(),
            "--into",
            "八人",
            "--under",
            "店长",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = get_plan(&db, &plan);
    let positions = doc["positions"].as_array().unwrap();
    let lead = positions.iter().find(|p| p["title"] == "直播主管").unwrap();
    let manager = positions.iter().find(|p| p["title"] == "店长").unwrap();
    assert_eq!(lead["parent"], manager["id"]);
    let out = run(
        &db,
        &[
            "import-roster",
            roster.to_str().unwrap(),
            "--into",
            "八人",
            "--under",
            "董事长",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("方案中没有岗位「董事长」"),
        "{}",
        stderr(&out)
    );
}

/// 手机 and 邮箱 leave the machine only when asked: not in the plan file or the 花名册 by
/// default, in both with `--personal`; the 花名册 carries 工号, 入职日期 and 人员类型.
#[test]
fn personal_data_is_exported_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let roster = write(
        dir.path(),
        "花名册.csv",
        "姓名,工号,部门,职位,直属上级,入职日期,人员类型,手机,邮箱\n\
王芳,E01,运营中心,店长,,2021-03-01,全职,13900000001,wf@example.com\n\
李雷,E02,运营中心/客服部,客服,王芳,2022-05-06,兼职,13900000002,\n",
    );
    let out = run(
        &db,
        &["import-roster", roster.to_str().unwrap(), "--personal"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let plan = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let export = |args: &[&str], out: &Path| {
        let mut all = vec!["export", plan.as_str(), "--out", out.to_str().unwrap()];
        all.extend_from_slice(args);
        let o = run(&db, &all);
        assert!(o.status.success(), "{}", stderr(&o));
    };
    let plain = dir.path().join("plain.json");
    export(&["--format", "json"], &plain);
    let text = std::fs::read_to_string(&plain).unwrap();
    assert!(!text.contains("13900000001") && !text.contains("wf@example.com"));
    assert!(text.contains("\"employee_no\": \"E01\""));
    let full = dir.path().join("full.json");
    export(&["--format", "json", "--personal"], &full);
    assert!(std::fs::read_to_string(&full)
        .unwrap()
        .contains("wf@example.com"));

    let sheets = dir.path().join("sheets");
    export(&["--format", "csv"], &sheets);
    let csv = std::fs::read_to_string(sheets.join("roster.csv")).unwrap();
    assert!(
        !csv.contains("13900000001") && !csv.contains("手机"),
        "{csv}"
    );
    assert!(
        csv.contains("李雷,E02,运营中心/客服部,客服,王芳,2022-05-06,兼职"),
        "{csv}"
    );
    let sheets = dir.path().join("sheets-personal");
    export(&["--format", "csv", "--personal"], &sheets);
    let csv = std::fs::read_to_string(sheets.join("roster.csv")).unwrap();
    assert!(
        csv.contains("手机,邮箱") && csv.contains("13900000001,wf@example.com"),
        "{csv}"
    );

    // The 花名册 imports back with its nesting and fields.
    let out = run(
        &db,
        &["import-roster", sheets.join("roster.csv").to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let back = get_plan(&db, String::from_utf8(out.stdout).unwrap().trim());
    let li = back["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "李雷")
        .unwrap()
        .clone();
    assert_eq!(li["employee_no"], "E02");
    assert_eq!(li["kind"], "part_time");
    assert_eq!(li["start_date"], "2022-05-06");
    assert_eq!(li["phone"], "", "not read back without --personal");
    let nested = back["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "客服部")
        .unwrap()
        .clone();
    assert!(nested["parent"].is_string());
}
