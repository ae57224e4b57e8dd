//! The model of a plan (组织方案): departments, positions, people.
//!
//! A [`PlanDoc`] is the whole plan in memory. Sibling order of positions is the order in which
//! they appear in `positions` among positions with the same parent; departments and people are
//! ordered by their place in their vectors.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

pub type Id = Uuid;

/// How far along the business is; drives the template choice and the copy around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 起步期: a handful of generalists.
    Startup,
    /// 成长期: one leader per group.
    Growth,
    /// 成熟期: clear division of labour.
    Scale,
}

impl Stage {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Stage::Startup, Lang::Zh) => "起步期",
            (Stage::Growth, Lang::Zh) => "成长期",
            (Stage::Scale, Lang::Zh) => "成熟期",
            (Stage::Startup, Lang::En) => "start-up",
            (Stage::Growth, Lang::En) => "growth",
            (Stage::Scale, Lang::En) => "scale",
        }
    }
}

/// The language of messages and labels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Appraisal cycle (考核周期) of a KPI point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Cycle {
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
}

impl Cycle {
    pub const ALL: [Cycle; 5] = [
        Cycle::Daily,
        Cycle::Weekly,
        Cycle::Monthly,
        Cycle::Quarterly,
        Cycle::Yearly,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Cycle::Daily => lang.pick("日", "daily"),
            Cycle::Weekly => lang.pick("周", "weekly"),
            Cycle::Monthly => lang.pick("月", "monthly"),
            Cycle::Quarterly => lang.pick("季度", "quarterly"),
            Cycle::Yearly => lang.pick("年", "yearly"),
        }
    }
}

/// The twelve functions every e-commerce team has to cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Function {
    Operations,
    Promotion,
    Visual,
    Copywriting,
    CustomerService,
    Logistics,
    Merchandising,
    Data,
    Finance,
    Crm,
    Channel,
    Tech,
}

impl Function {
    pub const ALL: [Function; 12] = [
        Function::Operations,
        Function::Promotion,
        Function::Visual,
        Function::Copywriting,
        Function::CustomerService,
        Function::Logistics,
        Function::Merchandising,
        Function::Data,
        Function::Finance,
        Function::Crm,
        Function::Channel,
        Function::Tech,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Function::Operations => "operations",
            Function::Promotion => "promotion",
            Function::Visual => "visual",
            Function::Copywriting => "copywriting",
            Function::CustomerService => "customer_service",
            Function::Logistics => "logistics",
            Function::Merchandising => "merchandising",
            Function::Data => "data",
            Function::Finance => "finance",
            Function::Crm => "crm",
            Function::Channel => "channel",
            Function::Tech => "tech",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Function::Operations => lang.pick("运营", "Operations"),
            Function::Promotion => lang.pick("推广", "Promotion"),
            Function::Visual => lang.pick("视觉", "Visual design"),
            Function::Copywriting => lang.pick("文案/编辑", "Copy & listings"),
            Function::CustomerService => lang.pick("客服", "Customer service"),
            Function::Logistics => lang.pick("仓储物流", "Warehouse & logistics"),
            Function::Merchandising => lang.pick("商品/采购", "Merchandising & sourcing"),
            Function::Data => lang.pick("数据分析", "Data analysis"),
            Function::Finance => lang.pick("财务", "Finance"),
            Function::Crm => lang.pick("CRM/会员", "CRM & members"),
            Function::Channel => lang.pick("渠道/分销", "Channels & distribution"),
            Function::Tech => lang.pick("技术", "Technology"),
        }
    }
}

/// The plan's own fields (组织方案).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanMeta {
    pub id: Id,
    pub name: String,
    pub company: String,
    /// The team size the plan aims at (people, not seats).
    pub target_size: u32,
    pub stage: Stage,
    pub goal_notes: String,
    /// The built-in template the plan started from, if any.
    pub template: Option<String>,
    /// The client's logo for present mode: a `data:image/png|jpeg|webp;base64,…` URL.
    #[serde(default)]
    pub logo: Option<String>,
    /// The plan this one is a scenario of (它的基准方案), if any. Not in plan files.
    #[serde(default)]
    pub scenario_of: Option<Id>,
    /// The roster the plan was imported from, with the column mapping used, so next month's
    /// export of the same system imports without mapping again.
    #[serde(default)]
    pub roster: Option<RosterSource>,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

/// Where a plan's people came from: a roster file and how its columns were read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RosterSource {
    pub file_name: String,
    pub sheet: Option<String>,
    /// Each column's header and the field it was read as (`姓名` → `name`; `""` for a column
    /// left out), in column order.
    pub columns: Vec<RosterColumn>,
    /// Whether 手机 and 邮箱 were imported.
    pub personal: bool,
    #[ts(type = "string")]
    pub imported_at: DateTime<Utc>,
    /// Positions whose duties, requirements, KPI points and functions the import copied from
    /// the library role their title matched: suggestions until the user accepts them or edits
    /// any of those fields.
    #[serde(default)]
    pub suggested: Vec<Id>,
}

/// One column of a roster and the field it was read as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RosterColumn {
    pub header: String,
    pub field: String,
}

/// A department or group (部门/组).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Department {
    pub id: Id,
    pub name: String,
    pub name_en: String,
    /// `#rrggbb`.
    pub color: String,
    /// The department this one is part of (`运营中心/客服部`: 客服部's parent is 运营中心).
    #[serde(default)]
    pub parent: Option<Id>,
}

/// A KPI weight: a percentage with at most one decimal (33.3 % + 33.3 % + 33.4 % = 100 %), kept
/// in tenths of a percent so sums are exact. In JSON it is a number (40, 33.3); in the binary
/// checkpoint, the tenths.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(type = "number")]
pub struct Weight(u32);

impl Weight {
    /// 100 %: what a position's weights add up to.
    pub const FULL: Weight = Weight(1000);

    /// Whole percents.
    pub const fn percent(p: u32) -> Weight {
        Weight(p * 10)
    }

    pub const fn from_tenths(t: u32) -> Weight {
        Weight(t)
    }

    pub const fn tenths(self) -> u32 {
        self.0
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 10.0
    }

    /// A number as a weight: not negative, at most one decimal; `None` otherwise.
    pub fn from_f64(x: f64) -> Option<Weight> {
        if !x.is_finite() || x < 0.0 || x > f64::from(u32::MAX / 10) {
            return None;
        }
        let t = (x * 10.0).round();
        ((t - x * 10.0).abs() < 1e-6).then_some(Weight(t as u32))
    }
}

impl std::fmt::Display for Weight {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_multiple_of(10) {
            write!(f, "{}", self.0 / 10)
        } else {
            write!(f, "{}.{}", self.0 / 10, self.0 % 10)
        }
    }
}

impl std::iter::Sum for Weight {
    fn sum<I: Iterator<Item = Weight>>(iter: I) -> Weight {
        Weight(iter.map(|w| w.0).sum())
    }
}

impl Serialize for Weight {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !s.is_human_readable() {
            s.serialize_u32(self.0)
        } else if self.0.is_multiple_of(10) {
            s.serialize_u32(self.0 / 10)
        } else {
            s.serialize_f64(self.as_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Weight, D::Error> {
        if !d.is_human_readable() {
            return u32::deserialize(d).map(Weight);
        }
        let x = f64::deserialize(d)?;
        Weight::from_f64(x).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Float(x),
                &"a percentage from 0 to 100 with at most one decimal",
            )
        })
    }
}

/// A KPI point (KPI 考核点).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Kpi {
    pub metric: String,
    /// Percent, 0–100 with one decimal; a position's weights should sum to 100.
    pub weight: Weight,
    pub target: String,
    pub cycle: Cycle,
    /// Where the figure comes from (e.g. 生意参谋).
    pub source: String,
    /// The plan goal this KPI point serves (KPI cascade), if any.
    #[serde(default)]
    pub goal: Option<Id>,
}

/// Who this position works with, on what (协作).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Collaboration {
    pub with: Id,
    pub about: String,
}

/// When this position hands a problem up, and to whom (升级).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Escalation {
    pub when: String,
    pub to: Id,
}

/// Monthly pay band in yuan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PayBand {
    pub min: u32,
    pub max: u32,
}

/// A position (岗位): one seat in the tree, possibly with a headcount above one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Position {
    pub id: Id,
    /// Direct superior; `None` only for the root.
    pub parent: Option<Id>,
    pub title: String,
    pub title_en: String,
    pub department: Option<Id>,
    /// Planned headcount (编制), at least 1.
    pub headcount: u32,
    pub grade: String,
    pub purpose: String,
    pub duties: Vec<String>,
    pub requirements: Vec<String>,
    pub kpis: Vec<Kpi>,
    /// Dotted-line superiors (虚线汇报).
    pub dotted: Vec<Id>,
    pub collaborations: Vec<Collaboration>,
    pub escalations: Vec<Escalation>,
    pub functions: Vec<Function>,
    pub pay_band: Option<PayBand>,
    pub notes: String,
    /// A stable name for the seat across copies of a plan and stages of the growth path: a
    /// built-in template's seat (`team-8/p-manager`), or the id of the position a scenario's
    /// copy was made from. Compare matches positions by it.
    #[serde(default)]
    pub lineage: Option<String>,
    /// The library role the position came from (`customer_service`), set by templates, the
    /// palette and roster import; compare and 定编 find a position's role through it.
    #[serde(default)]
    pub role: Option<String>,
}

impl Position {
    /// A blank position with just a title.
    pub fn blank(id: Id, title: &str) -> Position {
        Position {
            id,
            parent: None,
            title: title.to_string(),
            title_en: String::new(),
            department: None,
            headcount: 1,
            grade: String::new(),
            purpose: String::new(),
            duties: Vec::new(),
            requirements: Vec::new(),
            kpis: Vec::new(),
            dotted: Vec::new(),
            collaborations: Vec::new(),
            escalations: Vec::new(),
            functions: Vec::new(),
            pay_band: None,
            notes: String::new(),
            lineage: None,
            role: None,
        }
    }

    pub fn kpi_weight_total(&self) -> Weight {
        self.kpis.iter().map(|k| k.weight).sum()
    }
}

/// A person's seat and the share of their time it takes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Assignment {
    pub position: Id,
    /// Percent of the person's time, 1–100.
    pub share: u32,
}

/// How a person is employed (人员类型).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PersonKind {
    /// 全职
    FullTime,
    /// 兼职
    PartTime,
    /// 实习
    Intern,
    /// 外包
    Outsourced,
}

impl PersonKind {
    pub const ALL: [PersonKind; 4] = [
        PersonKind::FullTime,
        PersonKind::PartTime,
        PersonKind::Intern,
        PersonKind::Outsourced,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PersonKind::FullTime => lang.pick("全职", "full-time"),
            PersonKind::PartTime => lang.pick("兼职", "part-time"),
            PersonKind::Intern => lang.pick("实习", "intern"),
            PersonKind::Outsourced => lang.pick("外包", "outsourced"),
        }
    }

    /// Reads the words rosters use: 全职/正式/兼职/实习/外包/劳务派遣, full-time, part-time …
    pub fn parse(text: &str) -> Option<PersonKind> {
        let t = text.trim().to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
        if t.is_empty() {
            None
        } else if has(&["实习", "intern"]) {
            Some(PersonKind::Intern)
        } else if has(&["兼职", "part", "小时工", "临时"]) {
            Some(PersonKind::PartTime)
        } else if has(&["外包", "派遣", "outsourc", "contract"]) {
            Some(PersonKind::Outsourced)
        } else if has(&["全职", "正式", "试用", "full", "regular", "permanent"]) {
            Some(PersonKind::FullTime)
        } else {
            None
        }
    }
}

/// A person, who may hold several seats (全能型). The fields after `assignments` come from a
/// roster (花名册) and may be empty. 手机 and 邮箱 are personal data: plan files and exports
/// leave them out unless asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Person {
    pub id: Id,
    pub name: String,
    pub assignments: Vec<Assignment>,
    /// 工号.
    #[serde(default)]
    pub employee_no: String,
    /// 手机 (personal data).
    #[serde(default)]
    pub phone: String,
    /// 邮箱 (personal data).
    #[serde(default)]
    pub email: String,
    /// 入职日期.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub start_date: Option<NaiveDate>,
    /// 人员类型.
    #[serde(default)]
    pub kind: Option<PersonKind>,
}

impl Person {
    /// A person with just a name and seats.
    pub fn new(id: Id, name: impl Into<String>, assignments: Vec<Assignment>) -> Person {
        Person {
            id,
            name: name.into(),
            assignments,
            employee_no: String::new(),
            phone: String::new(),
            email: String::new(),
            start_date: None,
            kind: None,
        }
    }

    /// Whether the person carries personal data (手机, 邮箱).
    pub fn has_personal_data(&self) -> bool {
        !self.phone.is_empty() || !self.email.is_empty()
    }

    pub fn total_share(&self) -> u32 {
        self.assignments.iter().map(|a| a.share).sum()
    }
}

/// What a goal measures. Sales decompose as traffic × conversion × basket size
/// (销售额 = 流量 × 转化率 × 客单价): a GMV goal may have one sub-goal of each factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    /// Sales (销售额/GMV), in yuan.
    Gmv,
    /// Visitors (访客数/UV).
    Traffic,
    /// Conversion rate (转化率), percent.
    Conversion,
    /// Average order value (客单价), yuan.
    Basket,
    /// Gross margin (毛利率), percent.
    Margin,
    /// Promotion cost as a share of sales (推广费用占比), percent.
    PromotionCost,
    /// Repeat-buyer rate (回头客占比), percent.
    Repeat,
    /// Anything else, in the goal's unit.
    Other,
}

impl GoalKind {
    /// Whether the target adds up over periods (sales, visitors), as opposed to a rate or an
    /// average that holds in every period.
    pub fn additive(self, unit: GoalUnit) -> bool {
        match self {
            GoalKind::Gmv | GoalKind::Traffic => true,
            GoalKind::Other => unit != GoalUnit::Percent,
            _ => false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GoalUnit {
    Yuan,
    Count,
    Percent,
}

impl GoalUnit {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            GoalUnit::Yuan => lang.pick("元", "yuan"),
            GoalUnit::Count => lang.pick("个", ""),
            GoalUnit::Percent => "%",
        }
    }
}

/// Whether the target is a floor or a ceiling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    AtLeast,
    AtMost,
}

/// A goal of the plan (经营目标), the top of the KPI cascade: KPI points link to it, and a goal
/// may hang under a bigger one (a GMV goal's traffic, conversion and basket factors).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Goal {
    pub id: Id,
    pub parent: Option<Id>,
    pub name: String,
    pub name_en: String,
    pub kind: GoalKind,
    pub unit: GoalUnit,
    pub direction: Direction,
    pub target: f64,
    /// The period the target is stated for (a monthly GMV of 200,000 yuan).
    pub period: Cycle,
}

/// A whole plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanDoc {
    pub plan: PlanMeta,
    pub departments: Vec<Department>,
    /// Shared, so a copy of a plan costs a pointer a position and an edit copies only the
    /// positions it changes ([`PlanDoc::position_mut`]).
    pub positions: Vec<Arc<Position>>,
    pub people: Vec<Person>,
    /// Goals in display order (parents before their sub-goals).
    #[serde(default)]
    pub goals: Vec<Goal>,
}

impl PlanDoc {
    /// Whether the position's duties, requirements, KPI points and functions are still the
    /// library's suggestion from a roster import (see [`RosterSource::suggested`]).
    pub fn is_suggested(&self, position: Id) -> bool {
        self.plan
            .roster
            .as_ref()
            .is_some_and(|r| r.suggested.contains(&position))
    }

    /// Marks the position's content as reviewed: no longer a suggestion. Whether it was one.
    pub fn clear_suggestion(&mut self, position: Id) -> bool {
        match self.plan.roster.as_mut() {
            Some(r) => {
                let before = r.suggested.len();
                r.suggested.retain(|p| *p != position);
                r.suggested.len() != before
            }
            None => false,
        }
    }

    pub fn position(&self, id: Id) -> Option<&Position> {
        self.positions.iter().find(|p| p.id == id).map(|p| &**p)
    }

    /// The position to change, copied first if another plan shares it.
    pub fn position_mut(&mut self, id: Id) -> Option<&mut Position> {
        self.positions
            .iter_mut()
            .find(|p| p.id == id)
            .map(Arc::make_mut)
    }

    pub fn department(&self, id: Id) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    pub fn goal(&self, id: Id) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    pub fn person(&self, id: Id) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    pub fn root(&self) -> Option<&Position> {
        self.positions
            .iter()
            .find(|p| p.parent.is_none())
            .map(|p| &**p)
    }

    /// Ids of the direct subordinates of `id`, in order.
    pub fn children(&self, id: Id) -> Vec<Id> {
        self.positions
            .iter()
            .filter(|p| p.parent == Some(id))
            .map(|p| p.id)
            .collect()
    }

    /// Each position's place in `positions`, by id.
    pub fn position_index(&self) -> rustc_hash::FxHashMap<Id, usize> {
        self.positions
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id, i))
            .collect()
    }

    pub fn total_headcount(&self) -> u32 {
        self.positions.iter().map(|p| p.headcount).sum()
    }

    /// People assigned to a position (each assignment fills one seat).
    pub fn filled(&self, position: Id) -> u32 {
        self.people
            .iter()
            .filter(|p| p.assignments.iter().any(|a| a.position == position))
            .count() as u32
    }
}

impl PlanDoc {
    /// Puts positions in pre-order (each superior before its subordinates, siblings in order),
    /// the canonical order for storage, files and comparison. Positions that do not hang from
    /// the root (only possible in a plan that is about to be refused) keep their place at the end.
    pub fn normalize(&mut self) {
        use rustc_hash::FxHashMap as HashMap;
        let n = self.positions.len();
        let mut kids: HashMap<Option<Id>, Vec<usize>> =
            HashMap::with_capacity_and_hasher(n, Default::default());
        for (i, p) in self.positions.iter().enumerate() {
            kids.entry(p.parent).or_default().push(i);
        }
        let mut order = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        let mut stack: Vec<usize> = kids.get(&None).cloned().unwrap_or_default();
        stack.reverse();
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            order.push(i);
            if let Some(children) = kids.get(&Some(self.positions[i].id)) {
                stack.extend(children.iter().rev());
            }
        }
        order.extend((0..n).filter(|&i| !seen[i]));
        if order.iter().enumerate().all(|(at, &i)| at == i) {
            return;
        }
        let mut old: Vec<Option<Arc<Position>>> = std::mem::take(&mut self.positions)
            .into_iter()
            .map(Some)
            .collect();
        self.positions = order
            .into_iter()
            .map(|i| old[i].take().expect("each index once"))
            .collect();
    }

    /// Index of each position among its siblings.
    pub fn sibling_indices(&self) -> Vec<usize> {
        use rustc_hash::FxHashMap as HashMap;
        let mut next: HashMap<Option<Id>, usize> = HashMap::default();
        self.positions
            .iter()
            .map(|p| {
                let n = next.entry(p.parent).or_insert(0);
                *n += 1;
                *n - 1
            })
            .collect()
    }
}
