//! `import_roster`: a team from a roster file (花名册) — read, its columns recognised or mapped,
//! checked row by row, and built into a new plan, or brought into an existing one (below a
//! position, or as next month's roster of the same team: joiners, leavers, moves), as one
//! undoable edit; or only previewed (`dry_run`).

use base64::Engine;
use orgplan_import::{ColumnField, Field, Mapping, Options, ProblemKind, Table};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::handlers::PlanState;
use orgplan_core::merge::RosterChanges;
use orgplan_core::RosterSource;

use crate::{ApiError, Ctx, ErrorKind};

#[derive(Clone, Debug, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ImportRosterArgs {
    /// A plan to bring the roster into (by id or unique name) instead of making a new one.
    pub plan: Option<String>,
    /// With `plan`: the position the roster's tree goes below. Without it the roster is the
    /// plan's team as it is now: people matched by 工号 (else name), joiners added, leavers
    /// removed, moves applied.
    pub under: Option<orgplan_core::Id>,
    /// With `plan`: keep the people the roster no longer lists.
    pub keep_leavers: Option<bool>,
    /// With `plan`: the plan revision the client saw (an import into a plan changed since is
    /// refused as a conflict).
    pub revision: Option<u64>,
    /// Read 手机 and 邮箱 too (personal data; left out unless asked).
    pub personal: Option<bool>,
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
    /// Fields no column is read as that the import cannot do without (姓名): map a column
    /// first. Nothing is built while this is not empty.
    pub needs: Vec<Field>,
    /// With `plan`: what the import changes in it (or changed).
    pub changes: Option<RosterChanges>,
    /// The new plan, when one was made.
    pub created: Option<PlanState>,
    /// With `plan`: the plan after the import, when it was done.
    pub merged: Option<PlanState>,
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
    // Into a plan: it must exist before anything is read; its own roster mapping (from an
    // earlier import) is used unless one is given.
    let into = match &a.plan {
        Some(plan) => {
            let id = crate::handlers::resolve(ctx, plan)?;
            Some(
                ctx.store
                    .load(id)
                    .map_err(|e| ApiError::from_store(e, lang))?,
            )
        }
        None => None,
    };
    let kept = into
        .as_ref()
        .and_then(|d| d.plan.roster.as_ref())
        .map(|r| Mapping::from_record(&r.columns));
    let mut mapping = match (&a.mapping, &kept) {
        (Some(m), _) | (None, Some(m)) => m.carried_to(&table.headers),
        (None, None) => Mapping::detect(&table.headers),
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
    let personal = a.personal == Some(true);
    let options = Options {
        name: a.name.clone().unwrap_or_else(|| {
            a.file_name
                .rsplit_once('.')
                .map_or(a.file_name.as_str(), |(stem, _)| stem)
                .to_string()
        }),
        part_time_share: a.part_time_share.unwrap_or(50).clamp(1, 100),
        skip_bad: a.skip_bad.unwrap_or(false),
        personal,
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
    let mut out = RosterImport {
        rows: table.rows.len() as u32,
        table: summary,
        mapping: mapping.clone(),
        problems: Vec::new(),
        matched: Vec::new(),
        unmatched: Vec::new(),
        people: 0,
        positions: 0,
        needs: Vec::new(),
        changes: None,
        created: None,
        merged: None,
    };
    // Without names there is nothing to build: the caller maps a column and asks again.
    if mapping.index(Field::Name).is_none() && mapping.index(Field::PositionId).is_none() {
        out.needs.push(Field::Name);
        return Ok(out);
    }
    let now = orgplan_store::stored_now();
    let built = orgplan_import::build(&table, &mapping, &options, now, &mut uuid::Uuid::new_v4);
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
    let mut doc = built.doc;
    doc.plan.roster = Some(RosterSource {
        file_name: a.file_name.clone(),
        sheet: out.table.sheet.clone(),
        columns: mapping
            .to_record()
            .into_iter()
            .filter(|c| personal || !orgplan_core::file::is_personal_field(&c.field))
            .collect(),
        personal,
        imported_at: now,
        // A seat has a role only where its title matched one: its content is the library's.
        suggested: doc
            .positions
            .iter()
            .filter(|p| p.role.is_some())
            .map(|p| p.id)
            .collect(),
    });
    if let Some(current) = into {
        let under = a.under;
        let keep_leavers = a.keep_leavers == Some(true);
        if let Some(u) = under {
            if current.position(u).is_none() {
                return Err(ApiError::from_store(
                    orgplan_core::EditError::not_found("position", u).into(),
                    lang,
                ));
            }
        }
        let (_, changes) = orgplan_core::merge::merge(&current, &doc, under, keep_leavers);
        // A roster the plan already matches writes nothing (not even the import's time), so
        // the undo button still undoes the user's own last edit.
        let nothing = changes.is_empty();
        out.changes = Some(changes);
        if nothing && a.dry_run != Some(true) {
            out.merged = Some(crate::handlers::get_plan(
                ctx,
                crate::handlers::PlanArg {
                    plan: current.plan.id.to_string(),
                },
            )?);
        } else if a.dry_run != Some(true) {
            let id = current.plan.id;
            let edit = orgplan_core::Edit::MergeRoster {
                roster: Box::new(doc),
                under,
                keep_leavers,
            };
            // The plan changed since the preview the client saw: what it showed no longer holds.
            let after = ctx
                .store
                .edit_unchanged_since(id, edit, a.revision)
                .map_err(|e| ApiError::from_store(e, lang))?;
            out.merged = Some(crate::handlers::get_plan(
                ctx,
                crate::handlers::PlanArg {
                    plan: after.plan.id.to_string(),
                },
            )?);
        }
        return Ok(out);
    }
    if a.dry_run != Some(true) {
        let id = ctx
            .store
            .insert_plan(&doc)
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
