//! What each column of a roster holds: recognised from the header as 钉钉, 飞书, 企业微信,
//! HR spreadsheets and English org-chart tools name it, or set by the user (`列名=字段`).

use orgplan_core::Lang;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A field of a roster row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// 姓名.
    Name,
    /// 工号: who is one person when two rows share a name.
    EmployeeId,
    /// 部门: a path (`运营中心/客服部`) or several departments (the first is the main one).
    Department,
    /// 职位.
    Title,
    /// 直属上级, by name or id.
    Manager,
    /// 上级工号.
    ManagerId,
    Phone,
    Email,
    StartDate,
    /// 人员类型: 全职, 兼职, 实习, 外包.
    Kind,
    /// 岗位占比: a person's share of time in this row's seat.
    Share,
    /// 岗位编号 (OrgPlan's own roster export).
    PositionId,
    /// 上级岗位编号 (OrgPlan's own roster export).
    ParentPositionId,
}

impl Field {
    pub const ALL: [Field; 13] = [
        Field::Name,
        Field::EmployeeId,
        Field::Department,
        Field::Title,
        Field::Manager,
        Field::ManagerId,
        Field::Phone,
        Field::Email,
        Field::StartDate,
        Field::Kind,
        Field::Share,
        Field::PositionId,
        Field::ParentPositionId,
    ];

    /// The key used in mappings and on the command line (`employee_id`).
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::EmployeeId => "employee_id",
            Field::Department => "department",
            Field::Title => "title",
            Field::Manager => "manager",
            Field::ManagerId => "manager_id",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::StartDate => "start_date",
            Field::Kind => "kind",
            Field::Share => "share",
            Field::PositionId => "position_id",
            Field::ParentPositionId => "parent_position_id",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Field::Name => ("姓名", "Name"),
            Field::EmployeeId => ("工号", "Employee ID"),
            Field::Department => ("部门", "Department"),
            Field::Title => ("职位", "Title"),
            Field::Manager => ("直属上级", "Manager"),
            Field::ManagerId => ("上级工号", "Manager ID"),
            Field::Phone => ("手机", "Phone"),
            Field::Email => ("邮箱", "Email"),
            Field::StartDate => ("入职日期", "Start date"),
            Field::Kind => ("人员类型", "Employment type"),
            Field::Share => ("岗位占比", "Share of time"),
            Field::PositionId => ("岗位编号", "Position ID"),
            Field::ParentPositionId => ("上级岗位编号", "Parent position ID"),
        };
        lang.pick(zh, en)
    }

    /// The header texts that mean this field, compared after [`normalise`].
    fn names(self) -> &'static [&'static str] {
        match self {
            Field::Name => &[
                "姓名",
                "名字",
                "员工姓名",
                "成员姓名",
                "name",
                "full name",
                "employee name",
            ],
            Field::EmployeeId => &[
                "工号",
                "员工编号",
                "员工工号",
                "人员编号",
                "账号",
                "员工id",
                "userid",
                "user id",
                "id",
                "employee id",
                "unique id",
            ],
            Field::Department => &["部门", "所属部门", "部门名称", "department", "dept"],
            Field::Title => &[
                "职位",
                "职务",
                "职称",
                "岗位",
                "岗位名称",
                "title",
                "position",
                "job title",
            ],
            Field::Manager => &[
                "直属上级",
                "直属主管",
                "直接上级",
                "汇报对象",
                "上级",
                "主管",
                "manager",
                "reports to",
                "supervisor",
            ],
            Field::ManagerId => &[
                "上级工号",
                "直属上级工号",
                "主管工号",
                "上级id",
                "managerid",
                "manager id",
                "supervisorid",
                "supervisor id",
                "pid",
                "parentid",
                "parent id",
            ],
            Field::Phone => &[
                "手机",
                "手机号",
                "手机号码",
                "联系电话",
                "电话",
                "mobile",
                "phone",
            ],
            Field::Email => &["邮箱", "电子邮箱", "邮件", "企业邮箱", "email", "e-mail"],
            Field::StartDate => &[
                "入职日期",
                "入职时间",
                "start date",
                "hire date",
                "date of joining",
            ],
            Field::Kind => &[
                "人员类型",
                "员工类型",
                "用工类型",
                "聘用形式",
                "employment type",
                "employee type",
            ],
            Field::Share => &["岗位占比", "时间占比", "占比", "share", "share of time"],
            Field::PositionId => &["岗位编号", "position id"],
            Field::ParentPositionId => &["上级岗位编号", "parent position id"],
        }
    }

    /// The field a mapping names: its key, or its label in either language.
    pub fn parse(s: &str) -> Option<Field> {
        let s = s.trim();
        Field::ALL.into_iter().find(|f| {
            f.key().eq_ignore_ascii_case(s)
                || f.label(Lang::Zh) == s
                || f.label(Lang::En).eq_ignore_ascii_case(s)
        })
    }
}

/// A header as compared: trimmed, lower case, `_` and runs of spaces as one space, a
/// trailing `*` (required) or bracketed note (`姓名（必填）`) dropped.
fn normalise(header: &str) -> String {
    let mut h = header.trim().trim_end_matches('*').trim().to_lowercase();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if h.ends_with(close) {
            if let Some(i) = h.rfind(open) {
                if i > 0 {
                    h.truncate(i);
                }
            }
        }
    }
    h.replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The field a header names, if it is one this reader knows.
pub fn field_of(header: &str) -> Option<Field> {
    let h = normalise(header);
    if h.is_empty() {
        return None;
    }
    Field::ALL
        .into_iter()
        .find(|f| f.names().iter().any(|n| *n == h))
}

/// One column and the field it is read as (`None`: left out).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnField {
    /// The column's header, as the file has it.
    pub column: String,
    pub field: Option<Field>,
}

/// How a roster's columns are read, by header text, so the same export can be read again
/// next month without mapping it again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Mapping {
    pub columns: Vec<ColumnField>,
}

impl Mapping {
    /// The mapping of `headers` found from their names. A field is read from one column: the
    /// first that names it.
    pub fn detect(headers: &[String]) -> Mapping {
        let mut seen = Vec::new();
        let columns = headers
            .iter()
            .map(|h| {
                let field = field_of(h).filter(|f| !seen.contains(f));
                if let Some(f) = field {
                    seen.push(f);
                }
                ColumnField {
                    column: h.clone(),
                    field,
                }
            })
            .collect();
        Mapping { columns }
    }

    /// This mapping applied to a file's `headers`: each column keeps the field a column of the
    /// same name had here, and new columns are detected. For reading next month's export.
    pub fn carried_to(&self, headers: &[String]) -> Mapping {
        let mut out = Mapping::detect(headers);
        for c in &mut out.columns {
            if let Some(old) = self.columns.iter().find(|o| o.column == c.column) {
                c.field = old.field;
            }
        }
        out.dedupe();
        out
    }

    /// Sets columns as the user says (`列名=字段`, or `列名=-` to leave a column out). A field
    /// given to one column is taken from any other.
    pub fn with(mut self, overrides: &[(String, Option<Field>)]) -> Result<Mapping, MapError> {
        for (column, field) in overrides {
            let Some(at) = self.columns.iter().position(|c| c.column == *column) else {
                return Err(MapError::NoColumn {
                    column: column.clone(),
                    columns: self.columns.iter().map(|c| c.column.clone()).collect(),
                });
            };
            if let Some(f) = field {
                for c in &mut self.columns {
                    if c.field == Some(*f) {
                        c.field = None;
                    }
                }
            }
            self.columns[at].field = *field;
        }
        Ok(self)
    }

    /// The mapping as a plan keeps it ([`orgplan_core::RosterSource`]): every column, with
    /// its field's key, or `""` when it is left out.
    pub fn to_record(&self) -> Vec<orgplan_core::RosterColumn> {
        self.columns
            .iter()
            .map(|c| orgplan_core::RosterColumn {
                header: c.column.clone(),
                field: c.field.map(Field::key).unwrap_or_default().to_string(),
            })
            .collect()
    }

    /// A mapping a plan kept ([`Mapping::to_record`]); fields this build does not know are left
    /// out.
    pub fn from_record(columns: &[orgplan_core::RosterColumn]) -> Mapping {
        Mapping {
            columns: columns
                .iter()
                .map(|c| ColumnField {
                    column: c.header.clone(),
                    field: Field::parse(&c.field).filter(|_| !c.field.is_empty()),
                })
                .collect(),
        }
    }

    /// The column a field is read from.
    pub fn index(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|c| c.field == Some(field))
    }

    fn dedupe(&mut self) {
        let mut seen = Vec::new();
        for c in &mut self.columns {
            if let Some(f) = c.field {
                if seen.contains(&f) {
                    c.field = None;
                } else {
                    seen.push(f);
                }
            }
        }
    }
}

/// A mapping the user wrote that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MapError {
    #[error("{given:?} is not COLUMN=FIELD")]
    Syntax { given: String },
    #[error("no field named {field:?}")]
    NoField { field: String },
    #[error("no column named {column:?} (the columns: {columns:?})")]
    NoColumn {
        column: String,
        columns: Vec<String>,
    },
}

impl MapError {
    pub fn message(&self, lang: Lang) -> String {
        let fields = || {
            Field::ALL
                .iter()
                .map(|f| format!("{}（{}）", f.label(Lang::Zh), f.key()))
                .collect::<Vec<_>>()
                .join("、")
        };
        match (self, lang) {
            (MapError::Syntax { given }, Lang::Zh) => {
                format!("列的对应「{given}」写法不对，应写作 列名=字段，例如 姓名=name")
            }
            (MapError::NoField { field }, Lang::Zh) => {
                format!(
                    "没有名为「{field}」的字段；可用的字段：{}，或 - 表示不导入该列",
                    fields()
                )
            }
            (MapError::NoColumn { column, columns }, Lang::Zh) => {
                format!(
                    "文件中没有名为「{column}」的列；文件的列：{}",
                    columns.join("、")
                )
            }
            (e, Lang::En) => e.to_string(),
        }
    }
}

/// Reads one `列名=字段` of the command line; `-` or `忽略` leaves the column out.
pub fn parse_override(s: &str) -> Result<(String, Option<Field>), MapError> {
    let Some((column, field)) = s.split_once('=') else {
        return Err(MapError::Syntax { given: s.into() });
    };
    let (column, field) = (column.trim(), field.trim());
    if column.is_empty() {
        return Err(MapError::Syntax { given: s.into() });
    }
    if matches!(field, "-" | "忽略" | "none") {
        return Ok((column.into(), None));
    }
    match Field::parse(field) {
        Some(f) => Ok((column.into(), Some(f))),
        None => Err(MapError::NoField {
            field: field.into(),
        }),
    }
}
