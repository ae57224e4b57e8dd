//! `export_document` and `job_description` through `dispatch`, as every client calls them.

use base64::Engine;
use orgplan_api::{dispatch, Ctx, ErrorKind};
use orgplan_core::Lang;
use orgplan_store::Store;
use serde_json::{json, Value};

fn demo(lang: Lang) -> (tempfile::TempDir, Ctx, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.db")).unwrap();
    let mut ctx = Ctx::new(store, lang);
    let state = dispatch(
        &mut ctx,
        "create_plan",
        json!({"template": "team-8", "name": "八人团队"}),
    )
    .unwrap();
    let plan = state["doc"]["plan"]["id"].as_str().unwrap().to_string();
    let manager = state["doc"]["positions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == "店长")
        .expect("the 8-person template has 店长")["id"]
        .as_str()
        .unwrap()
        .to_string();
    (dir, ctx, plan, manager)
}

fn export(ctx: &mut Ctx, args: Value) -> (String, String, Vec<u8>) {
    file(ctx, "export_document", args)
}

/// A command that returns a file: its name, MIME type and bytes.
fn file(ctx: &mut Ctx, command: &str, args: Value) -> (String, String, Vec<u8>) {
    let out = dispatch(ctx, command, args).unwrap();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(out["base64"].as_str().unwrap())
        .unwrap();
    (
        out["file_name"].as_str().unwrap().to_string(),
        out["mime"].as_str().unwrap().to_string(),
        bytes,
    )
}

#[test]
fn every_format_returns_its_file_with_name_and_mime() {
    let (_d, mut ctx, plan, _) = demo(Lang::Zh);
    let cases: [(&str, &str, &[u8], &str); 9] = [
        (
            "docx",
            "八人团队-岗位说明书.docx",
            b"PK\x03\x04",
            "wordprocessingml",
        ),
        (
            "xlsx",
            "八人团队-定岗定编.xlsx",
            b"PK\x03\x04",
            "spreadsheetml",
        ),
        (
            "pdf",
            "八人团队-岗位说明书.pdf",
            b"%PDF-",
            "application/pdf",
        ),
        (
            "chart-pdf",
            "八人团队-组织架构图-A4.pdf",
            b"%PDF-",
            "application/pdf",
        ),
        (
            "png",
            "八人团队-组织架构图.png",
            b"\x89PNG\r\n\x1a\n",
            "image/png",
        ),
        ("svg", "八人团队-组织架构图.svg", b"<svg", "image/svg+xml"),
        (
            "html",
            "八人团队-岗位说明书.html",
            b"<!doctype html>",
            "text/html",
        ),
        ("md", "八人团队-岗位说明书.md", b"#", "text/markdown"),
        ("json", "八人团队.orgplan.json", b"{", "application/json"),
    ];
    for (format, name, magic, mime) in cases {
        let (file_name, m, bytes) = export(&mut ctx, json!({"plan": plan, "format": format}));
        assert_eq!(file_name, name, "{format}");
        assert!(m.contains(mime), "{format}: {m}");
        let start = String::from_utf8_lossy(&bytes[..magic.len().min(bytes.len())]).to_string();
        assert!(
            bytes.starts_with(magic)
                || (format == "svg" && String::from_utf8_lossy(&bytes).contains("<svg")),
            "{format} starts with {start:?}"
        );
    }
    let (name, _, bytes) = export(
        &mut ctx,
        json!({"plan": "八人团队", "format": "chart-pdf", "paper": "a3"}),
    );
    assert_eq!(name, "八人团队-组织架构图-A3.pdf");
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn one_position_and_english_names() {
    let (_d, mut ctx, plan, manager) = demo(Lang::Zh);
    let (name, _, bytes) = export(
        &mut ctx,
        json!({"plan": plan, "format": "html", "position": manager}),
    );
    assert_eq!(name, "八人团队-店长-岗位说明书.html");
    let html = String::from_utf8(bytes).unwrap();
    assert!(html.contains("店长"));
    assert!(!html.contains("客服主管"), "only the one position");

    ctx.lang = Lang::En;
    let (name, _, _) = export(&mut ctx, json!({"plan": plan, "format": "xlsx"}));
    assert_eq!(name, "八人团队-establishment.xlsx");
    let (name, _, _) = export(&mut ctx, json!({"plan": plan, "format": "png"}));
    assert_eq!(name, "八人团队-org-chart.png");
}

#[test]
fn refusals_have_their_kind() {
    let (_d, mut ctx, plan, _) = demo(Lang::Zh);
    let kind =
        |ctx: &mut Ctx, args: Value| dispatch(ctx, "export_document", args).unwrap_err().kind;
    assert_eq!(
        kind(&mut ctx, json!({"plan": plan, "format": "csv"})),
        ErrorKind::BadArguments
    );
    assert_eq!(
        kind(&mut ctx, json!({"plan": plan, "format": "doc"})),
        ErrorKind::BadArguments
    );
    assert_eq!(
        kind(
            &mut ctx,
            json!({"plan": plan, "format": "pdf", "paper": "a5"})
        ),
        ErrorKind::BadArguments
    );
    assert_eq!(
        kind(
            &mut ctx,
            json!({"plan": plan, "format": "docx", "position": "nope"})
        ),
        ErrorKind::BadArguments
    );
    let stranger = "00000000-0000-4000-8000-000000000000";
    assert_eq!(
        kind(
            &mut ctx,
            json!({"plan": plan, "format": "docx", "position": stranger})
        ),
        ErrorKind::NotFound
    );
    assert_eq!(
        kind(&mut ctx, json!({"plan": "没有这个方案", "format": "docx"})),
        ErrorKind::NotFound
    );
    let e = dispatch(
        &mut ctx,
        "job_description",
        json!({"plan": plan, "position": stranger}),
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
}

#[test]
fn job_description_is_the_printed_content() {
    let (_d, mut ctx, plan, manager) = demo(Lang::Zh);
    let jd = dispatch(
        &mut ctx,
        "job_description",
        json!({"plan": plan, "position": manager}),
    )
    .unwrap();
    assert_eq!(jd["title"], "店长");
    assert_eq!(jd["plan"], "八人团队");
    assert!(!jd["duties"].as_array().unwrap().is_empty());
    let kpis = jd["kpis"].as_array().unwrap();
    assert!(!kpis.is_empty());
    let sum: u64 = kpis.iter().map(|k| k["weight"].as_u64().unwrap()).sum();
    assert_eq!(jd["kpi_total"].as_u64().unwrap(), sum);
    assert!(kpis[0]["metric"].is_string() && kpis[0]["cycle"].is_string());
    let date = jd["date"].as_str().unwrap();
    assert_eq!(date.len(), 10, "{date}");
    assert_eq!(&date[4..5], "-");
    assert!(jd["superior"].is_string());
}

#[test]
fn comparison_exports_as_workbook_and_pdf_named_after_both_plans() {
    let (_d, mut ctx, eight, _) = demo(Lang::Zh);
    let thirty = dispatch(
        &mut ctx,
        "create_plan",
        json!({"template": "team-30", "name": "运营中心"}),
    )
    .unwrap()["doc"]["plan"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let run = |ctx: &mut Ctx, format: &str| {
        file(
            ctx,
            "export_comparison",
            json!({"a": eight, "b": thirty, "format": format}),
        )
    };
    let (name, mime, bytes) = run(&mut ctx, "xlsx");
    assert_eq!(name, "方案对比-八人团队-运营中心.xlsx");
    assert!(mime.contains("spreadsheetml"));
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let (name, mime, bytes) = run(&mut ctx, "pdf");
    assert_eq!(name, "方案对比-八人团队-运营中心.pdf");
    assert_eq!(mime, "application/pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    // Plans by name work as well as by id; English names the file in English.
    ctx.lang = Lang::En;
    let out = dispatch(
        &mut ctx,
        "export_comparison",
        json!({"a": "八人团队", "b": "运营中心", "format": "xlsx", "paper": "a3"}),
    )
    .unwrap();
    assert_eq!(out["file_name"], "comparison-八人团队-运营中心.xlsx");

    let kind =
        |ctx: &mut Ctx, args: Value| dispatch(ctx, "export_comparison", args).unwrap_err().kind;
    assert_eq!(
        kind(&mut ctx, json!({"a": eight, "b": thirty, "format": "docx"})),
        ErrorKind::BadArguments
    );
    assert_eq!(
        kind(&mut ctx, json!({"a": eight, "format": "pdf"})),
        ErrorKind::BadArguments
    );
    assert_eq!(
        kind(
            &mut ctx,
            json!({"a": eight, "b": "没有这个方案", "format": "pdf"})
        ),
        ErrorKind::NotFound
    );
}

/// An export prepared under the store and rendered after: the store is free in between (an
/// edit goes through), the file is the plan as it was read, and refusals come at preparing.
#[test]
fn a_prepared_export_renders_without_the_store() {
    let (_d, mut ctx, plan, manager) = demo(Lang::Zh);
    let prepared = orgplan_api::prepare_export(
        &mut ctx,
        "export_document",
        json!({"plan": plan, "format": "md"}),
    )
    .unwrap();
    // The store takes an edit while the export waits.
    dispatch(
        &mut ctx,
        "update_position",
        json!({"plan": plan, "position": manager, "title": "店铺经理"}),
    )
    .unwrap();
    let out = prepared.render().unwrap();
    let md = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(out.base64)
            .unwrap(),
    )
    .unwrap();
    assert!(md.contains("店长"), "the plan as read");
    assert!(!md.contains("店铺经理"));
    assert_eq!(
        export(&mut ctx, json!({"plan": plan, "format": "md"})).0,
        out.file_name
    );

    // A prepared comparison renders the same file as the command.
    let prepared = orgplan_api::prepare_export(
        &mut ctx,
        "export_comparison",
        json!({"a": plan, "b": plan, "format": "xlsx"}),
    )
    .unwrap();
    assert!(prepared.render().unwrap().file_name.ends_with(".xlsx"));

    let kind = |ctx: &mut Ctx, command: &str, args: Value| {
        orgplan_api::prepare_export(ctx, command, args)
            .err()
            .map(|e| e.kind)
    };
    assert_eq!(
        kind(
            &mut ctx,
            "export_document",
            json!({"plan": plan, "format": "csv"})
        ),
        Some(ErrorKind::BadArguments)
    );
    assert_eq!(
        kind(
            &mut ctx,
            "export_document",
            json!({"plan": plan, "format": "pdf", "position": "00000000-0000-4000-8000-000000000000"})
        ),
        Some(ErrorKind::NotFound)
    );
    assert_eq!(
        kind(
            &mut ctx,
            "export_comparison",
            json!({"a": plan, "b": "没有", "format": "pdf"})
        ),
        Some(ErrorKind::NotFound)
    );
    assert_eq!(
        kind(&mut ctx, "list_plans", json!({})),
        Some(ErrorKind::UnknownCommand)
    );
}
