//! Refusals: an edit or a file that would break the plan is refused with one of these, and
//! nothing changes.

use crate::model::Lang;
use thiserror::Error;

/// Why an edit or an imported plan was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("{what} not found: {id}")]
    NotFound { what: &'static str, id: String },
    #[error("moving {position} under {new_parent} would make a reporting cycle")]
    Cycle {
        position: String,
        new_parent: String,
    },
    #[error("a plan has exactly one top position; {detail}")]
    SecondRoot { detail: String, detail_zh: String },
    #[error("{what} of {position} cannot point at itself")]
    SelfReference {
        what: &'static str,
        position: String,
    },
    #[error("headcount must be at least 1 (got {value}) for {position}")]
    Headcount { position: String, value: i64 },
    #[error("a share of time must be 1–100% (got {value})")]
    Share { value: i64 },
    #[error("{}: {reason}", crate::fields::label(field, Lang::En))]
    Invalid {
        field: String,
        /// What is wrong, for programs (the plan-file reader maps it to its own kinds).
        problem: Problem,
        reason: String,
        reason_zh: String,
    },
}

/// What is wrong with an invalid value, typed so nothing branches on message text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    TooLong,
    Empty,
    ControlCharacter,
    TooMany,
    TooDeep,
    OutOfRange,
    /// A repeated id or item.
    Duplicate,
    /// Anything else (a bad colour, min above max).
    Other,
}

impl EditError {
    /// The stable code the UI and the CLI branch on.
    pub fn kind(&self) -> &'static str {
        match self {
            EditError::NotFound { .. } => "not_found",
            EditError::Cycle { .. } => "cycle",
            EditError::SecondRoot { .. } => "second_root",
            EditError::SelfReference { .. } => "self_reference",
            EditError::Headcount { .. } => "headcount",
            EditError::Share { .. } => "share",
            EditError::Invalid { .. } => "invalid_input",
        }
    }

    pub fn invalid(
        field: impl Into<String>,
        en: impl Into<String>,
        zh: impl Into<String>,
    ) -> EditError {
        EditError::problem(field, Problem::Other, en, zh)
    }

    /// An invalid value with what is wrong with it.
    pub fn problem(
        field: impl Into<String>,
        problem: Problem,
        en: impl Into<String>,
        zh: impl Into<String>,
    ) -> EditError {
        EditError::Invalid {
            field: field.into(),
            problem,
            reason: en.into(),
            reason_zh: zh.into(),
        }
    }

    pub fn not_found(what: &'static str, id: impl ToString) -> EditError {
        EditError::NotFound {
            what,
            id: id.to_string(),
        }
    }

    /// A message for people, in the chosen language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => match self {
                EditError::NotFound { what, id } => format!("找不到{}：{id}", what_zh(what)),
                EditError::Cycle {
                    position,
                    new_parent,
                } => format!("不能把「{position}」移到「{new_parent}」之下：汇报线会形成循环"),
                EditError::SecondRoot { detail_zh, .. } => {
                    format!("一个方案只能有一个最高岗位；{detail_zh}")
                }
                EditError::SelfReference { what, position } => {
                    format!("「{position}」的{}不能指向自己", what_zh(what))
                }
                EditError::Headcount { position, value } => {
                    format!("「{position}」的编制至少为 1（收到 {value}）")
                }
                EditError::Share { value } => format!("时间占比必须在 1–100% 之间（收到 {value}）"),
                EditError::Invalid {
                    field, reason_zh, ..
                } => format!("{}：{reason_zh}", crate::fields::label(field, Lang::Zh)),
            },
        }
    }
}

fn what_zh(what: &str) -> &str {
    match what {
        "plan" => "方案",
        "position" => "岗位",
        "department" => "部门",
        "person" => "人员",
        "assignment" => "任职",
        "role" => "岗位库角色",
        "template" => "模板",
        "dotted line" => "虚线汇报",
        "collaboration" => "协作",
        "escalation" => "升级路径",
        "suggestion" => "待采纳的岗位库建议内容",
        "superior" => "上级",
        _ => what,
    }
}
