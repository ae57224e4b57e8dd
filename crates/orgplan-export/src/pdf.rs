//! PDF: the job descriptions ([`job_descriptions`]), the chart ([`chart`]) and the comparison of
//! two plans ([`comparison`]).
//!
//! Every page is an SVG document: the job descriptions are set by [`crate::jd_pages`], and each
//! chart page is a window onto the chart of [`crate::svg`]. usvg parses a page with our fonts
//! ([`crate::fonts`]) and krilla-svg draws it on a krilla page with its text embedded, so the
//! text stays selectable and searchable; krilla subsets the fonts into the file.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};
use krilla::destination::XyzDestination;
use krilla::geom::{Point, Size};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::{Document, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};
use orgplan_core::compare::Comparison;
use orgplan_core::{Lang, PlanDoc};
use resvg::usvg;

use crate::docx::{ACCENT, INK, MUTED, RULE};
use crate::fonts::{fonts, Fonts};
use crate::labels::Labels;
use crate::model::JobDescription;
use crate::svg::{Chart, Mark, SMALLEST_TEXT};
use crate::text::html_escape as xml;
use crate::{consultant, jd_pages};
use crate::{ExportError, Paper};

fn build_error(e: impl std::fmt::Display) -> ExportError {
    ExportError::Build("pdf", e.to_string())
}

/// A PDF being written, one SVG page at a time.
struct Writer {
    doc: Document,
    options: usvg::Options<'static>,
}

impl Writer {
    fn new(fonts: &Fonts, title: String, lang: Lang, date: NaiveDate) -> Writer {
        let mut doc = Document::new_with(SerializeSettings::default());
        let created = DateTime::new(u16::try_from(date.year()).unwrap_or(2000))
            .month(date.month() as u8)
            .day(date.day() as u8);
        doc.set_metadata(
            Metadata::new()
                .title(title)
                .language(lang.pick("zh-CN", "en").to_string())
                .creator("OrgPlan".to_string())
                .creation_date(created),
        );
        Writer {
            doc,
            options: fonts.usvg_options(),
        }
    }

    /// Adds the pages, in order. Parsing a page (usvg lays its text out) is most of the work,
    /// so pages are parsed in batches on all cores and drawn one after the other.
    fn pages(&mut self, svgs: impl Iterator<Item = String>) -> Result<(), ExportError> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let mut svgs = svgs.peekable();
        while svgs.peek().is_some() {
            let batch: Vec<String> = svgs.by_ref().take(threads * 4).collect();
            let chunk = batch.len().div_ceil(threads);
            let options = &self.options;
            let trees: Vec<Result<usvg::Tree, usvg::Error>> = std::thread::scope(|scope| {
                let parsing: Vec<_> = batch
                    .chunks(chunk)
                    .map(|part| {
                        scope.spawn(move || {
                            part.iter()
                                .map(|svg| usvg::Tree::from_str(svg, options))
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                parsing
                    .into_iter()
                    .flat_map(|t| t.join().expect("a page parses without panicking"))
                    .collect()
            });
            for tree in trees {
                self.draw(&tree.map_err(build_error)?)?;
            }
        }
        Ok(())
    }

    fn draw(&mut self, tree: &usvg::Tree) -> Result<(), ExportError> {
        let (w, h) = (tree.size().width(), tree.size().height());
        let settings = PageSettings::from_wh(w, h).ok_or_else(|| build_error("empty page"))?;
        let mut page = self.doc.start_page_with(settings);
        let mut surface = page.surface();
        surface.draw_svg(
            tree,
            Size::from_wh(w, h).ok_or_else(|| build_error("empty page"))?,
            SvgSettings {
                embed_text: true,
                ..SvgSettings::default()
            },
        );
        surface.finish();
        page.finish();
        Ok(())
    }

    fn finish(mut self, outline: Option<Outline>) -> Result<Vec<u8>, ExportError> {
        if let Some(outline) = outline {
            self.doc.set_outline(outline);
        }
        self.doc.finish().map_err(|e| build_error(format!("{e:?}")))
    }
}

/// The job descriptions as a PDF: A4 portrait, each position from a new page, with a bookmark
/// for each position.
pub fn job_descriptions(
    jds: &[JobDescription],
    lang: Lang,
    date: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    let fonts = fonts()?;
    let l = Labels::of(lang);
    let pages = jd_pages::pages(fonts, jds, lang);
    let title = match jds.first() {
        Some(jd) if !jd.plan.is_empty() => format!("{} · {}", jd.plan, l.job_description),
        _ => l.job_description.to_string(),
    };
    let mut w = Writer::new(fonts, title, lang, date);
    let total = pages.pages.len();
    w.pages(pages.pages.iter().enumerate().map(|(i, (body, jd))| {
        jd_pages::page_svg(
            fonts,
            body,
            &jd_pages::jd_margins(jds.get(*jd)),
            i + 1,
            total,
            lang,
        )
    }))?;
    let mut outline = Outline::new();
    for (jd, &page) in jds.iter().zip(&pages.starts) {
        outline.push_child(OutlineNode::new(
            jd.title.clone(),
            XyzDestination::new(page, Point::from_xy(0.0, 0.0)),
        ));
    }
    w.finish(Some(outline))
}

/// Margin around a chart page and the band at its top for the label, in points.
const CHART_MARGIN: f32 = 28.0;
const LABEL_BAND: f32 = 24.0;
const LABEL_SIZE: f32 = 9.0;
/// The smallest text printed on a chart page, in points.
pub const MIN_TEXT_PT: f32 = 9.0;
/// How much neighbouring pages of a split chart overlap, in chart units.
const OVERLAP: f32 = 40.0;

/// How the chart goes on paper: its scale (points a chart unit) and the grid of pages, each a
/// window (x, y, width, height in chart units) onto the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPages {
    pub scale: f32,
    pub rows: usize,
    pub cols: usize,
    /// Row by row.
    pub windows: Vec<[f32; 4]>,
    /// Where the window is drawn on the page (x, y, width, height in points).
    pub area: [f32; 4],
}

impl ChartPages {
    /// A chart `width` × `height` (chart units) on `paper`: on one page when it fits at a scale
    /// that prints its smallest text at [`MIN_TEXT_PT`] or larger (never enlarged past 100%),
    /// else at exactly that scale on a grid of overlapping pages.
    pub fn new(width: f32, height: f32, paper: Paper) -> ChartPages {
        let (pw, ph) = paper.landscape();
        let (ax, ay) = (CHART_MARGIN, CHART_MARGIN + LABEL_BAND);
        let (aw, ah) = (
            pw - 2.0 * CHART_MARGIN,
            ph - 2.0 * CHART_MARGIN - LABEL_BAND,
        );
        let min_scale = MIN_TEXT_PT / SMALLEST_TEXT as f32;
        let fit = (aw / width).min(ah / height).min(1.0);
        if fit >= min_scale {
            let (w, h) = (width * fit, height * fit);
            return ChartPages {
                scale: fit,
                rows: 1,
                cols: 1,
                windows: vec![[0.0, 0.0, width, height]],
                area: [ax + (aw - w) / 2.0, ay, w, h],
            };
        }
        let s = min_scale;
        let (ww, wh) = (aw / s, ah / s);
        // Windows spread evenly from edge to edge, overlapping by OVERLAP or more; where one
        // window holds the whole extent, the chart is centred in it.
        let spread = |total: f32, window: f32| -> (usize, f32, f32) {
            if total <= window {
                return (1, (total - window) / 2.0, 0.0);
            }
            let n = ((total - OVERLAP) / (window - OVERLAP)).ceil() as usize;
            (n, 0.0, (total - window) / (n - 1) as f32)
        };
        let (cols, x0, step_x) = spread(width, ww);
        let (rows, y0, step_y) = spread(height, wh);
        let mut windows = Vec::with_capacity(rows * cols);
        for r in 0..rows {
            for c in 0..cols {
                windows.push([x0 + c as f32 * step_x, y0 + r as f32 * step_y, ww, wh]);
            }
        }
        ChartPages {
            scale: s,
            rows,
            cols,
            windows,
            area: [ax, ay, aw, ah],
        }
    }

    /// Row and column (from 1) of page `index` (from 0).
    fn place(&self, index: usize) -> (usize, usize) {
        (index / self.cols + 1, index % self.cols + 1)
    }

    /// The label of page `index` (from 0): its place in the grid and the page count.
    pub fn label(&self, index: usize, lang: Lang) -> String {
        let ((r, c), n, total) = (self.place(index), index + 1, self.windows.len());
        match (lang, total) {
            (_, 1) => jd_pages::page_of(1, 1, lang),
            (Lang::Zh, _) => format!("第 {r} 行 第 {c} 列 / 共 {total} 页"),
            (Lang::En, _) => format!("Row {r}, column {c} — page {n} of {total}"),
        }
    }

    /// The label of page `index` (from 0) of a chart that follows `before` other pages in a
    /// file of `total`: the page's number in the file, after its place in the grid when the
    /// chart takes several pages.
    pub fn label_in_file(&self, index: usize, before: usize, total: usize, lang: Lang) -> String {
        let file = jd_pages::page_of(before + index + 1, total, lang);
        if self.windows.len() == 1 {
            return file;
        }
        let (r, c) = self.place(index);
        match lang {
            Lang::Zh => format!("架构图第 {r} 行第 {c} 列 · {file}"),
            Lang::En => format!("chart row {r}, column {c} · {file}"),
        }
    }
}

/// Writes `text` at (x, baseline) in the label's size.
fn label_text(out: &mut String, text: &str, x: f32, y: f32, anchor: &str, color: &str) {
    let _ = write!(
        out,
        "<text x=\"{x:.2}\" y=\"{y:.2}\" font-size=\"{LABEL_SIZE}\" text-anchor=\"{anchor}\" fill=\"#{color}\">{}</text>",
        xml(text)
    );
}

/// The chart as a PDF on `paper`, landscape: see [`ChartPages`]. Every page is labelled with
/// the plan, the date and its place in the grid (with a small map of the grid).
pub fn chart(
    doc: &PlanDoc,
    lang: Lang,
    paper: Paper,
    date: NaiveDate,
    names: bool,
) -> Result<Vec<u8>, ExportError> {
    let fonts = fonts()?;
    let l = Labels::of(lang);
    let chart = Chart::new(doc, lang, names);
    let title = format!("{} · {}", doc.plan.name, l.chart);
    let mut w = Writer::new(fonts, title.clone(), lang, date);
    let heading = format!("{title} · {}", date.format("%Y-%m-%d"));
    chart_pages(&mut w, fonts, &chart, paper, lang, &heading, &[], None)?;
    w.finish(None)
}

/// Adds `chart`'s pages to `w` (see [`ChartPages`]): each labelled with `heading`, the legend
/// (colour, words) after it, and the page's place in the grid with a small map of the grid.
/// In a file with other pages, `in_file` is (pages before the chart, pages in the file), and
/// the label gives the page's number in the file first.
#[allow(clippy::too_many_arguments)]
fn chart_pages(
    w: &mut Writer,
    fonts: &Fonts,
    chart: &Chart,
    paper: Paper,
    lang: Lang,
    heading: &str,
    legend: &[(&str, &str)],
    in_file: Option<(usize, usize)>,
) -> Result<(), ExportError> {
    let grid = ChartPages::new(chart.width as f32, chart.height as f32, paper);
    let (pw, ph) = paper.landscape();
    let baseline = CHART_MARGIN + LABEL_SIZE;
    let legend_w: f32 = legend
        .iter()
        .map(|(_, words)| fonts.width(words, LABEL_SIZE, false) + 22.0)
        .sum();
    let page = |(i, window): (usize, &[f32; 4])| {
        let mut svg = String::new();
        let _ = write!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pw}\" height=\"{ph}\" viewBox=\"0 0 {pw} {ph}\" font-family=\"'{}'\"><rect width=\"{pw}\" height=\"{ph}\" fill=\"#ffffff\"/>",
            xml(&fonts.family)
        );
        let label = match in_file {
            None => grid.label(i, lang),
            Some((before, total)) => grid.label_in_file(i, before, total, lang),
        };
        let right = pw - CHART_MARGIN;
        label_text(&mut svg, &label, right, baseline, "end", INK);
        // A map of the grid, this page filled, left of the label.
        let mut map_right = right - fonts.width(&label, LABEL_SIZE, false) - 10.0;
        if grid.windows.len() > 1 {
            let cell = (60.0 / grid.cols.max(grid.rows) as f32).clamp(2.0, 8.0);
            let x0 = map_right - cell * grid.cols as f32;
            let y0 = baseline - LABEL_SIZE * 0.8 + (LABEL_SIZE - cell * grid.rows as f32) / 2.0;
            for r in 0..grid.rows {
                for c in 0..grid.cols {
                    let here = r * grid.cols + c == i;
                    let _ = write!(
                        svg,
                        "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{cell:.2}\" height=\"{cell:.2}\" fill=\"{}\" stroke=\"#{RULE}\" stroke-width=\"0.5\"/>",
                        x0 + c as f32 * cell,
                        y0 + r as f32 * cell,
                        if here { format!("#{ACCENT}") } else { "#ffffff".into() }
                    );
                }
            }
            map_right = x0 - 10.0;
        }
        // The legend, right of the heading.
        let mut x = map_right - legend_w;
        for (color, words) in legend {
            let _ = write!(
                svg,
                "<rect x=\"{x:.2}\" y=\"{:.2}\" width=\"9\" height=\"9\" rx=\"2\" fill=\"{}\"/>",
                baseline - 8.0,
                xml(color)
            );
            label_text(&mut svg, words, x + 13.0, baseline, "start", INK);
            x += fonts.width(words, LABEL_SIZE, false) + 22.0;
        }
        let room = map_right - legend_w - CHART_MARGIN - 10.0;
        let heading = fonts.ellipsize(heading, LABEL_SIZE, room);
        label_text(&mut svg, &heading, CHART_MARGIN, baseline, "start", MUTED);
        let rule = CHART_MARGIN + LABEL_BAND - 8.0;
        let _ = write!(
            svg,
            "<path d=\"M{CHART_MARGIN} {rule}H{right}\" stroke=\"#{RULE}\" stroke-width=\"0.5\"/>"
        );
        let [wx, wy, ww, wh] = *window;
        let [ax, ay, aw, ah] = grid.area;
        chart.write(
            &mut svg,
            [wx as f64, wy as f64, ww as f64, wh as f64],
            Some([ax as f64, ay as f64, aw as f64, ah as f64]),
        );
        svg.push_str("</svg>");
        svg
    };
    w.pages(grid.windows.iter().enumerate().map(page))
}

/// The comparison of plan `a` (before) with plan `b` (after) as a PDF: A4 portrait pages with
/// the figures of both plans, each department's headcount and payroll, and every change (with
/// the growth path's splits and hiring order); then plan B's chart on `paper`, landscape, with
/// the changes marked as in the app (added green, moved amber, renamed or resized blue, and
/// plan A's removed positions as red ghosts under their old superior).
pub fn comparison(
    a: &PlanDoc,
    b: &PlanDoc,
    c: &Comparison,
    lang: Lang,
    paper: Paper,
    date: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    let fonts = fonts()?;
    let title = format!(
        "{}：{} → {}",
        lang.pick("方案对比", "Comparison"),
        c.a.name,
        c.b.name
    );
    let subtitle = format!(
        "{} · {}",
        date.format("%Y-%m-%d"),
        lang.pick(
            "A 为调整前方案，B 为调整后方案；人力成本按薪资带宽中位数计",
            "A is the plan before, B the plan after; payroll at the middle of each pay band"
        )
    );
    let mut sections = vec![(
        lang.pick("总览", "Summary").to_string(),
        consultant::comparison_summary(c, lang),
    )];
    for sheet in consultant::comparison_sheets(c, lang).into_iter().rev() {
        sections.push((sheet.name.clone(), sheet));
    }
    let pages = jd_pages::report_pages(fonts, &title, &subtitle, &sections, lang);
    let mut w = Writer::new(fonts, title.clone(), lang, date);
    let margins = jd_pages::Margins {
        header: title.clone(),
        footer: format!("{} · {}", c.a.name, c.b.name),
    };
    // The report's footers count the whole file: its pages and the chart's.
    let (plan, marks) = consultant::marked_plan(a, b, c);
    let chart = Chart::marked(&plan, lang, &marks, false);
    let chart_count = ChartPages::new(chart.width as f32, chart.height as f32, paper)
        .windows
        .len();
    let report = pages.pages.len();
    let total = report + chart_count;
    w.pages(
        pages
            .pages
            .iter()
            .enumerate()
            .map(|(i, (body, _))| jd_pages::page_svg(fonts, body, &margins, i + 1, total, lang)),
    )?;
    let heading = format!(
        "{} · {} · {}",
        c.b.name,
        lang.pick("变化标注", "changes marked"),
        date.format("%Y-%m-%d")
    );
    let legend: Vec<(&str, &str)> = [Mark::Added, Mark::Moved, Mark::Changed, Mark::Removed]
        .into_iter()
        .map(|m| (m.color(), m.label(lang)))
        .collect();
    chart_pages(
        &mut w,
        fonts,
        &chart,
        paper,
        lang,
        &heading,
        &legend,
        Some((report, total)),
    )?;
    let mut outline = Outline::new();
    outline.push_child(OutlineNode::new(
        title,
        XyzDestination::new(0, Point::from_xy(0.0, 0.0)),
    ));
    outline.push_child(OutlineNode::new(
        lang.pick("组织架构图（变化标注）", "Chart with the changes")
            .to_string(),
        XyzDestination::new(report, Point::from_xy(0.0, 0.0)),
    ));
    w.finish(Some(outline))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_charts_fit_one_page_and_are_not_enlarged() {
        let p = ChartPages::new(400.0, 200.0, Paper::A4);
        assert_eq!((p.rows, p.cols, p.scale), (1, 1, 1.0));
        let p = ChartPages::new(1000.0, 400.0, Paper::A4);
        assert_eq!(p.windows.len(), 1);
        assert!(p.scale < 1.0 && p.scale * SMALLEST_TEXT as f32 >= MIN_TEXT_PT);
    }

    #[test]
    fn large_charts_are_split_at_the_minimum_scale_with_overlap() {
        let p = ChartPages::new(5000.0, 900.0, Paper::A4);
        assert_eq!(p.scale * SMALLEST_TEXT as f32, MIN_TEXT_PT);
        assert!(p.cols > 1 && p.rows >= 1);
        assert_eq!(p.windows.len(), p.rows * p.cols);
        // Every point of the chart is on a page, and neighbours overlap.
        let last = p.windows[p.cols - 1];
        assert!((last[0] + last[2] - 5000.0).abs() < 0.01);
        assert!(p.windows[1][0] < p.windows[0][0] + p.windows[0][2] - OVERLAP + 0.01);
        // A3 needs fewer pages.
        assert!(ChartPages::new(5000.0, 900.0, Paper::A3).windows.len() < p.windows.len());
    }

    #[test]
    fn labels_name_row_column_and_count() {
        let p = ChartPages::new(5000.0, 2000.0, Paper::A4);
        assert!(p.rows > 1 && p.cols > 2);
        let n = p.windows.len();
        assert_eq!(
            p.label(p.cols + 2, Lang::Zh),
            format!("第 2 行 第 3 列 / 共 {n} 页")
        );
        assert_eq!(
            p.label(p.cols + 2, Lang::En),
            format!("Row 2, column 3 — page {} of {n}", p.cols + 3)
        );
    }
}
