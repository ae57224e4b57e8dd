//! Command bodies and their argument and result types. Each body resolves the plan, turns its
//! arguments into one core edit or query, and runs it through the store.

use orgplan_core::cascade::{cascade, CascadeNode};
use orgplan_core::compare::{compare, Comparison};
use orgplan_core::cost::{figures, PlanFigures};
use orgplan_core::edit::GoalPatch;
use orgplan_core::layout::{layout, Layout, LayoutOptions};
use orgplan_core::periods::{split, PeriodTarget};
use orgplan_core::templates::{self, Role, TemplateInfo};
use orgplan_core::{
    file, validate, Cycle, DepartmentPatch, Direction, Edit, Finding, Goal, GoalKind, GoalUnit, Id,
    Lang, PersonPatch, PlanDoc, PlanPatch, Position, PositionPatch,
};
use orgplan_store::{History, PlanSummary, StoreError};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;
use uuid::Uuid;

pub use crate::documents::*;
pub use crate::roster::*;
use crate::{ApiError, Ctx, ErrorKind};

type R<T> = Result<T, ApiError>;

fn store_err(ctx: &Ctx) -> impl Fn(StoreError) -> ApiError + '_ {
    move |e| ApiError::from_store(e, ctx.lang)
}

/// A plan as the UI needs it after every command: the plan, its findings and what undo and
/// redo would do. `created` is the id of what the command made, if it made something.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanState {
    pub doc: PlanDoc,
    pub findings: Vec<Finding>,
    /// People, seats and payroll per position, department and in total (`plan_summary`).
    pub figures: PlanFigures,
    pub history: History,
    /// The plan's revision: raised by every committed edit, whoever made it. Pass it back
    /// as `revision` with the next edit.
    pub revision: u64,
    pub created: Option<Id>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NoArgs {}

/// A plan by id or unique name.
#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PlanArg {
    pub plan: String,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PositionArg {
    pub plan: String,
    pub position: Id,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PersonArg {
    pub plan: String,
    pub person: Id,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DepartmentArg {
    pub plan: String,
    pub department: Id,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct CreatePlanArgs {
    pub name: Option<String>,
    /// A built-in template id; a blank plan when absent.
    pub template: Option<String>,
    pub company: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct DuplicatePlanArgs {
    pub plan: String,
    pub name: Option<String>,
    /// Makes the copy a scenario of the plan (方案的备选方案), to compare against it.
    pub scenario: Option<bool>,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CompareArgs {
    /// The plan before (by id or unique name).
    pub a: String,
    /// The plan after.
    pub b: String,
}

/// `{plan, ...fields}` with the fields of [`NewGoal`].
#[derive(Clone, Debug, Serialize, TS)]
pub struct AddGoalArgs {
    pub plan: String,
    #[serde(flatten)]
    pub goal: NewGoal,
}

/// A goal to add: unit and direction default from its kind, the period to monthly.
#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct NewGoal {
    pub name: String,
    pub name_en: Option<String>,
    pub parent: Option<Id>,
    pub kind: GoalKind,
    pub unit: Option<GoalUnit>,
    pub direction: Option<Direction>,
    pub target: f64,
    pub period: Option<Cycle>,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AddGoalsArgs {
    pub plan: String,
    pub goals: Vec<NewGoal>,
}

/// `{plan, goal, ...fields}` with the fields of [`GoalPatch`].
#[derive(Clone, Debug, Serialize, TS)]
pub struct UpdateGoalArgs {
    pub plan: String,
    pub goal: Id,
    /// What the client saw in the fields it changes (compare-and-set).
    #[ts(optional)]
    pub was: Option<GoalPatch>,
    #[serde(flatten)]
    pub patch: GoalPatch,
}

/// Takes `key` out of `map`, for arguments whose other fields are a flattened patch.
fn take_field<T: serde::de::DeserializeOwned, E: serde::de::Error>(
    map: &mut Map<String, Value>,
    key: &'static str,
) -> Result<T, E> {
    let v = map.remove(key).ok_or_else(|| E::missing_field(key))?;
    serde_path_to_error::deserialize(v).map_err(|e| located(Some(key), e))
}

/// An error inside a field read by hand, with where it was, so the refusal can name the field
/// (read back by `crate::parse_args`).
fn located<E: serde::de::Error>(
    key: Option<&str>,
    e: serde_path_to_error::Error<serde_json::Error>,
) -> E {
    let inner = e.path().to_string();
    let path = match (key, inner.as_str()) {
        (Some(k), ".") => k.to_string(),
        (Some(k), i) => format!("{k}.{i}"),
        (None, i) => i.to_string(),
    };
    E::custom(format!(
        "{}{path}{}{}",
        crate::AT,
        crate::AT,
        e.into_inner()
    ))
}

/// Takes `key` out of `map` when it is there and not null.
fn take_optional<T: serde::de::DeserializeOwned, E: serde::de::Error>(
    map: &mut Map<String, Value>,
    key: &'static str,
) -> Result<Option<T>, E> {
    match map.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => serde_path_to_error::deserialize(v)
            .map(Some)
            .map_err(|e| located(Some(key), e)),
    }
}

/// What is left of `map`, read as a patch (which refuses unknown fields).
fn rest<T: serde::de::DeserializeOwned, E: serde::de::Error>(
    map: Map<String, Value>,
) -> Result<T, E> {
    serde_path_to_error::deserialize(Value::Object(map)).map_err(|e| located(None, e))
}

impl<'de> Deserialize<'de> for AddGoalArgs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut map = Map::<String, Value>::deserialize(d)?;
        Ok(AddGoalArgs {
            plan: take_field(&mut map, "plan")?,
            goal: rest(map)?,
        })
    }
}

impl<'de> Deserialize<'de> for UpdateGoalArgs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut map = Map::<String, Value>::deserialize(d)?;
        Ok(UpdateGoalArgs {
            plan: take_field(&mut map, "plan")?,
            goal: take_field(&mut map, "goal")?,
            was: take_optional(&mut map, "was")?,
            patch: rest(map)?,
        })
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct GoalArg {
    pub plan: String,
    pub goal: Id,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct GoalPeriodsArgs {
    pub plan: String,
    pub goal: Id,
    /// The calendar year; this year when absent.
    pub year: Option<i32>,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ImportPlanArgs {
    /// The plan file's text.
    pub text: String,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
pub struct ExportedPlan {
    pub file_name: String,
    pub text: String,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
pub struct Deleted {
    pub deleted: Id,
}

/// Either `title` (a blank position) or `role` (from the role library).
#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AddPositionArgs {
    pub plan: String,
    pub parent: Id,
    /// Place among the new siblings; the end when absent.
    pub index: Option<usize>,
    pub title: Option<String>,
    pub role: Option<String>,
    pub department: Option<Id>,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct MovePositionArgs {
    pub plan: String,
    pub position: Id,
    pub new_parent: Id,
    pub index: Option<usize>,
}

/// `{plan, position, ...fields}`: the fields of [`PositionPatch`] sit beside `plan` and
/// `position`; an unknown field is refused.
#[derive(Clone, Debug, Serialize, TS)]
pub struct UpdatePositionArgs {
    pub plan: String,
    pub position: Id,
    /// What the client saw in the fields it changes (compare-and-set): when one of them has
    /// changed meanwhile, the edit is refused with kind `conflict`.
    #[ts(optional)]
    pub was: Option<PositionPatch>,
    #[serde(flatten)]
    pub patch: PositionPatch,
}

impl<'de> Deserialize<'de> for UpdatePositionArgs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut map = Map::<String, Value>::deserialize(d)?;
        Ok(UpdatePositionArgs {
            plan: take_field(&mut map, "plan")?,
            position: take_field(&mut map, "position")?,
            was: take_optional(&mut map, "was")?,
            patch: rest(map)?,
        })
    }
}

/// `{plan, ...fields}` with the fields of [`PlanPatch`].
#[derive(Clone, Debug, Serialize, TS)]
pub struct UpdatePlanArgs {
    pub plan: String,
    /// What the client saw in the fields it changes (compare-and-set), as for
    /// `update_position`.
    #[ts(optional)]
    pub was: Option<PlanPatch>,
    #[serde(flatten)]
    pub patch: PlanPatch,
}

impl<'de> Deserialize<'de> for UpdatePlanArgs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut map = Map::<String, Value>::deserialize(d)?;
        Ok(UpdatePlanArgs {
            plan: take_field(&mut map, "plan")?,
            was: take_optional(&mut map, "was")?,
            patch: rest(map)?,
        })
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DottedArgs {
    pub plan: String,
    pub position: Id,
    pub superior: Id,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AddCollaborationArgs {
    pub plan: String,
    pub position: Id,
    pub with: Id,
    pub about: String,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AddEscalationArgs {
    pub plan: String,
    pub position: Id,
    pub when: String,
    pub to: Id,
}

/// A collaboration of a position, by its place in the list.
#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RemoveCollaborationArgs {
    pub plan: String,
    pub position: Id,
    pub index: usize,
    /// The collaboration the client saw at `index`: refused with kind `conflict` when the
    /// list changed meanwhile and another one is there now.
    #[ts(optional)]
    #[serde(default)]
    pub was: Option<orgplan_core::Collaboration>,
}

/// An escalation of a position, by its place in the list.
#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RemoveEscalationArgs {
    pub plan: String,
    pub position: Id,
    pub index: usize,
    /// The escalation the client saw at `index`, as for `remove_collaboration`.
    #[ts(optional)]
    #[serde(default)]
    pub was: Option<orgplan_core::Escalation>,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AddPersonArgs {
    pub plan: String,
    pub name: String,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RenamePersonArgs {
    pub plan: String,
    pub person: Id,
    pub name: String,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AssignArgs {
    pub plan: String,
    pub person: Id,
    pub position: Id,
    /// Percent of the person's time, 1–100. Without it, the share of their time that is
    /// still free (100 % − what they hold); refused when nothing is free.
    #[ts(optional, type = "number")]
    #[serde(default)]
    pub share: Option<i64>,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct UnassignArgs {
    pub plan: String,
    pub person: Id,
    pub position: Id,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AddDepartmentArgs {
    pub plan: String,
    pub name: String,
    pub name_en: Option<String>,
    pub color: Option<String>,
    /// The department the new one is part of.
    pub parent: Option<Id>,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct UpdateDepartmentArgs {
    pub plan: String,
    pub department: Id,
    pub name: Option<String>,
    pub name_en: Option<String>,
    pub color: Option<String>,
    /// The department this one is part of; `null` makes it a top-level department.
    #[serde(default, deserialize_with = "orgplan_core::edit::double_option")]
    pub parent: Option<Option<Id>>,
    /// What the client saw in the fields it changes (compare-and-set).
    pub was: Option<DepartmentPatch>,
}

/// `update_person`: the 人员 table's edit of one person.
#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct UpdatePersonArgs {
    pub plan: String,
    pub person: Id,
    pub name: Option<String>,
    pub employee_no: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// `YYYY-MM-DD`; `null` clears it.
    #[serde(default, deserialize_with = "orgplan_core::edit::double_option")]
    pub start_date: Option<Option<chrono::NaiveDate>>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "orgplan_core::edit::double_option")]
    pub kind: Option<Option<orgplan_core::PersonKind>>,
    /// What the client saw in the fields it changes (compare-and-set).
    pub was: Option<PersonPatch>,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct LayoutArgs {
    pub plan: String,
    pub options: Option<LayoutOptions>,
}

fn state(ctx: &Ctx, doc: PlanDoc, created: Option<Id>) -> R<PlanState> {
    let history = ctx.store.history(doc.plan.id).map_err(store_err(ctx))?;
    let revision = ctx.store.revision(doc.plan.id).map_err(store_err(ctx))?;
    Ok(PlanState {
        revision,
        findings: validate(&doc),
        figures: figures(&doc),
        doc,
        history,
        created,
    })
}

pub(crate) fn resolve(ctx: &Ctx, plan: &str) -> R<Id> {
    ctx.store.resolve(plan).map_err(store_err(ctx))
}

/// A plan by id or unique name, as stored.
pub fn load_plan(ctx: &Ctx, plan: &str) -> R<PlanDoc> {
    let id = resolve(ctx, plan)?;
    ctx.store.load(id).map_err(store_err(ctx))
}

fn edit(ctx: &mut Ctx, plan: &str, edit: Edit, created: Option<Id>) -> R<PlanState> {
    edit_expecting(ctx, plan, edit, created, &|_| None)
}

/// An edit that says what it replaces: `expect` names the field of the plan as it stands
/// that is no longer what the client saw (a conflict), else `None`.
fn edit_expecting(
    ctx: &mut Ctx,
    plan: &str,
    edit: Edit,
    created: Option<Id>,
    expect: &dyn Fn(&PlanDoc) -> Option<String>,
) -> R<PlanState> {
    let id = resolve(ctx, plan)?;
    let seen = ctx.seen;
    let doc = ctx
        .store
        .edit_checked(id, edit, seen, expect)
        .map_err(store_err(ctx))?;
    state(ctx, doc, created)
}

fn invalid(ctx: &Ctx, zh: &str, en: &str) -> ApiError {
    ApiError::new(ErrorKind::BadArguments, ctx.lang.pick(zh, en))
}

pub fn list_plans(ctx: &mut Ctx, _: NoArgs) -> R<Vec<PlanSummary>> {
    ctx.store.list_plans().map_err(store_err(ctx))
}

pub fn assign(ctx: &mut Ctx, a: AssignArgs) -> R<PlanState> {
    let share = match a.share {
        Some(s) => s,
        None => {
            let doc = load_plan(ctx, &a.plan)?;
            let person = doc.person(a.person).ok_or_else(|| {
                ApiError::from_store(
                    orgplan_core::EditError::not_found("person", a.person).into(),
                    ctx.lang,
                )
            })?;
            match orgplan_core::cost::free_share(person, a.position) {
                0 => {
                    return Err(ApiError::new(
                        ErrorKind::Share,
                        match ctx.lang {
                            Lang::Zh => format!(
                                "{} 的时间已全部分配（{}%），请先调低其他岗位的时间占比，或指定占比",
                                person.name,
                                person.total_share()
                            ),
                            Lang::En => format!(
                                "All of {}'s time is taken ({}%): lower a share elsewhere first, or give a share",
                                person.name,
                                person.total_share()
                            ),
                        },
                    ))
                }
                free => i64::from(free),
            }
        }
    };
    let plan = a.plan.clone();
    edit(
        ctx,
        &plan,
        Edit::Assign {
            person: a.person,
            position: a.position,
            share,
        },
        None,
    )
}

/// What deleting a position would do, or why it is refused, before the user is asked.
#[derive(Clone, Debug, Serialize, Deserialize, TS)]
pub struct DeletePreview {
    pub effect: Option<orgplan_core::edit::DeleteEffect>,
    /// Why it cannot be deleted, in the user's language.
    pub refused: Option<ApiError>,
}

pub fn delete_preview(ctx: &mut Ctx, a: PositionArg) -> R<DeletePreview> {
    let doc = load_plan(ctx, &a.plan)?;
    Ok(match orgplan_core::edit::delete_effect(&doc, a.position) {
        Ok(effect) => DeletePreview {
            effect: Some(effect),
            refused: None,
        },
        Err(e) => DeletePreview {
            effect: None,
            refused: Some(ApiError::from_store(e.into(), ctx.lang)),
        },
    })
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct StaffingArgs {
    pub plan: String,
    /// The business assumptions; the defaults (and the plan's sales goal) without them.
    pub drivers: Option<orgplan_core::staffing::Drivers>,
    /// The month to size for, 1–12 (default 1, an ordinary month).
    pub month: Option<u32>,
}

/// 定编测算: the FTE and 编制 the business volume needs, per position and department, in the
/// chosen month and the peak month, with findings and the sales thresholds of each seat.
pub fn staffing(ctx: &mut Ctx, a: StaffingArgs) -> R<orgplan_core::staffing::Staffing> {
    let month = a.month.unwrap_or(1);
    if !(1..=12).contains(&month) {
        return Err(invalid(
            ctx,
            &format!("「月份」须为 1 到 12（收到 {month}）"),
            &format!("month must be 1 to 12 (got {month})"),
        ));
    }
    let drivers = a.drivers.unwrap_or_default();
    if let Some(problem) = drivers_problem(&drivers, ctx.lang) {
        return Err(ApiError::new(ErrorKind::BadArguments, problem));
    }
    let doc = load_plan(ctx, &a.plan)?;
    Ok(orgplan_core::staffing::staffing(
        &doc, &drivers, month, ctx.lang,
    ))
}

/// The first assumption that cannot be (negative, not a number, a rate above 100 %).
fn drivers_problem(d: &orgplan_core::staffing::Drivers, lang: Lang) -> Option<String> {
    let rates = [
        ("询单率", "inquiry rate", d.inquiry_rate),
        ("询单转化率", "inquiry conversion", d.inquiry_conversion),
        ("售后率", "after-sales rate", d.aftersale_rate),
        ("推广费占比", "paid share of sales", d.ad_share),
    ];
    for (zh, en, v) in rates {
        if !v.is_finite() || !(0.0..=100.0).contains(&v) {
            return Some(match lang {
                Lang::Zh => format!("「{zh}」须为 0 到 100 的百分数（收到 {v}）"),
                Lang::En => format!("{en} must be a percent from 0 to 100 (got {v})"),
            });
        }
    }
    let amounts = [
        ("月销售额", "monthly sales", d.monthly_gmv.unwrap_or(0.0)),
        ("客单价", "basket size", d.basket),
        ("人均日接待量", "chats per person a day", d.chats_per_person),
        (
            "人均日处理售后",
            "cases per person a day",
            d.cases_per_person,
        ),
        (
            "人均日发货",
            "parcels per person a day",
            d.parcels_per_person,
        ),
        ("月上新款数", "new SKUs a month", d.new_skus.unwrap_or(0.0)),
        ("每款图片数", "images per SKU", d.images_per_sku),
        (
            "人均月出图",
            "images per person a month",
            d.images_per_person,
        ),
        ("周直播时长", "live hours a week", d.live_hours),
        (
            "人均周直播时长",
            "live hours per host a week",
            d.live_hours_per_person,
        ),
        ("人均管理预算", "budget per person", d.budget_per_person),
    ];
    for (zh, en, v) in amounts {
        if !v.is_finite() || !(0.0..=1e12).contains(&v) {
            return Some(match lang {
                Lang::Zh => format!("「{zh}」须为 0 到 1 万亿之间的数（收到 {v}）"),
                Lang::En => format!("{en} must be a number from 0 to 1e12 (got {v})"),
            });
        }
    }
    for (i, f) in d.months.iter().enumerate() {
        if !f.is_finite() || !(0.0..=20.0).contains(f) {
            return Some(match lang {
                Lang::Zh => format!("{}月的业务量倍数须在 0 到 20 之间（收到 {f}）", i + 1),
                Lang::En => format!("month {}'s multiplier must be 0 to 20 (got {f})", i + 1),
            });
        }
    }
    None
}

pub fn plan_summary(ctx: &mut Ctx, a: PlanArg) -> R<PlanFigures> {
    Ok(figures(&load_plan(ctx, &a.plan)?))
}

pub fn get_plan(ctx: &mut Ctx, a: PlanArg) -> R<PlanState> {
    let doc = load_plan(ctx, &a.plan)?;
    state(ctx, doc, None)
}

pub fn create_plan(ctx: &mut Ctx, a: CreatePlanArgs) -> R<PlanState> {
    let now = orgplan_store::stored_now();
    let mut doc = match a.template.as_deref() {
        None | Some("blank") => {
            let name = a
                .name
                .clone()
                .unwrap_or_else(|| ctx.lang.pick("未命名方案", "Untitled plan").to_string());
            templates::blank(&name, now)
        }
        Some(t) => {
            templates::instantiate(t, now).map_err(|e| ApiError::from_store(e.into(), ctx.lang))?
        }
    };
    if let Some(name) = a.name {
        doc.plan.name = name;
    }
    if let Some(company) = a.company {
        doc.plan.company = company;
    }
    let id = ctx.store.insert_plan(&doc).map_err(store_err(ctx))?;
    let doc = ctx.store.load(id).map_err(store_err(ctx))?;
    state(ctx, doc, Some(id))
}

pub fn update_plan(ctx: &mut Ctx, a: UpdatePlanArgs) -> R<PlanState> {
    let was = a.was;
    edit_expecting(
        ctx,
        &a.plan,
        Edit::UpdatePlan { patch: a.patch },
        None,
        &|doc| {
            let f = was.as_ref()?.changed_in(&doc.plan)?;
            Some(format!("plan.{f}"))
        },
    )
}

pub fn update_position(ctx: &mut Ctx, a: UpdatePositionArgs) -> R<PlanState> {
    let (position, was) = (a.position, a.was);
    let e = Edit::UpdatePosition {
        position,
        patch: a.patch,
    };
    edit_expecting(ctx, &a.plan, e, None, &|doc| {
        // A position that is gone is the edit's own refusal (or a conflict by revision).
        let f = was.as_ref()?.changed_in(doc.position(position)?)?;
        Some(f.to_string())
    })
}

pub fn update_goal(ctx: &mut Ctx, a: UpdateGoalArgs) -> R<PlanState> {
    let (goal, was) = (a.goal, a.was);
    let e = Edit::UpdateGoal {
        goal,
        patch: a.patch,
    };
    edit_expecting(ctx, &a.plan, e, None, &|doc| {
        let f = was.as_ref()?.changed_in(doc.goal(goal)?)?;
        Some(format!("goal.{f}"))
    })
}

pub fn update_department(ctx: &mut Ctx, a: UpdateDepartmentArgs) -> R<PlanState> {
    let (department, was) = (a.department, a.was);
    let e = Edit::UpdateDepartment {
        department,
        patch: DepartmentPatch {
            name: a.name,
            name_en: a.name_en,
            color: a.color,
            parent: a.parent,
        },
    };
    edit_expecting(ctx, &a.plan, e, None, &|doc| {
        let d = doc.departments.iter().find(|d| d.id == department)?;
        let f = was.as_ref()?.changed_in(d)?;
        Some(format!("department.{f}"))
    })
}

pub fn update_person(ctx: &mut Ctx, a: UpdatePersonArgs) -> R<PlanState> {
    let (person, was) = (a.person, a.was);
    let e = Edit::UpdatePerson {
        person,
        patch: PersonPatch {
            name: a.name,
            employee_no: a.employee_no,
            phone: a.phone,
            email: a.email,
            start_date: a.start_date,
            kind: a.kind,
        },
    };
    edit_expecting(ctx, &a.plan, e, None, &|doc| {
        let f = was.as_ref()?.changed_in(doc.person(person)?)?;
        Some(format!("person.{f}"))
    })
}

pub fn remove_collaboration(ctx: &mut Ctx, a: RemoveCollaborationArgs) -> R<PlanState> {
    let (position, index, was) = (a.position, a.index, a.was);
    let e = Edit::RemoveCollaboration { position, index };
    edit_expecting(ctx, &a.plan, e, None, &|doc| {
        let seen = was.as_ref()?;
        let now = doc.position(position)?.collaborations.get(index);
        (now != Some(seen)).then(|| "collaborations".to_string())
    })
}

pub fn remove_escalation(ctx: &mut Ctx, a: RemoveEscalationArgs) -> R<PlanState> {
    let (position, index, was) = (a.position, a.index, a.was);
    let e = Edit::RemoveEscalation { position, index };
    edit_expecting(ctx, &a.plan, e, None, &|doc| {
        let seen = was.as_ref()?;
        let now = doc.position(position)?.escalations.get(index);
        (now != Some(seen)).then(|| "escalations".to_string())
    })
}

/// Copies a plan with fresh ids (the copy has no undo history).
pub fn duplicate_plan(ctx: &mut Ctx, a: DuplicatePlanArgs) -> R<PlanState> {
    let doc = load_plan(ctx, &a.plan)?;
    // A copy in the same store keeps everything, personal data included.
    let mut copy = file::import(&file::export_with(&doc, true), orgplan_store::stored_now())
        .map_err(|e| ApiError::bad_file(&e, ctx.lang))?;
    // Both are in tree order: each copied position remembers the seat it came from, so the
    // two plans can be compared.
    for (c, p) in copy.positions.iter_mut().zip(&doc.positions) {
        std::sync::Arc::make_mut(c).lineage =
            Some(p.lineage.clone().unwrap_or_else(|| p.id.to_string()));
    }
    if a.scenario == Some(true) {
        copy.plan.scenario_of = Some(doc.plan.id);
    }
    copy.plan.name = a.name.unwrap_or_else(|| match ctx.lang {
        Lang::Zh => format!("{}（副本）", doc.plan.name),
        Lang::En => format!("{} (copy)", doc.plan.name),
    });
    let new_id = ctx.store.insert_plan(&copy).map_err(store_err(ctx))?;
    let copy = ctx.store.load(new_id).map_err(store_err(ctx))?;
    state(ctx, copy, Some(new_id))
}

pub fn delete_plan(ctx: &mut Ctx, a: PlanArg) -> R<Deleted> {
    let id = resolve(ctx, &a.plan)?;
    ctx.store.delete_plan(id).map_err(store_err(ctx))?;
    Ok(Deleted { deleted: id })
}

pub fn import_plan(ctx: &mut Ctx, a: ImportPlanArgs) -> R<PlanState> {
    let id = ctx.store.import(&a.text).map_err(store_err(ctx))?;
    let doc = ctx.store.load(id).map_err(store_err(ctx))?;
    state(ctx, doc, Some(id))
}

pub fn export_plan(ctx: &mut Ctx, a: ExportPlanArgs) -> R<ExportedPlan> {
    let doc = load_plan(ctx, &a.plan)?;
    Ok(ExportedPlan {
        file_name: format!("{}.orgplan.json", safe_file_name(&doc.plan.name)),
        text: file::export_with(&doc, a.personal == Some(true)),
    })
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ExportPlanArgs {
    pub plan: String,
    /// Keep people's 手机 and 邮箱 (personal data) in the file.
    pub personal: Option<bool>,
}

/// A plan name made safe to use as a file name on every platform.
pub fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim().trim_matches('.');
    if trimmed.is_empty() {
        "plan".into()
    } else {
        trimmed.chars().take(80).collect()
    }
}

pub fn add_position(ctx: &mut Ctx, a: AddPositionArgs) -> R<PlanState> {
    let id = Uuid::new_v4();
    let mut position: Position = match (&a.role, &a.title) {
        (Some(role), _) => templates::role(role)
            .map_err(|e| ApiError::from_store(e.into(), ctx.lang))?
            .to_position(id),
        (None, Some(title)) => Position::blank(id, title),
        (None, None) => {
            return Err(invalid(
                ctx,
                "add_position 需要 title（空白岗位）或 role（岗位库角色）",
                "add_position needs a title (blank position) or a role (from the role library)",
            ))
        }
    };
    if let (Some(_), Some(title)) = (&a.role, &a.title) {
        position.title = title.clone();
    }
    // A new position joins its superior's department unless told otherwise.
    position.department = match a.department {
        Some(d) => Some(d),
        None => {
            let plan = resolve(ctx, &a.plan)?;
            let doc = ctx.store.load(plan).map_err(store_err(ctx))?;
            doc.position(a.parent).and_then(|p| p.department)
        }
    };
    let e = Edit::AddPosition {
        parent: a.parent,
        index: a.index,
        position,
    };
    edit(ctx, &a.plan, e, Some(id))
}

pub fn add_person(ctx: &mut Ctx, a: AddPersonArgs) -> R<PlanState> {
    let id = Uuid::new_v4();
    let person = orgplan_core::Person::new(id, a.name, Vec::new());
    edit(ctx, &a.plan, Edit::AddPerson { person }, Some(id))
}

/// Colours offered to new departments in turn.
const PALETTE: [&str; 8] = [
    "#2563eb", "#7c3aed", "#0d9488", "#d97706", "#dc2626", "#059669", "#db2777", "#4b5563",
];

pub fn add_department(ctx: &mut Ctx, a: AddDepartmentArgs) -> R<PlanState> {
    let plan = resolve(ctx, &a.plan)?;
    let count = ctx
        .store
        .load(plan)
        .map_err(store_err(ctx))?
        .departments
        .len();
    let id = Uuid::new_v4();
    let department = orgplan_core::Department {
        id,
        name: a.name,
        name_en: a.name_en.unwrap_or_default(),
        color: a
            .color
            .unwrap_or_else(|| PALETTE[count % PALETTE.len()].to_string()),
        parent: a.parent,
    };
    edit(ctx, &a.plan, Edit::AddDepartment { department }, Some(id))
}

pub fn validate_plan(ctx: &mut Ctx, a: PlanArg) -> R<Vec<Finding>> {
    let doc = load_plan(ctx, &a.plan)?;
    Ok(validate(&doc))
}

pub fn layout_plan(ctx: &mut Ctx, a: LayoutArgs) -> R<Layout> {
    let doc = load_plan(ctx, &a.plan)?;
    Ok(layout(&doc, &a.options.unwrap_or_default()))
}

pub fn undo(ctx: &mut Ctx, a: PlanArg) -> R<PlanState> {
    let id = resolve(ctx, &a.plan)?;
    let doc = ctx.store.undo(id).map_err(store_err(ctx))?;
    state(ctx, doc, None)
}

pub fn redo(ctx: &mut Ctx, a: PlanArg) -> R<PlanState> {
    let id = resolve(ctx, &a.plan)?;
    let doc = ctx.store.redo(id).map_err(store_err(ctx))?;
    state(ctx, doc, None)
}

pub fn compare_plans(ctx: &mut Ctx, a: CompareArgs) -> R<Comparison> {
    let (da, db) = (load_plan(ctx, &a.a)?, load_plan(ctx, &a.b)?);
    Ok(compare(&da, &db, ctx.lang))
}

impl NewGoal {
    /// The goal with a new id, its unit and direction defaulted from its kind, monthly unless
    /// said otherwise.
    fn into_goal(self) -> Goal {
        let unit = self.unit.unwrap_or(match self.kind {
            GoalKind::Gmv | GoalKind::Basket => GoalUnit::Yuan,
            GoalKind::Traffic => GoalUnit::Count,
            _ => GoalUnit::Percent,
        });
        Goal {
            id: Uuid::new_v4(),
            parent: self.parent,
            name: self.name,
            name_en: self.name_en.unwrap_or_default(),
            kind: self.kind,
            unit,
            direction: self.direction.unwrap_or(match self.kind {
                GoalKind::PromotionCost => Direction::AtMost,
                _ => Direction::AtLeast,
            }),
            target: self.target,
            period: self.period.unwrap_or(Cycle::Monthly),
        }
    }
}

pub fn add_goal(ctx: &mut Ctx, a: AddGoalArgs) -> R<PlanState> {
    let goal = a.goal.into_goal();
    let id = goal.id;
    edit(ctx, &a.plan, Edit::AddGoal { goal }, Some(id))
}

/// Adds several goals as one edit: one undo step, and none added if one is refused.
pub fn add_goals(ctx: &mut Ctx, a: AddGoalsArgs) -> R<PlanState> {
    let goals: Vec<Goal> = a.goals.into_iter().map(NewGoal::into_goal).collect();
    let first = goals.first().map(|g| g.id);
    edit(ctx, &a.plan, Edit::AddGoals { goals }, first)
}

pub fn plan_cascade(ctx: &mut Ctx, a: PlanArg) -> R<Vec<CascadeNode>> {
    let doc = load_plan(ctx, &a.plan)?;
    Ok(cascade(&doc))
}

pub fn goal_periods(ctx: &mut Ctx, a: GoalPeriodsArgs) -> R<Vec<PeriodTarget>> {
    use chrono::Datelike;
    let doc = load_plan(ctx, &a.plan)?;
    let goal = doc.goal(a.goal).ok_or_else(|| {
        ApiError::from_store(
            orgplan_core::EditError::not_found("goal", a.goal).into(),
            ctx.lang,
        )
    })?;
    let year = a.year.unwrap_or_else(|| chrono::Utc::now().year());
    if !(2000..=2100).contains(&year) {
        return Err(invalid(
            ctx,
            "年份须在 2000 到 2100 之间",
            "the year must be from 2000 to 2100",
        ));
    }
    Ok(split(goal, year))
}

pub fn list_templates(_: &mut Ctx, _: NoArgs) -> R<Vec<TemplateInfo>> {
    Ok(templates::templates())
}

pub fn list_roles(_: &mut Ctx, _: NoArgs) -> R<Vec<Role>> {
    Ok(templates::roles())
}

/// Handlers that turn their arguments into one edit of the plan named by `a.plan`.
macro_rules! edit_handlers {
    ($( $name:ident($args:ty) => |$a:ident| $edit:expr; )*) => {
        $(
            pub fn $name(ctx: &mut Ctx, $a: $args) -> R<PlanState> {
                let plan = $a.plan.clone();
                edit(ctx, &plan, $edit, None)
            }
        )*
    };
}

edit_handlers! {
    move_position(MovePositionArgs) => |a| Edit::MovePosition { position: a.position, new_parent: a.new_parent, index: a.index };
    delete_position(PositionArg) => |a| Edit::DeletePosition { position: a.position };
    accept_suggestion(PositionArg) => |a| Edit::AcceptSuggestion { position: a.position };
    add_dotted(DottedArgs) => |a| Edit::AddDotted { position: a.position, superior: a.superior };
    remove_dotted(DottedArgs) => |a| Edit::RemoveDotted { position: a.position, superior: a.superior };
    add_collaboration(AddCollaborationArgs) => |a| Edit::AddCollaboration { position: a.position, with: a.with, about: a.about };
    add_escalation(AddEscalationArgs) => |a| Edit::AddEscalation { position: a.position, when: a.when, to: a.to };
    rename_person(RenamePersonArgs) => |a| Edit::RenamePerson { person: a.person, name: a.name };
    remove_person(PersonArg) => |a| Edit::RemovePerson { person: a.person };
    unassign(UnassignArgs) => |a| Edit::Unassign { person: a.person, position: a.position };
    remove_department(DepartmentArg) => |a| Edit::RemoveDepartment { department: a.department };
    remove_goal(GoalArg) => |a| Edit::RemoveGoal { goal: a.goal };
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct WatchArgs {
    /// The plan open in the client, by id or unique name.
    pub plan: Option<String>,
}

/// What a client polls to notice changes made elsewhere (another window, the command line):
/// cheap to answer, and different whenever something it shows changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Watch {
    /// The plan's revision; `None` when the plan is gone (deleted elsewhere).
    pub revision: Option<u64>,
    /// Changes whenever a plan is added, removed or edited: time to reload the plan list.
    pub plans: String,
    pub read_only: bool,
    /// Set when the file was found damaged (the refusal, in the user's language).
    pub damaged: Option<String>,
}

pub fn watch(ctx: &mut Ctx, a: WatchArgs) -> R<Watch> {
    if let Some(refusal) = &ctx.refused {
        return Ok(Watch {
            revision: None,
            plans: String::new(),
            read_only: false,
            damaged: Some(refusal.message.clone()),
        });
    }
    let damaged = ctx
        .store
        .damage()
        .map(|_| ApiError::from_store(ctx.store.damage_error(), ctx.lang).message);
    if damaged.is_some() {
        return Ok(Watch {
            revision: None,
            plans: String::new(),
            read_only: ctx.store.is_read_only(),
            damaged,
        });
    }
    let revision = match a.plan {
        Some(p) => match ctx.store.resolve(&p) {
            Ok(id) => Some(ctx.store.revision(id).map_err(store_err(ctx))?),
            Err(StoreError::PlanNotFound(_)) => None,
            Err(e) => return Err(ApiError::from_store(e, ctx.lang)),
        },
        None => None,
    };
    Ok(Watch {
        revision,
        plans: ctx.store.list_version().map_err(store_err(ctx))?,
        read_only: ctx.store.is_read_only(),
        damaged: None,
    })
}

/// The database file: where it is, its state and its daily backups.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct StoreInfo {
    /// The file; `None` for a store in memory.
    pub path: Option<String>,
    pub schema_version: u32,
    pub read_only: bool,
    /// Why the file is refused, in the user's language; `None` when it is usable.
    pub damaged: Option<String>,
    /// Daily backups beside the file, newest first.
    pub backups: Vec<orgplan_store::maintenance::Backup>,
}

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RestoreBackupArgs {
    /// A backup's `name`, from `store_info`.
    pub name: String,
}

pub fn store_info(ctx: &mut Ctx, _: NoArgs) -> R<StoreInfo> {
    let damaged = match &ctx.refused {
        Some(r) => Some(r.message.clone()),
        None => ctx
            .store
            .damage()
            .map(|_| ApiError::from_store(ctx.store.damage_error(), ctx.lang).message),
    };
    Ok(StoreInfo {
        path: ctx.db_path.as_ref().map(|p| p.display().to_string()),
        schema_version: if ctx.refused.is_some() {
            0
        } else {
            ctx.store.schema_version().unwrap_or(0)
        },
        read_only: ctx.store.is_read_only(),
        damaged,
        backups: ctx
            .db_path
            .as_deref()
            .map(orgplan_store::maintenance::backups)
            .unwrap_or_default(),
    })
}

/// Puts a daily backup in place of the database file (the file it replaces is kept beside
/// it) and reopens it.
pub fn restore_backup(ctx: &mut Ctx, a: RestoreBackupArgs) -> R<StoreInfo> {
    let Some(path) = ctx.db_path.clone() else {
        return Err(invalid(
            ctx,
            "内存中的数据库没有备份",
            "a database in memory has no backups",
        ));
    };
    let author = ctx.store.author().clone();
    // Let go of the file before it is replaced.
    let stand_in = orgplan_store::Store::open_in_memory().map_err(store_err(ctx))?;
    drop(std::mem::replace(&mut ctx.store, stand_in));
    let restored = orgplan_store::maintenance::restore(&path, &a.name);
    let reopened = Ctx::open(&path, author, ctx.lang)?;
    let lang = ctx.lang;
    *ctx = reopened;
    restored.map_err(|e| ApiError::from_store(e, lang))?;
    store_info(ctx, NoArgs {})
}
