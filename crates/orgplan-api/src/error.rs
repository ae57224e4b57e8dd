//! The one error shape that crosses the boundary: `{kind, message}`. The UI branches on `kind`;
//! `message` is for people.

use orgplan_core::file::FileError;
use orgplan_core::Lang;
use orgplan_store::StoreError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// A plan, position, person, department, role or template that does not exist.
    NotFound,
    /// A move that would make a reporting cycle.
    Cycle,
    /// An edit that would leave zero or two top positions.
    SecondRoot,
    /// A dotted line, collaboration or escalation pointing at its own position.
    SelfReference,
    /// A headcount below 1.
    Headcount,
    /// A share of time outside 1–100%.
    Share,
    /// Text too long, control characters, a bad colour, a weight out of range…
    InvalidInput,
    /// A plan file that cannot be imported.
    BadFile,
    /// A plan name that matches several plans.
    Ambiguous,
    NothingToUndo,
    NothingToRedo,
    /// A database written by a newer OrgPlan.
    NewerDatabase,
    /// The plan changed elsewhere (another window, the command line) since the client last
    /// read it, in what the edit targets: nothing was written; reload and edit again.
    Conflict,
    /// The database file is damaged: nothing was written to it. Restore a backup or recover.
    Corrupt,
    /// The database file cannot be written: plans can be read, not changed.
    ReadOnly,
    Database,
    Io,
    /// A document that could not be made: no Chinese font for PDF and PNG, or a library that
    /// refused to build the file.
    Export,
    /// Arguments that do not fit the command.
    BadArguments,
    UnknownCommand,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub message: String,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> ApiError {
        ApiError {
            kind,
            message: message.into(),
        }
    }

    pub fn bad_file(e: &FileError, lang: Lang) -> ApiError {
        ApiError::new(ErrorKind::BadFile, e.message(lang))
    }

    pub fn from_store(e: StoreError, lang: Lang) -> ApiError {
        use ErrorKind as K;
        let zh = lang == Lang::Zh;
        match e {
            StoreError::Edit(e) => {
                let kind = match e.kind() {
                    "not_found" => K::NotFound,
                    "cycle" => K::Cycle,
                    "second_root" => K::SecondRoot,
                    "self_reference" => K::SelfReference,
                    "headcount" => K::Headcount,
                    "share" => K::Share,
                    _ => K::InvalidInput,
                };
                ApiError::new(kind, e.message(lang))
            }
            StoreError::File(e) => ApiError::bad_file(&e, lang),
            StoreError::PlanNotFound(p) => ApiError::new(
                K::NotFound,
                if zh {
                    format!("找不到方案：{p}")
                } else {
                    format!("no plan matches {p:?}")
                },
            ),
            StoreError::Ambiguous { name, count } => ApiError::new(
                K::Ambiguous,
                if zh {
                    format!("有 {count} 个方案名为「{name}」，请使用方案 id")
                } else {
                    format!("{count} plans are named {name:?}; use the plan's id")
                },
            ),
            StoreError::NothingToUndo => ApiError::new(
                K::NothingToUndo,
                lang.pick("没有可撤销的操作", "nothing to undo"),
            ),
            StoreError::NothingToRedo => ApiError::new(
                K::NothingToRedo,
                lang.pick("没有可重做的操作", "nothing to redo"),
            ),
            e @ StoreError::NewerDatabase { .. } => {
                let detail = e.to_string();
                ApiError::new(
                    K::NewerDatabase,
                    if zh {
                        format!(
                            "数据库由更新版本的 OrgPlan 写入，已原样保留，请用新版本打开。{detail}"
                        )
                    } else {
                        detail
                    },
                )
            }
            StoreError::Conflict { field, .. } => ApiError::new(
                K::Conflict,
                match (field, zh) {
                    (Some(f), true) => format!(
                        "「{}」刚在别处（另一个窗口或命令行）被修改，这次修改没有保存。已载入最新内容，请在此基础上再改。",
                        orgplan_core::fields::label(&f, lang)
                    ),
                    (Some(f), false) => format!(
                        "{} was just changed elsewhere (another window or the command line), so this change was not saved. The latest version is loaded: make the change again on it.",
                        orgplan_core::fields::label(&f, lang)
                    ),
                    (None, true) => "方案刚在别处（另一个窗口或命令行）被修改，要修改的内容已不存在，这次修改没有保存。已载入最新内容。".into(),
                    (None, false) => "The plan was just changed elsewhere (another window or the command line) and what this change targets is gone, so it was not saved. The latest version is loaded.".into(),
                },
            ),
            StoreError::Damaged { path, detail } => ApiError::new(
                K::Corrupt,
                if zh {
                    format!("数据库文件已损坏（{path}：{detail}），没有向其中写入任何内容。请从自动备份恢复，或用 `orgplan recover --out 新文件.db` 把还能读出的方案复制到新文件。")
                } else {
                    format!("The database file is damaged ({path}: {detail}); nothing was written to it. Restore an automatic backup, or copy the plans that can still be read with `orgplan recover --out NEW.db`.")
                },
            ),
            StoreError::ReadOnly { path } => ApiError::new(
                K::ReadOnly,
                if zh {
                    format!("数据库文件是只读的（{path}）：可以查看方案，但不能修改。请让该文件可写后再试。")
                } else {
                    format!("The database file is read-only ({path}): plans can be viewed but not changed. Make the file writable and try again.")
                },
            ),
            e @ (StoreError::Sqlite(_) | StoreError::Corrupt(_)) => {
                ApiError::new(K::Database, e.to_string())
            }
            StoreError::Io(e) => ApiError::new(K::Io, e.to_string()),
        }
    }

    /// An export failure: a position not in the plan is `not_found`; a missing Chinese font or
    /// a file a library refused to build is the machine's side (`io`), not the request's.
    pub fn from_export(e: orgplan_export::ExportError, lang: Lang) -> ApiError {
        use orgplan_export::ExportError as E;
        match e {
            E::NoPosition(id) => ApiError::new(
                ErrorKind::NotFound,
                match lang {
                    Lang::Zh => format!("方案中没有岗位 {id}"),
                    Lang::En => format!("no position {id} in this plan"),
                },
            ),
            E::NoFont => ApiError::new(
                ErrorKind::Export,
                match lang {
                    Lang::Zh => "找不到中文字体，无法导出 PDF 或 PNG：请安装 Noto Sans CJK SC（Debian/Ubuntu：fonts-noto-cjk）或思源黑体；macOS 自带苹方，Windows 自带微软雅黑".into(),
                    Lang::En => e.to_string(),
                },
            ),
            e @ E::Build(..) => ApiError::new(ErrorKind::Export, e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_failures_have_their_own_kind() {
        use orgplan_export::ExportError as E;
        for lang in [Lang::Zh, Lang::En] {
            let font = ApiError::from_export(E::NoFont, lang);
            assert_eq!(font.kind, ErrorKind::Export);
            assert!(
                font.message.contains("Noto Sans CJK SC"),
                "{}",
                font.message
            );
            let build = ApiError::from_export(E::Build("pdf", "broken".into()), lang);
            assert_eq!(build.kind, ErrorKind::Export);
            let id = uuid::Uuid::nil();
            assert_eq!(
                ApiError::from_export(E::NoPosition(id), lang).kind,
                ErrorKind::NotFound
            );
        }
        assert_eq!(
            serde_json::to_value(ErrorKind::Export).unwrap(),
            serde_json::json!("export")
        );
    }
}
