//! Job descriptions as Markdown and HTML, and sheets as CSV. Everything user-written is
//! escaped for its format; CSV cells are neutralised against formulas.

use std::fmt::Write;

use crate::labels::Labels;
use crate::model::{neutralize, sections, Body, Cell, JobDescription, Sheet};
use orgplan_core::Lang;

/// Escapes Markdown's inline syntax and HTML, and keeps each value on one line.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '<' | '>' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
    out
}

pub fn markdown(jds: &[JobDescription], lang: Lang) -> String {
    let l = Labels::of(lang);
    let mut out = String::new();
    for (i, jd) in jds.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        let _ = writeln!(out, "# {} · {}\n", md(&jd.title), l.job_description);
        let rows = header_rows(jd, l);
        let _ = writeln!(out, "| | |\n|---|---|");
        for (k, v) in rows {
            let _ = writeln!(out, "| {} | {} |", k, md(&v));
        }
        for section in sections(jd, l) {
            let _ = writeln!(out, "\n## {}\n", section.title);
            match section.body {
                Body::None => {
                    let _ = writeln!(out, "{}", l.none);
                }
                Body::Text(t) => {
                    let _ = writeln!(out, "{}", md(t));
                }
                Body::Numbered(items) => {
                    for (n, d) in items.iter().enumerate() {
                        let _ = writeln!(out, "{}. {}", n + 1, md(d));
                    }
                }
                Body::Bullets(items) => {
                    for r in items {
                        let _ = writeln!(out, "- {}", md(r));
                    }
                }
                Body::Rich(items) => {
                    for runs in items {
                        let line: String = runs
                            .iter()
                            .map(|r| {
                                if r.strong {
                                    format!("**{}**", md(r.text.trim()))
                                } else {
                                    md(&r.text)
                                }
                            })
                            .collect();
                        let _ = writeln!(out, "- {line}");
                    }
                }
                Body::Kpis => {
                    let h = l.kpi_table_headers;
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} | {} |\n|---|---:|---|---|---|",
                        h[0], h[1], h[2], h[3], h[4]
                    );
                    for k in &jd.kpis {
                        let _ = writeln!(
                            out,
                            "| {} | {}% | {} | {} | {} |",
                            md(&k.metric),
                            k.weight,
                            md(&k.target),
                            md(&k.cycle),
                            md(&k.source)
                        );
                    }
                    let _ = writeln!(out, "| **{}** | **{}%** | | | |", l.total, jd.kpi_total);
                }
            }
        }
        let _ = writeln!(out);
        for who in l.sign_off {
            let _ = writeln!(out, "{who}：__________　{}：__________  ", l.sign_date);
        }
    }
    out
}

/// The header block of a job description, as (label, value), in the order every document and
/// the app's preview print it; a blank value reads as the word for none.
pub fn header_rows(jd: &JobDescription, l: &Labels) -> Vec<(&'static str, String)> {
    let list = |v: &[String]| {
        if v.is_empty() {
            l.none.to_string()
        } else {
            v.join("、")
        }
    };
    let mut rows = vec![
        (l.company, jd.company.clone()),
        (l.plan, jd.plan.clone()),
        (l.department, jd.department.clone()),
        (l.title, jd.title.clone()),
        (l.title_en, jd.title_en.clone()),
        (l.superior, jd.superior.clone()),
        (l.dotted, list(&jd.dotted)),
        (l.subordinates, list(&jd.subordinates)),
        (l.headcount, jd.headcount.to_string()),
        (l.grade, jd.grade.clone()),
        (l.date, jd.date.format("%Y-%m-%d").to_string()),
    ];
    if let Some((min, max)) = jd.pay_band {
        rows.push((l.pay_band, format!("{min}–{max}")));
    }
    for (_, v) in rows.iter_mut() {
        if v.trim().is_empty() {
            *v = l.none.to_string();
        }
    }
    rows
}

/// A row of the header table: two short values side by side, or one long value across.
pub(crate) enum HeaderRow {
    Pair((&'static str, String), (&'static str, String)),
    Single(&'static str, String),
}

/// Lays out the header rows in order: short values two to a row, a long one (as `long` says)
/// on a row of its own.
pub(crate) fn header_layout(
    rows: Vec<(&'static str, String)>,
    long: impl Fn(&str) -> bool,
) -> Vec<HeaderRow> {
    let mut out = Vec::new();
    let mut pending = None;
    for (k, v) in rows {
        if long(&v) {
            if let Some((pk, pv)) = pending.take() {
                out.push(HeaderRow::Single(pk, pv));
            }
            out.push(HeaderRow::Single(k, v));
        } else if let Some(first) = pending.take() {
            out.push(HeaderRow::Pair(first, (k, v)));
        } else {
            pending = Some((k, v));
        }
    }
    if let Some((pk, pv)) = pending {
        out.push(HeaderRow::Single(pk, pv));
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:#1d2530;max-width:820px;margin:32px auto;line-height:1.6;padding:0 16px}\
h1{font-size:24px;border-bottom:3px solid #2457d6;padding-bottom:8px}h2{font-size:17px;margin-top:24px;color:#2457d6}\
table{border-collapse:collapse;width:100%}td,th{border:1px solid #cbd2dc;padding:6px 10px;text-align:left;vertical-align:top}\
th{background:#f1f3f6}.num{text-align:right;font-variant-numeric:tabular-nums}.total td{font-weight:600}.off{color:#c62828}\
.sign{display:flex;gap:32px;margin-top:40px}.sign div{flex:1;border-top:1px solid #1d2530;padding-top:6px}\
section{page-break-after:always;margin-bottom:48px}";

pub fn html(jds: &[JobDescription], lang: Lang) -> String {
    let l = Labels::of(lang);
    let e = html_escape;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>{}</title><style>{STYLE}</style></head><body>\n",
        if lang == Lang::Zh { "zh-CN" } else { "en" },
        l.job_description
    );
    for jd in jds {
        let _ = writeln!(
            out,
            "<section><h1>{} · {}</h1><table>",
            e(&jd.title),
            l.job_description
        );
        for (k, v) in header_rows(jd, l) {
            let _ = writeln!(out, "<tr><th>{k}</th><td>{}</td></tr>", e(&v));
        }
        out.push_str("</table>\n");
        for section in sections(jd, l) {
            let _ = write!(out, "<h2>{}</h2>", section.title);
            match section.body {
                Body::None => {
                    let _ = writeln!(out, "<p>{}</p>", l.none);
                }
                Body::Text(t) => {
                    let _ = writeln!(out, "<p>{}</p>", e(t));
                }
                Body::Numbered(items) | Body::Bullets(items) => {
                    let tag = if matches!(section.body, Body::Numbered(_)) {
                        "ol"
                    } else {
                        "ul"
                    };
                    let _ = write!(out, "<{tag}>");
                    for d in items {
                        let _ = writeln!(out, "<li>{}</li>", e(d));
                    }
                    let _ = writeln!(out, "</{tag}>");
                }
                Body::Rich(items) => {
                    out.push_str("<ul>");
                    for runs in items {
                        out.push_str("<li>");
                        for r in runs {
                            if r.strong {
                                let _ = write!(out, "<strong>{}</strong>", e(&r.text));
                            } else {
                                out.push_str(&e(&r.text));
                            }
                        }
                        out.push_str("</li>\n");
                    }
                    out.push_str("</ul>\n");
                }
                Body::Kpis => {
                    let h = l.kpi_table_headers;
                    let _ = writeln!(
                        out,
                        "<table><tr><th>{}</th><th class=\"num\">{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                        h[0], h[1], h[2], h[3], h[4]
                    );
                    for k in &jd.kpis {
                        let _ = writeln!(
                            out,
                            "<tr><td>{}</td><td class=\"num\">{}%</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                            e(&k.metric),
                            k.weight,
                            e(&k.target),
                            e(&k.cycle),
                            e(&k.source)
                        );
                    }
                    let class = if jd.kpi_total == orgplan_core::Weight::FULL {
                        "total"
                    } else {
                        "total off"
                    };
                    let _ = writeln!(
                        out,
                        "<tr class=\"{class}\"><td>{}</td><td class=\"num\">{}%</td><td colspan=\"3\"></td></tr></table>",
                        l.total, jd.kpi_total
                    );
                }
            }
        }
        out.push_str("<div class=\"sign\">");
        for who in l.sign_off {
            let _ = write!(out, "<div>{who}　　{}：</div>", l.sign_date);
        }
        out.push_str("</div></section>\n");
    }
    out.push_str("</body></html>\n");
    out
}

/// One sheet as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads Chinese).
pub fn csv(sheet: &Sheet) -> Vec<u8> {
    fn field(s: &str) -> String {
        let s = neutralize(s);
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    }
    let mut out = String::from("\u{FEFF}");
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    out.push_str(&line(sheet.headers.iter().map(|h| field(h)).collect()));
    for row in sheet.rows.iter().chain(sheet.totals.iter()) {
        out.push_str(&line(
            row.iter()
                .map(|c| match c {
                    Cell::Text(s) => field(s),
                    Cell::Number(n) => n.to_string(),
                    Cell::Empty => String::new(),
                })
                .collect(),
        ));
    }
    out.into_bytes()
}
