//! A team's roster through the command table, as the app sends it: people's roster fields
//! (工号, 手机, 邮箱, 入职日期, 人员类型) kept, edited and left out of files unless asked;
//! next month's roster brought into the plan as one undoable edit (joiners, leavers, moves);
//! a roster added below a position; nested departments.

use base64::Engine;
use orgplan_api::{dispatch, Ctx};
use orgplan_core::Lang;
use serde_json::{json, Value};

struct App {
    ctx: Ctx,
    _dir: tempfile::TempDir,
}

impl App {
    fn new() -> App {
        let dir = tempfile::tempdir().unwrap();
        let store = orgplan_store::Store::open(&dir.path().join("r.db")).unwrap();
        App {
            ctx: Ctx::new(store, Lang::Zh),
            _dir: dir,
        }
    }

    fn call(&mut self, command: &str, args: Value) -> Value {
        dispatch(&mut self.ctx, command, args)
            .unwrap_or_else(|e| panic!("{command}: {} {}", kind(&e), e.message))
    }

    fn fails(&mut self, command: &str, args: Value) -> orgplan_api::ApiError {
        dispatch(&mut self.ctx, command, args).expect_err("refused")
    }

    fn roster(&mut self, file_name: &str, text: &str, more: Value) -> Value {
        let mut args = json!({
            "file_name": file_name,
            "base64": base64::engine::general_purpose::STANDARD.encode(text),
        });
        for (k, v) in more.as_object().unwrap() {
            args[k] = v.clone();
        }
        self.call("import_roster", args)
    }

    fn doc(&mut self, plan: &str) -> Value {
        self.call("get_plan", json!({ "plan": plan }))["doc"].clone()
    }
}

/// The id of the plan an import created.
fn created(out: &Value) -> String {
    out["created"]["doc"]["plan"]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn kind(e: &orgplan_api::ApiError) -> String {
    serde_json::to_value(e.kind)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

/// The entry of `doc[list]` whose `field` is `value`.
fn entry<'a>(doc: &'a Value, list: &str, field: &str, value: &str) -> &'a Value {
    doc[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[field] == value)
        .unwrap_or_else(|| panic!("{value} is in the plan's {list}"))
}

fn person<'a>(doc: &'a Value, name: &str) -> &'a Value {
    entry(doc, "people", "name", name)
}

fn names(doc: &Value) -> Vec<String> {
    let mut n: Vec<String> = doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    n.sort();
    n
}

fn seat_titles(doc: &Value, name: &str) -> Vec<String> {
    person(doc, name)["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            doc["positions"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["id"] == a["position"])
                .unwrap()["title"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

const NOVEMBER: &str = "姓名,工号,部门,职位,直属上级,入职日期,人员类型,手机,邮箱\n\
王芳,E01,运营中心,店长,,2021-03-01,全职,13900000001,wf@example.com\n\
李雷,E02,运营中心/客服部,客服,王芳,2022/5/6,全职,13900000002,\n\
韩梅,E03,运营中心/客服部,客服,王芳,2023年7月1日,兼职,,\n\
周杰,E04,视觉部,美工,王芳,2024-01-15,实习,,\n";

/// December: 周杰 left, 陈晨 joined as 美工, 李雷 moved to 售后客服 (a seat the plan lacks),
/// 韩梅 became full-time, 王芳's 工号 is unchanged but her name is written differently.
const DECEMBER: &str = "姓名,工号,部门,职位,直属上级,入职日期,人员类型\n\
王 芳,E01,运营中心,店长,,2021-03-01,全职\n\
李雷,E02,运营中心/客服部,售后客服,王 芳,2022-05-06,全职\n\
韩梅,E03,运营中心/客服部,客服,王 芳,2023-07-01,全职\n\
陈晨,E05,视觉部,美工,王 芳,2026-12-01,全职\n";

#[test]
fn roster_fields_are_kept_and_personal_data_only_when_asked() {
    let mut app = App::new();
    let out = app.roster("十一月.csv", NOVEMBER, json!({}));
    let plan = created(&out);
    let doc = app.doc(&plan);
    let li = person(&doc, "李雷");
    assert_eq!(li["employee_no"], "E02");
    assert_eq!(li["start_date"], "2022-05-06", "2022/5/6 read as a date");
    assert_eq!(li["kind"], "full_time");
    assert_eq!(person(&doc, "韩梅")["start_date"], "2023-07-01");
    assert_eq!(person(&doc, "韩梅")["kind"], "part_time");
    assert_eq!(person(&doc, "周杰")["kind"], "intern");
    assert_eq!(
        li["phone"], "",
        "手机 is not imported unless the user ticks it"
    );
    // 运营中心/客服部: 客服部 within 运营中心.
    let depts = doc["departments"].as_array().unwrap();
    let center = depts.iter().find(|d| d["name"] == "运营中心").unwrap();
    let service = depts.iter().find(|d| d["name"] == "客服部").unwrap();
    assert_eq!(service["parent"], center["id"]);
    assert_eq!(center["parent"], Value::Null);
    // The plan keeps where it came from and how its columns were read, without the personal
    // columns since they were not read.
    let source = &doc["plan"]["roster"];
    assert_eq!(source["file_name"], "十一月.csv");
    assert_eq!(source["personal"], false);
    let fields: Vec<&str> = source["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert!(fields.contains(&"employee_id") && !fields.contains(&"phone"));
    // Titles matched with the library remember their role.
    let service_seat = doc["positions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == "客服")
        .unwrap();
    assert_eq!(service_seat["role"], "role-presale-cs");

    // Ticked: 手机 and 邮箱 come in, and stay out of the plan file unless asked.
    let out = app.roster(
        "十一月.csv",
        NOVEMBER,
        json!({"personal": true, "name": "带联系方式"}),
    );
    let plan = created(&out);
    let doc = app.doc(&plan);
    assert_eq!(person(&doc, "王芳")["phone"], "13900000001");
    assert_eq!(person(&doc, "王芳")["email"], "wf@example.com");
    let file = app.call("export_plan", json!({ "plan": plan }))["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!file.contains("13900000001") && !file.contains("wf@example.com"));
    assert!(
        file.contains("\"employee_no\": \"E01\"")
            && file.contains("\"start_date\": \"2021-03-01\"")
    );
    let file = app.call("export_plan", json!({ "plan": plan, "personal": true }))["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(file.contains("13900000001") && file.contains("wf@example.com"));
    // A copy in the same store keeps them.
    let copy = app.call("duplicate_plan", json!({ "plan": plan }));
    assert_eq!(person(&copy["doc"], "王芳")["phone"], "13900000001");
    // The plan file reads back with every field (in a new plan).
    let back = app.call("import_plan", json!({ "text": file }));
    assert_eq!(person(&back["doc"], "王芳")["email"], "wf@example.com");
    assert_eq!(person(&back["doc"], "周杰")["kind"], "intern");
}

#[test]
fn the_people_table_edits_roster_fields() {
    let mut app = App::new();
    let out = app.roster("十一月.csv", NOVEMBER, json!({}));
    let plan = created(&out);
    let doc = app.doc(&plan);
    let id = person(&doc, "周杰")["id"].clone();
    let after = app.call(
        "update_person",
        json!({"plan": plan, "person": id, "kind": "full_time", "start_date": "2024-02-01",
               "employee_no": "E04-2", "was": {"kind": "intern"}}),
    );
    let zhou = person(&after["doc"], "周杰");
    assert_eq!(zhou["kind"], "full_time");
    assert_eq!(zhou["start_date"], "2024-02-01");
    assert_eq!(zhou["employee_no"], "E04-2");
    // What the client saw is no longer so: a conflict, nothing written.
    let err = app.fails(
        "update_person",
        json!({"plan": plan, "person": id, "kind": "outsourced", "was": {"kind": "intern"}}),
    );
    assert_eq!(kind(&err), "conflict");
    // Cleared with null; a bad date is refused by name.
    let after = app.call(
        "update_person",
        json!({"plan": plan, "person": id, "start_date": null}),
    );
    assert_eq!(person(&after["doc"], "周杰")["start_date"], Value::Null);
    let err = app.fails(
        "update_person",
        json!({"plan": plan, "person": id, "start_date": "2024-13-40"}),
    );
    assert_eq!(kind(&err), "bad_arguments");
    let err = app.fails(
        "update_person",
        json!({"plan": plan, "person": id, "employee_no": "E\u{7}04"}),
    );
    assert_eq!(kind(&err), "invalid_input", "{}", err.message);
    // One undo step each.
    let undone = app.call("undo", json!({ "plan": plan }));
    assert_eq!(person(&undone["doc"], "周杰")["start_date"], "2024-02-01");
}

#[test]
fn next_months_roster_updates_the_team_in_one_undo_step() {
    let mut app = App::new();
    let out = app.roster("十一月.csv", NOVEMBER, json!({}));
    let plan = created(&out);
    // The founder designs on top of the imported team: a vacancy and duties.
    let before = app.doc(&plan);
    let service = before["positions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == "客服")
        .unwrap()["id"]
        .clone();
    app.call(
        "update_position",
        json!({"plan": plan, "position": service, "headcount": 3, "notes": "双11 前再招一人"}),
    );
    let before = app.doc(&plan);

    // The preview changes nothing, and shows what the import would do.
    let preview = app.roster(
        "十二月.csv",
        DECEMBER,
        json!({"plan": plan, "dry_run": true}),
    );
    assert_eq!(app.doc(&plan), before, "a preview writes nothing");
    let changes = &preview["changes"];
    let who = |list: &str| -> Vec<String> {
        changes[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().or(p.as_str()).unwrap().to_string())
            .collect()
    };
    assert_eq!(who("joiners"), ["陈晨"]);
    assert_eq!(who("leavers"), ["周杰"]);
    assert_eq!(who("moves"), ["李雷"]);
    assert_eq!(changes["moves"][0]["from"], json!(["客服"]));
    assert_eq!(changes["moves"][0]["to"], json!(["售后客服"]));
    assert_eq!(changes["positions_added"], json!(["售后客服"]));
    let updated = who("updated");
    assert!(
        updated.contains(&"王 芳".to_string()) && updated.contains(&"韩梅".to_string()),
        "{updated:?}"
    );

    let done = app.roster("十二月.csv", DECEMBER, json!({"plan": plan}));
    let doc = done["merged"]["doc"].clone();
    assert_eq!(
        names(&doc),
        ["李雷", "王 芳", "陈晨", "韩梅"],
        "matched by 工号: no one twice, the leaver gone"
    );
    assert_eq!(seat_titles(&doc, "李雷"), ["售后客服"]);
    assert_eq!(seat_titles(&doc, "陈晨"), ["美工"]);
    assert_eq!(person(&doc, "韩梅")["kind"], "full_time");
    assert_eq!(
        person(&doc, "王 芳")["id"],
        person(&before, "王芳")["id"],
        "the same person, renamed"
    );
    // The design stays: the 客服 seat keeps its 编制 and notes.
    let seat = doc["positions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == service)
        .unwrap();
    assert_eq!(seat["headcount"], 3);
    assert_eq!(seat["notes"], "双11 前再招一人");
    let history = app.call("get_plan", json!({ "plan": plan }))["history"].clone();
    assert_eq!(history["undo"], "import_roster", "{history}");

    // One undo step takes it all back.
    let undone = app.call("undo", json!({ "plan": plan }))["doc"].clone();
    assert_eq!(undone, before_without_revision(&before, &undone));
    assert_eq!(names(&undone), ["周杰", "李雷", "王芳", "韩梅"]);

    // Leavers can be kept.
    let kept = app.roster(
        "十二月.csv",
        DECEMBER,
        json!({"plan": plan, "keep_leavers": true}),
    );
    assert_eq!(kept["changes"]["leavers_kept"], true);
    assert!(names(&kept["merged"]["doc"]).contains(&"周杰".to_string()));
}

/// `before` with the fields an undo legitimately moves (the time of the last change).
fn before_without_revision(before: &Value, after: &Value) -> Value {
    let mut b = before.clone();
    b["plan"]["updated_at"] = after["plan"]["updated_at"].clone();
    b
}

#[test]
fn the_mapping_kept_with_the_plan_reads_next_months_export() {
    let mut app = App::new();
    // An export whose names sit under a header no one recognises: mapped by hand once.
    let november = "成员,编号,岗,汇报给\n王芳,E01,店长,\n李雷,E02,客服,E01\n";
    let first = app.roster("十一月.csv", november, json!({}));
    assert_eq!(
        first["needs"],
        json!(["name"]),
        "without a name column the preview asks for one instead of failing"
    );
    assert_eq!(
        first["table"]["headers"],
        json!(["成员", "编号", "岗", "汇报给"])
    );
    assert_eq!(first["created"], Value::Null);
    let mapped = app.roster(
        "十一月.csv",
        november,
        json!({"columns": [{"column": "成员", "field": "name"},
                           {"column": "编号", "field": "employee_id"},
                           {"column": "岗", "field": "title"},
                           {"column": "汇报给", "field": "manager"}]}),
    );
    let plan = created(&mapped);
    // December's export, same columns: no mapping given, the plan's own is used.
    let december = "成员,编号,岗,汇报给\n王芳,E01,店长,\n李雷,E02,客服,E01\n赵敏,E03,客服,E01\n";
    let next = app.roster(
        "十二月.csv",
        december,
        json!({"plan": plan, "dry_run": true}),
    );
    assert_eq!(next["needs"], json!([]));
    assert_eq!(next["changes"]["joiners"][0]["name"], "赵敏");
    assert_eq!(next["changes"]["leavers"], json!([]));
}

#[test]
fn a_roster_goes_below_a_position_of_a_plan() {
    let mut app = App::new();
    let plan = app.call("create_plan", json!({"template": "team-8", "name": "八人"}));
    let id = plan["doc"]["plan"]["id"].as_str().unwrap().to_string();
    let manager = plan["doc"]["positions"][0]["id"].clone();
    let before = app.doc(&id);
    let roster = "姓名,职位,直属上级,部门\n刘洋,直播主管,,直播部\n孙丽,主播,刘洋,直播部\n吴迪,主播,刘洋,直播部\n";
    let out = app.roster("直播组.csv", roster, json!({"plan": id, "under": manager}));
    let doc = out["merged"]["doc"].clone();
    let positions = doc["positions"].as_array().unwrap();
    assert_eq!(
        positions.len(),
        before["positions"].as_array().unwrap().len() + 2
    );
    let lead = positions.iter().find(|p| p["title"] == "直播主管").unwrap();
    assert_eq!(lead["parent"], manager);
    let host = positions.iter().find(|p| p["title"] == "主播").unwrap();
    assert_eq!(host["headcount"], 2);
    assert_eq!(
        host["role"], "role-live",
        "主播 is the library's 内容/直播运营"
    );
    assert_eq!(names(&doc), ["刘洋", "吴迪", "孙丽"]);
    assert_eq!(out["changes"]["leavers"], json!([]), "no one leaves");
    // One undo step.
    let undone = app.call("undo", json!({ "plan": id }))["doc"].clone();
    assert_eq!(undone, before_without_revision(&before, &undone));
    // A position that is not in the plan is refused by name.
    let err = app.fails(
        "import_roster",
        json!({"file_name": "x.csv", "plan": id, "under": uuid::Uuid::new_v4(),
               "base64": base64::engine::general_purpose::STANDARD.encode(roster)}),
    );
    assert_eq!(kind(&err), "not_found");
}

#[test]
fn departments_nest_and_never_loop() {
    let mut app = App::new();
    let plan = app.call("create_plan", json!({"template": "team-8", "name": "八人"}));
    let id = plan["doc"]["plan"]["id"].as_str().unwrap().to_string();
    let a = app.call("add_department", json!({"plan": id, "name": "运营中心"}));
    let center = a["created"].clone();
    let b = app.call(
        "add_department",
        json!({"plan": id, "name": "客服部", "parent": center}),
    );
    let service = b["created"].clone();
    let doc = app.doc(&id);
    let found = doc["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == service)
        .unwrap()
        .clone();
    assert_eq!(found["parent"], center);
    // 运营中心 within 客服部 would put it within itself.
    let err = app.fails(
        "update_department",
        json!({"plan": id, "department": center, "parent": service}),
    );
    assert_eq!(kind(&err), "invalid_input");
    assert!(err.message.contains("运营中心"), "{}", err.message);
    // Removing the centre moves 客服部 up.
    let after = app.call(
        "remove_department",
        json!({"plan": id, "department": center}),
    );
    let moved = after["doc"]["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == service)
        .unwrap()
        .clone();
    assert_eq!(moved["parent"], Value::Null);
}

/// 对比 of an imported team (today) with a template (the proposal): positions stand for the
/// same library role, so the team's 客服 is the template's 售前客服 (renamed), not a removal
/// and an addition; the template's 售后客服 is new.
#[test]
fn compare_matches_an_imported_team_to_a_template_by_role() {
    let mut app = App::new();
    let today = app.roster("现状.csv", NOVEMBER, json!({"name": "现状"}));
    let today = created(&today);
    app.call("create_plan", json!({"template": "team-8", "name": "提案"}));
    let c = app.call("compare_plans", json!({"a": today, "b": "提案"}));
    let renamed: Vec<(String, String)> = c["renamed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["before"].as_str().unwrap().to_string(),
                r["after"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        renamed.contains(&("客服".to_string(), "售前客服".to_string())),
        "{renamed:?}"
    );
    let titles = |list: &Value, key: Option<&str>| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|x| {
                let p = key.map_or(x, |k| &x[k]);
                p["title"].as_str().unwrap().to_string()
            })
            .collect()
    };
    let added = titles(&c["added"], None);
    assert!(added.contains(&"售后客服".to_string()), "{added:?}");
    assert!(!added.contains(&"售前客服".to_string()), "{added:?}");
    assert!(
        !added.contains(&"店长".to_string()),
        "店长 is 店长: {added:?}"
    );
    let removed = titles(&c["removed"], Some("position"));
    assert!(!removed.contains(&"客服".to_string()), "{removed:?}");
}

fn position_titled<'a>(doc: &'a Value, title: &str) -> &'a Value {
    entry(doc, "positions", "title", title)
}

fn suggested_titles(doc: &Value) -> Vec<String> {
    let mut t: Vec<String> = doc["plan"]["roster"]["suggested"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| {
            doc["positions"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| &p["id"] == id)
                .unwrap()["title"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    t.sort();
    t
}

#[test]
fn library_content_of_matched_titles_stays_a_suggestion_until_reviewed() {
    let mut app = App::new();
    let out = app.roster("十一月.csv", NOVEMBER, json!({"name": "建议"}));
    let plan = created(&out);
    let doc = app.doc(&plan);
    // Every matched title got the library's duties, flagged; nothing else is.
    assert_eq!(suggested_titles(&doc), ["客服", "店长", "美工"]);
    let cs = position_titled(&doc, "客服").clone();
    assert!(
        !cs["duties"].as_array().unwrap().is_empty(),
        "the role's duties were copied"
    );

    // Accepting keeps the content and drops the flag, as one undoable edit.
    let accepted = app.call(
        "accept_suggestion",
        json!({"plan": plan, "position": cs["id"]}),
    );
    assert_eq!(accepted["history"]["undo"], "accept_suggestion");
    let doc = accepted["doc"].clone();
    assert_eq!(suggested_titles(&doc), ["店长", "美工"]);
    assert_eq!(position_titled(&doc, "客服")["duties"], cs["duties"]);
    // Twice is refused in plain words, and nothing changes.
    let err = app.fails(
        "accept_suggestion",
        json!({"plan": plan, "position": cs["id"]}),
    );
    assert_eq!(kind(&err), "not_found");
    assert!(err.message.contains("客服"), "{}", err.message);

    // Editing the duties is reviewing them; editing the title is not.
    let artist = position_titled(&doc, "美工")["id"].clone();
    let doc = app.call(
        "update_position",
        json!({"plan": plan, "position": artist, "title": "视觉设计"}),
    )["doc"]
        .clone();
    assert_eq!(suggested_titles(&doc), ["店长", "视觉设计"]);
    let doc = app.call(
        "update_position",
        json!({"plan": plan, "position": artist, "duties": ["主图与详情页"]}),
    )["doc"]
        .clone();
    assert_eq!(suggested_titles(&doc), ["店长"]);
    let undone = app.call("undo", json!({ "plan": plan }))["doc"].clone();
    assert_eq!(suggested_titles(&undone), ["店长", "视觉设计"]);

    // The flag travels with the plan file, and a copy made from it.
    let file = app.call("export_plan", json!({ "plan": plan }));
    let copy = app.call("import_plan", json!({ "text": file["text"] }));
    assert_eq!(suggested_titles(&copy["doc"]), ["店长", "视觉设计"]);

    // Deleting a suggested position drops it from the list.
    let manager = position_titled(&undone, "店长")["id"].clone();
    let store = position_titled(&undone, "视觉设计")["id"].clone();
    let doc = app.call("delete_position", json!({"plan": plan, "position": store}))["doc"].clone();
    assert_eq!(suggested_titles(&doc), ["店长"]);
    assert_eq!(doc["plan"]["roster"]["suggested"], json!([manager]));
}

#[test]
fn a_roster_merged_in_flags_only_the_positions_it_added() {
    let mut app = App::new();
    let out = app.roster("十一月.csv", NOVEMBER, json!({"name": "合并建议"}));
    let plan = created(&out);
    let doc = app.doc(&plan);
    let manager = position_titled(&doc, "店长")["id"].clone();
    app.call(
        "accept_suggestion",
        json!({"plan": plan, "position": manager}),
    );
    // December adds 售后客服, a library title; 店长 stays accepted.
    let out = app.roster("十二月.csv", DECEMBER, json!({"plan": plan}));
    let doc = out["merged"]["doc"].clone();
    assert_eq!(suggested_titles(&doc), ["售后客服", "客服", "美工"]);
}

#[test]
fn a_roster_previewed_before_another_edit_is_refused_whole() {
    let mut app = App::new();
    let out = app.roster("十一月.csv", NOVEMBER, json!({"name": "冲突"}));
    let plan = created(&out);
    let seen = app.call("get_plan", json!({ "plan": plan }))["revision"].clone();
    let preview = app.roster(
        "十二月.csv",
        DECEMBER,
        json!({"plan": plan, "dry_run": true, "revision": seen}),
    );
    assert!(!preview["changes"]["joiners"].as_array().unwrap().is_empty());
    // Someone edits the plan (anything at all) after the preview was shown.
    let edited = app.call("update_plan", json!({"plan": plan, "company": "云杉电商"}));
    let before = edited["doc"].clone();
    let err = app.fails(
        "import_roster",
        json!({"file_name": "十二月.csv", "plan": plan, "revision": seen,
               "base64": base64::engine::general_purpose::STANDARD.encode(DECEMBER)}),
    );
    assert_eq!(kind(&err), "conflict", "{}", err.message);
    assert_eq!(app.doc(&plan), before, "nothing written");
    // Previewed again at the current revision, it goes in.
    let now = edited["revision"].clone();
    let out = app.roster(
        "十二月.csv",
        DECEMBER,
        json!({"plan": plan, "revision": now}),
    );
    assert!(names(&out["merged"]["doc"]).contains(&"陈晨".to_string()));
}
