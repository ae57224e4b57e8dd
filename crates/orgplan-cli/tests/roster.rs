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
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("找不到「姓名」列"));
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
