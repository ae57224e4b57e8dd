//! The KPI cascade (目标分解到岗): the plan's goals as a tree, each with the KPI points that
//! serve it and the positions that own them, top of the reporting tree first. A goal is owned
//! when at least one KPI point links to it.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Goal, GoalKind, Id, PlanDoc};

/// A KPI point serving a goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct CascadeLink {
    pub position: Id,
    pub title: String,
    /// Levels below the top of the reporting tree.
    pub depth: u32,
    /// The KPI point's index in the position's list.
    pub kpi: u32,
    pub metric: String,
    pub target: String,
    pub weight: u32,
}

/// A goal with its place in the goal tree and its links.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct CascadeNode {
    pub goal: Goal,
    /// Levels below a top-level goal.
    pub depth: u32,
    pub links: Vec<CascadeLink>,
}

/// Goals in tree order (each goal followed by its sub-goals, in the plan's order), each with
/// its KPI links ordered level by level down the reporting tree.
pub fn cascade(doc: &PlanDoc) -> Vec<CascadeNode> {
    let mut depth_of: HashMap<Id, u32> =
        HashMap::with_capacity_and_hasher(doc.positions.len(), Default::default());
    for p in &doc.positions {
        let d = p.parent.and_then(|x| depth_of.get(&x)).map_or(0, |d| d + 1);
        depth_of.insert(p.id, d);
    }
    let mut links: HashMap<Id, Vec<CascadeLink>> = HashMap::default();
    // Positions are in pre-order, so pushing in their order gives the top of the tree first.
    for p in &doc.positions {
        for (i, k) in p.kpis.iter().enumerate() {
            if let Some(g) = k.goal {
                links.entry(g).or_default().push(CascadeLink {
                    position: p.id,
                    title: p.title.clone(),
                    depth: depth_of.get(&p.id).copied().unwrap_or(0),
                    kpi: i as u32,
                    metric: k.metric.clone(),
                    target: k.target.clone(),
                    weight: k.weight,
                });
            }
        }
    }
    // Level by level down the tree; within a level, in tree order (the sort is stable).
    for l in links.values_mut() {
        l.sort_by_key(|l| l.depth);
    }
    let mut out = Vec::with_capacity(doc.goals.len());
    let known: HashSet<Id> = doc.goals.iter().map(|g| g.id).collect();
    let mut stack: Vec<(&Goal, u32)> = doc
        .goals
        .iter()
        .filter(|g| g.parent.is_none_or(|p| !known.contains(&p)))
        .rev()
        .map(|g| (g, 0))
        .collect();
    while let Some((g, depth)) = stack.pop() {
        out.push(CascadeNode {
            goal: g.clone(),
            depth,
            links: links.remove(&g.id).unwrap_or_default(),
        });
        stack.extend(
            doc.goals
                .iter()
                .filter(|c| c.parent == Some(g.id))
                .rev()
                .map(|c| (c, depth + 1)),
        );
    }
    out
}

/// For a sales goal with a traffic, a conversion and a basket sub-goal: the sales the three
/// give (visitors × conversion % × basket size) and the goal's own target.
pub fn factor_product(doc: &PlanDoc, goal: &Goal) -> Option<(f64, f64)> {
    if goal.kind != GoalKind::Gmv {
        return None;
    }
    let factor = |kind: GoalKind| {
        doc.goals
            .iter()
            .find(|g| g.parent == Some(goal.id) && g.kind == kind && g.period == goal.period)
            .map(|g| g.target)
    };
    let traffic = factor(GoalKind::Traffic)?;
    let conversion = factor(GoalKind::Conversion)?;
    let basket = factor(GoalKind::Basket)?;
    Some((traffic * conversion / 100.0 * basket, goal.target))
}
