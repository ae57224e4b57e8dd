// What a drag over the chart shows: the hint under it, and the drop mark (a ring round the target
// card, or a bar beside it) with its place on screen. Pure; see dragging.test.ts.
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Lang } from "../../generated/Lang";
import { title as titleOf } from "../../lib/plan";
import type { DropState } from "./Card";
import { dropBarRect } from "./dnd";
import type { DragSource, DropPlan, Zone } from "./dnd";
import type { ChartT } from "./i18n";
import type { CardSizes, LaidNode } from "./layout";
import type { View } from "./viewport";

/** The drag over the chart: what is dragged, and the card and zone under the pointer. */
export type DragInfo = { source: DragSource; target: string | null; zone: Zone };

/** How far the drop ring stands off the target card, in screen pixels. */
const RING_PAD = 3;

export function hintText(t: ChartT, doc: PlanDoc, lang: Lang, drag: DragInfo | null, plan: DropPlan | null): string {
  if (!drag) return "";
  const name = (id: string) => {
    const p = doc.positions.find((q) => q.id === id);
    return p ? titleOf(p, lang) : id;
  };
  const a = drag.source.kind === "position" ? name(drag.source.id) : drag.source.title;
  if (!plan || !drag.target) return t("dropIdle");
  const b = name(drag.target);
  if (plan.kind === "move" && plan.cycle) return t("dropCycle", { a, b });
  if (plan.kind === "move" && plan.noop) return t("dropNoop", { a });
  if (plan.zone === "before") return t("dropBefore", { a, b });
  if (plan.zone === "after") return t("dropAfter", { a, b });
  return t("dropChild", { a, b });
}

export function hintTone(plan: DropPlan | null): "error" | "info" {
  return plan?.kind === "move" && plan.cycle ? "error" : "info";
}

/** The drop mark a plan shows on its target card. */
export function dropStateOf(plan: DropPlan | null): DropState {
  if (!plan) return null;
  if (plan.kind === "move" && plan.cycle) return "cycle";
  if (plan.kind === "move" && plan.noop) return "noop";
  return plan.zone;
}

/** Where the drop mark goes for a card, in screen pixels under view `v`: a bar in the gap before
 * or after it, or a ring standing off it. */
export function dropMarkRect(
  v: View,
  node: Pick<LaidNode, "x" | "y" | "stacked">,
  sizes: Pick<CardSizes, "width" | "height">,
  state: NonNullable<DropState>,
): { mark: "ring" | "bar"; x: number; y: number; w: number; h: number } {
  const box = { x: v.x + node.x * v.k, y: v.y + node.y * v.k, w: sizes.width * v.k, h: sizes.height * v.k };
  if (state === "before" || state === "after") return { mark: "bar", ...dropBarRect(box, state, node.stacked, v.k) };
  return { mark: "ring", x: box.x - RING_PAD, y: box.y - RING_PAD, w: box.w + 2 * RING_PAD, h: box.h + 2 * RING_PAD };
}
