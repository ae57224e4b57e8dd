//! The built-in team templates and the role library (岗位库), embedded at build time.
//! Templates are plan files, read through the same import as a user's file.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::EditError;
use crate::file;
use crate::model::{Function, Id, Kpi, PayBand, PlanDoc, Position};

struct Builtin {
    id: &'static str,
    name_en: &'static str,
    summary_zh: &'static str,
    summary_en: &'static str,
    text: &'static str,
}

const BUILTINS: [Builtin; 4] = [
    Builtin {
        id: "team-5",
        name_en: "5-person start-up team",
        summary_zh: "五个全能型成员分担十个岗位，哪里需要哪里补位",
        summary_en: "Five generalists share ten seats and cover for each other",
        text: include_str!("../data/team-5.json"),
    },
    Builtin {
        id: "team-8",
        name_en: "8-person team",
        summary_zh: "店长统筹，五个小组各设一名组长",
        summary_en: "A store manager and five groups with one lead each",
        text: include_str!("../data/team-8.json"),
    },
    Builtin {
        id: "team-30",
        name_en: "30-person team",
        summary_zh: "一个萝卜一个坑：分工明确的六个小组",
        summary_en: "One person per job: six groups with clear division of labour",
        text: include_str!("../data/team-30.json"),
    },
    Builtin {
        id: "ops-center",
        name_en: "Operations centre",
        summary_zh: "运营总监领导下的完整运营中心，含推广、营销、销售、物流等部门",
        summary_en: "A full operations centre under an operations director",
        text: include_str!("../data/ops-center.json"),
    },
];

/// What the template picker shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct TemplateInfo {
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub summary_zh: String,
    pub summary_en: String,
    pub target_size: u32,
    pub positions: u32,
    /// 编制: seats planned.
    pub headcount: u32,
    /// People: persons + vacancies (`plan_summary`'s figure).
    pub people: u32,
    /// Persons the template comes with (the 5-person team is staffed).
    pub persons: u32,
    pub departments: u32,
    /// The top position's title, Chinese and English.
    pub top: (String, String),
    /// Each department's positions, for the picker's preview.
    pub preview: Vec<TemplateDepartment>,
}

/// A department of a template as the picker previews it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct TemplateDepartment {
    pub name: String,
    pub name_en: String,
    pub color: String,
    pub people: u32,
    /// 编制 of its positions.
    pub headcount: u32,
    /// (title, English title, 编制) of each position, in tree order.
    pub roles: Vec<(String, String, u32)>,
}

pub fn template_ids() -> impl Iterator<Item = &'static str> {
    BUILTINS.iter().map(|b| b.id)
}

pub fn templates() -> Vec<TemplateInfo> {
    BUILTINS
        .iter()
        .map(|b| {
            let doc = load(b, DateTime::<Utc>::UNIX_EPOCH);
            let f = crate::cost::figures(&doc);
            TemplateInfo {
                id: b.id.to_string(),
                name: doc.plan.name.clone(),
                name_en: b.name_en.to_string(),
                summary_zh: b.summary_zh.to_string(),
                summary_en: b.summary_en.to_string(),
                target_size: doc.plan.target_size,
                positions: doc.positions.len() as u32,
                headcount: f.headcount,
                people: f.people,
                persons: f.persons,
                departments: doc.departments.len() as u32,
                top: doc
                    .root()
                    .map(|p| (p.title.clone(), p.title_en.clone()))
                    .unwrap_or_default(),
                preview: doc
                    .departments
                    .iter()
                    .filter_map(|d| {
                        let df = f.department(Some(d.id))?;
                        let roles: Vec<_> = doc
                            .positions
                            .iter()
                            .filter(|p| p.department == Some(d.id))
                            .map(|p| (p.title.clone(), p.title_en.clone(), p.headcount))
                            .collect();
                        (!roles.is_empty()).then(|| TemplateDepartment {
                            name: d.name.clone(),
                            name_en: d.name_en.clone(),
                            color: d.color.clone(),
                            people: df.people,
                            headcount: df.headcount,
                            roles,
                        })
                    })
                    .collect(),
            }
        })
        .collect()
}

fn load(b: &Builtin, now: DateTime<Utc>) -> PlanDoc {
    file::import(b.text, now)
        .unwrap_or_else(|e| panic!("built-in template {} is broken: {e}", b.id))
}

/// A new plan from a built-in template, with fresh ids.
pub fn instantiate(id: &str, now: DateTime<Utc>) -> Result<PlanDoc, EditError> {
    let b = BUILTINS
        .iter()
        .find(|b| b.id == id)
        .ok_or_else(|| EditError::not_found("template", id))?;
    Ok(load(b, now))
}

/// A role of the library: a position ready to drop into a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub title: String,
    pub title_en: String,
    /// The palette group.
    pub function: Function,
    pub functions: Vec<Function>,
    pub grade: String,
    pub purpose: String,
    pub duties: Vec<String>,
    pub requirements: Vec<String>,
    pub kpis: Vec<Kpi>,
    pub pay_band: Option<PayBand>,
}

impl Role {
    /// A new position made from this role (no superior yet).
    pub fn to_position(&self, id: Id) -> Position {
        let mut p = Position::blank(id, &self.title);
        p.title_en = self.title_en.clone();
        p.grade = self.grade.clone();
        p.purpose = self.purpose.clone();
        p.duties = self.duties.clone();
        p.requirements = self.requirements.clone();
        p.kpis = self.kpis.clone();
        p.functions = self.functions.clone();
        p.functions.sort();
        p.functions.dedup();
        p.pay_band = self.pay_band;
        p.role = Some(self.id.clone());
        p
    }
}

pub fn roles() -> Vec<Role> {
    serde_json::from_str(include_str!("../data/roles.json")).expect("the role library parses")
}

pub fn role(id: &str) -> Result<Role, EditError> {
    roles()
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| EditError::not_found("role", id))
}

/// A blank plan: one top position, ready to grow.
pub fn blank(name: &str, now: DateTime<Utc>) -> PlanDoc {
    let mut root = Position::blank(Uuid::new_v4(), "总经理");
    root.title_en = "General Manager".into();
    root.functions = vec![Function::Operations];
    PlanDoc {
        plan: crate::model::PlanMeta {
            id: Uuid::new_v4(),
            name: name.to_string(),
            company: String::new(),
            target_size: 0,
            stage: crate::model::Stage::Startup,
            goal_notes: String::new(),
            template: None,
            logo: None,
            scenario_of: None,
            roster: None,
            created_at: now,
            updated_at: now,
        },
        departments: Vec::new(),
        positions: vec![std::sync::Arc::new(root)],
        people: Vec::new(),
        goals: Vec::new(),
    }
}
