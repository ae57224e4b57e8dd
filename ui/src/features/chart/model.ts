// What each card shows, flattened to primitives so memoised cards re-render only when their
// own content changes. Pure; tested in model.test.ts.
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Finding } from "../../generated/Finding";
import type { Lang } from "../../generated/Lang";
import type { PlanFigures } from "../../generated/PlanFigures";
import { departmentColor, departmentName, departmentOf, title } from "../../lib/plan";
import type { TreeLayout } from "./layout";
import { encodeHolders, holdersByPosition, inkOn } from "./people";
import { searchChartOnce } from "./search";

export interface CardModel {
  id: string;
  x: number;
  y: number;
  /** aria-level: 1 for the root. */
  level: number;
  posinset: number;
  setsize: number;
  title: string;
  dept: string;
  color: string;
  /** Text colour on `color` (the holders' avatars). */
  ink: string;
  /** People holding the seat (the core's figure). */
  filled: number;
  headcount: number;
  /** Seats nobody holds (the core's figure). */
  vacancies: number;
  /** Who holds it, larger share first: `encodeHolders` (a string, so memo compares it). */
  holders: string;
  /** Error and warning findings about the position (info is left out). */
  warnCount: number;
  warnTone: "error" | "warning" | null;
  warnText: string;
  hasChildren: boolean;
  collapsed: boolean;
  hidden: number;
  isRoot: boolean;
  /** In a column of leaves (compact layout). */
  stacked: boolean;
}

export function cardModels(doc: PlanDoc, figures: PlanFigures, findings: Finding[], layout: TreeLayout, lang: Lang): CardModel[] {
  const figs = new Map(figures.by_position.map((f) => [f.position, f]));
  const holders = holdersByPosition(doc);
  const positions = new Map(doc.positions.map((p) => [p.id, p]));
  // Each department's name and colour once, not looked up again for each card.
  const depts = new Map<string | null, { name: string; color: string; ink: string }>();
  const deptOf = (p: PlanDoc["positions"][number]) => {
    let d = depts.get(p.department);
    if (!d) {
      const color = departmentColor(doc, p);
      d = { name: departmentName(departmentOf(doc, p), lang), color, ink: inkOn(color) };
      depts.set(p.department, d);
    }
    return d;
  };
  const warn = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.position || f.severity === "info") continue;
    const list = warn.get(f.position);
    if (list) list.push(f);
    else warn.set(f.position, [f]);
  }
  const out: CardModel[] = [];
  for (const n of layout.nodes) {
    const p = positions.get(n.id);
    if (!p) continue;
    const fs = warn.get(p.id) ?? [];
    const dept = deptOf(p);
    const fig = figs.get(p.id);
    out.push({
      id: p.id,
      x: n.x,
      y: n.y,
      level: n.depth + 1,
      posinset: n.index + 1,
      setsize: n.siblings,
      title: title(p, lang),
      dept: dept.name,
      color: dept.color,
      ink: dept.ink,
      filled: fig?.holders ?? 0,
      headcount: p.headcount,
      vacancies: fig?.vacancies ?? 0,
      holders: encodeHolders(holders.get(p.id) ?? []),
      warnCount: fs.length,
      warnTone: fs.some((f) => f.severity === "error") ? "error" : fs.length ? "warning" : null,
      warnText: fs.map((f) => (lang === "en" ? f.message_en : f.message_zh)).join("\n"),
      hasChildren: n.childCount > 0,
      collapsed: n.childCount > 0 && n.children.length === 0,
      hidden: n.hidden,
      isRoot: n.depth === 0,
      stacked: n.stacked,
    });
  }
  return out;
}

/** The positions the chart search finds (see search.ts), top-down. */
export function searchMatches(doc: PlanDoc, query: string, lang: Lang = "zh"): string[] {
  return searchChartOnce(doc, query, lang).map((m) => m.id);
}

/** Matches plus everything above them: the lines that stay lit during a search. */
export function chainsOf(doc: PlanDoc, ids: string[]): Set<string> {
  const parentOf = new Map(doc.positions.map((p) => [p.id, p.parent]));
  const out = new Set<string>();
  for (const id of ids) {
    let at: string | null = id;
    while (at && !out.has(at)) {
      out.add(at);
      at = parentOf.get(at) ?? null;
    }
  }
  return out;
}

/** Ancestors of `id` (not `id` itself), bottom-up. */
export function ancestorsOf(doc: PlanDoc, id: string): string[] {
  const parentOf = new Map(doc.positions.map((p) => [p.id, p.parent]));
  const out: string[] = [];
  let at = parentOf.get(id) ?? null;
  while (at && !out.includes(at)) {
    out.push(at);
    at = parentOf.get(at) ?? null;
  }
  return out;
}

/** Splits `text` around the first case-insensitive occurrence of `query` for highlighting. */
export function splitMatch(text: string, query: string): [string, string, string] | null {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const at = text.toLowerCase().indexOf(q);
  if (at < 0) return null;
  return [text.slice(0, at), text.slice(at, at + q.length), text.slice(at + q.length)];
}

/** For a big plan opened with nothing collapsed: the positions to collapse so that at most
 * `max` cards show, keeping as many top levels as that allows (at least the root's row). */
export function defaultFold(doc: PlanDoc, max: number): string[] {
  if (doc.positions.length <= max) return [];
  const depth = new Map<string, number>();
  const parentOf = new Map(doc.positions.map((p) => [p.id, p.parent]));
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const chain: string[] = [];
    let at: string | null = id;
    let base = -1;
    while (at !== null && !chain.includes(at)) {
      const d = depth.get(at);
      if (d !== undefined) {
        base = d;
        break;
      }
      chain.push(at);
      at = parentOf.get(at) ?? null;
    }
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i], ++base);
    return depth.get(id)!;
  };
  const perDepth: number[] = [];
  for (const p of doc.positions) {
    const d = depthOf(p.id);
    perDepth[d] = (perDepth[d] ?? 0) + 1;
  }
  // Keep levels 0..keep; the deepest such that the count stays within max (at least 1).
  let keep = 1;
  let shown = (perDepth[0] ?? 0) + (perDepth[1] ?? 0);
  while (keep + 1 < perDepth.length && shown + perDepth[keep + 1] <= max) {
    keep += 1;
    shown += perDepth[keep];
  }
  const hasKids = new Set(doc.positions.map((p) => p.parent).filter((x): x is string => x !== null));
  return doc.positions.filter((p) => depthOf(p.id) === keep && hasKids.has(p.id)).map((p) => p.id);
}
