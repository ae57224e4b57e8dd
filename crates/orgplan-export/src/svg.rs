//! The chart as SVG: the core's layout, cards with the department colour, title, department and
//! headcount badge (filled/planned), solid reporting lines and dashed dotted lines. Text is
//! escaped for XML.

use std::collections::HashMap;
use std::fmt::Write;

use orgplan_core::layout::{layout, LayoutOptions};
use orgplan_core::validate::filled_counts;
use orgplan_core::{Id, Lang, PlanDoc};

use crate::model::{department_name, display_width, position_title};
use crate::text::html_escape as xml;

const CARD_W: f64 = 200.0;
const CARD_H: f64 = 76.0;
const MARGIN: f64 = 24.0;
const FONT: &str =
    "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";

/// Cuts text to fit `cells` monospace cells (a CJK character is two), adding an ellipsis.
fn fit(s: &str, cells: f64) -> String {
    if display_width(s) <= cells {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = display_width(&c.to_string());
        if w + cw > cells - 1.0 {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

pub fn chart(doc: &PlanDoc, lang: Lang) -> String {
    let opts = LayoutOptions {
        card_width: CARD_W,
        card_height: CARD_H,
        gap_x: 20.0,
        gap_y: 48.0,
        collapsed: Vec::new(),
    };
    let l = layout(doc, &opts);
    let at: HashMap<Id, (f64, f64)> = l
        .nodes
        .iter()
        .map(|n| (n.id, (n.x + MARGIN, n.y + MARGIN)))
        .collect();
    let (w, h) = (l.width + 2.0 * MARGIN, l.height + 2.0 * MARGIN);
    let filled = filled_counts(doc);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\">"
    );
    let _ = writeln!(out, "<title>{}</title>", xml(&doc.plan.name));
    let _ = writeln!(
        out,
        "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
    );
    // Reporting lines: down from the superior, across, down to the card.
    out.push_str("<g fill=\"none\" stroke=\"#9aa5b4\" stroke-width=\"1.5\">\n");
    for p in &doc.positions {
        let (Some(parent), Some(&(cx, cy))) = (p.parent, at.get(&p.id)) else {
            continue;
        };
        let Some(&(px, py)) = at.get(&parent) else {
            continue;
        };
        let (x1, y1) = (px + CARD_W / 2.0, py + CARD_H);
        let (x2, y2) = (cx + CARD_W / 2.0, cy);
        let mid = y1 + (y2 - y1) / 2.0;
        let _ = writeln!(out, "<path d=\"M{x1} {y1}V{mid}H{x2}V{y2}\"/>");
    }
    out.push_str("</g>\n<g fill=\"none\" stroke=\"#7c8aa0\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\">\n");
    for p in &doc.positions {
        let Some(&(cx, cy)) = at.get(&p.id) else {
            continue;
        };
        for d in &p.dotted {
            let Some(&(dx, dy)) = at.get(d) else { continue };
            let _ = writeln!(
                out,
                "<path class=\"dotted\" d=\"M{} {}L{} {}\"/>",
                cx + CARD_W / 2.0,
                cy + CARD_H / 2.0,
                dx + CARD_W / 2.0,
                dy + CARD_H / 2.0
            );
        }
    }
    out.push_str("</g>\n");
    for p in &doc.positions {
        let Some(&(x, y)) = at.get(&p.id) else {
            continue;
        };
        let color = p
            .department
            .and_then(|d| doc.department(d))
            .map(|d| d.color.clone())
            .unwrap_or_else(|| "#64748b".into());
        let have = filled.get(&p.id).copied().unwrap_or(0);
        let vacant = have < p.headcount;
        let _ = writeln!(
            out,
            "<g class=\"card\" data-id=\"{}\"><rect x=\"{x}\" y=\"{y}\" width=\"{CARD_W}\" height=\"{CARD_H}\" rx=\"8\" fill=\"#ffffff\" stroke=\"#cbd2dc\"/>\
<rect x=\"{x}\" y=\"{y}\" width=\"{CARD_W}\" height=\"5\" rx=\"2\" fill=\"{}\"/>\
<text x=\"{}\" y=\"{}\" font-size=\"15\" font-weight=\"700\" fill=\"#1d2530\">{}</text>\
<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#556170\">{}</text>\
<text class=\"headcount\" x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\" fill=\"{}\">{have}/{}</text></g>",
            p.id,
            xml(&color),
            x + 12.0,
            y + 30.0,
            xml(&fit(position_title(p, lang), 22.0)),
            x + 12.0,
            y + 56.0,
            xml(&fit(&department_name(doc, p, lang), 18.0)),
            x + CARD_W - 12.0,
            y + 56.0,
            if vacant { "#c62828" } else { "#556170" },
            p.headcount,
        );
    }
    out.push_str("</svg>\n");
    out
}
