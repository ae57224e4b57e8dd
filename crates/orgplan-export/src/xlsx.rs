//! The sheets (定岗定编, KPI考核表, 人员) as one Excel workbook.
//!
//! Each sheet has a bold, filled header row that stays in view (frozen), column widths from
//! [`Sheet::widths`] (a Chinese character counts two, which autofit gets wrong), numbers as
//! numbers and a bold totals row. Every text cell is neutralised with [`neutralize`] and
//! written as a string: nothing a user typed can become a formula.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::model::{neutralize, Cell, Sheet};

const HEADER_FILL: u32 = 0xDCE4F2;
const SUBTOTAL_FILL: u32 = 0xF3F5F9;
const RULE: u32 = 0x8C99AB;
const WARN: u32 = 0xC62828;

struct Formats {
    header: Format,
    header_num: Format,
    text: Format,
    number: Format,
    money: Format,
    fte: Format,
    total_fte: Format,
    total_text: Format,
    total_number: Format,
    total_money: Format,
    sub_text: Format,
    sub_number: Format,
    sub_warn: Format,
}

/// The workbook's font: Microsoft YaHei, like the Word documents (charset GB2312, sans-serif),
/// so Chinese never falls back to a serif font. Excel sizes default rows and columns from it.
pub const FONT: &str = "Microsoft YaHei";
const ROW_PX: u32 = 22;
const COLUMN_PX: u32 = 72;

fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(11)
        .set_font_charset(134)
        .set_font_family(2)
        .set_align(FormatAlign::VerticalCenter)
}

impl Formats {
    fn new() -> Formats {
        let header = base()
            .set_bold()
            .set_background_color(Color::RGB(HEADER_FILL))
            .set_border_bottom(FormatBorder::Thin)
            .set_border_bottom_color(Color::RGB(RULE));
        let total = base()
            .set_bold()
            .set_border_top(FormatBorder::Thin)
            .set_border_top_color(Color::RGB(RULE));
        let sub = base()
            .set_italic()
            .set_background_color(Color::RGB(SUBTOTAL_FILL));
        Formats {
            header_num: header.clone().set_align(FormatAlign::Right),
            header: header.set_align(FormatAlign::Left).set_indent(1),
            text: base().set_align(FormatAlign::Left).set_indent(1),
            number: base().set_num_format("0"),
            money: base().set_num_format("#,##0"),
            // General: 5, 0.6, 33.3 as they are (a decimal pattern would print "5.").
            fte: base(),
            total_fte: total.clone(),
            total_number: total.clone().set_num_format("0"),
            total_money: total.clone().set_num_format("#,##0"),
            total_text: total.set_align(FormatAlign::Left).set_indent(1),
            sub_number: sub.clone().set_bold(),
            sub_warn: sub.clone().set_bold().set_font_color(Color::RGB(WARN)),
            sub_text: sub.set_align(FormatAlign::Left).set_indent(1),
        }
    }
}

/// Columns that hold money: the pay band and payroll columns of the establishment sheet, the
/// payroll columns of the department summary and of the comparison's departments.
fn is_money(sheet: &Sheet, col: usize) -> bool {
    (sheet.slug == "establishment" && col >= 8)
        || (sheet.slug == "department_summary" && col >= 5)
        || (sheet.slug == "departments" && col >= 5)
}

/// Columns in full-time equivalents, shown with their decimals (0.6, not 1).
fn is_fte(sheet: &Sheet, col: usize) -> bool {
    (sheet.slug == "establishment" && col == 5)
        || (sheet.slug == "department_summary" && (col == 3 || col == 4))
}

/// The KPI sheet's weight column (percent with one decimal).
fn is_weight(sheet: &Sheet, col: usize) -> bool {
    sheet.slug == "kpi" && col == 3
}

/// The KPI sheet's per-position weight total rows (no department, the label in the metric
/// column).
fn is_subtotal(sheet: &Sheet, row: &[Cell]) -> bool {
    sheet.slug == "kpi" && matches!(row.first(), Some(Cell::Empty)) && row.len() > 3
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    let numeric_col = |c: usize| {
        sheet
            .rows
            .iter()
            .any(|r| matches!(r.get(c), Some(Cell::Number(_))))
    };
    for (c, h) in sheet.headers.iter().enumerate() {
        let format = if numeric_col(c) {
            &f.header_num
        } else {
            &f.header
        };
        ws.write_string_with_format(0, c as u16, neutralize(h), format)?;
    }
    for (c, w) in sheet.widths().into_iter().enumerate() {
        // Text columns are indented one step; give them the room back.
        let indent = if numeric_col(c) { 0.0 } else { 1.5 };
        ws.set_column_width(c as u16, w + indent)?;
    }
    ws.set_row_height(0, 20)?;
    ws.set_freeze_panes(1, 0)?;
    let mut r: u32 = 1;
    for row in &sheet.rows {
        let sub = is_subtotal(sheet, row);
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Text(s) => {
                    let format = if sub { &f.sub_text } else { &f.text };
                    ws.write_string_with_format(r, col, neutralize(s), format)?;
                }
                Cell::Number(n) => {
                    let format = if sub && (*n - 100.0).abs() > f64::EPSILON {
                        &f.sub_warn
                    } else if sub {
                        &f.sub_number
                    } else if is_money(sheet, c) {
                        &f.money
                    } else if is_fte(sheet, c) || is_weight(sheet, c) {
                        // Decimals as they are: 0.6 FTE, a weight of 33.3.
                        &f.fte
                    } else {
                        &f.number
                    };
                    ws.write_number_with_format(r, col, *n, format)?;
                }
                Cell::Empty if sub => {
                    ws.write_blank(r, col, &f.sub_text)?;
                }
                Cell::Empty => {}
            }
        }
        r += 1;
    }
    if !sheet.rows.is_empty() {
        ws.autofilter(0, 0, r - 1, sheet.headers.len().saturating_sub(1) as u16)?;
    }
    if let Some(totals) = &sheet.totals {
        for (c, cell) in totals.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Text(s) => {
                    ws.write_string_with_format(r, col, neutralize(s), &f.total_text)?;
                }
                Cell::Number(n) => {
                    let format = if is_money(sheet, c) {
                        &f.total_money
                    } else if is_fte(sheet, c) {
                        &f.total_fte
                    } else {
                        &f.total_number
                    };
                    ws.write_number_with_format(r, col, *n, format)?;
                }
                Cell::Empty => {
                    ws.write_blank(r, col, &f.total_text)?;
                }
            }
        }
    }
    // Printing: A4, landscape when wide, one page across, the header on every page.
    ws.set_paper_size(9);
    if sheet.headers.len() > 6 {
        ws.set_landscape();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

/// The sheets as an XLSX workbook.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, String> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = Workbook::new();
        wb.set_default_format(&base(), ROW_PX, COLUMN_PX)?;
        let f = Formats::new();
        for sheet in sheets {
            write_sheet(wb.add_worksheet(), sheet, &f)?;
        }
        wb.save_to_buffer()
    };
    build().map_err(|e| e.to_string())
}
