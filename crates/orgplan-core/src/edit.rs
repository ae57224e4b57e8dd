//! Edits: every change a user can make to a plan. [`apply`] works on a copy and checks every
//! invariant before handing the result back, so a refused edit changes nothing.

use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

use crate::check::{check_added, check_changed, check_doc_with, check_removed, keeps_shape, label};
use crate::error::EditError;
use crate::model::{
    Collaboration, Cycle, Department, Direction, Escalation, Function, Goal, GoalKind, GoalUnit,
    Id, Kpi, PayBand, Person, PersonKind, PlanDoc, Position, Stage,
};

/// Fields of a position to change; absent fields stay as they are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct PositionPatch {
    pub title: Option<String>,
    pub title_en: Option<String>,
    /// `null` clears the department.
    #[serde(default, deserialize_with = "double_option")]
    pub department: Option<Option<Id>>,
    /// Signed so that a negative headcount is refused by name, not as a type error.
    pub headcount: Option<i64>,
    pub grade: Option<String>,
    pub purpose: Option<String>,
    pub duties: Option<Vec<String>>,
    pub requirements: Option<Vec<String>>,
    pub kpis: Option<Vec<Kpi>>,
    pub dotted: Option<Vec<Id>>,
    pub collaborations: Option<Vec<Collaboration>>,
    pub escalations: Option<Vec<Escalation>>,
    pub functions: Option<Vec<Function>>,
    /// `null` clears the pay band.
    #[serde(default, deserialize_with = "double_option")]
    pub pay_band: Option<Option<PayBand>>,
    pub notes: Option<String>,
}

/// Fields of the plan itself to change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct PlanPatch {
    pub name: Option<String>,
    pub company: Option<String>,
    pub target_size: Option<u32>,
    pub stage: Option<Stage>,
    pub goal_notes: Option<String>,
    /// A `data:image/…;base64,…` URL; `null` removes the logo.
    #[serde(default, deserialize_with = "double_option")]
    pub logo: Option<Option<String>>,
}

/// Fields of a goal to change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct GoalPatch {
    pub name: Option<String>,
    pub name_en: Option<String>,
    pub kind: Option<GoalKind>,
    pub unit: Option<GoalUnit>,
    pub direction: Option<Direction>,
    pub target: Option<f64>,
    pub period: Option<Cycle>,
    /// `null` makes it a top-level goal.
    #[serde(default, deserialize_with = "double_option")]
    pub parent: Option<Option<Id>>,
}

/// Fields of a department to change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct DepartmentPatch {
    pub name: Option<String>,
    pub name_en: Option<String>,
    pub color: Option<String>,
    /// The department this one is part of; `null` makes it a top-level department.
    #[serde(default, deserialize_with = "double_option")]
    pub parent: Option<Option<Id>>,
}

/// Fields of a person to change (the 人员 table); absent fields stay as they are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct PersonPatch {
    pub name: Option<String>,
    pub employee_no: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// `YYYY-MM-DD`; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    pub start_date: Option<Option<chrono::NaiveDate>>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    pub kind: Option<Option<PersonKind>>,
}

/// Distinguishes a field set to `null` from a field left out.
pub fn double_option<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// One user edit.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds `position` under `parent` at `index` among its siblings (the end when `None`).
    AddPosition {
        parent: Id,
        index: Option<usize>,
        position: Position,
    },
    MovePosition {
        position: Id,
        new_parent: Id,
        index: Option<usize>,
    },
    UpdatePosition {
        position: Id,
        patch: PositionPatch,
    },
    /// Deletes a position; its subordinates move up to its superior, in order, in its place.
    DeletePosition {
        position: Id,
    },
    /// Keeps the library's suggested duties, requirements, KPI points and functions of a
    /// position a roster import matched to a role ([`crate::RosterSource::suggested`]).
    AcceptSuggestion {
        position: Id,
    },
    AddDotted {
        position: Id,
        superior: Id,
    },
    RemoveDotted {
        position: Id,
        superior: Id,
    },
    AddCollaboration {
        position: Id,
        with: Id,
        about: String,
    },
    RemoveCollaboration {
        position: Id,
        index: usize,
    },
    AddEscalation {
        position: Id,
        when: String,
        to: Id,
    },
    RemoveEscalation {
        position: Id,
        index: usize,
    },
    AddPerson {
        person: Person,
    },
    RenamePerson {
        person: Id,
        name: String,
    },
    UpdatePerson {
        person: Id,
        patch: PersonPatch,
    },
    /// Brings a plan built from a roster into this one ([`crate::merge::merge`]): below
    /// `under`, or as the plan's people now.
    MergeRoster {
        roster: Box<PlanDoc>,
        under: Option<Id>,
        keep_leavers: bool,
    },
    RemovePerson {
        person: Id,
    },
    /// Gives `person` the seat `position` with `share` % of their time, or changes the share.
    Assign {
        person: Id,
        position: Id,
        share: i64,
    },
    Unassign {
        person: Id,
        position: Id,
    },
    UpdatePlan {
        patch: PlanPatch,
    },
    AddDepartment {
        department: Department,
    },
    UpdateDepartment {
        department: Id,
        patch: DepartmentPatch,
    },
    /// Removes a department; its positions keep their place with no department.
    RemoveDepartment {
        department: Id,
    },
    /// Adds a goal at the end (under `goal.parent`, if set).
    AddGoal {
        goal: Goal,
    },
    /// Several goals at once (one undo step), in order; refused whole if any one is.
    AddGoals {
        goals: Vec<Goal>,
    },
    UpdateGoal {
        goal: Id,
        patch: GoalPatch,
    },
    /// Removes a goal; its sub-goals and the KPI points linked to it move up to its parent
    /// goal (or become unlinked, for a top-level goal).
    RemoveGoal {
        goal: Id,
    },
}

impl Edit {
    /// The one position whose text this edit can change, if any. Every other position's text
    /// was checked when it was written.
    fn touched(&self) -> Option<Id> {
        match self {
            Edit::AddPosition { position, .. } => Some(position.id),
            Edit::UpdatePosition { position, .. }
            | Edit::AddCollaboration { position, .. }
            | Edit::AddEscalation { position, .. } => Some(*position),
            _ => None,
        }
    }

    /// A short name for the undo history.
    pub fn name(&self) -> &'static str {
        match self {
            Edit::AddPosition { .. } => "add_position",
            Edit::MovePosition { .. } => "move_position",
            Edit::UpdatePosition { .. } => "update_position",
            Edit::DeletePosition { .. } => "delete_position",
            Edit::AcceptSuggestion { .. } => "accept_suggestion",
            Edit::AddDotted { .. } => "add_dotted",
            Edit::RemoveDotted { .. } => "remove_dotted",
            Edit::AddCollaboration { .. } => "add_collaboration",
            Edit::RemoveCollaboration { .. } => "remove_collaboration",
            Edit::AddEscalation { .. } => "add_escalation",
            Edit::RemoveEscalation { .. } => "remove_escalation",
            Edit::AddPerson { .. } => "add_person",
            Edit::RenamePerson { .. } => "rename_person",
            Edit::UpdatePerson { .. } => "update_person",
            Edit::MergeRoster { .. } => "import_roster",
            Edit::RemovePerson { .. } => "remove_person",
            Edit::Assign { .. } => "assign",
            Edit::Unassign { .. } => "unassign",
            Edit::UpdatePlan { .. } => "update_plan",
            Edit::AddDepartment { .. } => "add_department",
            Edit::UpdateDepartment { .. } => "update_department",
            Edit::RemoveDepartment { .. } => "remove_department",
            Edit::AddGoal { .. } => "add_goal",
            Edit::AddGoals { .. } => "add_goals",
            Edit::UpdateGoal { .. } => "update_goal",
            Edit::RemoveGoal { .. } => "remove_goal",
        }
    }
}

/// Applies `edit` to a copy of `doc` and returns the new plan, or refuses it.
pub fn apply(doc: &PlanDoc, edit: Edit) -> Result<PlanDoc, EditError> {
    let touched = edit.touched();
    let added = match &edit {
        Edit::AddPosition { position, .. } => Some(position.id),
        _ => None,
    };
    let deleted = match &edit {
        Edit::DeletePosition { position } => Some(*position),
        _ => None,
    };
    let mut next = doc.clone();
    apply_in_place(&mut next, edit)?;
    // Most edits change a position or two and leave the tree, departments and goals alone:
    // then only what changed needs checking (positions are shared with `doc` until written).
    if keeps_shape(doc, &next) {
        check_changed(doc, &next)?;
    } else if let Some(id) = added {
        // Inserted in pre-order already (`insert_among_siblings`).
        check_added(doc, &next, id)?;
    } else if let Some(id) = deleted {
        // Deleting one position keeps the others in pre-order (`delete_position`).
        check_removed(doc, &next, id)?;
    } else {
        next.normalize();
        check_doc_with(&next, &|p| touched == Some(p.id))?;
    }
    Ok(next)
}

fn position_mut(doc: &mut PlanDoc, id: Id) -> Result<&mut Position, EditError> {
    doc.position_mut(id)
        .ok_or_else(|| EditError::not_found("position", id))
}

fn require_position(doc: &PlanDoc, id: Id) -> Result<&Position, EditError> {
    doc.position(id)
        .ok_or_else(|| EditError::not_found("position", id))
}

fn person_mut(doc: &mut PlanDoc, id: Id) -> Result<&mut Person, EditError> {
    doc.people
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| EditError::not_found("person", id))
}

/// True when `candidate` is `of` or lies below it.
fn is_self_or_descendant(doc: &PlanDoc, candidate: Id, of: Id) -> bool {
    let mut at = Some(candidate);
    let mut steps = 0;
    while let Some(id) = at {
        if id == of {
            return true;
        }
        steps += 1;
        if steps > doc.positions.len() {
            return true;
        }
        at = doc.position(id).and_then(|p| p.parent);
    }
    false
}

/// Puts `position` among the children of its parent at `index` (the end when out of range),
/// where pre-order wants it: at the place of the sibling it goes before, or right after the
/// parent's whole subtree. `doc` is in pre-order (every plan is), and so it stays.
fn insert_among_siblings(doc: &mut PlanDoc, position: Position, index: Option<usize>) {
    let at = preorder_slot(doc, position.parent, index);
    doc.positions.insert(at, Arc::new(position));
}

/// Where a new child of `parent` at sibling `index` goes in a pre-ordered plan.
fn preorder_slot(doc: &PlanDoc, parent: Option<Id>, index: Option<usize>) -> usize {
    let Some(parent) = parent else {
        return doc.positions.len();
    };
    let Some(start) = doc.positions.iter().position(|p| p.id == parent) else {
        return doc.positions.len();
    };
    if let Some(index) = index {
        let mut children = 0;
        for (i, p) in doc.positions.iter().enumerate().skip(start + 1) {
            if p.parent == Some(parent) {
                if children == index {
                    return i;
                }
                children += 1;
            }
        }
    }
    subtree_end(doc, start)
}

/// The end (exclusive) of the subtree of the position at `start`, in a pre-ordered plan: the
/// run after it whose superiors lie inside the subtree.
fn subtree_end(doc: &PlanDoc, start: usize) -> usize {
    let mut inside: rustc_hash::FxHashSet<Id> = rustc_hash::FxHashSet::default();
    inside.insert(doc.positions[start].id);
    for (i, p) in doc.positions.iter().enumerate().skip(start + 1) {
        match p.parent {
            Some(sup) if inside.contains(&sup) => {
                inside.insert(p.id);
            }
            _ => return i,
        }
    }
    doc.positions.len()
}

fn add_goal(doc: &mut PlanDoc, goal: Goal) -> Result<(), EditError> {
    if doc.goal(goal.id).is_some() {
        return Err(EditError::invalid(
            "goal",
            "a goal with this id exists",
            "已存在相同 id 的目标",
        ));
    }
    doc.goals.push(goal);
    Ok(())
}

fn apply_in_place(doc: &mut PlanDoc, edit: Edit) -> Result<(), EditError> {
    match edit {
        Edit::AddPosition {
            parent,
            index,
            mut position,
        } => {
            require_position(doc, parent)?;
            if doc.position(position.id).is_some() {
                return Err(EditError::invalid(
                    "position",
                    "a position with this id exists",
                    "已存在相同 id 的岗位",
                ));
            }
            position.parent = Some(parent);
            insert_among_siblings(doc, position, index);
        }
        Edit::MovePosition {
            position,
            new_parent,
            index,
        } => {
            let moving = Position::clone(require_position(doc, position)?);
            let target = require_position(doc, new_parent)?;
            if is_self_or_descendant(doc, new_parent, position) {
                return Err(EditError::Cycle {
                    position: label(&moving),
                    new_parent: label(target),
                });
            }
            // The position moves with its whole subtree, so the plan stays in pre-order.
            let from = doc
                .positions
                .iter()
                .position(|p| p.id == position)
                .expect("required above");
            let end = subtree_end(doc, from);
            let mut block: Vec<Arc<Position>> = doc.positions.drain(from..end).collect();
            let mut moved = moving;
            moved.parent = Some(new_parent);
            block[0] = Arc::new(moved);
            let at = preorder_slot(doc, Some(new_parent), index);
            doc.positions.splice(at..at, block);
        }
        Edit::UpdatePosition { position, patch } => {
            // Writing any of the suggested fields is reviewing them.
            let reviewed = patch.purpose.is_some()
                || patch.duties.is_some()
                || patch.requirements.is_some()
                || patch.kpis.is_some()
                || patch.functions.is_some();
            let p = position_mut(doc, position)?;
            apply_patch(p, patch)?;
            if reviewed {
                doc.clear_suggestion(position);
            }
        }
        Edit::DeletePosition { position } => {
            delete_position(doc, position)?;
            doc.clear_suggestion(position);
        }
        Edit::AcceptSuggestion { position } => {
            let title = doc
                .position(position)
                .map(label)
                .ok_or_else(|| EditError::not_found("position", position))?;
            if !doc.clear_suggestion(position) {
                return Err(EditError::not_found("suggestion", title));
            }
        }
        Edit::AddDotted { position, superior } => {
            require_position(doc, superior)?;
            let p = position_mut(doc, position)?;
            if superior == position {
                return Err(EditError::SelfReference {
                    what: "dotted line",
                    position: label(p),
                });
            }
            if !p.dotted.contains(&superior) {
                p.dotted.push(superior);
            }
        }
        Edit::RemoveDotted { position, superior } => {
            let p = position_mut(doc, position)?;
            let before = p.dotted.len();
            p.dotted.retain(|d| *d != superior);
            if p.dotted.len() == before {
                return Err(EditError::not_found("dotted line", superior));
            }
        }
        Edit::AddCollaboration {
            position,
            with,
            about,
        } => {
            require_position(doc, with)?;
            position_mut(doc, position)?
                .collaborations
                .push(Collaboration { with, about });
        }
        Edit::RemoveCollaboration { position, index } => {
            let p = position_mut(doc, position)?;
            if index >= p.collaborations.len() {
                return Err(EditError::not_found("collaboration", index));
            }
            p.collaborations.remove(index);
        }
        Edit::AddEscalation { position, when, to } => {
            require_position(doc, to)?;
            position_mut(doc, position)?
                .escalations
                .push(Escalation { when, to });
        }
        Edit::RemoveEscalation { position, index } => {
            let p = position_mut(doc, position)?;
            if index >= p.escalations.len() {
                return Err(EditError::not_found("escalation", index));
            }
            p.escalations.remove(index);
        }
        Edit::AddPerson { person } => {
            if doc.person(person.id).is_some() {
                return Err(EditError::invalid(
                    "person",
                    "a person with this id exists",
                    "已存在相同 id 的人员",
                ));
            }
            doc.people.push(person);
        }
        Edit::RenamePerson { person, name } => person_mut(doc, person)?.name = name,
        Edit::MergeRoster {
            roster,
            under,
            keep_leavers,
        } => {
            if let Some(u) = under {
                require_position(doc, u)?;
            }
            *doc = crate::merge::merge(doc, &roster, under, keep_leavers).0;
        }
        Edit::UpdatePerson { person, patch } => {
            let p = person_mut(doc, person)?;
            if let Some(v) = patch.name {
                p.name = v;
            }
            if let Some(v) = patch.employee_no {
                p.employee_no = v;
            }
            if let Some(v) = patch.phone {
                p.phone = v;
            }
            if let Some(v) = patch.email {
                p.email = v;
            }
            if let Some(v) = patch.start_date {
                p.start_date = v;
            }
            if let Some(v) = patch.kind {
                p.kind = v;
            }
        }
        Edit::RemovePerson { person } => {
            let before = doc.people.len();
            doc.people.retain(|p| p.id != person);
            if doc.people.len() == before {
                return Err(EditError::not_found("person", person));
            }
        }
        Edit::Assign {
            person,
            position,
            share,
        } => {
            require_position(doc, position)?;
            if !u32::try_from(share).is_ok_and(|s| crate::check::SHARE.contains(&s)) {
                return Err(EditError::Share { value: share });
            }
            let share = share as u32;
            let p = person_mut(doc, person)?;
            match p.assignments.iter_mut().find(|a| a.position == position) {
                Some(a) => a.share = share,
                None => p
                    .assignments
                    .push(crate::model::Assignment { position, share }),
            }
        }
        Edit::Unassign { person, position } => {
            let p = person_mut(doc, person)?;
            let before = p.assignments.len();
            p.assignments.retain(|a| a.position != position);
            if p.assignments.len() == before {
                return Err(EditError::not_found("assignment", position));
            }
        }
        Edit::UpdatePlan { patch } => {
            let m = &mut doc.plan;
            if let Some(v) = patch.name {
                m.name = v;
            }
            if let Some(v) = patch.company {
                m.company = v;
            }
            if let Some(v) = patch.target_size {
                m.target_size = v;
            }
            if let Some(v) = patch.stage {
                m.stage = v;
            }
            if let Some(v) = patch.goal_notes {
                m.goal_notes = v;
            }
            if let Some(v) = patch.logo {
                m.logo = v;
            }
        }
        Edit::AddGoal { goal } => add_goal(doc, goal)?,
        Edit::AddGoals { goals } => {
            for goal in goals {
                add_goal(doc, goal)?;
            }
        }
        Edit::UpdateGoal { goal, patch } => {
            let g = doc
                .goals
                .iter_mut()
                .find(|g| g.id == goal)
                .ok_or_else(|| EditError::not_found("goal", goal))?;
            if let Some(v) = patch.name {
                g.name = v;
            }
            if let Some(v) = patch.name_en {
                g.name_en = v;
            }
            if let Some(v) = patch.kind {
                g.kind = v;
            }
            if let Some(v) = patch.unit {
                g.unit = v;
            }
            if let Some(v) = patch.direction {
                g.direction = v;
            }
            if let Some(v) = patch.target {
                g.target = v;
            }
            if let Some(v) = patch.period {
                g.period = v;
            }
            if let Some(v) = patch.parent {
                g.parent = v;
            }
        }
        Edit::RemoveGoal { goal } => {
            let removed = doc
                .goal(goal)
                .ok_or_else(|| EditError::not_found("goal", goal))?
                .clone();
            doc.goals.retain(|g| g.id != goal);
            for g in &mut doc.goals {
                if g.parent == Some(goal) {
                    g.parent = removed.parent;
                }
            }
            for p in &mut doc.positions {
                if p.kpis.iter().any(|k| k.goal == Some(goal)) {
                    for k in &mut Arc::make_mut(p).kpis {
                        if k.goal == Some(goal) {
                            k.goal = removed.parent;
                        }
                    }
                }
            }
        }
        Edit::AddDepartment { department } => {
            if doc.department(department.id).is_some() {
                return Err(EditError::invalid(
                    "department",
                    "a department with this id exists",
                    "已存在相同 id 的部门",
                ));
            }
            doc.departments.push(department);
        }
        Edit::UpdateDepartment { department, patch } => {
            let d = doc
                .departments
                .iter_mut()
                .find(|d| d.id == department)
                .ok_or_else(|| EditError::not_found("department", department))?;
            if let Some(v) = patch.name {
                d.name = v;
            }
            if let Some(v) = patch.name_en {
                d.name_en = v;
            }
            if let Some(v) = patch.color {
                d.color = v;
            }
            if let Some(v) = patch.parent {
                d.parent = v;
            }
        }
        Edit::RemoveDepartment { department } => {
            let up = doc
                .department(department)
                .ok_or_else(|| EditError::not_found("department", department))?
                .parent;
            doc.departments.retain(|d| d.id != department);
            // Its sub-departments move up to where it was.
            for d in &mut doc.departments {
                if d.parent == Some(department) {
                    d.parent = up;
                }
            }
            for p in &mut doc.positions {
                if p.department == Some(department) {
                    Arc::make_mut(p).department = None;
                }
            }
        }
    }
    Ok(())
}

fn apply_patch(p: &mut Position, patch: PositionPatch) -> Result<(), EditError> {
    if let Some(v) = patch.headcount {
        if v < 1 {
            return Err(EditError::Headcount {
                position: label(p),
                value: v,
            });
        }
        p.headcount = u32::try_from(v).map_err(|_| EditError::Headcount {
            position: label(p),
            value: v,
        })?;
    }
    if let Some(v) = patch.title {
        p.title = v;
    }
    if let Some(v) = patch.title_en {
        p.title_en = v;
    }
    if let Some(v) = patch.department {
        p.department = v;
    }
    if let Some(v) = patch.grade {
        p.grade = v;
    }
    if let Some(v) = patch.purpose {
        p.purpose = v;
    }
    if let Some(v) = patch.duties {
        p.duties = v;
    }
    if let Some(v) = patch.requirements {
        p.requirements = v;
    }
    if let Some(v) = patch.kpis {
        p.kpis = v;
    }
    if let Some(v) = patch.dotted {
        p.dotted = v;
    }
    if let Some(v) = patch.collaborations {
        p.collaborations = v;
    }
    if let Some(v) = patch.escalations {
        p.escalations = v;
    }
    if let Some(mut v) = patch.functions {
        v.sort();
        v.dedup();
        p.functions = v;
    }
    if let Some(v) = patch.pay_band {
        p.pay_band = v;
    }
    if let Some(v) = patch.notes {
        p.notes = v;
    }
    Ok(())
}

/// What deleting a position would do, as the edit itself decides it (so a dialog can say it
/// before asking): how many subordinates move up, and which position becomes the top when the
/// top is deleted. Refused exactly when the edit would be.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct DeleteEffect {
    /// Direct subordinates that will report one level up.
    pub reports: u32,
    /// The one subordinate that becomes the top position, when the top is deleted.
    pub new_top: Option<Id>,
    /// People who held it and lose that seat.
    pub holders: u32,
}

pub fn delete_effect(doc: &PlanDoc, id: Id) -> Result<DeleteEffect, EditError> {
    apply(doc, Edit::DeletePosition { position: id })?;
    let p = require_position(doc, id)?;
    let children = doc.children(id);
    Ok(DeleteEffect {
        reports: children.len() as u32,
        new_top: if p.parent.is_none() {
            children.first().copied()
        } else {
            None
        },
        holders: doc.filled(id),
    })
}

fn delete_position(doc: &mut PlanDoc, id: Id) -> Result<(), EditError> {
    let deleted = require_position(doc, id)?.clone();
    let children = doc.children(id);
    if deleted.parent.is_none() {
        if children.len() > 1 {
            return Err(EditError::SecondRoot {
                detail: format!(
                    "deleting 「{}」 would leave {} positions at the top; move them under one first",
                    label(&deleted),
                    children.len()
                ),
                detail_zh: format!(
                    "删除「{}」会让 {} 个岗位同时成为最高岗位，请先把它们移到其中一个之下",
                    label(&deleted),
                    children.len()
                ),
            });
        }
        if children.is_empty() {
            return Err(EditError::invalid(
                "position",
                "a plan keeps at least its top position",
                "方案至少保留一个最高岗位",
            ));
        }
    }
    // The subordinates take the deleted position's place among its siblings, in order: in
    // pre-order they follow it with their subtrees, so they report up where they are.
    for p in doc.positions.iter_mut() {
        if p.parent == Some(id) {
            Arc::make_mut(p).parent = deleted.parent;
        }
    }
    doc.positions.retain(|p| p.id != id);

    // Lines that pointed at it: dotted lines and collaborations go, escalations go up a level.
    for p in &mut doc.positions {
        let points_here = p.dotted.contains(&id)
            || p.collaborations.iter().any(|c| c.with == id)
            || p.escalations.iter().any(|e| e.to == id);
        if !points_here {
            continue;
        }
        let p = Arc::make_mut(p);
        p.dotted.retain(|d| *d != id);
        p.collaborations.retain(|c| c.with != id);
        let own = p.id;
        p.escalations.retain_mut(|e| {
            if e.to != id {
                return true;
            }
            match deleted.parent {
                Some(up) if up != own => {
                    e.to = up;
                    true
                }
                _ => false,
            }
        });
    }
    for person in &mut doc.people {
        person.assignments.retain(|a| a.position != id);
    }
    Ok(())
}

/// The first field, named as in its patch, whose value `was` (what a client last saw) is no
/// longer `now`: what changed meanwhile. Fields `was` leaves out are not compared.
macro_rules! first_changed {
    ($was:expr, $now:expr; $($field:ident $(=> $conv:expr)?),* $(,)?) => {{
        $(
            if let Some(seen) = &$was.$field {
                let now = &$now.$field;
                $(let now = &$conv(now);)?
                if seen != now {
                    return Some(stringify!($field));
                }
            }
        )*
        None
    }};
}

impl PositionPatch {
    /// The first field of this patch, read as what a client saw, that `position` no longer
    /// has: the compare half of compare-and-set.
    pub fn changed_in(&self, position: &Position) -> Option<&'static str> {
        first_changed!(self, position;
            title, title_en, department, headcount => |h: &u32| i64::from(*h), grade, purpose,
            duties, requirements, kpis, dotted, collaborations, escalations, functions, pay_band,
            notes)
    }
}

impl PlanPatch {
    /// As [`PositionPatch::changed_in`], for the plan's own fields.
    pub fn changed_in(&self, plan: &crate::PlanMeta) -> Option<&'static str> {
        first_changed!(self, plan; name, company, target_size, stage, goal_notes, logo)
    }
}

impl GoalPatch {
    /// As [`PositionPatch::changed_in`], for a goal.
    pub fn changed_in(&self, goal: &crate::Goal) -> Option<&'static str> {
        first_changed!(self, goal; name, name_en, kind, unit, direction, target, period, parent)
    }
}

impl DepartmentPatch {
    /// As [`PositionPatch::changed_in`], for a department.
    pub fn changed_in(&self, department: &crate::Department) -> Option<&'static str> {
        first_changed!(self, department; name, name_en, color, parent)
    }
}

impl PersonPatch {
    /// As [`PositionPatch::changed_in`], for a person.
    pub fn changed_in(&self, person: &crate::Person) -> Option<&'static str> {
        first_changed!(self, person; name, employee_no, phone, email, start_date, kind)
    }
}
