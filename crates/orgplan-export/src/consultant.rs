//! The consultant's sheets: goals split over the year (目标分解) and a comparison of two plans
//! (方案对比, 部门对比). They are [`Sheet`]s like the others, so XLSX and CSV write them; the
//! comparison's PDF ([`crate::pdf::comparison`]) sets the same sheets as tables and draws plan
//! B's chart with the changes marked ([`marked_plan`]).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use orgplan_core::compare::{compare, Comparison};
use orgplan_core::periods::{split, PeriodLevel};
use orgplan_core::{Direction, Id, Lang, PlanDoc};

use crate::model::{Cell, Sheet};
use crate::svg::Mark;
use crate::{ExportError, Options, Output};

/// The formats a comparison exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComparisonFormat {
    /// The sheets 方案对比 and 部门对比 as one workbook.
    Xlsx,
    /// The same sheets, one CSV file each.
    Csv,
    /// The report and the marked chart (see [`crate::pdf::comparison`]).
    Pdf,
}

impl ComparisonFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ComparisonFormat::Xlsx => "xlsx",
            ComparisonFormat::Csv => "csv",
            ComparisonFormat::Pdf => "pdf",
        }
    }
}

/// Compares plan `a` (before) with plan `b` (after) and writes the comparison in `format`
/// (in `opts.lang`, dated `opts.date`; the chart of the PDF on `opts.paper`).
pub fn export_comparison(
    a: &PlanDoc,
    b: &PlanDoc,
    format: ComparisonFormat,
    opts: &Options,
) -> Result<Output, ExportError> {
    write_comparison(a, b, &compare(a, b, opts.lang), format, opts)
}

/// [`export_comparison`] with the comparison `c` of `a` and `b` made already.
pub fn write_comparison(
    a: &PlanDoc,
    b: &PlanDoc,
    c: &Comparison,
    format: ComparisonFormat,
    opts: &Options,
) -> Result<Output, ExportError> {
    Ok(match format {
        ComparisonFormat::Xlsx => Output::File(
            crate::xlsx::workbook(&comparison_sheets(c, opts.lang))
                .map_err(|e| ExportError::Build("xlsx", e))?,
        ),
        ComparisonFormat::Csv => Output::Files(
            comparison_sheets(c, opts.lang)
                .iter()
                .map(|s| (format!("{}.csv", s.slug), crate::text::csv(s)))
                .collect(),
        ),
        ComparisonFormat::Pdf => Output::File(crate::pdf::comparison(
            a, b, c, opts.lang, opts.paper, opts.date,
        )?),
    })
}

/// Plan B's positions and, as ghosts, plan A's removed ones (each under the match of its old
/// superior, under the ghost of a superior removed with it, or under B's top position), with
/// each changed position's mark: what the comparison's chart draws.
pub fn marked_plan(a: &PlanDoc, b: &PlanDoc, c: &Comparison) -> (PlanDoc, HashMap<Id, Mark>) {
    let mut marks = HashMap::new();
    for p in &c.headcount_changed {
        marks.insert(p.position.id, Mark::Changed);
    }
    for p in &c.renamed {
        marks.insert(p.position.id, Mark::Changed);
    }
    for p in &c.moved {
        marks.insert(p.position.id, Mark::Moved);
    }
    for p in &c.added {
        marks.insert(p.id, Mark::Added);
    }
    let mut plan = b.clone();
    let in_b: HashSet<Id> = b.positions.iter().map(|p| p.id).collect();
    let removed: HashSet<Id> = c
        .removed
        .iter()
        .map(|r| r.position.id)
        .filter(|id| !in_b.contains(id))
        .collect();
    let top = b
        .positions
        .iter()
        .find(|p| p.parent.is_none())
        .map(|p| p.id);
    for r in &c.removed {
        let Some(old) = a.position(r.position.id) else {
            continue;
        };
        if !removed.contains(&old.id) {
            continue;
        }
        let mut ghost = old.clone();
        ghost.parent = match old.parent {
            Some(p) if removed.contains(&p) => Some(p),
            _ => r.anchor.or(top),
        };
        // The department of the same name in plan B, if there is one.
        ghost.department = old
            .department
            .and_then(|d| a.department(d))
            .and_then(|d| b.departments.iter().find(|bd| bd.name == d.name))
            .map(|d| d.id);
        ghost.dotted.clear();
        marks.insert(ghost.id, Mark::Removed);
        plan.positions.push(Arc::new(ghost));
    }
    (plan, marks)
}

/// Both plans' figures side by side with the difference: people, positions, seats, the
/// people to hire and the payroll (monthly and yearly, low and high ends of the pay bands),
/// as `compare` gives them.
pub fn comparison_summary(c: &Comparison, lang: Lang) -> Sheet {
    let row = |what: (&str, &str), a: f64, b: f64| {
        vec![
            Cell::text(lang.pick(what.0, what.1)),
            Cell::num(a),
            Cell::num(b),
            Cell::num(b - a),
        ]
    };
    let cost = &c.cost_delta;
    let (ya, yb) = (cost.monthly_a.yearly(), cost.monthly_b.yearly());
    Sheet {
        name: lang.pick("总览", "Summary").into(),
        slug: "summary",
        headers: vec![
            lang.pick("项目", "Figure").to_string(),
            format!("A {}", c.a.name),
            format!("B {}", c.b.name),
            lang.pick("差额（B − A）", "Difference (B − A)").to_string(),
        ],
        rows: vec![
            row(("人数", "People"), c.a.people.into(), c.b.people.into()),
            row(
                ("岗位数", "Positions"),
                c.a.positions.into(),
                c.b.positions.into(),
            ),
            row(
                ("编制", "Seats"),
                c.a.headcount.into(),
                c.b.headcount.into(),
            ),
            vec![
                Cell::text(lang.pick("新招人数", "People to hire")),
                Cell::Empty,
                Cell::Empty,
                Cell::num(c.hires),
            ],
            row(
                ("月人力成本下限（元）", "Monthly payroll, low (yuan)"),
                cost.monthly_a.min as f64,
                cost.monthly_b.min as f64,
            ),
            row(
                ("月人力成本上限（元）", "Monthly payroll, high (yuan)"),
                cost.monthly_a.max as f64,
                cost.monthly_b.max as f64,
            ),
            row(
                ("年人力成本下限（元）", "Yearly payroll, low (yuan)"),
                ya.min as f64,
                yb.min as f64,
            ),
            row(
                ("年人力成本上限（元）", "Yearly payroll, high (yuan)"),
                ya.max as f64,
                yb.max as f64,
            ),
        ],
        totals: None,
    }
}

fn level(l: PeriodLevel, lang: Lang) -> &'static str {
    match l {
        PeriodLevel::Year => lang.pick("年", "year"),
        PeriodLevel::Half => lang.pick("半年", "half"),
        PeriodLevel::Quarter => lang.pick("季度", "quarter"),
        PeriodLevel::Month => lang.pick("月", "month"),
        PeriodLevel::Week => lang.pick("周", "week"),
    }
}

fn headers(items: &[(&str, &str)], lang: Lang) -> Vec<String> {
    items
        .iter()
        .map(|(zh, en)| lang.pick(zh, en).to_string())
        .collect()
}

/// Every goal's target over `year`: the year, halves, quarters, months and 48 weeks, with the
/// campaign peaks named, and who owns the goal (the positions whose KPI points serve it).
pub fn goal_sheet(doc: &PlanDoc, year: i32, lang: Lang) -> Sheet {
    let mut rows = Vec::new();
    for node in orgplan_core::cascade::cascade(doc) {
        let g = &node.goal;
        let name = if lang == Lang::En && !g.name_en.is_empty() {
            &g.name_en
        } else {
            &g.name
        };
        let mut owners: Vec<&str> = node.links.iter().map(|l| l.title.as_str()).collect();
        owners.dedup();
        let direction = match g.direction {
            Direction::AtLeast => "≥",
            Direction::AtMost => "≤",
        };
        for p in split(g, year) {
            rows.push(vec![
                Cell::text(format!("{}{name}", "  ".repeat(node.depth as usize))),
                Cell::text(level(p.level, lang)),
                Cell::text(&p.label),
                Cell::text(p.start.to_string()),
                Cell::text(p.end.to_string()),
                Cell::text(direction),
                Cell::num((p.target * 100.0).round() / 100.0),
                Cell::text(g.unit.label(lang)),
                Cell::text(p.peak.clone().unwrap_or_default()),
                Cell::text(owners.join("、")),
            ]);
        }
    }
    Sheet {
        name: lang.pick("目标分解", "Goals by period").into(),
        slug: "goals",
        headers: headers(
            &[
                ("目标", "Goal"),
                ("层级", "Level"),
                ("期间", "Period"),
                ("开始", "Start"),
                ("结束", "End"),
                ("方向", "Direction"),
                ("目标值", "Target"),
                ("单位", "Unit"),
                ("大促", "Campaign"),
                ("承接岗位", "Owned by"),
            ],
            lang,
        ),
        rows,
        totals: None,
    }
}

/// The comparison of two plans as two sheets: each change (方案对比) and each department's
/// headcount and monthly payroll in both plans (部门对比), with totals.
pub fn comparison_sheets(c: &Comparison, lang: Lang) -> Vec<Sheet> {
    let mut rows = Vec::new();
    let mut row =
        |kind: (&str, &str), title: &str, dept: &str, before: String, after: String, note: &str| {
            rows.push(vec![
                Cell::text(lang.pick(kind.0, kind.1)),
                Cell::text(title),
                Cell::text(dept),
                Cell::text(before),
                Cell::text(after),
                Cell::text(note),
            ]);
        };
    for p in &c.added {
        row(
            ("新增", "added"),
            &p.title,
            &p.department,
            String::new(),
            p.headcount.to_string(),
            "",
        );
    }
    for r in &c.removed {
        let p = &r.position;
        row(
            ("撤销", "removed"),
            &p.title,
            &p.department,
            p.headcount.to_string(),
            String::new(),
            "",
        );
    }
    for m in &c.moved {
        let p = &m.position;
        row(
            ("调整上级", "moved"),
            &p.title,
            &p.department,
            m.before.clone(),
            m.after.clone(),
            "",
        );
    }
    for r in &c.renamed {
        let p = &r.position;
        row(
            ("更名", "renamed"),
            &p.title,
            &p.department,
            r.before.clone(),
            r.after.clone(),
            "",
        );
    }
    for h in &c.headcount_changed {
        let p = &h.position;
        row(
            ("编制变化", "headcount"),
            &p.title,
            &p.department,
            h.before.to_string(),
            h.after.to_string(),
            "",
        );
    }
    for d in &c.duties_moved {
        row(
            ("职责转移", "duty moved"),
            &d.duty,
            "",
            d.from.title.clone(),
            d.to.title.clone(),
            "",
        );
    }
    let join = |v: &[orgplan_core::compare::PosRef]| {
        v.iter()
            .map(|p| p.title.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    };
    for s in &c.splits {
        row(
            ("拆分/合并", "split"),
            "",
            "",
            join(&s.from),
            join(&s.into),
            &s.reason,
        );
    }
    for s in &c.seat_splits {
        row(
            ("兼任拆分", "shared seats split"),
            &s.person,
            &s.kept.department,
            join(&s.from),
            format!("{} | {}", s.kept.title, join(&s.handed)),
            &s.reason,
        );
    }
    for (i, h) in c.hiring_order.iter().enumerate() {
        let count = match lang {
            Lang::Zh => format!("第 {} 位 · {} 人", i + 1, h.count),
            Lang::En => format!(
                "#{} · {}",
                i + 1,
                orgplan_core::render::people(h.count, lang)
            ),
        };
        row(
            ("招聘顺序", "hiring order"),
            &h.position.title,
            &h.position.department,
            String::new(),
            count,
            &h.reason,
        );
    }
    for l in &c.leavers {
        row(
            ("不再在岗", "leaving"),
            &l.person,
            &l.position.department,
            l.position.title.clone(),
            String::new(),
            "",
        );
    }
    let changes = Sheet {
        name: lang.pick("方案对比", "Changes").into(),
        slug: "changes",
        headers: headers(
            &[
                ("变化", "Change"),
                ("岗位/职责", "Position / duty"),
                ("部门", "Department"),
                (
                    &format!("调整前（{}）", c.a.name),
                    &format!("Before ({})", c.a.name),
                ),
                (
                    &format!("调整后（{}）", c.b.name),
                    &format!("After ({})", c.b.name),
                ),
                ("说明", "Why"),
            ],
            lang,
        ),
        rows,
        totals: None,
    };
    let money = |n: u64| Cell::num(n as f64);
    let departments = Sheet {
        name: lang.pick("部门对比", "Departments").into(),
        slug: "departments",
        headers: headers(
            &[
                ("部门", "Department"),
                ("人数（前）", "People before"),
                ("人数（后）", "People after"),
                ("编制（前）", "Seats before"),
                ("编制（后）", "Seats after"),
                ("月人力成本下限（前）", "Monthly payroll low, before"),
                ("月人力成本上限（前）", "Monthly payroll high, before"),
                ("月人力成本下限（后）", "Monthly payroll low, after"),
                ("月人力成本上限（后）", "Monthly payroll high, after"),
            ],
            lang,
        ),
        rows: c
            .departments
            .iter()
            .map(|d| {
                vec![
                    Cell::text(if d.name.is_empty() {
                        lang.pick("（无部门）", "(none)").to_string()
                    } else {
                        d.name.clone()
                    }),
                    Cell::num(d.people_a),
                    Cell::num(d.people_b),
                    Cell::num(d.headcount_a),
                    Cell::num(d.headcount_b),
                    money(d.monthly_a.min),
                    money(d.monthly_a.max),
                    money(d.monthly_b.min),
                    money(d.monthly_b.max),
                ]
            })
            .collect(),
        totals: Some(vec![
            Cell::text(lang.pick("合计", "Total")),
            Cell::num(c.a.people),
            Cell::num(c.b.people),
            Cell::num(c.a.headcount),
            Cell::num(c.b.headcount),
            money(c.cost_delta.monthly_a.min),
            money(c.cost_delta.monthly_a.max),
            money(c.cost_delta.monthly_b.min),
            money(c.cost_delta.monthly_b.max),
        ]),
    };
    vec![changes, departments]
}
