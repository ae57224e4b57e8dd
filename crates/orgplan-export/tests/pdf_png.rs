//! PDF and PNG from every template, read back: the PDF's text is extracted (pdf-extract) and
//! searched, page by page; the PNG is decoded. Long content flows over pages without losing
//! text; the chart PDF keeps its smallest text at 9 pt or more and labels every page; hostile
//! text stays text. These tests need a Chinese font (Debian: fonts-noto-cjk).

mod common;

use common::{bytes, opts, plan};
use orgplan_core::templates::template_ids;
use orgplan_core::{apply, Edit, Id, Lang, PlanDoc, PositionPatch};
use orgplan_export::pdf::{ChartPages, MIN_TEXT_PT};
use orgplan_export::svg::SMALLEST_TEXT;
use orgplan_export::{Format, Paper};
use resvg::tiny_skia::Pixmap;

/// Text without white space: extraction puts spaces and line breaks where the layout has
/// gaps, and lines wrap anywhere in Chinese.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Each page's text, squeezed.
fn pages(pdf: &[u8]) -> Vec<String> {
    assert!(pdf.starts_with(b"%PDF-"), "a PDF file");
    pdf_extract::extract_text_from_mem_by_pages(pdf)
        .expect("the PDF's text extracts")
        .iter()
        .map(|p| squeeze(p))
        .collect()
}

fn position(doc: &PlanDoc, title: &str) -> Id {
    doc.positions.iter().find(|p| p.title == title).unwrap().id
}

fn patched(doc: &PlanDoc, position: Id, patch: PositionPatch) -> PlanDoc {
    apply(doc, Edit::UpdatePosition { position, patch }).unwrap()
}

#[test]
fn jd_pdf_has_every_position_and_kpi_of_every_template() {
    for t in template_ids() {
        let doc = plan(t);
        let pdf = bytes(&doc, Format::Pdf, &opts(Lang::Zh));
        let pages = pages(&pdf);
        assert!(
            pages.len() >= doc.positions.len(),
            "{t}: {} pages",
            pages.len()
        );
        let all = pages.concat();
        for p in &doc.positions {
            let title = squeeze(&format!("{} · 岗位说明书", p.title));
            assert!(all.contains(&title), "{t}: {title}");
            for k in &p.kpis {
                assert!(all.contains(&squeeze(&k.metric)), "{t}: {}", k.metric);
            }
            for d in &p.duties {
                assert!(all.contains(&squeeze(d)), "{t}: {d}");
            }
        }
        // Every position starts a page; every page has its footer.
        let n = pages.len();
        for p in &doc.positions {
            let title = squeeze(&format!("{} · 岗位说明书", p.title));
            assert_eq!(
                pages.iter().filter(|page| page.contains(&title)).count(),
                1,
                "{t}: {title} once, at the top of its first page"
            );
        }
        for (i, page) in pages.iter().enumerate() {
            assert!(
                page.ends_with(&format!("第{}页/共{n}页", i + 1))
                    || page.contains(&format!("第{}页/共{n}页", i + 1)),
                "{t}: footer of page {}",
                i + 1
            );
        }
        for label in ["任职者", "直接上级", "人力资源", "日期", "合计", "100%"] {
            assert!(all.contains(label), "{t}: {label}");
        }
    }
}

#[test]
fn jd_pdf_in_english() {
    let doc = plan("team-5");
    let pdf = bytes(&doc, Format::Pdf, &opts(Lang::En));
    let pages = pages(&pdf);
    let all = pages.concat();
    for label in [
        "Jobdescription",
        "Reportsto",
        "Directreports",
        "KPIpoints",
        "Jobholder",
        "Directsuperior",
    ] {
        assert!(all.contains(label), "{label}");
    }
    assert!(pages[0].contains(&format!("Page1of{}", pages.len())));
}

#[test]
fn long_content_flows_over_pages_without_losing_text() {
    let doc = plan("team-8");
    let id = position(&doc, "店长");
    let duties: Vec<String> = (1..=40)
        .map(|i| format!("第{i}项职责：跟进店铺运营数据并输出周报 item-{i}"))
        .collect();
    // 1,000 characters: Chinese with Latin words, each sentence numbered.
    let mut purpose = String::new();
    let mut i = 0;
    while purpose.chars().count() < 1000 {
        i += 1;
        purpose.push_str(&format!(
            "统筹全店经营目标第{i}段，对 GMV and profit 负责。"
        ));
    }
    let purpose: String = purpose.chars().take(1000).collect();
    let mut kpis = doc.position(id).unwrap().kpis.clone();
    let template = kpis[0].clone();
    kpis = (1..=45)
        .map(|i| orgplan_core::Kpi {
            metric: format!("指标{i}号"),
            weight: orgplan_core::Weight::percent(if i <= 20 { 5 } else { 0 }),
            target: format!("目标值{i}"),
            ..template.clone()
        })
        .collect();
    let doc = patched(
        &doc,
        id,
        PositionPatch {
            duties: Some(duties.clone()),
            purpose: Some(purpose.clone()),
            kpis: Some(kpis.clone()),
            ..Default::default()
        },
    );
    let mut o = opts(Lang::Zh);
    o.position = Some(id);
    let pdf = bytes(&doc, Format::Pdf, &o);
    let pages = pages(&pdf);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    let all = pages.concat();
    assert!(
        all.contains(&squeeze(&purpose)),
        "the whole purpose, in order"
    );
    for (n, d) in duties.iter().enumerate() {
        assert!(all.contains(&squeeze(&format!("{}.{d}", n + 1))), "{d}");
    }
    for k in &kpis {
        assert!(all.contains(&squeeze(&k.metric)), "{}", k.metric);
    }
    // The KPI table continues on a later page, under its header row again.
    let header = "指标权重目标周期数据来源";
    let with_header: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].contains(header))
        .collect();
    assert!(
        with_header.len() >= 2,
        "header row on pages {with_header:?}"
    );
    let last = pages[*with_header.last().unwrap()].clone();
    let at = last.find(header).unwrap();
    assert!(
        last[at..].contains("指标45号"),
        "rows follow the repeated header"
    );
}

/// The `width` and `height` attributes of an SVG's root.
fn svg_size(svg: &str) -> (f32, f32) {
    let tree = roxmltree::Document::parse(svg).unwrap();
    let root = tree.root_element();
    let n = |a| root.attribute(a).unwrap().parse::<f32>().unwrap();
    (n("width"), n("height"))
}

#[test]
fn png_is_the_chart_at_twice_its_size_on_white() {
    for t in template_ids() {
        let doc = plan(t);
        let o = opts(Lang::Zh);
        let svg = String::from_utf8(bytes(&doc, Format::Svg, &o)).unwrap();
        let (w, h) = svg_size(&svg);
        let png = bytes(&doc, Format::Png, &o);
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{t}");
        let image = Pixmap::decode_png(&png).unwrap();
        assert_eq!(
            (image.width(), image.height()),
            ((w * 2.0).ceil() as u32, (h * 2.0).ceil() as u32),
            "{t}"
        );
        let corner = image.pixel(0, 0).unwrap();
        assert_eq!(
            (corner.red(), corner.green(), corner.blue(), corner.alpha()),
            (255, 255, 255, 255),
            "{t}: white background"
        );
        let inked = image
            .pixels()
            .iter()
            .filter(|p| p.red() < 128 && p.green() < 128)
            .count();
        assert!(inked > 1000, "{t}: text and lines are drawn ({inked})");
    }
}

#[test]
fn chart_pdf_splits_large_charts_and_labels_every_page() {
    for (t, paper) in [
        ("team-5", Paper::A4),
        ("team-8", Paper::A3),
        ("team-30", Paper::A4),
        ("team-30", Paper::A3),
        ("ops-center", Paper::A4),
    ] {
        let doc = plan(t);
        let mut o = opts(Lang::Zh);
        o.paper = paper;
        let svg = String::from_utf8(bytes(&doc, Format::Svg, &o)).unwrap();
        let (w, h) = svg_size(&svg);
        let grid = ChartPages::new(w, h, paper);
        // The 9 pt rule: the smallest text never prints smaller, and a split chart is at it.
        assert!(
            grid.scale * SMALLEST_TEXT as f32 >= MIN_TEXT_PT - 1e-4,
            "{t}"
        );
        assert!(grid.scale <= 1.0, "{t}: never enlarged");
        let (pw, ph) = paper.landscape();
        let fits_at_min = w * MIN_TEXT_PT / SMALLEST_TEXT as f32 <= pw - 56.0
            && h * MIN_TEXT_PT / SMALLEST_TEXT as f32 <= ph - 80.0;
        if !fits_at_min {
            assert!(grid.windows.len() > 1, "{t}: split");
            assert!((grid.scale * SMALLEST_TEXT as f32 - MIN_TEXT_PT).abs() < 1e-4);
        }
        let pdf = bytes(&doc, Format::ChartPdf, &o);
        let pages = pages(&pdf);
        assert_eq!(pages.len(), grid.windows.len(), "{t}");
        for (i, page) in pages.iter().enumerate() {
            let label = squeeze(&grid.label(i, Lang::Zh));
            assert!(page.contains(&label), "{t}: page {} has {label}", i + 1);
            assert!(page.contains(&squeeze(&doc.plan.name)), "{t}: plan name");
        }
        // Every card is on some page.
        let all = pages.concat();
        for p in &doc.positions {
            let shown: String = p.title.chars().take(6).collect();
            assert!(all.contains(&squeeze(&shown)), "{t}: {}", p.title);
        }
    }
    // team-30 does not fit one A4 page at 9 pt.
    let doc = plan("team-30");
    let pdf = bytes(&doc, Format::ChartPdf, &opts(Lang::Zh));
    let pages = pages(&pdf);
    assert!(pages.len() > 1);
    assert!(pages[1].contains(&squeeze(&format!("第1行第2列/共{}页", pages.len()))));
}

#[test]
fn chart_pdf_labels_in_english() {
    let doc = plan("ops-center");
    let pdf = bytes(&doc, Format::ChartPdf, &opts(Lang::En));
    let pages = pages(&pdf);
    let n = pages.len();
    assert!(pages[0].contains(&format!("Row1,column1—page1of{n}")) || n == 1);
    assert!(pages[0].contains("Organisationchart"));
}

#[test]
fn hostile_text_stays_text_in_svg_png_and_pdf() {
    let doc = plan("team-8");
    let id = position(&doc, "店长");
    let title = "<script>alert(1)</script> & ]]> \"x\"";
    let doc = patched(
        &doc,
        id,
        PositionPatch {
            title: Some(title.into()),
            duties: Some(vec!["<![CDATA[ x ]]> &amp; <b>bold</b>".into()]),
            ..Default::default()
        },
    );
    let o = opts(Lang::Zh);
    let svg = String::from_utf8(bytes(&doc, Format::Svg, &o)).unwrap();
    let tree = roxmltree::Document::parse(&svg).expect("the SVG parses");
    assert!(tree.descendants().all(|n| n.tag_name().name() != "script"));
    assert!(tree
        .descendants()
        .any(|n| n.text().is_some_and(|t| t.starts_with("<script>"))));
    let png = bytes(&doc, Format::Png, &o);
    assert!(Pixmap::decode_png(&png).is_ok());
    let pdf = bytes(&doc, Format::Pdf, &o);
    let all = pages(&pdf).concat();
    assert!(all.contains(&squeeze(title)), "{all}");
    assert!(all.contains(&squeeze("<![CDATA[ x ]]> &amp; <b>bold</b>")));
    let chart = pages(&bytes(&doc, Format::ChartPdf, &o)).concat();
    assert!(chart.contains("<script>"));
}

fn comparison_pdf(a: &PlanDoc, b: &PlanDoc, lang: Lang) -> Vec<u8> {
    use orgplan_export::consultant::{export_comparison, ComparisonFormat};
    match export_comparison(a, b, ComparisonFormat::Pdf, &opts(lang)).unwrap() {
        orgplan_export::Output::File(b) => b,
        orgplan_export::Output::Files(_) => panic!("one file expected"),
    }
}

/// Thousands separators, as the report's tables print money.
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn comparison_pdf_has_the_figures_every_change_and_the_marked_chart() {
    for (ta, tb) in [("team-5", "team-8"), ("team-8", "team-30")] {
        let (a, b) = (plan(ta), plan(tb));
        let c = orgplan_core::compare::compare(&a, &b, Lang::Zh);
        let pages = pages(&comparison_pdf(&a, &b, Lang::Zh));
        // The report, then the chart: the chart's pages carry the legend.
        let first_chart = pages
            .iter()
            .position(|p| p.contains("变化标注"))
            .expect("a chart page");
        assert!(first_chart >= 1, "{ta}→{tb}: the report comes first");
        // Every page gives its number in the whole file.
        let n = pages.len();
        for (i, page) in pages.iter().enumerate() {
            assert!(
                page.contains(&format!("第{}页/共{n}页", i + 1)),
                "{ta}→{tb}: footer of page {}",
                i + 1
            );
        }
        let report = pages[..first_chart].concat();
        let chart = pages[first_chart..].concat();
        assert!(report.starts_with(&squeeze(&format!("方案对比：{} → {}", c.a.name, c.b.name))));
        for heading in ["总览", "部门对比", "方案对比", "人数", "岗位数", "新招人数"]
        {
            assert!(report.contains(heading), "{ta}→{tb}: {heading}");
        }
        let cost = &c.cost_delta;
        for figure in [
            grouped(cost.monthly_a.min),
            grouped(cost.monthly_a.max),
            grouped(cost.monthly_b.max),
            grouped(cost.monthly_b.yearly().min),
        ] {
            assert!(report.contains(&figure), "{ta}→{tb}: payroll {figure}");
        }
        for d in c.departments.iter().filter(|d| !d.name.is_empty()) {
            assert!(report.contains(&squeeze(&d.name)), "{ta}→{tb}: {}", d.name);
        }
        assert!(!c.added.is_empty() && !c.splits.is_empty());
        for p in &c.added {
            assert!(
                report.contains(&squeeze(&p.title)),
                "{ta}→{tb}: {}",
                p.title
            );
        }
        for s in &c.splits {
            assert!(
                report.contains(&squeeze(&s.reason)),
                "{ta}→{tb}: {}",
                s.reason
            );
        }
        for h in &c.hiring_order {
            assert!(report.contains(&squeeze(&h.position.title)));
        }
        // The chart: B's positions, A's removed ones as ghosts, and the legend.
        for word in ["新增", "调整汇报", "更名/编制调整", "已撤销"] {
            assert!(chart.contains(word), "{ta}→{tb}: legend {word}");
        }
        for p in b.positions.iter() {
            assert!(chart.contains(&squeeze(&p.title)), "{ta}→{tb}: {}", p.title);
        }
        for r in &c.removed {
            let t = squeeze(&r.position.title);
            assert!(chart.contains(&t), "{ta}→{tb}: ghost {t}");
        }
    }
}

#[test]
fn comparison_pdf_in_english_and_with_hostile_text() {
    let a = plan("team-5");
    let mut b = plan("team-8");
    b.plan.name = "<B & \"co\">".into();
    let boss = b.positions.iter().find(|p| p.parent.is_none()).unwrap().id;
    let b = patched(
        &b,
        boss,
        PositionPatch {
            title: Some("Boss </text><svg>".into()),
            ..PositionPatch::default()
        },
    );
    let pages = pages(&comparison_pdf(&a, &b, Lang::En));
    let all = pages.concat();
    for text in [
        "Comparison",
        "Summary",
        "Departments",
        "Changes",
        "<B&\"co\">",
        "Boss</text><svg>",
        "changesmarked",
        "Added",
    ] {
        assert!(all.contains(text), "{text}");
    }
}
