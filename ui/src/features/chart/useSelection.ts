// The selected card: brought into view when it changes (its branch opened if it is folded
// away), and focused when the keyboard moved to it.
import { useCallback, useEffect, useRef } from "react";
import { useApp } from "../../lib/store";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { TreeLayout } from "./layout";
import { ancestorsOf } from "./model";
import { revealRect } from "./viewport";
import type { Viewport } from "./useViewport";

type Deps = Pick<Viewport, "layerRef" | "viewRef" | "sizeRef" | "fittedRef" | "setView">;

export function useSelection({ layout, doc, selected }: { layout: TreeLayout; doc: PlanDoc; selected: string | null }, vp: Deps) {
  const { layerRef, viewRef, sizeRef, fittedRef, setView } = vp;
  const revealedRef = useRef<string | null>(null);
  const pendingFocus = useRef(false);
  const focusCard = useCallback(
    (id: string) => {
      const el = layerRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] > [role="treeitem"]`);
      el?.focus({ preventScroll: true });
    },
    [layerRef],
  );

  useEffect(() => {
    if (!selected) {
      revealedRef.current = null;
      return;
    }
    const node = layout.byId.get(selected);
    if (!node) {
      // Inside a collapsed branch (or not in this plan): open the branch.
      if (!doc.positions.some((p) => p.id === selected)) return;
      const up = ancestorsOf(doc, selected);
      const folded = useApp.getState().collapsed;
      if (up.some((a) => folded.includes(a))) useApp.setState({ collapsed: folded.filter((c) => !up.includes(c)) });
      return;
    }
    if (revealedRef.current !== selected && fittedRef.current) {
      revealedRef.current = selected;
      const { w, h } = sizeRef.current;
      const next = revealRect(viewRef.current, { x: node.x, y: node.y, width: layout.sizes.width, height: layout.sizes.height + 12 }, w, h, 48);
      if (next !== viewRef.current) setView(next, true);
    }
    if (pendingFocus.current) {
      pendingFocus.current = false;
      focusCard(selected);
    }
  }, [selected, layout, doc, setView, focusCard, fittedRef, sizeRef, viewRef]);

  const selectAndFocus = useCallback(
    (id: string) => {
      pendingFocus.current = true;
      if (useApp.getState().selected === id) {
        pendingFocus.current = false;
        focusCard(id);
      } else {
        useApp.getState().select(id);
      }
    },
    [focusCard],
  );

  return { focusCard, selectAndFocus };
}
