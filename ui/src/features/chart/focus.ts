// 聚焦部门 and 缩放到所选, as pure functions: which positions a department focus keeps (its own
// and the path up to the top), and the view that frames a card with its subtree. Tested in
// focus.test.ts.
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Bounds, TreeLayout } from "./layout";
import { centreOn, fitView } from "./viewport";
import type { View } from "./viewport";

/** The positions shown when focusing on department `dept`: its positions and every superior up
 * to the top (so the chart stays one tree). `null` when there is no focus (no department, or
 * one with no positions). */
export function focusSet(doc: PlanDoc, dept: string | null): Set<string> | null {
  if (!dept) return null;
  const parentOf = new Map(doc.positions.map((p) => [p.id, p.parent]));
  const out = new Set<string>();
  for (const p of doc.positions) {
    if (p.department !== dept) continue;
    let at: string | null = p.id;
    while (at && !out.has(at)) {
      out.add(at);
      at = parentOf.get(at) ?? null;
    }
  }
  return out.size ? out : null;
}

/** The plan with only the positions in `keep` (in their order); the same plan when `keep` is
 * null. `keep` must hold every superior of what it holds (as `focusSet` does). */
export function focusDoc(doc: PlanDoc, keep: Set<string> | null): PlanDoc {
  if (!keep) return doc;
  return { ...doc, positions: doc.positions.filter((p) => keep.has(p.id)) };
}

/** The departments worth focusing on: those with at least one position, in the plan's order. */
export function focusableDepartments(doc: PlanDoc): PlanDoc["departments"] {
  const used = new Set(doc.positions.map((p) => p.department));
  return doc.departments.filter((d) => used.has(d.id));
}

/** The chart area of card `id` and every card shown below it; null when it is not laid out. */
export function subtreeBounds(layout: TreeLayout, id: string): Bounds | null {
  const root = layout.byId.get(id);
  if (!root) return null;
  const { width, height } = layout.sizes;
  const b = { minX: root.x, minY: root.y, maxX: root.x + width, maxY: root.y + height };
  const stack = [...root.children];
  while (stack.length) {
    const n = layout.byId.get(stack.pop()!);
    if (!n) continue;
    b.minX = Math.min(b.minX, n.x);
    b.minY = Math.min(b.minY, n.y);
    b.maxX = Math.max(b.maxX, n.x + width);
    b.maxY = Math.max(b.maxY, n.y + height);
    stack.push(...n.children);
  }
  return b;
}

/** The view that frames `bounds` in a `width`×`height` viewport: zoomed to fit (never beyond
 * `maxK`) and centred on it (centreOn). */
export function zoomToBounds(v: View, bounds: Bounds, width: number, height: number, pad = 56, maxK = 1): View {
  const { k } = fitView(bounds, width, height, pad, maxK);
  const rect = { x: bounds.minX, y: bounds.minY, width: bounds.maxX - bounds.minX, height: bounds.maxY - bounds.minY };
  return centreOn({ ...v, k }, rect, width, height);
}
