// The compare view's data, as pure functions over the backend's Comparison and the two plans:
// which pair to show first, plan B's chart with its changes marked (removed positions as
// ghosts under their anchor), the summary figures and names in either language. Tested in
// model.test.ts.
import type { Comparison } from "../../generated/Comparison";
import type { Moved } from "../../generated/Moved";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { PlanSummary } from "../../generated/PlanSummary";
import type { Position } from "../../generated/Position";
import type { PosRef } from "../../generated/PosRef";
import type { Payroll } from "../../generated/Payroll";
import type { PayrollDelta } from "../../generated/PayrollDelta";
import type { Lang } from "../../generated/Lang";
import type { CardMark, CardStatus } from "../../lib/chartMarks";
import { title } from "../../lib/plan";

/** Names for the plan pickers: a name two plans share gets a number (八人团队 (2)). */
export function planLabels(plans: PlanSummary[]): Map<string, string> {
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  for (const p of [...plans].sort((x, y) => x.created_at.localeCompare(y.created_at))) {
    const n = (seen.get(p.name) ?? 0) + 1;
    seen.set(p.name, n);
    out.set(p.id, n === 1 ? p.name : `${p.name} (${n})`);
  }
  return out;
}

/** A position the comparison names, in the reader's language (from the plan that holds it). */
export function refTitle(ref: PosRef, doc: PlanDoc | undefined, lang: Lang): string {
  const p = doc?.positions.find((x) => x.id === ref.id);
  return p ? title(p, lang) : ref.title;
}

/** A department the comparison names (by its Chinese name), in the reader's language. */
export function deptLabel(name: string, docs: (PlanDoc | undefined)[], lang: Lang): string {
  if (lang === "zh" || !name) return name;
  for (const doc of docs) {
    const d = doc?.departments.find((x) => x.name === name);
    if (d?.name_en) return d.name_en;
  }
  return name;
}

/** The figures the summary cards show, all as the core computed them (no arithmetic here). */
export interface Summary {
  people: [number, number];
  peopleDelta: number;
  positions: [number, number];
  positionsDelta: number;
  headcount: [number, number];
  headcountDelta: number;
  /** Monthly payroll ranges (people and vacancies). */
  monthly: [Payroll, Payroll];
  monthlyDelta: PayrollDelta;
  yearlyDelta: PayrollDelta;
  hires: number;
}

export function summary(c: Comparison): Summary {
  return {
    people: [c.a.people, c.b.people],
    peopleDelta: c.deltas.people,
    positions: [c.a.positions, c.b.positions],
    positionsDelta: c.deltas.positions,
    headcount: [c.a.headcount, c.b.headcount],
    headcountDelta: c.deltas.headcount,
    monthly: [c.cost_delta.monthly_a, c.cost_delta.monthly_b],
    monthlyDelta: c.cost_delta.monthly,
    yearlyDelta: c.cost_delta.yearly,
    hires: c.hires,
  };
}

/** True when the comparison found no change of structure at all. */
export function unchanged(c: Comparison): boolean {
  return [c.added, c.removed, c.moved, c.renamed, c.headcount_changed, c.duties_moved].every((l) => l.length === 0);
}

/** A moved position's superior in plan A and in plan B, in the reader's language. */
export function superiors(m: Moved, c: Comparison, a: PlanDoc, b: PlanDoc, lang: Lang): [string, string] {
  const inA = c.matched.find(([, y]) => y === m.position.id)?.[0];
  const parentA = a.positions.find((p) => p.id === inA)?.parent;
  const parentB = b.positions.find((p) => p.id === m.position.id)?.parent;
  const named = (doc: PlanDoc, id: string | null | undefined) => {
    const p = id ? doc.positions.find((x) => x.id === id) : undefined;
    return p ? title(p, lang) : "";
  };
  return [named(a, parentA) || m.before, named(b, parentB) || m.after];
}

export const ghostId = (id: string) => `ghost:${id}`;

/** The words the chart's marks use, in the reader's language. */
export interface MarkWords {
  added: string;
  moved: string;
  renamed: string;
  removed: string;
  resized(before: number, after: number): string;
  addedNote: string;
  movedNote(before: string, after: string): string;
  renamedNote(before: string): string;
  resizedNote(before: number, after: number): string;
  removedNote(superior: string): string;
}

const RANK: Record<CardStatus, number> = { same: 0, changed: 1, moved: 2, added: 3, removed: 4 };

/** Plan B's tree with plan A's removed positions added as ghosts (each under the match of its
 * old superior, or under the ghost of a superior removed with it, or at the top), and a mark
 * for every card that changed. */
export function diffChart(c: Comparison, a: PlanDoc, b: PlanDoc, lang: Lang, w: MarkWords): { doc: PlanDoc; marks: Record<string, CardMark> } {
  const aById = new Map(a.positions.map((p) => [p.id, p]));
  const toA = new Map(c.matched.map(([x, y]) => [y, x]));
  const marks: Record<string, CardMark> = {};
  const mark = (id: string, status: CardStatus, badge: string, note: string) => {
    const m = (marks[id] ??= { status: "same", badges: [], note: "" });
    if (RANK[status] > RANK[m.status]) m.status = status;
    m.badges.push(badge);
    m.note = m.note ? `${m.note}; ${note}` : note;
  };
  const titleIn = (doc: Map<string, Position>, id: string | null | undefined) => {
    const p = id ? doc.get(id) : undefined;
    return p ? title(p, lang) : "";
  };

  for (const p of c.added) mark(p.id, "added", w.added, w.addedNote);
  for (const m of c.moved) {
    const [before, after] = superiors(m, c, a, b, lang);
    mark(m.position.id, "moved", w.moved, w.movedNote(before, after));
  }
  for (const r of c.renamed) {
    const old = aById.get(toA.get(r.position.id) ?? "");
    mark(r.position.id, "changed", w.renamed, w.renamedNote(old ? title(old, lang) : r.before));
  }
  for (const h of c.headcount_changed) mark(h.position.id, "changed", w.resized(h.before, h.after), w.resizedNote(h.before, h.after));

  const root = b.positions.find((p) => p.parent === null);
  const removed = new Set(c.removed.map((r) => r.position.id));
  const ghosts: Position[] = [];
  for (const r of c.removed) {
    const old = aById.get(r.position.id);
    if (!old) continue;
    const parent = old.parent && removed.has(old.parent) ? ghostId(old.parent) : (r.anchor ?? root?.id ?? null);
    if (!parent) continue;
    const id = ghostId(old.id);
    ghosts.push({ ...old, id, parent, dotted: [], lineage: null });
    mark(id, "removed", w.removed, w.removedNote(titleIn(aById, old.parent)));
  }
  const known = new Set(b.departments.map((d) => d.id));
  return {
    doc: {
      ...b,
      departments: [...b.departments, ...a.departments.filter((d) => !known.has(d.id))],
      positions: [...b.positions, ...ghosts],
    },
    marks,
  };
}
