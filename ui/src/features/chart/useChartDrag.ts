// Drag and drop on the chart (see lib/pointerDrag): a press on a card may become a drag of it,
// and the chart takes drops of cards (re-parent, reorder) and of roles from the palette (a new
// position). During a drag the chart hit-tests its layout, pans near an edge, and marks what a
// drop would do.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { PointerEvent } from "react";
import { useApp } from "../../lib/store";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Lang } from "../../generated/Lang";
import { title as titleOf } from "../../lib/plan";
import { pressToDrag, refresh as refreshDrag, registerDropTarget } from "../../lib/pointerDrag";
import type { DragPayload } from "../../lib/pointerDrag";
import { cardAt, planDrop } from "./dnd";
import type { DragSource, DropPlan } from "./dnd";
import { dropStateOf } from "./dragging";
import type { DragInfo } from "./dragging";
import { edgePush } from "./pan";
import type { Live } from "./useChartData";
import { useDropMarks } from "./useDropMarks";
import type { Viewport } from "./useViewport";

interface Options {
  doc: PlanDoc;
  lang: Lang;
  live: Live;
  runPlan(plan: DropPlan, roleId: string | null): Promise<unknown>;
  /** A press on a card became a drag. */
  onStart(): void;
}

export function useChartDrag({ doc, lang, live, runPlan, onStart }: Options, vp: Viewport) {
  const { viewportRef, viewRef, apply, stopAnim, anchorRef } = vp;
  const dragRef = useRef<DragInfo | null>(null);
  const [drag, setDrag] = useState<DragInfo | null>(null);

  const updateDrag = useCallback((next: DragInfo | null) => {
    const prev = dragRef.current;
    dragRef.current = next;
    if (
      prev === next ||
      (prev && next && prev.source === next.source && prev.target === next.target && prev.zone === next.zone)
    ) {
      return;
    }
    setDrag(next);
  }, []);

  /** A press on a card may become a drag of it (see lib/pointerDrag). */
  const pressCard = (e: PointerEvent<HTMLDivElement>, el: HTMLElement) => {
    const id = el.dataset.id!;
    const p = doc.positions.find((q) => q.id === id);
    if (!p) return;
    const look = { title: titleOf(p, lang), color: el.style.getPropertyValue("--dept") };
    pressToDrag(e.nativeEvent, { kind: "position", id }, look, () => {
      onStart();
      updateDrag({ source: { kind: "position", id }, target: null, zone: "child" });
    });
  };

  const sourceOf = (payload: DragPayload): DragSource => {
    const prev = dragRef.current?.source;
    if (payload.kind === "position") {
      return prev?.kind === "position" && prev.id === payload.id ? prev : { kind: "position", id: payload.id };
    }
    return prev?.kind === "role" && prev.id === payload.id ? prev : { kind: "role", id: payload.id, title: payload.title };
  };

  /** The viewport's box, read once a drag (it does not move during one), not on every move. */
  const dragBox = useRef<DOMRect | null>(null);
  const viewportBox = () => dragBox.current ?? viewportRef.current!.getBoundingClientRect();

  // Near an edge for a moment (not just passing through from the palette): pan that way, every
  // frame while the pointer stays there.
  const edge = useRef<{ since: number; x: number; y: number; frame: number | null } | null>(null);
  const stopAutoPan = () => {
    if (edge.current?.frame != null) cancelAnimationFrame(edge.current.frame);
    edge.current = null;
  };
  const autoPan = (x: number, y: number) => {
    const { dx, dy } = edgePush(viewportBox(), x, y);
    if (!dx && !dy) {
      stopAutoPan();
      return;
    }
    if (edge.current) {
      edge.current.x = x;
      edge.current.y = y;
      return;
    }
    const step = () => {
      const e = edge.current;
      if (!e) return;
      if (performance.now() - e.since > 350) {
        const d = edgePush(viewportBox(), e.x, e.y);
        stopAnim();
        viewRef.current = { ...viewRef.current, x: viewRef.current.x + d.dx, y: viewRef.current.y + d.dy };
        apply();
        refreshDrag();
      }
      if (edge.current) edge.current.frame = requestAnimationFrame(step);
    };
    edge.current = { since: performance.now(), x, y, frame: requestAnimationFrame(step) };
  };

  /** The card under a screen point and its zone, from the layout (see `cardAt`). The browser
   * does not hit-test the cards during a drag: the shield covers them. */
  const hit = (x: number, y: number) => {
    const r = viewportBox();
    const v = viewRef.current;
    return cardAt(live.current.layout, (x - r.left - v.x) / v.k, (y - r.top - v.y) / v.k);
  };
  const shieldRef = useRef<HTMLDivElement>(null);

  const dropHandlers = {
    over(payload: DragPayload, x: number, y: number) {
      if (!dragBox.current) {
        dragBox.current = viewportRef.current!.getBoundingClientRect();
        shieldRef.current!.dataset.on = "true";
      }
      const source = sourceOf(payload);
      autoPan(x, y);
      const at = hit(x, y);
      updateDrag({ source, target: at?.id ?? null, zone: at?.zone ?? "child" });
    },
    leave(payload: DragPayload) {
      stopAutoPan();
      const d = dragRef.current;
      if (!d) return;
      // A palette drag that leaves the chart is no longer ours; a card drag keeps its source.
      updateDrag(payload.kind === "role" ? null : { ...d, target: null });
    },
    drop(payload: DragPayload, x: number, y: number) {
      const at = hit(x, y);
      if (!at) return;
      const plan = planDrop(useApp.getState().current?.doc ?? doc, sourceOf(payload), at.id, at.zone);
      if (!plan) return;
      if (plan.kind === "move" && plan.noop) return;
      anchorRef.current = at.id;
      void runPlan(plan, payload.kind === "role" ? payload.id : null);
    },
    end() {
      stopAutoPan();
      dragBox.current = null;
      if (shieldRef.current) delete shieldRef.current.dataset.on;
      updateDrag(null);
    },
  };
  const dropRef = useRef(dropHandlers);
  dropRef.current = dropHandlers;
  useEffect(() => {
    const element = viewportRef.current;
    if (!element) return;
    return registerDropTarget({
      element,
      over: (p, x, y) => dropRef.current.over(p, x, y),
      leave: (p) => dropRef.current.leave(p),
      drop: (p, x, y) => dropRef.current.drop(p, x, y),
      end: () => dropRef.current.end(),
    });
  }, [viewportRef]);
  useEffect(() => () => stopAutoPan(), []);

  const dropPlan = useMemo(() => {
    if (!drag?.target) return null;
    return planDrop(doc, drag.source, drag.target, drag.zone);
  }, [drag, doc]);
  const { ringRef, dropBarRef } = useDropMarks(
    { target: drag?.target ?? null, state: dropStateOf(dropPlan), sourceId: drag?.source.kind === "position" ? drag.source.id : null },
    { live, dragRef },
    vp,
  );

  return { drag, dragRef, dropPlan, pressCard, shieldRef, ringRef, dropBarRef };
}
