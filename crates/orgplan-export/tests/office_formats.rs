//! DOCX and XLSX from every template, read back the way Word and Excel would: the DOCX is
//! unzipped and its XML parsed, the XLSX is read with calamine. And the injection cases: what
//! a user typed is escaped in the DOCX and stays text (never a formula) in the XLSX.

use std::io::{Cursor, Read};

mod common;

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use common::{bytes, opts, plan};
use orgplan_core::templates::template_ids;
use orgplan_core::{apply, Edit, Lang, PlanDoc, PositionPatch};
use orgplan_export::model::sheets;
use orgplan_export::Format;
use roxmltree::{Document, Node};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// One part of a zip package, as text.
fn part(zip: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).unwrap();
    let mut s = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn part_names(zip: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(Cursor::new(zip)).unwrap();
    archive
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .collect()
}

/// A plan whose 店长 carries hostile text in its title, duties and a KPI target.
fn hostile() -> PlanDoc {
    let doc = plan("team-8");
    let manager = doc.positions.iter().find(|p| p.title == "店长").unwrap().id;
    let mut kpis = doc.position(manager).unwrap().kpis.clone();
    kpis[0].target = "-1+2".into();
    kpis[1].metric = "@SUM(A1)".into();
    apply(
        &doc,
        Edit::UpdatePosition {
            position: manager,
            patch: PositionPatch {
                title: Some("=HYPERLINK(\"http://evil\")".into()),
                duties: Some(vec![
                    "<script>alert(1)</script>".into(),
                    "A & B <c> \"d\" 'e'".into(),
                    "+cmd|' /C calc'!A0".into(),
                ]),
                kpis: Some(kpis),
                ..Default::default()
            },
        },
    )
    .unwrap()
}

fn w<'a>(n: Node<'a, 'a>, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
}

fn child<'a>(n: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    n.children().find(|c| w(*c, name))
}

fn val<'a>(n: Node<'a, 'a>) -> Option<&'a str> {
    n.attribute((W, "val"))
}

/// The text of a paragraph: its `w:t` runs joined.
fn text(p: Node) -> String {
    p.descendants()
        .filter(|n| w(*n, "t"))
        .filter_map(|n| n.text())
        .collect()
}

fn style_of<'a>(p: Node<'a, 'a>) -> Option<&'a str> {
    child(p, "pPr")
        .and_then(|ppr| child(ppr, "pStyle"))
        .and_then(val)
}

fn num_id(p: Node) -> Option<String> {
    let num = child(child(p, "pPr")?, "numPr")?;
    child(num, "numId").and_then(val).map(str::to_string)
}

#[test]
fn docx_has_every_position_duty_and_kpi() {
    for t in template_ids() {
        let doc = plan(t);
        let docx = bytes(&doc, Format::Docx, &opts(Lang::Zh));
        let xml = part(&docx, "word/document.xml");
        let tree = Document::parse(&xml).unwrap_or_else(|e| panic!("{t}: {e}"));
        let paras: Vec<Node> = tree.descendants().filter(|n| w(*n, "p")).collect();
        let headings: Vec<String> = paras
            .iter()
            .filter(|p| style_of(**p) == Some("Heading1"))
            .map(|p| text(*p))
            .collect();
        let expected: Vec<String> = doc
            .positions
            .iter()
            .map(|p| format!("{} · 岗位说明书", p.title))
            .collect();
        assert_eq!(
            headings, expected,
            "{t}: one Heading1 per position, in order"
        );
        let h2 = paras
            .iter()
            .filter(|p| style_of(**p) == Some("Heading2"))
            .count();
        assert!(
            h2 >= 4 * doc.positions.len(),
            "{t}: purpose, duties, requirements and KPI headings"
        );
        let breaks = tree
            .descendants()
            .filter(|n| w(*n, "pageBreakBefore"))
            .count()
            + xml.matches("w:type=\"page\"").count();
        assert_eq!(breaks, doc.positions.len() - 1, "{t}: a page per position");
        let mut lists = Vec::new();
        for p in &doc.positions {
            for d in &p.duties {
                let para = paras
                    .iter()
                    .find(|n| text(**n) == *d)
                    .unwrap_or_else(|| panic!("{t}: duty {d}"));
                let id = num_id(*para).unwrap_or_else(|| panic!("{t}: duty {d} is numbered"));
                if lists.last() != Some(&id) {
                    lists.push(id);
                }
            }
            let cells: Vec<String> = tree
                .descendants()
                .filter(|n| w(*n, "tc"))
                .map(text)
                .collect();
            for k in &p.kpis {
                assert!(cells.contains(&k.metric), "{t}: KPI {}", k.metric);
                assert!(cells.contains(&format!("{}%", k.weight)), "{t}: weight");
            }
            for r in &p.requirements {
                assert!(paras.iter().any(|n| text(*n) == *r), "{t}: requirement {r}");
            }
        }
        let numbered = doc
            .positions
            .iter()
            .filter(|p| !p.duties.is_empty())
            .count();
        assert_eq!(
            lists.len(),
            numbered,
            "{t}: each position's duties are their own list, numbered from 1"
        );
        let rows: Vec<Vec<String>> = tree
            .descendants()
            .filter(|n| w(*n, "tr"))
            .map(|r| r.children().filter(|c| w(*c, "tc")).map(text).collect())
            .collect();
        assert_eq!(
            rows.iter()
                .filter(|r| r.len() >= 2 && r[0] == "合计" && r[1] == "100%")
                .count(),
            doc.positions.len(),
            "{t}: a KPI total row of 100% per position"
        );
        let signers = ["任职者：", "直接上级：", "人力资源："];
        for s in signers {
            assert_eq!(
                rows.iter().flatten().filter(|c| *c == s).count(),
                doc.positions.len(),
                "{t}: {s}"
            );
        }
        let en = part(
            &bytes(&doc, Format::Docx, &opts(Lang::En)),
            "word/document.xml",
        );
        assert!(
            en.contains("Job description") && en.contains("Job holder"),
            "{t}"
        );
    }
}

#[test]
fn docx_uses_real_styles_a4_and_chinese_fonts() {
    let doc = plan("team-8");
    let docx = bytes(&doc, Format::Docx, &opts(Lang::Zh));
    let names = part_names(&docx);
    for p in [
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/fontTable.xml",
        "[Content_Types].xml",
    ] {
        assert!(names.iter().any(|n| n == p), "{p} in {names:?}");
    }
    let styles_xml = part(&docx, "word/styles.xml");
    let styles = Document::parse(&styles_xml).unwrap();
    let style = |id: &str| {
        styles
            .descendants()
            .find(|n| w(*n, "style") && n.attribute((W, "styleId")) == Some(id))
            .unwrap_or_else(|| panic!("style {id}"))
    };
    for (id, name, kind) in [
        ("Heading1", "heading 1", "paragraph"),
        ("Heading2", "heading 2", "paragraph"),
        ("TableText", "Table Text", "paragraph"),
        ("OrgPlanTable", "OrgPlan Table", "table"),
        ("Normal", "Normal", "paragraph"),
    ] {
        let s = style(id);
        assert_eq!(s.attribute((W, "type")), Some(kind), "{id}");
        assert_eq!(child(s, "name").and_then(val), Some(name), "{id}");
    }
    assert_eq!(style("Normal").attribute((W, "default")), Some("1"));
    let outline = |id| {
        child(style(id), "pPr")
            .and_then(|p| child(p, "outlineLvl"))
            .and_then(val)
    };
    assert_eq!(outline("Heading1"), Some("0"));
    assert_eq!(outline("Heading2"), Some("1"));
    let borders = child(style("OrgPlanTable"), "tblPr")
        .and_then(|p| child(p, "tblBorders"))
        .expect("the table style has the borders");
    assert_eq!(borders.children().filter(|c| c.is_element()).count(), 6);
    // East Asian fonts by name: the defaults, the headings and every run.
    let defaults = styles.descendants().find(|n| w(*n, "rPrDefault")).unwrap();
    assert_eq!(east_asia(defaults), Some("Microsoft YaHei"));
    assert_eq!(east_asia(style("Heading1")), Some("Microsoft YaHei"));
    let lang = defaults.descendants().find(|n| w(*n, "lang")).unwrap();
    assert_eq!(lang.attribute((W, "eastAsia")), Some("zh-CN"));
    let fonts = part(&docx, "word/fontTable.xml");
    let fonts = Document::parse(&fonts).unwrap();
    let yahei = fonts
        .descendants()
        .find(|n| w(*n, "font") && n.attribute((W, "name")) == Some("Microsoft YaHei"))
        .unwrap();
    assert!(child(yahei, "altName")
        .and_then(val)
        .unwrap()
        .contains("等线"));
    assert_eq!(child(yahei, "charset").and_then(val), Some("86"));

    let xml = part(&docx, "word/document.xml");
    let tree = Document::parse(&xml).unwrap();
    for r in tree.descendants().filter(|n| w(*n, "r")) {
        if r.descendants().any(|n| w(n, "t")) {
            assert_eq!(east_asia(r), Some("Microsoft YaHei"), "{}", text(r));
        }
    }
    let tables: Vec<_> = tree.descendants().filter(|n| w(*n, "tbl")).collect();
    let styled = tables
        .iter()
        .filter(|t| {
            child(**t, "tblPr")
                .and_then(|p| child(p, "tblStyle"))
                .and_then(val)
                == Some("OrgPlanTable")
        })
        .count();
    assert_eq!(styled, 2 * doc.positions.len(), "header and KPI tables");
    let size = tree.descendants().find(|n| w(*n, "pgSz")).unwrap();
    assert_eq!(size.attribute((W, "w")), Some("11906"), "A4");
    assert_eq!(size.attribute((W, "h")), Some("16838"), "A4");
}

/// Word drops property elements that come out of the schema's order; check the orders the
/// DOCX relies on, in every part.
#[test]
fn docx_property_elements_are_in_schema_order() {
    let docx = bytes(&hostile(), Format::Docx, &opts(Lang::Zh));
    let before = |parent: Node, first: &str, later: &[&str]| {
        let kids: Vec<&str> = parent
            .children()
            .filter(|c| c.is_element())
            .map(|c| c.tag_name().name())
            .collect();
        if let Some(i) = kids.iter().position(|k| *k == first) {
            for l in later {
                if let Some(j) = kids.iter().position(|k| k == l) {
                    assert!(
                        i < j,
                        "{first} before {l} in {}: {kids:?}",
                        parent.tag_name().name()
                    );
                }
            }
        }
    };
    let names = part_names(&docx);
    let parts = names
        .iter()
        .filter(|n| n.starts_with("word/") && n.ends_with(".xml"));
    for name in parts {
        let xml = part(&docx, name);
        let tree = Document::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        for n in tree.descendants().filter(|n| n.is_element()) {
            match n.tag_name().name() {
                "pPr" => {
                    before(n, "pStyle", &["keepNext", "numPr", "spacing", "jc", "rPr"]);
                    before(n, "keepNext", &["pageBreakBefore", "pBdr", "spacing"]);
                    before(n, "pageBreakBefore", &["numPr", "spacing", "ind", "jc"]);
                    before(n, "numPr", &["spacing", "ind", "jc"]);
                    before(n, "spacing", &["ind", "jc", "outlineLvl", "rPr"]);
                    before(n, "jc", &["outlineLvl", "rPr"]);
                }
                "rPr" => {
                    before(n, "rFonts", &["b", "i", "color", "sz", "lang"]);
                    before(n, "b", &["color", "sz"]);
                    before(n, "color", &["sz", "lang"]);
                    before(n, "sz", &["szCs", "lang"]);
                }
                "tblPr" => before(n, "tblStyle", &["tblW", "jc", "tblBorders", "tblCellMar"]),
                "tcPr" => {
                    before(n, "tcW", &["gridSpan", "tcBorders", "shd", "vAlign"]);
                    before(n, "shd", &["vAlign"]);
                }
                "style" => {
                    before(n, "name", &["basedOn", "next", "qFormat", "pPr", "rPr"]);
                    before(n, "basedOn", &["next", "uiPriority", "qFormat"]);
                    before(n, "pPr", &["rPr", "tblPr"]);
                    before(n, "rPr", &["tblPr"]);
                }
                "lvl" => before(n, "start", &["numFmt", "lvlText", "lvlJc", "pPr", "rPr"]),
                "sectPr" => before(n, "footerReference", &["pgSz", "pgMar"]),
                _ => {}
            }
        }
        for col in tree.descendants().filter(|n| w(*n, "gridCol")) {
            assert_eq!(
                col.attributes().count(),
                1,
                "{name}: w:gridCol has only w:w"
            );
        }
    }
}

#[test]
fn docx_escapes_hostile_text() {
    let doc = hostile();
    let docx = bytes(&doc, Format::Docx, &opts(Lang::Zh));
    let xml = part(&docx, "word/document.xml");
    let tree = Document::parse(&xml).expect("well-formed");
    assert!(!xml.contains("<script>"), "no raw markup");
    assert!(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let paras: Vec<String> = tree
        .descendants()
        .filter(|n| w(*n, "p"))
        .map(text)
        .collect();
    for s in [
        "<script>alert(1)</script>",
        "A & B <c> \"d\" 'e'",
        "+cmd|' /C calc'!A0",
        "=HYPERLINK(\"http://evil\") · 岗位说明书",
    ] {
        assert!(paras.iter().any(|p| p == s), "{s} reads back as text");
    }
    // Nothing became a field: the only instructions are the footer's page numbers.
    assert!(!xml.contains("instrText"));
}

#[test]
fn docx_for_one_position() {
    let doc = plan("team-8");
    let cs = doc
        .positions
        .iter()
        .find(|p| p.title == "售前客服")
        .unwrap();
    let mut o = opts(Lang::Zh);
    o.position = Some(cs.id);
    let xml = part(&bytes(&doc, Format::Docx, &o), "word/document.xml");
    assert_eq!(xml.matches("Heading1").count(), 1);
    assert!(xml.contains("售前客服 · 岗位说明书"));
    assert!(!xml.contains("pageBreakBefore"));
}

fn workbook(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("an XLSX calamine reads")
}

fn s(d: &Data) -> &str {
    match d {
        Data::String(s) => s,
        _ => "",
    }
}

fn row_of(range: &Range<Data>, pred: impl Fn(&[Data]) -> bool) -> Option<&[Data]> {
    range.rows().find(|r| pred(r))
}

#[test]
fn xlsx_sheets_read_back() {
    for t in template_ids() {
        let doc = plan(t);
        let mut wb = workbook(bytes(&doc, Format::Xlsx, &opts(Lang::Zh)));
        assert_eq!(
            wb.sheet_names(),
            [
                "定岗定编",
                "部门汇总",
                "KPI考核表",
                "人员",
                "花名册",
                "目标分解"
            ],
            "{t}"
        );
        let model = sheets(&doc, Lang::Zh);
        for sheet in &model {
            let range = wb.worksheet_range(&sheet.name).unwrap();
            let header: Vec<&str> = range.rows().next().unwrap().iter().map(s).collect();
            assert_eq!(header, sheet.headers, "{t}: {} header", sheet.name);
        }

        let est = wb.worksheet_range("定岗定编").unwrap();
        assert_eq!(
            est.height(),
            doc.positions.len() + 2,
            "{t}: header, rows, total"
        );
        for p in &doc.positions {
            let row = row_of(&est, |r| s(&r[1]) == p.title)
                .unwrap_or_else(|| panic!("{t}: {} in 定岗定编", p.title));
            assert_eq!(
                row[3],
                Data::Float(f64::from(p.headcount)),
                "{t}: {}",
                p.title
            );
            if let Some(b) = p.pay_band {
                assert_eq!(row[8], Data::Float(f64::from(b.min)));
                assert_eq!(row[9], Data::Float(f64::from(b.max)));
            }
        }
        let total = est.rows().next_back().unwrap();
        assert_eq!(s(&total[0]), "合计", "{t}");
        let sum: f64 = est
            .rows()
            .skip(1)
            .take(doc.positions.len())
            .map(|r| match r[3] {
                Data::Float(f) => f,
                ref other => panic!("{t}: headcount {other:?} is not a number"),
            })
            .sum();
        assert_eq!(total[3], Data::Float(sum), "{t}: totals sum the headcount");
        assert_eq!(total[3], Data::Float(f64::from(doc.total_headcount())));
        // The totals count people (persons + vacancies) and the payroll as plan_summary has
        // them, not a sum of their own.
        let f = orgplan_core::cost::figures(&doc);
        assert_eq!(s(&total[1]), format!("{} 人", f.people), "{t}");
        assert_eq!(total[10], Data::Float(f.payroll_monthly.min as f64), "{t}");
        assert_eq!(total[11], Data::Float(f.payroll_monthly.max as f64), "{t}");
        let depts = wb.worksheet_range("部门汇总").unwrap();
        let dt = depts.rows().next_back().unwrap();
        assert_eq!(dt[1], Data::Float(f64::from(f.people)), "{t}: people");
        assert_eq!(dt[3], Data::Float(f.seats_fte), "{t}: seats in FTE");

        let kpi = wb.worksheet_range("KPI考核表").unwrap();
        for p in doc.positions.iter().filter(|p| !p.kpis.is_empty()) {
            let weights: f64 = kpi
                .rows()
                .filter(|r| s(&r[1]) == p.title && s(&r[2]) != "权重合计")
                .map(|r| match r[3] {
                    Data::Float(f) => f,
                    ref other => panic!("{t}: weight {other:?}"),
                })
                .sum();
            assert_eq!(weights, 100.0, "{t}: {} KPI weights", p.title);
            let subtotal = row_of(&kpi, |r| s(&r[1]) == p.title && s(&r[2]) == "权重合计")
                .unwrap_or_else(|| panic!("{t}: {} weight total row", p.title));
            assert_eq!(subtotal[3], Data::Float(100.0), "{t}: {}", p.title);
        }

        let people = wb.worksheet_range("人员").unwrap();
        assert_eq!(people.height(), doc.people.len() + 1, "{t}");
        // 花名册: a row per seat held and per vacancy, under the header.
        let roster = wb.worksheet_range("花名册").unwrap();
        let held: usize = doc.people.iter().map(|p| p.assignments.len()).sum();
        let holders = orgplan_core::cost::holders(&doc);
        let open: u32 = doc
            .positions
            .iter()
            .map(|p| {
                p.headcount
                    .saturating_sub(holders.get(&p.id).copied().unwrap_or(0))
            })
            .sum();
        assert_eq!(roster.height(), held + open as usize + 1, "{t}");

        let en = workbook(bytes(&doc, Format::Xlsx, &opts(Lang::En)));
        assert_eq!(
            en.sheet_names(),
            [
                "Establishment",
                "Departments",
                "KPI appraisal",
                "People",
                "Roster",
                "Goals by period"
            ]
        );

        // Goals: each goal's year, halves, quarters, months and 48 weeks; the months add up to
        // the year for sales.
        let goals = wb.worksheet_range("目标分解").unwrap();
        let per_goal = 1 + 2 + 4 + 12 + 48;
        assert_eq!(goals.height(), doc.goals.len() * per_goal + 1, "{t}");
        let rows: Vec<&[Data]> = goals.rows().skip(1).collect();
        let sales: Vec<&&[Data]> = rows.iter().take(per_goal).collect();
        let year = match &sales[0][6] {
            Data::Float(f) => *f,
            other => panic!("{t}: a number, got {other:?}"),
        };
        let months: f64 = sales
            .iter()
            .filter(|r| s(&r[1]) == "月")
            .map(|r| match &r[6] {
                Data::Float(f) => *f,
                _ => 0.0,
            })
            .sum();
        assert!((months - year).abs() < 1.0, "{t}: {months} vs {year}");
        assert!(rows.iter().any(|r| s(&r[8]) == "双11"), "{t}: peaks named");
    }
}

/// The East Asian font of the first `w:rFonts` under `n`.
fn east_asia<'a>(n: Node<'a, 'a>) -> Option<&'a str> {
    n.descendants()
        .find(|c| w(*c, "rFonts"))
        .and_then(|f| f.attribute((W, "eastAsia")))
}

/// Excel's styles for a cell: (bold, filled).
fn cell_style(styles: &Document, s: usize) -> (bool, bool) {
    let xfs: Vec<Node> = styles
        .descendants()
        .find(|n| n.has_tag_name("cellXfs"))
        .unwrap()
        .children()
        .filter(|n| n.is_element())
        .collect();
    let fonts: Vec<Node> = styles
        .descendants()
        .find(|n| n.has_tag_name("fonts"))
        .unwrap()
        .children()
        .filter(|n| n.is_element())
        .collect();
    let xf = xfs[s];
    let font: usize = xf.attribute("fontId").unwrap().parse().unwrap();
    let fill: usize = xf.attribute("fillId").unwrap().parse().unwrap();
    let bold = fonts[font].children().any(|c| c.has_tag_name("b"));
    (bold, fill > 1)
}

#[test]
fn xlsx_header_is_bold_filled_frozen_and_sized() {
    let doc = plan("team-30");
    let xlsx = bytes(&doc, Format::Xlsx, &opts(Lang::Zh));
    let styles_xml = part(&xlsx, "xl/styles.xml");
    let styles = Document::parse(&styles_xml).unwrap();
    let model = sheets(&doc, Lang::Zh);
    for (i, sheet) in model.iter().enumerate() {
        let xml = part(&xlsx, &format!("xl/worksheets/sheet{}.xml", i + 1));
        let tree = Document::parse(&xml).unwrap();
        let pane = tree
            .descendants()
            .find(|n| n.has_tag_name("pane"))
            .expect("a frozen pane");
        assert_eq!(pane.attribute("ySplit"), Some("1"), "{}", sheet.name);
        assert_eq!(pane.attribute("state"), Some("frozen"));
        let rows: Vec<Node> = tree
            .descendants()
            .filter(|n| n.has_tag_name("row"))
            .collect();
        for c in rows[0].children().filter(|c| c.has_tag_name("c")) {
            let s: usize = c.attribute("s").unwrap().parse().unwrap();
            assert_eq!(cell_style(&styles, s), (true, true), "bold, filled header");
        }
        if sheet.totals.is_some() {
            let last = rows.last().unwrap();
            for c in last.children().filter(|c| c.has_tag_name("c")) {
                let s: usize = c.attribute("s").unwrap().parse().unwrap();
                assert!(cell_style(&styles, s).0, "a bold totals row");
            }
        }
        // Widths from the model, a Chinese character counting two: never autofit.
        let widths = sheet.widths();
        let cols: Vec<Node> = tree
            .descendants()
            .filter(|n| n.has_tag_name("col"))
            .collect();
        for (c, want) in widths.iter().enumerate() {
            let col = cols
                .iter()
                .find(|n| {
                    let min: usize = n.attribute("min").unwrap().parse().unwrap();
                    let max: usize = n.attribute("max").unwrap().parse().unwrap();
                    (min..=max).contains(&(c + 1))
                })
                .unwrap_or_else(|| panic!("{}: column {c} has a width", sheet.name));
            let got: f64 = col.attribute("width").unwrap().parse().unwrap();
            assert!(
                got >= *want && got <= want + 3.0,
                "{}: column {c} is {got}, wants {want}",
                sheet.name
            );
        }
        assert!(!xml.contains("<f>"), "no formula anywhere");
    }
    // The widest column of 定岗定编 (the position) is wider than the headcount.
    let w = model[0].widths();
    assert!(w[1] > w[3]);
}

#[test]
fn xlsx_cells_never_become_formulas() {
    let doc = hostile();
    let xlsx = bytes(&doc, Format::Xlsx, &opts(Lang::Zh));
    let mut wb = workbook(xlsx.clone());
    for name in wb.sheet_names() {
        let formulas = wb.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name}: no formulas"
        );
    }
    let est = wb.worksheet_range("定岗定编").unwrap();
    let title = est
        .rows()
        .map(|r| r[1].clone())
        .find(|c| s(c).contains("HYPERLINK"))
        .expect("the hostile title");
    assert_eq!(title, Data::String("'=HYPERLINK(\"http://evil\")".into()));
    let subordinate = est.rows().find(|r| s(&r[1]) == "售前客服").unwrap();
    assert_eq!(
        subordinate[2],
        Data::String("'=HYPERLINK(\"http://evil\")".into()),
        "the superior column is neutralised too"
    );
    let kpi = wb.worksheet_range("KPI考核表").unwrap();
    let cells: Vec<&str> = kpi.rows().flat_map(|r| r.iter().map(s)).collect();
    assert!(cells.contains(&"'-1+2"), "KPI targets: {cells:?}");
    assert!(cells.contains(&"'@SUM(A1)"), "KPI metrics");
    assert!(cells.iter().all(|c| !c.starts_with(['=', '+', '-', '@'])));
    for i in 1..=3 {
        let xml = part(&xlsx, &format!("xl/worksheets/sheet{i}.xml"));
        assert!(!xml.contains("<f>") && !xml.contains("<f "), "sheet {i}");
    }
}
