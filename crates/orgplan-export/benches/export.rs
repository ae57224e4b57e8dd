//! Benchmarks of the biggest document a user waits for: the job descriptions of a 1,000-position
//! plan (from `orgplan_core::generate`) as one DOCX and as one PDF. The system fonts are loaded
//! once, before timing, as they are once per process. Run: `cargo bench -p orgplan-export`.
//! Figures: docs/benchmarks.md.

use std::time::Duration;

use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use orgplan_core::generate::generate;
use orgplan_core::Lang;
use orgplan_export::{export, Format, Options, Output, Paper};

const POSITIONS: usize = 1_000;

fn size(out: &Output) -> usize {
    match out {
        Output::File(b) => b.len(),
        Output::Files(f) => f.iter().map(|(_, b)| b.len()).sum(),
    }
}

fn job_descriptions(c: &mut Criterion) {
    let doc = generate(
        POSITIONS,
        42,
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
    );
    let opts = Options {
        lang: Lang::Zh,
        position: None,
        date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        paper: Paper::A4,
        personal: false,
        names: false,
    };
    // Loads the fonts, and says how big the files are.
    for format in [Format::Docx, Format::Pdf] {
        let out = export(&doc, format, &opts).expect("export");
        eprintln!(
            "{POSITIONS} job descriptions as {}: {} KiB",
            format.extension(),
            size(&out) / 1024
        );
    }
    let mut group = c.benchmark_group(format!("{POSITIONS} job descriptions"));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("docx", |b| {
        b.iter(|| export(&doc, Format::Docx, &opts).unwrap())
    });
    group.bench_function("pdf", |b| {
        b.iter(|| export(&doc, Format::Pdf, &opts).unwrap())
    });
    group.finish();
}

criterion_group!(benches, job_descriptions);
criterion_main!(benches);
