//! OrgPlan's documents. [`model`] says what each document contains; the other modules render
//! it: Markdown, HTML and CSV in [`text`], Word in [`docx`], Excel in [`xlsx`], the chart in
//! [`svg`], PDF in [`pdf`] and PNG in [`png`]. PDF and PNG go through SVG: the pages are SVG
//! we write ourselves, the chart is [`svg::chart`]'s; resvg rasterises, krilla writes the PDF
//! with the fonts embedded. Nothing here writes files: each export returns bytes (or several
//! named files) for the caller to write; PDF and PNG read the system's fonts once ([`fonts`]).

pub mod consultant;
pub mod docx;
pub mod fonts;
mod jd_pages;
pub mod labels;
pub mod model;
mod ooxml;
pub mod pdf;
pub mod png;
pub mod svg;
pub mod text;
mod typeset;
pub mod xlsx;

use chrono::{Datelike, NaiveDate};
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
    /// Job descriptions as a PDF: A4 portrait, each position from a new page.
    Pdf,
    /// The chart as a PDF on [`Options::paper`] (landscape), split into a grid of pages when
    /// it would otherwise print too small.
    ChartPdf,
    /// The chart as a PNG image at twice its SVG size.
    Png,
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
            Format::Pdf | Format::ChartPdf => "pdf",
            Format::Png => "png",
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
    /// The paper of the chart PDF (job descriptions are always A4).
    pub paper: Paper,
    /// Include people's 手机 and 邮箱 (personal data) in the plan file and the 花名册.
    pub personal: bool,
    /// Name who holds each seat on the chart (SVG, PNG, chart PDF).
    pub names: bool,
}

/// Paper sizes for the chart PDF, used in landscape.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    #[default]
    A4,
    A3,
}

impl Paper {
    /// Width and height in points, landscape.
    pub fn landscape(self) -> (f32, f32) {
        match self {
            Paper::A4 => (841.89, 595.28),
            Paper::A3 => (1190.55, 841.89),
        }
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ExportError {
    #[error("no position {0} in this plan")]
    NoPosition(Id),
    /// A library refused to build the file (not expected with valid plans).
    #[error("could not build the {0} file: {1}")]
    Build(&'static str, String),
    /// PDF and PNG need a Chinese font on the system, and none of [`fonts::FAMILIES`] is there.
    #[error("no Chinese font found for PDF and PNG: install Noto Sans CJK SC (Debian and Ubuntu: fonts-noto-cjk) or Source Han Sans SC; macOS has PingFang SC and Windows Microsoft YaHei")]
    NoFont,
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
    // The HR sheets, then the goals split over the export date's year.
    let sheets = || {
        let mut s = model::sheets_with(doc, opts.lang, opts.personal);
        s.push(consultant::goal_sheet(doc, opts.date.year(), opts.lang));
        s
    };
    Ok(match format {
        Format::Json => {
            Output::File(orgplan_core::file::export_with(doc, opts.personal).into_bytes())
        }
        Format::Md => Output::File(text::markdown(&jds(), opts.lang).into_bytes()),
        Format::Html => Output::File(text::html(&jds(), opts.lang).into_bytes()),
        Format::Svg => Output::File(svg::chart(doc, opts.lang, opts.names).into_bytes()),
        Format::Docx => Output::File(
            docx::job_descriptions(&jds(), opts.lang).map_err(|e| ExportError::Build("docx", e))?,
        ),
        Format::Xlsx => {
            Output::File(xlsx::workbook(&sheets()).map_err(|e| ExportError::Build("xlsx", e))?)
        }
        Format::Pdf => Output::File(pdf::job_descriptions(&jds(), opts.lang, opts.date)?),
        Format::ChartPdf => Output::File(pdf::chart(
            doc, opts.lang, opts.paper, opts.date, opts.names,
        )?),
        Format::Png => Output::File(png::chart(doc, opts.lang, opts.names)?),
        Format::Csv => Output::Files(
            sheets()
                .iter()
                .map(|s| (format!("{}.csv", s.slug), text::csv(s)))
                .collect(),
        ),
    })
}
