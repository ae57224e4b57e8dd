//! Validation: findings about a plan that is structurally sound but could be better. Findings
//! are not errors; the UI lists them and exports can mark them. Codes are stable.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::label;
use crate::model::{Function, Id, Lang, PlanDoc};

/// More different positions reporting to one than this is flagged: a manager can direct about
/// eight different jobs.
pub const MAX_SPAN: u32 = 8;
/// More people reporting to one than this is flagged. Seats of the same job (a group of 客服,
/// 仓库) are one kind of work and take less directing each, so a 组长 of ten 客服 is normal.
pub const MAX_TEAM_SPAN: u32 = 15;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// The stable codes of findings.
pub mod codes {
    pub const KPI_WEIGHTS: &str = "kpi_weights";
    pub const NO_KPIS: &str = "no_kpis";
    pub const NO_DUTIES: &str = "no_duties";
    pub const SPAN_OF_CONTROL: &str = "span_of_control";
    pub const HEADCOUNT_TARGET: &str = "headcount_target";
    pub const FUNCTION_UNCOVERED: &str = "function_uncovered";
    pub const PERSON_OVERLOADED: &str = "person_overloaded";
    pub const PERSON_UNASSIGNED: &str = "person_unassigned";
    pub const VACANCY: &str = "vacancy";
    pub const OVERFILLED: &str = "overfilled";
    pub const GOAL_UNOWNED: &str = "goal_unowned";
    pub const KPI_UNLINKED: &str = "kpi_unlinked";
    pub const GOAL_FACTORS: &str = "goal_factors";
    pub const ALL: [&str; 13] = [
        KPI_WEIGHTS,
        NO_KPIS,
        NO_DUTIES,
        SPAN_OF_CONTROL,
        HEADCOUNT_TARGET,
        FUNCTION_UNCOVERED,
        PERSON_OVERLOADED,
        PERSON_UNASSIGNED,
        VACANCY,
        OVERFILLED,
        GOAL_UNOWNED,
        KPI_UNLINKED,
        GOAL_FACTORS,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    pub severity: Severity,
    pub code: String,
    /// The position concerned, if any.
    pub position: Option<Id>,
    /// The person concerned, if any.
    pub person: Option<Id>,
    /// The function concerned (for coverage findings).
    pub function: Option<Function>,
    /// The goal concerned (for cascade findings).
    pub goal: Option<Id>,
    pub message_zh: String,
    pub message_en: String,
}

impl Finding {
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.message_zh,
            Lang::En => &self.message_en,
        }
    }
}

struct Out(Vec<Finding>);

impl Out {
    fn push(&mut self, severity: Severity, code: &str, zh: String, en: String) -> &mut Finding {
        self.0.push(Finding {
            severity,
            code: code.to_string(),
            position: None,
            person: None,
            function: None,
            goal: None,
            message_zh: zh,
            message_en: en,
        });
        self.0.last_mut().expect("just pushed")
    }
}

/// How many people hold each position.
pub use crate::cost::holders as filled_counts;

/// All findings, positions first in tree order, then people, then plan-wide findings.
pub fn validate(doc: &PlanDoc) -> Vec<Finding> {
    let mut out = Out(Vec::new());
    let filled = filled_counts(doc);
    // (different positions, seats) reporting to each position.
    let mut reports: HashMap<Id, (u32, u32)> = HashMap::default();
    for p in &doc.positions {
        if let Some(parent) = p.parent {
            let r = reports.entry(parent).or_default();
            r.0 += 1;
            r.1 += p.headcount;
        }
    }

    for p in &doc.positions {
        let t = label(p);
        let at = |f: &mut Finding| f.position = Some(p.id);
        if p.kpis.is_empty() {
            at(out.push(
                Severity::Warning,
                codes::NO_KPIS,
                format!("「{t}」没有 KPI 考核点"),
                format!("{t} has no KPI points"),
            ));
        } else {
            let total = p.kpi_weight_total();
            if total != crate::model::Weight::FULL {
                at(out.push(
                    Severity::Error,
                    codes::KPI_WEIGHTS,
                    format!("「{t}」的 KPI 权重合计为 {total}%，应为 100%"),
                    format!("KPI weights of {t} sum to {total}%, not 100%"),
                ));
            }
        }
        let unlinked = p.kpis.iter().filter(|k| k.goal.is_none()).count();
        if !doc.goals.is_empty() && unlinked > 0 {
            at(out.push(
                Severity::Info,
                codes::KPI_UNLINKED,
                format!("「{t}」有 {unlinked} 个 KPI 考核点未关联经营目标"),
                format!("{unlinked} KPI point(s) of {t} serve no plan goal"),
            ));
        }
        if p.duties.is_empty() {
            at(out.push(
                Severity::Warning,
                codes::NO_DUTIES,
                format!("「{t}」没有岗位职责"),
                format!("{t} has no duties"),
            ));
        }
        let (jobs, seats) = reports.get(&p.id).copied().unwrap_or((0, 0));
        if jobs > MAX_SPAN {
            at(out.push(
                Severity::Warning,
                codes::SPAN_OF_CONTROL,
                format!("「{t}」直接管理 {jobs} 个不同岗位，超过 {MAX_SPAN} 个，管理幅度过大"),
                format!("{t} directs {jobs} different positions, more than {MAX_SPAN}"),
            ));
        } else if seats > MAX_TEAM_SPAN {
            at(out.push(
                Severity::Warning,
                codes::SPAN_OF_CONTROL,
                format!("「{t}」有 {seats} 名直接下属，超过 {MAX_TEAM_SPAN} 名，管理幅度过大"),
                format!("{t} has {seats} direct reports, more than {MAX_TEAM_SPAN}"),
            ));
        }
        let have = filled.get(&p.id).copied().unwrap_or(0);
        if have < p.headcount {
            let gap = p.headcount - have;
            at(out.push(
                Severity::Info,
                codes::VACANCY,
                format!("「{t}」编制 {}，在岗 {have}，空缺 {gap}", p.headcount),
                format!(
                    "{t}: headcount {}, filled {have}, {gap} vacant",
                    p.headcount
                ),
            ));
        } else if have > p.headcount {
            at(out.push(
                Severity::Warning,
                codes::OVERFILLED,
                format!("「{t}」编制 {}，却有 {have} 人在岗", p.headcount),
                format!("{t}: headcount {} but {have} people assigned", p.headcount),
            ));
        }
    }

    for person in &doc.people {
        let total = person.total_share();
        let name = &person.name;
        if total > 100 {
            out.push(
                Severity::Error,
                codes::PERSON_OVERLOADED,
                format!("{name} 的时间分配合计 {total}%，超过 100%"),
                format!("{name} is assigned {total}% of their time, over 100%"),
            )
            .person = Some(person.id);
        } else if person.assignments.is_empty() {
            out.push(
                Severity::Info,
                codes::PERSON_UNASSIGNED,
                format!("{name} 尚未分配岗位"),
                format!("{name} holds no position"),
            )
            .person = Some(person.id);
        }
    }

    // The people rule (cost::people) over the holders counted above, not the whole figures.
    let size = crate::cost::people(
        doc.people.len() as u32,
        doc.positions
            .iter()
            .map(|p| (p.headcount, filled.get(&p.id).copied().unwrap_or(0))),
    );
    let target = doc.plan.target_size;
    if target > 0 && size != target {
        out.push(
            Severity::Warning,
            codes::HEADCOUNT_TARGET,
            format!("团队规模为 {size} 人（现有人员加空缺编制），目标为 {target} 人"),
            format!(
                "The team comes to {size} people (people in the plan plus vacant seats); the target is {target}"
            ),
        );
    }

    let covered: HashSet<Function> = doc
        .positions
        .iter()
        .flat_map(|p| p.functions.iter().copied())
        .collect();
    for f in Function::ALL {
        if !covered.contains(&f) {
            out.push(
                Severity::Warning,
                codes::FUNCTION_UNCOVERED,
                format!("没有岗位负责「{}」职能", f.label(Lang::Zh)),
                format!("No position covers {}", f.label(Lang::En).to_lowercase()),
            )
            .function = Some(f);
        }
    }
    goal_findings(doc, &mut out);
    out.0
}

/// A goal nobody owns, and a sales goal whose factors do not multiply out to it.
fn goal_findings(doc: &PlanDoc, out: &mut Out) {
    let owned: HashSet<Id> = doc
        .positions
        .iter()
        .flat_map(|p| p.kpis.iter().filter_map(|k| k.goal))
        .collect();
    for g in &doc.goals {
        let name = &g.name;
        let en = if g.name_en.is_empty() {
            name
        } else {
            &g.name_en
        };
        if !owned.contains(&g.id) {
            out.push(
                Severity::Warning,
                codes::GOAL_UNOWNED,
                format!("经营目标「{name}」没有任何岗位的 KPI 承接"),
                format!("No position's KPI serves the goal {en}"),
            )
            .goal = Some(g.id);
        }
        if let Some(f) = crate::cascade::factors(doc, g) {
            let (product, target) = (f.product, f.target);
            if f.off {
                out.push(
                    Severity::Warning,
                    codes::GOAL_FACTORS,
                    format!(
                        "「{name}」目标为 {target}，但流量 × 转化率 × 客单价 只得 {product}"
                    ),
                    format!(
                        "{en} aims at {target}, but traffic × conversion × basket size gives {product}"
                    ),
                )
                .goal = Some(g.id);
            }
        }
    }
}

/// True when any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}
