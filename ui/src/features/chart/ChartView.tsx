// The org chart: the plan's position tree, top-down. Cards are HTML in one transformed layer
// (pan and zoom move the layer, never re-render the cards); reporting lines are SVG beneath.
// Drag a card to re-parent or reorder it, drop a role from the palette to add a position.
import { memo, startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { CSSProperties, KeyboardEvent, MouseEvent, PointerEvent } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import type { PlanState } from "../../generated/PlanState";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Lang } from "../../generated/Lang";
import { childrenOf, title as titleOf } from "../../lib/plan";
import { chartDict } from "./i18n";
import { DEFAULT_SIZES, dottedLinks, dottedPath, edgePath, layoutTree } from "./layout";
import type { Bounds, TreeLayout } from "./layout";
import { ancestorsOf, cardModels, chainsOf, defaultFold, searchMatches } from "./model";
import type { CardModel } from "./model";
import { Card } from "./Card";
import type { DropState, Lod, SearchState } from "./Card";
import { cardAt, dropBarRect, planDrop, siblingStep } from "./dnd";
import { pressToDrag, refresh as refreshDrag, registerDropTarget } from "../../lib/pointerDrag";
import type { DragPayload } from "../../lib/pointerDrag";
import type { DragSource, DropPlan, Zone } from "./dnd";
import { contains, fitView, grow, lerpView, revealRect, visibleRect, zoomAround } from "./viewport";
import type { View } from "./viewport";
import { MovePicker } from "./MovePicker";
import "./chart.css";

/** Above this many visible cards, only those near the viewport are in the DOM. */
const CULL_THRESHOLD = 240;
/** Levels of detail: below LOW_ZOOM cards show their titles only, below BOX_ZOOM (where a title
 * would be a few pixels tall) they are coloured boxes. Cards are built with only what shows, so
 * a big plan zoomed out stays light. */
const LOW_ZOOM = 0.3;
const BOX_ZOOM = 0.15;
const lodAt = (k: number): Lod => (k < BOX_ZOOM ? "min" : k < LOW_ZOOM ? "low" : "high");
/** How far the drop ring stands off the target card, in screen pixels. */
const RING_PAD = 3;

/** A plan bigger than this opens with its lower levels collapsed (once per session). */
const BIG_PLAN = 150;
const autoFolded = new Set<string>();
/** Where each plan's chart was looked at, so switching views and back keeps the place. */
const savedViews = new Map<string, View>();
/** English titles run longer: wider cards. */
/** Scroll position the viewport rests at (see onScroll); must match .oc-layer's offset. */
const SCROLL_ORIGIN = 100000;
const SIZES_EN = { ...DEFAULT_SIZES, width: 212 };
const sizesFor = (lang: Lang) => (lang === "en" ? SIZES_EN : DEFAULT_SIZES);
const COMPACT_KEY = "orgplan.chart.compact";

/** Compact layout (leaf groups in columns) unless the user switched it off. */
function readCompact(): boolean {
  try {
    return localStorage.getItem(COMPACT_KEY) !== "0";
  } catch {
    return true;
  }
}

/** `autoFold={false}` opens big plans fully expanded (the benchmark page uses it). */
export function ChartView({ autoFold = true }: { autoFold?: boolean } = {}) {
  const current = useApp((s) => s.current);
  const loading = useApp((s) => s.loading);
  if (!current) return loading ? <ChartSkeleton /> : <ChartEmpty />;
  if (current.doc.positions.length === 0) return <ChartEmpty noPositions />;
  // A new plan gets a fresh chart, fitted to the window on first show.
  return <Chart key={current.doc.plan.id} state={current} autoFold={autoFold} />;
}

type DragInfo = { source: DragSource; target: string | null; zone: Zone };
type Flash = { tone: "error" | "info"; text: string };

function Chart({ state, autoFold }: { state: PlanState; autoFold: boolean }) {
  const t = useT(chartDict);
  const lang = useApp((s) => s.lang);
  const selected = useApp((s) => s.selected);
  const collapsed = useApp((s) => s.collapsed);
  const search = useApp((s) => s.search);
  const busy = useApp((s) => s.loading);
  const doc = state.doc;
  const planId = doc.plan.id;

  const viewportRef = useRef<HTMLDivElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<View>({ x: 0, y: 0, k: 1 });
  const sizeRef = useRef({ w: 0, h: 0 });
  const fittedRef = useRef(false);
  const animRef = useRef<number | null>(null);
  const zoomSubs = useRef(new Set<(k: number) => void>());
  const dragRef = useRef<DragInfo | null>(null);
  const panRef = useRef<{ id: number; sx: number; sy: number; vx: number; vy: number; moved: boolean } | null>(null);
  const flashTimer = useRef<number | null>(null);
  const revealedRef = useRef<string | null>(null);
  /** The card to hold still through the next layout change (the one just toggled or dropped on). */
  const anchorRef = useRef<string | null>(null);

  const [drag, setDrag] = useState<DragInfo | null>(null);
  const [flash, setFlash] = useState<Flash | null>(null);
  const [picker, setPicker] = useState<string | null>(null);
  const [tip, setTip] = useState<{ x: number; y: number; text: string; tone: string } | null>(null);
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

  const [compact, setCompact] = useState(readCompact);
  // A big plan opens showing its top levels only; the first layout already uses that, so the
  // first fit frames what is shown.
  const [initialFold] = useState(() => {
    if (!autoFold || autoFolded.has(doc.plan.id) || useApp.getState().collapsed.length > 0) return [];
    autoFolded.add(doc.plan.id);
    return defaultFold(doc, BIG_PLAN);
  });
  const foldSynced = useRef(initialFold.length === 0);
  useEffect(() => {
    if (initialFold.length > 0) useApp.setState({ collapsed: initialFold });
    foldSynced.current = true;
  }, [initialFold]);
  const folded = foldSynced.current ? collapsed : initialFold;

  const sizes = sizesFor(lang);
  const layout = useMemo(() => layoutTree(doc, folded, sizes, { stackLeaves: compact }), [doc, folded, sizes, compact]);
  const models = useMemo(() => cardModels(doc, state.figures, state.findings, layout, lang), [doc, state.figures, state.findings, layout, lang]);
  const matches = useMemo(() => searchMatches(doc, search), [doc, search]);
  const matchSet = useMemo(() => new Set(matches), [matches]);
  const chain = useMemo(() => (matches.length ? chainsOf(doc, matches) : null), [doc, matches]);
  const edges = useMemo(() => edgePath(layout), [layout]);
  const chainEdges = useMemo(() => (chain ? edgePath(layout, chain) : ""), [layout, chain]);
  const dotted = useMemo(
    () => dottedLinks(doc, layout).map((l) => dottedPath(layout, l.from, l.to)).join(""),
    [doc, layout],
  );
  const cull = models.length > CULL_THRESHOLD;

  // Latest values for native listeners and callbacks that must stay stable.
  const live = useRef({ layout, doc, cull, selected });
  useLayoutEffect(() => {
    live.current = { layout, doc, cull, selected };
  });

  // ---- drop marks (see the layout effect near the end) ------------------------------------
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
    const v = viewRef.current;
    const { width, height } = live.current.layout.sizes;
    const box = { x: v.x + node.x * v.k, y: v.y + node.y * v.k, w: width * v.k, h: height * v.k };
    if (state === "before" || state === "after") {
      hide(ring);
      const r = dropBarRect(box, state, node.stacked, v.k);
      bar.style.transform = `translate(${r.x}px, ${r.y}px)`;
      bar.style.width = `${r.w}px`;
      bar.style.height = `${r.h}px`;
      bar.dataset.show = "true";
      return;
    }
    hide(bar);
    ring.style.transform = `translate(${box.x - RING_PAD}px, ${box.y - RING_PAD}px)`;
    ring.style.width = `${box.w + 2 * RING_PAD}px`;
    ring.style.height = `${box.h + 2 * RING_PAD}px`;
    if (ring.dataset.state !== state) ring.dataset.state = state;
    ring.dataset.show = "true";
  }, []);

  // ---- view: pan / zoom ------------------------------------------------------------------
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
    let g = 22 * v.k;
    while (g < 11) g *= 2;
    vp.style.backgroundSize = `${g}px ${g}px`;
    vp.style.backgroundPosition = `${v.x}px ${v.y}px`;
    for (const f of zoomSubs.current) f(v.k);
    if (dragRef.current) placeDropMarks();
    const { w, h } = sizeRef.current;
    if (live.current.cull && w > 0) {
      const seen = visibleRect(v, w, h);
      const current = winRef.current;
      if (shrinkTimer.current !== null) window.clearTimeout(shrinkTimer.current);
      shrinkTimer.current = null;
      if (!current || !contains(current, seen)) {
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
      } else if (area(current) > area(seen) * 9) {
        // Zoomed in a lot: drop the far-away cards once the view settles.
        shrinkTimer.current = window.setTimeout(() => {
          shrinkTimer.current = null;
          const next = grow(visibleRect(viewRef.current, sizeRef.current.w, sizeRef.current.h), 0.5);
          winRef.current = next;
          startTransition(() => setWin(next));
        }, 300);
      }
    }
  }, [placeDropMarks]);

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
    [setView],
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
    const id = candidates.find((c) => c && before.byId.has(c) && layout.byId.has(c));
    if (!id) return;
    const a = before.byId.get(id)!;
    const b = layout.byId.get(id)!;
    const v = viewRef.current;
    const dx = (a.x + before.sizes.width / 2 - (b.x + layout.sizes.width / 2)) * v.k;
    const dy = (a.y - b.y) * v.k;
    let next = { ...v, x: v.x + dx, y: v.y + dy };
    // When the whole chart fits at this zoom, keep all of it in view.
    const { w, h } = sizeRef.current;
    const bx = layout.bounds;
    if ((bx.maxX - bx.minX) * v.k <= w - 32 && (bx.maxY - bx.minY) * v.k <= h - 32) {
      next = revealRect(next, { x: bx.minX, y: bx.minY, width: bx.maxX - bx.minX, height: bx.maxY - bx.minY }, w, h, 16);
    }
    if (Math.abs(next.x - v.x) > 0.5 || Math.abs(next.y - v.y) > 0.5) {
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

  // Wheel and pinch zoom around the cursor (a native listener: React's is passive).
  useEffect(() => {
    const vp = viewportRef.current!;
    const onWheel = (e: WheelEvent) => {
      if ((e.target as Element).closest(".oc-ui")) return;
      e.preventDefault();
      stopAnim();
      const r = vp.getBoundingClientRect();
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? r.height : 1;
      const dx = e.deltaX * unit;
      const dy = e.deltaY * unit;
      if (!e.ctrlKey && Math.abs(dx) > Math.abs(dy)) {
        viewRef.current = { ...viewRef.current, x: viewRef.current.x - dx };
      } else {
        const factor = Math.exp(-dy * (e.ctrlKey ? 0.012 : 0.0018));
        viewRef.current = zoomAround(viewRef.current, factor, e.clientX - r.left, e.clientY - r.top);
      }
      apply();
    };
    vp.addEventListener("wheel", onWheel, { passive: false });
    return () => vp.removeEventListener("wheel", onWheel);
  }, [apply, stopAnim]);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 && e.button !== 1) return;
    const target = e.target as Element;
    const card = target.closest<HTMLElement>(".oc-card");
    if (card?.dataset.id && !target.closest(".oc-toggle, button, a")) pressCard(e, card);
    if (card || target.closest(".oc-ui")) return;
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
  }, []);

  // ---- selection: reveal and focus -------------------------------------------------------
  const pendingFocus = useRef(false);
  const focusCard = useCallback((id: string) => {
    const el = layerRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] > [role="treeitem"]`);
    el?.focus({ preventScroll: true });
  }, []);

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
  }, [selected, layout, doc, setView, focusCard]);

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

  // ---- hint bar messages -----------------------------------------------------------------
  const showFlash = useCallback((f: Flash, ms = 4500) => {
    if (flashTimer.current !== null) window.clearTimeout(flashTimer.current);
    setFlash(f);
    flashTimer.current = window.setTimeout(() => setFlash(null), ms);
  }, []);
  useEffect(() => () => {
    if (flashTimer.current !== null) window.clearTimeout(flashTimer.current);
  }, []);

  /** Runs a move or add; a refusal shows the backend's message in the hint bar too. */
  const runPlan = useCallback(
    async (plan: DropPlan, roleId: string | null) => {
      const { edit } = useApp.getState();
      let result;
      if (plan.kind === "add") {
        if (!roleId) return null;
        result = await edit("add_position", { parent: plan.parent, role: roleId, index: plan.index });
      } else {
        if (plan.noop) return null;
        result = await edit("move_position", { position: plan.position, new_parent: plan.newParent, index: plan.index });
      }
      if (!result) {
        const last = [...useApp.getState().notices].reverse().find((n) => n.tone === "error");
        if (last) showFlash({ tone: "error", text: last.text });
      }
      return result;
    },
    [showFlash],
  );

  // ---- drag and drop ---------------------------------------------------------------------
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
      setTip(null);
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
  /** How far to pan (px a frame) with the pointer at (x, y): towards an edge it is within 40 px
   * of, faster the closer it is. */
  const edgePush = (x: number, y: number) => {
    const r = viewportBox();
    const band = 40;
    const push = (d: number) => (d < band ? ((band - Math.max(d, 0)) / band) * 14 : 0);
    return { dx: push(x - r.left) - push(r.right - x), dy: push(y - r.top) - push(r.bottom - y) };
  };
  const autoPan = (x: number, y: number) => {
    const { dx, dy } = edgePush(x, y);
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
        const d = edgePush(e.x, e.y);
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
  }, []);
  useEffect(() => () => stopAutoPan(), []);

  // ---- clicks ----------------------------------------------------------------------------
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
    if (!w || dragRef.current) return;
    const r = w.getBoundingClientRect();
    const host = viewportRef.current!.parentElement!.getBoundingClientRect();
    setTip({ x: r.left + r.width / 2 - host.left, y: r.bottom - host.top + 6, text: w.dataset.tip ?? "", tone: w.dataset.tone ?? "warning" });
  };
  const onMouseOut = (e: MouseEvent<HTMLDivElement>) => {
    if ((e.target as Element).closest(".oc-warn")) setTip(null);
  };

  // ---- keyboard --------------------------------------------------------------------------
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = (e.target as Element).closest<HTMLElement>(".oc-card");
    if (!el?.dataset.id) return;
    const id = el.dataset.id;
    const { layout: l, doc: d } = live.current;
    const node = l.byId.get(id);
    if (!node) return;
    const store = useApp.getState();
    const key = e.key;

    if (e.altKey && (key === "ArrowUp" || key === "ArrowDown" || key === "ArrowLeft" || key === "ArrowRight")) {
      e.preventDefault();
      const step = siblingStep(d, id, key === "ArrowUp" || key === "ArrowLeft" ? -1 : 1);
      if (!step) return;
      void store.edit("move_position", { position: id, new_parent: step.newParent, index: step.index }).then(() => {
        requestAnimationFrame(() => focusCard(id));
      });
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;

    const go = (to: string | null | undefined) => {
      if (!to) return;
      selectAndFocus(to);
    };
    switch (key) {
      case "ArrowUp":
        e.preventDefault();
        go(node.parent);
        break;
      case "ArrowDown": {
        e.preventDefault();
        if (node.children.length) go(node.children[0]);
        else if (node.childCount > 0) {
          store.toggleCollapsed(id);
          go(childrenOf(d, id)[0]?.id);
        }
        break;
      }
      case "ArrowLeft":
      case "ArrowRight": {
        e.preventDefault();
        const dir = key === "ArrowLeft" ? -1 : 1;
        const parent = node.parent ? l.byId.get(node.parent) : null;
        const sibs = parent ? parent.children : [];
        const at = sibs.indexOf(id);
        const sib = sibs[at + dir];
        if (sib) {
          go(sib);
          break;
        }
        // No sibling that way: the nearest card on the same level.
        const row = l.nodes.filter((n) => n.depth === node.depth).sort((a, b) => a.x - b.x);
        go(row[row.indexOf(node) + dir]?.id);
        break;
      }
      case "Home":
        e.preventDefault();
        go(l.nodes[0]?.id);
        break;
      case "Enter":
      case " ":
        e.preventDefault();
        store.select(id);
        break;
      case "-":
      case "_":
        e.preventDefault();
        if (node.children.length > 0) {
          anchorRef.current = id;
          store.toggleCollapsed(id);
        }
        break;
      case "+":
      case "=":
        e.preventDefault();
        if (node.children.length === 0 && node.childCount > 0) {
          anchorRef.current = id;
          store.toggleCollapsed(id);
        }
        break;
      case "m":
      case "M":
        e.preventDefault();
        if (node.parent !== null) {
          store.select(id);
          setPicker(id);
        }
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

  // ---- search navigation -----------------------------------------------------------------
  const jumpMatch = (dir: 1 | -1) => {
    if (!matches.length) return;
    const at = selected ? matches.indexOf(selected) : -1;
    const next = matches[(at + dir + matches.length) % matches.length] ?? matches[0];
    useApp.getState().select(next);
  };

  // ---- what to render --------------------------------------------------------------------
  const rootId = layout.nodes[0]?.id ?? null;
  const tabbableId = selected && layout.byId.has(selected) ? selected : rootId;
  const shown = useMemo(() => {
    if (!cull) return models;
    if (!win) return fitted ? models : [];
    const { width: w, height: h } = layout.sizes;
    return models.filter(
      (m) => m.id === tabbableId || (m.x + w >= win.minX && m.x <= win.maxX && m.y + h >= win.minY && m.y <= win.maxY),
    );
  }, [models, cull, win, fitted, tabbableId, layout]);

  const dropPlan = useMemo(() => {
    if (!drag?.target) return null;
    return planDrop(doc, drag.source, drag.target, drag.zone);
  }, [drag, doc]);

  const hint = hintText(t, doc, lang, drag, dropPlan);
  const hintTone = dropPlan?.kind === "move" && dropPlan.cycle ? "error" : "info";
  const dragSourceId = drag?.source.kind === "position" ? drag.source.id : null;
  const dropState: DropState = !dropPlan
    ? null
    : dropPlan.kind === "move" && dropPlan.cycle
      ? "cycle"
      : dropPlan.kind === "move" && dropPlan.noop
        ? "noop"
        : dropPlan.zone;

  // Drop feedback: a ring over the target card, or a bar beside it for "before" / "after". Both
  // live over the viewport, in screen pixels, not among the cards: changing anything among a
  // thousand cards repaints them all, which a drag cannot afford on every pointer move. Placed
  // after every commit and on every pan or zoom (`apply`). The dragged card itself is marked
  // once (data-dragging).
  const dropTargetId = drag?.target ?? null;
  dropMark.current = { target: dropTargetId, state: dropState };
  const marked = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    placeDropMarks();
    const layer = layerRef.current;
    if (!layer) return;
    const source = dragSourceId ? layer.querySelector<HTMLElement>(`.oc-card[data-id="${CSS.escape(dragSourceId)}"]`) : null;
    if (marked.current && marked.current !== source) delete marked.current.dataset.dragging;
    if (source && !source.dataset.dragging) source.dataset.dragging = "true";
    marked.current = source;
  });

  return (
    <div
      className="oc-root"
      data-dragging={drag ? "true" : undefined}
      data-searching={search.trim() ? "true" : undefined}
      style={{ "--oc-card-w": `${sizes.width}px`, "--oc-card-h": `${sizes.height}px` } as CSSProperties}
    >
      {busy && <div className="oc-progress" aria-hidden="true" />}
      <div
        ref={viewportRef}
        className="oc-viewport"
        role="tree"
        aria-label={t("treeLabel")}
        aria-multiselectable="false"
        data-search={chain ? "true" : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onScroll={onScroll}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onMouseOver={onMouseOver}
        onMouseOut={onMouseOut}
      >
        <div className="oc-scroll-room" aria-hidden="true" />
        <div ref={layerRef} className="oc-layer" data-lod={lod}>
          <Lines layout={layout} edges={edges} chainEdges={chainEdges} dotted={dotted} />
          <Cards
            models={shown}
            lang={lang}
            selected={selected}
            tabbable={tabbableId}
            matchSet={matchSet}
            chain={chain}
            query={search}
            lod={lod}
          />
        </div>
        <div ref={shieldRef} className="oc-drag-shield" aria-hidden="true" />
      </div>
      <div className="oc-drop-marks" aria-hidden="true">
        <div ref={ringRef} className="oc-drop-ring" />
        <div ref={dropBarRef} className="oc-drop-bar" />
      </div>

      {search.trim() && (
        <div className="oc-search oc-ui" role="status">
          <SearchIcon />
          <span>{matches.length ? t("searchCount", { n: matches.length }) : t("searchNone", { q: search.trim() })}</span>
          {matches.length > 0 && (
            <>
              <button type="button" className="oc-icon-btn" aria-label={t("searchPrev")} title={t("searchPrev")} onClick={() => jumpMatch(-1)}>
                <Chevron dir="left" />
              </button>
              <button type="button" className="oc-icon-btn" aria-label={t("searchNext")} title={t("searchNext")} onClick={() => jumpMatch(1)}>
                <Chevron dir="right" />
              </button>
            </>
          )}
          <button type="button" className="oc-icon-btn" aria-label={t("searchClear")} title={t("searchClear")} onClick={() => useApp.getState().setSearch("")}>
            <CloseIcon />
          </button>
        </div>
      )}

      <Legend t={t} hasDotted={dotted.length > 0} />

      <Controls
        t={t}
        subscribe={zoomSubs.current}
        initial={viewRef.current.k}
        onZoomIn={() => zoomBy(1.25)}
        onZoomOut={() => zoomBy(0.8)}
        onFit={() => fit(true)}
        onReset={zoomTo100}
        compact={compact}
        onCompact={() => {
          const next = !compact;
          setCompact(next);
          try {
            localStorage.setItem(COMPACT_KEY, next ? "1" : "0");
          } catch {
            /* private mode */
          }
          requestAnimationFrame(() => fit(true));
        }}
        onExpandAll={() => {
          useApp.setState({ collapsed: [] });
          requestAnimationFrame(() => fit(true));
        }}
        onCollapseAll={() => {
          const deep = layoutTree(doc, [], sizes).nodes.filter((n) => n.depth === 1 && n.childCount > 0).map((n) => n.id);
          useApp.setState({ collapsed: deep });
          requestAnimationFrame(() => fit(true));
        }}
      />

      <div className="oc-hint-wrap" role="status" aria-live="polite">
        {(drag || flash) && (
          <div className="oc-hint" data-tone={drag ? hintTone : flash!.tone}>
            {drag ? hint : flash!.text}
          </div>
        )}
      </div>

      {tip && (
        <div className="oc-tip" data-tone={tip.tone} style={{ left: tip.x, top: tip.y }} role="tooltip">
          {tip.text.split("\n").map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </div>
      )}

      {picker && (
        <MovePicker
          doc={doc}
          position={picker}
          lang={lang}
          onPick={(id) => void onPick(id)}
          onClose={() => {
            const id = picker;
            setPicker(null);
            requestAnimationFrame(() => focusCard(id));
          }}
        />
      )}

    </div>
  );
}

function area(b: Bounds): number {
  return (b.maxX - b.minX) * (b.maxY - b.minY);
}

function hintText(
  t: (key: keyof typeof chartDict, vars?: Record<string, string | number>) => string,
  doc: PlanDoc,
  lang: Lang,
  drag: DragInfo | null,
  plan: DropPlan | null,
): string {
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

// ---- pieces ------------------------------------------------------------------------------

const Lines = memo(function Lines({ layout, edges, chainEdges, dotted }: { layout: TreeLayout; edges: string; chainEdges: string; dotted: string }) {
  const b = layout.bounds;
  const pad = 80;
  const x = b.minX - pad;
  const y = b.minY - pad;
  const w = b.maxX - b.minX + pad * 2;
  const h = b.maxY - b.minY + pad * 2;
  return (
    <svg className="oc-lines" style={{ left: x, top: y }} width={w} height={h} viewBox={`${x} ${y} ${w} ${h}`} aria-hidden="true">
      <path className="oc-edge" d={edges} />
      {chainEdges && <path className="oc-edge oc-edge-chain" d={chainEdges} />}
      {dotted && <path className="oc-dotted" d={dotted} />}
    </svg>
  );
});

interface CardsProps {
  models: CardModel[];
  lang: Lang;
  selected: string | null;
  tabbable: string | null;
  matchSet: Set<string>;
  chain: Set<string> | null;
  query: string;
  lod: Lod;
}

// The cards sit in a wrapper that mounts with the first of them: React then builds all of them
// off-document and inserts them at once (into an existing parent, it would place each one).
const Cards = memo(function Cards(p: CardsProps) {
  if (p.models.length === 0) return null;
  return (
    <div className="oc-cards">
      {p.models.map((m) => {
        const search: SearchState = !p.chain ? null : p.matchSet.has(m.id) ? "match" : p.chain.has(m.id) ? "chain" : "dim";
        return (
          <Card
            key={m.id}
            {...m}
            lang={p.lang}
            selected={m.id === p.selected}
            tabbable={m.id === p.tabbable}
            search={search}
            query={search === "match" ? p.query : ""}
            lod={p.lod}
          />
        );
      })}
    </div>
  );
});

function Controls(props: {
  t: (key: keyof typeof chartDict) => string;
  subscribe: Set<(k: number) => void>;
  initial: number;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
  onReset(): void;
  compact: boolean;
  onCompact(): void;
  onExpandAll(): void;
  onCollapseAll(): void;
}) {
  const { t, subscribe } = props;
  const [k, setK] = useState(props.initial);
  useEffect(() => {
    const f = (z: number) => setK(z);
    subscribe.add(f);
    return () => {
      subscribe.delete(f);
    };
  }, [subscribe]);
  return (
    <div className="oc-controls oc-ui">
      <div className="oc-control-group">
        <button
          type="button"
          className="oc-ctl"
          aria-label={t("compact")}
          title={t("compact")}
          aria-pressed={props.compact}
          onClick={props.onCompact}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            {props.compact ? (
              <path
                d="M3 2.5h6v3H3zM5 5.5v8M5 8.5h3M5 12.5h3M8 7h5.5v3H8zM8 11h5.5v3H8z"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.2"
                strokeLinejoin="round"
              />
            ) : (
              <path
                d="M5.5 2h5v3h-5zM8 5v2.5M3.5 10V7.5h9V10M1 10h5v3H1zM10 10h5v3h-5z"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.2"
                strokeLinejoin="round"
              />
            )}
          </svg>
        </button>
        <button type="button" className="oc-ctl" aria-label={t("expandAll")} title={t("expandAll")} onClick={props.onExpandAll}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 6l4-4 4 4M4 10l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        <button type="button" className="oc-ctl" aria-label={t("collapseAll")} title={t("collapseAll")} onClick={props.onCollapseAll}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 2l4 4 4-4M4 14l4-4 4 4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </div>
      <div className="oc-control-group">
        <button type="button" className="oc-ctl" aria-label={t("zoomIn")} title={t("zoomIn")} onClick={props.onZoomIn}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
        <button type="button" className="oc-ctl oc-zoom num" title={t("zoomReset")} aria-label={`${Math.round(k * 100)}% · ${t("zoomReset")}`} onClick={props.onReset}>
          {Math.round(k * 100)}%
        </button>
        <button type="button" className="oc-ctl" aria-label={t("zoomOut")} title={t("zoomOut")} onClick={props.onZoomOut}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M3 8h10" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
        <button type="button" className="oc-ctl" aria-label={t("fit")} title={t("fit")} onClick={props.onFit}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path
              d="M2.5 6V3.5a1 1 0 0 1 1-1H6M10 2.5h2.5a1 1 0 0 1 1 1V6M13.5 10v2.5a1 1 0 0 1-1 1H10M6 13.5H3.5a1 1 0 0 1-1-1V10"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </div>
    </div>
  );
}

function Legend({ t, hasDotted }: { t: (key: keyof typeof chartDict) => string; hasDotted: boolean }) {
  return (
    <div className="oc-legend oc-ui" aria-hidden="true">
      <span className="oc-legend-item">
        <svg width="22" height="8">
          <path d="M1 4h20" className="oc-legend-solid" />
        </svg>
        {t("legendSolid")}
      </span>
      <span className="oc-legend-item" data-off={hasDotted ? undefined : "true"}>
        <svg width="22" height="8">
          <path d="M1 4h20" className="oc-legend-dotted" />
        </svg>
        {t("legendDotted")}
      </span>
      <span className="oc-legend-item">
        <span className="oc-legend-vacant" />
        {t("legendVacant")}
      </span>
    </div>
  );
}

function SearchIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

function Chevron({ dir }: { dir: "left" | "right" }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path d={dir === "left" ? "M10 3 5 8l5 5" : "M6 3l5 5-5 5"} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function CloseIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

// ---- empty and loading -----------------------------------------------------------------

function ChartEmpty({ noPositions = false }: { noPositions?: boolean }) {
  const t = useT(chartDict);
  const setView = useApp((s) => s.setView);
  return (
    <div className="oc-root oc-empty">
      <div className="oc-empty-card">
        <svg width="120" height="84" viewBox="0 0 120 84" aria-hidden="true" className="oc-empty-art">
          <rect x="42" y="4" width="36" height="18" rx="4" />
          <rect x="6" y="58" width="32" height="18" rx="4" />
          <rect x="44" y="58" width="32" height="18" rx="4" />
          <rect x="82" y="58" width="32" height="18" rx="4" />
          <path d="M60 22v14M22 58V44h76v14M60 36v22" />
        </svg>
        <h2>{noPositions ? t("noPositions") : t("emptyTitle")}</h2>
        {!noPositions && (
          <>
            <p>{t("emptyBody")}</p>
            <button type="button" className="btn primary" onClick={() => setView("plans")}>
              {t("emptyAction")}
            </button>
          </>
        )}
      </div>
    </div>
  );
}

function ChartSkeleton() {
  const t = useT(chartDict);
  const row = (y: number, xs: number[]) =>
    xs.map((x) => <div key={`${x}-${y}`} className="oc-skel-card" style={{ left: `calc(50% + ${x}px)`, top: y }} />);
  return (
    <div className="oc-root oc-skeleton" aria-busy="true" aria-label={t("loading")}>
      {row(60, [-92])}
      {row(196, [-400, -196, 12, 216])}
      {row(332, [-400, -196, 216])}
    </div>
  );
}
