// What a read-only chart shows on each card besides the plan: a status and short badges. The
// compare view fills it in; the chart feature draws it. Types only.
import type { PlanDoc } from "../generated/PlanDoc";

/** `added` green, `moved` amber, `changed` (renamed or resized) blue, `removed` a red ghost. */
export type CardStatus = "same" | "added" | "moved" | "changed" | "removed";

export interface CardMark {
  status: CardStatus;
  /** Short labels on the card (新增, 调整汇报, 编制 1→2). */
  badges: string[];
  /** A sentence for the tooltip and screen readers. */
  note: string;
}

export interface MarkedChartProps {
  /** The tree to draw (may hold ghost positions that are not in any stored plan). */
  doc: PlanDoc;
  marks: Record<string, CardMark>;
  /** The accessible name of the tree. */
  label: string;
}
