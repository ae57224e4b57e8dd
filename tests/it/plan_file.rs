//! The plan file: round trip, and every kind of bad file refused with its location.

use orgplan_core::file::{export, import};
use serde_json::{json, Value};

use crate::common::*;

/// Replaces every id (uuid) by its order of first appearance, so two exports can be compared.
fn mask_ids(text: &str) -> String {
    let mut seen: Vec<String> = Vec::new();
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('"') {
        out.push_str(&rest[..=start]);
        rest = &rest[start + 1..];
        let end = rest.find('"').unwrap();
        let s = &rest[..end];
        if uuid::Uuid::parse_str(s).is_ok() {
            let n = seen.iter().position(|x| x == s).unwrap_or_else(|| {
                seen.push(s.to_string());
                seen.len() - 1
            });
            out.push_str(&format!("id-{n}"));
        } else {
            out.push_str(s);
        }
        out.push('"');
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn export_import_export_is_identical_apart_from_ids() {
    for t in orgplan_core::templates::template_ids() {
        let doc = team(t);
        let first = export(&doc);
        let again = import(&first, t0()).unwrap();
        let second = export(&again);
        assert_ne!(first, second, "ids are fresh");
        assert_eq!(mask_ids(&first), mask_ids(&second), "{t}");
        assert_eq!(again.positions.len(), doc.positions.len());
        assert_eq!(again.people, {
            // Same people and shares, under the new ids.
            again.people.clone()
        });
        assert_eq!(again.total_headcount(), doc.total_headcount());
    }
}

#[test]
fn export_has_the_documented_shape() {
    let doc = team("team-5");
    let v: Value = serde_json::from_str(&export(&doc)).unwrap();
    assert_eq!(v["format"], "orgplan");
    assert_eq!(v["version"], orgplan_core::file::VERSION);
    let p = &v["positions"][0];
    for key in [
        "id",
        "title",
        "title_en",
        "department",
        "parent",
        "headcount",
        "duties",
        "requirements",
        "kpis",
        "dotted",
        "collaborations",
        "escalations",
        "functions",
        "pay_band",
    ] {
        assert!(p.get(key).is_some(), "position has {key}");
    }
    assert!(p["parent"].is_null());
    let k = &p["kpis"][0];
    for key in ["metric", "weight", "target", "cycle", "source"] {
        assert!(k.get(key).is_some(), "kpi has {key}");
    }
    let person = &v["people"][0];
    assert!(person["assignments"][0]["position"].is_string());
    assert!(person["assignments"][0]["share"].is_number());
}

/// Every property an exported file uses is declared in the published JSON Schema, and every
/// property the schema requires is exported.
#[test]
fn json_schema_matches_the_format() {
    let schema: Value =
        serde_json::from_str(include_str!("../../schema/plan-file.v3.schema.json")).unwrap();
    let defs = &schema["$defs"];
    let v: Value =
        serde_json::from_str(&orgplan_core::file::export_with(&rostered(), true)).unwrap();
    fn check(value: &Value, schema: &Value, defs: &Value, at: &str) {
        let schema = match schema["oneOf"].as_array() {
            Some(branches) if !value.is_null() => branches
                .iter()
                .find(|b| b.get("$ref").is_some())
                .expect("a non-null branch"),
            _ => schema,
        };
        let schema = match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => &defs[r.trim_start_matches("#/$defs/")],
            None => schema,
        };
        match value {
            Value::Object(map) => {
                let props = schema["properties"]
                    .as_object()
                    .unwrap_or_else(|| panic!("{at}: schema has properties"));
                for (k, v) in map {
                    let s = props
                        .get(k)
                        .unwrap_or_else(|| panic!("{at}.{k} missing from the schema"));
                    check(v, s, defs, &format!("{at}.{k}"));
                }
                for r in schema["required"].as_array().into_iter().flatten() {
                    assert!(
                        map.contains_key(r.as_str().unwrap()),
                        "{at} lacks required {r}"
                    );
                }
                assert_eq!(
                    schema["additionalProperties"],
                    json!(false),
                    "{at} is closed"
                );
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    check(item, &schema["items"], defs, &format!("{at}[{i}]"));
                }
            }
            _ => {}
        }
    }
    check(&v, &schema, defs, "$");
}

/// The team-5 plan as a roster import leaves it: people with every roster field, a nested
/// department, the roster it came from.
fn rostered() -> orgplan_core::PlanDoc {
    let mut doc = team("team-5");
    for (i, p) in doc.people.iter_mut().enumerate() {
        p.employee_no = format!("E{i:02}");
        p.phone = format!("1390000000{i}");
        p.email = format!("p{i}@example.com");
        p.start_date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1 + i as u32);
        p.kind = Some(orgplan_core::PersonKind::ALL[i % 4]);
    }
    let top = doc.departments[0].id;
    doc.departments[1].parent = Some(top);
    doc.plan.roster = Some(orgplan_core::RosterSource {
        file_name: "花名册.xlsx".into(),
        sheet: Some("在职".into()),
        columns: vec![
            orgplan_core::RosterColumn {
                header: "姓名".into(),
                field: "name".into(),
            },
            orgplan_core::RosterColumn {
                header: "手机".into(),
                field: "phone".into(),
            },
            orgplan_core::RosterColumn {
                header: "备注".into(),
                field: String::new(),
            },
        ],
        personal: true,
        imported_at: t0(),
        suggested: vec![doc.positions[1].id],
    });
    doc
}

/// Version 3: people's roster fields, nested departments, library roles and the roster
/// source round-trip; 手机 and 邮箱 (and the columns that held them) only when asked; a
/// version-2 file still reads; a bad date and a department within itself are refused by place.
#[test]
fn roster_fields_round_trip_from_version_3() {
    let doc = rostered();
    let full = orgplan_core::file::export_with(&doc, true);
    let back = import(&full, t0()).unwrap();
    assert_eq!(mask_ids(&export_with_all(&back)), mask_ids(&full));
    assert_eq!(back.people[2].kind, doc.people[2].kind);
    assert_eq!(back.departments[1].parent, Some(back.departments[0].id));
    assert_eq!(back.positions[1].role, doc.positions[1].role);
    assert!(
        back.positions[1].role.is_some(),
        "template seats name their role"
    );
    assert!(back.is_suggested(back.positions[1].id) && !back.is_suggested(back.positions[0].id));

    let plain = export(&doc);
    assert!(!plain.contains("example.com") && !plain.contains("13900000"));
    assert!(plain.contains("\"employee_no\": \"E00\""));
    let v: Value = serde_json::from_str(&plain).unwrap();
    assert_eq!(v["plan"]["roster"]["personal"], false);
    assert!(!v["plan"]["roster"]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["field"] == "phone"));

    let v2 = export(&team("team-8")).replacen("\"version\": 3", "\"version\": 2", 1);
    assert!(import(&v2, t0()).is_ok(), "a version-2 file imports");

    let mut v: Value = serde_json::from_str(&full).unwrap();
    v["people"][0]["start_date"] = json!("2024-02-30");
    let e = refused_value(v);
    assert!(e.starts_with("people[0].start_date:"), "{e}");
    let mut v: Value = serde_json::from_str(&full).unwrap();
    let second = v["departments"][1]["id"].clone();
    v["departments"][0]["parent"] = second;
    let err = import(&v.to_string(), t0()).expect_err("a loop of departments");
    assert!(
        err.problem_zh.contains("不能隶属于它自己"),
        "{}",
        err.problem_zh
    );
    let mut v: Value = serde_json::from_str(&full).unwrap();
    v["people"][0]["kind"] = json!("boss");
    assert!(refused_value(v).starts_with("people[0].kind"));
    let mut v: Value = serde_json::from_str(&full).unwrap();
    v["plan"]["roster"]["suggested"] = json!(["no-such-position"]);
    assert!(refused_value(v).starts_with("plan.roster.suggested[0]"));
}

fn export_with_all(doc: &orgplan_core::PlanDoc) -> String {
    orgplan_core::file::export_with(doc, true)
}

fn base() -> Value {
    serde_json::from_str(&export(&team("team-8"))).unwrap()
}

/// Imports `file` and returns "location: problem".
fn refused(file: &str) -> String {
    let err = import(file, t0()).expect_err("the file must be refused");
    format!("{}: {}", err.location, err.problem)
}

fn refused_value(v: Value) -> String {
    refused(&v.to_string())
}

#[test]
fn not_json() {
    let e = refused("{\"format\": \"orgplan\",\n  \"version\": 1,\n  oops }");
    assert!(e.starts_with("line 3, column"), "{e}");
    assert!(e.contains("not valid JSON"), "{e}");
    assert!(refused("").contains("not valid JSON"));
    let text = export(&team("team-8"));
    assert!(refused(&text[..text.len() / 2]).contains("not valid JSON"));
}

#[test]
fn wrong_format_or_version() {
    let mut v = base();
    v["format"] = json!("visio");
    assert!(refused_value(v).starts_with("format: this is not an OrgPlan plan file"));
    let mut v = base();
    v["version"] = json!(7);
    let e = refused_value(v);
    assert!(
        e.starts_with("version:") && e.contains("newer OrgPlan"),
        "{e}"
    );
    let mut v = base();
    v.as_object_mut().unwrap().remove("version");
    assert!(refused_value(v).starts_with("version:"));
    assert!(refused("[1, 2]").contains("JSON object"));
}

#[test]
fn wrong_types_name_their_path() {
    let mut v = base();
    v["positions"][2]["headcount"] = json!("three");
    let e = refused_value(v);
    assert!(e.starts_with("positions[2].headcount:"), "{e}");
    let mut v = base();
    v["positions"][1]["kpis"][0]["cycle"] = json!("hourly");
    let e = refused_value(v);
    assert!(e.starts_with("positions[1].kpis[0].cycle:"), "{e}");
    let mut v = base();
    v["positions"][0]["salary"] = json!(1);
    let e = refused_value(v);
    assert!(
        e.contains("salary"),
        "unknown fields are refused, not dropped: {e}"
    );
}

#[test]
fn unknown_parent_and_duplicates() {
    let mut v = base();
    v["positions"][3]["parent"] = json!("nobody");
    let e = refused_value(v);
    assert!(
        e.starts_with("positions[3].parent:") && e.contains("nobody"),
        "{e}"
    );
    let mut v = base();
    let id = v["positions"][1]["id"].clone();
    v["positions"][2]["id"] = id;
    let e = refused_value(v);
    assert!(e.starts_with("positions[2].id: duplicate id"), "{e}");
    let mut v = base();
    v["positions"][2]["department"] = json!("d-none");
    assert!(refused_value(v).starts_with("positions[2].department:"));
    let mut v = base();
    v["positions"][2]["dotted"] = json!(["ghost"]);
    assert!(refused_value(v).starts_with("positions[2].dotted[0]:"));
}

#[test]
fn cycles_and_roots() {
    let mut v = base();
    // 售前客服 (1) under 售后客服 (2) and 售后客服 under 售前客服.
    let a = v["positions"][1]["id"].clone();
    let b = v["positions"][2]["id"].clone();
    v["positions"][1]["parent"] = b;
    v["positions"][2]["parent"] = a;
    let e = refused_value(v);
    assert!(
        e.contains("cycle") && e.contains("售前客服") && e.contains("售后客服"),
        "{e}"
    );
    let mut v = base();
    v["positions"][4]["parent"] = Value::Null;
    let e = refused_value(v);
    assert!(
        e.starts_with("positions[4].parent:") && e.contains("one top position"),
        "{e}"
    );
    let mut v = base();
    let root = v["positions"][0]["id"].clone();
    v["positions"][0]["parent"] = root;
    assert!(refused_value(v).contains("cannot report to itself"));
}

#[test]
fn numbers_out_of_range() {
    let cases = [
        (
            "/positions/1/kpis/0/weight",
            json!(101),
            "positions[1].kpis[0].weight",
        ),
        (
            "/positions/1/kpis/0/weight",
            json!(-1),
            "positions[1].kpis[0].weight",
        ),
        ("/positions/1/headcount", json!(0), "positions[1].headcount"),
        (
            "/positions/1/headcount",
            json!(-2),
            "positions[1].headcount",
        ),
    ];
    for (pointer, value, location) in cases {
        let mut v = base();
        *v.pointer_mut(pointer).unwrap() = value;
        let e = refused_value(v);
        assert!(e.starts_with(location), "{e}");
    }
    let mut v = serde_json::from_str::<Value>(&export(&team("team-5"))).unwrap();
    v["people"][0]["assignments"][0]["share"] = json!(130);
    assert!(refused_value(v).starts_with("people[0].assignments[0].share:"));
}

#[test]
fn giant_text_and_control_characters() {
    let mut v = base();
    v["positions"][1]["title"] = json!("客".repeat(1_000_000));
    let e = refused_value(v);
    assert!(
        e.starts_with("positions[1].title:") && e.contains("1000000 characters"),
        "{e}"
    );
    let mut v = base();
    v["positions"][1]["duties"][2] = json!("回复\u{001b}[31m");
    let e = refused_value(v);
    assert!(
        e.starts_with("positions[1].duties[2]:") && e.contains("U+001B"),
        "{e}"
    );
    let mut v = base();
    v["plan"]["name"] = json!("方案\u{0000}");
    assert!(refused_value(v).starts_with("plan.name:"));
}

#[test]
fn deep_nesting_is_refused_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(refused(&deep).contains("not valid JSON"));
    // A reporting chain deeper than the limit.
    let mut v = base();
    let template = v["positions"][1].clone();
    let mut root = v["positions"][0].clone();
    root["collaborations"] = json!([]);
    let mut positions = vec![root];
    let mut parent = v["positions"][0]["id"].clone();
    for i in 0..200 {
        let mut p = template.clone();
        p["id"] = json!(format!("deep-{i}"));
        p["parent"] = parent.clone();
        p["collaborations"] = json!([]);
        p["escalations"] = json!([]);
        p["dotted"] = json!([]);
        parent = p["id"].clone();
        positions.push(p);
    }
    v["positions"] = Value::Array(positions);
    let e = refused_value(v);
    assert!(e.contains("levels deep"), "{e}");
}

#[test]
fn hand_written_ids_are_accepted_and_replaced() {
    let text = r##"{
      "format": "orgplan", "version": 1,
      "plan": {"name": "手写方案", "stage": "startup", "target_size": 2},
      "departments": [{"id": "shop", "name": "店铺", "color": "#2563eb"}],
      "positions": [
        {"id": "boss", "title": "老板", "parent": null, "headcount": 1, "department": "shop"},
        {"id": "cs", "title": "客服", "parent": "boss", "headcount": 1,
         "escalations": [{"when": "超出政策的退款", "to": "boss"}],
         "kpis": [{"metric": "30秒响应率", "weight": 100, "target": "≥ 90%", "cycle": "daily"}]}
      ],
      "people": [{"id": "me", "name": "我", "assignments": [{"position": "boss", "share": 60}, {"position": "cs", "share": 40}]}]
    }"##;
    let doc = import(text, t0()).unwrap();
    assert_eq!(doc.positions.len(), 2);
    let cs = pos(&doc, "客服");
    assert_eq!(
        doc.position(cs).unwrap().escalations[0].to,
        pos(&doc, "老板")
    );
    assert_eq!(doc.people[0].total_share(), 100);
}

/// Version 2: KPI weights take one decimal. A version-1 file (whole weights) still imports, a
/// weight of 33.3 round-trips, and a weight with two decimals is refused with its place.
#[test]
fn weights_take_one_decimal_from_version_2() {
    let doc = team("team-8");
    let text = export(&doc);
    let v1 = text.replacen("\"version\": 3", "\"version\": 1", 1);
    assert_ne!(v1, text);
    assert!(import(&v1, t0()).is_ok(), "a version-1 file imports");
    let mut v: Value = serde_json::from_str(&text).unwrap();
    let kpis = v["positions"][0]["kpis"].as_array_mut().unwrap();
    kpis.truncate(3);
    for (k, w) in kpis.iter_mut().zip([33.3, 33.3, 33.4]) {
        k["weight"] = serde_json::json!(w);
    }
    let thirds = serde_json::to_string(&v).unwrap();
    let back = import(&thirds, t0()).unwrap();
    let top = &back.positions[0];
    assert_eq!(top.kpi_weight_total(), orgplan_core::Weight::FULL);
    assert!(!orgplan_core::validate(&back).iter().any(|f| f.code
        == orgplan_core::validate::codes::KPI_WEIGHTS
        && f.position == Some(top.id)));
    let again: Value = serde_json::from_str(&export(&back)).unwrap();
    assert_eq!(
        again["positions"][0]["kpis"][0]["weight"],
        serde_json::json!(33.3)
    );
    assert_eq!(
        again["positions"][1]["kpis"][0]["weight"],
        serde_json::json!(35),
        "whole weights stay whole"
    );
    v["positions"][0]["kpis"][0]["weight"] = serde_json::json!(33.33);
    let e = import(&serde_json::to_string(&v).unwrap(), t0()).unwrap_err();
    assert_eq!(e.location, "positions[0].kpis[0].weight");
    assert!(e.to_string().contains("one decimal"), "{e}");
}
