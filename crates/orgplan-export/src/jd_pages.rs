//! Job descriptions (and reports: a title and tables, [`report_pages`]) set on A4 portrait
//! pages, as SVG (one document a page) for [`crate::pdf`].
//!
//! The content and its order are the DOCX's ([`crate::docx`]): the title, the header table,
//! purpose, numbered duties, requirements, the KPI table with its total, collaboration,
//! escalation and the sign-off lines. Each position starts on a new page and flows onto further
//! pages: text breaks between lines, table rows move whole to the next page (a row taller than a
//! page is split between its lines) and a table continued on a new page repeats its header row.
//! Headings stay with what follows, and a paragraph leaves no single line behind or ahead.
//! Every page has a running header (company · plan) and a footer (plan · position, page n of N).
//! Sizes are in points: body text 10.5 pt, tables 10 pt.

use std::fmt::Write;

use orgplan_core::Lang;

use crate::docx::{ACCENT, INK, LABEL_FILL, MUTED, RULE, WARN};
use crate::fonts::Fonts;
use crate::labels::Labels;
use crate::model::{sections, Body, Cell as SheetCell, JobDescription, Sheet};
use crate::text::{header_layout, html_escape as xml, HeaderRow};
use crate::typeset::{wrap, Line, Style};

/// A4 in points.
pub(crate) const PAGE_W: f32 = 595.28;
pub(crate) const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 56.7;
const TEXT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
const BODY_TOP: f32 = 64.0;
const BODY_BOTTOM: f32 = PAGE_H - 58.0;
const BODY_H: f32 = BODY_BOTTOM - BODY_TOP;

const H1: f32 = 17.0;
const H1_LINE: f32 = 22.0;
const H2: f32 = 12.5;
const BODY: f32 = 10.5;
const BODY_LINE: f32 = 15.5;
pub(crate) const TABLE: f32 = 10.0;
const TABLE_LINE: f32 = 13.5;
const PAD_X: f32 = 6.0;
const PAD_Y: f32 = 3.5;
const SMALL: f32 = 8.5;
/// Hanging indents of numbered and bulleted items.
const NUMBER_INDENT: f32 = 21.0;
const BULLET_INDENT: f32 = 15.0;

const TEXT: Style = Style {
    bold: false,
    color: INK,
};
const STRONG: Style = Style {
    bold: true,
    color: INK,
};

/// Something placed on a page: SVG drawn with its top at y = 0, and its height.
struct Block {
    height: f32,
    svg: String,
    /// Must share a page with the next block.
    keep_with_next: bool,
    /// Blank space: dropped at the top of a page.
    space: bool,
    /// A table row: the table's header row, to repeat when the table continues on a new page.
    header: Option<usize>,
    /// Starts the job description with this index, on a new page.
    starts: Option<usize>,
}

impl Block {
    fn new(height: f32, svg: String) -> Block {
        Block {
            height,
            svg,
            keep_with_next: false,
            space: false,
            header: None,
            starts: None,
        }
    }

    fn space(height: f32) -> Block {
        Block {
            space: true,
            ..Block::new(height, String::new())
        }
    }

    fn keep(mut self) -> Block {
        self.keep_with_next = true;
        self
    }
}

/// The job descriptions' pages, before their header and footer.
pub(crate) struct Pages {
    /// Each page's body and the job description it belongs to.
    pub(crate) pages: Vec<(String, usize)>,
    /// The page each job description starts on.
    pub(crate) starts: Vec<usize>,
}

/// Writes one line of text with its top at `top`, starting at `x`.
fn line_svg(out: &mut String, line: &Line, x: f32, top: f32, size: f32, line_h: f32) {
    let baseline = top + (line_h - size) / 2.0 + 0.88 * size;
    for p in &line.pieces {
        let _ = write!(
            out,
            "<text x=\"{:.2}\" y=\"{baseline:.2}\" font-size=\"{size}\"{} fill=\"#{}\">{}</text>",
            x + p.x,
            if p.style.bold {
                " font-weight=\"700\""
            } else {
                ""
            },
            p.style.color,
            xml(&p.text)
        );
    }
}

fn rect(out: &mut String, x: f32, y: f32, w: f32, h: f32, fill: Option<&str>) {
    let _ = write!(
        out,
        "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{w:.2}\" height=\"{h:.2}\" fill=\"{}\" stroke=\"#{RULE}\" stroke-width=\"0.6\"/>",
        fill.map_or("none".to_string(), |f| format!("#{f}"))
    );
}

fn hline(out: &mut String, x1: f32, x2: f32, y: f32, width: f32, color: &str) {
    let _ = write!(
        out,
        "<path d=\"M{x1:.2} {y:.2}H{x2:.2}\" stroke=\"#{color}\" stroke-width=\"{width}\"/>"
    );
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

/// Where each column of a table across the text width starts, from the columns' widths.
fn column_starts(widths: &[f32]) -> Vec<f32> {
    widths
        .iter()
        .scan(MARGIN_X, |x, w| {
            let at = *x;
            *x += w;
            Some(at)
        })
        .collect()
}

/// A table cell: its lines, where it is and how it looks.
struct Cell {
    lines: Vec<Line>,
    x: f32,
    w: f32,
    fill: Option<&'static str>,
    align: Align,
}

struct Typesetter<'a> {
    fonts: &'a Fonts,
    l: &'static Labels,
    blocks: Vec<Block>,
}

impl Typesetter<'_> {
    fn wrap(&self, runs: &[(&str, Style)], size: f32, width: f32) -> Vec<Line> {
        wrap(self.fonts, runs, size, width)
    }

    /// A paragraph, each line its own block (the first two and last two kept together).
    fn paragraph(&mut self, runs: &[(&str, Style)], indent: f32, marker: Option<(&str, Style)>) {
        let lines = self.wrap(runs, BODY, TEXT_W - indent);
        let n = lines.len();
        for (i, line) in lines.iter().enumerate() {
            let mut svg = String::new();
            if i == 0 {
                if let Some((m, style)) = marker {
                    let marker = self.wrap(&[(m, style)], BODY, indent);
                    if let Some(m) = marker.first() {
                        line_svg(&mut svg, m, MARGIN_X, 0.0, BODY, BODY_LINE);
                    }
                }
            }
            line_svg(&mut svg, line, MARGIN_X + indent, 0.0, BODY, BODY_LINE);
            let mut b = Block::new(BODY_LINE, svg);
            b.keep_with_next = n > 1 && (i == 0 || i + 2 == n);
            self.blocks.push(b);
        }
    }

    fn heading(&mut self, text: &str) {
        self.blocks.push(Block::space(9.0));
        let mut svg = String::new();
        let style = Style {
            bold: true,
            color: ACCENT,
        };
        let lines = self.wrap(&[(text, style)], H2, TEXT_W);
        for (i, line) in lines.iter().enumerate() {
            line_svg(&mut svg, line, MARGIN_X, i as f32 * 18.0, H2, 18.0);
        }
        let h = lines.len() as f32 * 18.0 + 3.0;
        self.blocks.push(Block::new(h, svg).keep());
    }

    fn title(&mut self, jd: &JobDescription, index: usize) {
        let text = format!("{} · {}", jd.title, self.l.job_description);
        self.title_block(&text, None, index);
    }

    /// A document's title, with a line of smaller grey text under it if given, over a rule;
    /// it starts document `index` on a new page.
    fn title_block(&mut self, title: &str, subtitle: Option<&str>, index: usize) {
        let lines = self.wrap(&[(title, STRONG)], H1, TEXT_W);
        let mut svg = String::new();
        for (i, line) in lines.iter().enumerate() {
            line_svg(&mut svg, line, MARGIN_X, i as f32 * H1_LINE, H1, H1_LINE);
        }
        let mut y = lines.len() as f32 * H1_LINE;
        if let Some(subtitle) = subtitle {
            y += 2.0;
            let grey = Style {
                bold: false,
                color: MUTED,
            };
            for line in self.wrap(&[(subtitle, grey)], BODY, TEXT_W) {
                line_svg(&mut svg, &line, MARGIN_X, y, BODY, BODY_LINE);
                y += BODY_LINE;
            }
        }
        let rule = y + 5.0;
        hline(&mut svg, MARGIN_X, MARGIN_X + TEXT_W, rule, 1.5, ACCENT);
        let mut b = Block::new(rule + 10.0, svg).keep();
        b.starts = Some(index);
        self.blocks.push(b);
    }

    /// A table cell's lines at the table's size.
    fn cell(&self, runs: &[(&str, Style)], x: f32, w: f32) -> Cell {
        Cell {
            lines: self.wrap(runs, TABLE, w - 2.0 * PAD_X),
            x,
            w,
            fill: None,
            align: Align::Left,
        }
    }

    fn label(&self, text: &str, x: f32, w: f32) -> Cell {
        Cell {
            fill: Some(LABEL_FILL),
            ..self.cell(&[(text, STRONG)], x, w)
        }
    }

    /// A table row as blocks: one, or several when it is taller than a page.
    fn row(&mut self, cells: &[Cell], header: Option<usize>) -> usize {
        let n = cells
            .iter()
            .map(|c| c.lines.len())
            .max()
            .unwrap_or(0)
            .max(1);
        // Lines a block can hold, leaving room for a repeated header row.
        let fit = (((BODY_H - 3.0 * TABLE_LINE - 2.0 * PAD_Y) / TABLE_LINE) as usize).max(1);
        let mut first = self.blocks.len();
        for (part, start) in (0..n).step_by(fit).enumerate() {
            let end = (start + fit).min(n);
            let height = (end - start) as f32 * TABLE_LINE + 2.0 * PAD_Y;
            let mut svg = String::new();
            for c in cells {
                rect(&mut svg, c.x, 0.0, c.w, height, c.fill);
                let shown = c.lines.get(start..end.min(c.lines.len())).unwrap_or(&[]);
                // Vertically centred when the row is one block, else from the top.
                let top = if n <= fit {
                    (height - shown.len() as f32 * TABLE_LINE) / 2.0
                } else {
                    PAD_Y
                };
                for (i, line) in shown.iter().enumerate() {
                    let x = match c.align {
                        Align::Left => c.x + PAD_X,
                        Align::Right => c.x + c.w - PAD_X - line.width,
                    };
                    line_svg(
                        &mut svg,
                        line,
                        x,
                        top + i as f32 * TABLE_LINE,
                        TABLE,
                        TABLE_LINE,
                    );
                }
            }
            let mut b = Block::new(height, svg);
            b.header = header;
            self.blocks.push(b);
            if part == 0 {
                first = self.blocks.len() - 1;
            }
        }
        first
    }

    fn header_table(&mut self, jd: &JobDescription) {
        let l = self.l;
        let rows = crate::text::header_rows(jd, l);
        let label_w = rows
            .iter()
            .map(|(k, _)| self.fonts.width(k, TABLE, true))
            .fold(0.0, f32::max)
            .clamp(40.0, 110.0)
            + 2.0 * PAD_X;
        let half = TEXT_W / 2.0;
        let value_w = half - label_w;
        let x = [
            MARGIN_X,
            MARGIN_X + label_w,
            MARGIN_X + half,
            MARGIN_X + half + label_w,
        ];
        let fonts = self.fonts;
        let long =
            |v: &str| v.contains('\n') || fonts.width(v, TABLE, false) > value_w - 2.0 * PAD_X;
        for row in header_layout(rows, long) {
            let cells = match row {
                HeaderRow::Pair((k1, v1), (k2, v2)) => vec![
                    self.label(k1, x[0], label_w),
                    self.cell(&[(&v1, TEXT)], x[1], value_w),
                    self.label(k2, x[2], label_w),
                    self.cell(&[(&v2, TEXT)], x[3], value_w),
                ],
                HeaderRow::Single(k, v) => vec![
                    self.label(k, x[0], label_w),
                    self.cell(&[(&v, TEXT)], x[1], TEXT_W - label_w),
                ],
            };
            self.row(&cells, None);
        }
    }

    fn kpi_table(&mut self, jd: &JobDescription) {
        let l = self.l;
        let h = l.kpi_table_headers;
        let fonts = self.fonts;
        let widest = |head: &str, values: &mut dyn Iterator<Item = String>| {
            values
                .map(|v| fonts.width(&v, TABLE, true))
                .fold(fonts.width(head, TABLE, true), f32::max)
                + 2.0 * PAD_X
                + 2.0
        };
        let weight_w = widest(
            h[1],
            &mut jd
                .kpis
                .iter()
                .map(|k| format!("{}%", k.weight))
                .chain([format!("{}%", jd.kpi_total)]),
        );
        let cycle_w = widest(h[3], &mut jd.kpis.iter().map(|k| k.cycle.clone())).min(90.0);
        let rest = TEXT_W - weight_w - cycle_w;
        let w = [rest * 0.36, weight_w, rest * 0.34, cycle_w, rest * 0.30];
        let x = column_starts(&w);
        let align = |i: usize| if i == 1 { Align::Right } else { Align::Left };
        let head: Vec<Cell> = (0..5)
            .map(|i| Cell {
                align: align(i),
                ..self.label(h[i], x[i], w[i])
            })
            .collect();
        let header = self.row(&head, None);
        // The header row stays with the first row.
        self.blocks[header].keep_with_next = true;
        for k in &jd.kpis {
            let weight = format!("{}%", k.weight);
            let values = [&k.metric, &weight, &k.target, &k.cycle, &k.source];
            let cells: Vec<Cell> = (0..5)
                .map(|i| Cell {
                    align: align(i),
                    ..self.cell(&[(values[i], TEXT)], x[i], w[i])
                })
                .collect();
            self.row(&cells, Some(header));
        }
        let total = format!("{}%", jd.kpi_total);
        let total_style = Style {
            bold: true,
            color: if jd.kpi_total == orgplan_core::Weight::FULL {
                INK
            } else {
                WARN
            },
        };
        let cells = [
            self.cell(&[(l.total, STRONG)], x[0], w[0]),
            Cell {
                align: Align::Right,
                ..self.cell(&[(&total, total_style)], x[1], w[1])
            },
            self.cell(&[], x[2], TEXT_W - w[0] - w[1]),
        ];
        self.row(&cells, Some(header));
    }

    /// The three signers side by side, each with a line to sign on and one for the date.
    fn sign_off(&mut self) {
        let l = self.l;
        let colon = if l.sign_date.is_ascii() { ":" } else { "：" };
        let block = TEXT_W / 3.0;
        let row_h = 25.0;
        let mut svg = String::new();
        for (i, who) in l.sign_off.iter().enumerate() {
            let x = MARGIN_X + i as f32 * block;
            for (r, label) in [*who, l.sign_date].into_iter().enumerate() {
                let text = format!("{label}{colon}");
                let lines = self.wrap(&[(&text, STRONG)], BODY, block);
                let top = r as f32 * row_h + row_h - BODY_LINE;
                let width = lines.first().map_or(0.0, |l| l.width);
                if let Some(line) = lines.first() {
                    line_svg(&mut svg, line, x, top, BODY, BODY_LINE);
                }
                let end = x + block - 14.0;
                hline(
                    &mut svg,
                    x + width + 4.0,
                    end,
                    top + BODY_LINE - 2.0,
                    0.7,
                    INK,
                );
            }
        }
        // Never alone on a page: the last line before it goes along.
        if let Some(last) = self.blocks.iter_mut().rev().find(|b| !b.space) {
            last.keep_with_next = true;
        }
        self.blocks.push(Block::space(14.0));
        self.blocks.push(Block::new(2.0 * row_h, svg));
    }

    fn list(&mut self, items: &[String], numbered: bool) {
        let bullet = Style {
            bold: true,
            color: ACCENT,
        };
        for (n, item) in items.iter().enumerate() {
            if numbered {
                let number = format!("{}.", n + 1);
                self.paragraph(&[(item, TEXT)], NUMBER_INDENT, Some((&number, TEXT)));
            } else {
                self.paragraph(&[(item, TEXT)], BULLET_INDENT, Some(("•", bullet)));
            }
        }
    }

    fn job_description(&mut self, jd: &JobDescription, index: usize) {
        let l = self.l;
        let bullet = Style {
            bold: true,
            color: ACCENT,
        };
        self.title(jd, index);
        self.header_table(jd);
        for section in sections(jd, l) {
            self.heading(section.title);
            match section.body {
                Body::None => self.paragraph(&[(l.none, TEXT)], 0.0, None),
                Body::Text(t) => self.paragraph(&[(t, TEXT)], 0.0, None),
                Body::Numbered(items) => self.list(items, true),
                Body::Bullets(items) => self.list(items, false),
                Body::Rich(items) => {
                    for runs in &items {
                        let spans: Vec<(&str, Style)> = runs
                            .iter()
                            .map(|r| (r.text.as_str(), if r.strong { STRONG } else { TEXT }))
                            .collect();
                        self.paragraph(&spans, BULLET_INDENT, Some(("•", bullet)));
                    }
                }
                Body::Kpis => self.kpi_table(jd),
            }
        }
        self.sign_off();
    }
}

/// A number as a table prints it: whole numbers with thousands separators, else two decimals.
fn number(n: f64) -> String {
    if n.fract() != 0.0 {
        return format!("{n:.2}");
    }
    let digits = format!("{}", n.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0.0 {
        out.insert(0, '-');
    }
    out
}

impl Typesetter<'_> {
    /// A sheet as a table across the text width: a shaded header row repeated on every page
    /// the table reaches, numbers right-aligned with thousands separators, the totals in bold.
    /// Columns get their natural width when that fits, else the wide ones wrap.
    fn sheet_table(&mut self, sheet: &Sheet) {
        let fonts = self.fonts;
        let n = sheet.headers.len();
        let shown = |c: &SheetCell| match c {
            SheetCell::Text(s) => s.clone(),
            SheetCell::Number(x) => number(*x),
            SheetCell::Empty => String::new(),
        };
        let pad = 2.0 * PAD_X + 2.0;
        let mut natural: Vec<f32> = sheet
            .headers
            .iter()
            .map(|h| fonts.width(h, TABLE, true).min(120.0) + pad)
            .collect();
        // Numbers never wrap; a text column may shrink to six characters.
        let mut least: Vec<f32> = vec![0.0; n];
        let bold = sheet.rows.len();
        for (r, row) in sheet.rows.iter().chain(sheet.totals.iter()).enumerate() {
            for (i, c) in row.iter().enumerate().take(n) {
                let w = c_width(fonts, &shown(c), r == bold) + pad;
                natural[i] = natural[i].max(w);
                if matches!(c, SheetCell::Number(_)) {
                    least[i] = least[i].max(w);
                }
            }
        }
        for i in 0..n {
            least[i] = least[i].max(natural[i].min(6.0 * TABLE + pad));
        }
        let (sum_n, sum_l): (f32, f32) = (natural.iter().sum(), least.iter().sum());
        let widths: Vec<f32> = if sum_n <= TEXT_W {
            natural.iter().map(|w| w * TEXT_W / sum_n).collect()
        } else {
            let k = ((TEXT_W - sum_l) / (sum_n - sum_l).max(1.0)).max(0.0);
            natural
                .iter()
                .zip(&least)
                .map(|(nw, lw)| lw + (nw - lw) * k)
                .collect()
        };
        let x = column_starts(&widths);
        let numeric: Vec<bool> = (0..n)
            .map(|i| {
                sheet
                    .rows
                    .iter()
                    .any(|r| matches!(r.get(i), Some(SheetCell::Number(_))))
            })
            .collect();
        let align = |i: usize| {
            if numeric[i] {
                Align::Right
            } else {
                Align::Left
            }
        };
        let head: Vec<Cell> = (0..n)
            .map(|i| Cell {
                align: align(i),
                ..self.label(&sheet.headers[i], x[i], widths[i])
            })
            .collect();
        let header = self.row(&head, None);
        self.blocks[header].keep_with_next = true;
        for row in &sheet.rows {
            let cells: Vec<Cell> = (0..n)
                .map(|i| {
                    let text = row.get(i).map(shown).unwrap_or_default();
                    Cell {
                        align: align(i),
                        ..self.cell(&[(&text, TEXT)], x[i], widths[i])
                    }
                })
                .collect();
            self.row(&cells, Some(header));
        }
        if let Some(totals) = &sheet.totals {
            let cells: Vec<Cell> = (0..n)
                .map(|i| {
                    let text = totals.get(i).map(shown).unwrap_or_default();
                    Cell {
                        align: align(i),
                        fill: Some(LABEL_FILL),
                        ..self.cell(&[(&text, STRONG)], x[i], widths[i])
                    }
                })
                .collect();
            self.row(&cells, Some(header));
        }
        if sheet.rows.is_empty() && sheet.totals.is_none() {
            self.paragraph(&[(self.l.none, TEXT)], 0.0, None);
        }
    }
}

/// The widest line of `text` (it may hold newlines) at the table's size.
fn c_width(fonts: &Fonts, text: &str, bold: bool) -> f32 {
    text.lines()
        .map(|l| fonts.width(l, TABLE, bold))
        .fold(0.0, f32::max)
}

/// A report on A4 portrait pages: its title and subtitle, then each section's heading and
/// table (with no sections: a line that says there is nothing).
pub(crate) fn report_pages(
    fonts: &Fonts,
    title: &str,
    subtitle: &str,
    sections: &[(String, Sheet)],
    lang: Lang,
) -> Pages {
    let mut t = Typesetter {
        fonts,
        l: Labels::of(lang),
        blocks: Vec::new(),
    };
    t.title_block(title, Some(subtitle), 0);
    for (heading, sheet) in sections {
        t.heading(heading);
        t.sheet_table(sheet);
    }
    if sections.is_empty() {
        t.paragraph(&[(t.l.none, TEXT)], 0.0, None);
    }
    paginate(&t.blocks)
}

/// Places blocks on pages.
fn paginate(blocks: &[Block]) -> Pages {
    let mut pages: Vec<(String, usize)> = Vec::new();
    let mut starts = Vec::new();
    let mut y = BODY_TOP;
    let mut jd = 0;
    let place = |pages: &mut Vec<(String, usize)>, y: &mut f32, b: &Block| {
        let page = &mut pages.last_mut().expect("a page").0;
        let _ = write!(
            page,
            "<g transform=\"translate(0 {:.2})\">{}</g>",
            *y, b.svg
        );
        *y += b.height;
    };
    for (i, b) in blocks.iter().enumerate() {
        if let Some(index) = b.starts {
            jd = index;
            starts.push(pages.len());
            pages.push((String::new(), jd));
            y = BODY_TOP;
        }
        if pages.is_empty() {
            pages.push((String::new(), jd));
        }
        if b.space {
            if y > BODY_TOP && y + b.height <= BODY_BOTTOM {
                y += b.height;
            }
            continue;
        }
        // This block and those it is kept with (as far as a page holds).
        let mut need = b.height;
        let mut j = i;
        while (blocks[j].keep_with_next || blocks[j].space) && j + 1 < blocks.len() && need < BODY_H
        {
            j += 1;
            need += blocks[j].height;
        }
        if y > BODY_TOP && y + need.min(BODY_H) > BODY_BOTTOM {
            pages.push((String::new(), jd));
            y = BODY_TOP;
            if let Some(h) = b.header {
                place(&mut pages, &mut y, &blocks[h]);
            }
        }
        place(&mut pages, &mut y, b);
    }
    Pages { pages, starts }
}

/// The pages of `jds` (with no job descriptions: one page that says so).
pub(crate) fn pages(fonts: &Fonts, jds: &[JobDescription], lang: Lang) -> Pages {
    let mut t = Typesetter {
        fonts,
        l: Labels::of(lang),
        blocks: Vec::new(),
    };
    for (i, jd) in jds.iter().enumerate() {
        t.job_description(jd, i);
    }
    if jds.is_empty() {
        t.paragraph(&[(t.l.none, TEXT)], 0.0, None);
    }
    paginate(&t.blocks)
}

/// The non-empty parts, joined with a middle dot.
fn joined(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One line of small grey text in the page margin, at the left or right edge of the text.
fn margin_text(out: &mut String, fonts: &Fonts, text: &str, top: f32, align: Align) {
    let style = Style {
        bold: false,
        color: MUTED,
    };
    if let Some(line) = wrap(fonts, &[(text, style)], SMALL, f32::MAX).first() {
        let x = match align {
            Align::Left => MARGIN_X,
            Align::Right => MARGIN_X + TEXT_W - line.width,
        };
        line_svg(out, line, x, top, SMALL, 12.0);
    }
}

/// The running header (company · plan) and the footer's left text (plan · position) of a job
/// description's pages.
pub(crate) fn jd_margins(jd: Option<&JobDescription>) -> Margins {
    jd.map_or_else(Margins::default, |jd| Margins {
        header: joined(&[&jd.company, &jd.plan]),
        footer: joined(&[&jd.plan, &jd.title]),
    })
}

/// What a page prints in its margins besides the page number; empty texts are left out.
#[derive(Clone, Debug, Default)]
pub(crate) struct Margins {
    /// Right-aligned over a rule at the top.
    pub(crate) header: String,
    /// Left in the footer.
    pub(crate) footer: String,
}

/// "Page n of N", in `lang`.
pub(crate) fn page_of(n: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {n} 页 / 共 {total} 页"),
        Lang::En => format!("Page {n} of {total}"),
    }
}

/// One whole page: the body with the running header and the footer.
pub(crate) fn page_svg(
    fonts: &Fonts,
    body: &str,
    margins: &Margins,
    page: usize,
    total: usize,
    lang: Lang,
) -> String {
    let mut out = String::with_capacity(body.len() + 2048);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xml:space=\"preserve\" width=\"{PAGE_W}\" height=\"{PAGE_H}\" viewBox=\"0 0 {PAGE_W} {PAGE_H}\" font-family=\"'{}'\">",
        xml(&fonts.family)
    );
    let _ = write!(
        out,
        "<rect width=\"{PAGE_W}\" height=\"{PAGE_H}\" fill=\"#ffffff\"/>"
    );
    // Running header: company · plan, right-aligned over a rule.
    if !margins.header.is_empty() {
        let who = fonts.ellipsize(&margins.header, SMALL, TEXT_W);
        margin_text(&mut out, fonts, &who, 30.0, Align::Right);
        hline(&mut out, MARGIN_X, MARGIN_X + TEXT_W, 45.0, 0.5, RULE);
    }
    // Footer: plan · position on the left, the page on the right, under a rule.
    let of = page_of(page, total, lang);
    let top = PAGE_H - 40.0;
    hline(&mut out, MARGIN_X, MARGIN_X + TEXT_W, top - 4.0, 0.5, RULE);
    if !margins.footer.is_empty() {
        let room = TEXT_W - fonts.width(&of, SMALL, false) - 24.0;
        let left = fonts.ellipsize(&margins.footer, SMALL, room);
        margin_text(&mut out, fonts, &left, top, Align::Left);
    }
    margin_text(&mut out, fonts, &of, top, Align::Right);
    out.push_str(body);
    out.push_str("</svg>");
    out
}
