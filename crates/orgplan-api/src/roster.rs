//! `import_roster`: a team from a roster file (花名册) — read, its columns recognised or mapped,
//! checked row by row, and built into a new plan; or only previewed (`dry_run`).

use base64::Engine;
use orgplan_import::{ColumnField, Field, Mapping, Options, ProblemKind, Table};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::handlers::PlanState;
use crate::{ApiError, Ctx, ErrorKind};

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ImportRosterArgs {
    /// The file's name, for messages.
    pub file_name: String,
    /// The file's bytes, base64.
    pub base64: String,
    /// A workbook's sheet, by name or number (from 1).
    pub sheet: Option<String>,
    /// A mapping kept from an earlier import of the same export (carried to this file's
    /// columns by header).
    pub mapping: Option<Mapping>,
    /// Columns set by hand: each column's field (`null` leaves it out).
    pub columns: Option<Vec<ColumnField>>,
    /// The new plan's name (default: the file's name).
    pub name: Option<String>,
    /// The share of time of 兼职 and 实习 people, in percent (default 50).
    pub part_time_share: Option<u32>,
    /// Leave out rows with problems instead of refusing the import.
    pub skip_bad: Option<bool>,
    /// Read and check only; nothing is written.
    pub dry_run: Option<bool>,
}

/// A row that cannot be placed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct RosterProblem {
    pub line: usize,
    pub kind: ProblemKind,
    pub value: String,
    /// In the user's language, with the row number.
    pub message: String,
}

/// A title and the library role it matched.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct RoleMatch {
    pub title: String,
    pub role: String,
}

/// What the roster holds and what importing it does (or did).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct RosterImport {
    /// The file as read, with its first rows only (for the preview).
    pub table: Table,
    /// How many rows the file has under its header.
    pub rows: u32,
    pub mapping: Mapping,
    /// Rows that cannot be placed; with `skip_bad`, the rows left out.
    pub problems: Vec<RosterProblem>,
    pub matched: Vec<RoleMatch>,
    /// Titles no library role matched.
    pub unmatched: Vec<String>,
    /// People and positions the plan has (or would have).
    pub people: u32,
    pub positions: u32,
    /// The new plan, when one was made.
    pub created: Option<PlanState>,
}

fn bad_file(ctx: &Ctx, message: String) -> ApiError {
    let _ = ctx;
    ApiError::new(ErrorKind::BadFile, message)
}

pub fn import_roster(ctx: &mut Ctx, a: ImportRosterArgs) -> Result<RosterImport, ApiError> {
    let lang = ctx.lang;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(a.base64.as_bytes())
        .map_err(|e| ApiError::new(ErrorKind::BadArguments, format!("base64: {e}")))?;
    let table = orgplan_import::read(&bytes, a.sheet.as_deref()).map_err(|e| {
        bad_file(
            ctx,
            match lang {
                orgplan_core::Lang::Zh => format!("{}：{}", a.file_name, e.message(lang)),
                orgplan_core::Lang::En => format!("{}: {}", a.file_name, e.message(lang)),
            },
        )
    })?;
    let mut mapping = match &a.mapping {
        Some(m) => m.carried_to(&table.headers),
        None => Mapping::detect(&table.headers),
    };
    if let Some(columns) = &a.columns {
        let overrides: Vec<(String, Option<Field>)> = columns
            .iter()
            .map(|c| (c.column.clone(), c.field))
            .collect();
        mapping = mapping
            .with(&overrides)
            .map_err(|e| ApiError::new(ErrorKind::BadArguments, e.message(lang)))?;
    }
    if mapping.index(Field::Name).is_none() {
        return Err(bad_file(
            ctx,
            match lang {
                orgplan_core::Lang::Zh => format!(
                    "{}：找不到「姓名」列（文件的列：{}）；请指定哪一列是姓名",
                    a.file_name,
                    table.headers.join("、")
                ),
                orgplan_core::Lang::En => format!(
                    "{}: no name column (the columns: {}); say which column holds the names",
                    a.file_name,
                    table.headers.join(", ")
                ),
            },
        ));
    }
    let options = Options {
        name: a.name.clone().unwrap_or_else(|| {
            a.file_name
                .rsplit_once('.')
                .map_or(a.file_name.as_str(), |(stem, _)| stem)
                .to_string()
        }),
        part_time_share: a.part_time_share.unwrap_or(50).clamp(1, 100),
        skip_bad: a.skip_bad.unwrap_or(false),
    };
    let summary = Table {
        rows: table.rows.iter().take(10).cloned().collect(),
        ..table.clone()
    };
    let problem = |p: orgplan_import::Problem| RosterProblem {
        message: p.message(lang),
        line: p.line,
        kind: p.kind,
        value: p.value,
    };
    let built = orgplan_import::build(
        &table,
        &mapping,
        &options,
        orgplan_store::stored_now(),
        &mut uuid::Uuid::new_v4,
    );
    let mut out = RosterImport {
        rows: table.rows.len() as u32,
        table: summary,
        mapping,
        problems: Vec::new(),
        matched: Vec::new(),
        unmatched: Vec::new(),
        people: 0,
        positions: 0,
        created: None,
    };
    let built = match built {
        Ok(b) => b,
        Err(problems) => {
            out.problems = problems.into_iter().map(problem).collect();
            return Ok(out);
        }
    };
    out.problems = built.skipped.into_iter().map(problem).collect();
    out.matched = built
        .matched
        .into_iter()
        .map(|(title, role)| RoleMatch { title, role })
        .collect();
    out.unmatched = built.unmatched;
    out.people = built.doc.people.len() as u32;
    out.positions = built.doc.positions.len() as u32;
    if a.dry_run != Some(true) {
        let id = ctx
            .store
            .insert_plan(&built.doc)
            .map_err(|e| ApiError::from_store(e, lang))?;
        out.created = Some(crate::handlers::get_plan(
            ctx,
            crate::handlers::PlanArg {
                plan: id.to_string(),
            },
        )?);
    }
    Ok(out)
}
