// The chart's view: pan and zoom move one transformed layer, never re-render the cards. Here:
// applying a view (and what follows it: level of detail, background grid, the window of mounted
// cards), animating to one, fitting, the first fit, and holding the place through a new layout.
import { startTransition, useCallback, useLayoutEffect, useRef, useState } from "react";
import type { RefObject } from "react";
import type { Lod } from "./Card";
import type { Bounds, TreeLayout } from "./layout";
import { fitView, grow, lerpView, visibleRect, zoomAround } from "./viewport";
import type { View } from "./viewport";
import { lodAt, windowStep } from "./detail";
import { holdStill } from "./pan";
import type { Live } from "./useChartData";

/** Where each plan's chart was looked at, so switching views and back keeps the place. */
const savedViews = new Map<string, View>();

/** The background grid's step at zoom k: the chart's 22 px, doubled until it is at least 11. */
function gridStep(k: number): number {
  let g = 22 * k;
  while (g < 11) g *= 2;
  return g;
}

export interface Viewport {
  viewportRef: RefObject<HTMLDivElement | null>;
  layerRef: RefObject<HTMLDivElement | null>;
  viewRef: RefObject<View>;
  sizeRef: RefObject<{ w: number; h: number }>;
  /** Fitted once (the first fit, or a saved view, has been applied). */
  fittedRef: RefObject<boolean>;
  /** The card to hold still through the next layout change (the one just toggled or dropped on). */
  anchorRef: RefObject<string | null>;
  /** Called with the view every time it is applied. */
  viewSubs: Set<(v: View) => void>;
  apply(): void;
  stopAnim(): void;
  setView(to: View, animate?: boolean): void;
  fit(animate: boolean): void;
  zoomBy(factor: number): void;
  zoomTo100(): void;
  lod: Lod;
  /** The chart area whose cards are mounted (when culling). */
  win: Bounds | null;
  fitted: boolean;
}

export function useViewport({ planId, layout, selected, cull, live }: { planId: string; layout: TreeLayout; selected: string | null; cull: boolean; live: Live }): Viewport {
  const viewportRef = useRef<HTMLDivElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<View>({ x: 0, y: 0, k: 1 });
  const sizeRef = useRef({ w: 0, h: 0 });
  const fittedRef = useRef(false);
  const animRef = useRef<number | null>(null);
  const viewSubs = useRef(new Set<(v: View) => void>());
  const anchorRef = useRef<string | null>(null);
  const [win, setWin] = useState<Bounds | null>(null);
  const [lod, setLod] = useState<Lod>("high");
  const lodRef = useRef<Lod>("high");
  /** During the first fit: what it decides (level of detail, first cards) is rendered in the
   * same commit, before the first paint; later changes come in transitions. */
  const firstFit = useRef(false);
  /** Fitted once: before that a big plan mounts no cards, as it cannot tell which are in view. */
  const [fitted, setFitted] = useState(false);
  const winRef = useRef<Bounds | null>(null);
  const shrinkTimer = useRef<number | null>(null);

  const apply = useCallback(() => {
    const v = viewRef.current;
    const layer = layerRef.current;
    const vp = viewportRef.current;
    if (!layer || !vp) return;
    layer.style.transform = `translate3d(${v.x}px, ${v.y}px, 0) scale(${v.k})`;
    const nextLod = lodAt(v.k);
    if (nextLod !== lodRef.current) {
      lodRef.current = nextLod;
      if (firstFit.current) setLod(nextLod);
      else startTransition(() => setLod(nextLod));
    }
    const g = gridStep(v.k);
    vp.style.backgroundSize = `${g}px ${g}px`;
    vp.style.backgroundPosition = `${v.x}px ${v.y}px`;
    for (const f of viewSubs.current) f(v);
    const { w, h } = sizeRef.current;
    if (live.current.cull && w > 0) {
      const seen = visibleRect(v, w, h);
      const step = windowStep(winRef.current, seen);
      if (shrinkTimer.current !== null) window.clearTimeout(shrinkTimer.current);
      shrinkTimer.current = null;
      if (step === "move") {
        // Off the edge of what is rendered: render around the new view (in a transition, so
        // panning stays smooth while new cards mount). On first show, the cards in view come
        // first, for the first frame; the ones around them right after.
        const next = grow(seen, 0.5);
        winRef.current = next;
        if (firstFit.current) {
          setWin(grow(seen, 0.02));
          requestAnimationFrame(() => startTransition(() => setWin(next)));
        } else {
          startTransition(() => setWin(next));
        }
      } else if (step === "shrink") {
        // Zoomed in a lot: drop the far-away cards once the view settles.
        shrinkTimer.current = window.setTimeout(() => {
          shrinkTimer.current = null;
          const next = grow(visibleRect(viewRef.current, sizeRef.current.w, sizeRef.current.h), 0.5);
          winRef.current = next;
          startTransition(() => setWin(next));
        }, 300);
      }
    }
  }, [live]);

  const stopAnim = useCallback(() => {
    if (animRef.current !== null) cancelAnimationFrame(animRef.current);
    animRef.current = null;
  }, []);

  const setView = useCallback(
    (to: View, animate = false) => {
      stopAnim();
      const from = viewRef.current;
      if (!animate || matchMedia("(prefers-reduced-motion: reduce)").matches) {
        viewRef.current = to;
        apply();
        return;
      }
      const start = performance.now();
      const ms = 260;
      const step = (now: number) => {
        const p = Math.min(1, (now - start) / ms);
        const e = 1 - Math.pow(1 - p, 3);
        viewRef.current = lerpView(from, to, e);
        apply();
        animRef.current = p < 1 ? requestAnimationFrame(step) : null;
      };
      animRef.current = requestAnimationFrame(step);
    },
    [apply, stopAnim],
  );

  const fit = useCallback(
    (animate: boolean) => {
      const { w, h } = sizeRef.current;
      if (w <= 0 || h <= 0) return;
      setView(fitView(live.current.layout.bounds, w, h, 56, 1), animate);
    },
    [setView, live],
  );

  const zoomBy = useCallback(
    (factor: number) => {
      const { w, h } = sizeRef.current;
      setView(zoomAround(viewRef.current, factor, w / 2, h / 2), true);
    },
    [setView],
  );

  const zoomTo100 = useCallback(() => {
    const { w, h } = sizeRef.current;
    setView(zoomAround(viewRef.current, 1 / viewRef.current.k, w / 2, h / 2), true);
  }, [setView]);

  // Size, and the first fit.
  useLayoutEffect(() => {
    const vp = viewportRef.current!;
    const measure = () => {
      const r = vp.getBoundingClientRect();
      sizeRef.current = { w: r.width, h: r.height };
      if (!fittedRef.current && r.width > 0 && r.height > 0) {
        fittedRef.current = true;
        firstFit.current = true;
        const saved = savedViews.get(planId);
        if (saved) setView(saved);
        else fit(false);
        firstFit.current = false;
        setFitted(true);
      } else {
        apply();
      }
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(vp);
    return () => {
      ro.disconnect();
      stopAnim();
      if (shrinkTimer.current !== null) window.clearTimeout(shrinkTimer.current);
      if (fittedRef.current) savedViews.set(planId, viewRef.current);
    };
  }, [apply, fit, setView, stopAnim, planId]);

  // A new layout (edit, collapse, language): keep the card the user acted on where it was on
  // screen (else the selected card, else the root), so the chart does not jump; then re-pick
  // the cards near the viewport.
  const prevLayout = useRef(layout);
  const prevSelected = useRef(selected);
  useLayoutEffect(() => {
    const before = prevLayout.current;
    const wasSelected = prevSelected.current;
    prevLayout.current = layout;
    prevSelected.current = selected;
    if (before === layout || !fittedRef.current) return;
    const candidates = [anchorRef.current, wasSelected, selected, layout.nodes[0]?.id];
    anchorRef.current = null;
    const { w, h } = sizeRef.current;
    const next = holdStill(before, layout, candidates, viewRef.current, w, h);
    if (next) {
      stopAnim();
      viewRef.current = next;
      apply();
    }
  }, [layout, selected, apply, stopAnim]);

  // (Not on mount: there the first fit picks the first cards.)
  const winMounted = useRef(false);
  useLayoutEffect(() => {
    const mounted = winMounted.current;
    winMounted.current = true;
    if (!mounted || !cull || !fittedRef.current) return;
    const { w, h } = sizeRef.current;
    if (w <= 0) return;
    const next = grow(visibleRect(viewRef.current, w, h), 0.5);
    winRef.current = next;
    setWin(next);
  }, [layout, cull]);

  return {
    viewportRef,
    layerRef,
    viewRef,
    sizeRef,
    fittedRef,
    anchorRef,
    viewSubs: viewSubs.current,
    apply,
    stopAnim,
    setView,
    fit,
    zoomBy,
    zoomTo100,
    lod,
    win,
    fitted,
  };
}
