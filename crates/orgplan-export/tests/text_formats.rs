//! Markdown, HTML, CSV and SVG from every template, and the injection cases: what a user typed
//! is escaped for each format and neutralised for spreadsheets.

mod common;

use common::{bytes, opts, plan};
use orgplan_core::templates::template_ids;
use orgplan_core::{apply, Edit, Lang, PlanDoc, PositionPatch};
use orgplan_export::{export, Format, Output};

fn file(doc: &PlanDoc, format: Format, lang: Lang) -> String {
    String::from_utf8(bytes(doc, format, &opts(lang))).unwrap()
}

fn files(doc: &PlanDoc) -> Vec<(String, String)> {
    match export(doc, Format::Csv, &opts(Lang::Zh)).unwrap() {
        Output::Files(f) => f
            .into_iter()
            .map(|(n, b)| (n, String::from_utf8(b).unwrap()))
            .collect(),
        Output::File(_) => panic!("several files expected"),
    }
}

/// A plan whose 店长 carries hostile text in its title, a duty and a KPI target.
fn hostile() -> PlanDoc {
    let doc = plan("team-8");
    let manager = doc.positions.iter().find(|p| p.title == "店长").unwrap().id;
    let mut kpis = doc.position(manager).unwrap().kpis.clone();
    kpis[0].target = "-1+2".into();
    apply(
        &doc,
        Edit::UpdatePosition {
            position: manager,
            patch: PositionPatch {
                title: Some("=HYPERLINK(\"http://evil\")".into()),
                duties: Some(vec![
                    "<script>alert(1)</script>".into(),
                    "A & B <c> \"d\" 'e'".into(),
                    "@SUM(A1)".into(),
                ]),
                kpis: Some(kpis),
                ..Default::default()
            },
        },
    )
    .unwrap()
}

#[test]
fn markdown_has_every_position_duty_and_kpi() {
    for t in template_ids() {
        let doc = plan(t);
        let md = file(&doc, Format::Md, Lang::Zh);
        for p in &doc.positions {
            assert!(
                md.contains(&format!("# {} · 岗位说明书", p.title)),
                "{t}: {}",
                p.title
            );
            for d in &p.duties {
                assert!(md.contains(d.as_str()), "{t}: duty {d}");
            }
            for k in &p.kpis {
                assert!(md.contains(&format!("{}%", k.weight)));
            }
        }
        assert_eq!(
            md.matches("| **合计** | **100%** |").count(),
            doc.positions.len(),
            "{t}"
        );
        assert_eq!(md.matches("任职者").count(), doc.positions.len());
        let en = file(&doc, Format::Md, Lang::En);
        assert!(en.contains("Job description") && en.contains("Reports to"));
    }
}

#[test]
fn html_is_escaped_and_complete() {
    for t in template_ids() {
        let doc = plan(t);
        let html = file(&doc, Format::Html, Lang::Zh);
        assert_eq!(
            html.matches("<section>").count(),
            doc.positions.len(),
            "{t}"
        );
        for p in &doc.positions {
            assert!(
                html.contains(&format!("<h1>{} · 岗位说明书</h1>", p.title)),
                "{t}"
            );
        }
    }
    let html = file(&hostile(), Format::Html, Lang::Zh);
    assert!(!html.contains("<script>alert"), "no live script");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39;"));
    assert!(html.contains("Content-Security-Policy"));
}

#[test]
fn markdown_escapes_markup() {
    let md = file(&hostile(), Format::Md, Lang::Zh);
    assert!(!md.contains("<script>"));
    assert!(md.contains("\\<script\\>"));
}

#[test]
fn csv_sheets_with_totals_and_neutralised_cells() {
    for t in template_ids() {
        let doc = plan(t);
        let sheets = files(&doc);
        let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "establishment.csv",
                "department_summary.csv",
                "kpi.csv",
                "people.csv",
                "roster.csv",
                "goals.csv"
            ]
        );
        let est = &sheets[0].1;
        assert!(est.starts_with('\u{FEFF}'), "a byte-order mark for Excel");
        let total = est.lines().last().unwrap();
        let hc: u32 = doc.total_headcount();
        let people = orgplan_core::cost::figures(&doc).people;
        assert!(
            total.starts_with(&format!("合计,{people} 人,,{hc},")),
            "{t}: {total}"
        );
        assert_eq!(est.lines().count(), doc.positions.len() + 2, "{t}");
        let kpi = &sheets[2].1;
        assert_eq!(
            kpi.matches(",权重合计,100,").count(),
            doc.positions.len(),
            "{t}"
        );
    }
    let sheets = files(&hostile());
    let est = &sheets[0].1;
    assert!(
        est.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""),
        "{est}"
    );
    assert!(
        sheets[2].1.contains(",'-1+2,"),
        "KPI targets are neutralised"
    );
}

#[test]
fn svg_is_well_formed_and_has_every_position() {
    for t in template_ids() {
        let doc = plan(t);
        let svg = file(&doc, Format::Svg, Lang::Zh);
        let tree = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{t}: {e}"));
        let cards: Vec<_> = tree
            .descendants()
            .filter(|n| n.attribute("class") == Some("card"))
            .collect();
        assert_eq!(cards.len(), doc.positions.len(), "{t}");
        for p in &doc.positions {
            let card = cards
                .iter()
                .find(|c| c.attribute("data-id") == Some(&p.id.to_string()))
                .unwrap();
            let text: String = card.descendants().filter_map(|n| n.text()).collect();
            let shown = p.title.chars().take(8).collect::<String>();
            assert!(text.contains(&shown), "{t}: {} in {text}", p.title);
            assert!(
                text.contains(&format!("/{}", p.headcount)),
                "{t}: headcount badge"
            );
        }
        let dotted = tree
            .descendants()
            .filter(|n| n.attribute("class") == Some("dotted"))
            .count();
        assert_eq!(
            dotted,
            doc.positions.iter().map(|p| p.dotted.len()).sum::<usize>(),
            "{t}"
        );
    }
    let svg = file(&hostile(), Format::Svg, Lang::Zh);
    roxmltree::Document::parse(&svg).expect("hostile text is escaped");
}

#[test]
fn one_position_and_an_unknown_one() {
    let doc = plan("team-8");
    let cs = doc
        .positions
        .iter()
        .find(|p| p.title == "售前客服")
        .unwrap()
        .id;
    let mut o = opts(Lang::Zh);
    o.position = Some(cs);
    let Output::File(md) = export(&doc, Format::Md, &o).unwrap() else {
        panic!()
    };
    let md = String::from_utf8(md).unwrap();
    assert_eq!(md.matches("岗位说明书").count(), 1);
    assert!(md.contains("售前客服") && md.contains("| 直接上级 | 店长 |"));
    o.position = Some(uuid::Uuid::nil());
    assert!(export(&doc, Format::Md, &o).is_err());
}
