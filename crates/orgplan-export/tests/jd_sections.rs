//! One list of job-description sections (`model::sections`), printed by every format: the
//! headings of a job description read back from the Markdown, the HTML, the DOCX and the PDF
//! come in that list's order, with its optional sections (协作关系, 升级路径) where the
//! position has them, and an empty section says 无 in each.

use std::io::{Cursor, Read};

mod common;

use common::{bytes, opts, plan};
use orgplan_core::{apply, Edit, Lang, PlanDoc, PositionPatch};
use orgplan_export::labels::Labels;
use orgplan_export::model::{job_descriptions, sections};
use orgplan_export::Format;

/// team-8's 售前客服 with a collaboration, an escalation and no requirements.
fn position_with_every_section() -> (PlanDoc, orgplan_core::Id) {
    let doc = plan("team-8");
    let id = doc
        .positions
        .iter()
        .find(|p| p.title == "售前客服")
        .unwrap()
        .id;
    let manager = doc.root().unwrap().id;
    let doc = apply(
        &doc,
        Edit::AddCollaboration {
            position: id,
            with: manager,
            about: "大促备货".into(),
        },
    )
    .unwrap();
    let doc = apply(
        &doc,
        Edit::AddEscalation {
            position: id,
            when: "差评 24 小时未处理".into(),
            to: manager,
        },
    )
    .unwrap();
    let doc = apply(
        &doc,
        Edit::UpdatePosition {
            position: id,
            patch: PositionPatch {
                requirements: Some(vec![]),
                ..Default::default()
            },
        },
    )
    .unwrap();
    (doc, id)
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    s.split(open)
        .skip(1)
        .map(|part| part.split(close).next().unwrap())
        .collect()
}

fn docx_headings(docx: &[u8]) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let tree = roxmltree::Document::parse(&xml).unwrap();
    tree.descendants()
        .filter(|n| n.tag_name().name() == "p")
        .filter(|p| {
            p.descendants().any(|n| {
                n.tag_name().name() == "pStyle" && n.attributes().any(|a| a.value() == "Heading2")
            })
        })
        .map(|p| {
            p.descendants()
                .filter(|n| n.tag_name().name() == "t")
                .filter_map(|n| n.text())
                .collect()
        })
        .collect()
}

#[test]
fn every_format_prints_the_sections_in_one_order() {
    let (doc, id) = position_with_every_section();
    for lang in [Lang::Zh, Lang::En] {
        let mut o = opts(lang);
        o.position = Some(id);
        let l = Labels::of(lang);
        let jds = job_descriptions(&doc, lang, o.date, Some(id));
        let expected: Vec<String> = sections(&jds[0], l)
            .iter()
            .map(|s| s.title.to_string())
            .collect();
        assert_eq!(
            expected.len(),
            6,
            "{lang:?}: four sections and both optional ones"
        );

        let md = String::from_utf8(bytes(&doc, Format::Md, &o)).unwrap();
        let md_headings: Vec<String> = md
            .lines()
            .filter_map(|line| line.strip_prefix("## "))
            .map(str::to_string)
            .collect();
        assert_eq!(md_headings, expected, "{lang:?}: Markdown");

        let html = String::from_utf8(bytes(&doc, Format::Html, &o)).unwrap();
        let html_headings: Vec<String> = between(&html, "<h2>", "</h2>")
            .into_iter()
            .map(str::to_string)
            .collect();
        assert_eq!(html_headings, expected, "{lang:?}: HTML");

        assert_eq!(
            docx_headings(&bytes(&doc, Format::Docx, &o)),
            expected,
            "{lang:?}: DOCX"
        );

        // The PDF's text, in reading order: each heading once, in the same order.
        let pdf = bytes(&doc, Format::Pdf, &o);
        let text: String = pdf_extract::extract_text_from_mem(&pdf)
            .unwrap()
            .split_whitespace()
            .collect();
        let mut at = 0;
        for h in &expected {
            let h: String = h.split_whitespace().collect();
            let found = text[at..]
                .find(&h)
                .unwrap_or_else(|| panic!("{lang:?}: PDF has {h} after the one before"));
            at += found + h.len();
        }

        // The empty 任职要求 says 无 (None) in every format.
        let none_after = |s: &str, heading: &str| {
            let rest = &s[s.find(heading).unwrap() + heading.len()..];
            rest.trim_start_matches(['<', '/', 'h', '2', '>', '\n', ' ', 'p'])
                .starts_with(l.none)
        };
        assert!(
            none_after(&md, l.requirements),
            "{lang:?}: Markdown says {}",
            l.none
        );
        assert!(
            none_after(&html, l.requirements),
            "{lang:?}: HTML says {}",
            l.none
        );
    }
}
