// The selected card: brought into view when it changes (its branch opened if it is folded
// away), and focused when the keyboard moved to it. A card asked for by `centreCard` (the
// search stepping through matches) is centred instead, once it is laid out.
import { useCallback, useEffect, useLayoutEffect, useRef } from "react";
import { useApp } from "../../lib/store";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { TreeLayout } from "./layout";
import { ancestorsOf } from "./model";
import { centreOn, revealRect } from "./viewport";
import { onCentreCard } from "./reveal";
import type { Viewport } from "./useViewport";

type Deps = Pick<Viewport, "viewportRef" | "layerRef" | "viewRef" | "sizeRef" | "fittedRef" | "setView">;

/** A card centred for the search is zoomed in at least this far, to be read. */
const CENTRE_MIN_ZOOM = 0.6;

export function useSelection({ layout, doc, selected }: { layout: TreeLayout; doc: PlanDoc; selected: string | null }, vp: Deps) {
  const { viewportRef, layerRef, viewRef, sizeRef, fittedRef, setView } = vp;
  const revealedRef = useRef<string | null>(null);
  const pendingFocus = useRef(false);
  /** The card to centre when it is next laid out (asked for by `centreCard`). */
  const centreRef = useRef<string | null>(null);
  const layoutRef = useRef(layout);
  useLayoutEffect(() => {
    layoutRef.current = layout;
  });

  /** Centres a laid-out card; measures the viewport now, as the side panel may just have
   * opened beside it. */
  const centre = useCallback(
    (id: string) => {
      const node = layoutRef.current.byId.get(id);
      const el = viewportRef.current;
      if (!node || !el || !fittedRef.current) return false;
      const r = el.getBoundingClientRect();
      const { sizes } = layoutRef.current;
      setView(centreOn(viewRef.current, { x: node.x, y: node.y, width: sizes.width, height: sizes.height }, r.width, r.height, CENTRE_MIN_ZOOM), true);
      return true;
    },
    [viewportRef, fittedRef, setView, viewRef],
  );

  useEffect(
    () =>
      onCentreCard((id) => {
        centreRef.current = id;
        // Already selected (the only match, say): no selection change will come to centre it.
        if (useApp.getState().selected === id && centre(id)) centreRef.current = null;
      }),
    [centre],
  );
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
    if (centreRef.current === selected && centre(selected)) {
      centreRef.current = null;
      revealedRef.current = selected;
    } else if (revealedRef.current !== selected && fittedRef.current) {
      revealedRef.current = selected;
      const { w, h } = sizeRef.current;
      const next = revealRect(viewRef.current, { x: node.x, y: node.y, width: layout.sizes.width, height: layout.sizes.height + 12 }, w, h, 48);
      if (next !== viewRef.current) setView(next, true);
    }
    if (pendingFocus.current) {
      pendingFocus.current = false;
      focusCard(selected);
    }
  }, [selected, layout, doc, setView, focusCard, centre, fittedRef, sizeRef, viewRef]);

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
