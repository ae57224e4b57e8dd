//! A roster file as a table of text: its header and its rows, each with the row number the
//! user sees in their spreadsheet. CSV in UTF-8 (with or without BOM), UTF-16 or GB18030/GBK
//! (what Chinese Excel and WPS save), comma, semicolon or tab separated; Excel and
//! OpenDocument workbooks (any sheet; the header found even below a title row); JSON arrays
//! of objects as org-chart libraries export them (`id`/`pid`, `id`/`parentId`).

use std::io::Cursor;

use calamine::{Data, Reader};
use orgplan_core::Lang;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::columns::field_of;

/// Largest roster file read, in bytes.
pub const MAX_ROSTER_BYTES: usize = 50 * 1024 * 1024;

/// How many rows at the top are searched for the header.
const HEADER_SEARCH: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Csv,
    /// An Excel (xlsx, xls) or OpenDocument workbook.
    Workbook,
    Json,
}

/// One row of the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Row {
    /// The row's number as the user sees it: the spreadsheet row, the CSV line, or the
    /// element's place (from 1) in a JSON array.
    pub line: usize,
    /// One cell per header, trimmed; empty where the row has none.
    pub cells: Vec<String>,
}

/// A roster file read as text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Table {
    pub format: Format,
    /// CSV: the text encoding found (`UTF-8`, `UTF-16LE`, `GB18030`).
    pub encoding: Option<String>,
    /// CSV: the separator found (`,` `;` or a tab).
    pub delimiter: Option<String>,
    /// Workbook: every sheet's name.
    pub sheets: Vec<String>,
    /// Workbook: the sheet read.
    pub sheet: Option<String>,
    /// The header's row number (0 for JSON, whose keys are the header).
    pub header_row: usize,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// A file that cannot be read as a roster.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("the file is {bytes} bytes; rosters of at most {MAX_ROSTER_BYTES} bytes are read")]
    TooLarge { bytes: usize },
    #[error("the file has no rows")]
    Empty,
    #[error("CSV line {line}: {detail}")]
    Csv { line: usize, detail: String },
    #[error("the workbook cannot be read: {0}")]
    Workbook(String),
    #[error("the workbook has no sheet {name:?} (its sheets: {sheets:?})")]
    NoSheet { name: String, sheets: Vec<String> },
    #[error("not valid JSON: {0}")]
    Json(String),
    #[error("the JSON is not a list of people (an array of objects)")]
    NotRows,
}

impl ReadError {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ReadError::TooLarge { bytes } => format!(
                "文件有 {:.1} MB，花名册最大只读取 {} MB",
                *bytes as f64 / 1024.0 / 1024.0,
                MAX_ROSTER_BYTES / 1024 / 1024
            ),
            ReadError::Empty => "文件中没有任何数据行".into(),
            ReadError::Csv { line, detail } => format!("CSV 文件第 {line} 行无法读取：{detail}"),
            ReadError::Workbook(detail) => {
                format!("无法读取这个表格文件（请确认是 Excel 或 WPS 保存的 .xlsx/.xls 文件）：{detail}")
            }
            ReadError::NoSheet { name, sheets } => {
                format!(
                    "表格中没有名为「{name}」的工作表；它的工作表：{}",
                    sheets.join("、")
                )
            }
            ReadError::Json(detail) => format!("文件不是有效的 JSON：{detail}"),
            ReadError::NotRows => "JSON 文件须是人员的列表（由对象组成的数组）".into(),
        }
    }
}

/// Reads a roster file. The format is told by the content, not the name: a zip or an OLE file
/// is a workbook, a file that starts with `[` or `{` is JSON, anything else CSV. `sheet` picks
/// a workbook's sheet by name or number (from 1); without it, the first sheet with a
/// recognised header.
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Table, ReadError> {
    if bytes.len() > MAX_ROSTER_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        // A damaged workbook must be refused, never bring the program down: the workbook
        // reader is a library's, over a format with many corners.
        return std::panic::catch_unwind(|| read_workbook(bytes, sheet)).unwrap_or_else(|_| {
            Err(ReadError::Workbook(
                "the file is damaged or not a workbook".into(),
            ))
        });
    }
    let (text, encoding) = decode(bytes);
    let start = text.trim_start();
    if start.starts_with('[') || start.starts_with('{') {
        return read_json(start);
    }
    read_csv(&text, encoding)
}

/// The text of a CSV file and the encoding it was in.
fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8");
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (text, enc, _) = encoding_rs::UTF_16LE.decode(bytes);
        return (text.into_owned(), enc.name());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), "UTF-8");
    }
    // What Excel and WPS save as "CSV" on a Chinese system: GBK, which GB18030 contains.
    let (text, _, _) = encoding_rs::GB18030.decode(bytes);
    (text.into_owned(), "GB18030")
}

fn csv_reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The separator that splits the first lines into the same number of columns, most of them.
fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (b',', 0usize);
    for d in [b',', b';', b'\t'] {
        let mut counts: Vec<usize> = Vec::new();
        for record in csv_reader(text, d).records().take(HEADER_SEARCH) {
            match record {
                Ok(r) if r.iter().any(|c| !c.trim().is_empty()) => counts.push(r.len()),
                Ok(_) => {}
                Err(_) => break,
            }
        }
        let widest = counts.iter().copied().max().unwrap_or(0);
        if widest < 2 {
            continue;
        }
        // Rows as wide as the widest, weighted by the width: a title line above the header
        // does not decide.
        let score = counts.iter().filter(|&&c| c == widest).count() * widest;
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

fn read_csv(text: &str, encoding: &'static str) -> Result<Table, ReadError> {
    let delimiter = sniff_delimiter(text);
    let bytes = text.as_bytes();
    // The reader's own line count lags after a CRLF; count the line breaks before each
    // record's first character instead.
    let (mut seen, mut breaks) = (0usize, 0usize);
    let mut line_at = |byte: usize| {
        let mut b = byte.min(bytes.len());
        while b < bytes.len() && matches!(bytes[b], b'\r' | b'\n') {
            b += 1;
        }
        if b > seen {
            breaks += bytes[seen..b].iter().filter(|&&c| c == b'\n').count();
            seen = b;
        }
        breaks + 1
    };
    let mut rows = Vec::new();
    for record in csv_reader(text, delimiter).records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(p.byte() as usize));
                return Err(ReadError::Csv {
                    line,
                    detail: e.to_string(),
                });
            }
        };
        let line = record.position().map_or(0, |p| line_at(p.byte() as usize));
        rows.push(Row {
            line,
            cells: record.iter().map(|c| c.trim().to_string()).collect(),
        });
    }
    let mut table = with_header(rows)?;
    table.encoding = Some(encoding.into());
    table.delimiter = Some(
        match delimiter {
            b'\t' => "\t",
            b';' => ";",
            _ => ",",
        }
        .into(),
    );
    Ok(table)
}

/// Finds the header among the first rows (the first with two recognised column names, else
/// the first that is not empty) and keeps the non-empty rows under it.
fn with_header(rows: Vec<Row>) -> Result<Table, ReadError> {
    let filled = |r: &Row| r.cells.iter().any(|c| !c.is_empty());
    let candidates: Vec<usize> = (0..rows.len())
        .filter(|&i| filled(&rows[i]))
        .take(HEADER_SEARCH)
        .collect();
    let at = candidates
        .iter()
        .copied()
        .find(|&i| {
            rows[i]
                .cells
                .iter()
                .filter(|c| field_of(c).is_some())
                .count()
                >= 2
        })
        .or(candidates.first().copied())
        .ok_or(ReadError::Empty)?;
    let mut rows = rows;
    let header = rows[at].clone();
    let width = header
        .cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1);
    let headers: Vec<String> = header.cells[..width].to_vec();
    let body: Vec<Row> = rows
        .drain(at + 1..)
        .filter(|r| filled(r))
        .map(|mut r| {
            r.cells.resize(width, String::new());
            r
        })
        .collect();
    if body.is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(Table {
        format: Format::Csv,
        encoding: None,
        delimiter: None,
        sheets: Vec::new(),
        sheet: None,
        header_row: header.line,
        headers,
        rows: body,
    })
}

/// A workbook cell as text: whole numbers without a decimal point, dates as `YYYY-MM-DD`.
fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => excel_date(dt.as_f64()),
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// An Excel date serial (days since 1899-12-30) as `YYYY-MM-DD`.
fn excel_date(serial: f64) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("a date");
    epoch
        .checked_add_signed(chrono::Duration::days(serial.floor() as i64))
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn read_workbook(bytes: &[u8], sheet: Option<&str>) -> Result<Table, ReadError> {
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| ReadError::Workbook(e.to_string()))?;
    let sheets = wb.sheet_names();
    let mut read_sheet = |name: &str| -> Result<Result<Table, ReadError>, ReadError> {
        let range = wb
            .worksheet_range(name)
            .map_err(|e| ReadError::Workbook(e.to_string()))?;
        let first = range.start().map_or(0, |(r, _)| r as usize);
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, r)| Row {
                line: first + i + 1,
                cells: r.iter().map(cell_text).collect(),
            })
            .collect();
        Ok(with_header(rows))
    };
    let (name, table) = match sheet {
        Some(s) => {
            let name = sheets
                .iter()
                .find(|n| n.as_str() == s)
                .cloned()
                .or_else(|| {
                    s.parse::<usize>()
                        .ok()
                        .and_then(|i| sheets.get(i.checked_sub(1)?).cloned())
                })
                .ok_or_else(|| ReadError::NoSheet {
                    name: s.into(),
                    sheets: sheets.clone(),
                })?;
            let t = read_sheet(&name)??;
            (name, t)
        }
        None => {
            // The first sheet whose header is recognised; else the first with rows.
            let mut found: Option<(String, Table)> = None;
            for name in &sheets {
                if let Ok(t) = read_sheet(name)? {
                    let known = t.headers.iter().filter(|h| field_of(h).is_some()).count();
                    if known >= 2 {
                        found = Some((name.clone(), t));
                        break;
                    }
                    if found.is_none() {
                        found = Some((name.clone(), t));
                    }
                }
            }
            found.ok_or(ReadError::Empty)?
        }
    };
    Ok(Table {
        format: Format::Workbook,
        sheets,
        sheet: Some(name),
        ..table
    })
}

/// A JSON value as a cell.
fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.trim().to_string(),
        serde_json::Value::Array(items) => {
            items.iter().map(json_text).collect::<Vec<_>>().join(",")
        }
        other => other.to_string(),
    }
}

fn read_json(text: &str) -> Result<Table, ReadError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ReadError::Json(e.to_string()))?;
    // An array, or an object holding one (`{"nodes": [...]}`, `{"data": [...]}`).
    let items = match &value {
        serde_json::Value::Array(a) => a,
        serde_json::Value::Object(o) => o
            .values()
            .find_map(|v| v.as_array().filter(|a| a.iter().all(|x| x.is_object())))
            .ok_or(ReadError::NotRows)?,
        _ => return Err(ReadError::NotRows),
    };
    if items.is_empty() {
        return Err(ReadError::Empty);
    }
    let mut headers: Vec<String> = Vec::new();
    for item in items {
        let obj = item.as_object().ok_or(ReadError::NotRows)?;
        for k in obj.keys() {
            if !headers.contains(k) {
                headers.push(k.clone());
            }
        }
    }
    let rows = items
        .iter()
        .enumerate()
        .map(|(i, item)| Row {
            line: i + 1,
            cells: headers
                .iter()
                .map(|h| item.get(h).map(json_text).unwrap_or_default())
                .collect(),
        })
        .collect();
    Ok(Table {
        format: Format::Json,
        encoding: None,
        delimiter: None,
        sheets: Vec::new(),
        sheet: None,
        header_row: 0,
        headers,
        rows,
    })
}
