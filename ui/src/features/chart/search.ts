// The chart's search: which positions a query finds, why (title, department, a holder's name, a
// duty, a KPI point), and each one's path from the top. Pure; tested in search.test.ts. The top
// bar lists what this finds and the chart lights the same positions.
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";
import type { Lang } from "../../generated/Lang";
import { departmentName, title } from "../../lib/plan";

/** What a query was found in, in the order a match lists them. */
export type MatchKind = "title" | "department" | "person" | "duty" | "kpi";

/** One reason a position matched: the kind and the text the query was found in. */
export interface Hit {
  kind: MatchKind;
  text: string;
}

export interface ChartMatch {
  id: string;
  /** Titles from the top down to the position itself (in the chart's language). */
  path: string[];
  /** Why it matched, by kind in MatchKind's order (a kind may hit more than once). */
  hits: Hit[];
}

export function normalise(query: string): string {
  return query.trim().toLowerCase();
}

/** Positions top-down as the chart shows them: each superior before its subordinates, siblings
 * in plan order. Positions no top reaches (a broken parent link) come last, in plan order. */
export function treeOrder(doc: PlanDoc): Position[] {
  const ids = new Set(doc.positions.map((p) => p.id));
  const kids = new Map<string | null, Position[]>();
  for (const p of doc.positions) {
    const parent = p.parent !== null && ids.has(p.parent) ? p.parent : null;
    const list = kids.get(parent);
    if (list) list.push(p);
    else kids.set(parent, [p]);
  }
  const out: Position[] = [];
  const seen = new Set<string>();
  const stack = [...(kids.get(null) ?? [])].reverse();
  while (stack.length) {
    const p = stack.pop()!;
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    out.push(p);
    const below = kids.get(p.id);
    if (below) for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]);
  }
  // A cycle no top reaches: still searchable.
  for (const p of doc.positions) if (!seen.has(p.id)) out.push(p);
  return out;
}

/** Titles from the top down to `id`, in `lang` (a title without an English version stays
 * Chinese). Empty for an unknown id; a cycle stops where it repeats. */
export function pathOf(doc: PlanDoc, id: string, lang: Lang): string[] {
  const index = new Map(doc.positions.map((p) => [p.id, p]));
  return pathIn(index, id, lang);
}

function pathIn(index: Map<string, Position>, id: string, lang: Lang): string[] {
  const up: Position[] = [];
  const seen = new Set<string>();
  let at = index.get(id);
  while (at && !seen.has(at.id)) {
    seen.add(at.id);
    up.push(at);
    at = at.parent !== null ? index.get(at.parent) : undefined;
  }
  return up.reverse().map((p) => title(p, lang));
}

/**
 * The positions `query` finds, top-down in chart order: case-insensitive, spaces around it
 * ignored, in the title (either language), the department's name (either language), a
 * holder's name, a duty or a KPI point's metric. Each with every reason it matched and its path.
 */
export function searchChart(doc: PlanDoc, query: string, lang: Lang): ChartMatch[] {
  const q = normalise(query);
  if (!q) return [];
  const has = (text: string) => text.toLowerCase().includes(q);
  const depts = new Map(doc.departments.map((d) => [d.id, d]));
  // Holders by position, in plan order of people.
  const people = new Map<string, string[]>();
  for (const person of doc.people) {
    if (!has(person.name)) continue;
    for (const a of person.assignments) {
      const list = people.get(a.position);
      if (!list) people.set(a.position, [person.name]);
      else if (!list.includes(person.name)) list.push(person.name);
    }
  }
  const index = new Map(doc.positions.map((p) => [p.id, p]));
  const out: ChartMatch[] = [];
  for (const p of treeOrder(doc)) {
    const hits: Hit[] = [];
    const shown = title(p, lang);
    if (has(shown)) hits.push({ kind: "title", text: shown });
    else if (has(p.title)) hits.push({ kind: "title", text: p.title });
    else if (p.title_en && has(p.title_en)) hits.push({ kind: "title", text: p.title_en });
    const d = p.department !== null ? depts.get(p.department) : undefined;
    if (d) {
      const name = departmentName(d, lang);
      if (has(name)) hits.push({ kind: "department", text: name });
      else if (has(d.name)) hits.push({ kind: "department", text: d.name });
      else if (d.name_en && has(d.name_en)) hits.push({ kind: "department", text: d.name_en });
    }
    for (const name of people.get(p.id) ?? []) hits.push({ kind: "person", text: name });
    for (const duty of p.duties) if (has(duty)) hits.push({ kind: "duty", text: duty });
    for (const k of p.kpis) if (has(k.metric)) hits.push({ kind: "kpi", text: k.metric });
    if (hits.length) out.push({ id: p.id, path: pathIn(index, p.id, lang), hits });
  }
  return out;
}

/** The last search, kept so the top bar's list and the chart's highlights search once. */
let last: { doc: PlanDoc; query: string; lang: Lang; out: ChartMatch[] } | null = null;

/** `searchChart`, remembered for the last plan, query and language. */
export function searchChartOnce(doc: PlanDoc, query: string, lang: Lang): ChartMatch[] {
  if (last && last.doc === doc && last.query === query && last.lang === lang) return last.out;
  const out = searchChart(doc, query, lang);
  last = { doc, query, lang, out };
  return out;
}

/** A short piece of `text` around the first occurrence of `query`, with an ellipsis where it
 * was cut: at most `max` characters of the text, the match as far as it fits. The whole text
 * when it is short enough or the query is not in it (cut at the end). */
export function excerpt(text: string, query: string, max = 24): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const q = normalise(query);
  const lower = text.toLowerCase();
  const at = q ? lower.indexOf(q) : -1;
  if (at < 0) return `${chars.slice(0, max).join("")}…`;
  // Index in code points, not UTF-16 units.
  const start = [...text.slice(0, at)].length;
  const len = [...q].length;
  // A little context before the match, the rest after it.
  const before = Math.min(start, Math.max(2, Math.floor((max - len) / 3)));
  let from = start - before;
  if (from + max > chars.length) from = Math.max(0, chars.length - max);
  const to = Math.min(chars.length, from + max);
  return `${from > 0 ? "…" : ""}${chars.slice(from, to).join("")}${to < chars.length ? "…" : ""}`;
}

/** A path to show in a line: every level, or the top, an ellipsis and the last levels (at
 * most `levels` in all). */
export function shortPath(path: readonly string[], levels = 4): string[] {
  if (path.length <= levels) return [...path];
  return [path[0], "…", ...path.slice(path.length - (levels - 2))];
}

/** The match after (dir 1) or before (dir -1) `current` among `ids`, wrapping around; from
 * nowhere (not a match), the first or the last. Null when there is none. */
export function stepMatch(ids: readonly string[], current: string | null, dir: 1 | -1): string | null {
  if (!ids.length) return null;
  const at = current !== null ? ids.indexOf(current) : -1;
  if (at < 0) return dir === 1 ? ids[0] : ids[ids.length - 1];
  return ids[(at + dir + ids.length) % ids.length];
}
