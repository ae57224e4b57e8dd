//! What a person calls each field, and what each accepts: the one set of limits, declared here
//! and exported to the UI with the generated types, so a form accepts exactly what the core
//! accepts and every refusal names the field by its label.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::{HEADCOUNT, MAX_DEPARTMENTS, MAX_ITEMS, MAX_LONG, MAX_SHORT, PAY, SHARE};
use crate::model::Lang;

/// The limits the core enforces, for forms to enforce the same.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Limits {
    /// Longest one-line text (titles, names, metrics), in characters.
    pub short_text: u32,
    /// Longest multi-line text (purpose, duties, notes), in characters.
    pub long_text: u32,
    /// Most items in one list.
    pub list_items: u32,
    pub departments: u32,
    /// 编制: 1 to this.
    pub headcount_max: u32,
    /// A share of time, in percent: 1 to 100.
    pub share_min: u32,
    pub share_max: u32,
    /// A KPI weight in percent: 0 to 100, with at most this many decimals.
    pub weight_max: u32,
    pub weight_decimals: u32,
    /// Monthly pay, whole yuan.
    pub pay_max: u32,
}

/// The limits, as the core applies them.
pub fn limits() -> Limits {
    Limits {
        short_text: MAX_SHORT as u32,
        long_text: MAX_LONG as u32,
        list_items: MAX_ITEMS as u32,
        departments: MAX_DEPARTMENTS as u32,
        headcount_max: *HEADCOUNT.end(),
        share_min: *SHARE.start(),
        share_max: *SHARE.end(),
        weight_max: crate::model::Weight::FULL.tenths() / 10,
        weight_decimals: 1,
        pay_max: *PAY.end(),
    }
}

/// The label of a field as the UI shows it, for messages: `title` → 岗位名称. Accepts the
/// field names the checks use (`kpis.weight`, `plan.name`), argument names of the command
/// table (`headcount`, `share`) and JSON paths into a plan file or arguments
/// (`positions[2].kpis[0].weight`: the last name counts, with its parent for context).
pub fn label(field: &str, lang: Lang) -> &'static str {
    let (zh, en) = pair(field);
    lang.pick(zh, en)
}

/// Every field name [`label`] knows, for tests.
pub const KNOWN: &[&str] = &[
    "plan.name",
    "plan.company",
    "plan.goal_notes",
    "plan.target_size",
    "plan.logo",
    "plan.stage",
    "name",
    "company",
    "goal_notes",
    "target_size",
    "stage",
    "logo",
    "department",
    "departments",
    "department.name",
    "department.name_en",
    "department.color",
    "department.parent",
    "name_en",
    "color",
    "title",
    "title_en",
    "grade",
    "purpose",
    "notes",
    "duties",
    "requirements",
    "kpis",
    "kpis.metric",
    "kpis.target",
    "kpis.source",
    "kpis.weight",
    "kpis.cycle",
    "kpis.goal",
    "metric",
    "weight",
    "source",
    "cycle",
    "dotted",
    "collaborations",
    "collaborations.about",
    "about",
    "escalations",
    "escalations.when",
    "when",
    "functions",
    "pay_band",
    "pay_band.min",
    "pay_band.max",
    "people",
    "person",
    "person.name",
    "person.employee_no",
    "person.phone",
    "person.email",
    "person.start_date",
    "person.kind",
    "person.assignments",
    "assignments",
    "positions",
    "position",
    "parent",
    "new_parent",
    "superior",
    "with",
    "to",
    "goal",
    "goals",
    "goal.name",
    "goal.name_en",
    "goal.parent",
    "goal.target",
    "goal.kind",
    "goal.unit",
    "goal.direction",
    "goal.period",
    "target",
    "headcount",
    "share",
    "index",
    "role",
    "template",
    "plan",
    "text",
    "format",
    "paper",
    "lang",
    "version",
    "id",
    "year",
    "card_width",
    "card_height",
    "gap_x",
    "gap_y",
    "collapsed",
    "options",
];

fn pair(field: &str) -> (&'static str, &'static str) {
    // A JSON path: keep the last two names, without indices ("positions[2].kpis[0].weight" →
    // "kpis.weight").
    let clean: Vec<&str> = field
        .trim_start_matches('.')
        .split('.')
        .map(|s| s.split('[').next().unwrap_or(s))
        .filter(|s| !s.is_empty())
        .collect();
    let last = clean.last().copied().unwrap_or("");
    let two = if clean.len() >= 2 {
        format!("{}.{}", clean[clean.len() - 2], last)
    } else {
        last.to_string()
    };
    exact(&two)
        .or_else(|| exact(last))
        .unwrap_or(("该项", "this field"))
}

fn exact(field: &str) -> Option<(&'static str, &'static str)> {
    Some(match field {
        "plan.name" | "plans.name" => ("方案名称", "plan name"),
        "plan.company" | "company" => ("公司名称", "company"),
        "plan.goal_notes" | "goal_notes" => ("目标说明", "goal notes"),
        "plan.target_size" | "target_size" => ("目标人数", "target team size"),
        "plan.logo" | "logo" => ("客户标志", "logo"),
        "plan.stage" | "stage" => ("发展阶段", "stage"),
        "department" => ("部门", "department"),
        "departments" => ("部门", "departments"),
        "department.name" | "departments.name" => ("部门名称", "department name"),
        "department.name_en" | "departments.name_en" => ("部门英文名", "department's English name"),
        "department.color" | "departments.color" | "color" => ("部门颜色", "department colour"),
        "department.parent" | "departments.parent" => ("上级部门", "parent department"),
        "title" => ("岗位名称", "position title"),
        "title_en" => ("英文岗位名称", "English title"),
        "grade" => ("职级", "grade"),
        "purpose" => ("岗位目的", "purpose"),
        "notes" => ("备注", "notes"),
        "duties" => ("岗位职责", "duties"),
        "requirements" => ("任职要求", "requirements"),
        "kpis" => ("KPI 考核点", "KPI points"),
        "kpis.metric" | "metric" => ("考核指标", "KPI metric"),
        "kpis.target" => ("KPI 目标值", "KPI target"),
        "kpis.source" | "source" => ("数据来源", "data source"),
        "kpis.weight" | "weight" => ("KPI 权重", "KPI weight"),
        "kpis.cycle" | "cycle" => ("考核周期", "appraisal cycle"),
        "kpis.goal" => ("承接目标", "goal served"),
        "dotted" => ("虚线汇报", "dotted lines"),
        "collaborations" => ("协作关系", "collaborations"),
        "collaborations.about" | "about" => ("协作内容", "what the collaboration is about"),
        "escalations" => ("升级路径", "escalations"),
        "escalations.when" | "when" => ("升级条件", "when to escalate"),
        "functions" => ("职能", "functions"),
        "pay_band" => ("薪资带宽", "pay band"),
        "pay_band.min" => ("薪资下限", "lowest monthly pay"),
        "pay_band.max" => ("薪资上限", "highest monthly pay"),
        "people" => ("人员", "people"),
        "person" => ("人员", "person"),
        "person.name" | "people.name" => ("姓名", "name"),
        "person.employee_no" | "people.employee_no" | "employee_no" => ("工号", "employee ID"),
        "person.phone" | "people.phone" | "phone" => ("手机", "phone"),
        "person.email" | "people.email" | "email" => ("邮箱", "email"),
        "person.start_date" | "people.start_date" | "start_date" => ("入职日期", "start date"),
        "person.kind" | "people.kind" | "kind" => ("人员类型", "employment type"),
        "plan.roster" | "roster" => ("花名册来源", "roster source"),
        "person.assignments" | "people.assignments" | "assignments" => ("任职", "positions held"),
        "positions" => ("岗位", "positions"),
        "position" => ("岗位", "position"),
        "parent" | "superior" => ("直接上级", "direct superior"),
        "new_parent" => ("新的直接上级", "new superior"),
        "with" => ("协作岗位", "position to work with"),
        "to" => ("上报岗位", "position to escalate to"),
        "goal" => ("经营目标", "goal"),
        "goals" => ("经营目标", "goals"),
        "goal.name" | "goals.name" => ("目标名称", "goal name"),
        "goal.name_en" | "goals.name_en" => ("目标英文名", "goal's English name"),
        "goal.parent" | "goals.parent" => ("上级目标", "parent goal"),
        "goal.target" | "goals.target" | "target" => ("目标值", "target"),
        "goal.kind" | "goals.kind" => ("目标类型", "goal kind"),
        "goal.unit" | "goals.unit" => ("单位", "unit"),
        "goal.direction" | "goals.direction" => ("方向", "direction"),
        "goal.period" | "goals.period" => ("目标周期", "goal period"),
        "headcount" => ("编制", "headcount"),
        "share" => ("时间占比", "share of time"),
        "index" => ("序号", "index"),
        "role" => ("岗位库角色", "library role"),
        "template" => ("模板", "template"),
        "plan" => ("方案", "plan"),
        "name" => ("名称", "name"),
        "name_en" => ("英文名", "English name"),
        "text" => ("方案文件内容", "plan file text"),
        "format" => ("格式", "format"),
        "paper" => ("纸张", "paper size"),
        "lang" => ("语言", "language"),
        "version" => ("文件版本", "file version"),
        "id" => ("编号", "id"),
        "year" => ("年份", "year"),
        "card_width" => ("卡片宽度", "card width"),
        "card_height" => ("卡片高度", "card height"),
        "gap_x" => ("横向间距", "horizontal gap"),
        "gap_y" => ("纵向间距", "vertical gap"),
        "collapsed" => ("收起的岗位", "collapsed positions"),
        "options" => ("选项", "options"),
        "position_id" | "person_id" => ("编号", "id"),
        _ => return None,
    })
}

/// What a numeric field accepts, in words: "1–100000 的整数" / "a whole number from 1 to
/// 100000". `None` for fields that are not numbers.
pub fn allowed(field: &str, lang: Lang) -> Option<String> {
    let l = limits();
    let last = field
        .rsplit('.')
        .next()
        .unwrap_or(field)
        .split('[')
        .next()
        .unwrap_or(field);
    let whole = |min: u32, max: u32| match lang {
        Lang::Zh => format!("{min}–{max} 的整数"),
        Lang::En => format!("a whole number from {min} to {max}"),
    };
    Some(match last {
        "headcount" => whole(1, l.headcount_max),
        "share" => whole(l.share_min, l.share_max),
        "target_size" => whole(0, l.headcount_max),
        "index" => lang
            .pick("0 或更大的整数", "a whole number, 0 or more")
            .to_string(),
        "min" | "max" => whole(0, l.pay_max),
        "weight" => match lang {
            Lang::Zh => format!(
                "0–{} 之间的数，最多 {} 位小数",
                l.weight_max, l.weight_decimals
            ),
            Lang::En => format!(
                "a number from 0 to {} with at most {} decimal",
                l.weight_max, l.weight_decimals
            ),
        },
        "target" => lang.pick("一个数", "a number").to_string(),
        _ => return None,
    })
}

/// A refusal of a value that does not fit its field, in plain words: 「编制」须为 1–100000 的
/// 整数（收到 1.5）. `path` is where the value was (`headcount`, `kpis[0].weight`), `got` the
/// value found there as JSON, if any, and `detail` the reader's own description of what it
/// expected (serde's message, of which only the missing/unknown field and the expected type are
/// read: it is the one place its wording is looked at).
pub fn value_problem(path: &str, got: Option<&str>, detail: &str, lang: Lang) -> String {
    if let Some(name) = quoted_after(detail, "missing field `") {
        let l = label(name, lang);
        return match lang {
            Lang::Zh => format!("缺少「{l}」"),
            Lang::En => format!("{} is missing", capitalised(l)),
        };
    }
    if let Some(name) = quoted_after(detail, "unknown field `") {
        return match lang {
            Lang::Zh => format!("多余的参数 {name}：这里不接受它"),
            Lang::En => format!("unexpected argument {name}"),
        };
    }
    let l = label(path, lang);
    let want = allowed(path, lang).unwrap_or_else(|| expected_kind(detail, lang));
    let got = got.map(|g| {
        let g: String = g.chars().take(40).collect();
        match lang {
            Lang::Zh => format!("（收到 {g}）"),
            Lang::En => format!(" (got {g})"),
        }
    });
    match lang {
        Lang::Zh => {
            let gap = if want.starts_with(|c: char| c.is_ascii_digit()) {
                " "
            } else {
                ""
            };
            format!("「{l}」须为{gap}{want}{}", got.unwrap_or_default())
        }
        Lang::En => format!(
            "{} must be {want}{}",
            capitalised(l),
            got.unwrap_or_default()
        ),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn quoted_after<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = &text[text.find(prefix)? + prefix.len()..];
    rest.split('`').next()
}

/// What a reader expected, from its description: a whole number, text, an id, one of a list.
fn expected_kind(detail: &str, lang: Lang) -> String {
    let expected = detail.rsplit("expected ").next().unwrap_or("");
    let one_of: Vec<&str> = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| !s.is_empty())
        .collect();
    if expected.starts_with("one of") && !one_of.is_empty() {
        return match lang {
            Lang::Zh => format!("以下之一：{}", one_of.join("、")),
            Lang::En => format!("one of {}", one_of.join(", ")),
        };
    }
    let is = |words: &[&str]| words.iter().any(|w| expected.contains(w));
    let (zh, en) = if is(&["u8", "u16", "u32", "u64", "i32", "i64", "usize", "integer"]) {
        ("整数", "a whole number")
    } else if is(&["f64", "f32", "float", "number"]) {
        ("一个数", "a number")
    } else if is(&["UUID", "uuid"]) {
        ("一个编号（id）", "an id")
    } else if is(&["bool"]) {
        ("是或否（true/false）", "true or false")
    } else if is(&["string", "char"]) {
        ("一段文字", "text")
    } else if is(&["sequence", "array"]) {
        ("一个列表", "a list")
    } else if is(&["map", "struct"]) {
        ("一组字段", "an object")
    } else {
        ("正确格式的值", "a value of the right form")
    };
    lang.pick(zh, en).to_string()
}
