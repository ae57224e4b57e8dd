//! The plan file: OrgPlan's versioned JSON interchange format (`format: "orgplan"`,
//! `version: 1`). Its JSON Schema is `schema/plan-file.v1.schema.json`.
//!
//! Import checks everything a file can get wrong and names the place (`positions[3].kpis[0]
//! .weight`); it assigns fresh ids, so one file can be imported many times.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

use crate::check::{check_color, check_doc, check_text, TextKind, MAX_HEADCOUNT, MAX_ITEMS};
use crate::check::{MAX_DEPARTMENTS, MAX_PAY, MAX_POSITIONS};
use crate::error::EditError;
use crate::model::{
    Assignment, Collaboration, Cycle, Department, Direction, Escalation, Function, Goal, GoalKind,
    GoalUnit, Kpi, PayBand, Person, PlanDoc, PlanMeta, Position, Stage,
};

pub const FORMAT: &str = "orgplan";
pub const VERSION: u32 = 1;
/// Largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

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
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileDepartment {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    pub color: String,
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
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileKpi {
    pub metric: String,
    pub weight: i64,
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
    pub problem: String,
}

fn bad(kind: FileProblem, location: impl Into<String>, problem: impl Into<String>) -> FileError {
    FileError {
        kind,
        location: location.into(),
        problem: problem.into(),
    }
}

/// Writes a plan as a plan file: positions in tree order, pretty-printed, ending in a newline.
pub fn export(doc: &PlanDoc) -> String {
    let mut text = serde_json::to_string_pretty(&to_file(doc)).expect("a plan file serialises");
    text.push('\n');
    text
}

pub fn to_file(doc: &PlanDoc) -> PlanFile {
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
        },
        departments: doc
            .departments
            .iter()
            .map(|d| FileDepartment {
                id: id(&d.id),
                name: d.name.clone(),
                name_en: d.name_en.clone(),
                color: d.color.clone(),
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
                        weight: k.weight.into(),
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
        )
    })?;
    import(text, now)
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
        return Err(bad(
            FileProblem::TooLarge,
            "file",
            format!(
                "the file is {} bytes; at most {MAX_FILE_BYTES} are accepted",
                text.len()
            ),
        ));
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        bad(
            FileProblem::NotJson,
            format!("line {}, column {}", e.line(), e.column()),
            format!("not valid JSON: {}", strip_position(&e.to_string())),
        )
    })?;
    check_header(&value)?;
    let file: PlanFile = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        bad(
            FileProblem::WrongType,
            if path == "." { "file".into() } else { path },
            strip_position(&e.into_inner().to_string()),
        )
    })?;
    from_file(file, now, new_id)
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn check_header(value: &serde_json::Value) -> Result<(), FileError> {
    let Some(obj) = value.as_object() else {
        return Err(bad(
            FileProblem::WrongType,
            "file",
            "a plan file is a JSON object",
        ));
    };
    match obj.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(bad(
                FileProblem::WrongFormat,
                "format",
                format!("this is not an OrgPlan plan file (format {other:?})"),
            ))
        }
        None => {
            return Err(bad(
                FileProblem::WrongFormat,
                "format",
                "missing \"format\": \"orgplan\"",
            ))
        }
    }
    match obj.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => Ok(()),
        Some(v) if v > u64::from(VERSION) => Err(bad(
            FileProblem::UnsupportedVersion,
            "version",
            format!(
                "the file was written by a newer OrgPlan (version {v}); this version reads version {VERSION}"
            ),
        )),
        Some(v) => Err(bad(FileProblem::UnsupportedVersion, "version", format!("unknown version {v}"))),
        None => Err(bad(FileProblem::UnsupportedVersion, "version", "missing a whole-number \"version\"")),
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
                return Err(bad(FileProblem::EmptyId, at, "an id must not be empty"));
            }
            check_text(&at, key, TextKind::Short).map_err(|e| text_error(&at, e))?;
            if map.insert(key, new_id()).is_some() {
                return Err(bad(
                    FileProblem::DuplicateId,
                    at,
                    format!("duplicate id {key:?}"),
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
        reason, problem, ..
    } = e
    else {
        return bad(FileProblem::Invalid, at, e.to_string());
    };
    bad(file_problem(problem), at, reason)
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
        ));
    }
    Ok(())
}

fn ranged(at: &str, value: i64, min: i64, max: i64, what: &str) -> Result<u32, FileError> {
    if value < min || value > max {
        return Err(bad(
            FileProblem::OutOfRange,
            at,
            format!("{what} must be between {min} and {max} (got {value})"),
        ));
    }
    Ok(value as u32)
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
            0,
            MAX_HEADCOUNT.into(),
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
            )
        })?;
        departments.push(Department {
            id: dept_ids.get(&format!("{at}.id"), &d.id)?,
            name: text(&format!("{at}.name"), &d.name, TextKind::Required)?,
            name_en: text(&format!("{at}.name_en"), &d.name_en, TextKind::Short)?,
            color: d.color.clone(),
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
                weight: ranged(&format!("{kat}.weight"), kpi.weight, 0, 100, "a weight")?,
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
                ));
            }
            let target = pos_ids.get(&dat, d)?;
            if dotted.contains(&target) {
                return Err(bad(
                    FileProblem::Invalid,
                    dat,
                    format!("the dotted line to {d:?} appears twice"),
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
                let min = ranged(&f("pay_band.min"), b.min, 0, MAX_PAY.into(), "pay")?;
                let max = ranged(&f("pay_band.max"), b.max, 0, MAX_PAY.into(), "pay")?;
                if min > max {
                    return Err(bad(
                        FileProblem::Invalid,
                        f("pay_band"),
                        format!("min ({min}) is above max ({max})"),
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
            headcount: ranged(
                &f("headcount"),
                p.headcount,
                1,
                MAX_HEADCOUNT.into(),
                "headcount",
            )?,
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
        }));
    }
    match roots.as_slice() {
        [_] => {}
        [] => return Err(bad(FileProblem::Roots, "positions", "no position is at the top (every position has a parent), so the reporting lines form a cycle")),
        [first, second, ..] => {
            return Err(bad(
                FileProblem::Roots,
                format!("positions[{second}].parent"),
                format!(
                    "a plan has one top position, but positions[{first}] ({:?}) and positions[{second}] ({:?}) both have no parent",
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
                ));
            }
            assignments.push(Assignment {
                position,
                share: ranged(&format!("{aat}.share"), a.share, 1, 100, "a share")?,
            });
        }
        people.push(Person {
            id: person_ids.get(&format!("{at}.id"), &person.id)?,
            name: text(&format!("{at}.name"), &person.name, TextKind::Required)?,
            assignments,
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
        bad(kind, "file", e.to_string())
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
                let names: Vec<String> = path[from..]
                    .iter()
                    .chain(std::iter::once(&at))
                    .map(|&i| format!("{:?}", positions[i].title))
                    .collect();
                return Err(bad(
                    FileProblem::Cycle,
                    format!("positions[{at}].parent"),
                    format!("the reporting lines form a cycle: {}", names.join(" → ")),
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
