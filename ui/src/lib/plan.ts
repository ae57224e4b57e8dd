// Read-only helpers over a plan (PlanDoc). Pure functions: tested in plan.test.ts.
import type { PlanDoc } from "../generated/PlanDoc";
import type { Position } from "../generated/Position";
import type { Department } from "../generated/Department";
import type { Lang } from "../generated/Lang";
import type { Finding } from "../generated/Finding";

export const NEUTRAL_COLOR = "#64748b";

export function byId(doc: PlanDoc): Map<string, Position> {
  return new Map(doc.positions.map((p) => [p.id, p]));
}

export function childrenOf(doc: PlanDoc, id: string | null): Position[] {
  return doc.positions.filter((p) => p.parent === id);
}

export function root(doc: PlanDoc): Position | undefined {
  return doc.positions.find((p) => p.parent === null);
}

export function departmentOf(doc: PlanDoc, p: Position): Department | undefined {
  return p.department ? doc.departments.find((d) => d.id === p.department) : undefined;
}

export function departmentColor(doc: PlanDoc, p: Position): string {
  return departmentOf(doc, p)?.color ?? NEUTRAL_COLOR;
}

export function title(p: Position, lang: Lang): string {
  return lang === "en" && p.title_en ? p.title_en : p.title;
}

/** True while the position's content is the role library's suggestion from a roster import,
 * not yet accepted or edited (the core keeps the list). */
export function isSuggested(doc: PlanDoc, id: string): boolean {
  return doc.plan.roster?.suggested.includes(id) ?? false;
}

/** True when some person of the plan has a 手机 or 邮箱 (personal data): the 人员 table
 * shows those columns, and exports ask before including them. */
export function hasPersonalData(doc: PlanDoc): boolean {
  return doc.people.some((x) => x.phone.trim() !== "" || x.email.trim() !== "");
}

export function departmentName(d: Department | undefined, lang: Lang): string {
  if (!d) return "";
  return lang === "en" && d.name_en ? d.name_en : d.name;
}

/** Ids of `id` and every position above it, bottom-up. */
export function chainToTop(doc: PlanDoc, id: string): string[] {
  const index = byId(doc);
  const out: string[] = [];
  let at: string | null = id;
  while (at && !out.includes(at)) {
    out.push(at);
    at = index.get(at)?.parent ?? null;
  }
  return out;
}

/** True when `candidate` is `of` or lies below it: moving `of` under it would make a cycle. */
export function isSelfOrBelow(doc: PlanDoc, candidate: string, of: string): boolean {
  return chainToTop(doc, candidate).includes(of);
}

export function depthOf(doc: PlanDoc, id: string): number {
  return chainToTop(doc, id).length - 1;
}

export function findingsFor(findings: Finding[], id: string): Finding[] {
  return findings.filter((f) => f.position === id);
}

export function kpiTotal(p: Position): number {
  return p.kpis.reduce((s, k) => s + k.weight, 0);
}


/** `id` and every position below it, found in one pass over the plan. */
export function selfAndBelow(doc: PlanDoc, id: string): Set<string> {
  const kids = new Map<string, string[]>();
  for (const p of doc.positions) {
    if (p.parent) {
      const list = kids.get(p.parent);
      if (list) list.push(p.id);
      else kids.set(p.parent, [p.id]);
    }
  }
  const out = new Set<string>([id]);
  const stack = [id];
  while (stack.length) {
    for (const c of kids.get(stack.pop()!) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}

/** The depth of every position (the top is 0), in one pass. */
export function depths(doc: PlanDoc): Map<string, number> {
  const parent = new Map(doc.positions.map((p) => [p.id, p.parent]));
  const out = new Map<string, number>();
  const depthOf = (id: string): number => {
    const known = out.get(id);
    if (known !== undefined) return known;
    // Walk up to a known depth, then fill in on the way back.
    const path: string[] = [];
    let at: string | null | undefined = id;
    let base = -1;
    while (at) {
      const d = out.get(at);
      if (d !== undefined) {
        base = d;
        break;
      }
      if (path.includes(at)) break;
      path.push(at);
      at = parent.get(at);
    }
    for (let i = path.length - 1; i >= 0; i--) out.set(path[i], ++base);
    return out.get(id)!;
  };
  for (const p of doc.positions) depthOf(p.id);
  return out;
}
