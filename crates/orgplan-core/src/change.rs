//! Row-level changes between two versions of a plan. The store writes a [`Change`] list for
//! every edit and keeps it, with its inverse, in the undo journal.

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::{Department, Goal, Id, Person, PlanDoc, PlanMeta, Position};

/// One row written or removed. `ord` is the place among siblings (positions) or in the list
/// (departments, people).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "op")]
pub enum Change {
    Plan {
        plan: PlanMeta,
    },
    Department {
        ord: usize,
        department: Department,
    },
    DepartmentRemoved {
        id: Id,
    },
    Position {
        ord: usize,
        position: Arc<Position>,
    },
    PositionRemoved {
        id: Id,
    },
    /// A position unchanged but for its place among its siblings (a sibling came or went
    /// before it).
    Order {
        id: Id,
        ord: usize,
    },
    Person {
        ord: usize,
        person: Person,
    },
    PersonRemoved {
        id: Id,
    },
    /// The plan's goals, written whole (they are few and edited together with their links).
    Goals {
        goals: Vec<Goal>,
    },
}

/// The changes that turn `before` into `after`. `updated_at` is not compared: it is the
/// store's to set on every write.
pub fn diff(before: &PlanDoc, after: &PlanDoc) -> Vec<Change> {
    let mut out = Vec::new();
    let mut a = before.plan.clone();
    a.updated_at = after.plan.updated_at;
    if a != after.plan {
        out.push(Change::Plan {
            plan: after.plan.clone(),
        });
    }
    if before.goals != after.goals {
        out.push(Change::Goals {
            goals: after.goals.clone(),
        });
    }
    rows(
        before
            .departments
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id, (i, d))),
        after
            .departments
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id, (i, d))),
        |ord, d| Change::Department {
            ord,
            department: d.clone(),
        },
        |_, _| None,
        |id| Change::DepartmentRemoved { id },
        &mut out,
    );
    if crate::check::same_shape(before, after) {
        // Same tree: compare position by position (a shared position is unchanged), and work
        // out the sibling place of the few that changed.
        for (i, (old, new)) in before.positions.iter().zip(&after.positions).enumerate() {
            if !Arc::ptr_eq(old, new) && old != new {
                let ord = after.positions[..i]
                    .iter()
                    .filter(|p| p.parent == new.parent)
                    .count();
                out.push(Change::Position {
                    ord,
                    position: Arc::clone(new),
                });
            }
        }
    } else if !block_rows(before, after, &mut out) {
        position_rows(before, after, &mut out);
    }
    if crate::check::same_people(before, after) {
        for (ord, (old, new)) in before.people.iter().zip(&after.people).enumerate() {
            if old != new {
                out.push(Change::Person {
                    ord,
                    person: new.clone(),
                });
            }
        }
        return out;
    }
    rows(
        before
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id, (i, p))),
        after.people.iter().enumerate().map(|(i, p)| (p.id, (i, p))),
        |ord, p| Change::Person {
            ord,
            person: p.clone(),
        },
        |_, _| None,
        |id| Change::PersonRemoved { id },
        &mut out,
    );
    out
}

/// The common reshaping edits, without hashing every position: when `after`'s positions are
/// `before`'s (the same shared rows, in order) with one run of rows put in or taken out (an
/// added position; a deleted subtree), the changes are that run and the later siblings it
/// shifts. Gives what [`position_rows`] gives, in the same order; `false` (and nothing
/// written) for any other change.
fn block_rows(before: &PlanDoc, after: &PlanDoc, out: &mut Vec<Change>) -> bool {
    let (b, a) = (&before.positions, &after.positions);
    let same = |x: &Arc<Position>, y: &Arc<Position>| Arc::ptr_eq(x, y);
    let prefix = b.iter().zip(a).take_while(|(x, y)| same(x, y)).count();
    let room = b.len().min(a.len()) - prefix;
    let suffix = b
        .iter()
        .rev()
        .zip(a.iter().rev())
        .take(room)
        .take_while(|(x, y)| same(x, y))
        .count();
    if prefix + suffix != b.len().min(a.len()) || a.len() == b.len() {
        return false;
    }
    let inserted = a.len() > b.len();
    let (long, block) = if inserted {
        (a, prefix..a.len() - suffix)
    } else {
        (b, prefix..b.len() - suffix)
    };
    // Parents outside the run that it adds children to or takes children from: their later
    // children change place.
    let ids: rustc_hash::FxHashSet<Id> = long[block.clone()].iter().map(|p| p.id).collect();
    let mut shifted: Vec<Option<Id>> = Vec::new();
    for p in &long[block.clone()] {
        let inside = p.parent.is_some_and(|sup| ids.contains(&sup));
        if !inside && !shifted.contains(&p.parent) {
            shifted.push(p.parent);
        }
    }
    // Sibling places in `after`, counted for the parents of the rows written: the run (when
    // inserted) and the later children of a shifted parent.
    let mut counted: HashMap<Option<Id>, usize> = HashMap::default();
    for sup in &shifted {
        counted.insert(*sup, 0);
    }
    if inserted {
        for p in &a[block.clone()] {
            counted.insert(p.parent, 0);
        }
    }
    let after_run = prefix + if inserted { block.len() } else { 0 };
    for (i, p) in a.iter().enumerate() {
        let Some(n) = counted.get_mut(&p.parent) else {
            continue;
        };
        let ord = *n;
        *n += 1;
        if inserted && block.contains(&i) {
            out.push(Change::Position {
                ord,
                position: Arc::clone(p),
            });
        } else if i >= after_run && shifted.contains(&p.parent) {
            out.push(Change::Order { id: p.id, ord });
        }
    }
    if !inserted {
        let mut gone: Vec<Id> = ids.into_iter().collect();
        gone.sort();
        out.extend(gone.into_iter().map(|id| Change::PositionRemoved { id }));
    }
    true
}

fn position_rows(before: &PlanDoc, after: &PlanDoc, out: &mut Vec<Change>) {
    let (bi, ai) = (before.sibling_indices(), after.sibling_indices());
    rows(
        before.positions.iter().zip(bi).map(|(p, i)| (p.id, (i, p))),
        after.positions.iter().zip(ai).map(|(p, i)| (p.id, (i, p))),
        |ord, p| Change::Position {
            ord,
            position: Arc::clone(p),
        },
        // A position that only changed place is written as its new place.
        |id, ord| Some(Change::Order { id, ord }),
        |id| Change::PositionRemoved { id },
        out,
    );
}

/// The changes from rows `before` to rows `after` (each `(id, (ord, row))`): `put` for a new or
/// changed row, `reorder` (when it gives one) for a row unchanged but for its `ord`, `removed`
/// for a row that went.
fn rows<'a, T: PartialEq + 'a>(
    before: impl Iterator<Item = (Id, (usize, &'a T))>,
    after: impl Iterator<Item = (Id, (usize, &'a T))>,
    put: impl Fn(usize, &T) -> Change,
    reorder: impl Fn(Id, usize) -> Option<Change>,
    removed: impl Fn(Id) -> Change,
    out: &mut Vec<Change>,
) {
    let mut old: HashMap<Id, (usize, &T)> = before.collect();
    for (id, (ord, row)) in after {
        match old.remove(&id) {
            Some((o, r)) if r == row => {
                if o != ord {
                    out.push(reorder(id, ord).unwrap_or_else(|| put(ord, row)));
                }
            }
            _ => out.push(put(ord, row)),
        }
    }
    let mut gone: Vec<Id> = old.into_keys().collect();
    gone.sort();
    out.extend(gone.into_iter().map(removed));
}

/// Applies `changes` to `doc`, the way the store applies them to its rows.
pub fn apply_changes(doc: &PlanDoc, changes: &[Change]) -> PlanDoc {
    if let Some(next) = apply_in_place(doc, changes) {
        return next;
    }
    let mut departments = ordered(&doc.departments, |d| d.id, |_, i| i);
    let sib = doc.sibling_indices();
    let mut positions = ordered(&doc.positions, |p| p.id, |_, i| sib[i]);
    let mut people = ordered(&doc.people, |p| p.id, |_, i| i);
    let mut plan = doc.plan.clone();
    let mut goals = doc.goals.clone();
    for change in changes {
        match change {
            Change::Plan { plan: p } => {
                let updated = plan.updated_at;
                plan = p.clone();
                plan.updated_at = updated;
            }
            Change::Department { ord, department } => {
                departments.insert(department.id, (*ord, department.clone()));
            }
            Change::DepartmentRemoved { id } => {
                departments.remove(id);
            }
            Change::Position { ord, position } => {
                positions.insert(position.id, (*ord, Arc::clone(position)));
            }
            Change::PositionRemoved { id } => {
                positions.remove(id);
            }
            Change::Order { id, ord } => {
                if let Some(row) = positions.get_mut(id) {
                    row.0 = *ord;
                }
            }
            Change::Person { ord, person } => {
                people.insert(person.id, (*ord, person.clone()));
            }
            Change::PersonRemoved { id } => {
                people.remove(id);
            }
            Change::Goals { goals: g } => goals = g.clone(),
        }
    }
    let mut next = PlanDoc {
        plan,
        departments: sorted(departments),
        positions: sorted(positions),
        people: sorted(people),
        goals,
    };
    next.normalize();
    next
}

/// The common case: changes that rewrite existing positions where they are (same superior,
/// same place) and people and departments in place, applied without re-sorting the plan.
/// `None` when the changes move, add or remove rows.
fn apply_in_place(doc: &PlanDoc, changes: &[Change]) -> Option<PlanDoc> {
    let mut next = doc.clone();
    for change in changes {
        match change {
            Change::Plan { plan } => {
                let updated = next.plan.updated_at;
                next.plan = plan.clone();
                next.plan.updated_at = updated;
            }
            Change::Goals { goals } => next.goals = goals.clone(),
            Change::Position { ord, position } => {
                let i = next.positions.iter().position(|p| p.id == position.id)?;
                let old = &next.positions[i];
                let place = next.positions[..i]
                    .iter()
                    .filter(|p| p.parent == old.parent)
                    .count();
                if old.parent != position.parent || place != *ord {
                    return None;
                }
                next.positions[i] = Arc::clone(position);
            }
            Change::Person { ord, person } => {
                let slot = next.people.get_mut(*ord).filter(|p| p.id == person.id)?;
                *slot = person.clone();
            }
            Change::Department { ord, department } => {
                let slot = next
                    .departments
                    .get_mut(*ord)
                    .filter(|d| d.id == department.id)?;
                *slot = department.clone();
            }
            Change::DepartmentRemoved { .. }
            | Change::PositionRemoved { .. }
            | Change::Order { .. }
            | Change::PersonRemoved { .. } => return None,
        }
    }
    Some(next)
}

/// Rows keyed by id with their order and their place in the input, for a stable re-sort.
type Rows<T> = HashMap<Id, (usize, T)>;

fn ordered<T: Clone>(
    items: &[T],
    id: impl Fn(&T) -> Id,
    ord: impl Fn(&T, usize) -> usize,
) -> Rows<T> {
    items
        .iter()
        .enumerate()
        .map(|(i, t)| (id(t), (ord(t, i), t.clone())))
        .collect()
}

/// Sorts by `ord`, ties broken by id so the result does not depend on hash order.
pub fn sorted<T: HasId>(rows: Rows<T>) -> Vec<T> {
    let mut v: Vec<(usize, T)> = rows.into_values().collect();
    v.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id().cmp(&b.1.id())));
    v.into_iter().map(|(_, t)| t).collect()
}

pub trait HasId {
    fn id(&self) -> Id;
}

impl HasId for Department {
    fn id(&self) -> Id {
        self.id
    }
}
impl HasId for Arc<Position> {
    fn id(&self) -> Id {
        self.id
    }
}
impl HasId for Person {
    fn id(&self) -> Id {
        self.id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::generate;
    use crate::{apply, Edit};

    /// The run fast path gives exactly what comparing every row gives.
    fn both_ways(before: &PlanDoc, after: &PlanDoc) {
        for (x, y) in [(before, after), (after, before)] {
            let mut fast = Vec::new();
            assert!(block_rows(x, y, &mut fast), "a run of rows");
            let mut slow = Vec::new();
            position_rows(x, y, &mut slow);
            assert_eq!(fast, slow);
        }
    }

    #[test]
    fn runs_of_rows_match_the_row_by_row_comparison() {
        let doc = generate(300, 7, chrono::Utc::now());
        let root = doc.root().unwrap().id;
        let mid = doc.positions[150].id;
        let manager = doc.positions[150].parent.unwrap();
        for (parent, index) in [
            (root, Some(0)),
            (root, None),
            (manager, Some(1)),
            (manager, None),
            (mid, Some(0)),
        ] {
            let added = apply(
                &doc,
                Edit::AddPosition {
                    parent,
                    index,
                    position: Position::blank(uuid::Uuid::new_v4(), "新岗位"),
                },
            )
            .unwrap();
            both_ways(&doc, &added);
        }
        // Deleting a leaf (the last in pre-order is one) takes a run of one row out.
        let leaf = doc.positions.last().unwrap().id;
        let deleted = apply(&doc, Edit::DeletePosition { position: leaf }).unwrap();
        both_ways(&doc, &deleted);
        // A move changes two places: not a run; the row-by-row comparison handles it.
        let moved = apply(
            &doc,
            Edit::MovePosition {
                position: mid,
                new_parent: root,
                index: Some(0),
            },
        )
        .unwrap();
        assert!(!block_rows(&doc, &moved, &mut Vec::new()));
    }
}
