// Drop feedback: a ring over the target card, or a bar beside it for "before" / "after". Both
// live over the viewport, in screen pixels, not among the cards: changing anything among a
// thousand cards repaints them all, which a drag cannot afford on every pointer move. Placed
// after every commit and on every pan or zoom during a drag. The dragged card itself is marked
// once (data-dragging).
import { useCallback, useEffect, useLayoutEffect, useRef } from "react";
import type { RefObject } from "react";
import type { DropState } from "./Card";
import { dropMarkRect } from "./dragging";
import type { DragInfo } from "./dragging";
import type { Live } from "./useChartData";
import type { Viewport } from "./useViewport";

type Deps = Pick<Viewport, "layerRef" | "viewRef" | "viewSubs">;

export function useDropMarks(
  { target, state, sourceId }: { target: string | null; state: DropState; sourceId: string | null },
  { live, dragRef }: { live: Live; dragRef: RefObject<DragInfo | null> },
  { layerRef, viewRef, viewSubs }: Deps,
) {
  const ringRef = useRef<HTMLDivElement>(null);
  const dropBarRef = useRef<HTMLDivElement>(null);
  const dropMark = useRef<{ target: string | null; state: DropState }>({ target: null, state: null });
  const placeDropMarks = useCallback(() => {
    const ring = ringRef.current;
    const bar = dropBarRef.current;
    if (!ring || !bar) return;
    const { target, state } = dropMark.current;
    const node = target && state ? live.current.layout.byId.get(target) : undefined;
    const hide = (el: HTMLElement) => {
      if (el.dataset.show) delete el.dataset.show;
    };
    if (!node || !state) {
      hide(ring);
      hide(bar);
      return;
    }
    const r = dropMarkRect(viewRef.current, node, live.current.layout.sizes, state);
    const [shown, other] = r.mark === "bar" ? [bar, ring] : [ring, bar];
    hide(other);
    shown.style.transform = `translate(${r.x}px, ${r.y}px)`;
    shown.style.width = `${r.w}px`;
    shown.style.height = `${r.h}px`;
    if (r.mark === "ring" && ring.dataset.state !== state) ring.dataset.state = state;
    shown.dataset.show = "true";
  }, [live, viewRef]);

  // On every pan or zoom while a drag is under way.
  useEffect(() => {
    const onView = () => {
      if (dragRef.current) placeDropMarks();
    };
    viewSubs.add(onView);
    return () => {
      viewSubs.delete(onView);
    };
  }, [viewSubs, dragRef, placeDropMarks]);

  dropMark.current = { target, state };
  const marked = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    placeDropMarks();
    const layer = layerRef.current;
    if (!layer) return;
    const source = sourceId ? layer.querySelector<HTMLElement>(`.oc-card[data-id="${CSS.escape(sourceId)}"]`) : null;
    if (marked.current && marked.current !== source) delete marked.current.dataset.dragging;
    if (source && !source.dataset.dragging) source.dataset.dragging = "true";
    marked.current = source;
  });

  return { ringRef, dropBarRef };
}
