// The chart's layout: a pure function from the plan's tree to card boxes, top-down
// (d3-hierarchy's tidy tree). Parents are centred over their children, subtrees never overlap,
// collapsed branches are hidden. Nothing here touches the DOM; tested in layout.test.ts.
import { hierarchy, tree } from "d3-hierarchy";
import type { HierarchyPointNode } from "d3-hierarchy";
import type { PlanDoc } from "../../generated/PlanDoc";

export interface CardSizes {
  /** Card width. */
  width: number;
  /** Card height. */
  height: number;
  /** Horizontal gap between neighbouring sibling cards. */
  gapX: number;
  /** Vertical gap between levels. */
  gapY: number;
}

export const DEFAULT_SIZES: CardSizes = { width: 184, height: 76, gapX: 20, gapY: 60 };

/** How far left of a stacked column (or wrapped rows) its connector runs. */
const STACK_SPINE = 14;
const WRAP_SPINE = 18;

/** Vertical gap between cards stacked in a column (compact layout). */
export const STACK_GAP = 14;

export interface LayoutOptions {
  /** Compact layout: a superior below the root whose subordinates are all leaves (at least
   * two) gets them as a column under it instead of a row; five or more narrow branches under
   * the root wrap into rows of at most four. */
  stackLeaves?: boolean;
}

/** Vertical gap between the rows of a wrapped group. */
export const WRAP_GAP = 44;
const WRAP_MIN = 5;
const WRAP_MAX_COLS = 4;

/** Extra room between cards of different superiors, in units of a sibling step. */
const COUSIN_SEPARATION = 1.18;

export interface LaidNode {
  id: string;
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
  /** 0 for the root. */
  depth: number;
  parent: string | null;
  /** Visible subordinates, in order. */
  children: string[];
  /** All direct subordinates, visible or not. */
  childCount: number;
  /** Positions hidden below this card because it is collapsed (0 when expanded). */
  hidden: number;
  /** Place among its siblings (0-based) and their number. */
  index: number;
  siblings: number;
  /** In a column of leaves under its superior (compact layout). */
  stacked: boolean;
  /** Row of a wrapped group of the root's subordinates (compact layout); 0 otherwise. */
  row: number;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface TreeLayout {
  /** Visible cards in pre-order (superior before subordinates, siblings in order). */
  nodes: LaidNode[];
  byId: Map<string, LaidNode>;
  bounds: Bounds;
  sizes: CardSizes;
  /** Gap between the rows of the root's wrapped subordinates; 0 when they are one row. */
  wrapGap: number;
}

interface Datum {
  id: string;
  kids: Datum[];
  /** A placeholder that reserves a column for stacked leaves: the leaves (on the first
   * placeholder of a chain) and the next placeholder down. */
  stack?: { leaves: Datum[]; next: Datum | null };
}

const EMPTY_BOUNDS: Bounds = { minX: 0, minY: 0, maxX: 0, maxY: 0 };

/**
 * Lays the visible tree out. The root's card is centred on x = 0 with its top at y = 0.
 * Positions whose superior is missing are ignored; if several positions have no superior,
 * the first one is the root.
 */
export function layoutTree(
  doc: PlanDoc,
  collapsed: Iterable<string>,
  sizes: CardSizes = DEFAULT_SIZES,
  options: LayoutOptions = {},
): TreeLayout {
  const folded = new Set(collapsed);
  const data = new Map<string, Datum>();
  for (const p of doc.positions) data.set(p.id, { id: p.id, kids: [] });
  let rootDatum: Datum | undefined;
  for (const p of doc.positions) {
    const d = data.get(p.id)!;
    if (p.parent === null) {
      rootDatum ??= d;
    } else {
      data.get(p.parent)?.kids.push(d);
    }
  }
  if (!rootDatum) return { nodes: [], byId: new Map(), bounds: EMPTY_BOUNDS, sizes, wrapGap: 0 };

  // Count descendants once (iteratively: deep chains must not blow the stack).
  const descendants = new Map<string, number>();
  const depthOf = new Map<string, number>([[rootDatum.id, 0]]);
  const order: Datum[] = [];
  const seen = new Set<string>();
  const todo: Datum[] = [rootDatum];
  while (todo.length) {
    const d = todo.pop()!;
    if (seen.has(d.id)) continue; // defensive: a malformed plan with a cycle
    seen.add(d.id);
    order.push(d);
    for (let i = d.kids.length - 1; i >= 0; i--) {
      depthOf.set(d.kids[i].id, depthOf.get(d.id)! + 1);
      todo.push(d.kids[i]);
    }
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const d = order[i];
    let n = 0;
    for (const k of d.kids) n += 1 + (descendants.get(k.id) ?? 0);
    descendants.set(d.id, n);
  }

  const stepX = sizes.width + sizes.gapX;
  const stepY = sizes.height + sizes.gapY;
  const stackStep = sizes.height + STACK_GAP;

  // Compact layout: replace a column of leaves by a chain of placeholders, one per level the
  // column reaches down to, so the tidy tree keeps neighbours clear of all of it.
  const stackFor = (d: Datum): Datum[] | null => {
    if (!options.stackLeaves || folded.has(d.id) || d.kids.length < 2) return null;
    if ((depthOf.get(d.id) ?? 0) < 1) return null;
    if (d.kids.some((k) => k.kids.length > 0)) return null;
    const n = d.kids.length;
    const levels = Math.max(1, Math.ceil((n * stackStep - STACK_GAP) / stepY));
    let next: Datum | null = null;
    for (let i = levels - 1; i >= 0; i--) {
      next = { id: `\u0000stack:${d.id}:${i}`, kids: [], stack: { leaves: i === 0 ? d.kids : [], next } };
    }
    return [next!];
  };
  const childrenOf = (d: Datum): Datum[] | null => {
    if (d.stack) return d.stack.next ? [d.stack.next] : null;
    if (folded.has(d.id)) return null;
    return stackFor(d) ?? d.kids;
  };

  /** Tidy-tree layout of the branch under `start`: its card centred on x = 0, top at y = 0,
   * depths counted from it. `start` itself gets no superior, index 0 of 1. */
  const tidy = (start: Datum): Branch => {
    const h = hierarchy<Datum>(start, childrenOf);
    const laid = tree<Datum>()
      .nodeSize([stepX, stepY])
      .separation((a, b) => (a.parent === b.parent ? 1 : COUSIN_SEPARATION))(h);
    const out: Branch = { nodes: [], minX: Infinity, maxX: -Infinity, maxY: -Infinity };
    const push = (node: LaidNode) => {
      out.nodes.push(node);
      out.minX = Math.min(out.minX, node.x);
      out.maxX = Math.max(out.maxX, node.x + sizes.width);
      out.maxY = Math.max(out.maxY, node.y + sizes.height);
    };
    laid.eachBefore((n: HierarchyPointNode<Datum>) => {
      const d = n.data;
      if (d.stack) {
        // The head of a chain places the column; the rest only reserved room.
        const leaves = d.stack.leaves;
        leaves.forEach((leaf, i) => {
          push({
            id: leaf.id,
            x: n.x - sizes.width / 2,
            y: n.depth * stepY + i * stackStep,
            depth: n.depth,
            parent: n.parent!.data.id,
            children: [],
            childCount: 0,
            hidden: 0,
            index: i,
            siblings: leaves.length,
            stacked: true,
            row: 0,
          });
        });
        return;
      }
      const parent = n.parent?.data ?? null;
      const kids = n.children ?? [];
      const children =
        kids.length === 1 && kids[0].data.stack ? kids[0].data.stack.leaves.map((k) => k.id) : kids.map((c) => c.data.id);
      push({
        id: d.id,
        x: n.x - sizes.width / 2,
        y: n.depth * stepY,
        depth: n.depth,
        parent: parent?.id ?? null,
        children,
        childCount: d.kids.length,
        hidden: folded.has(d.id) ? (descendants.get(d.id) ?? 0) : 0,
        index: parent ? parent.kids.indexOf(d) : 0,
        siblings: parent ? parent.kids.length : 1,
        stacked: false,
        row: 0,
      });
    });
    return out;
  };

  // Compact layout: five or more narrow branches under the root (a card, or a card over a
  // column) wrap into rows of at most four instead of one long row.
  if (options.stackLeaves && !folded.has(rootDatum.id) && rootDatum.kids.length >= WRAP_MIN) {
    // Laid out one by one, stopping at the first wide branch (a big plan need not lay out twice).
    const branches: Branch[] = [];
    for (const kid of rootDatum.kids) {
      const b = tidy(kid);
      if (b.maxX - b.minX > 2 * stepX - sizes.gapX + 1e-6) break;
      branches.push(b);
    }
    if (branches.length === rootDatum.kids.length) return wrapRoot(rootDatum, branches, sizes);
  }

  const all = tidy(rootDatum);
  const byId = new Map(all.nodes.map((n) => [n.id, n]));
  return { nodes: all.nodes, byId, bounds: { minX: all.minX, minY: 0, maxX: all.maxX, maxY: all.maxY }, sizes, wrapGap: 0 };
}

interface Branch {
  nodes: LaidNode[];
  minX: number;
  maxX: number;
  maxY: number;
}

/** The root over its branches in rows of at most four, left-aligned, with a spine on the left
 * from which each row hangs. */
function wrapRoot(root: Datum, branches: Branch[], sizes: CardSizes): TreeLayout {
  const n = branches.length;
  const rows = Math.ceil(n / WRAP_MAX_COLS);
  const cols = Math.ceil(n / rows);
  const stepX = sizes.width + sizes.gapX;
  const leavesOnly = root.kids.every((k) => k.kids.length === 0);
  const rowGap = leavesOnly ? WRAP_GAP : sizes.gapY;
  const branchGap = stepX * COUSIN_SEPARATION - sizes.width;

  // Place branches left to right in each row, rows top to bottom.
  const placed: { dx: number; dy: number; row: number }[] = [];
  let gridWidth = 0;
  let top = sizes.height + sizes.gapY;
  for (let r = 0; r < rows; r++) {
    let cursor = 0;
    let height = 0;
    for (let i = r * cols; i < Math.min(n, (r + 1) * cols); i++) {
      const b = branches[i];
      if (i > r * cols) cursor += leavesOnly ? sizes.gapX : branchGap;
      placed.push({ dx: cursor - b.minX, dy: top, row: r });
      cursor += b.maxX - b.minX;
      height = Math.max(height, b.maxY);
    }
    gridWidth = Math.max(gridWidth, cursor);
    top += height + rowGap;
  }
  const left = -gridWidth / 2;

  const nodes: LaidNode[] = [
    {
      id: root.id,
      x: -sizes.width / 2,
      y: 0,
      depth: 0,
      parent: null,
      children: root.kids.map((k) => k.id),
      childCount: n,
      hidden: 0,
      index: 0,
      siblings: 1,
      stacked: false,
      row: 0,
    },
  ];
  let maxY = sizes.height;
  branches.forEach((b, i) => {
    const { dx, dy, row } = placed[i];
    for (const node of b.nodes) {
      const head = node.id === root.kids[i].id;
      const moved: LaidNode = {
        ...node,
        x: node.x + left + dx,
        y: node.y + dy,
        depth: node.depth + 1,
        ...(head ? { parent: root.id, index: i, siblings: n, row } : {}),
      };
      nodes.push(moved);
      maxY = Math.max(maxY, moved.y + sizes.height);
    }
  });
  const byId = new Map(nodes.map((x) => [x.id, x]));
  return {
    nodes,
    byId,
    bounds: { minX: Math.min(left - WRAP_SPINE - 2, -sizes.width / 2), minY: 0, maxX: Math.max(left + gridWidth, sizes.width / 2), maxY },
    sizes,
    wrapGap: rowGap,
  };
}

/** SVG path data for the solid reporting lines: one elbow connector per superior. */
export function edgePath(layout: TreeLayout, only?: Set<string>): string {
  const { width: w, height: h, gapY } = layout.sizes;
  const parts: string[] = [];
  for (const n of layout.nodes) {
    if (n.children.length === 0) continue;
    const kids = only ? n.children.filter((c) => only.has(c)) : n.children;
    if (kids.length === 0) continue;
    const px = n.x + w / 2;
    const py = n.y + h;
    const mid = py + gapY / 2;
    const first = layout.byId.get(kids[0])!;
    const lastKid = layout.byId.get(kids[kids.length - 1])!;
    if (lastKid.row > 0 || first.row > 0) {
      // Wrapped rows: the trunk drops to a spine left of the rows; each row has its own bus.
      const spine = Math.min(...kids.map((id) => layout.byId.get(id)!.x)) - WRAP_SPINE;
      const buses = new Map<number, { y: number; right: number }>();
      for (const id of kids) {
        const c = layout.byId.get(id)!;
        const cx = c.x + w / 2;
        const busY = c.y - (c.row === 0 ? gapY / 2 : layout.wrapGap / 2);
        const bus = buses.get(c.row);
        buses.set(c.row, { y: busY, right: Math.max(bus?.right ?? -Infinity, cx) });
        parts.push(`M${r(cx)} ${r(busY)}V${r(c.y)}`);
      }
      let bottom = mid;
      for (const bus of buses.values()) {
        parts.push(`M${r(spine)} ${r(bus.y)}H${r(bus.right)}`);
        bottom = Math.max(bottom, bus.y);
      }
      parts.push(`M${r(px)} ${r(py)}V${r(mid)}M${r(Math.min(spine, px))} ${r(mid)}H${r(Math.max(spine, px))}M${r(spine)} ${r(mid)}V${r(bottom)}`);
      continue;
    }
    if (first.stacked) {
      // A comb: down, to a spine left of the column, then a tick into each card.
      const spine = first.x - STACK_SPINE;
      let bottom = mid;
      for (const id of kids) {
        const c = layout.byId.get(id)!;
        const cy = c.y + h / 2;
        bottom = Math.max(bottom, cy);
        parts.push(`M${r(spine)} ${r(cy)}H${r(c.x)}`);
      }
      parts.push(`M${r(px)} ${r(py)}V${r(mid)}H${r(spine)}V${r(bottom)}`);
      continue;
    }
    parts.push(`M${r(px)} ${r(py)}V${r(mid)}`);
    let left = Infinity;
    let right = -Infinity;
    for (const id of kids) {
      const c = layout.byId.get(id)!;
      const cx = c.x + w / 2;
      left = Math.min(left, cx);
      right = Math.max(right, cx);
      parts.push(`M${r(cx)} ${r(mid)}V${r(c.y)}`);
    }
    left = Math.min(left, px);
    right = Math.max(right, px);
    if (right > left) parts.push(`M${r(left)} ${r(mid)}H${r(right)}`);
  }
  return parts.join("");
}

/** The nearest visible card at or above `id` (a position inside a collapsed branch shows as
 * the collapsed card). */
export function visibleAncestor(parentOf: Map<string, string | null>, layout: TreeLayout, id: string): string | null {
  let at: string | null = id;
  const seen = new Set<string>();
  while (at && !seen.has(at)) {
    if (layout.byId.has(at)) return at;
    seen.add(at);
    at = parentOf.get(at) ?? null;
  }
  return null;
}

/** Dashed connectors for dotted-line superiors, between visible cards (a hidden end is drawn at
 * its collapsed ancestor). Each pair appears once. */
export function dottedLinks(doc: PlanDoc, layout: TreeLayout): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  const seen = new Set<string>();
  const parentOf = new Map(doc.positions.map((p) => [p.id, p.parent]));
  for (const p of doc.positions) {
    for (const sup of p.dotted) {
      const a = visibleAncestor(parentOf, layout, sup);
      const b = visibleAncestor(parentOf, layout, p.id);
      if (!a || !b || a === b) continue;
      const key = `${a}>${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ from: a, to: b });
    }
  }
  return out;
}

/** A gentle curve from the superior's card to the subordinate's, leaving from the side that
 * faces it. */
export function dottedPath(layout: TreeLayout, from: string, to: string): string {
  const { width: w, height: h } = layout.sizes;
  const a = layout.byId.get(from);
  const b = layout.byId.get(to);
  if (!a || !b) return "";
  const acx = a.x + w / 2;
  const bcx = b.x + w / 2;
  if (b.y > a.y) {
    // Superior above: from its bottom edge (off-centre, clear of the solid line) to the top.
    const sx = acx + (bcx >= acx ? w * 0.3 : -w * 0.3);
    const sy = a.y + h;
    const ex = bcx + (bcx >= acx ? -w * 0.3 : w * 0.3);
    const ey = b.y;
    const dy = Math.max(24, (ey - sy) / 2);
    return `M${r(sx)} ${r(sy)}C${r(sx)} ${r(sy + dy)} ${r(ex)} ${r(ey - dy)} ${r(ex)} ${r(ey)}`;
  }
  if (b.y < a.y) {
    const sx = acx;
    const sy = a.y;
    const ex = bcx;
    const ey = b.y + h;
    const dy = Math.max(24, (sy - ey) / 2);
    return `M${r(sx)} ${r(sy)}C${r(sx)} ${r(sy - dy)} ${r(ex)} ${r(ey + dy)} ${r(ex)} ${r(ey)}`;
  }
  // Same level: an arc below both cards.
  const sx = acx + (bcx > acx ? w * 0.25 : -w * 0.25);
  const ex = bcx + (bcx > acx ? -w * 0.25 : w * 0.25);
  const y = a.y + h;
  const dip = Math.min(48, 16 + Math.abs(ex - sx) * 0.08);
  return `M${r(sx)} ${r(y)}C${r(sx)} ${r(y + dip)} ${r(ex)} ${r(y + dip)} ${r(ex)} ${r(y)}`;
}

function r(v: number): string {
  return String(Math.round(v * 10) / 10);
}
