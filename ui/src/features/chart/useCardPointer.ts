// The mouse on the chart, by delegation from the viewport (cards handle no events): a press on a
// card may start a drag of it and one on the background a pan; a click selects a card or folds
// it; a findings badge shows its tooltip.
import type { MouseEvent, PointerEvent } from "react";
import { useApp } from "../../lib/store";
import type { TipInfo } from "./Overlays";
import type { Viewport } from "./useViewport";

interface Options {
  viewportRef: Viewport["viewportRef"];
  anchorRef: Viewport["anchorRef"];
  focusCard(id: string): void;
  /** A drag is under way over the chart (no tooltips then). */
  dragging(): boolean;
  setTip(tip: TipInfo | null): void;
  pressCard(e: PointerEvent<HTMLDivElement>, card: HTMLElement): void;
  startPan(e: PointerEvent<HTMLDivElement>): void;
}

export function useCardPointer({ viewportRef, anchorRef, focusCard, dragging, setTip, pressCard, startPan }: Options) {
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 && e.button !== 1) return;
    const target = e.target as Element;
    const card = target.closest<HTMLElement>(".oc-card");
    if (card?.dataset.id && !target.closest(".oc-toggle, button, a")) pressCard(e, card);
    if (card || target.closest(".oc-ui")) return;
    startPan(e);
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target as Element;
    const el = target.closest<HTMLElement>(".oc-card");
    if (!el?.dataset.id) return;
    const id = el.dataset.id;
    if (target.closest(".oc-toggle")) {
      anchorRef.current = id;
      useApp.getState().toggleCollapsed(id);
      focusCard(id);
      return;
    }
    useApp.getState().select(id);
  };

  const onMouseOver = (e: MouseEvent<HTMLDivElement>) => {
    const w = (e.target as Element).closest<HTMLElement>(".oc-warn");
    if (!w || dragging()) return;
    const r = w.getBoundingClientRect();
    const host = viewportRef.current!.parentElement!.getBoundingClientRect();
    setTip({ x: r.left + r.width / 2 - host.left, y: r.bottom - host.top + 6, text: w.dataset.tip ?? "", tone: w.dataset.tone ?? "warning" });
  };
  const onMouseOut = (e: MouseEvent<HTMLDivElement>) => {
    if ((e.target as Element).closest(".oc-warn")) setTip(null);
  };

  return { onPointerDown, onClick, onMouseOver, onMouseOut };
}
