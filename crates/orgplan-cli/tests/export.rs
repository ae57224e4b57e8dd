//! `orgplan export` in every format, through the built binary, from a team-8 plan: each file
//! is checked by its magic bytes and read back (JSON, text, SVG and PDF text, the zip parts of
//! DOCX and XLSX, the PNG header). And the failures: an unknown position is `not_found`.

use std::path::Path;
use std::process::{Command, Output};

fn orgplan(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("ORGPLAN_DB")
        .output()
        .unwrap()
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = orgplan(db, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Whether a zip archive names `part` (its central directory stores names uncompressed).
fn has_part(zip: &[u8], part: &str) -> bool {
    zip.windows(part.len()).any(|w| w == part.as_bytes())
}

/// Text without white space, as pdf-extract gives it.
fn pdf_text(pdf: &[u8]) -> String {
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text extracts");
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A PNG's width and height, from its IHDR chunk.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(&png[12..16], b"IHDR");
    let n = |i: usize| u32::from_be_bytes(png[i..i + 4].try_into().unwrap());
    (n(16), n(20))
}

#[test]
fn every_format_from_a_team_8_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let id = ok(&db, &["new", "--template", "team-8", "--name", "八人店"])
        .trim()
        .to_string();
    let export = |format: &str, name: &str, extra: &[&str]| -> Vec<u8> {
        let out = dir.path().join(name);
        let mut args = vec!["export", &id, "--format", format, "--out"];
        let path = out.to_str().unwrap().to_string();
        args.push(&path);
        args.extend_from_slice(extra);
        ok(&db, &args);
        if out.is_dir() {
            return Vec::new();
        }
        std::fs::read(&out).unwrap()
    };

    let json: serde_json::Value =
        serde_json::from_slice(&export("json", "plan.json", &[])).unwrap();
    assert_eq!(json["format"], "orgplan");
    let md = String::from_utf8(export("md", "jd.md", &[])).unwrap();
    assert!(md.contains("# 店长 · 岗位说明书"), "{md}");
    let html = String::from_utf8(export("html", "jd.html", &[])).unwrap();
    assert!(html.contains("<html") && html.contains("店长 · 岗位说明书"));
    export("csv", "sheets", &[]);
    for sheet in ["establishment.csv", "kpi.csv", "people.csv"] {
        let csv = std::fs::read_to_string(dir.path().join("sheets").join(sheet)).unwrap();
        assert!(!csv.is_empty(), "{sheet}");
    }
    let svg = String::from_utf8(export("svg", "chart.svg", &[])).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("店长"));

    let docx = export("docx", "jd.docx", &[]);
    assert!(docx.starts_with(b"PK\x03\x04") && has_part(&docx, "word/document.xml"));
    let xlsx = export("xlsx", "sheets.xlsx", &[]);
    assert!(xlsx.starts_with(b"PK\x03\x04") && has_part(&xlsx, "xl/workbook.xml"));

    let pdf = pdf_text(&export("pdf", "jd.pdf", &[]));
    for title in ["店长", "售前客服", "数据分析组长"] {
        assert!(pdf.contains(&format!("{title}·岗位说明书")), "{title}");
    }
    let en = pdf_text(&export("pdf", "jd-en.pdf", &["--lang", "en"]));
    assert!(en.contains("Jobdescription") && en.contains("Reportsto"));

    // The PNG is the SVG at twice its size.
    let svg_size = |attr: &str| -> f32 {
        let at = svg.find(&format!(" {attr}=\"")).unwrap() + attr.len() + 3;
        svg[at..at + svg[at..].find('"').unwrap()].parse().unwrap()
    };
    let (w, h) = png_size(&export("png", "chart.png", &[]));
    assert_eq!(
        (w, h),
        (
            (svg_size("width") * 2.0).ceil() as u32,
            (svg_size("height") * 2.0).ceil() as u32
        )
    );

    let a4 = export("chart-pdf", "chart-a4.pdf", &[]);
    let a3 = export("chart-pdf", "chart-a3.pdf", &["--paper", "a3"]);
    let (t4, t3) = (pdf_text(&a4), pdf_text(&a3));
    assert!(t4.contains("组织架构图") && t4.contains("店长"));
    assert!(t3.contains("八人店") && t3.contains("售前客服"));
    assert_ne!(a4, a3, "the paper is a different size");
}

#[test]
fn export_failures_are_typed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let id = ok(&db, &["new", "--template", "team-5"]).trim().to_string();
    let out_path = dir.path().join("x.pdf");
    let out = out_path.to_str().unwrap();
    let export = |lang: &str, extra: &[&str]| {
        let mut args = vec!["--lang", lang, "export", &id, "--out", out];
        args.extend_from_slice(extra);
        let run = orgplan(&db, &args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(!out_path.exists(), "{args:?}: nothing written");
        String::from_utf8_lossy(&run.stderr).into_owned()
    };
    // A position that is not in the plan: not found, in the chosen language.
    let nil = "00000000-0000-0000-0000-000000000000";
    let zh = export("zh", &["--format", "pdf", "--position", nil]);
    assert!(zh.contains("方案中没有岗位"), "{zh}");
    let en = export("en", &["--format", "docx", "--position", nil]);
    assert!(en.contains("no position"), "{en}");
    // Not an id at all, an unknown format, an unknown paper: refused before anything runs.
    export("zh", &["--format", "pdf", "--position", "x"]);
    export("zh", &["--format", "gif"]);
    export("zh", &["--format", "chart-pdf", "--paper", "a5"]);
    // The help lists every format.
    let help = ok(&db, &["export", "--help"]);
    for f in [
        "json",
        "md",
        "html",
        "docx",
        "pdf",
        "xlsx",
        "csv",
        "svg",
        "png",
        "chart-pdf",
        "a3",
    ] {
        assert!(help.contains(f), "{f} in {help}");
    }
}
