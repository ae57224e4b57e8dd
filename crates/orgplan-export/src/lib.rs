//! OrgPlan's documents. [`model`] says what each document contains; the other modules render
//! it: Markdown, HTML and CSV in [`text`], Word in [`docx`], Excel in [`xlsx`], the chart in
//! [`svg`]. Nothing here does IO: each export returns bytes (or several named files) for the
//! caller to write.

pub mod docx;
pub mod labels;
pub mod model;
mod ooxml;
pub mod svg;
pub mod text;
pub mod xlsx;

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
    /// Job descriptions as a Word document.
    Docx,
    /// The sheets as one Excel workbook.
    Xlsx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Md => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Svg => "svg",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
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
    /// The DOCX or XLSX library refused to build the file (not expected with valid plans).
    #[error("could not build the {0} file: {1}")]
    Build(&'static str, String),
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
        Format::Docx => Output::File(
            docx::job_descriptions(&jds(), opts.lang).map_err(|e| ExportError::Build("docx", e))?,
        ),
        Format::Xlsx => Output::File(
            xlsx::workbook(&model::sheets(doc, opts.lang))
                .map_err(|e| ExportError::Build("xlsx", e))?,
        ),
        Format::Csv => Output::Files(
            model::sheets(doc, opts.lang)
                .iter()
                .map(|s| (format!("{}.csv", s.slug), text::csv(s)))
                .collect(),
        ),
    })
}
