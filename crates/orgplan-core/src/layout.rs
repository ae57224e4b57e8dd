//! Layout: a pure function from the tree to card positions, top-down. Parents are centred over
//! their children; subtrees are packed side by side without overlapping. Collapsed branches
//! are hidden. Nothing here is stored; only what a user pins would be.

use rustc_hash::FxHashSet as HashSet;

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
///
/// Each subtree is laid out in its own frame with a contour (its left and right edge at every
/// depth); a subtree is shifted right until it clears its left siblings at every depth (the
/// contour method of Reingold and Tilford, with contours kept per level). Frames are shifted,
/// never copied, so the work is proportional to positions × depth.
pub fn layout(doc: &PlanDoc, opts: &LayoutOptions) -> Layout {
    let Some(root) = doc.root() else {
        return Layout::default();
    };
    let n = doc.positions.len();
    let index = doc.position_index();
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, p) in doc.positions.iter().enumerate() {
        if let Some(parent) = p.parent.and_then(|id| index.get(&id)) {
            kids[*parent].push(i);
        }
    }
    let collapsed: HashSet<usize> = opts
        .collapsed
        .iter()
        .filter_map(|id| index.get(id).copied())
        .collect();

    struct Frames {
        /// The node's x in its own subtree's frame.
        own: Vec<f64>,
        /// Where the node's subtree frame sits in its parent's frame.
        shift: Vec<f64>,
    }
    fn place(
        at: usize,
        kids: &[Vec<usize>],
        collapsed: &HashSet<usize>,
        width: f64,
        gap: f64,
        f: &mut Frames,
    ) -> Vec<(f64, f64)> {
        let children: &[usize] = if collapsed.contains(&at) {
            &[]
        } else {
            &kids[at]
        };
        if children.is_empty() {
            f.own[at] = 0.0;
            return vec![(0.0, width)];
        }
        let mut contour: Vec<(f64, f64)> = Vec::new();
        let (mut first, mut last) = (0.0, 0.0);
        for (k, &c) in children.iter().enumerate() {
            let sub = place(c, kids, collapsed, width, gap, f);
            let mut shift = 0.0;
            if !contour.is_empty() {
                shift = f64::MIN;
                for (level, &(left, _)) in sub.iter().enumerate() {
                    if let Some(&(_, right)) = contour.get(level) {
                        shift = shift.max(right + gap - left);
                    }
                }
            }
            for (level, &(l, r)) in sub.iter().enumerate() {
                match contour.get_mut(level) {
                    Some(e) => e.1 = e.1.max(r + shift),
                    None => contour.push((l + shift, r + shift)),
                }
            }
            f.shift[c] = shift;
            let x = shift + f.own[c];
            if k == 0 {
                first = x;
            }
            last = x;
        }
        let me = (first + last) / 2.0;
        f.own[at] = me;
        let mut out = Vec::with_capacity(contour.len() + 1);
        out.push((me, me + width));
        out.extend(contour);
        out
    }

    let r = index[&root.id];
    let mut f = Frames {
        own: vec![0.0; n],
        shift: vec![0.0; n],
    };
    let contour = place(r, &kids, &collapsed, opts.card_width, opts.gap_x, &mut f);
    let min_x = contour.iter().map(|c| c.0).fold(f64::MAX, f64::min);
    let max_x = contour.iter().map(|c| c.1).fold(f64::MIN, f64::max);

    let mut nodes = Vec::with_capacity(n);
    // (node, its frame's absolute x, depth)
    let mut stack = vec![(r, 0.0, 0u32)];
    while let Some((at, frame, depth)) = stack.pop() {
        let hidden = if collapsed.contains(&at) {
            count_below(at, &kids)
        } else {
            for &c in kids[at].iter().rev() {
                stack.push((c, frame + f.shift[c], depth + 1));
            }
            0
        };
        nodes.push(NodeBox {
            id: doc.positions[at].id,
            x: frame + f.own[at] - min_x,
            y: f64::from(depth) * (opts.card_height + opts.gap_y),
            depth,
            hidden,
        });
    }
    Layout {
        nodes,
        width: max_x - min_x,
        height: contour.len() as f64 * (opts.card_height + opts.gap_y) - opts.gap_y,
    }
}

fn count_below(at: usize, kids: &[Vec<usize>]) -> u32 {
    let mut n = 0;
    let mut stack = vec![at];
    while let Some(i) = stack.pop() {
        n += kids[i].len() as u32;
        stack.extend(&kids[i]);
    }
    n
}
