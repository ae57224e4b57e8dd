//! The plan file: OrgPlan's versioned JSON interchange format (`format: "orgplan"`,
//! `version: 3`; versions 1 and 2 read the same). Its JSON Schema is
//! `schema/plan-file.v3.schema.json` (the earlier ones are kept for the record).
//!
//! 手机 and 邮箱 of people are personal data: [`export`] leaves them out, [`export_with`]
//! writes them only when asked.
//!
//! Import checks everything a file can get wrong and names the place (`positions[3].kpis[0]
//! .weight`); it assigns fresh ids, so one file can be imported many times.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

use crate::check::{check_color, check_doc, check_text, TextKind, MAX_ITEMS};
use crate::check::{HEADCOUNT, MAX_DEPARTMENTS, MAX_POSITIONS, PAY, SHARE, TARGET_SIZE};
use crate::error::EditError;
use crate::fields::label;
use crate::model::{
    Assignment, Collaboration, Cycle, Department, Direction, Escalation, Function, Goal, GoalKind,
    GoalUnit, Kpi, Lang, PayBand, Person, PersonKind, PlanDoc, PlanMeta, Position, RosterColumn,
    RosterSource, Stage, Weight,
};

/// Whether a roster field is personal data (手机, 邮箱), left out of files and exports unless
/// asked.
pub fn is_personal_field(field: &str) -> bool {
    matches!(field, "phone" | "email")
}

pub const FORMAT: &str = "orgplan";
/// The version this build writes. It reads every version from 1 up to this one: 2 added KPI
/// weights with one decimal (33.3); 3 added people's roster fields (工号, 手机, 邮箱, 入职日期,
/// 人员类型), nested departments, positions' library role and the plan's roster source. An
/// older file is a version-3 file without those.
pub const VERSION: u32 = 3;
/// Largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 100 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    pub format: String,
    pub version: u32,
    pub plan: FilePlan,
    #[serde(default)]
    pub departments: Vec<FileDepartment>,
    pub positions: Vec<FilePosition>,
    #[serde(default)]
    pub people: Vec<FilePerson>,
    #[serde(default)]
    pub goals: Vec<FileGoal>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileGoal {
    pub id: String,
    #[serde(default)]
    pub parent: Option<String>,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    pub kind: GoalKind,
    pub unit: GoalUnit,
    pub direction: Direction,
    pub target: f64,
    pub period: Cycle,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilePlan {
    pub name: String,
    #[serde(default)]
    pub company: String,
    #[serde(default)]
    pub target_size: u32,
    pub stage: Stage,
    #[serde(default)]
    pub goal_notes: String,
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster: Option<FileRoster>,
}

/// The roster a plan was imported from and how its columns were read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRoster {
    pub file_name: String,
    #[serde(default)]
    pub sheet: Option<String>,
    #[serde(default)]
    pub columns: Vec<FileRosterColumn>,
    #[serde(default)]
    pub personal: bool,
    pub imported_at: DateTime<Utc>,
    /// Positions (by id) whose content is still the role library's suggestion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggested: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRosterColumn {
    pub header: String,
    pub field: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileDepartment {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    pub color: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilePosition {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub department: Option<String>,
    pub parent: Option<String>,
    pub headcount: i64,
    #[serde(default)]
    pub grade: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub duties: Vec<String>,
    #[serde(default)]
    pub requirements: Vec<String>,
    #[serde(default)]
    pub kpis: Vec<FileKpi>,
    #[serde(default)]
    pub dotted: Vec<String>,
    #[serde(default)]
    pub collaborations: Vec<FileCollaboration>,
    #[serde(default)]
    pub escalations: Vec<FileEscalation>,
    #[serde(default)]
    pub functions: Vec<Function>,
    #[serde(default)]
    pub pay_band: Option<FilePayBand>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub lineage: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileKpi {
    pub metric: String,
    /// Percent with at most one decimal (written as a whole number when it is one); read as
    /// any number so a wrong one is refused with its own reason.
    pub weight: serde_json::Number,
    #[serde(default)]
    pub target: String,
    pub cycle: Cycle,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub goal: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileCollaboration {
    pub with: String,
    #[serde(default)]
    pub about: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEscalation {
    pub when: String,
    pub to: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilePayBand {
    pub min: i64,
    pub max: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilePerson {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub assignments: Vec<FileAssignment>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub employee_no: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<PersonKind>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileAssignment {
    pub position: String,
    pub share: i64,
}

/// What kind of problem made a plan file unreadable: a stable code for tests and tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileProblem {
    /// Not JSON, or not UTF-8 text.
    NotJson,
    TooLarge,
    /// Not an OrgPlan plan file (`format`).
    WrongFormat,
    /// A `version` this build does not read.
    UnsupportedVersion,
    /// A value of the wrong type, a missing or unknown field.
    WrongType,
    EmptyId,
    DuplicateId,
    /// A reference to an id the file does not define.
    DanglingReference,
    /// A position, dotted line, collaboration or escalation pointing at itself.
    SelfReference,
    Cycle,
    /// No top position, or more than one.
    Roots,
    OutOfRange,
    TooLong,
    ControlCharacter,
    EmptyText,
    TooMany,
    TooDeep,
    /// Anything else that breaks the plan's rules (a bad colour, min above max, a repeat).
    Invalid,
}

/// Why a plan file was refused. `location` is a JSON path into the file, or a line and column
/// when the file is not JSON at all.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{location}: {problem}")]
pub struct FileError {
    pub kind: FileProblem,
    pub location: String,
    /// What is wrong and what is allowed, in English.
    pub problem: String,
    /// The same, in Chinese.
    pub problem_zh: String,
}

impl FileError {
    /// The refusal as a person reads it, in their language: where, then what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!(
                "方案文件有误（{}）：{}",
                place_zh(&self.location),
                self.problem_zh
            ),
            Lang::En => format!("bad plan file at {}: {}", self.location, self.problem),
        }
    }
}

/// A location in Chinese words: JSON paths stay as they are, the places this reader names in
/// words (the whole file, a byte, a line and column) are said in Chinese.
fn place_zh(location: &str) -> String {
    if location == "file" {
        return "整个文件".to_string();
    }
    if let Some(n) = location.strip_prefix("byte ") {
        return format!("第 {n} 字节");
    }
    if let Some((line, column)) = location
        .strip_prefix("line ")
        .and_then(|rest| rest.split_once(", column "))
    {
        return format!("第 {line} 行第 {column} 列");
    }
    location.to_string()
}

fn bad(
    kind: FileProblem,
    location: impl Into<String>,
    en: impl Into<String>,
    zh: impl Into<String>,
) -> FileError {
    FileError {
        kind,
        location: location.into(),
        problem: en.into(),
        problem_zh: zh.into(),
    }
}

/// Writes a plan as a plan file: positions in tree order, pretty-printed, ending in a newline.
/// The plan file of `doc`, without personal data (手机, 邮箱).
pub fn export(doc: &PlanDoc) -> String {
    export_with(doc, false)
}

/// The plan file of `doc`; `personal` keeps people's 手机 and 邮箱.
pub fn export_with(doc: &PlanDoc, personal: bool) -> String {
    let mut text =
        serde_json::to_string_pretty(&to_file_with(doc, personal)).expect("a plan file serialises");
    text.push('\n');
    text
}

/// The plan file of `doc`, without personal data.
pub fn to_file(doc: &PlanDoc) -> PlanFile {
    to_file_with(doc, false)
}

/// The plan file of `doc`; `personal` keeps people's 手机 and 邮箱.
pub fn to_file_with(doc: &PlanDoc, personal: bool) -> PlanFile {
    let mut doc = doc.clone();
    doc.normalize();
    let id = |u: &Uuid| u.to_string();
    PlanFile {
        format: FORMAT.to_string(),
        version: VERSION,
        plan: FilePlan {
            name: doc.plan.name.clone(),
            company: doc.plan.company.clone(),
            target_size: doc.plan.target_size,
            stage: doc.plan.stage,
            goal_notes: doc.plan.goal_notes.clone(),
            template: doc.plan.template.clone(),
            logo: doc.plan.logo.clone(),
            roster: doc.plan.roster.as_ref().map(|r| FileRoster {
                file_name: r.file_name.clone(),
                sheet: r.sheet.clone(),
                columns: r
                    .columns
                    .iter()
                    .filter(|c| personal || !is_personal_field(&c.field))
                    .map(|c| FileRosterColumn {
                        header: c.header.clone(),
                        field: c.field.clone(),
                    })
                    .collect(),
                personal: r.personal && personal,
                imported_at: r.imported_at,
                suggested: r
                    .suggested
                    .iter()
                    .filter(|p| doc.position(**p).is_some())
                    .map(id)
                    .collect(),
            }),
        },
        departments: doc
            .departments
            .iter()
            .map(|d| FileDepartment {
                id: id(&d.id),
                name: d.name.clone(),
                name_en: d.name_en.clone(),
                color: d.color.clone(),
                parent: d.parent.as_ref().map(id),
            })
            .collect(),
        positions: doc
            .positions
            .iter()
            .map(|p| FilePosition {
                id: id(&p.id),
                title: p.title.clone(),
                title_en: p.title_en.clone(),
                department: p.department.as_ref().map(id),
                parent: p.parent.as_ref().map(id),
                headcount: p.headcount.into(),
                grade: p.grade.clone(),
                purpose: p.purpose.clone(),
                duties: p.duties.clone(),
                requirements: p.requirements.clone(),
                kpis: p
                    .kpis
                    .iter()
                    .map(|k| FileKpi {
                        metric: k.metric.clone(),
                        weight: if k.weight.tenths().is_multiple_of(10) {
                            (k.weight.tenths() / 10).into()
                        } else {
                            serde_json::Number::from_f64(k.weight.as_f64())
                                .expect("a weight is finite")
                        },
                        target: k.target.clone(),
                        cycle: k.cycle,
                        source: k.source.clone(),
                        goal: k.goal.as_ref().map(id),
                    })
                    .collect(),
                dotted: p.dotted.iter().map(id).collect(),
                collaborations: p
                    .collaborations
                    .iter()
                    .map(|c| FileCollaboration {
                        with: id(&c.with),
                        about: c.about.clone(),
                    })
                    .collect(),
                escalations: p
                    .escalations
                    .iter()
                    .map(|e| FileEscalation {
                        when: e.when.clone(),
                        to: id(&e.to),
                    })
                    .collect(),
                functions: p.functions.clone(),
                pay_band: p.pay_band.map(|b| FilePayBand {
                    min: b.min.into(),
                    max: b.max.into(),
                }),
                notes: p.notes.clone(),
                lineage: p.lineage.clone(),
                role: p.role.clone(),
            })
            .collect(),
        people: doc
            .people
            .iter()
            .map(|p| FilePerson {
                id: id(&p.id),
                name: p.name.clone(),
                assignments: p
                    .assignments
                    .iter()
                    .map(|a| FileAssignment {
                        position: id(&a.position),
                        share: a.share.into(),
                    })
                    .collect(),
                employee_no: p.employee_no.clone(),
                phone: if personal {
                    p.phone.clone()
                } else {
                    String::new()
                },
                email: if personal {
                    p.email.clone()
                } else {
                    String::new()
                },
                start_date: p.start_date.map(|d| d.format("%Y-%m-%d").to_string()),
                kind: p.kind,
            })
            .collect(),
        goals: doc
            .goals
            .iter()
            .map(|g| FileGoal {
                id: id(&g.id),
                parent: g.parent.as_ref().map(id),
                name: g.name.clone(),
                name_en: g.name_en.clone(),
                kind: g.kind,
                unit: g.unit,
                direction: g.direction,
                target: g.target,
                period: g.period,
            })
            .collect(),
    }
}

/// Reads a plan file's bytes: UTF-8 (a leading byte-order mark is skipped), then [`import`].
pub fn import_bytes(bytes: &[u8], now: DateTime<Utc>) -> Result<PlanDoc, FileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        bad(
            FileProblem::NotJson,
            format!("byte {}", e.valid_up_to()),
            "not UTF-8 text (save the file as UTF-8)",
            "文件不是 UTF-8 编码的文本（请把文件另存为 UTF-8 编码）",
        )
    })?;
    import(text, now)
}

/// The refusal of a plan file of `bytes` bytes, over [`MAX_FILE_BYTES`]: callers that can
/// see a file's size refuse it before reading it.
pub fn too_large(bytes: u64) -> FileError {
    let mb = |b: u64| format!("{:.1}", b as f64 / 1024.0 / 1024.0);
    bad(
        FileProblem::TooLarge,
        "file",
        format!(
            "the file is {} MB; plan files of at most {} MB are accepted",
            mb(bytes),
            MAX_FILE_BYTES / 1024 / 1024
        ),
        format!(
            "文件有 {} MB，方案文件最大只接受 {} MB",
            mb(bytes),
            MAX_FILE_BYTES / 1024 / 1024
        ),
    )
}

/// Reads a plan file into a new plan with fresh ids, or names what is wrong and where.
pub fn import(text: &str, now: DateTime<Utc>) -> Result<PlanDoc, FileError> {
    import_with(text, now, &mut Uuid::new_v4)
}

/// [`import`] with a chosen source of ids (tests use a counter for stable output).
pub fn import_with(
    text: &str,
    now: DateTime<Utc>,
    new_id: &mut dyn FnMut() -> Uuid,
) -> Result<PlanDoc, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(too_large(text.len() as u64));
    }
    // A sound file is read straight into its types; only a file with a problem is read as a
    // JSON tree as well, to say what and where (a tree costs many times the file's size).
    if let Ok(file) = serde_json::from_str::<PlanFile>(text) {
        if file.format == FORMAT && (1..=VERSION).contains(&file.version) {
            return from_file(file, now, new_id);
        }
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| not_json(text, &e))?;
    check_header(&value)?;
    let file: PlanFile =
        serde_path_to_error::deserialize(&value).map_err(|e| wrong_type(&value, &e))?;
    from_file(file, now, new_id)
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// A file the JSON reader refused, at the line and column where it stopped.
fn not_json(text: &str, e: &serde_json::Error) -> FileError {
    let detail = strip_position(&e.to_string());
    let zh = if text.trim().is_empty() {
        "文件是空的，没有任何内容".to_string()
    } else {
        format!("文件不是有效的 JSON：{}", json_syntax_zh(text, e, &detail))
    };
    bad(
        FileProblem::NotJson,
        format!("line {}, column {}", e.line(), e.column()),
        format!("not valid JSON: {detail}"),
        zh,
    )
}

/// What the JSON reader stopped at, in Chinese, for the mistakes people make by hand; a general
/// hint otherwise.
fn json_syntax_zh(text: &str, e: &serde_json::Error, detail: &str) -> &'static str {
    if e.is_eof() {
        return "文件在此处提前结束，内容不完整（可能被截断，或少了右括号）";
    }
    let at = text
        .lines()
        .nth(e.line().saturating_sub(1))
        .and_then(|line| line.get(e.column().saturating_sub(1)..))
        .and_then(|rest| rest.chars().next());
    if at == Some(',') {
        return "此处多了一个逗号";
    }
    const KNOWN: &[(&str, &str)] = &[
        (
            "trailing comma",
            "此处多了一个逗号（列表或对象的最后一项后面不能有逗号）",
        ),
        (
            "recursion limit exceeded",
            "括号嵌套层数太多（最多 128 层）",
        ),
        ("trailing characters", "数据结束后还有多余的内容"),
        ("key must be a string", "字段名须用英文双引号括起来"),
        ("expected `:`", "字段名后面缺少冒号"),
        ("expected `,` or `]`", "此处缺少逗号或右方括号 ]"),
        ("expected `,` or `}`", "此处缺少逗号或右花括号 }"),
        (
            "control character",
            "文字中有未转义的控制字符（换行须写作 \\n）",
        ),
        (
            "invalid escape",
            "文字中有无效的转义写法（反斜杠 \\ 须写作 \\\\）",
        ),
        ("invalid unicode code point", "文字中有无效的字符编码转义"),
        ("surrogate", "文字中有无效的字符编码转义"),
        ("number out of range", "数字太大或太小"),
        ("invalid number", "数字的写法不对"),
        (
            "expected value",
            "此处缺少一个值，或有无法识别的内容（文字须用英文双引号括起来）",
        ),
        (
            "expected ident",
            "此处有无法识别的内容（文字须用英文双引号括起来）",
        ),
    ];
    KNOWN
        .iter()
        .find(|(en, _)| detail.contains(en))
        .map(|(_, zh)| *zh)
        .unwrap_or("请检查此处附近的括号、引号和逗号")
}

fn check_header(value: &serde_json::Value) -> Result<(), FileError> {
    let Some(obj) = value.as_object() else {
        return Err(bad(
            FileProblem::WrongType,
            "file",
            "a plan file is a JSON object",
            "方案文件须是一个 JSON 对象（以 { 开头、以 } 结尾）",
        ));
    };
    match obj.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(bad(
                FileProblem::WrongFormat,
                "format",
                format!("this is not an OrgPlan plan file (format {other:?})"),
                format!(
                    "这不是组织方案文件：「格式」须为 \"{FORMAT}\"（收到 {}）",
                    quoted(other)
                ),
            ))
        }
        None => {
            return Err(bad(
                FileProblem::WrongFormat,
                "format",
                "missing \"format\": \"orgplan\"",
                "这不是组织方案文件：缺少 \"format\": \"orgplan\" 一项",
            ))
        }
    }
    match obj.get("version").and_then(|v| v.as_u64()) {
        Some(v) if (1..=u64::from(VERSION)).contains(&v) => Ok(()),
        Some(v) if v > u64::from(VERSION) => Err(bad(
            FileProblem::UnsupportedVersion,
            "version",
            format!(
                "the file was written by a newer OrgPlan (version {v}); this version reads version {VERSION}"
            ),
            format!(
                "文件由更新版本的本软件写入（文件版本 {v}），当前版本只能读取文件版本 {VERSION}，请升级后再导入"
            ),
        )),
        Some(v) => Err(bad(
            FileProblem::UnsupportedVersion,
            "version",
            format!("unknown version {v}"),
            format!("不认识的文件版本 {v}：只接受文件版本 1–{VERSION}"),
        )),
        None => Err(bad(
            FileProblem::UnsupportedVersion,
            "version",
            "missing a whole-number \"version\"",
            format!("「文件版本」须为整数，写作 \"version\": {VERSION}"),
        )),
    }
}

/// Text from the file, quoted for a message: JSON quotes, at most 40 characters.
fn quoted(text: &str) -> String {
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    serde_json::Value::String(short).to_string()
}

/// A value that does not fit the plan file's shape, at its JSON path: what the field takes and
/// what the file has there.
fn wrong_type(
    value: &serde_json::Value,
    e: &serde_path_to_error::Error<serde_json::Error>,
) -> FileError {
    use serde_path_to_error::Segment;
    let path = e.path().to_string();
    let location = if path == "." {
        "file".to_string()
    } else {
        path
    };
    let serde_text = strip_position(&e.inner().to_string());
    let mut found = Some(value);
    let mut keys = Vec::new();
    let mut element = false;
    for segment in e.path() {
        match segment {
            Segment::Seq { index } => {
                found = found.and_then(|v| v.get(index));
                element = true;
            }
            Segment::Map { key } => {
                found = found.and_then(|v| v.get(key));
                keys.push(key.as_str());
                element = false;
            }
            Segment::Enum { .. } | Segment::Unknown => found = None,
        }
    }
    let (en, zh) = match field_problem(&serde_text) {
        Some(FieldProblem::Missing(name)) => {
            let at = if keys.is_empty() {
                name.to_string()
            } else {
                format!("{location}.{name}")
            };
            let (l_en, l_zh) = (known_label(&at, Lang::En), known_label(&at, Lang::Zh));
            (
                match l_en {
                    Some(l) => format!("missing the required field \"{name}\" ({l})"),
                    None => format!("missing the required field \"{name}\""),
                },
                match l_zh {
                    Some(l) => format!("缺少必填字段 \"{name}\"（「{l}」）"),
                    None => format!("缺少必填字段 \"{name}\""),
                },
            )
        }
        Some(FieldProblem::Unknown(name)) => (
            format!("unknown field \"{name}\": a plan file has no such field here"),
            format!("不认识的字段 \"{name}\"：方案文件的这里没有这一项（请删去或检查拼写）"),
        ),
        None => match (wanted(&keys, element), found) {
            (Some(want), Some(found)) => {
                let (l_en, l_zh) = (
                    known_label(&location, Lang::En).unwrap_or("this value"),
                    known_label(&location, Lang::Zh),
                );
                (
                    format!(
                        "{l_en} must be {} (got {})",
                        want.describe(Lang::En),
                        got(found, Lang::En)
                    ),
                    format!(
                        "{}须为{}（收到{}）",
                        l_zh.map_or("这里".to_string(), |l| format!("「{l}」")),
                        want.describe(Lang::Zh),
                        got(found, Lang::Zh)
                    ),
                )
            }
            _ => (
                serde_text.clone(),
                match known_label(&location, Lang::Zh) {
                    Some(l) => format!("「{l}」的值类型不对"),
                    None => "这里的值类型不对".to_string(),
                },
            ),
        },
    };
    bad(FileProblem::WrongType, location, en, zh)
}

enum FieldProblem<'a> {
    Missing(&'a str),
    Unknown(&'a str),
}

/// A missing or an unknown field: only the JSON reader's message names it, so this is the one
/// place its wording is read.
fn field_problem(serde_text: &str) -> Option<FieldProblem<'_>> {
    let name = |prefix: &str| {
        serde_text
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
    };
    name("missing field `")
        .map(FieldProblem::Missing)
        .or_else(|| name("unknown field `").map(FieldProblem::Unknown))
}

/// A field's label, unless it is a name the labels do not know.
fn known_label(path: &str, lang: Lang) -> Option<&'static str> {
    let l = label(path, lang);
    (l != label("", lang)).then_some(l)
}

/// What a place in a plan file takes.
enum Want {
    /// A whole number from the first to the second.
    Whole(i64, i64),
    /// A KPI weight: a percentage with at most one decimal.
    Weight,
    Number,
    Text,
    List,
    Object,
    /// One of these names, with their Chinese and English labels.
    OneOf(Vec<(String, &'static str, &'static str)>),
}

/// A whole number within one of the core's rules.
fn whole(rule: &std::ops::RangeInclusive<u32>) -> Want {
    Want::Whole((*rule.start()).into(), (*rule.end()).into())
}

impl Want {
    fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Want::Whole(min, max), Lang::Zh) => format!(" {min}–{max} 的整数"),
            (Want::Whole(min, max), Lang::En) => format!("a whole number from {min} to {max}"),
            (Want::Weight, _) => lang
                .pick(
                    " 0–100 之间的数，最多 1 位小数",
                    "a number from 0 to 100 with at most one decimal",
                )
                .to_string(),
            (Want::Number, _) => lang.pick("一个数", "a number").to_string(),
            (Want::Text, _) => lang.pick("文字", "text").to_string(),
            (Want::List, _) => lang.pick("一个列表 [ … ]", "a list [ … ]").to_string(),
            (Want::Object, _) => lang.pick("一组字段 { … }", "an object { … }").to_string(),
            (Want::OneOf(names), Lang::Zh) => {
                let names: Vec<String> = names
                    .iter()
                    .map(|(name, zh, _)| format!("\"{name}\"（{zh}）"))
                    .collect();
                format!("以下之一：{}", names.join("、"))
            }
            (Want::OneOf(names), Lang::En) => {
                let names: Vec<String> = names
                    .iter()
                    .map(|(name, ..)| format!("\"{name}\""))
                    .collect();
                format!("one of {}", names.join(", "))
            }
        }
    }
}

/// What a plan file takes at a place: `keys` are the field names on the way there, `element`
/// whether the place is an item of the last one's list.
fn wanted(keys: &[&str], element: bool) -> Option<Want> {
    let key = *keys.last()?;
    let parent = keys.len().checked_sub(2).map(|i| keys[i]);
    if element {
        return Some(match key {
            "duties" | "requirements" | "dotted" => Want::Text,
            "functions" => one_of(Function::ALL.map(|f| (f, f.label(Lang::Zh), f.label(Lang::En)))),
            "departments" | "positions" | "people" | "goals" | "kpis" | "collaborations"
            | "escalations" | "assignments" => Want::Object,
            _ => return None,
        });
    }
    Some(match key {
        "departments" | "positions" | "people" | "goals" | "duties" | "requirements" | "kpis"
        | "dotted" | "collaborations" | "escalations" | "functions" | "assignments" => Want::List,
        "plan" | "pay_band" => Want::Object,
        "headcount" => whole(&HEADCOUNT),
        "target_size" => whole(&TARGET_SIZE),
        "weight" => Want::Weight,
        "share" => whole(&SHARE),
        "min" | "max" => whole(&PAY),
        "target" if parent == Some("goals") => Want::Number,
        "stage" => one_of(
            [Stage::Startup, Stage::Growth, Stage::Scale]
                .map(|s| (s, s.label(Lang::Zh), s.label(Lang::En))),
        ),
        "cycle" | "period" => one_of(Cycle::ALL.map(|c| (c, c.label(Lang::Zh), c.label(Lang::En)))),
        "kind" => one_of([
            (GoalKind::Gmv, "销售额", "sales"),
            (GoalKind::Traffic, "访客数", "visitors"),
            (GoalKind::Conversion, "转化率", "conversion rate"),
            (GoalKind::Basket, "客单价", "average order value"),
            (GoalKind::Margin, "毛利率", "gross margin"),
            (
                GoalKind::PromotionCost,
                "推广费用占比",
                "promotion cost share",
            ),
            (GoalKind::Repeat, "回头客占比", "repeat buyers"),
            (GoalKind::Other, "其他", "other"),
        ]),
        "unit" => one_of([
            (GoalUnit::Yuan, "元", "yuan"),
            (GoalUnit::Count, "个数", "count"),
            (GoalUnit::Percent, "百分比", "percent"),
        ]),
        "direction" => one_of([
            (Direction::AtLeast, "不低于目标", "at least"),
            (Direction::AtMost, "不高于目标", "at most"),
        ]),
        "id" | "title" | "title_en" | "name" | "name_en" | "company" | "goal_notes" | "grade"
        | "purpose" | "notes" | "lineage" | "template" | "logo" | "metric" | "target"
        | "source" | "goal" | "about" | "when" | "with" | "to" | "position" | "department"
        | "parent" | "color" | "format" => Want::Text,
        _ => return None,
    })
}

fn one_of<T: Serialize>(items: impl IntoIterator<Item = (T, &'static str, &'static str)>) -> Want {
    Want::OneOf(
        items
            .into_iter()
            .map(|(item, zh, en)| {
                let name = match serde_json::to_value(item) {
                    Ok(serde_json::Value::String(name)) => name,
                    _ => String::new(),
                };
                (name, zh, en)
            })
            .collect(),
    )
}

/// The value a file has at a place, for a message: numbers and text as written (text quoted
/// and cut short), anything else by its kind.
fn got(value: &serde_json::Value, lang: Lang) -> String {
    use serde_json::Value as V;
    match (value, lang) {
        (V::Number(n), Lang::Zh) => format!(" {n}"),
        (V::Number(n), Lang::En) => n.to_string(),
        (V::String(s), Lang::Zh) => format!("文字 {}", quoted(s)),
        (V::String(s), Lang::En) => quoted(s),
        (V::Null, _) => lang.pick("空值", "null").to_string(),
        (V::Bool(b), Lang::Zh) => format!("是非值（{}）", if *b { "是" } else { "否" }),
        (V::Bool(b), Lang::En) => b.to_string(),
        (V::Array(_), _) => lang.pick("一个列表", "a list").to_string(),
        (V::Object(_), _) => lang.pick("一组字段", "an object").to_string(),
    }
}

/// Maps a file's ids to fresh ones and checks that every reference resolves.
struct Ids<'a> {
    kind: &'static str,
    map: HashMap<&'a str, Uuid>,
}

impl<'a> Ids<'a> {
    fn new<T>(
        kind: &'static str,
        items: &'a [T],
        id: impl Fn(&'a T) -> &'a str,
        new_id: &mut dyn FnMut() -> Uuid,
    ) -> Result<Ids<'a>, FileError> {
        let mut map = HashMap::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let key = id(item);
            let at = format!("{kind}[{i}].id");
            if key.trim().is_empty() {
                return Err(bad(
                    FileProblem::EmptyId,
                    at,
                    "an id must not be empty",
                    "编号（id）不能为空",
                ));
            }
            check_text(&at, key, TextKind::Short).map_err(|e| text_error(&at, e))?;
            if map.insert(key, new_id()).is_some() {
                return Err(bad(
                    FileProblem::DuplicateId,
                    at,
                    format!("duplicate id {key:?}"),
                    format!(
                        "编号 {} 重复：每个{}的 id 须各不相同",
                        quoted(key),
                        label(kind, Lang::Zh)
                    ),
                ));
            }
        }
        Ok(Ids { kind, map })
    }

    fn get(&self, at: &str, key: &str) -> Result<Uuid, FileError> {
        self.map.get(key).copied().ok_or_else(|| {
            bad(
                FileProblem::DanglingReference,
                at,
                format!(
                    "refers to {key:?}, which is not one of the file's {}",
                    self.kind
                ),
                format!(
                    "「{}」指向的 {} 不是文件中任何一个{}的 id",
                    label(at, Lang::Zh),
                    quoted(key),
                    label(self.kind, Lang::Zh)
                ),
            )
        })
    }
}

fn text(at: &str, value: &str, kind: TextKind) -> Result<String, FileError> {
    check_text(at, value, kind).map_err(|e| text_error(at, e))?;
    Ok(value.to_string())
}

/// A text check's refusal, as a file problem of the right kind.
fn text_error(at: &str, e: EditError) -> FileError {
    let EditError::Invalid {
        reason,
        reason_zh,
        problem,
        ..
    } = e
    else {
        return bad(FileProblem::Invalid, at, e.to_string(), e.message(Lang::Zh));
    };
    bad(
        file_problem(problem),
        at,
        reason,
        format!("「{}」{reason_zh}", label(at, Lang::Zh)),
    )
}

/// The plan file's kind of problem for a check's.
fn file_problem(p: crate::error::Problem) -> FileProblem {
    use crate::error::Problem as P;
    match p {
        P::TooLong => FileProblem::TooLong,
        P::Empty => FileProblem::EmptyText,
        P::ControlCharacter => FileProblem::ControlCharacter,
        P::TooMany => FileProblem::TooMany,
        P::TooDeep => FileProblem::TooDeep,
        P::OutOfRange => FileProblem::OutOfRange,
        P::Duplicate => FileProblem::DuplicateId,
        P::Other => FileProblem::Invalid,
    }
}

fn count(at: &str, len: usize, max: usize) -> Result<(), FileError> {
    if len > max {
        return Err(bad(
            FileProblem::TooMany,
            at,
            format!("{len} items; at most {max} are allowed"),
            format!("「{}」共 {len} 项，最多允许 {max} 项", label(at, Lang::Zh)),
        ));
    }
    Ok(())
}

/// A whole number within one of the core's rules (`check::HEADCOUNT`, `SHARE`, `PAY`,
/// `TARGET_SIZE`), refused with its place in the file.
fn ranged(
    at: &str,
    value: i64,
    rule: &std::ops::RangeInclusive<u32>,
    what: &str,
) -> Result<u32, FileError> {
    let (min, max) = (*rule.start(), *rule.end());
    let fits = u32::try_from(value).is_ok_and(|v| rule.contains(&v));
    if !fits {
        return Err(bad(
            FileProblem::OutOfRange,
            at,
            format!("{what} must be between {min} and {max} (got {value})"),
            format!(
                "「{}」须为 {min}–{max} 的整数（收到 {value}）",
                label(at, Lang::Zh)
            ),
        ));
    }
    Ok(value as u32)
}

/// A KPI weight: 0–100 %, at most one decimal.
fn weight(at: &str, n: &serde_json::Number) -> Result<Weight, FileError> {
    let x = n.as_f64().unwrap_or(f64::NAN);
    if !(0.0..=100.0).contains(&x) {
        return Err(bad(
            FileProblem::OutOfRange,
            at,
            format!("a weight must be between 0 and 100 (got {n})"),
            format!("「{}」须为 0–100 之间的数（收到 {n}）", label(at, Lang::Zh)),
        ));
    }
    Weight::from_f64(x).ok_or_else(|| {
        bad(
            FileProblem::Invalid,
            at,
            format!("a weight has at most one decimal (got {n})"),
            format!("「{}」最多保留一位小数（收到 {n}）", label(at, Lang::Zh)),
        )
    })
}

fn texts(at: &str, items: &[String]) -> Result<Vec<String>, FileError> {
    count(at, items.len(), MAX_ITEMS)?;
    items
        .iter()
        .enumerate()
        .map(|(i, s)| text(&format!("{at}[{i}]"), s, TextKind::Long))
        .collect()
}

fn from_file(
    file: PlanFile,
    now: DateTime<Utc>,
    new_id: &mut dyn FnMut() -> Uuid,
) -> Result<PlanDoc, FileError> {
    count("departments", file.departments.len(), MAX_DEPARTMENTS)?;
    count("positions", file.positions.len(), MAX_POSITIONS)?;
    count("people", file.people.len(), MAX_POSITIONS)?;
    if file.positions.is_empty() {
        return Err(bad(
            FileProblem::Roots,
            "positions",
            "a plan needs at least one position",
            "方案中至少要有一个岗位",
        ));
    }
    let dept_ids = Ids::new("departments", &file.departments, |d| &d.id, new_id)?;
    let pos_ids = Ids::new("positions", &file.positions, |p| &p.id, new_id)?;
    let person_ids = Ids::new("people", &file.people, |p| &p.id, new_id)?;
    count("goals", file.goals.len(), crate::check::MAX_GOALS)?;
    let goal_ids = Ids::new("goals", &file.goals, |g| &g.id, new_id)?;

    let fp = &file.plan;
    let plan = PlanMeta {
        id: new_id(),
        name: text("plan.name", &fp.name, TextKind::Required)?,
        company: text("plan.company", &fp.company, TextKind::Short)?,
        target_size: ranged(
            "plan.target_size",
            fp.target_size.into(),
            &TARGET_SIZE,
            "the target size",
        )?,
        stage: fp.stage,
        goal_notes: text("plan.goal_notes", &fp.goal_notes, TextKind::Long)?,
        template: match &fp.template {
            Some(t) => Some(text("plan.template", t, TextKind::Short)?),
            None => None,
        },
        logo: fp.logo.clone(),
        scenario_of: None,
        roster: match &fp.roster {
            Some(r) => Some(RosterSource {
                file_name: text("plan.roster.file_name", &r.file_name, TextKind::Short)?,
                sheet: match &r.sheet {
                    Some(s) => Some(text("plan.roster.sheet", s, TextKind::Short)?),
                    None => None,
                },
                columns: {
                    count("plan.roster.columns", r.columns.len(), MAX_ITEMS)?;
                    let mut columns = Vec::with_capacity(r.columns.len());
                    for (i, c) in r.columns.iter().enumerate() {
                        let at = format!("plan.roster.columns[{i}]");
                        columns.push(RosterColumn {
                            header: text(&format!("{at}.header"), &c.header, TextKind::Short)?,
                            field: text(&format!("{at}.field"), &c.field, TextKind::Short)?,
                        });
                    }
                    columns
                },
                personal: r.personal,
                imported_at: r.imported_at,
                // Resolved once the positions are read (below).
                suggested: Vec::new(),
            }),
            None => None,
        },
        created_at: now,
        updated_at: now,
    };

    let mut departments = Vec::with_capacity(file.departments.len());
    for (i, d) in file.departments.iter().enumerate() {
        let at = format!("departments[{i}]");
        check_color(&format!("{at}.color"), &d.color).map_err(|_| {
            bad(
                FileProblem::Invalid,
                format!("{at}.color"),
                format!("a colour is written #rrggbb (got {:?})", d.color),
                format!(
                    "「部门颜色」须写作 \"#rrggbb\"，如 \"#3b82f6\"（收到 {}）",
                    quoted(&d.color)
                ),
            )
        })?;
        departments.push(Department {
            id: dept_ids.get(&format!("{at}.id"), &d.id)?,
            name: text(&format!("{at}.name"), &d.name, TextKind::Required)?,
            name_en: text(&format!("{at}.name_en"), &d.name_en, TextKind::Short)?,
            color: d.color.clone(),
            parent: match &d.parent {
                Some(p) => Some(dept_ids.get(&format!("{at}.parent"), p)?),
                None => None,
            },
        });
    }

    let mut positions = Vec::with_capacity(file.positions.len());
    let mut roots = Vec::new();
    for (i, p) in file.positions.iter().enumerate() {
        let at = format!("positions[{i}]");
        let f = |field: &str| format!("{at}.{field}");
        let id = pos_ids.get(&f("id"), &p.id)?;
        let parent = match &p.parent {
            None => {
                roots.push(i);
                None
            }
            Some(key) => {
                if key == &p.id {
                    return Err(bad(
                        FileProblem::SelfReference,
                        f("parent"),
                        "a position cannot report to itself",
                        "岗位不能向自己汇报：「直接上级」须是另一个岗位",
                    ));
                }
                Some(pos_ids.get(&f("parent"), key)?)
            }
        };
        count(&f("kpis"), p.kpis.len(), MAX_ITEMS)?;
        let mut kpis = Vec::with_capacity(p.kpis.len());
        for (k, kpi) in p.kpis.iter().enumerate() {
            let kat = format!("{at}.kpis[{k}]");
            kpis.push(Kpi {
                metric: text(&format!("{kat}.metric"), &kpi.metric, TextKind::Required)?,
                weight: weight(&format!("{kat}.weight"), &kpi.weight)?,
                target: text(&format!("{kat}.target"), &kpi.target, TextKind::Short)?,
                cycle: kpi.cycle,
                source: text(&format!("{kat}.source"), &kpi.source, TextKind::Short)?,
                goal: match &kpi.goal {
                    Some(g) => Some(goal_ids.get(&format!("{kat}.goal"), g)?),
                    None => None,
                },
            });
        }
        count(&f("dotted"), p.dotted.len(), MAX_ITEMS)?;
        let mut dotted = Vec::with_capacity(p.dotted.len());
        for (k, d) in p.dotted.iter().enumerate() {
            let dat = format!("{at}.dotted[{k}]");
            if d == &p.id {
                return Err(bad(
                    FileProblem::SelfReference,
                    dat,
                    "a dotted line cannot point at its own position",
                    "虚线汇报不能指向岗位自己",
                ));
            }
            let target = pos_ids.get(&dat, d)?;
            if dotted.contains(&target) {
                return Err(bad(
                    FileProblem::Invalid,
                    dat,
                    format!("the dotted line to {d:?} appears twice"),
                    format!("指向 {} 的虚线汇报重复出现了两次", quoted(d)),
                ));
            }
            dotted.push(target);
        }
        count(&f("collaborations"), p.collaborations.len(), MAX_ITEMS)?;
        let mut collaborations = Vec::with_capacity(p.collaborations.len());
        for (k, c) in p.collaborations.iter().enumerate() {
            let cat = format!("{at}.collaborations[{k}]");
            if c.with == p.id {
                return Err(bad(
                    FileProblem::SelfReference,
                    format!("{cat}.with"),
                    "a position cannot collaborate with itself",
                    "岗位不能与自己协作：「协作岗位」须是另一个岗位",
                ));
            }
            collaborations.push(Collaboration {
                with: pos_ids.get(&format!("{cat}.with"), &c.with)?,
                about: text(&format!("{cat}.about"), &c.about, TextKind::Long)?,
            });
        }
        count(&f("escalations"), p.escalations.len(), MAX_ITEMS)?;
        let mut escalations = Vec::with_capacity(p.escalations.len());
        for (k, e) in p.escalations.iter().enumerate() {
            let eat = format!("{at}.escalations[{k}]");
            if e.to == p.id {
                return Err(bad(
                    FileProblem::SelfReference,
                    format!("{eat}.to"),
                    "a position cannot escalate to itself",
                    "岗位不能向自己升级问题：「上报岗位」须是另一个岗位",
                ));
            }
            escalations.push(Escalation {
                when: text(&format!("{eat}.when"), &e.when, TextKind::Long)?,
                to: pos_ids.get(&format!("{eat}.to"), &e.to)?,
            });
        }
        let pay_band = match &p.pay_band {
            None => None,
            Some(b) => {
                let min = ranged(&f("pay_band.min"), b.min, &PAY, "pay")?;
                let max = ranged(&f("pay_band.max"), b.max, &PAY, "pay")?;
                if min > max {
                    return Err(bad(
                        FileProblem::Invalid,
                        f("pay_band"),
                        format!("min ({min}) is above max ({max})"),
                        format!("薪资下限（{min}）高于薪资上限（{max}）：下限不能超过上限"),
                    ));
                }
                Some(PayBand { min, max })
            }
        };
        let mut functions = p.functions.clone();
        functions.sort();
        functions.dedup();
        positions.push(std::sync::Arc::new(Position {
            id,
            parent,
            title: text(&f("title"), &p.title, TextKind::Required)?,
            title_en: text(&f("title_en"), &p.title_en, TextKind::Short)?,
            department: match &p.department {
                Some(d) => Some(dept_ids.get(&f("department"), d)?),
                None => None,
            },
            headcount: ranged(&f("headcount"), p.headcount, &HEADCOUNT, "headcount")?,
            grade: text(&f("grade"), &p.grade, TextKind::Short)?,
            purpose: text(&f("purpose"), &p.purpose, TextKind::Long)?,
            duties: texts(&f("duties"), &p.duties)?,
            requirements: texts(&f("requirements"), &p.requirements)?,
            kpis,
            dotted,
            collaborations,
            escalations,
            functions,
            pay_band,
            notes: text(&f("notes"), &p.notes, TextKind::Long)?,
            lineage: match &p.lineage {
                Some(l) => Some(text(&f("lineage"), l, TextKind::Required)?),
                None => None,
            },
            role: match &p.role {
                Some(r) => Some(text(&f("role"), r, TextKind::Required)?),
                None => None,
            },
        }));
    }
    match roots.as_slice() {
        [_] => {}
        [] => {
            return Err(bad(
                FileProblem::Roots,
                "positions",
                "no position is at the top (every position has a parent), so the reporting lines form a cycle",
                "没有最高岗位（每个岗位都有上级），汇报线形成了循环：须恰好有一个岗位的「直接上级」为空",
            ))
        }
        [first, second, ..] => {
            return Err(bad(
                FileProblem::Roots,
                format!("positions[{second}].parent"),
                format!(
                    "a plan has one top position, but positions[{first}] ({:?}) and positions[{second}] ({:?}) both have no parent",
                    file.positions[*first].title, file.positions[*second].title
                ),
                format!(
                    "一个方案只能有一个最高岗位，但「{}」和「{}」都没有直接上级",
                    file.positions[*first].title, file.positions[*second].title
                ),
            ))
        }
    }
    find_cycle(&file.positions)?;

    let mut people = Vec::with_capacity(file.people.len());
    for (i, person) in file.people.iter().enumerate() {
        let at = format!("people[{i}]");
        count(
            &format!("{at}.assignments"),
            person.assignments.len(),
            MAX_ITEMS,
        )?;
        let mut assignments = Vec::with_capacity(person.assignments.len());
        let mut seen = HashSet::new();
        for (k, a) in person.assignments.iter().enumerate() {
            let aat = format!("{at}.assignments[{k}]");
            let position = pos_ids.get(&format!("{aat}.position"), &a.position)?;
            if !seen.insert(position) {
                return Err(bad(
                    FileProblem::Invalid,
                    aat,
                    format!("{:?} is assigned twice", a.position),
                    format!(
                        "同一人重复任职岗位 {}：每个岗位只能出现一次",
                        quoted(&a.position)
                    ),
                ));
            }
            assignments.push(Assignment {
                position,
                share: ranged(&format!("{aat}.share"), a.share, &SHARE, "a share")?,
            });
        }
        let start_date = match &person.start_date {
            Some(d) => Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| {
                bad(
                    FileProblem::Invalid,
                    format!("{at}.start_date"),
                    format!("a date is written YYYY-MM-DD, like \"2024-03-01\" (got {d:?})"),
                    format!(
                        "「入职日期」须写作 \"年-月-日\"，如 \"2024-03-01\"（收到 {}）",
                        quoted(d)
                    ),
                )
            })?),
            None => None,
        };
        people.push(Person {
            id: person_ids.get(&format!("{at}.id"), &person.id)?,
            name: text(&format!("{at}.name"), &person.name, TextKind::Required)?,
            assignments,
            employee_no: text(
                &format!("{at}.employee_no"),
                &person.employee_no,
                TextKind::Short,
            )?,
            phone: text(&format!("{at}.phone"), &person.phone, TextKind::Short)?,
            email: text(&format!("{at}.email"), &person.email, TextKind::Short)?,
            start_date,
            kind: person.kind,
        });
    }

    let mut goals = Vec::with_capacity(file.goals.len());
    for (i, g) in file.goals.iter().enumerate() {
        let at = format!("goals[{i}]");
        if !g.target.is_finite() || g.target < 0.0 || g.target > crate::check::MAX_TARGET {
            return Err(bad(
                FileProblem::OutOfRange,
                format!("{at}.target"),
                format!("a target is a number from 0 to 1e12 (got {})", g.target),
                format!("「目标值」须为 0 到 1 万亿之间的数（收到 {}）", g.target),
            ));
        }
        goals.push(Goal {
            id: goal_ids.get(&format!("{at}.id"), &g.id)?,
            parent: match &g.parent {
                Some(p) => Some(goal_ids.get(&format!("{at}.parent"), p)?),
                None => None,
            },
            name: text(&format!("{at}.name"), &g.name, TextKind::Required)?,
            name_en: text(&format!("{at}.name_en"), &g.name_en, TextKind::Short)?,
            kind: g.kind,
            unit: g.unit,
            direction: g.direction,
            target: g.target,
            period: g.period,
        });
    }

    let mut plan = plan;
    if let (Some(r), Some(fr)) = (plan.roster.as_mut(), fp.roster.as_ref()) {
        count("plan.roster.suggested", fr.suggested.len(), MAX_POSITIONS)?;
        for (i, key) in fr.suggested.iter().enumerate() {
            let p = pos_ids.get(&format!("plan.roster.suggested[{i}]"), key)?;
            if !r.suggested.contains(&p) {
                r.suggested.push(p);
            }
        }
    }
    let mut doc = PlanDoc {
        plan,
        departments,
        positions,
        people,
        goals,
    };
    doc.normalize();
    check_doc(&doc).map_err(|e| {
        let kind = match &e {
            EditError::Invalid { problem, .. } => file_problem(*problem),
            EditError::Cycle { .. } => FileProblem::Cycle,
            EditError::SecondRoot { .. } => FileProblem::Roots,
            _ => FileProblem::Invalid,
        };
        bad(kind, "file", e.to_string(), e.message(Lang::Zh))
    })?;
    Ok(doc)
}

/// Names the first position whose chain of superiors loops.
fn find_cycle(positions: &[FilePosition]) -> Result<(), FileError> {
    let index: HashMap<&str, usize> = positions
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut state = vec![0u8; positions.len()];
    for start in 0..positions.len() {
        let mut path = Vec::new();
        let mut at = start;
        loop {
            if state[at] == 2 {
                break;
            }
            if state[at] == 1 {
                let from = path.iter().position(|&i| i == at).unwrap_or(0);
                let titles = || {
                    path[from..]
                        .iter()
                        .chain(std::iter::once(&at))
                        .map(|&i| &positions[i].title)
                };
                let names: Vec<String> = titles().map(|t| format!("{t:?}")).collect();
                let names_zh: Vec<String> = titles().map(|t| format!("「{t}」")).collect();
                return Err(bad(
                    FileProblem::Cycle,
                    format!("positions[{at}].parent"),
                    format!("the reporting lines form a cycle: {}", names.join(" → ")),
                    format!("汇报线形成了循环：{}", names_zh.join(" → ")),
                ));
            }
            state[at] = 1;
            path.push(at);
            match &positions[at].parent {
                None => break,
                Some(parent) => at = index[parent.as_str()],
            }
        }
        for i in path {
            state[i] = 2;
        }
    }
    Ok(())
}
