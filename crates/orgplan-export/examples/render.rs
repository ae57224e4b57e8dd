//! Writes a template's documents into a folder, so they can be opened or rendered: the job
//! descriptions (DOCX, PDF), the sheets (XLSX) and the chart (PNG, and PDF on A4 and A3).
//! `cargo run -p orgplan-export --example render -- OUT_DIR [TEMPLATE] [zh|en]`.
//! `scripts/render-docs.sh` turns the documents into PNG pages.

use chrono::{NaiveDate, TimeZone, Utc};
use orgplan_core::templates::instantiate;
use orgplan_core::Lang;
use orgplan_export::{export, Format, Options, Output, Paper};

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
        paper: Paper::A4,
        personal: false,
        names: false,
    };
    std::fs::create_dir_all(&out).expect("create the output folder");
    let files = [
        (Format::Docx, Paper::A4, "docx"),
        (Format::Xlsx, Paper::A4, "xlsx"),
        (Format::Pdf, Paper::A4, "jd.pdf"),
        (Format::Png, Paper::A4, "chart.png"),
        (Format::ChartPdf, Paper::A4, "chart-a4.pdf"),
        (Format::ChartPdf, Paper::A3, "chart-a3.pdf"),
    ];
    for (format, paper, name) in files {
        let opts = Options { paper, ..opts };
        let Output::File(bytes) =
            export(&doc, format, &opts).unwrap_or_else(|e| panic!("{name}: {e}"))
        else {
            unreachable!("one file each")
        };
        let path = out.join(format!("{template}.{name}"));
        std::fs::write(&path, bytes).expect("write");
        println!("{}", path.display());
    }
}
