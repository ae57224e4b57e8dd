//! Writes a template's job descriptions (DOCX) and sheets (XLSX) into a folder, so they can be
//! opened or rendered: `cargo run -p orgplan-export --example render -- OUT_DIR [TEMPLATE] [zh|en]`.
//! `scripts/render-docs.sh` renders them to PDF and PNG pages.

use chrono::{NaiveDate, TimeZone, Utc};
use orgplan_core::templates::instantiate;
use orgplan_core::Lang;
use orgplan_export::{export, Format, Options, Output};

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(
        args.next()
            .expect("usage: render OUT_DIR [TEMPLATE] [zh|en]"),
    );
    let template = args.next().unwrap_or_else(|| "team-8".into());
    let lang = match args.next().as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    };
    let doc = instantiate(
        &template,
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
    )
    .unwrap_or_else(|e| panic!("{template}: {e}"));
    let opts = Options {
        lang,
        position: None,
        date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    };
    std::fs::create_dir_all(&out).expect("create the output folder");
    for format in [Format::Docx, Format::Xlsx] {
        let Output::File(bytes) = export(&doc, format, &opts).expect("export") else {
            unreachable!("DOCX and XLSX are one file each")
        };
        let path = out.join(format!("{template}.{}", format.extension()));
        std::fs::write(&path, bytes).expect("write");
        println!("{}", path.display());
    }
}
