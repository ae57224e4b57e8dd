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
    pub weight: crate::model::Weight,
}

/// A goal with its place in the goal tree and its links.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct CascadeNode {
    pub goal: Goal,
    /// Levels below a top-level goal.
    pub depth: u32,
    pub links: Vec<CascadeLink>,
    /// For a sales goal with traffic, conversion and basket sub-goals: what they multiply to.
    pub factors: Option<Factors>,
}

/// A sales goal's factors (销售额 = 流量 × 转化率 × 客单价) and what they give.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Factors {
    pub traffic: Id,
    pub conversion: Id,
    pub basket: Id,
    /// Visitors × conversion % × basket size, rounded to whole yuan.
    pub product: f64,
    pub target: f64,
    /// More than [`FACTOR_TOLERANCE`] away from the target (the `goal_factors` finding).
    pub off: bool,
}

/// How far the factors may miss a sales goal's target before it is flagged: 5 %.
pub const FACTOR_TOLERANCE: f64 = 0.05;

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
            factors: factors(doc, g),
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

/// For a sales goal with a traffic, a conversion and a basket sub-goal of the same period: the
/// sales the three give (visitors × conversion % × basket size) against the goal's own target.
/// The one place this product is computed; the cascade view and the finding read it.
pub fn factors(doc: &PlanDoc, goal: &Goal) -> Option<Factors> {
    if goal.kind != GoalKind::Gmv {
        return None;
    }
    let factor = |kind: GoalKind| {
        doc.goals
            .iter()
            .find(|g| g.parent == Some(goal.id) && g.kind == kind && g.period == goal.period)
    };
    let traffic = factor(GoalKind::Traffic)?;
    let conversion = factor(GoalKind::Conversion)?;
    let basket = factor(GoalKind::Basket)?;
    let product = (traffic.target * conversion.target / 100.0 * basket.target).round();
    let target = goal.target;
    Some(Factors {
        traffic: traffic.id,
        conversion: conversion.id,
        basket: basket.id,
        product,
        target,
        off: target > 0.0 && ((product - target) / target).abs() > FACTOR_TOLERANCE,
    })
}
