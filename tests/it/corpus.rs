//! The corpus of malformed plan files (`tests/corpus/bad/`): each is refused with the problem
//! kind and location `expected.json` gives, and the database is unchanged afterwards.

use std::collections::BTreeMap;
use std::path::PathBuf;

use orgplan_store::{Store, StoreError};
use serde_json::Value;

use crate::common::team;

fn corpus() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/bad"))
}

#[test]
fn every_bad_file_is_refused_with_its_kind_and_changes_nothing() {
    let expected: BTreeMap<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("expected.json")).unwrap())
            .unwrap();
    assert!(expected.len() >= 40, "at least 40 cases");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plans.db");
    let mut store = Store::open(&path).unwrap();
    let plan = store.insert_plan(&team("team-5")).unwrap();
    let before = orgplan_core::file::export(&store.load(plan).unwrap());
    let count = |s: &Store| -> i64 {
        s.connection().query_row("SELECT (SELECT COUNT(*) FROM plans) + (SELECT COUNT(*) FROM positions) + (SELECT COUNT(*) FROM people) + (SELECT COUNT(*) FROM journal)", [], |r| r.get(0)).unwrap()
    };
    let rows = count(&store);
    let mut failures = Vec::new();
    for (name, want) in &expected {
        let bytes = std::fs::read(corpus().join(name)).unwrap();
        match store.import_bytes(&bytes) {
            Err(StoreError::File(e)) => {
                let kind = serde_json::to_value(e.kind).unwrap();
                if kind != want["kind"]
                    || !e.location.starts_with(want["location"].as_str().unwrap())
                {
                    failures.push(format!(
                        "{name}: got {kind} at {} ({}), want {} at {}",
                        e.location, e.problem, want["kind"], want["location"]
                    ));
                }
                assert!(e.problem.len() < 400, "{name}: the message stays readable");
            }
            Err(other) => failures.push(format!("{name}: not a file error: {other}")),
            Ok(_) => failures.push(format!("{name}: was imported")),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(count(&store), rows, "no row was added");
    assert_eq!(
        orgplan_core::file::export(&store.load(plan).unwrap()),
        before
    );
    // Every file in the folder is a listed case.
    let files = std::fs::read_dir(corpus())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name() != "expected.json")
        .count();
    assert_eq!(files, expected.len());
}

/// What is left of a Chinese message once the place it names and everything quoted from the
/// file (in 「」 or double quotes) is taken out: runs of three or more ASCII letters, apart from
/// the words the Chinese interface itself uses (JSON, UTF-8, KPI, CRM).
fn english_in(message: &str, location: &str) -> Vec<String> {
    let message = message.replacen(location, "", 1);
    let mut rest = String::new();
    let mut chars = message.chars();
    while let Some(c) = chars.next() {
        match c {
            '「' => {
                let mut depth = 1;
                for c in chars.by_ref() {
                    match c {
                        '「' => depth += 1,
                        '」' => depth -= 1,
                        _ => {}
                    }
                    if depth == 0 {
                        break;
                    }
                }
            }
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            c => rest.push(c),
        }
    }
    rest.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && !["JSON", "UTF", "KPI", "CRM"].contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_bad_file_is_explained_in_chinese_and_in_english() {
    use orgplan_core::Lang;
    let expected: BTreeMap<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("expected.json")).unwrap())
            .unwrap();
    let mut failures = Vec::new();
    for name in expected.keys() {
        let bytes = std::fs::read(corpus().join(name)).unwrap();
        let e = orgplan_core::file::import_bytes(&bytes, chrono::Utc::now())
            .expect_err("a bad file is refused");
        let zh = e.message(Lang::Zh);
        let en = e.message(Lang::En);
        assert!(zh.starts_with("方案文件有误（"), "{name}: {zh}");
        assert_eq!(
            en,
            format!("bad plan file at {}: {}", e.location, e.problem)
        );
        if std::env::var_os("SHOW_MESSAGES").is_some() {
            println!("{name}\n  {zh}\n  {en}");
        }
        let english = english_in(&zh, &e.location);
        if !english.is_empty() {
            failures.push(format!("{name}: {zh} (English left: {english:?})"));
        }
        for serde_words in ["invalid type", "invalid value", "expected", "at line", "`"] {
            if zh.contains(serde_words) {
                failures.push(format!("{name}: the reader's own words: {zh}"));
            }
        }
        if en.contains("invalid type") || en.contains('`') {
            failures.push(format!("{name}: the reader's own words: {en}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn english_in_leaves_out_places_and_quotes() {
    assert!(english_in(
        "方案文件有误（positions[2].title）：「KPI 权重」须为文字（收到 \"a \\\" quoted\"）",
        "positions[2].title"
    )
    .is_empty());
    assert!(english_in("文件不是有效的 JSON 或 UTF-8，id 重复", "file").is_empty());
    assert_eq!(
        english_in("not valid JSON: trailing comma", "x"),
        ["not", "valid", "trailing", "comma"]
    );
}

/// Values of the wrong shape written by hand are explained in Chinese with what the field takes.
#[test]
fn wrong_values_say_what_is_allowed_in_chinese() {
    use orgplan_core::file::{export, import};
    use orgplan_core::Lang;
    let base: Value = serde_json::from_str(&export(&team("team-8"))).unwrap();
    let zh = |edit: &dyn Fn(&mut Value)| {
        let mut v = base.clone();
        edit(&mut v);
        let e = import(&v.to_string(), crate::common::t0()).expect_err("refused");
        let message = e.message(Lang::Zh);
        assert!(
            english_in(&message, &e.location).is_empty(),
            "English in {message}"
        );
        message
    };
    let m = zh(&|v| v["positions"][2]["headcount"] = serde_json::json!("three"));
    assert!(
        m.contains("「编制」须为 1–100000 的整数（收到文字 \"three\"）"),
        "{m}"
    );
    let m = zh(&|v| v["positions"][1]["kpis"][0]["weight"] = serde_json::json!("40"));
    assert!(
        m.contains("「KPI 权重」须为") && m.contains("\"40\""),
        "{m}"
    );
    let m = zh(&|v| {
        v["positions"][1].as_object_mut().unwrap().remove("title");
    });
    assert!(m.contains("缺少必填字段 \"title\"（「岗位名称」）"), "{m}");
    let m = zh(&|v| v["positions"][0]["salary"] = serde_json::json!(1));
    assert!(m.contains("不认识的字段 \"salary\""), "{m}");
    let m = zh(&|v| v["goals"] = serde_json::json!(true));
    assert!(m.contains("须为一个列表") && m.contains("是非值"), "{m}");
    let m = zh(&|v| v["plan"]["stage"] = serde_json::json!(null));
    assert!(
        m.contains("「发展阶段」须为以下之一") && m.contains("收到空值"),
        "{m}"
    );
    let e = import(
        "{\n \"format\": \"orgplan\" \"version\": 1 }",
        crate::common::t0(),
    )
    .unwrap_err();
    let m = e.message(Lang::Zh);
    assert!(m.starts_with("方案文件有误（第 2 行第 "), "{m}");
    assert!(
        m.contains("不是有效的 JSON") && english_in(&m, &e.location).is_empty(),
        "{m}"
    );
}
