// Drag and drop between the role palette and the chart, and card moves. What a drop will do
// is decided by pure functions (tested in dnd.test.ts); the components only wire events.
import type { PlanDoc } from "../../generated/PlanDoc";
import { childrenOf, isSelfOrBelow } from "../../lib/plan";
import type { TreeLayout } from "./layout";

export type Zone = "child" | "before" | "after";

export type DragSource = { kind: "position"; id: string } | { kind: "role"; id: string; title: string };

export type DropPlan =
  | {
      kind: "move";
      position: string;
      newParent: string;
      /** Among the new siblings, not counting the moved card; undefined = last. */
      index: number | undefined;
      zone: Zone;
      /** The backend will refuse it: the new superior is the card itself or below it. */
      cycle: boolean;
      /** Nothing would change. */
      noop: boolean;
    }
  | { kind: "add"; parent: string; index: number | undefined; zone: Zone };

/** Which part of a card the pointer is over (fractions of its width and height): the left and
 * right quarters reorder, the middle re-parents. Cards stacked in a column also reorder from
 * their top and bottom edges. The root has no siblings, so all of it means "subordinate". */
export function zoneAt(fx: number, isRoot: boolean, fy = 0.5, stacked = false): Zone {
  if (isRoot) return "child";
  if (fx < 0.25 || (stacked && fy < 0.3)) return "before";
  if (fx > 0.75 || (stacked && fy > 0.7)) return "after";
  return "child";
}

/** Decides what dropping `source` on `target`'s `zone` does. Null when the target is unknown. */
export function planDrop(doc: PlanDoc, source: DragSource, target: string, zone: Zone): DropPlan | null {
  const t = doc.positions.find((p) => p.id === target);
  if (!t) return null;
  if (t.parent === null) zone = "child";
  const newParent = zone === "child" ? t.id : t.parent!;
  if (source.kind === "role") {
    if (zone === "child") return { kind: "add", parent: newParent, index: undefined, zone };
    const sibs = childrenOf(doc, newParent).map((p) => p.id);
    const at = sibs.indexOf(t.id);
    return { kind: "add", parent: newParent, index: zone === "before" ? at : at + 1, zone };
  }
  const moving = source.id;
  const cycle = isSelfOrBelow(doc, newParent, moving);
  if (zone === "child") {
    const sibs = childrenOf(doc, newParent).map((p) => p.id);
    const noop = !cycle && sibs.length > 0 && sibs[sibs.length - 1] === moving;
    return { kind: "move", position: moving, newParent, index: undefined, zone, cycle, noop };
  }
  if (target === moving) {
    return { kind: "move", position: moving, newParent, index: undefined, zone, cycle: false, noop: true };
  }
  const current = childrenOf(doc, newParent).map((p) => p.id);
  const others = current.filter((id) => id !== moving);
  const at = others.indexOf(t.id);
  const index = zone === "before" ? at : at + 1;
  const noop = !cycle && current.indexOf(moving) === index && current.includes(moving);
  return { kind: "move", position: moving, newParent, index, zone, cycle, noop };
}

/** Moving a card one place among its siblings (Alt+←/→, Alt+↑/↓): the new index, not counting
 * the card itself, or null at the ends and for the root. */
export function siblingStep(doc: PlanDoc, id: string, dir: -1 | 1): { newParent: string; index: number } | null {
  const p = doc.positions.find((q) => q.id === id);
  if (!p || p.parent === null) return null;
  const sibs = childrenOf(doc, p.parent).map((q) => q.id);
  const at = sibs.indexOf(id);
  const index = at + dir;
  if (index < 0 || index >= sibs.length) return null;
  return { newParent: p.parent, index };
}

/** Positions `id` may report to: anything not itself or below it (in plan order). */
export function validSuperiors(doc: PlanDoc, id: string): string[] {
  const kids = new Map<string, string[]>();
  for (const p of doc.positions) {
    if (p.parent === null) continue;
    const list = kids.get(p.parent);
    if (list) list.push(p.id);
    else kids.set(p.parent, [p.id]);
  }
  const below = new Set<string>([id]);
  const todo = [id];
  while (todo.length) {
    for (const k of kids.get(todo.pop()!) ?? []) {
      if (!below.has(k)) {
        below.add(k);
        todo.push(k);
      }
    }
  }
  return doc.positions.filter((p) => !below.has(p.id)).map((p) => p.id);
}

/** The card under a point of the chart's layer (layer coordinates) and the zone of it the point
 * is in, or null over empty background. A drag hit-tests here, on the layout, rather than
 * asking the browser to hit-test a thousand cards on every pointer move. */
export function cardAt(layout: TreeLayout, x: number, y: number): { id: string; zone: Zone } | null {
  const { width: w, height: h } = layout.sizes;
  // Cards do not overlap; the last in pre-order is the one drawn on top if they ever touch.
  for (let i = layout.nodes.length - 1; i >= 0; i--) {
    const n = layout.nodes[i];
    if (x < n.x || x >= n.x + w || y < n.y || y >= n.y + h) continue;
    return { id: n.id, zone: zoneAt((x - n.x) / w, n.parent === null, (y - n.y) / h, n.stacked) };
  }
  return null;
}

/** The drop bar beside a card's screen box: in the gap before or after it (left / right, or above
 * / below in a stacked column), a little longer than the card. Screen pixels; the bar stays
 * visible at the farthest zoom, where the gap between cards is a pixel or two. */
export function dropBarRect(
  box: { x: number; y: number; w: number; h: number },
  state: "before" | "after",
  stacked: boolean,
  k: number,
): { x: number; y: number; w: number; h: number } {
  const thick = k < 0.5 ? 3 : 4;
  const gap = Math.max(1, Math.min(7, 7 * k));
  const over = Math.max(2, Math.min(7, 7 * k));
  if (stacked) {
    const y = state === "before" ? box.y - gap - thick : box.y + box.h + gap;
    return { x: box.x - over, y, w: box.w + 2 * over, h: thick };
  }
  const x = state === "before" ? box.x - gap - thick : box.x + box.w + gap;
  return { x, y: box.y - over, w: thick, h: box.h + 2 * over };
}
