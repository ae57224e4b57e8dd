// The keyboard on the chart: arrows move between cards, Alt+arrows reorder, Enter selects, −/+
// fold, M opens "move under…" (the picker, the keyboard's drag), F zooms to the card's subtree. What a key does is decided in
// keys.ts; here it is done.
import { useState } from "react";
import type { KeyboardEvent } from "react";
import { useApp } from "../../lib/store";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { DropPlan } from "./dnd";
import { keyAction } from "./keys";
import type { Live } from "./useChartData";
import type { Viewport } from "./useViewport";

interface Options {
  doc: PlanDoc;
  live: Live;
  anchorRef: Viewport["anchorRef"];
  focusCard(id: string): void;
  selectAndFocus(id: string): void;
  runPlan(plan: DropPlan, roleId: string | null): Promise<unknown>;
  /** 缩放到所选 (F): frame the card and its subtree. */
  zoomTo(id: string): void;
}

export function useChartKeys({ doc, live, anchorRef, focusCard, selectAndFocus, runPlan, zoomTo }: Options) {
  /** The card the move picker is open for. */
  const [picker, setPicker] = useState<string | null>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = (e.target as Element).closest<HTMLElement>(".oc-card");
    if (!el?.dataset.id) return;
    const id = el.dataset.id;
    const { layout, doc: d } = live.current;
    const action = keyAction(layout, d, id, e.key, { alt: e.altKey, ctrl: e.ctrlKey, meta: e.metaKey });
    if (!action) return;
    e.preventDefault();
    const store = useApp.getState();
    switch (action.kind) {
      case "reorder":
        void store.edit("move_position", { position: id, new_parent: action.newParent, index: action.index }).then(() => {
          requestAnimationFrame(() => focusCard(id));
        });
        break;
      case "go":
        selectAndFocus(action.to);
        break;
      case "open":
        store.toggleCollapsed(id);
        if (action.to) selectAndFocus(action.to);
        break;
      case "select":
        store.select(id);
        break;
      case "fold":
        anchorRef.current = id;
        store.toggleCollapsed(id);
        break;
      case "move":
        store.select(id);
        setPicker(id);
        break;
      case "zoom":
        store.select(id);
        zoomTo(id);
        break;
    }
  };

  const onPick = async (newParent: string) => {
    const id = picker;
    setPicker(null);
    if (!id) return;
    const p = doc.positions.find((q) => q.id === id);
    if (p && p.parent !== newParent) {
      anchorRef.current = newParent;
      await runPlan({ kind: "move", position: id, newParent, index: undefined, zone: "child", cycle: false, noop: false }, null);
    }
    requestAnimationFrame(() => focusCard(id));
  };

  /** Closed without a pick: back to the card. */
  const closePicker = (id: string) => {
    setPicker(null);
    requestAnimationFrame(() => focusCard(id));
  };

  return { onKeyDown, picker, onPick, closePicker };
}
