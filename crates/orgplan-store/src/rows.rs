//! Plans to rows and back.

use chrono::{DateTime, SecondsFormat, Utc};
use orgplan_core::change::Change;
use orgplan_core::{
    Assignment, Department, Id, PayBand, Person, PlanDoc, PlanMeta, Position, Stage,
};
use rusqlite::{params, Connection, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{Result, StoreError};

pub fn time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub fn parse_time(s: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::Corrupt(format!("time {s:?}: {e}")))
}

pub fn parse_id(s: &str) -> Result<Id> {
    Id::parse_str(s).map_err(|e| StoreError::Corrupt(format!("id {s:?}: {e}")))
}

pub fn parse_json<T: DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("{e}: {s:.80}")))
}

pub fn parse_stage(s: &str) -> Result<Stage> {
    parse_json(&serde_json::to_string(s).expect("a string serialises"))
}

fn json<T: Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).expect("plan data serialises")
}

fn stage_text(stage: Stage) -> String {
    stage_like_text(&stage)
}

/// A unit enum's serde name (`full_time`), as stored in a text column.
fn stage_like_text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value).expect("a unit variant serialises") {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    }
}

pub fn load_doc(conn: &Connection, plan: Id) -> Result<PlanDoc> {
    let pid = plan.to_string();
    let meta = conn
        .query_row(
            "SELECT name, company, target_size, stage, goal_notes, template, created_at, updated_at,
                goals, logo, scenario_of, roster
             FROM plans WHERE id = ?1",
            [&pid],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, u32>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, Option<String>>(9)?,
                    r.get::<_, Option<String>>(10)?,
                    r.get::<_, Option<String>>(11)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| StoreError::PlanNotFound(pid.clone()))?;
    let (name, company, target_size, stage, goal_notes, template, created, updated) = (
        meta.0, meta.1, meta.2, meta.3, meta.4, meta.5, meta.6, meta.7,
    );
    let (goals, logo, scenario_of, roster) = (meta.8, meta.9, meta.10, meta.11);
    let plan_meta = PlanMeta {
        id: plan,
        name,
        company,
        target_size,
        stage: parse_stage(&stage)?,
        goal_notes,
        template,
        logo,
        scenario_of: scenario_of.map(|s| parse_id(&s)).transpose()?,
        roster: roster.map(|r| parse_json(&r)).transpose()?,
        created_at: parse_time(&created)?,
        updated_at: parse_time(&updated)?,
    };

    let mut stmt = conn.prepare_cached(
        "SELECT id, name, name_en, color, parent_id FROM departments WHERE plan_id = ?1
         ORDER BY ord, id",
    )?;
    let departments = stmt
        .query_map([&pid], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?
        .map(|row| {
            let (id, name, name_en, color, parent) = row?;
            Ok(Department {
                id: parse_id(&id)?,
                name,
                name_en,
                color,
                parent: parent.map(|p| parse_id(&p)).transpose()?,
            })
        })
        .collect::<Result<Vec<_>>>()?;

    let mut stmt = conn.prepare_cached(
        "SELECT id, parent_id, title, title_en, department_id, headcount, grade, purpose, duties,
                requirements, kpis, dotted, collaborations, escalations, functions, pay_min,
                pay_max, notes, lineage, ord, role
         FROM positions WHERE plan_id = ?1",
    )?;
    // The plan's index gives the rows by `ord` already; sorting here (by ord, then id) rather
    // than in SQL keeps SQLite from copying every row through its sorter.
    let mut rows = stmt.query([&pid])?;
    let mut positions = Vec::new();
    let mut ords: Vec<i64> = Vec::new();
    while let Some(r) = rows.next()? {
        ords.push(r.get(19)?);
        let text = |i: usize| -> rusqlite::Result<String> { r.get(i) };
        // Ids and JSON are read in place, without a copy of the text.
        let str_at = |i: usize| -> Result<&str> {
            r.get_ref(i)?
                .as_str()
                .map_err(|e| StoreError::Corrupt(e.to_string()))
        };
        let opt_id = |i: usize| -> Result<Option<Id>> {
            r.get_ref(i)?
                .as_str_or_null()
                .map_err(|e| StoreError::Corrupt(e.to_string()))?
                .map(parse_id)
                .transpose()
        };
        let pay_min: Option<u32> = r.get(15)?;
        let pay_max: Option<u32> = r.get(16)?;
        positions.push(std::sync::Arc::new(Position {
            id: parse_id(str_at(0)?)?,
            parent: opt_id(1)?,
            title: text(2)?,
            title_en: text(3)?,
            department: opt_id(4)?,
            headcount: r.get(5)?,
            grade: text(6)?,
            purpose: text(7)?,
            duties: parse_json(str_at(8)?)?,
            requirements: parse_json(str_at(9)?)?,
            kpis: parse_json(str_at(10)?)?,
            dotted: parse_json(str_at(11)?)?,
            collaborations: parse_json(str_at(12)?)?,
            escalations: parse_json(str_at(13)?)?,
            functions: parse_json(str_at(14)?)?,
            pay_band: match (pay_min, pay_max) {
                (Some(min), Some(max)) => Some(PayBand { min, max }),
                _ => None,
            },
            notes: text(17)?,
            lineage: r.get(18)?,
            role: r.get(20)?,
        }));
    }

    let mut order: Vec<usize> = (0..positions.len()).collect();
    order.sort_by_key(|&i| (ords[i], positions[i].id));
    if order.iter().enumerate().any(|(at, &i)| at != i) {
        let mut slots: Vec<Option<_>> = positions.into_iter().map(Some).collect();
        positions = order
            .iter()
            .map(|&i| slots[i].take().expect("each index once"))
            .collect();
    }

    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name, a.position_id, a.share, p.employee_no, p.phone, p.email,
                p.start_date, p.kind
         FROM people p LEFT JOIN assignments a ON a.person_id = p.id
         WHERE p.plan_id = ?1 ORDER BY p.ord, p.id, a.ord",
    )?;
    let mut rows = stmt.query([&pid])?;
    let mut people: Vec<Person> = Vec::new();
    while let Some(r) = rows.next()? {
        let id = parse_id(&r.get::<_, String>(0)?)?;
        if people.last().map(|p| p.id) != Some(id) {
            let mut person = Person::new(id, r.get::<_, String>(1)?, Vec::new());
            person.employee_no = r.get(4)?;
            person.phone = r.get(5)?;
            person.email = r.get(6)?;
            person.start_date = r
                .get::<_, Option<String>>(7)?
                .map(|d| {
                    chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                        .map_err(|e| StoreError::Corrupt(format!("date {d:?}: {e}")))
                })
                .transpose()?;
            person.kind = r
                .get::<_, Option<String>>(8)?
                .map(|k| parse_json(&json(&k)))
                .transpose()?;
            people.push(person);
        }
        if let Some(position) = r.get::<_, Option<String>>(2)? {
            let person = people.last_mut().expect("pushed above");
            person.assignments.push(Assignment {
                position: parse_id(&position)?,
                share: r.get(3)?,
            });
        }
    }

    let mut doc = PlanDoc {
        plan: plan_meta,
        departments,
        positions,
        people,
        goals: parse_json(&goals)?,
    };
    doc.normalize();
    Ok(doc)
}

pub fn insert_doc(conn: &Connection, doc: &PlanDoc) -> Result<()> {
    let m = &doc.plan;
    conn.execute(
        "INSERT INTO plans (id, name, company, target_size, stage, goal_notes, template, created_at,
            updated_at, goals, logo, scenario_of, roster)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            m.id.to_string(),
            m.name,
            m.company,
            m.target_size,
            stage_text(m.stage),
            m.goal_notes,
            m.template,
            time(m.created_at),
            time(m.updated_at),
            json(&doc.goals),
            m.logo,
            m.scenario_of.map(|x| x.to_string()),
            m.roster.as_ref().map(json),
        ],
    )?;
    let sib = doc.sibling_indices();
    let mut changes = Vec::new();
    changes.extend(
        doc.departments
            .iter()
            .enumerate()
            .map(|(ord, d)| Change::Department {
                ord,
                department: d.clone(),
            }),
    );
    changes.extend(
        doc.positions
            .iter()
            .zip(sib)
            .map(|(p, ord)| Change::Position {
                ord,
                position: p.clone(),
            }),
    );
    changes.extend(
        doc.people
            .iter()
            .enumerate()
            .map(|(ord, p)| Change::Person {
                ord,
                person: p.clone(),
            }),
    );
    write_changes(conn, m.id, &changes)
}

pub fn touch(conn: &Connection, plan: Id, now: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "UPDATE plans SET updated_at = ?2, revision = revision + 1 WHERE id = ?1",
        params![plan.to_string(), time(now)],
    )?;
    Ok(())
}

pub fn write_changes(conn: &Connection, plan: Id, changes: &[Change]) -> Result<()> {
    let pid = plan.to_string();
    for change in changes {
        match change {
            Change::Plan { plan: m } => {
                conn.execute(
                    "UPDATE plans SET name = ?2, company = ?3, target_size = ?4, stage = ?5,
                        goal_notes = ?6, template = ?7, logo = ?8, scenario_of = ?9, roster = ?10
                     WHERE id = ?1",
                    params![
                        pid,
                        m.name,
                        m.company,
                        m.target_size,
                        stage_text(m.stage),
                        m.goal_notes,
                        m.template,
                        m.logo,
                        m.scenario_of.map(|x| x.to_string()),
                        m.roster.as_ref().map(json),
                    ],
                )?;
            }
            Change::Goals { goals } => {
                conn.execute(
                    "UPDATE plans SET goals = ?2 WHERE id = ?1",
                    params![pid, json(goals)],
                )?;
            }
            Change::Department { ord, department: d } => {
                conn.prepare_cached(
                    "INSERT INTO departments (id, plan_id, ord, name, name_en, color, parent_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT(id) DO UPDATE SET ord = excluded.ord, name = excluded.name,
                        name_en = excluded.name_en, color = excluded.color,
                        parent_id = excluded.parent_id",
                )?
                .execute(params![
                    d.id.to_string(),
                    pid,
                    *ord as i64,
                    d.name,
                    d.name_en,
                    d.color,
                    d.parent.map(|x| x.to_string()),
                ])?;
            }
            Change::Order { id, ord } => {
                conn.prepare_cached(
                    "UPDATE positions SET ord = ?3 WHERE id = ?1 AND plan_id = ?2",
                )?
                .execute(params![id.to_string(), pid, *ord as i64])?;
            }
            Change::DepartmentRemoved { id } => {
                conn.execute(
                    "DELETE FROM departments WHERE id = ?1 AND plan_id = ?2",
                    params![id.to_string(), pid],
                )?;
            }
            Change::Position { ord, position: p } => {
                conn.prepare_cached(
                    "INSERT INTO positions (id, plan_id, parent_id, ord, title, title_en,
                        department_id, headcount, grade, purpose, duties, requirements, kpis,
                        dotted, collaborations, escalations, functions, pay_min, pay_max, notes,
                        lineage, role)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                        ?16, ?17, ?18, ?19, ?20, ?21, ?22)
                     ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id,
                        ord = excluded.ord, title = excluded.title, title_en = excluded.title_en,
                        department_id = excluded.department_id, headcount = excluded.headcount,
                        grade = excluded.grade, purpose = excluded.purpose,
                        duties = excluded.duties, requirements = excluded.requirements,
                        kpis = excluded.kpis, dotted = excluded.dotted,
                        collaborations = excluded.collaborations,
                        escalations = excluded.escalations, functions = excluded.functions,
                        pay_min = excluded.pay_min, pay_max = excluded.pay_max,
                        notes = excluded.notes, lineage = excluded.lineage,
                        role = excluded.role",
                )?
                .execute(params![
                    p.id.to_string(),
                    pid,
                    p.parent.map(|x| x.to_string()),
                    *ord as i64,
                    p.title,
                    p.title_en,
                    p.department.map(|x| x.to_string()),
                    p.headcount,
                    p.grade,
                    p.purpose,
                    json(&p.duties),
                    json(&p.requirements),
                    json(&p.kpis),
                    json(&p.dotted),
                    json(&p.collaborations),
                    json(&p.escalations),
                    json(&p.functions),
                    p.pay_band.map(|b| b.min),
                    p.pay_band.map(|b| b.max),
                    p.notes,
                    p.lineage,
                    p.role,
                ])?;
            }
            Change::PositionRemoved { id } => {
                conn.execute(
                    "DELETE FROM positions WHERE id = ?1 AND plan_id = ?2",
                    params![id.to_string(), pid],
                )?;
            }
            Change::Person { ord, person } => {
                let id = person.id.to_string();
                conn.prepare_cached(
                    "INSERT INTO people (id, plan_id, ord, name, employee_no, phone, email,
                        start_date, kind)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                     ON CONFLICT(id) DO UPDATE SET ord = excluded.ord, name = excluded.name,
                        employee_no = excluded.employee_no, phone = excluded.phone,
                        email = excluded.email, start_date = excluded.start_date,
                        kind = excluded.kind",
                )?
                .execute(params![
                    id,
                    pid,
                    *ord as i64,
                    person.name,
                    person.employee_no,
                    person.phone,
                    person.email,
                    person.start_date.map(|d| d.format("%Y-%m-%d").to_string()),
                    person.kind.map(|k| stage_like_text(&k)),
                ])?;
                conn.execute("DELETE FROM assignments WHERE person_id = ?1", [&id])?;
                for (i, a) in person.assignments.iter().enumerate() {
                    conn.prepare_cached(
                        "INSERT INTO assignments (person_id, position_id, ord, share)
                         VALUES (?1, ?2, ?3, ?4)",
                    )?
                    .execute(params![
                        id,
                        a.position.to_string(),
                        i as i64,
                        a.share
                    ])?;
                }
            }
            Change::PersonRemoved { id } => {
                conn.execute(
                    "DELETE FROM people WHERE id = ?1 AND plan_id = ?2",
                    params![id.to_string(), pid],
                )?;
            }
        }
    }
    Ok(())
}
