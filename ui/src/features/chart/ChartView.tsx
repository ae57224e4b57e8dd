// The org chart: the plan's position tree, top-down. Cards are HTML in one transformed layer
// (pan and zoom move the layer, never re-render the cards); reporting lines are SVG beneath.
// Drag a card to re-parent or reorder it, drop a role from the palette to add a position.
// This file puts the pieces together: what is shown (useChartData), the view (useViewport,
// usePan), selection, drag and drop (useChartDrag), the keyboard (useChartKeys), the mouse
// (useCardPointer), and what sits over the chart.
import { useMemo, useState } from "react";
import type { CSSProperties } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import type { PlanState } from "../../generated/PlanState";
import { chartDict } from "./i18n";
import { Cards, Lines } from "./Cards";
import { ChartEmpty, ChartSkeleton } from "./ChartEmpty";
import { Controls } from "./Controls";
import { HintBar, Legend, SearchBar, WarnTip } from "./Overlays";
import type { TipInfo } from "./Overlays";
import { MovePicker } from "./MovePicker";
import { mountedModels } from "./detail";
import { useChartData, useLive } from "./useChartData";
import { useViewport } from "./useViewport";
import { usePan } from "./usePan";
import { useSelection } from "./useSelection";
import { useEdits } from "./useEdits";
import { useChartDrag } from "./useChartDrag";
import { useChartKeys } from "./useChartKeys";
import { useCardPointer } from "./useCardPointer";
import { focusableDepartments, subtreeBounds, zoomToBounds } from "./focus";
import { departmentName } from "../../lib/plan";
import "./chart.css";

/** `autoFold={false}` opens big plans fully expanded (the benchmark page uses it). */
export function ChartView({ autoFold = true }: { autoFold?: boolean } = {}) {
  const current = useApp((s) => s.current);
  const loading = useApp((s) => s.loading);
  if (!current) return loading ? <ChartSkeleton /> : <ChartEmpty />;
  if (current.doc.positions.length === 0) return <ChartEmpty noPositions />;
  // A new plan gets a fresh chart, fitted to the window on first show.
  return <Chart key={current.doc.plan.id} state={current} autoFold={autoFold} />;
}

function Chart({ state, autoFold }: { state: PlanState; autoFold: boolean }) {
  const t = useT(chartDict);
  const lang = useApp((s) => s.lang);
  const selected = useApp((s) => s.selected);
  const search = useApp((s) => s.search);
  const busy = useApp((s) => s.loading);
  const doc = state.doc;

  // Hook order matters: effects run in this order (the first fit reads `live`, the drop marks
  // are placed after everything else has settled).
  const data = useChartData(state, { autoFold, lang, search });
  const { sizes, layout, cull } = data;
  const live = useLive(layout, doc, cull);
  const vp = useViewport({ planId: doc.plan.id, layout, selected, cull, live });
  const pan = usePan(vp);
  const { focusCard, selectAndFocus } = useSelection({ layout, doc, selected }, vp);
  const { flash, runPlan } = useEdits();
  const [tip, setTip] = useState<TipInfo | null>(null);
  const dnd = useChartDrag({ doc, lang, live, runPlan, onStart: () => setTip(null) }, vp);
  /** 缩放到所选: frame the card and the cards shown below it. */
  const zoomTo = (id: string) => {
    const b = subtreeBounds(live.current.layout, id);
    const { w, h } = vp.sizeRef.current;
    if (b && w > 0 && h > 0) vp.setView(zoomToBounds(vp.viewRef.current, b, w, h), true);
  };
  const keys = useChartKeys({ doc, live, anchorRef: vp.anchorRef, focusCard, selectAndFocus, runPlan, zoomTo });
  const mouse = useCardPointer({
    viewportRef: vp.viewportRef,
    anchorRef: vp.anchorRef,
    focusCard,
    dragging: () => dnd.dragRef.current !== null,
    setTip,
    pressCard: dnd.pressCard,
    startPan: pan.start,
  });

  const rootId = layout.nodes[0]?.id ?? null;
  const tabbableId = selected && layout.byId.has(selected) ? selected : rootId;
  const { models } = data;
  const { win, fitted, fit } = vp;
  const shown = useMemo(
    () => mountedModels(models, { cull, win, fitted, keep: tabbableId, sizes: layout.sizes }),
    [models, cull, win, fitted, tabbableId, layout],
  );
  const refit = () => requestAnimationFrame(() => fit(true));
  const { picker } = keys;
  const departments = useMemo(() => focusableDepartments(doc).map((d) => ({ id: d.id, name: departmentName(d, lang) })), [doc, lang]);

  return (
    <div
      className="oc-root"
      data-dragging={dnd.drag ? "true" : undefined}
      data-searching={search.trim() ? "true" : undefined}
      data-focus={data.focusDept ?? undefined}
      style={{ "--oc-card-w": `${sizes.width}px`, "--oc-card-h": `${sizes.height}px` } as CSSProperties}
    >
      {busy && <div className="oc-progress" aria-hidden="true" />}
      <div
        ref={vp.viewportRef}
        className="oc-viewport"
        role="tree"
        aria-label={t("treeLabel")}
        aria-multiselectable="false"
        data-search={data.chain ? "true" : undefined}
        onPointerDown={mouse.onPointerDown}
        onPointerMove={pan.onPointerMove}
        onPointerUp={pan.onPointerUp}
        onPointerCancel={pan.onPointerUp}
        onScroll={pan.onScroll}
        onClick={mouse.onClick}
        onKeyDown={keys.onKeyDown}
        onMouseOver={mouse.onMouseOver}
        onMouseOut={mouse.onMouseOut}
      >
        <div className="oc-scroll-room" aria-hidden="true" />
        <div ref={vp.layerRef} className="oc-layer" data-lod={vp.lod}>
          <Lines layout={layout} edges={data.edges} chainEdges={data.chainEdges} dotted={data.dotted} />
          <Cards
            models={shown}
            lang={lang}
            selected={selected}
            tabbable={tabbableId}
            matchSet={data.matchSet}
            chain={data.chain}
            query={search}
            lod={vp.lod}
            names={data.showNames}
          />
        </div>
        <div ref={dnd.shieldRef} className="oc-drag-shield" aria-hidden="true" />
      </div>
      <div className="oc-drop-marks" aria-hidden="true">
        <div ref={dnd.ringRef} className="oc-drop-ring" />
        <div ref={dnd.dropBarRef} className="oc-drop-bar" />
      </div>

      {search.trim() && <SearchBar t={t} query={search} matches={data.matches} selected={selected} />}

      <Legend t={t} hasDotted={data.dotted.length > 0} />

      <Controls
        t={t}
        subscribe={vp.viewSubs}
        initial={vp.viewRef.current.k}
        onZoomIn={() => vp.zoomBy(1.25)}
        onZoomOut={() => vp.zoomBy(0.8)}
        onFit={() => fit(true)}
        onReset={vp.zoomTo100}
        compact={data.compact}
        onCompact={() => {
          data.toggleCompact();
          refit();
        }}
        names={data.showNames}
        onNames={data.toggleNames}
        onExpandAll={() => {
          data.expandAll();
          refit();
        }}
        onCollapseAll={() => {
          data.collapseAll();
          refit();
        }}
        departments={departments}
        focusDept={data.focusDept}
        onFocusDept={(d) => {
          data.setFocusDept(d);
          refit();
        }}
        canZoomSelected={selected !== null && layout.byId.has(selected)}
        onZoomSelected={() => selected && zoomTo(selected)}
      />

      <HintBar t={t} doc={doc} lang={lang} drag={dnd.drag} plan={dnd.dropPlan} flash={flash} />

      {tip && <WarnTip tip={tip} />}

      {picker && (
        <MovePicker
          doc={doc}
          position={picker}
          lang={lang}
          onPick={(id) => void keys.onPick(id)}
          onClose={() => keys.closePicker(picker)}
        />
      )}
    </div>
  );
}
