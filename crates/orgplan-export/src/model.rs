//! What the documents say, independent of the format: a job description per position and the
//! rows of each sheet. Every format renders these, so the formats cannot disagree.

use std::collections::HashMap;

use chrono::NaiveDate;
use orgplan_core::cost::figures;
use orgplan_core::validate::filled_counts;
use orgplan_core::{Id, Lang, PlanDoc, Position};

use crate::labels::{cycle, Labels};

/// A job description (岗位说明书).
#[derive(Clone, Debug, PartialEq)]
pub struct JobDescription {
    pub id: Id,
    pub company: String,
    pub plan: String,
    pub department: String,
    pub title: String,
    pub title_en: String,
    pub superior: String,
    pub dotted: Vec<String>,
    pub subordinates: Vec<String>,
    pub headcount: u32,
    pub filled: u32,
    pub grade: String,
    pub date: NaiveDate,
    pub purpose: String,
    pub duties: Vec<String>,
    pub requirements: Vec<String>,
    pub kpis: Vec<KpiRow>,
    pub kpi_total: orgplan_core::Weight,
    /// (with whom, about what)
    pub collaborations: Vec<(String, String)>,
    /// (when, to whom)
    pub escalations: Vec<(String, String)>,
    pub pay_band: Option<(u32, u32)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct KpiRow {
    pub metric: String,
    pub weight: orgplan_core::Weight,
    pub target: String,
    pub cycle: String,
    pub source: String,
}

/// Titles by id, in the chosen language.
pub(crate) fn titles(doc: &PlanDoc, lang: Lang) -> HashMap<Id, String> {
    doc.positions
        .iter()
        .map(|p| (p.id, position_title(p, lang).to_string()))
        .collect()
}

pub fn position_title(p: &Position, lang: Lang) -> &str {
    match lang {
        Lang::En if !p.title_en.is_empty() => &p.title_en,
        _ => &p.title,
    }
}

pub(crate) fn department_name(doc: &PlanDoc, p: &Position, lang: Lang) -> String {
    p.department
        .and_then(|d| doc.department(d))
        .map(|d| match lang {
            Lang::En if !d.name_en.is_empty() => d.name_en.clone(),
            _ => d.name.clone(),
        })
        .unwrap_or_default()
}

/// One job description per position, in tree order, or only `only`'s.
pub fn job_descriptions(
    doc: &PlanDoc,
    lang: Lang,
    date: NaiveDate,
    only: Option<Id>,
) -> Vec<JobDescription> {
    let names = titles(doc, lang);
    let name = |id: &Id| names.get(id).cloned().unwrap_or_default();
    let filled = filled_counts(doc);
    let l = Labels::of(lang);
    doc.positions
        .iter()
        .filter(|p| only.is_none_or(|o| o == p.id))
        .map(|p| JobDescription {
            id: p.id,
            company: doc.plan.company.clone(),
            plan: doc.plan.name.clone(),
            department: department_name(doc, p, lang),
            title: p.title.clone(),
            title_en: p.title_en.clone(),
            superior: p
                .parent
                .map(|s| name(&s))
                .unwrap_or_else(|| l.none.to_string()),
            dotted: p.dotted.iter().map(name).collect(),
            subordinates: doc.children(p.id).iter().map(name).collect(),
            headcount: p.headcount,
            filled: filled.get(&p.id).copied().unwrap_or(0),
            grade: p.grade.clone(),
            date,
            purpose: p.purpose.clone(),
            duties: p.duties.clone(),
            requirements: p.requirements.clone(),
            kpis: p
                .kpis
                .iter()
                .map(|k| KpiRow {
                    metric: k.metric.clone(),
                    weight: k.weight,
                    target: k.target.clone(),
                    cycle: cycle(k.cycle, lang).to_string(),
                    source: k.source.clone(),
                })
                .collect(),
            kpi_total: p.kpi_weight_total(),
            collaborations: p
                .collaborations
                .iter()
                .map(|c| (name(&c.with), c.about.clone()))
                .collect(),
            escalations: p
                .escalations
                .iter()
                .map(|e| (e.when.clone(), name(&e.to)))
                .collect(),
            pay_band: p.pay_band.map(|b| (b.min, b.max)),
        })
        .collect()
}

/// A stretch of text in a job description's section, plain or emphasised.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub text: String,
    pub strong: bool,
}

impl Run {
    fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            strong: false,
        }
    }

    fn strong(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            strong: true,
        }
    }
}

/// What a section of a job description holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Body<'a> {
    /// Nothing written (a blank text, an empty list): printed as the word for none.
    None,
    /// A paragraph.
    Text(&'a str),
    /// A numbered list.
    Numbered(&'a [String]),
    /// A bulleted list.
    Bullets(&'a [String]),
    /// A bulleted list whose items mix plain and emphasised text.
    Rich(Vec<Vec<Run>>),
    /// The KPI table with its total.
    Kpis,
}

/// One section of a job description's body: a heading and what follows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Section<'a> {
    pub title: &'static str,
    pub body: Body<'a>,
}

/// The sections of a job description's body, in the order every format (Markdown, HTML,
/// DOCX, PDF) prints them, between the title and header table above and the signatures
/// below. A section is added here, once, and every format prints it.
pub fn sections<'a>(jd: &'a JobDescription, l: &Labels) -> Vec<Section<'a>> {
    let text = |t: &'a str| {
        if t.trim().is_empty() {
            Body::None
        } else {
            Body::Text(t)
        }
    };
    let list = |items: &'a [String], body: fn(&'a [String]) -> Body<'a>| {
        if items.is_empty() {
            Body::None
        } else {
            body(items)
        }
    };
    let mut out = vec![
        Section {
            title: l.purpose,
            body: text(&jd.purpose),
        },
        Section {
            title: l.duties,
            body: list(&jd.duties, Body::Numbered),
        },
        Section {
            title: l.requirements,
            body: list(&jd.requirements, Body::Bullets),
        },
        Section {
            title: l.kpis,
            body: Body::Kpis,
        },
    ];
    if !jd.collaborations.is_empty() {
        out.push(Section {
            title: l.collaboration,
            body: Body::Rich(
                jd.collaborations
                    .iter()
                    .map(|(with, about)| vec![Run::strong(with), Run::plain(format!("：{about}"))])
                    .collect(),
            ),
        });
    }
    if !jd.escalations.is_empty() {
        out.push(Section {
            title: l.escalation,
            body: Body::Rich(
                jd.escalations
                    .iter()
                    .map(|(when, to)| {
                        vec![
                            Run::plain(format!("{when} → {} ", l.escalate_to)),
                            Run::strong(to),
                        ]
                    })
                    .collect(),
            ),
        });
    }
    out
}

/// A spreadsheet cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    pub fn num(n: impl Into<f64>) -> Cell {
        Cell::Number(n.into())
    }
}

/// A sheet: a header row, body rows and a totals row. `widths` are column widths in
/// characters, counting a Chinese character as two.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    /// The file-name stem for CSV.
    pub slug: &'static str,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub totals: Option<Vec<Cell>>,
}

impl Sheet {
    /// Column widths in character cells (a CJK character counts two), padded.
    pub fn widths(&self) -> Vec<f64> {
        let mut w: Vec<f64> = self.headers.iter().map(|h| display_width(h)).collect();
        for row in self.rows.iter().chain(self.totals.iter()) {
            for (i, c) in row.iter().enumerate() {
                let n = match c {
                    Cell::Text(s) => display_width(s),
                    Cell::Number(n) => display_width(&n.to_string()),
                    Cell::Empty => 0.0,
                };
                if let Some(x) = w.get_mut(i) {
                    *x = x.max(n);
                }
            }
        }
        w.into_iter().map(|x| (x + 2.0).clamp(6.0, 60.0)).collect()
    }
}

/// Width of text in monospace cells: East Asian wide characters count two.
pub fn display_width(s: &str) -> f64 {
    s.chars().map(|c| if is_wide(c) { 2.0 } else { 1.0 }).sum()
}

pub(crate) fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6)
}

/// 定岗定编, 部门汇总, KPI考核表, 人员 and 花名册, in this order, without personal data.
pub fn sheets(doc: &PlanDoc, lang: Lang) -> Vec<Sheet> {
    sheets_with(doc, lang, false)
}

/// [`sheets`]; `personal` adds 手机 and 邮箱 to the 花名册.
pub fn sheets_with(doc: &PlanDoc, lang: Lang, personal: bool) -> Vec<Sheet> {
    vec![
        establishment(doc, lang),
        departments_sheet(doc, lang),
        kpi_sheet(doc, lang),
        people(doc, lang),
        roster(doc, lang, personal),
    ]
}

/// 定岗定编: every position with its seats, holders and payroll, from the core's figures; the
/// totals row counts people (persons + vacancies), not holders.
pub fn establishment(doc: &PlanDoc, lang: Lang) -> Sheet {
    let l = Labels::of(lang);
    let names = titles(doc, lang);
    let f = figures(doc);
    let mut rows = Vec::new();
    for (p, pf) in doc.positions.iter().zip(&f.by_position) {
        let pay = pf.payroll_monthly;
        rows.push(vec![
            Cell::text(department_name(doc, p, lang)),
            Cell::text(position_title(p, lang)),
            Cell::text(
                p.parent
                    .and_then(|s| names.get(&s).cloned())
                    .unwrap_or_default(),
            ),
            Cell::num(p.headcount),
            Cell::num(pf.holders),
            Cell::num(pf.filled_fte),
            Cell::num(pf.vacancies),
            Cell::text(&p.grade),
            p.pay_band.map_or(Cell::Empty, |b| Cell::num(b.min)),
            p.pay_band.map_or(Cell::Empty, |b| Cell::num(b.max)),
            pay.map_or(Cell::Empty, |x| Cell::num(x.min as f64)),
            pay.map_or(Cell::Empty, |x| Cell::num(x.max as f64)),
        ]);
    }
    Sheet {
        name: l.sheet_establishment.into(),
        slug: "establishment",
        headers: l
            .establishment_headers
            .iter()
            .map(|s| s.to_string())
            .collect(),
        rows,
        totals: Some(vec![
            Cell::text(l.total),
            Cell::text(people_text(f.people, lang)),
            Cell::Empty,
            Cell::num(f.headcount),
            Cell::num(f.persons),
            Cell::num(f.filled_fte),
            Cell::num(f.vacancies_fte),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::num(f.payroll_monthly.min as f64),
            Cell::num(f.payroll_monthly.max as f64),
        ]),
    }
}

/// "5 人" / "5 people".
pub(crate) fn people_text(n: u32, lang: Lang) -> String {
    orgplan_core::render::people(n, lang)
}

/// 部门汇总: people, seats, vacancies and payroll per department, from the core's figures.
pub fn departments_sheet(doc: &PlanDoc, lang: Lang) -> Sheet {
    let l = Labels::of(lang);
    let f = figures(doc);
    let rows = f
        .departments
        .iter()
        .map(|d| {
            let name = d
                .department
                .and_then(|id| doc.department(id))
                .map(|x| match lang {
                    Lang::En if !x.name_en.is_empty() => x.name_en.clone(),
                    _ => x.name.clone(),
                })
                .unwrap_or_else(|| l.no_department.to_string());
            vec![
                Cell::text(name),
                Cell::num(d.people),
                Cell::num(d.headcount),
                Cell::num(d.seats_fte),
                Cell::num(d.vacancies_fte),
                Cell::num(d.payroll_monthly.min as f64),
                Cell::num(d.payroll_monthly.max as f64),
            ]
        })
        .collect();
    Sheet {
        name: l.sheet_departments.into(),
        slug: "department_summary",
        headers: l.department_headers.iter().map(|s| s.to_string()).collect(),
        rows,
        totals: Some(vec![
            Cell::text(l.total),
            Cell::num(f.people),
            Cell::num(f.headcount),
            Cell::num(f.seats_fte),
            Cell::num(f.vacancies_fte),
            Cell::num(f.payroll_monthly.min as f64),
            Cell::num(f.payroll_monthly.max as f64),
        ]),
    }
}

pub fn kpi_sheet(doc: &PlanDoc, lang: Lang) -> Sheet {
    let l = Labels::of(lang);
    let mut rows = Vec::new();
    for p in &doc.positions {
        for k in &p.kpis {
            rows.push(vec![
                Cell::text(department_name(doc, p, lang)),
                Cell::text(position_title(p, lang)),
                Cell::text(&k.metric),
                Cell::num(k.weight.as_f64()),
                Cell::text(&k.target),
                Cell::text(cycle(k.cycle, lang)),
                Cell::text(&k.source),
            ]);
        }
        if !p.kpis.is_empty() {
            rows.push(vec![
                Cell::Empty,
                Cell::text(position_title(p, lang)),
                Cell::text(l.weight_total),
                Cell::num(p.kpi_weight_total().as_f64()),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ]);
        }
    }
    Sheet {
        name: l.sheet_kpi.into(),
        slug: "kpi",
        headers: l.kpi_headers.iter().map(|s| s.to_string()).collect(),
        rows,
        totals: None,
    }
}

pub fn people(doc: &PlanDoc, lang: Lang) -> Sheet {
    let l = Labels::of(lang);
    let names = titles(doc, lang);
    let rows = doc
        .people
        .iter()
        .map(|person| {
            let seats: Vec<String> = person
                .assignments
                .iter()
                .map(|a| names.get(&a.position).cloned().unwrap_or_default())
                .collect();
            let shares: Vec<String> = person
                .assignments
                .iter()
                .map(|a| format!("{}%", a.share))
                .collect();
            vec![
                Cell::text(&person.name),
                Cell::text(seats.join("、")),
                Cell::text(shares.join("、")),
                Cell::num(person.total_share()),
            ]
        })
        .collect();
    Sheet {
        name: l.sheet_people.into(),
        slug: "people",
        headers: l.people_headers.iter().map(|s| s.to_string()).collect(),
        rows,
        totals: None,
    }
}

/// 花名册: a row for each seat held (a person on two seats has two rows, with their shares) and
/// for each vacancy (no name), in tree order, with each position's number and its superior's,
/// so that importing the sheet as a roster gives back the same tree, seats, shares and people.
/// 工号, 入职日期 and 人员类型 are left for HR to fill.
pub fn roster(doc: &PlanDoc, lang: Lang, personal: bool) -> Sheet {
    let l = Labels::of(lang);
    let width = doc.positions.len().to_string().len().max(3);
    let number: HashMap<Id, String> = doc
        .positions
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, format!("P{:0width$}", i + 1)))
        .collect();
    // A department within another is written as its path (运营中心/客服部), as rosters do.
    let department = |p: &Position| {
        let mut path: Vec<String> = Vec::new();
        let mut at = p.department;
        while let Some(d) = at.and_then(|d| doc.department(d)) {
            path.push(match lang {
                Lang::En if !d.name_en.is_empty() => d.name_en.clone(),
                _ => d.name.clone(),
            });
            at = d.parent;
            if path.len() > doc.departments.len() {
                break;
            }
        }
        path.reverse();
        path.join("/")
    };
    let holders = |id: Id| {
        doc.people.iter().filter_map(move |person| {
            let a = person.assignments.iter().find(|a| a.position == id)?;
            Some((person, a.share))
        })
    };
    let mut rows = Vec::new();
    for p in &doc.positions {
        let manager = p
            .parent
            .and_then(|parent| holders(parent).next())
            .map(|(person, _)| person.name.clone())
            .unwrap_or_default();
        let text_or_empty = |s: &str| {
            if s.is_empty() {
                Cell::Empty
            } else {
                Cell::text(s)
            }
        };
        let row = |person: Option<(&orgplan_core::Person, u32)>| {
            let mut cells = vec![
                person.map_or(Cell::Empty, |(x, _)| Cell::text(&x.name)),
                person.map_or(Cell::Empty, |(x, _)| text_or_empty(&x.employee_no)),
                Cell::text(department(p)),
                Cell::text(position_title(p, lang)),
                Cell::text(&manager),
                person
                    .and_then(|(x, _)| x.start_date)
                    .map_or(Cell::Empty, |d| {
                        Cell::text(d.format("%Y-%m-%d").to_string())
                    }),
                person
                    .and_then(|(x, _)| x.kind)
                    .map_or(Cell::Empty, |k| Cell::text(k.label(lang))),
                person.map_or(Cell::Empty, |(_, share)| Cell::num(share)),
                Cell::text(&number[&p.id]),
                p.parent
                    .map_or(Cell::Empty, |parent| Cell::text(&number[&parent])),
            ];
            if personal {
                cells.push(person.map_or(Cell::Empty, |(x, _)| text_or_empty(&x.phone)));
                cells.push(person.map_or(Cell::Empty, |(x, _)| text_or_empty(&x.email)));
            }
            cells
        };
        let mut held = 0u32;
        for (person, share) in holders(p.id) {
            held += 1;
            rows.push(row(Some((person, share))));
        }
        for _ in held..p.headcount {
            rows.push(row(None));
        }
    }
    Sheet {
        name: l.sheet_roster.into(),
        slug: "roster",
        headers: l
            .roster_headers
            .iter()
            .chain(if personal {
                &l.roster_personal[..]
            } else {
                &[]
            })
            .map(|s| s.to_string())
            .collect(),
        rows,
        totals: None,
    }
}

/// Text a spreadsheet would read as a formula (or that would hide a control) is neutralised
/// with a leading apostrophe-like quote: `=`, `+`, `-`, `@`, tab and carriage return.
pub fn neutralize(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}
