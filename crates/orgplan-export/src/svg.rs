//! The chart as SVG: the core's layout, cards with the department colour, title, department and
//! headcount badge (filled/planned), solid reporting lines and dashed dotted lines. Text is
//! escaped for XML. The chart PDF shows windows onto the same drawing ([`Chart::write`]).

use std::collections::HashMap;
use std::fmt::Write;

use orgplan_core::layout::{layout, LayoutOptions};
use orgplan_core::validate::filled_counts;
use orgplan_core::{Id, Lang, PlanDoc};

use crate::fonts::CSS_FAMILIES;
use crate::model::{department_name, display_width, position_title};
use crate::text::html_escape as xml;

const CARD_W: f64 = 200.0;
const CARD_H: f64 = 76.0;
const MARGIN: f64 = 24.0;
/// The smallest text on the chart (department and headcount), in chart units.
pub const SMALLEST_TEXT: f64 = 12.0;

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

/// How a card is marked on a comparison's chart: the colours follow the app's compare view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Added,
    /// A position of plan A drawn as a ghost in plan B's chart.
    Removed,
    Moved,
    /// Renamed or resized.
    Changed,
}

impl Mark {
    /// The card's border and the tag's colour.
    pub(crate) fn color(self) -> &'static str {
        match self {
            Mark::Added => "#1b7f4b",
            Mark::Removed => "#c62828",
            Mark::Moved => "#b26a00",
            Mark::Changed => "#2457d6",
        }
    }

    /// The card's fill.
    fn fill(self) -> &'static str {
        match self {
            Mark::Added => "#e6f5ec",
            Mark::Removed => "#fdecec",
            Mark::Moved => "#fff4e0",
            Mark::Changed => "#ffffff",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Mark::Added => lang.pick("新增", "Added"),
            Mark::Removed => lang.pick("已撤销", "Removed"),
            Mark::Moved => lang.pick("调整汇报", "Moved"),
            Mark::Changed => lang.pick("更名/编制调整", "Renamed/resized"),
        }
    }
}

/// The chart as a standalone SVG document.
pub fn chart(doc: &PlanDoc, lang: Lang, names: bool) -> String {
    let chart = Chart::new(doc, lang, names);
    let mut out = String::new();
    chart.write(&mut out, [0.0, 0.0, chart.width, chart.height], None);
    out
}

/// One drawn element and the box it covers (x0, y0, x1, y1).
struct Item {
    bbox: [f64; 4],
    svg: String,
}

/// The chart, laid out once and written whole or as windows onto it (the pages of the chart
/// PDF).
pub(crate) struct Chart {
    pub(crate) width: f64,
    pub(crate) height: f64,
    title: String,
    lines: Vec<Item>,
    dotted: Vec<Item>,
    cards: Vec<Item>,
}

impl Chart {
    /// The chart; `names` adds a line of who holds each seat (and its vacancies).
    pub(crate) fn new(doc: &PlanDoc, lang: Lang, names: bool) -> Chart {
        Chart::marked(doc, lang, &HashMap::new(), names)
    }

    /// The chart with some cards marked: a coloured border and fill, and a tag on the card's
    /// top edge naming the mark (a removed position's title is struck through).
    pub(crate) fn marked(
        doc: &PlanDoc,
        lang: Lang,
        marks: &HashMap<Id, Mark>,
        names: bool,
    ) -> Chart {
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
        let filled = filled_counts(doc);
        // Who holds each seat, at what share: one pass over the people, not one per card.
        let mut held_by: HashMap<Id, Vec<(&str, u32)>> = HashMap::new();
        if names {
            for person in &doc.people {
                for a in &person.assignments {
                    held_by
                        .entry(a.position)
                        .or_default()
                        .push((person.name.as_str(), a.share));
                }
            }
        }
        // Reporting lines: down from the superior, across, down to the card.
        let mut lines = Vec::new();
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
            lines.push(Item {
                bbox: [x1.min(x2), y1, x1.max(x2), y2],
                svg: format!("<path d=\"M{x1} {y1}V{mid}H{x2}V{y2}\"/>"),
            });
        }
        let mut dotted = Vec::new();
        for p in &doc.positions {
            let Some(&(cx, cy)) = at.get(&p.id) else {
                continue;
            };
            for d in &p.dotted {
                let Some(&(dx, dy)) = at.get(d) else { continue };
                let (x1, y1) = (cx + CARD_W / 2.0, cy + CARD_H / 2.0);
                let (x2, y2) = (dx + CARD_W / 2.0, dy + CARD_H / 2.0);
                dotted.push(Item {
                    bbox: [x1.min(x2), y1.min(y2), x1.max(x2), y1.max(y2)],
                    svg: format!("<path class=\"dotted\" d=\"M{x1} {y1}L{x2} {y2}\"/>"),
                });
            }
        }
        let mut cards = Vec::new();
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
            let mark = marks.get(&p.id).copied();
            let (fill, stroke) = match mark {
                Some(m) => (
                    m.fill(),
                    format!(
                        "stroke=\"{}\" stroke-width=\"2.5\"{}",
                        m.color(),
                        if m == Mark::Removed {
                            " stroke-dasharray=\"7 4\""
                        } else {
                            ""
                        }
                    ),
                ),
                None => ("#ffffff", "stroke=\"#cbd2dc\"".to_string()),
            };
            let struck = if mark == Some(Mark::Removed) {
                " text-decoration=\"line-through\""
            } else {
                ""
            };
            let tag = mark.map_or(String::new(), |m| {
                let text = m.label(lang);
                let w = display_width(text) * 6.5 + 14.0;
                let (tx, ty) = (x + CARD_W - 10.0 - w, y - 9.0);
                format!(
                    "<rect x=\"{tx}\" y=\"{ty}\" width=\"{w}\" height=\"18\" rx=\"9\" fill=\"{c}\"/>\
<text x=\"{}\" y=\"{}\" font-size=\"{SMALLEST_TEXT}\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#ffffff\">{}</text>",
                    tx + w / 2.0,
                    ty + 13.0,
                    xml(text),
                    c = m.color(),
                )
            });
            // With names: title, holders, then department and headcount, a line each.
            let (title_y, meta_y) = if names {
                (y + 24.0, y + 64.0)
            } else {
                (y + 30.0, y + 56.0)
            };
            let holders = if names {
                let mut held = held_by.get(&p.id).cloned().unwrap_or_default();
                held.sort_by_key(|h| std::cmp::Reverse(h.1));
                let shown: Vec<&str> = held.iter().take(3).map(|h| h.0).collect();
                let mut line = shown.join(lang.pick("、", ", "));
                if held.len() > 3 {
                    line.push_str(&format!(" +{}", held.len() - 3));
                }
                // The same count as the card's badge (the core's holders).
                let open = p.headcount.saturating_sub(have);
                let vacancy = match (open, lang) {
                    (0, _) => String::new(),
                    (n, Lang::Zh) => format!("空缺 ×{n}"),
                    (n, Lang::En) => format!("{n} vacant"),
                };
                let gap = if line.is_empty() || vacancy.is_empty() {
                    ""
                } else {
                    "  "
                };
                format!(
                    "<text class=\"holders\" x=\"{}\" y=\"{}\" font-size=\"{SMALLEST_TEXT}\" fill=\"#1d2530\">{}<tspan fill=\"#c62828\">{gap}{}</tspan></text>",
                    x + 12.0,
                    y + 44.0,
                    xml(&fit(&line, 16.0)),
                    xml(&vacancy),
                )
            } else {
                String::new()
            };
            cards.push(Item {
                bbox: [x, y - 9.0, x + CARD_W, y + CARD_H],
                svg: format!(
                    "<g class=\"card\" data-id=\"{}\"><rect x=\"{x}\" y=\"{y}\" width=\"{CARD_W}\" height=\"{CARD_H}\" rx=\"8\" fill=\"{fill}\" {stroke}/>\
<rect x=\"{x}\" y=\"{y}\" width=\"{CARD_W}\" height=\"5\" rx=\"2\" fill=\"{}\"/>\
<text x=\"{}\" y=\"{}\" font-size=\"15\" font-weight=\"700\" fill=\"#1d2530\"{struck}>{}</text>\
{holders}<text x=\"{}\" y=\"{}\" font-size=\"{SMALLEST_TEXT}\" fill=\"#556170\">{}</text>\
<text class=\"headcount\" x=\"{}\" y=\"{}\" font-size=\"{SMALLEST_TEXT}\" text-anchor=\"end\" fill=\"{}\">{have}/{}</text>{tag}</g>",
                    p.id,
                    xml(&color),
                    x + 12.0,
                    title_y,
                    xml(&fit(position_title(p, lang), 22.0)),
                    x + 12.0,
                    meta_y,
                    xml(&fit(&department_name(doc, p, lang), 18.0)),
                    x + CARD_W - 12.0,
                    meta_y,
                    if vacant { "#c62828" } else { "#556170" },
                    p.headcount,
                ),
            });
        }
        Chart {
            width: l.width + 2.0 * MARGIN,
            height: l.height + 2.0 * MARGIN,
            title: doc.plan.name.clone(),
            lines,
            dotted,
            cards,
        }
    }

    /// Writes an `<svg>` element showing `view` (x, y, width, height in chart units) with what
    /// it touches: the root of a document when `place` is `None`, else an element nested at
    /// `place` (x, y, width, height in the parent's units).
    pub(crate) fn write(&self, out: &mut String, view: [f64; 4], place: Option<[f64; 4]>) {
        let [vx, vy, vw, vh] = view;
        let font = &*CSS_FAMILIES;
        match place {
            None => {
                let _ = writeln!(
                    out,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{vw}\" height=\"{vh}\" viewBox=\"{vx} {vy} {vw} {vh}\" font-family=\"{font}\">"
                );
            }
            Some([x, y, w, h]) => {
                let _ = writeln!(
                    out,
                    "<svg x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" viewBox=\"{vx} {vy} {vw} {vh}\" font-family=\"{font}\">"
                );
            }
        }
        let _ = writeln!(out, "<title>{}</title>", xml(&self.title));
        let _ = writeln!(
            out,
            "<rect x=\"{vx}\" y=\"{vy}\" width=\"{vw}\" height=\"{vh}\" fill=\"#ffffff\"/>"
        );
        let seen = |item: &&Item| {
            let [x0, y0, x1, y1] = item.bbox;
            x1 >= vx && x0 <= vx + vw && y1 >= vy && y0 <= vy + vh
        };
        out.push_str("<g fill=\"none\" stroke=\"#9aa5b4\" stroke-width=\"1.5\">\n");
        for item in self.lines.iter().filter(seen) {
            out.push_str(&item.svg);
            out.push('\n');
        }
        out.push_str("</g>\n<g fill=\"none\" stroke=\"#7c8aa0\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\">\n");
        for item in self.dotted.iter().filter(seen) {
            out.push_str(&item.svg);
            out.push('\n');
        }
        out.push_str("</g>\n");
        for item in self.cards.iter().filter(seen) {
            out.push_str(&item.svg);
            out.push('\n');
        }
        out.push_str("</svg>\n");
    }
}
