// What the chart shows of a plan: the folded branches, the layout (compact or not, card width by
// language), the card models, the search matches and chains, the reporting lines, and the view
// switches (compact layout, holders' names).
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { RefObject } from "react";
import { useApp } from "../../lib/store";
import type { PlanState } from "../../generated/PlanState";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Lang } from "../../generated/Lang";
import { DEFAULT_SIZES, dottedLinks, dottedPath, edgePath, layoutTree } from "./layout";
import type { TreeLayout } from "./layout";
import { cardModels, chainsOf, defaultFold, searchMatches } from "./model";
import { CULL_THRESHOLD } from "./detail";
import { focusDoc, focusSet } from "./focus";

/** A plan bigger than this opens with its lower levels collapsed (once per session). */
const BIG_PLAN = 150;
const autoFolded = new Set<string>();
/** English titles run longer: wider cards. */
const SIZES_EN = { ...DEFAULT_SIZES, width: 212 };
const sizesFor = (lang: Lang) => (lang === "en" ? SIZES_EN : DEFAULT_SIZES);
const COMPACT_KEY = "orgplan.chart.compact";
const NAMES_KEY = "orgplan.chart.names";

/** A view switch that is on unless the user switched it off (remembered in localStorage):
 * compact layout (leaf groups in columns), holders' names on the cards. */
function readSwitch(key: string): boolean {
  try {
    return localStorage.getItem(key) !== "0";
  } catch {
    return true;
  }
}

function writeSwitch(key: string, on: boolean) {
  try {
    localStorage.setItem(key, on ? "1" : "0");
  } catch {
    /* private mode */
  }
}

export function useChartData(state: PlanState, { autoFold, lang, search }: { autoFold: boolean; lang: Lang; search: string }) {
  const collapsed = useApp((s) => s.collapsed);
  const doc = state.doc;

  const [compact, setCompact] = useState(() => readSwitch(COMPACT_KEY));
  const [showNames, setShowNames] = useState(() => readSwitch(NAMES_KEY));
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

  // 聚焦部门: only that department's positions and the path up to the top are laid out.
  const [focusDept, setFocusDept] = useState<string | null>(null);
  const focus = useMemo(() => focusSet(doc, focusDept), [doc, focusDept]);
  const shownDoc = useMemo(() => focusDoc(doc, focus), [doc, focus]);

  const sizes = sizesFor(lang);
  const layout = useMemo(() => layoutTree(shownDoc, folded, sizes, { stackLeaves: compact }), [shownDoc, folded, sizes, compact]);
  const models = useMemo(() => cardModels(doc, state.figures, state.findings, layout, lang), [doc, state.figures, state.findings, layout, lang]);
  const matches = useMemo(() => searchMatches(doc, search, lang), [doc, search, lang]);
  const matchSet = useMemo(() => new Set(matches), [matches]);
  const chain = useMemo(() => (matches.length ? chainsOf(doc, matches) : null), [doc, matches]);
  const edges = useMemo(() => edgePath(layout), [layout]);
  const chainEdges = useMemo(() => (chain ? edgePath(layout, chain) : ""), [layout, chain]);
  const dotted = useMemo(
    () => dottedLinks(doc, layout).map((l) => dottedPath(layout, l.from, l.to)).join(""),
    [doc, layout],
  );
  const cull = models.length > CULL_THRESHOLD;

  const toggleCompact = () => {
    setCompact(!compact);
    writeSwitch(COMPACT_KEY, !compact);
  };
  const toggleNames = () => {
    setShowNames(!showNames);
    writeSwitch(NAMES_KEY, !showNames);
  };
  const expandAll = () => useApp.setState({ collapsed: [] });
  /** Everything folded below the root's subordinates. */
  const collapseAll = () => {
    const deep = layoutTree(shownDoc, [], sizes).nodes.filter((n) => n.depth === 1 && n.childCount > 0).map((n) => n.id);
    useApp.setState({ collapsed: deep });
  };

  return { focusDept: focus ? focusDept : null, setFocusDept, sizes, layout, models, matches, matchSet, chain, edges, chainEdges, dotted, cull, compact, toggleCompact, showNames, toggleNames, expandAll, collapseAll };
}

/** Latest values for native listeners and callbacks that must stay stable. */
export type Live = RefObject<{ layout: TreeLayout; doc: PlanDoc; cull: boolean }>;

export function useLive(layout: TreeLayout, doc: PlanDoc, cull: boolean): Live {
  const live = useRef({ layout, doc, cull });
  useLayoutEffect(() => {
    live.current = { layout, doc, cull };
  });
  return live;
}
