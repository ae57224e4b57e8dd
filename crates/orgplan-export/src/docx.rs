//! Job descriptions as a Word document (DOCX), one position to a page on A4.
//!
//! HR edits these files, so the look comes from real styles rather than direct formatting:
//! `Heading1` and `Heading2` (Word's built-in "heading 1" and "heading 2", so the navigation
//! pane and a table of contents find them), `TableText` for the text in tables and
//! `OrgPlanTable`, a table style with the borders and cell padding. Every style and run names
//! its East Asian font (Microsoft YaHei, with 等线 as the alternative the font table offers) so
//! Chinese does not fall back to a Latin font. docx-rs writes property elements out of the
//! schema's order, which Word may silently ignore; [`crate::ooxml`] puts them back in order.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, BreakType, Docx, FieldCharType, Footer, Header,
    IndentLevel, InstrNUMPAGES, InstrPAGE, InstrText, Level, LevelJc, LevelOverride, LevelText,
    LineSpacing, LineSpacingType, NumberFormat, Numbering, NumberingId, PageMargin, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Shading, ShdType,
    SpecialIndentType, Start, Style, StyleType, Table, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableCellBorder, TableCellBorderPosition, TableCellBorders,
    TableCellMargins, TableRow, VAlignType, WidthType,
};
use orgplan_core::Lang;

use crate::labels::Labels;
use crate::model::{sections, Body, JobDescription};
use crate::ooxml;
use crate::text::{header_layout, header_rows, HeaderRow};

/// Latin and East Asian typefaces, by name.
pub const LATIN_FONT: &str = "Calibri";
pub const EAST_ASIAN_FONT: &str = "Microsoft YaHei";

pub const HEADING1: &str = "Heading1";
pub const HEADING2: &str = "Heading2";
pub const TABLE_TEXT: &str = "TableText";
pub const TABLE_STYLE: &str = "OrgPlanTable";
pub const HEADER: &str = "Header";
pub const FOOTER: &str = "Footer";

pub(crate) const INK: &str = "1D2530";
pub(crate) const MUTED: &str = "5B6675";
pub(crate) const ACCENT: &str = "2457D6";
pub(crate) const RULE: &str = "B7C0CC";
pub(crate) const LABEL_FILL: &str = "EEF2F8";
pub(crate) const WARN: &str = "C62828";

/// A4 in twentieths of a point, and the margins.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN_X: i32 = 1247;
/// The width between the margins: every table spans it.
const TEXT_W: usize = PAGE_W as usize - 2 * MARGIN_X as usize;

const NUM_ABSTRACT_DECIMAL: usize = 2;
const NUM_ABSTRACT_BULLET: usize = 3;
const NUM_BULLET: usize = 3;
/// Each job description's duties get their own numbering instance, so each list starts at 1.
const NUM_DUTIES_BASE: usize = 10;

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
        .cs(LATIN_FONT)
        .east_asia(EAST_ASIAN_FONT)
}

/// A run of user text: line breaks become breaks, tabs tabs; every run names its fonts.
fn run(text: &str) -> Run {
    let mut r = Run::new().fonts(fonts());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        for (j, part) in line.trim_end_matches('\r').split('\t').enumerate() {
            if j > 0 {
                r = r.add_tab();
            }
            if !part.is_empty() {
                r = r.add_text(part);
            }
        }
    }
    r
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(run(text))
}

fn heading(style: &str, text: &str) -> Paragraph {
    Paragraph::new().style(style).add_run(run(text))
}

fn styles(docx: Docx) -> Docx {
    let mut h1 = Style::new(HEADING1, StyleType::Paragraph)
        .name("heading 1")
        .based_on("Normal")
        .next("Normal")
        .ui_priority(9)
        .fonts(fonts())
        .size(32)
        .bold()
        .color(INK)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(160)
                .line(240)
                .line_rule(LineSpacingType::Auto),
        )
        .outline_lvl(0);
    h1.paragraph_property = h1
        .paragraph_property
        .keep_next(true)
        .keep_lines(true)
        .set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .val(BorderType::Single)
                    .size(12)
                    .space(4)
                    .color(ACCENT),
            ),
        );
    let mut h2 = Style::new(HEADING2, StyleType::Paragraph)
        .name("heading 2")
        .based_on("Normal")
        .next("Normal")
        .ui_priority(9)
        .fonts(fonts())
        .size(26)
        .bold()
        .color(ACCENT)
        .line_spacing(
            LineSpacing::new()
                .before(160)
                .after(60)
                .line(240)
                .line_rule(LineSpacingType::Auto),
        )
        .outline_lvl(1);
    h2.paragraph_property = h2.paragraph_property.keep_next(true).keep_lines(true);
    let table_text = Style::new(TABLE_TEXT, StyleType::Paragraph)
        .name("Table Text")
        .based_on("Normal")
        .fonts(fonts())
        .size(19)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(240)
                .line_rule(LineSpacingType::Auto),
        );
    let border = |p| {
        TableBorder::new(p)
            .border_type(BorderType::Single)
            .size(4)
            .color(RULE)
    };
    let table = Style::new(TABLE_STYLE, StyleType::Table)
        .name("OrgPlan Table")
        .based_on("TableNormal")
        .ui_priority(59)
        .set_borders(
            TableBorders::with_empty()
                .set(border(TableBorderPosition::Top))
                .set(border(TableBorderPosition::Left))
                .set(border(TableBorderPosition::Bottom))
                .set(border(TableBorderPosition::Right))
                .set(border(TableBorderPosition::InsideH))
                .set(border(TableBorderPosition::InsideV)),
        )
        .margins(TableCellMargins::new().margin(40, 115, 40, 115));
    // Word's own default table style, which ours is based on, so Word does not invent one.
    let table_normal = Style::new("TableNormal", StyleType::Table)
        .name("Normal Table")
        .ui_priority(99)
        .semi_hidden()
        .unhide_when_used()
        .q_format(false)
        .set_borders(TableBorders::with_empty())
        .margins(TableCellMargins::new().margin(0, 108, 0, 108));
    // Word's built-in "header" and "footer", in small grey type.
    let margin_text = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .ui_priority(99)
            .unhide_when_used()
            .fonts(fonts())
            .size(17)
            .color(MUTED)
            .line_spacing(
                LineSpacing::new()
                    .before(0)
                    .after(0)
                    .line(240)
                    .line_rule(LineSpacingType::Auto),
            )
    };
    docx.default_fonts(fonts())
        .default_size(20)
        .default_line_spacing(
            LineSpacing::new()
                .before(0)
                .after(30)
                .line(240)
                .line_rule(LineSpacingType::Auto),
        )
        .add_style(h1)
        .add_style(h2)
        .add_style(table_text)
        .add_style(margin_text(HEADER, "header"))
        .add_style(margin_text(FOOTER, "footer"))
        .add_style(table_normal)
        .add_style(table)
}

/// The one level of a numbered or bulleted list, hanging indent of 0.74 cm.
fn list_level(format: &str, text: &str) -> Level {
    Level::new(
        0,
        Start::new(1),
        NumberFormat::new(format),
        LevelText::new(text),
        LevelJc::new("left"),
    )
    .indent(Some(420), Some(SpecialIndentType::Hanging(420)), None, None)
    .fonts(fonts())
}

fn numbering(mut docx: Docx, lists: usize) -> Docx {
    docx = docx
        .add_abstract_numbering(
            AbstractNumbering::new(NUM_ABSTRACT_DECIMAL).add_level(list_level("decimal", "%1.")),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(NUM_ABSTRACT_BULLET)
                .add_level(list_level("bullet", "•").color(ACCENT)),
        )
        .add_numbering(Numbering::new(NUM_BULLET, NUM_ABSTRACT_BULLET));
    for i in 0..lists {
        docx = docx.add_numbering(
            Numbering::new(NUM_DUTIES_BASE + i, NUM_ABSTRACT_DECIMAL)
                .add_override(LevelOverride::new(0).start(1)),
        );
    }
    docx
}

fn bullet(p: Paragraph) -> Paragraph {
    p.numbering(NumberingId::new(NUM_BULLET), IndentLevel::new(0))
}

/// A table cell holding one paragraph of `TableText`.
fn cell(p: Paragraph, width: usize) -> TableCell {
    TableCell::new()
        .add_paragraph(p.style(TABLE_TEXT))
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

fn label_cell(text: &str, width: usize) -> TableCell {
    cell(Paragraph::new().add_run(run(text).bold()), width).shading(
        Shading::new()
            .shd_type(ShdType::Clear)
            .color("auto")
            .fill(LABEL_FILL),
    )
}

fn text_cell(text: &str, width: usize) -> TableCell {
    cell(para(text), width)
}

fn table(rows: Vec<TableRow>, grid: &[usize]) -> Table {
    Table::without_borders(rows)
        .style(TABLE_STYLE)
        .width(grid.iter().sum(), WidthType::Dxa)
        .set_grid(grid.to_vec())
}

/// The header block: short values two to a row, long ones across the table.
fn header_table(jd: &JobDescription, l: &Labels) -> Table {
    const LABEL: usize = 2050;
    let grid = [
        LABEL,
        TEXT_W / 2 - LABEL,
        LABEL,
        TEXT_W - TEXT_W / 2 - LABEL,
    ];
    let wide = grid[1] + grid[2] + grid[3];
    let long = |v: &str| crate::model::display_width(v) > 26.0 || v.contains('\n');
    let single = |k: &str, v: &str| {
        TableRow::new(vec![
            label_cell(k, grid[0]),
            text_cell(v, wide).grid_span(3),
        ])
        .cant_split()
    };
    let rows = header_layout(header_rows(jd, l), long)
        .into_iter()
        .map(|row| match row {
            HeaderRow::Single(k, v) => single(k, &v),
            HeaderRow::Pair((k1, v1), (k2, v2)) => TableRow::new(vec![
                label_cell(k1, grid[0]),
                text_cell(&v1, grid[1]),
                label_cell(k2, grid[2]),
                text_cell(&v2, grid[3]),
            ])
            .cant_split(),
        })
        .collect();
    table(rows, &grid)
}

fn kpi_table(jd: &JobDescription, l: &Labels) -> Table {
    let grid = [2700, 900, 2500, 1000, TEXT_W - 7100];
    let h = l.kpi_table_headers;
    let mut rows = vec![TableRow::new(
        h.iter()
            .zip(grid)
            .enumerate()
            .map(|(i, (t, w))| {
                let c = label_cell(t, w);
                if i == 1 {
                    cell(
                        Paragraph::new()
                            .add_run(run(t).bold())
                            .align(AlignmentType::Right),
                        w,
                    )
                    .shading(
                        Shading::new()
                            .shd_type(ShdType::Clear)
                            .color("auto")
                            .fill(LABEL_FILL),
                    )
                } else {
                    c
                }
            })
            .collect(),
    )
    .cant_split()];
    for k in &jd.kpis {
        rows.push(
            TableRow::new(vec![
                text_cell(&k.metric, grid[0]),
                cell(
                    para(&format!("{}%", k.weight)).align(AlignmentType::Right),
                    grid[1],
                ),
                text_cell(&k.target, grid[2]),
                text_cell(&k.cycle, grid[3]),
                text_cell(&k.source, grid[4]),
            ])
            .cant_split(),
        );
    }
    let mut total = run(&format!("{}%", jd.kpi_total)).bold();
    if jd.kpi_total != orgplan_core::Weight::FULL {
        total = total.color(WARN);
    }
    rows.push(
        TableRow::new(vec![
            cell(Paragraph::new().add_run(run(l.total).bold()), grid[0]),
            cell(
                Paragraph::new().add_run(total).align(AlignmentType::Right),
                grid[1],
            ),
            cell(Paragraph::new(), grid[2] + grid[3] + grid[4]).grid_span(3),
        ])
        .cant_split(),
    );
    table(rows, &grid)
}

/// Sign-off: the three signers side by side, each with a line to sign on and, below, a line
/// for the date.
fn sign_off(l: &Labels) -> Table {
    // Labels are bold 10 pt: about 105 twips a Latin character, twice that a Chinese one.
    let longest = l
        .sign_off
        .iter()
        .chain([&l.sign_date])
        .map(|t| crate::model::display_width(t))
        .fold(0.0, f64::max);
    let colon = if l.sign_date.is_ascii() { ":" } else { "：" };
    let label_w = ((longest + 2.0) * 105.0 + 230.0).clamp(900.0, 1900.0) as usize;
    let block = TEXT_W / 3;
    let gap = 240;
    let line_w = block - label_w - gap;
    let mut grid = Vec::new();
    for _ in 0..3 {
        grid.extend([label_w, line_w, gap]);
    }
    *grid.last_mut().expect("three blocks") = TEXT_W - 2 * block - label_w - line_w;
    let line = |w, keep: bool| {
        TableCell::new()
            .add_paragraph(Paragraph::new().style(TABLE_TEXT).keep_next(keep))
            .width(w, WidthType::Dxa)
            .vertical_align(VAlignType::Bottom)
            .set_borders(
                TableCellBorders::with_empty().set(
                    TableCellBorder::new(TableCellBorderPosition::Bottom)
                        .border_type(BorderType::Single)
                        .size(6)
                        .color(INK),
                ),
            )
    };
    // keep_next on the first row's paragraphs keeps the two rows on one page.
    let label = |t: &str, w, keep: bool| {
        TableCell::new()
            .add_paragraph(
                Paragraph::new()
                    .style(TABLE_TEXT)
                    .keep_next(keep)
                    .add_run(run(&format!("{t}{colon}")).bold()),
            )
            .width(w, WidthType::Dxa)
            .vertical_align(VAlignType::Bottom)
    };
    let blank = |w, keep: bool| {
        TableCell::new()
            .add_paragraph(Paragraph::new().style(TABLE_TEXT).keep_next(keep))
            .width(w, WidthType::Dxa)
    };
    let row = |labels: [&str; 3], keep: bool| {
        let mut cells = Vec::new();
        for (i, t) in labels.into_iter().enumerate() {
            cells.push(label(t, grid[3 * i], keep));
            cells.push(line(grid[3 * i + 1], keep));
            cells.push(blank(grid[3 * i + 2], keep));
        }
        TableRow::new(cells).row_height(420.0).cant_split()
    };
    Table::without_borders(vec![row(l.sign_off, true), row([l.sign_date; 3], false)])
        .width(TEXT_W, WidthType::Dxa)
        .set_grid(grid)
}

fn job_description(mut docx: Docx, i: usize, jd: &JobDescription, l: &Labels) -> Docx {
    docx = docx
        .add_paragraph(
            heading(HEADING1, &format!("{} · {}", jd.title, l.job_description))
                .page_break_before(i > 0),
        )
        .add_table(header_table(jd, l));
    for section in sections(jd, l) {
        docx = docx.add_paragraph(heading(HEADING2, section.title));
        match section.body {
            Body::None => docx = docx.add_paragraph(para(l.none)),
            Body::Text(t) => docx = docx.add_paragraph(para(t)),
            Body::Numbered(items) => {
                for d in items {
                    docx = docx.add_paragraph(
                        para(d)
                            .numbering(NumberingId::new(NUM_DUTIES_BASE + i), IndentLevel::new(0)),
                    );
                }
            }
            Body::Bullets(items) => {
                for r in items {
                    docx = docx.add_paragraph(bullet(para(r)));
                }
            }
            Body::Rich(items) => {
                for runs in items {
                    let mut p = Paragraph::new();
                    for r in runs {
                        p = p.add_run(if r.strong {
                            run(&r.text).bold()
                        } else {
                            run(&r.text)
                        });
                    }
                    docx = docx.add_paragraph(bullet(p));
                }
            }
            Body::Kpis => docx = docx.add_table(kpi_table(jd, l)),
        }
    }
    // Space before the signatures; the lines themselves stay together.
    docx.add_paragraph(
        Paragraph::new()
            .line_spacing(LineSpacing::new().before(120).after(0).line(240))
            .size(12)
            .keep_next(true),
    )
    .add_table(sign_off(l))
}

fn small(text: &str) -> Run {
    run(text).size(17).color(MUTED)
}

/// A field (PAGE, NUMPAGES) in the footer's small print.
fn field(instr: InstrText) -> Run {
    Run::new()
        .fonts(fonts())
        .size(17)
        .color(MUTED)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(instr)
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false)
}

/// The job descriptions as a DOCX file.
pub fn job_descriptions(jds: &[JobDescription], lang: Lang) -> Result<Vec<u8>, String> {
    let l = Labels::of(lang);
    let mut docx = Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(PageMargin {
            top: 1134,
            left: MARGIN_X,
            bottom: 1077,
            right: MARGIN_X,
            header: 510,
            footer: 510,
            gutter: 0,
        });
    docx = numbering(styles(docx), jds.len());
    if let Some(first) = jds.first() {
        let who = [first.company.as_str(), first.plan.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        docx = docx.header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .style(HEADER)
                    .align(AlignmentType::Right)
                    .add_run(small(&who)),
            ),
        );
    }
    let (page, of) = match lang {
        Lang::Zh => ("第 ", " 页 / 共 "),
        Lang::En => ("Page ", " of "),
    };
    let tail = match lang {
        Lang::Zh => " 页",
        Lang::En => "",
    };
    docx = docx.footer(
        Footer::new().add_paragraph(
            Paragraph::new()
                .style(FOOTER)
                .size(17)
                .align(AlignmentType::Center)
                .add_run(small(&format!("{} · {page}", l.job_description)))
                .add_run(field(InstrText::PAGE(InstrPAGE::new())))
                .add_run(small(of))
                .add_run(field(InstrText::NUMPAGES(InstrNUMPAGES::new())))
                .add_run(small(tail)),
        ),
    );
    if jds.is_empty() {
        docx = docx.add_paragraph(para(l.none));
    }
    for (i, jd) in jds.iter().enumerate() {
        docx = job_description(docx, i, jd, l);
    }
    let mut xml = docx.build();
    ooxml::canonicalize(&mut xml)?;
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
