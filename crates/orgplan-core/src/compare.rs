//! Comparing two plans (方案对比): what was added, removed, moved, renamed and resized, which
//! duties changed hands, the headcount and payroll per department, and — between consecutive
//! stages of the built-in growth path (team-5 → team-8 → team-30 → ops-center) — which seats
//! split into which, why, and in what order to hire.
//!
//! Positions are matched by id, then by lineage (a scenario's copy carries the seat it was
//! copied from; a template's seat is `template/seat`), then by the growth path's list of seats
//! that carry on into the next stage; outside the growth path, then by library role (a team
//! imported from a roster against a template: its 客服 is the template's 售前客服), then by
//! title.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cost::{figures, main_seat, Payroll, PlanFigures};
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

/// New people to find for plan B: `count` people for one seat, in the order to hire them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Hire {
    /// The seat they fill, in plan B.
    pub position: PosRef,
    pub count: u32,
    /// Why now (from the growth path); empty for seats it does not know.
    pub reason: String,
}

/// A person of plan A who held several seats (兼任) and, in plan B, keeps one of them while
/// the others go to other people: a split of their work, not a hire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct SeatSplit {
    pub person: String,
    /// Their seats in plan A.
    pub from: Vec<PosRef>,
    /// The seat they hold in plan B.
    pub kept: PosRef,
    /// The plan B seats their other seats became, now held by someone else.
    pub handed: Vec<PosRef>,
    /// From the growth path, empty where it says nothing.
    pub reason: String,
}

/// A person of plan A with no seat in plan B.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Leaver {
    pub person: String,
    /// Their main seat in plan A.
    pub position: PosRef,
}

/// People, seats and payroll of one department (matched by name) in both plans.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct DepartmentDelta {
    /// Empty for positions without a department.
    pub name: String,
    pub color: String,
    pub people_a: u32,
    pub people_b: u32,
    /// 编制 (seats planned).
    pub headcount_a: u32,
    pub headcount_b: u32,
    pub monthly_a: Payroll,
    pub monthly_b: Payroll,
    /// B − A.
    pub people_delta: i64,
    pub headcount_delta: i64,
    pub monthly: PayrollDelta,
}

/// A difference of two payroll ranges (B − A), low to low and high to high, in yuan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PayrollDelta {
    pub min: i64,
    pub max: i64,
}

impl PayrollDelta {
    pub fn between(a: Payroll, b: Payroll) -> PayrollDelta {
        PayrollDelta {
            min: b.min as i64 - a.min as i64,
            max: b.max as i64 - a.max as i64,
        }
    }
}

/// Payroll of both plans (people and vacancies, as `plan_summary` gives it) and the difference
/// (B − A), monthly and yearly, as ranges in yuan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct CostDelta {
    pub monthly_a: Payroll,
    pub monthly_b: Payroll,
    pub monthly: PayrollDelta,
    pub yearly: PayrollDelta,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanRef {
    pub id: Id,
    pub name: String,
    pub template: Option<String>,
    pub positions: u32,
    /// 编制 (seats planned).
    pub headcount: u32,
    /// People: persons + vacancies.
    pub people: u32,
    pub seats_fte: f64,
    pub payroll_monthly: Payroll,
    /// Positions without a pay band, not in the payroll.
    pub unpriced: u32,
}

/// B − A of the counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct CountDeltas {
    pub people: i64,
    pub positions: i64,
    pub headcount: i64,
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
    /// People of A who held several seats and now keep one (兼任拆分).
    pub seat_splits: Vec<SeatSplit>,
    /// The new people to find, in order; their counts add up to `hires`.
    pub hiring_order: Vec<Hire>,
    pub hires: u32,
    /// People of A with no seat in B.
    pub leavers: Vec<Leaver>,
    pub departments: Vec<DepartmentDelta>,
    pub deltas: CountDeltas,
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

fn plan_ref(doc: &PlanDoc, f: &PlanFigures) -> PlanRef {
    PlanRef {
        id: doc.plan.id,
        name: doc.plan.name.clone(),
        template: doc.plan.template.clone(),
        positions: f.positions,
        headcount: f.headcount,
        people: f.people,
        seats_fte: f.seats_fte,
        payroll_monthly: f.payroll_monthly,
        unpriced: f.unpriced,
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
        // The growth path says which seats carry on; the rest split or are new.
        return out;
    }
    // Plans with no common seats (an imported team against a template, two teams drawn
    // apart): a position is the other plan's position that stands for the same library role
    // (the same title first), else the one with the same title.
    let free_b = |out: &HashMap<Id, Id>| -> HashSet<Id> {
        let used: HashSet<Id> = out.values().copied().collect();
        b.positions
            .iter()
            .map(|p| p.id)
            .filter(|id| !used.contains(id))
            .collect()
    };
    let mut free = free_b(&out);
    for p in &a.positions {
        if out.contains_key(&p.id) {
            continue;
        }
        let Some(role) = &p.role else { continue };
        let same_role =
            |q: &&std::sync::Arc<Position>| free.contains(&q.id) && q.role.as_ref() == Some(role);
        let found = b
            .positions
            .iter()
            .filter(same_role)
            .find(|q| q.title == p.title)
            .or_else(|| b.positions.iter().find(same_role))
            .map(|q| q.id);
        if let Some(q) = found {
            free.remove(&q);
            out.insert(p.id, q);
        }
    }
    for p in &a.positions {
        if out.contains_key(&p.id) {
            continue;
        }
        let found = b
            .positions
            .iter()
            .find(|q| free.contains(&q.id) && q.title == p.title)
            .map(|q| q.id);
        if let Some(q) = found {
            free.remove(&q);
            out.insert(p.id, q);
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

    let mut splits = Vec::new();
    if let Some(s) = stage {
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
    }

    let (fa, fb) = (figures(a), figures(b));
    let people = carry_people(a, b, &matched, &fa, &fb);
    let seat_splits = seat_splits(a, b, &matched, &people, stage, lang);
    let leavers = people
        .leavers
        .iter()
        .filter_map(|&i| {
            let person = &a.people[i];
            let seat = main_seat(person).and_then(|s| a.position(s))?;
            Some(Leaver {
                person: person.name.clone(),
                position: pos_ref(a, seat),
            })
        })
        .collect();

    // The hires: B's seats with people still to find, the growth path's order first, then
    // the tree's.
    let mut open: Vec<(Id, u32)> = people.open.clone();
    let mut hiring_order = Vec::new();
    if let Some(s) = stage {
        for h in &s.hiring {
            for p in seats(b, &s.to, std::slice::from_ref(&h.seat)) {
                if let Some(slot) = open.iter_mut().find(|(id, n)| *id == p.id && *n > 0) {
                    hiring_order.push(Hire {
                        position: p,
                        count: std::mem::take(&mut slot.1),
                        reason: lang.pick(&h.zh, &h.en).to_string(),
                    });
                }
            }
        }
    }
    for (id, n) in open.into_iter().filter(|(_, n)| *n > 0) {
        if let Some(p) = b.position(id) {
            hiring_order.push(Hire {
                position: pos_ref(b, p),
                count: n,
                reason: String::new(),
            });
        }
    }
    let hires = hiring_order.iter().map(|h| h.count).sum();

    let mut departments: Vec<DepartmentDelta> = Vec::new();
    let mut add_dept = |doc: &PlanDoc, dc: &crate::cost::DepartmentFigures, is_a: bool| {
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
                    people_a: 0,
                    people_b: 0,
                    headcount_a: 0,
                    headcount_b: 0,
                    monthly_a: Payroll::default(),
                    monthly_b: Payroll::default(),
                    people_delta: 0,
                    headcount_delta: 0,
                    monthly: PayrollDelta::default(),
                });
                departments.last_mut().expect("just pushed")
            }
        };
        if is_a {
            row.people_a += dc.people;
            row.headcount_a += dc.headcount;
            row.monthly_a.add(dc.payroll_monthly);
        } else {
            row.people_b += dc.people;
            row.headcount_b += dc.headcount;
            row.monthly_b.add(dc.payroll_monthly);
        }
    };
    for d in &fb.departments {
        add_dept(b, d, false);
    }
    for d in &fa.departments {
        add_dept(a, d, true);
    }
    for d in &mut departments {
        d.people_delta = i64::from(d.people_b) - i64::from(d.people_a);
        d.headcount_delta = i64::from(d.headcount_b) - i64::from(d.headcount_a);
        d.monthly = PayrollDelta::between(d.monthly_a, d.monthly_b);
    }
    let monthly = PayrollDelta::between(fa.payroll_monthly, fb.payroll_monthly);
    Comparison {
        a: plan_ref(a, &fa),
        b: plan_ref(b, &fb),
        added,
        removed,
        moved,
        renamed,
        headcount_changed,
        duties_moved,
        splits,
        seat_splits,
        hiring_order,
        hires,
        leavers,
        departments,
        deltas: CountDeltas {
            people: i64::from(fb.people) - i64::from(fa.people),
            positions: i64::from(fb.positions) - i64::from(fa.positions),
            headcount: i64::from(fb.headcount) - i64::from(fa.headcount),
        },
        cost_delta: CostDelta {
            monthly_a: fa.payroll_monthly,
            monthly_b: fb.payroll_monthly,
            monthly,
            yearly: PayrollDelta::between(fa.payroll_yearly, fb.payroll_yearly),
        },
        matched: pairs,
    }
}

/// The plan B seats (by the growth path's seat keys) of a template.
fn seats(doc: &PlanDoc, template: &str, keys: &[String]) -> Vec<PosRef> {
    keys.iter()
        .filter_map(|k| {
            let want = format!("{template}/{k}");
            doc.positions
                .iter()
                .find(|p| p.lineage.as_deref() == Some(&want))
        })
        .map(|p| pos_ref(doc, p))
        .collect()
}

/// Where plan A's people go in plan B.
struct Carried {
    /// For each person of A (by index), the plan B seat they take, if any.
    seat_of: Vec<Option<Id>>,
    /// People of A with no seat in B (indices).
    leavers: Vec<usize>,
    /// Plan B seats with places nobody from A takes: (seat, how many), in B's tree order.
    open: Vec<(Id, u32)>,
}

/// Plan B's places are its persons (at their main seat) and its vacancies. A person of A takes
/// the place of the same person in B (same id, else same name), else a vacancy of the B seat
/// that one of their seats became (their largest share first). A vacancy of A carries into a
/// vacancy of the seat it became. What is left of B's places, and B's people who are not in A,
/// are the people to find.
fn carry_people(
    a: &PlanDoc,
    b: &PlanDoc,
    matched: &HashMap<Id, Id>,
    fa: &PlanFigures,
    fb: &PlanFigures,
) -> Carried {
    let mut vacant: HashMap<Id, u32> = fb
        .by_position
        .iter()
        .filter(|p| p.vacancies > 0)
        .map(|p| (p.position, p.vacancies))
        .collect();
    let mut b_taken = vec![false; b.people.len()];
    let mut seat_of: Vec<Option<Id>> = vec![None; a.people.len()];
    let mut placed = vec![false; a.people.len()];
    for (i, pa) in a.people.iter().enumerate() {
        let same = b
            .people
            .iter()
            .enumerate()
            .position(|(j, pb)| !b_taken[j] && pb.id == pa.id)
            .or_else(|| {
                b.people
                    .iter()
                    .enumerate()
                    .position(|(j, pb)| !b_taken[j] && pb.name.trim() == pa.name.trim())
            });
        if let Some(j) = same {
            b_taken[j] = true;
            placed[i] = true;
            seat_of[i] = main_seat(&b.people[j]);
        }
    }
    for (i, pa) in a.people.iter().enumerate() {
        if placed[i] {
            continue;
        }
        let mut mine: Vec<_> = pa.assignments.iter().collect();
        mine.sort_by_key(|x| std::cmp::Reverse(x.share));
        for asg in mine {
            let Some(&to) = matched.get(&asg.position) else {
                continue;
            };
            if let Some(n) = vacant.get_mut(&to).filter(|n| **n > 0) {
                *n -= 1;
                placed[i] = true;
                seat_of[i] = Some(to);
                break;
            }
        }
    }
    for p in fa.by_position.iter().filter(|p| p.vacancies > 0) {
        if let Some(n) = matched.get(&p.position).and_then(|to| vacant.get_mut(to)) {
            *n -= p.vacancies.min(*n);
        }
    }
    // People of B who are not in A are new people too, at their main seat.
    for (j, pb) in b.people.iter().enumerate() {
        if let (false, Some(seat)) = (b_taken[j], main_seat(pb)) {
            *vacant.entry(seat).or_default() += 1;
        }
    }
    let leavers = (0..a.people.len()).filter(|&i| !placed[i]).collect();
    let open = b
        .positions
        .iter()
        .filter_map(|p| vacant.get(&p.id).map(|&n| (p.id, n)))
        .filter(|(_, n)| *n > 0)
        .collect();
    Carried {
        seat_of,
        leavers,
        open,
    }
}

/// People of A who held several seats and keep one in B while the B seats their other seats
/// became go to someone else.
fn seat_splits(
    a: &PlanDoc,
    b: &PlanDoc,
    matched: &HashMap<Id, Id>,
    people: &Carried,
    stage: Option<&Stage>,
    lang: Lang,
) -> Vec<SeatSplit> {
    let mut out = Vec::new();
    for (i, pa) in a.people.iter().enumerate() {
        let Some(kept) = people.seat_of[i].and_then(|s| b.position(s)) else {
            continue;
        };
        if pa.assignments.len() < 2 {
            continue;
        }
        let handed: Vec<PosRef> = pa
            .assignments
            .iter()
            .filter_map(|x| matched.get(&x.position))
            .filter(|&&to| to != kept.id)
            .filter(|&&to| {
                // Still theirs if they hold it in B too.
                !b.people.iter().any(|pb| {
                    pb.name.trim() == pa.name.trim()
                        && pb.assignments.iter().any(|x| x.position == to)
                })
            })
            .filter_map(|&to| b.position(to))
            .map(|p| pos_ref(b, p))
            .collect();
        if handed.is_empty() {
            continue;
        }
        let from: Vec<PosRef> = pa
            .assignments
            .iter()
            .filter_map(|x| a.position(x.position))
            .map(|p| pos_ref(a, p))
            .collect();
        let keys: HashSet<String> = pa
            .assignments
            .iter()
            .filter_map(|x| a.position(x.position))
            .map(key)
            .collect();
        let reason = stage
            .and_then(|s| {
                s.links.iter().find(|l| {
                    l.from.len() > 1
                        && l.from
                            .iter()
                            .all(|k| keys.contains(&format!("{}/{k}", s.from)))
                })
            })
            .map(|l| lang.pick(&l.zh, &l.en).to_string())
            .unwrap_or_default();
        out.push(SeatSplit {
            person: pa.name.clone(),
            from,
            kept: pos_ref(b, kept),
            handed,
            reason,
        });
    }
    out
}
