//! Layout: a pure function from the tree to card positions, top-down. Parents are centred over
//! their children; subtrees are packed side by side without overlapping. Collapsed branches
//! are hidden. Nothing here is stored; only what a user pins would be.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Id, PlanDoc};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct LayoutOptions {
    pub card_width: f64,
    pub card_height: f64,
    pub gap_x: f64,
    pub gap_y: f64,
    /// Positions whose subordinates are hidden.
    pub collapsed: Vec<Id>,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            card_width: 180.0,
            card_height: 72.0,
            gap_x: 24.0,
            gap_y: 56.0,
            collapsed: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct NodeBox {
    pub id: Id,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    pub depth: u32,
    /// Subordinates hidden under a collapsed card.
    pub hidden: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Layout {
    pub nodes: Vec<NodeBox>,
    pub width: f64,
    pub height: f64,
}

/// Lays the visible tree out. The left-most card's left edge is at x = 0, the root at y = 0.
pub fn layout(doc: &PlanDoc, opts: &LayoutOptions) -> Layout {
    let Some(root) = doc.root() else {
        return Layout::default();
    };
    let mut kids: HashMap<Id, Vec<Id>> = HashMap::with_capacity(doc.positions.len());
    for p in &doc.positions {
        if let Some(parent) = p.parent {
            kids.entry(parent).or_default().push(p.id);
        }
    }
    let collapsed: HashSet<Id> = opts.collapsed.iter().copied().collect();

    // Each subtree is laid out on its own, as a list of (left, right) extents per depth; a
    // subtree is shifted right until it clears its left siblings at every depth (the contour
    // method of Reingold and Tilford, with the contours kept per level).
    struct Sub {
        x: HashMap<Id, f64>,
        contour: Vec<(f64, f64)>,
    }
    fn place(
        id: Id,
        kids: &HashMap<Id, Vec<Id>>,
        collapsed: &HashSet<Id>,
        width: f64,
        gap: f64,
    ) -> Sub {
        let children: &[Id] = if collapsed.contains(&id) {
            &[]
        } else {
            kids.get(&id).map(Vec::as_slice).unwrap_or(&[])
        };
        if children.is_empty() {
            let mut x = HashMap::new();
            x.insert(id, 0.0);
            return Sub {
                x,
                contour: vec![(0.0, width)],
            };
        }
        let mut acc = Sub {
            x: HashMap::new(),
            contour: Vec::new(),
        };
        let mut child_x = Vec::with_capacity(children.len());
        for &c in children {
            let sub = place(c, kids, collapsed, width, gap);
            let mut shift: f64 = 0.0;
            if !acc.contour.is_empty() {
                shift = f64::MIN;
                for (level, &(left, _)) in sub.contour.iter().enumerate() {
                    if let Some(&(_, right)) = acc.contour.get(level) {
                        shift = shift.max(right + gap - left);
                    }
                }
            }
            for (level, &(l, r)) in sub.contour.iter().enumerate() {
                match acc.contour.get_mut(level) {
                    Some(e) => e.1 = e.1.max(r + shift),
                    None => acc.contour.push((l + shift, r + shift)),
                }
            }
            child_x.push(sub.x[&c] + shift);
            for (k, v) in sub.x {
                acc.x.insert(k, v + shift);
            }
        }
        let first = child_x[0];
        let last = child_x[child_x.len() - 1];
        let me = (first + last) / 2.0;
        acc.x.insert(id, me);
        let mut contour = vec![(me, me + width)];
        contour.extend(acc.contour);
        Sub { x: acc.x, contour }
    }

    let sub = place(root.id, &kids, &collapsed, opts.card_width, opts.gap_x);
    let min_x = sub.contour.iter().map(|c| c.0).fold(f64::MAX, f64::min);
    let max_x = sub.contour.iter().map(|c| c.1).fold(f64::MIN, f64::max);
    let levels = sub.contour.len();

    let mut nodes = Vec::with_capacity(sub.x.len());
    let mut stack = vec![(root.id, 0u32)];
    while let Some((id, depth)) = stack.pop() {
        let children = kids.get(&id).map(Vec::as_slice).unwrap_or(&[]);
        let hidden = if collapsed.contains(&id) {
            count_below(id, &kids)
        } else {
            stack.extend(children.iter().rev().map(|&c| (c, depth + 1)));
            0
        };
        nodes.push(NodeBox {
            id,
            x: sub.x[&id] - min_x,
            y: f64::from(depth) * (opts.card_height + opts.gap_y),
            depth,
            hidden,
        });
    }
    Layout {
        nodes,
        width: max_x - min_x,
        height: levels as f64 * (opts.card_height + opts.gap_y) - opts.gap_y,
    }
}

fn count_below(id: Id, kids: &HashMap<Id, Vec<Id>>) -> u32 {
    let mut n = 0;
    let mut stack = vec![id];
    while let Some(at) = stack.pop() {
        if let Some(children) = kids.get(&at) {
            n += children.len() as u32;
            stack.extend(children);
        }
    }
    n
}
