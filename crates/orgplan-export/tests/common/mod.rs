//! What every export test starts from: a template's plan, export options on a fixed date, and
//! an export that is one file.

use chrono::{NaiveDate, TimeZone, Utc};
use orgplan_core::templates::instantiate;
use orgplan_core::{Lang, PlanDoc};
use orgplan_export::{export, Format, Options, Output, Paper};

pub fn opts(lang: Lang) -> Options {
    Options {
        lang,
        position: None,
        date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        paper: Paper::A4,
        personal: false,
        names: false,
    }
}

pub fn plan(id: &str) -> PlanDoc {
    instantiate(id, Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()).unwrap()
}

pub fn bytes(doc: &PlanDoc, format: Format, o: &Options) -> Vec<u8> {
    match export(doc, format, o).unwrap_or_else(|e| panic!("{format:?}: {e}")) {
        Output::File(b) => b,
        Output::Files(_) => panic!("one file expected"),
    }
}
