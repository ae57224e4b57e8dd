// The benchmark page: one of two renderers (?lib=orgplan or ?lib=d3), the same generated plan.
// bench/run.mjs drives it through `window.__bench`; nothing here starts on its own.
import { createRoot } from "react-dom/client";
import { StrictMode } from "react";
import { OrgChart } from "d3-org-chart";
import "../src/styles.css";
import { ChartView } from "../src/features/chart";
import { useApp } from "../src/lib/store";
import { DEFAULT_SIZES, layoutTree } from "../src/features/chart/layout";
import { visibleRect } from "../src/features/chart/viewport";
import { EstablishmentTable, PeopleTable } from "../src/features/tables";
import type { PlanFigures } from "../src/generated/PlanFigures";
import type { PlanDoc } from "../src/generated/PlanDoc";
import { BENCH_SIZE, benchPlan, flatRows, tablePlan, treeStats } from "./tree";
import type { FlatRow } from "./tree";

export interface RenderResult {
  lib: string;
  /** From just before the renderer gets the data to the end of the first frame that shows all
   * of it (all node groups for d3-org-chart; every card in view for OrgPlan). */
  ms: number;
  /** Until the DOM was built (the rest is style, layout and paint of the frame that shows it). */
  buildMs: number;
  /** Cards / node groups in the DOM at that frame. */
  inDom: number;
  /** OrgPlan: cards the layout puts inside the viewport, and how many of them were missing. */
  inView?: number;
  missing?: number;
  zoom?: number;
}

const stage = document.getElementById("stage")!;
const params = new URLSearchParams(location.search);
const lib = params.get("lib") ?? "orgplan";
const isTable = lib === "people" || lib === "establishment";
const doc = isTable
  ? tablePlan(Number(params.get("size") ?? 2000), Number(params.get("people") ?? 2000))
  : benchPlan(Number(params.get("size") ?? BENCH_SIZE));

/** Figures for the tables' plan, in the shape the core sends (the bench has no core: these are
 * its fixture, counted here once before timing; the tables only look them up). */
function benchFigures(d: PlanDoc): PlanFigures {
  const holders = new Map<string, number>();
  const share = new Map<string, number>();
  for (const p of d.people) {
    for (const a of p.assignments) {
      holders.set(a.position, (holders.get(a.position) ?? 0) + 1);
      share.set(p.id, (share.get(p.id) ?? 0) + a.share);
    }
  }
  const zero = { min: 0, max: 0 };
  const by_position = d.positions.map((p) => {
    const h = holders.get(p.id) ?? 0;
    return {
      position: p.id, headcount: p.headcount, holders: h, over: Math.max(0, h - p.headcount), filled_fte: h,
      vacancies: Math.max(0, p.headcount - h), payroll_filled: null, payroll_vacancies: null, payroll_monthly: null,
      people: Math.max(h, p.headcount), team_people: 0,
    };
  });
  const departments = d.departments.map((dep) => {
    const ps = by_position.filter((f) => d.positions.find((p) => p.id === f.position)?.department === dep.id);
    const hc = ps.reduce((a, f) => a + f.headcount, 0);
    const filled = ps.reduce((a, f) => a + f.holders, 0);
    return {
      department: dep.id, positions: ps.length, headcount: hc, people: ps.reduce((a, f) => a + f.people, 0), persons: filled,
      seats_fte: hc, filled_fte: filled, vacancies_fte: Math.max(0, hc - filled), payroll_monthly: zero, payroll_filled: zero,
      payroll_vacancies: zero, unpriced: ps.length,
    };
  });
  const by_person = d.people.map((p) => ({
    person: p.id, total_share: share.get(p.id) ?? 0, overloaded: (share.get(p.id) ?? 0) > 100, free_share: Math.max(0, 100 - (share.get(p.id) ?? 0)),
    main_seat: p.assignments[0]?.position ?? null, payroll_monthly: null,
  }));
  const headcount = by_position.reduce((a, f) => a + f.headcount, 0);
  return {
    people: d.people.length, persons: d.people.length, multi_seat: 0, overloaded: 0, positions: d.positions.length, headcount,
    seats_fte: headcount, filled_fte: d.people.length, vacancies_fte: 0, payroll_monthly: zero, payroll_yearly: zero, payroll_filled: zero,
    payroll_vacancies: zero, unpriced: d.positions.length, departments, by_position, by_person,
  } as unknown as PlanFigures;
}

/** Opening a table: from handing the plan to the store to the end of the first frame that shows
 * the table's rows. */
async function renderTable(): Promise<RenderResult> {
  const figures = benchFigures(doc);
  const Table = lib === "people" ? PeopleTable : EstablishmentTable;
  // The user opens a table in a running app, not in a fresh page: the app has already drawn
  // something (here the other table, on a small plan), so React and the styles are warm. That
  // warm-up is not timed.
  const Other = lib === "people" ? EstablishmentTable : PeopleTable;
  const small = { ...doc, people: doc.people.slice(0, 20) };
  useApp.setState({
    current: { doc: small, findings: [], figures: benchFigures(small), history: { undo: null, redo: null, undo_by: null, redo_by: null }, revision: 1, created: null },
    loading: false,
  });
  const warm = document.createElement("div");
  document.body.appendChild(warm);
  const warmRoot = createRoot(warm);
  warmRoot.render(<Other />);
  await frame();
  await frame();
  warmRoot.unmount();
  warm.remove();
  const t0 = performance.now();
  useApp.setState({
    current: { doc, findings: [], figures, history: { undo: null, redo: null, undo_by: null, redo_by: null }, revision: 1, created: null },
    loading: false,
  });
  createRoot(stage).render(
    <StrictMode>
      <Table />
    </StrictMode>,
  );
  const sel = lib === "people" ? '[data-testid="people-table"] tr[data-person]' : '[data-testid="establishment-table"] tr[data-position]';
  const t1 = await settled(() => document.querySelector(sel) !== null);
  return { lib, ms: t1 - t0, buildMs: lastMutation - t0, inDom: document.querySelectorAll(sel).length };
}

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
/** Resolves when the first animation frame in which `done()` holds has been rendered: checked in
 * the frame's requestAnimationFrame callback; a task posted from there runs once the browser has
 * done that frame's style, layout and paint. */
function settled(done: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const tick = () => {
      if (!done()) {
        requestAnimationFrame(tick);
        return;
      }
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(0);
    };
    requestAnimationFrame(tick);
  });
}

/** When the DOM last changed (for the split between building it and the frame that shows it). */
let lastMutation = 0;
new MutationObserver(() => (lastMutation = performance.now())).observe(stage, { childList: true, subtree: true });

async function renderOrgPlan(): Promise<RenderResult> {
  const t0 = performance.now();
  useApp.setState({
    current: {
      doc,
      findings: [],
      // The chart reads the holders of each card from here; the bench's plan has nobody.
      figures: {
        people: 0, persons: 0, multi_seat: 0, overloaded: 0, positions: 0, headcount: 0, seats_fte: 0, filled_fte: 0, vacancies_fte: 0,
        payroll_monthly: { min: 0, max: 0 }, payroll_yearly: { min: 0, max: 0 }, payroll_filled: { min: 0, max: 0 }, payroll_vacancies: { min: 0, max: 0 },
        unpriced: 0, departments: [], by_position: [], by_person: [],
      },
      history: { undo: null, redo: null, undo_by: null, redo_by: null },
      revision: 1,
      created: null,
    },
    loading: false,
    collapsed: [],
  });
  const t1 = await settled(() => document.querySelector(".oc-card") !== null);
  // Check the frame was complete: every card the layout puts in view is in the DOM.
  const vp = document.querySelector<HTMLElement>(".oc-viewport")!;
  const layer = document.querySelector<HTMLElement>(".oc-layer")!;
  const m = /translate3d\(([-\d.e]+)px, ([-\d.e]+)px, 0px\) scale\(([-\d.e]+)\)/.exec(layer.style.transform);
  const view = m ? { x: +m[1], y: +m[2], k: +m[3] } : { x: 0, y: 0, k: 1 };
  const r = vp.getBoundingClientRect();
  const seen = visibleRect(view, r.width, r.height);
  const layout = layoutTree(doc, [], DEFAULT_SIZES, { stackLeaves: true });
  const { width: w, height: h } = layout.sizes;
  const want = layout.nodes.filter((n) => n.x + w >= seen.minX && n.x <= seen.maxX && n.y + h >= seen.minY && n.y <= seen.maxY);
  const have = new Set(Array.from(document.querySelectorAll<HTMLElement>(".oc-card"), (e) => e.dataset.id));
  return {
    lib,
    ms: t1 - t0,
    buildMs: lastMutation - t0,
    inDom: have.size,
    inView: want.length,
    missing: want.filter((n) => !have.has(n.id)).length,
    zoom: view.k,
  };
}

let chart: OrgChart<FlatRow> | null = null;
async function renderD3(): Promise<RenderResult> {
  const rows = flatRows(doc);
  const t0 = performance.now();
  chart!.data(rows).render().fit({ animate: false });
  const t1 = await settled(() => document.querySelectorAll("g.node").length >= rows.length);
  return { lib, ms: t1 - t0, buildMs: lastMutation - t0, inDom: document.querySelectorAll("g.node").length };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Both pages lay out the plan's kind of text once before measuring, in both renderers' fonts, so
 * neither pays for loading the CJK font inside the measurement (the app has it loaded by then). */
function warmFonts() {
  const warm = document.createElement("div");
  warm.setAttribute("aria-hidden", "true");
  warm.style.cssText = "position:fixed;left:-10000px;top:0;white-space:nowrap";
  const sample = "岗位0123456789 部门0123456789 0/3 空缺";
  for (const font of ["600 13px system-ui, sans-serif", "12px system-ui, sans-serif", "600 14px var(--font)", "12px var(--font)"]) {
    const span = document.createElement("span");
    span.style.font = font;
    span.textContent = sample;
    warm.append(span);
  }
  document.body.append(warm);
  void warm.offsetWidth;
}

async function setup() {
  warmFonts();
  if (isTable) {
    useApp.setState({ current: null, loading: false, search: "", lang: "zh" });
  } else if (lib === "d3") {
    const { width, height } = DEFAULT_SIZES;
    chart = new OrgChart<FlatRow>()
      .container(stage)
      .svgHeight(stage.getBoundingClientRect().height)
      .nodeWidth(() => width)
      .nodeHeight(() => height)
      .childrenMargin(() => DEFAULT_SIZES.gapY)
      .siblingsMargin(() => DEFAULT_SIZES.gapX)
      // No entry animation: the first frame shows every node where it ends up (OrgPlan has none).
      .duration(0)
      .nodeContent(
        ({ data: d }) =>
          `<div style="box-sizing:border-box;width:${width}px;height:${height}px;background:#fff;border:1px solid #e2e6ec;` +
          `border-radius:8px;border-top:4px solid ${d.color};padding:8px 12px;font:13px/1.5 system-ui,sans-serif;color:#1d2530">` +
          `<div style="font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis">${esc(d.title)}</div>` +
          `<div style="display:flex;justify-content:space-between;color:#556170;font-size:12px">` +
          `<span>${esc(d.dept)}</span><span>${d.filled}/${d.headcount}</span></div></div>`,
      );
  } else {
    useApp.setState({ current: null, loading: false, collapsed: [], selected: null, search: "" });
    createRoot(stage).render(
      <StrictMode>
        <ChartView autoFold={false} />
      </StrictMode>,
    );
  }
  await frame();
  await frame();
}

// Frame probe for the drag: the time of every animation frame, how many pointer moves with the
// button down the page handled since the one before, and for each frame that handled one its
// work: from the first of those events to the end of the frame (a task posted from the frame's
// requestAnimationFrame callback runs once its style, layout and paint are done).
let frames: { t: number; events: number }[] = [];
let works: number[] = [];
let dragEvents = 0;
let firstEvent: number | null = null;
let probing = false;
window.addEventListener(
  "pointermove",
  (e) => {
    if (!(e.buttons & 1)) return;
    dragEvents++;
    firstEvent ??= performance.now();
  },
  true,
);
function startProbe() {
  frames = [];
  works = [];
  dragEvents = 0;
  firstEvent = null;
  probing = true;
  const loop = () => {
    if (!probing) return;
    frames.push({ t: performance.now(), events: dragEvents });
    if (dragEvents > 0 && firstEvent !== null) {
      const start = firstEvent;
      const ch = new MessageChannel();
      ch.port1.onmessage = () => works.push(performance.now() - start);
      ch.port2.postMessage(0);
    }
    dragEvents = 0;
    firstEvent = null;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}
function stopProbe() {
  probing = false;
  return { frames, works };
}

/** Where to drag in OrgPlan: a department head's card, and the chart's extent on screen. */
function dragPlan() {
  const cards = Array.from(document.querySelectorAll<HTMLElement>(".oc-card"));
  const onScreen = cards.filter((c) => {
    const r = c.getBoundingClientRect();
    return r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight;
  });
  const heads = onScreen.filter((c) => c.querySelector(".oc-item")?.getAttribute("aria-level") === "2");
  const from = heads[Math.floor(heads.length * 0.1)].getBoundingClientRect();
  const deepest = onScreen.filter((c) => c.querySelector(".oc-item")?.getAttribute("aria-level") === "3").map((c) => c.getBoundingClientRect());
  const rowY = deepest.reduce((a, r) => a + r.top + r.height / 2, 0) / deepest.length;
  return {
    from: { x: from.left + from.width / 2, y: from.top + from.height / 2 },
    rowY,
    right: Math.min(innerWidth - 80, Math.max(...deepest.map((r) => r.right))),
    onScreen: onScreen.length,
    zoom: +(/scale\(([-\d.e]+)\)/.exec(document.querySelector<HTMLElement>(".oc-layer")!.style.transform)?.[1] ?? 1),
  };
}

declare global {
  interface Window {
    __bench: {
      ready: Promise<void>;
      render(): Promise<RenderResult>;
      stats: ReturnType<typeof treeStats>;
      startProbe(): void;
      stopProbe(): { frames: { t: number; events: number }[]; works: number[] };
      dragPlan(): ReturnType<typeof dragPlan>;
    };
  }
}

window.__bench = {
  ready: setup(),
  render: () => (isTable ? renderTable() : lib === "d3" ? renderD3() : renderOrgPlan()),
  stats: treeStats(doc),
  startProbe,
  stopProbe,
  dragPlan,
};
