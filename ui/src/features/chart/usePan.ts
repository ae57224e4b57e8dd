// Input that moves the view: the wheel and pinch (zoom around the cursor), dragging the
// background, and scrolling (a card scrolled into view becomes a pan).
import { useEffect, useLayoutEffect, useRef } from "react";
import type { PointerEvent } from "react";
import { useApp } from "../../lib/store";
import { wheelView } from "./pan";
import type { Viewport } from "./useViewport";

/** Scroll position the viewport rests at (see onScroll); must match .oc-layer's offset. */
const SCROLL_ORIGIN = 100000;

export function usePan({ viewportRef, viewRef, apply, stopAnim }: Pick<Viewport, "viewportRef" | "viewRef" | "apply" | "stopAnim">) {
  const panRef = useRef<{ id: number; sx: number; sy: number; vx: number; vy: number; moved: boolean } | null>(null);

  // Wheel and pinch zoom around the cursor (a native listener: React's is passive).
  useEffect(() => {
    const vp = viewportRef.current!;
    const onWheel = (e: WheelEvent) => {
      if ((e.target as Element).closest(".oc-ui")) return;
      e.preventDefault();
      stopAnim();
      const r = vp.getBoundingClientRect();
      viewRef.current = wheelView(viewRef.current, e, e.clientX - r.left, e.clientY - r.top, r.height);
      apply();
    };
    vp.addEventListener("wheel", onWheel, { passive: false });
    return () => vp.removeEventListener("wheel", onWheel);
  }, [apply, stopAnim, viewportRef, viewRef]);

  /** A press on the background (not a card, not a control) starts a pan. */
  const start = (e: PointerEvent<HTMLDivElement>) => {
    stopAnim();
    panRef.current = { id: e.pointerId, sx: e.clientX, sy: e.clientY, vx: viewRef.current.x, vy: viewRef.current.y, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const pan = panRef.current;
    if (!pan || pan.id !== e.pointerId) return;
    const dx = e.clientX - pan.sx;
    const dy = e.clientY - pan.sy;
    if (!pan.moved && Math.hypot(dx, dy) < 3) return;
    if (!pan.moved) e.currentTarget.dataset.panning = "true";
    pan.moved = true;
    viewRef.current = { ...viewRef.current, x: pan.vx + dx, y: pan.vy + dy };
    apply();
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const pan = panRef.current;
    if (!pan || pan.id !== e.pointerId) return;
    panRef.current = null;
    delete e.currentTarget.dataset.panning;
    if (!pan.moved && e.type === "pointerup") useApp.getState().select(null);
  };
  // The viewport is a scroll box held at (SCROLL_ORIGIN, SCROLL_ORIGIN) with room on every
  // side, so anything that scrolls a card into view (a screen reader, a test runner, PageDown)
  // can, in any direction; the scroll is then turned into a pan and the box reset.
  const onScroll = () => {
    const vp = viewportRef.current!;
    const dx = vp.scrollLeft - SCROLL_ORIGIN;
    const dy = vp.scrollTop - SCROLL_ORIGIN;
    if (dx === 0 && dy === 0) return;
    viewRef.current = { ...viewRef.current, x: viewRef.current.x - dx, y: viewRef.current.y - dy };
    vp.scrollLeft = SCROLL_ORIGIN;
    vp.scrollTop = SCROLL_ORIGIN;
    apply();
  };
  useLayoutEffect(() => {
    const vp = viewportRef.current!;
    vp.scrollLeft = SCROLL_ORIGIN;
    vp.scrollTop = SCROLL_ORIGIN;
  }, [viewportRef]);

  return { start, onPointerMove, onPointerUp, onScroll };
}
