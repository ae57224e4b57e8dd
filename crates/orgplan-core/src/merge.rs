//! A roster brought into an existing plan, as one edit.
//!
//! Two ways: *under a position* ([`merge`] with `under`), the roster's tree is added below that
//! position; *as the plan's people* (no `under`), the roster is next month's export of the team
//! the plan already holds: people are matched by 工号 (else by a name only one person has),
//! joiners are added, leavers removed (unless kept), moves and title changes applied, and the
//! plan's own design (duties, KPI points, vacancies, positions nobody holds) stays as it is.
//!
//! Positions are matched top-down: the roster's top is the plan's top, and a roster position is
//! the plan's position under the matched superior with the same title (else the same library
//! role). A roster position with no match is added there.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Assignment, Department, Id, Person, PlanDoc, Position};

/// Someone who joins or leaves, with the titles of their seats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonSeats {
    pub name: String,
    pub titles: Vec<String>,
}

/// Someone whose seats change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonMove {
    pub name: String,
    pub from: Vec<String>,
    pub to: Vec<String>,
}

/// What bringing a roster into a plan changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RosterChanges {
    pub joiners: Vec<PersonSeats>,
    /// People of the plan the roster no longer lists (removed unless kept).
    pub leavers: Vec<PersonSeats>,
    /// Whether the leavers stay in the plan.
    pub leavers_kept: bool,
    pub moves: Vec<PersonMove>,
    /// People matched whose name, 工号, 入职日期, 人员类型 (or, when imported, 手机/邮箱)
    /// changed.
    pub updated: Vec<String>,
    /// Positions the roster needs that the plan lacks, by title.
    pub positions_added: Vec<String>,
    /// Positions whose 编制 rose to seat everyone the roster lists.
    pub headcount_raised: Vec<String>,
}

impl RosterChanges {
    pub fn is_empty(&self) -> bool {
        self.joiners.is_empty()
            && (self.leavers.is_empty() || self.leavers_kept)
            && self.moves.is_empty()
            && self.updated.is_empty()
            && self.positions_added.is_empty()
            && self.headcount_raised.is_empty()
    }
}

/// The department of `roster` (by its path of names) in `departments`, added with the
/// departments above it where they are missing.
fn department_in(roster: &PlanDoc, dept: Id, departments: &mut Vec<Department>) -> Option<Id> {
    let mut path = Vec::new();
    let mut at = Some(dept);
    while let Some(id) = at {
        let d = roster.department(id)?;
        path.push(d);
        at = d.parent;
        if path.len() > roster.departments.len() {
            return None;
        }
    }
    path.reverse();
    let mut parent: Option<Id> = None;
    for (depth, d) in path.into_iter().enumerate() {
        let found = departments
            .iter()
            .find(|x| x.name == d.name && (depth == 0 || x.parent == parent))
            .map(|x| x.id);
        parent = Some(match found {
            Some(id) => id,
            None => {
                let mut new = d.clone();
                new.parent = parent;
                departments.push(new);
                d.id
            }
        });
    }
    parent
}

fn titles(doc: &PlanDoc, person: &Person) -> Vec<String> {
    person
        .assignments
        .iter()
        .filter_map(|a| doc.position(a.position).map(|p| p.title.clone()))
        .collect()
}

/// `doc` with `roster` brought in, and what changed. `roster` is a plan built from a roster
/// file (fresh ids). With `under`, the roster's tree goes below that position; without, the
/// roster is the plan's team as it is now (see the module). Not checked here: the caller
/// applies it as an edit, which checks the result.
pub fn merge(
    doc: &PlanDoc,
    roster: &PlanDoc,
    under: Option<Id>,
    keep_leavers: bool,
) -> (PlanDoc, RosterChanges) {
    let mut next = doc.clone();
    let mut changes = RosterChanges {
        leavers_kept: keep_leavers,
        ..RosterChanges::default()
    };
    // Roster position → plan position.
    let mut map: HashMap<Id, Id> = HashMap::new();
    let mut taken: HashSet<Id> = HashSet::new();
    let holders = crate::cost::holders(roster);
    let mut added: Vec<Arc<Position>> = Vec::new();
    for rp in &roster.positions {
        let parent = match rp.parent {
            None => match under {
                Some(u) => Some(u),
                None => {
                    // The top is the top.
                    if let Some(root) = doc.root() {
                        map.insert(rp.id, root.id);
                        taken.insert(root.id);
                        continue;
                    }
                    None
                }
            },
            Some(p) => map.get(&p).copied(),
        };
        let found = if under.is_some() {
            None
        } else {
            let siblings: Vec<&Position> = doc
                .positions
                .iter()
                .map(|p| &**p)
                .filter(|p| p.parent == parent && !taken.contains(&p.id))
                .collect();
            siblings
                .iter()
                .find(|p| p.title == rp.title)
                .or_else(|| {
                    siblings
                        .iter()
                        .find(|p| p.role.is_some() && p.role == rp.role)
                })
                .map(|p| p.id)
        };
        match found {
            Some(id) => {
                map.insert(rp.id, id);
                taken.insert(id);
                let need = holders.get(&rp.id).copied().unwrap_or(0);
                let p = next.position_mut(id).expect("a position of the plan");
                if need > p.headcount {
                    p.headcount = need;
                    changes.headcount_raised.push(p.title.clone());
                }
            }
            None => {
                let mut p = (**rp).clone();
                p.parent = parent;
                p.department = rp
                    .department
                    .and_then(|d| department_in(roster, d, &mut next.departments));
                map.insert(rp.id, p.id);
                changes.positions_added.push(p.title.clone());
                added.push(Arc::new(p));
            }
        }
    }
    let added_ids: HashSet<Id> = added.iter().map(|p| p.id).collect();
    next.positions.extend(added);

    // People: by 工号 where both have one, else by a name only one person of the plan has.
    let mut by_no: HashMap<&str, usize> = HashMap::new();
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in doc.people.iter().enumerate() {
        if !p.employee_no.is_empty() {
            by_no.insert(p.employee_no.as_str(), i);
        }
        by_name.entry(p.name.as_str()).or_default().push(i);
    }
    let mut matched: HashSet<usize> = HashSet::new();
    let mut joiners: Vec<Person> = Vec::new();
    for rp in &roster.people {
        let assignments: Vec<Assignment> = rp
            .assignments
            .iter()
            .filter_map(|a| {
                map.get(&a.position).map(|&position| Assignment {
                    position,
                    share: a.share,
                })
            })
            .collect();
        let hit = if !rp.employee_no.is_empty() && by_no.contains_key(rp.employee_no.as_str()) {
            by_no.get(rp.employee_no.as_str()).copied()
        } else {
            match by_name.get(rp.name.as_str()).map(Vec::as_slice) {
                Some([i]) if doc.people[*i].employee_no.is_empty() || rp.employee_no.is_empty() => {
                    Some(*i)
                }
                _ => None,
            }
        }
        .filter(|i| !matched.contains(i));
        let Some(i) = hit.filter(|_| under.is_none() || !rp.employee_no.is_empty()) else {
            let mut person = rp.clone();
            person.assignments = assignments;
            changes.joiners.push(PersonSeats {
                name: person.name.clone(),
                titles: titles(&next, &person),
            });
            joiners.push(person);
            continue;
        };
        matched.insert(i);
        let old = &doc.people[i];
        let person = &mut next.people[i];
        if under.is_some() {
            // Seats below `under` come in addition to the ones the person holds.
            for a in assignments {
                if !person.assignments.iter().any(|b| b.position == a.position) {
                    person.assignments.push(a);
                }
            }
        } else if old.assignments != assignments {
            person.assignments = assignments;
        }
        let before = (
            old.name.clone(),
            old.employee_no.clone(),
            old.start_date,
            old.kind,
            old.phone.clone(),
            old.email.clone(),
        );
        person.name = rp.name.clone();
        if !rp.employee_no.is_empty() {
            person.employee_no = rp.employee_no.clone();
        }
        if rp.start_date.is_some() {
            person.start_date = rp.start_date;
        }
        if rp.kind.is_some() {
            person.kind = rp.kind;
        }
        if !rp.phone.is_empty() {
            person.phone = rp.phone.clone();
        }
        if !rp.email.is_empty() {
            person.email = rp.email.clone();
        }
        let after = (
            person.name.clone(),
            person.employee_no.clone(),
            person.start_date,
            person.kind,
            person.phone.clone(),
            person.email.clone(),
        );
        let person = person.clone();
        let (from, to) = (titles(doc, old), titles(&next, &person));
        if old.assignments.len() != person.assignments.len()
            || old
                .assignments
                .iter()
                .any(|a| !person.assignments.iter().any(|b| b.position == a.position))
        {
            changes.moves.push(PersonMove {
                name: person.name.clone(),
                from,
                to,
            });
        }
        if before != after {
            changes.updated.push(person.name.clone());
        }
    }
    if under.is_none() {
        let mut kept = Vec::with_capacity(next.people.len());
        for (i, p) in next.people.drain(..).enumerate() {
            if matched.contains(&i) || keep_leavers {
                if !matched.contains(&i) {
                    changes.leavers.push(PersonSeats {
                        name: p.name.clone(),
                        titles: titles(doc, &doc.people[i]),
                    });
                }
                kept.push(p);
            } else {
                changes.leavers.push(PersonSeats {
                    name: p.name.clone(),
                    titles: titles(doc, &doc.people[i]),
                });
            }
        }
        next.people = kept;
    }
    next.people.extend(joiners);
    // A seat never holds more people than its 编制.
    let held = crate::cost::holders(&next);
    for p in next.positions.iter_mut() {
        let n = held.get(&p.id).copied().unwrap_or(0);
        if n > p.headcount {
            let title = p.title.clone();
            Arc::make_mut(p).headcount = n;
            if !changes.headcount_raised.contains(&title) {
                changes.headcount_raised.push(title);
            }
        }
    }
    if let Some(source) = &roster.plan.roster {
        // The plan's own suggestions still stand; the roster's count for the seats it added.
        let mut suggested: Vec<Id> = doc
            .plan
            .roster
            .as_ref()
            .map(|r| r.suggested.clone())
            .unwrap_or_default();
        suggested.extend(
            source
                .suggested
                .iter()
                .filter(|id| added_ids.contains(id))
                .copied(),
        );
        let mut source = source.clone();
        source.suggested = suggested;
        next.plan.roster = Some(source);
    }
    next.normalize();
    (next, changes)
}
