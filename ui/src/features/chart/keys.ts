// What a key pressed on a card does, decided from the layout (what is shown) and the plan. Pure;
// the chart performs the action (see useChartKeys). Tested in keys.test.ts.
import type { PlanDoc } from "../../generated/PlanDoc";
import { childrenOf } from "../../lib/plan";
import { siblingStep } from "./dnd";
import type { TreeLayout } from "./layout";

export type KeyAction =
  /** The key is the chart's, but there is nothing to do (at an end, say). */
  | { kind: "none" }
  /** Alt+arrows: move the card one place among its siblings. */
  | { kind: "reorder"; newParent: string; index: number }
  /** Select and focus another card. */
  | { kind: "go"; to: string }
  /** Expand the collapsed card, then go to its first subordinate (if any). */
  | { kind: "open"; to: string | undefined }
  | { kind: "select" }
  /** Collapse or expand the card, holding it still. */
  | { kind: "fold" }
  /** "Move under…": the picker of a new superior. */
  | { kind: "move" }
  /** 缩放到所选: zoom to the card and its subtree. */
  | { kind: "zoom" };

/** The action for `key` on card `id`, or null when the key is not the chart's (then it is left
 * to the browser). */
export function keyAction(
  layout: TreeLayout,
  doc: PlanDoc,
  id: string,
  key: string,
  mods: { alt: boolean; ctrl: boolean; meta: boolean },
): KeyAction | null {
  const node = layout.byId.get(id);
  if (!node) return null;
  const arrow = key === "ArrowUp" || key === "ArrowDown" || key === "ArrowLeft" || key === "ArrowRight";
  if (mods.alt && arrow) {
    const step = siblingStep(doc, id, key === "ArrowUp" || key === "ArrowLeft" ? -1 : 1);
    return step ? { kind: "reorder", newParent: step.newParent, index: step.index } : { kind: "none" };
  }
  if (mods.ctrl || mods.meta || mods.alt) return null;

  const go = (to: string | null | undefined): KeyAction => (to ? { kind: "go", to } : { kind: "none" });
  switch (key) {
    case "ArrowUp":
      return go(node.parent);
    case "ArrowDown":
      if (node.children.length) return go(node.children[0]);
      if (node.childCount > 0) return { kind: "open", to: childrenOf(doc, id)[0]?.id };
      return { kind: "none" };
    case "ArrowLeft":
    case "ArrowRight": {
      const dir = key === "ArrowLeft" ? -1 : 1;
      const parent = node.parent ? layout.byId.get(node.parent) : null;
      const sibs = parent ? parent.children : [];
      const sib = sibs[sibs.indexOf(id) + dir];
      if (sib) return go(sib);
      // No sibling that way: the nearest card on the same level.
      const row = layout.nodes.filter((n) => n.depth === node.depth).sort((a, b) => a.x - b.x);
      return go(row[row.indexOf(node) + dir]?.id);
    }
    case "Home":
      return go(layout.nodes[0]?.id);
    case "Enter":
    case " ":
      return { kind: "select" };
    case "-":
    case "_":
      return node.children.length > 0 ? { kind: "fold" } : { kind: "none" };
    case "+":
    case "=":
      return node.children.length === 0 && node.childCount > 0 ? { kind: "fold" } : { kind: "none" };
    case "m":
    case "M":
      return node.parent !== null ? { kind: "move" } : { kind: "none" };
    case "f":
    case "F":
      return { kind: "zoom" };
    default:
      return null;
  }
}
