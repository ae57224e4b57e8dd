//! The documents commands: `export_document` returns one file of any export format as base64
//! (the desktop shell writes it where the user picks, the browser downloads it),
//! `export_comparison` the comparison of two plans likewise, and `job_description` one
//! position's job description for the preview. All render through `orgplan-export`, so the
//! preview, the files and `orgplan export` cannot disagree.

use base64::Engine;
use orgplan_core::{Id, Lang};
use orgplan_export::model::{self, position_title};
use orgplan_export::{Format, Options, Output, Paper};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::handlers::{load_plan, safe_file_name};
use crate::{parse_args, ApiError, Ctx, ErrorKind};
use serde_json::Value;

type R<T> = Result<T, ApiError>;

/// A document format. `csv` is refused by `export_document` (it is several files; the Excel
/// workbook holds the same sheets).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DocFormat {
    /// Job descriptions (岗位说明书) as Word.
    Docx,
    /// Job descriptions as PDF (A4).
    Pdf,
    /// Job descriptions as HTML.
    Html,
    /// Job descriptions as Markdown.
    Md,
    /// 定岗定编, KPI考核表 and 人员 as one Excel workbook.
    Xlsx,
    /// The sheets as CSV files: refused here.
    Csv,
    /// The chart as SVG.
    Svg,
    /// The chart as PNG.
    Png,
    /// The chart as a PDF on `paper`, landscape.
    ChartPdf,
    /// The plan file.
    Json,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PaperSize {
    #[default]
    A4,
    A3,
}

impl From<PaperSize> for Paper {
    fn from(p: PaperSize) -> Paper {
        match p {
            PaperSize::A4 => Paper::A4,
            PaperSize::A3 => Paper::A3,
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ExportDocumentArgs {
    pub plan: String,
    pub format: DocFormat,
    /// Only this position's job description (job-description formats only).
    pub position: Option<Id>,
    /// The chart PDF's paper; A4 when absent.
    pub paper: Option<PaperSize>,
    /// Include people's 手机 and 邮箱 (personal data; only the plan file and the 花名册 have
    /// them).
    pub personal: Option<bool>,
    /// Name who holds each seat on the chart (SVG, PNG, chart PDF); off unless asked.
    pub names: Option<bool>,
}

/// One exported file: its suggested name, MIME type and bytes in base64.
#[derive(Clone, Debug, Deserialize, Serialize, TS)]
pub struct ExportedDocument {
    pub file_name: String,
    pub mime: String,
    pub base64: String,
}

impl DocFormat {
    fn export(self) -> Format {
        match self {
            DocFormat::Docx => Format::Docx,
            DocFormat::Pdf => Format::Pdf,
            DocFormat::Html => Format::Html,
            DocFormat::Md => Format::Md,
            DocFormat::Xlsx => Format::Xlsx,
            DocFormat::Csv => Format::Csv,
            DocFormat::Svg => Format::Svg,
            DocFormat::Png => Format::Png,
            DocFormat::ChartPdf => Format::ChartPdf,
            DocFormat::Json => Format::Json,
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            DocFormat::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            DocFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            DocFormat::Pdf | DocFormat::ChartPdf => "application/pdf",
            DocFormat::Html => "text/html",
            DocFormat::Md => "text/markdown",
            DocFormat::Csv => "text/csv",
            DocFormat::Svg => "image/svg+xml",
            DocFormat::Png => "image/png",
            DocFormat::Json => "application/json",
        }
    }

    fn is_job_description(self) -> bool {
        matches!(
            self,
            DocFormat::Docx | DocFormat::Pdf | DocFormat::Html | DocFormat::Md
        )
    }
}

/// The suggested file name: the plan's name, what the document is, the extension. `only` is
/// the title of the one position a job-description export holds.
pub fn document_file_name(
    plan: &str,
    format: DocFormat,
    only: Option<&str>,
    paper: PaperSize,
    lang: Lang,
) -> String {
    let plan = safe_file_name(plan);
    let ext = format.export().extension();
    let what = match format {
        DocFormat::Json => return format!("{plan}.orgplan.json"),
        f if f.is_job_description() => lang.pick("岗位说明书", "job-descriptions"),
        DocFormat::Xlsx | DocFormat::Csv => lang.pick("定岗定编", "establishment"),
        _ => lang.pick("组织架构图", "org-chart"),
    };
    let mut name = plan;
    if let Some(title) = only.filter(|_| format.is_job_description()) {
        name.push('-');
        name.push_str(&safe_file_name(title));
    }
    name.push('-');
    name.push_str(what);
    if format == DocFormat::ChartPdf {
        name.push_str(match paper {
            PaperSize::A4 => "-A4",
            PaperSize::A3 => "-A3",
        });
    }
    format!("{name}.{ext}")
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

impl ExportedDocument {
    fn new(file_name: String, mime: &str, bytes: &[u8]) -> ExportedDocument {
        ExportedDocument {
            file_name,
            mime: mime.into(),
            base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }
}

/// The bytes of an export that makes one file (every format but CSV).
fn one_file(out: Result<Output, orgplan_export::ExportError>, lang: Lang) -> R<Vec<u8>> {
    match out.map_err(|e| ApiError::from_export(e, lang))? {
        Output::File(bytes) => Ok(bytes),
        Output::Files(_) => unreachable!("only CSV exports several files"),
    }
}

/// An export whose plans have been read: rendering it needs no store, so a long one (the PDF
/// of a large plan) need not hold the store while it runs. The desktop shell prepares under
/// its lock and renders outside it.
pub struct PreparedExport(Box<dyn FnOnce() -> R<ExportedDocument> + Send>);

impl PreparedExport {
    pub fn render(self) -> R<ExportedDocument> {
        (self.0)()
    }
}

/// Reads what `command` (`export_document` or `export_comparison`, with its JSON `args`) needs
/// and returns the rest of the work; refusals (bad arguments, a plan or position not found) come
/// here, render failures from [`PreparedExport::render`].
pub fn prepare_export(ctx: &mut Ctx, command: &str, args: Value) -> R<PreparedExport> {
    match command {
        "export_document" => prepare_document(ctx, parse_args(command, args, ctx.lang)?),
        "export_comparison" => prepare_comparison(ctx, parse_args(command, args, ctx.lang)?),
        _ => Err(ApiError::new(
            ErrorKind::UnknownCommand,
            ctx.lang
                .pick("没有名为 {} 的导出命令", "no export command named {}")
                .replace("{}", command),
        )),
    }
}

pub fn export_document(ctx: &mut Ctx, a: ExportDocumentArgs) -> R<ExportedDocument> {
    prepare_document(ctx, a)?.render()
}

fn prepare_document(ctx: &mut Ctx, a: ExportDocumentArgs) -> R<PreparedExport> {
    let lang = ctx.lang;
    if a.format == DocFormat::Csv {
        return Err(ApiError::new(
            ErrorKind::BadArguments,
            lang.pick(
                "CSV 是多个文件，无法作为一个文件导出；请导出 Excel（xlsx），其中包含同样的表",
                "CSV is several files and cannot be exported as one; export Excel (xlsx), which holds the same sheets",
            ),
        ));
    }
    let doc = load_plan(ctx, &a.plan)?;
    if let Some(p) = a.position.filter(|p| doc.position(*p).is_none()) {
        return Err(ApiError::from_export(
            orgplan_export::ExportError::NoPosition(p),
            lang,
        ));
    }
    Ok(PreparedExport(Box::new(move || {
        let paper = a.paper.unwrap_or_default();
        let opts = Options {
            lang,
            position: a.position,
            date: today(),
            paper: paper.into(),
            personal: a.personal == Some(true),
            names: a.names == Some(true),
        };
        let bytes = one_file(orgplan_export::export(&doc, a.format.export(), &opts), lang)?;
        let only = a
            .position
            .and_then(|p| doc.position(p))
            .map(|p| position_title(p, lang).to_string());
        let name = document_file_name(&doc.plan.name, a.format, only.as_deref(), paper, lang);
        Ok(ExportedDocument::new(name, a.format.mime(), &bytes))
    })))
}

/// The formats a comparison exports to from the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ComparisonDocFormat {
    /// The sheets 方案对比 and 部门对比 as one workbook.
    Xlsx,
    /// The report (figures, departments, every change) and plan B's chart with the changes
    /// marked.
    Pdf,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ExportComparisonArgs {
    /// The plan before.
    pub a: String,
    /// The plan after.
    pub b: String,
    pub format: ComparisonDocFormat,
    /// The paper of the PDF's chart pages; A4 when absent.
    pub paper: Option<PaperSize>,
}

/// The comparison of two plans as one file, named after both plans.
pub fn export_comparison(ctx: &mut Ctx, a: ExportComparisonArgs) -> R<ExportedDocument> {
    prepare_comparison(ctx, a)?.render()
}

fn prepare_comparison(ctx: &mut Ctx, a: ExportComparisonArgs) -> R<PreparedExport> {
    use orgplan_export::consultant::{export_comparison, ComparisonFormat};
    let lang = ctx.lang;
    let (da, db) = (load_plan(ctx, &a.a)?, load_plan(ctx, &a.b)?);
    Ok(PreparedExport(Box::new(move || {
        let (format, mime) = match a.format {
            ComparisonDocFormat::Xlsx => (ComparisonFormat::Xlsx, DocFormat::Xlsx.mime()),
            ComparisonDocFormat::Pdf => (ComparisonFormat::Pdf, DocFormat::Pdf.mime()),
        };
        let opts = Options {
            lang,
            position: None,
            date: today(),
            paper: a.paper.unwrap_or_default().into(),
            personal: false,
            names: false,
        };
        let bytes = one_file(export_comparison(&da, &db, format, &opts), lang)?;
        let name = format!(
            "{}-{}-{}.{}",
            lang.pick("方案对比", "comparison"),
            safe_file_name(&da.plan.name),
            safe_file_name(&db.plan.name),
            format.extension()
        );
        Ok(ExportedDocument::new(name, mime, &bytes))
    })))
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct JobDescriptionArgs {
    pub plan: String,
    pub position: Id,
}

/// A job description (岗位说明书) as the documents print it, in the language of the request.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
pub struct JobDescription {
    pub id: Id,
    pub company: String,
    pub plan: String,
    pub department: String,
    pub title: String,
    pub title_en: String,
    /// The superior's title, or the word for none.
    pub superior: String,
    pub dotted: Vec<String>,
    pub subordinates: Vec<String>,
    pub headcount: u32,
    pub filled: u32,
    pub grade: String,
    /// The date printed on the document, `YYYY-MM-DD`.
    pub date: String,
    pub purpose: String,
    pub duties: Vec<String>,
    pub requirements: Vec<String>,
    pub kpis: Vec<JdKpi>,
    /// The sum of the KPI weights, in percent.
    pub kpi_total: orgplan_core::Weight,
    pub collaborations: Vec<JdCollaboration>,
    pub escalations: Vec<JdEscalation>,
    /// Monthly pay, yuan.
    pub pay_band: Option<JdPayBand>,
    /// The body's sections in the order every document prints them
    /// (`orgplan_export::model::sections`), with their headings in the request's language.
    pub sections: Vec<JdSection>,
    /// The header table's fields (label, value) in the order every document prints them
    /// (`orgplan_export::text::header_rows`), blank values as the word for none.
    pub header: Vec<JdField>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
pub struct JdField {
    pub label: String,
    pub value: String,
}

/// One section of a job description: its heading and what follows.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
pub struct JdSection {
    pub title: String,
    pub body: JdBody,
}

/// What a job-description section holds (see `orgplan_export::model::Body`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum JdBody {
    /// Nothing written (a blank text, an empty list).
    None,
    Text {
        text: String,
    },
    Numbered {
        items: Vec<String>,
    },
    Bullets {
        items: Vec<String>,
    },
    /// Bullets whose items mix plain and emphasised text.
    Rich {
        items: Vec<Vec<JdRun>>,
    },
    /// The KPI table (`kpis` and `kpi_total`).
    Kpis,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
pub struct JdRun {
    pub text: String,
    pub strong: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
pub struct JdKpi {
    pub metric: String,
    pub weight: orgplan_core::Weight,
    pub target: String,
    /// The cycle, in words.
    pub cycle: String,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
pub struct JdCollaboration {
    pub with: String,
    pub about: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
pub struct JdEscalation {
    pub when: String,
    pub to: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
pub struct JdPayBand {
    pub min: u32,
    pub max: u32,
}

impl JobDescription {
    fn new(j: model::JobDescription, lang: orgplan_core::Lang) -> JobDescription {
        let labels = orgplan_export::labels::Labels::of(lang);
        let header = orgplan_export::text::header_rows(&j, labels)
            .into_iter()
            .map(|(label, value)| JdField {
                label: label.to_string(),
                value,
            })
            .collect();
        let sections = model::sections(&j, labels)
            .into_iter()
            .map(|s| JdSection {
                title: s.title.to_string(),
                body: match s.body {
                    model::Body::None => JdBody::None,
                    model::Body::Text(t) => JdBody::Text {
                        text: t.to_string(),
                    },
                    model::Body::Numbered(items) => JdBody::Numbered {
                        items: items.to_vec(),
                    },
                    model::Body::Bullets(items) => JdBody::Bullets {
                        items: items.to_vec(),
                    },
                    model::Body::Rich(items) => JdBody::Rich {
                        items: items
                            .into_iter()
                            .map(|runs| {
                                runs.into_iter()
                                    .map(|r| JdRun {
                                        text: r.text,
                                        strong: r.strong,
                                    })
                                    .collect()
                            })
                            .collect(),
                    },
                    model::Body::Kpis => JdBody::Kpis,
                },
            })
            .collect();
        JobDescription {
            id: j.id,
            company: j.company,
            plan: j.plan,
            department: j.department,
            title: j.title,
            title_en: j.title_en,
            superior: j.superior,
            dotted: j.dotted,
            subordinates: j.subordinates,
            headcount: j.headcount,
            filled: j.filled,
            grade: j.grade,
            date: j.date.format("%Y-%m-%d").to_string(),
            purpose: j.purpose,
            duties: j.duties,
            requirements: j.requirements,
            kpis: j
                .kpis
                .into_iter()
                .map(|k| JdKpi {
                    metric: k.metric,
                    weight: k.weight,
                    target: k.target,
                    cycle: k.cycle,
                    source: k.source,
                })
                .collect(),
            kpi_total: j.kpi_total,
            collaborations: j
                .collaborations
                .into_iter()
                .map(|(with, about)| JdCollaboration { with, about })
                .collect(),
            escalations: j
                .escalations
                .into_iter()
                .map(|(when, to)| JdEscalation { when, to })
                .collect(),
            pay_band: j.pay_band.map(|(min, max)| JdPayBand { min, max }),
            sections,
            header,
        }
    }
}

pub fn job_description(ctx: &mut Ctx, a: JobDescriptionArgs) -> R<JobDescription> {
    let doc = load_plan(ctx, &a.plan)?;
    if doc.position(a.position).is_none() {
        return Err(ApiError::from_export(
            orgplan_export::ExportError::NoPosition(a.position),
            ctx.lang,
        ));
    }
    model::job_descriptions(&doc, ctx.lang, today(), Some(a.position))
        .pop()
        .map(|j| JobDescription::new(j, ctx.lang))
        .ok_or_else(|| {
            ApiError::from_export(
                orgplan_export::ExportError::NoPosition(a.position),
                ctx.lang,
            )
        })
}
