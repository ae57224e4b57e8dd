//! Comparing two plans (方案对比): what was added, removed, moved, renamed and resized, which
//! duties changed hands, the headcount and payroll per department, and — between consecutive
//! stages of the built-in growth path (team-5 → team-8 → team-30 → ops-center) — which seats
//! split into which, why, and in what order to hire.
//!
//! Positions are matched by id, then by lineage (a scenario's copy carries the seat it was
//! copied from; a template's seat is `template/seat`), then by the growth path's list of seats
//! that carry on into the next stage.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cost::{cost, Payroll};
use crate::model::{Id, Lang, PlanDoc, Position};

/// A position as the comparison names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PosRef {
    pub id: Id,
    pub title: String,
    /// The department's name, empty without one.
    pub department: String,
    pub headcount: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Removed {
    /// The position in plan A.
    pub position: PosRef,
    /// Where it would hang in plan B: the match of its superior, if that is still there.
    pub anchor: Option<Id>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Moved {
    /// The position in plan B.
    pub position: PosRef,
    /// Its superior's title in plan A and in plan B.
    pub before: String,
    pub after: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Renamed {
    pub position: PosRef,
    pub before: String,
    pub after: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct HeadcountChanged {
    pub position: PosRef,
    pub before: u32,
    pub after: u32,
}

/// A duty found under another position in plan B than the one that had it in plan A.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct DutyMoved {
    pub duty: String,
    pub from: PosRef,
    pub to: PosRef,
}

/// Seats of plan A that became seats of plan B, from the growth path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Split {
    pub from: Vec<PosRef>,
    pub into: Vec<PosRef>,
    pub reason: String,
}

/// A new seat of plan B in the order to fill it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Hire {
    pub position: PosRef,
    /// Why now (from the growth path); empty for seats it does not know.
    pub reason: String,
}

/// Headcount and payroll of one department (matched by name) in both plans.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct DepartmentDelta {
    /// Empty for positions without a department.
    pub name: String,
    pub color: String,
    pub headcount_a: u32,
    pub headcount_b: u32,
    pub monthly_a: Payroll,
    pub monthly_b: Payroll,
}

/// Payroll of both plans and the difference (B − A), monthly and yearly, in yuan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct CostDelta {
    pub monthly_a: Payroll,
    pub monthly_b: Payroll,
    /// Midpoint to midpoint.
    pub monthly: i64,
    pub yearly: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanRef {
    pub id: Id,
    pub name: String,
    pub template: Option<String>,
    pub positions: u32,
    pub headcount: u32,
}

/// The comparison of plan A (before) with plan B (after).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Comparison {
    pub a: PlanRef,
    pub b: PlanRef,
    pub added: Vec<PosRef>,
    pub removed: Vec<Removed>,
    pub moved: Vec<Moved>,
    pub renamed: Vec<Renamed>,
    pub headcount_changed: Vec<HeadcountChanged>,
    pub duties_moved: Vec<DutyMoved>,
    pub splits: Vec<Split>,
    pub hiring_order: Vec<Hire>,
    pub departments: Vec<DepartmentDelta>,
    pub cost_delta: CostDelta,
    /// Each matched position: (id in A, id in B).
    pub matched: Vec<(Id, Id)>,
}

#[derive(Deserialize)]
struct Stage {
    from: String,
    to: String,
    same: Vec<(String, String)>,
    links: Vec<Link>,
    hiring: Vec<HireNote>,
}

#[derive(Deserialize)]
struct Link {
    from: Vec<String>,
    into: Vec<String>,
    zh: String,
    en: String,
}

#[derive(Deserialize)]
struct HireNote {
    seat: String,
    zh: String,
    en: String,
}

/// The growth path's stages, parsed once.
fn growth() -> &'static [Stage] {
    static STAGES: std::sync::OnceLock<Vec<Stage>> = std::sync::OnceLock::new();
    STAGES.get_or_init(|| {
        serde_json::from_str(include_str!("../data/growth.json")).expect("the growth path parses")
    })
}

/// The built-in growth path, in order: team-5 → team-8 → team-30 → ops-center.
pub fn growth_path() -> Vec<String> {
    let stages = growth();
    let mut path: Vec<String> = stages.iter().map(|s| s.from.clone()).collect();
    path.extend(stages.last().map(|s| s.to.clone()));
    path
}

fn key(p: &Position) -> String {
    p.lineage.clone().unwrap_or_else(|| p.id.to_string())
}

fn pos_ref(doc: &PlanDoc, p: &Position) -> PosRef {
    PosRef {
        id: p.id,
        title: p.title.clone(),
        department: p
            .department
            .and_then(|d| doc.department(d))
            .map(|d| d.name.clone())
            .unwrap_or_default(),
        headcount: p.headcount,
    }
}

fn plan_ref(doc: &PlanDoc) -> PlanRef {
    PlanRef {
        id: doc.plan.id,
        name: doc.plan.name.clone(),
        template: doc.plan.template.clone(),
        positions: doc.positions.len() as u32,
        headcount: doc.total_headcount(),
    }
}

/// The growth stage from A's template to B's, if they are consecutive on the path.
fn stage_between(a: &PlanDoc, b: &PlanDoc) -> Option<&'static Stage> {
    let (ta, tb) = (a.plan.template.as_deref()?, b.plan.template.as_deref()?);
    growth().iter().find(|s| s.from == ta && s.to == tb)
}

/// Pairs each position of `a` with at most one of `b`.
fn match_positions(a: &PlanDoc, b: &PlanDoc, stage: Option<&Stage>) -> HashMap<Id, Id> {
    let mut by_key: HashMap<String, Id> = HashMap::default();
    for p in &b.positions {
        by_key.entry(p.id.to_string()).or_insert(p.id);
        if let Some(l) = &p.lineage {
            by_key.entry(l.clone()).or_insert(p.id);
        }
    }
    let mut taken: HashSet<Id> = HashSet::default();
    let mut out = HashMap::default();
    let mut take = |from: Id, to: Option<Id>, out: &mut HashMap<Id, Id>| {
        if let Some(to) = to {
            if !out.contains_key(&from) && taken.insert(to) {
                out.insert(from, to);
            }
        }
    };
    for p in &a.positions {
        let found = by_key
            .get(&p.id.to_string())
            .or_else(|| by_key.get(&key(p)))
            .copied();
        take(p.id, found, &mut out);
    }
    if let Some(s) = stage {
        let seat_a: HashMap<String, Id> = a.positions.iter().map(|p| (key(p), p.id)).collect();
        for (from, to) in &s.same {
            let pa = seat_a.get(&format!("{}/{from}", s.from)).copied();
            let pb = by_key.get(&format!("{}/{to}", s.to)).copied();
            if let Some(pa) = pa {
                take(pa, pb, &mut out);
            }
        }
    }
    out
}

pub fn compare(a: &PlanDoc, b: &PlanDoc, lang: Lang) -> Comparison {
    let stage = stage_between(a, b);
    let matched = match_positions(a, b, stage);
    let back: HashMap<Id, Id> = matched.iter().map(|(x, y)| (*y, *x)).collect();
    let title_a = |id: Option<Id>| {
        id.and_then(|i| a.position(i))
            .map(|p| p.title.clone())
            .unwrap_or_default()
    };
    let title_b = |id: Option<Id>| {
        id.and_then(|i| b.position(i))
            .map(|p| p.title.clone())
            .unwrap_or_default()
    };

    let added: Vec<PosRef> = b
        .positions
        .iter()
        .filter(|p| !back.contains_key(&p.id))
        .map(|p| pos_ref(b, p))
        .collect();
    let removed = a
        .positions
        .iter()
        .filter(|p| !matched.contains_key(&p.id))
        .map(|p| Removed {
            position: pos_ref(a, p),
            anchor: p.parent.and_then(|x| matched.get(&x).copied()),
        })
        .collect();

    let (mut moved, mut renamed, mut headcount_changed) = (Vec::new(), Vec::new(), Vec::new());
    let mut pairs = Vec::new();
    for pb in &b.positions {
        let Some(pa) = back.get(&pb.id).and_then(|x| a.position(*x)) else {
            continue;
        };
        pairs.push((pa.id, pb.id));
        let parent_now = pa.parent.and_then(|x| matched.get(&x).copied());
        if pb.parent.is_some() && pa.parent.is_some() && parent_now != pb.parent {
            moved.push(Moved {
                position: pos_ref(b, pb),
                before: title_a(pa.parent),
                after: title_b(pb.parent),
            });
        }
        if pa.title != pb.title {
            renamed.push(Renamed {
                position: pos_ref(b, pb),
                before: pa.title.clone(),
                after: pb.title.clone(),
            });
        }
        if pa.headcount != pb.headcount {
            headcount_changed.push(HeadcountChanged {
                position: pos_ref(b, pb),
                before: pa.headcount,
                after: pb.headcount,
            });
        }
    }

    // Duties: a duty of A's position found in B under a position other than its match.
    let mut holders: HashMap<&str, Vec<&Position>> = HashMap::default();
    for p in &b.positions {
        for d in &p.duties {
            holders.entry(d.trim()).or_default().push(p);
        }
    }
    let mut duties_moved = Vec::new();
    for pa in &a.positions {
        let mine = matched.get(&pa.id).copied();
        for d in &pa.duties {
            let Some(hs) = holders.get(d.trim()) else {
                continue;
            };
            if hs.iter().any(|h| Some(h.id) == mine) {
                continue;
            }
            if let Some(h) = hs.first() {
                duties_moved.push(DutyMoved {
                    duty: d.clone(),
                    from: pos_ref(a, pa),
                    to: pos_ref(b, h),
                });
            }
        }
    }

    let (mut splits, mut hiring_order) = (Vec::new(), Vec::new());
    let added_ids: HashSet<Id> = added.iter().map(|p| p.id).collect();
    if let Some(s) = stage {
        let seats = |doc: &PlanDoc, template: &str, keys: &[String]| -> Vec<PosRef> {
            keys.iter()
                .filter_map(|k| {
                    let want = format!("{template}/{k}");
                    doc.positions
                        .iter()
                        .find(|p| p.lineage.as_deref() == Some(&want))
                })
                .map(|p| pos_ref(doc, p))
                .collect()
        };
        for l in &s.links {
            let from = seats(a, &s.from, &l.from);
            let into = seats(b, &s.to, &l.into);
            if from.is_empty() && into.is_empty() {
                continue;
            }
            splits.push(Split {
                from,
                into,
                reason: lang.pick(&l.zh, &l.en).to_string(),
            });
        }
        for h in &s.hiring {
            for p in seats(b, &s.to, std::slice::from_ref(&h.seat)) {
                if added_ids.contains(&p.id) {
                    hiring_order.push(Hire {
                        position: p,
                        reason: lang.pick(&h.zh, &h.en).to_string(),
                    });
                }
            }
        }
    }
    // Seats the growth path does not order come after, top of the tree first.
    let listed: HashSet<Id> = hiring_order.iter().map(|h| h.position.id).collect();
    hiring_order.extend(
        added
            .iter()
            .filter(|p| !listed.contains(&p.id))
            .map(|p| Hire {
                position: p.clone(),
                reason: String::new(),
            }),
    );

    let (ca, cb) = (cost(a), cost(b));
    let mut departments: Vec<DepartmentDelta> = Vec::new();
    let mut add_dept = |doc: &PlanDoc, dc: &crate::cost::DepartmentCost, is_a: bool| {
        let (name, color) = dc
            .department
            .and_then(|d| doc.department(d))
            .map(|d| (d.name.clone(), d.color.clone()))
            .unwrap_or_default();
        let row = match departments.iter_mut().position(|r| r.name == name) {
            Some(i) => &mut departments[i],
            None => {
                departments.push(DepartmentDelta {
                    name,
                    color,
                    headcount_a: 0,
                    headcount_b: 0,
                    monthly_a: Payroll::default(),
                    monthly_b: Payroll::default(),
                });
                departments.last_mut().expect("just pushed")
            }
        };
        if is_a {
            row.headcount_a += dc.headcount;
            row.monthly_a = dc.monthly;
        } else {
            row.headcount_b += dc.headcount;
            row.monthly_b = dc.monthly;
        }
    };
    for d in &cb.departments {
        add_dept(b, d, false);
    }
    for d in &ca.departments {
        add_dept(a, d, true);
    }
    let monthly = cb.monthly.mid() as i64 - ca.monthly.mid() as i64;
    Comparison {
        a: plan_ref(a),
        b: plan_ref(b),
        added,
        removed,
        moved,
        renamed,
        headcount_changed,
        duties_moved,
        splits,
        hiring_order,
        departments,
        cost_delta: CostDelta {
            monthly_a: ca.monthly,
            monthly_b: cb.monthly,
            monthly,
            yearly: monthly * 12,
        },
        matched: pairs,
    }
}
