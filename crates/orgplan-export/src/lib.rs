//! OrgPlan's documents. [`model`] says what each document contains; the other modules render
//! it: Markdown, HTML and CSV in [`text`], the chart in [`svg`]. Nothing here does IO: each
//! export returns bytes (or several named files) for the caller to write.

pub mod labels;
pub mod model;
pub mod svg;
pub mod text;

use chrono::NaiveDate;
use orgplan_core::{Id, Lang, PlanDoc};
use thiserror::Error;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Md,
    Html,
    Csv,
    Svg,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Md => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Svg => "svg",
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub lang: Lang,
    /// Only this position's job description.
    pub position: Option<Id>,
    /// The date printed on documents.
    pub date: NaiveDate,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ExportError {
    #[error("no position {0} in this plan")]
    NoPosition(Id),
}

/// What an export produces: one file, or several named files (CSV: one a sheet).
#[derive(Debug, PartialEq)]
pub enum Output {
    File(Vec<u8>),
    Files(Vec<(String, Vec<u8>)>),
}

pub fn export(doc: &PlanDoc, format: Format, opts: &Options) -> Result<Output, ExportError> {
    if let Some(p) = opts.position {
        if doc.position(p).is_none() {
            return Err(ExportError::NoPosition(p));
        }
    }
    let jds = || model::job_descriptions(doc, opts.lang, opts.date, opts.position);
    Ok(match format {
        Format::Json => Output::File(orgplan_core::file::export(doc).into_bytes()),
        Format::Md => Output::File(text::markdown(&jds(), opts.lang).into_bytes()),
        Format::Html => Output::File(text::html(&jds(), opts.lang).into_bytes()),
        Format::Svg => Output::File(svg::chart(doc, opts.lang).into_bytes()),
        Format::Csv => Output::Files(
            model::sheets(doc, opts.lang)
                .iter()
                .map(|s| (format!("{}.csv", s.slug), text::csv(s)))
                .collect(),
        ),
    })
}
