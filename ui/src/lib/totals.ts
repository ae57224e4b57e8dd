// Headcount, vacancy, payroll and workload figures over a plan. Pure functions: tested in
// totals.test.ts.
import type { PlanDoc } from "../generated/PlanDoc";
import type { Person } from "../generated/Person";
import type { Finding } from "../generated/Finding";
import { filledCounts, monthlyPayroll } from "./plan";

export interface Totals {
  /** Planned seats (编制). */
  headcount: number;
  /** Seats held, at most the headcount of each position (在岗). */
  filled: number;
  /** Seats planned but not held (空缺). */
  vacant: number;
  people: number;
  /** Monthly payroll at the middle of each pay band (月薪预算). */
  payroll: number;
}

export function totals(doc: PlanDoc): Totals {
  const filled = filledCounts(doc);
  let headcount = 0;
  let held = 0;
  for (const p of doc.positions) {
    headcount += p.headcount;
    held += Math.min(p.headcount, filled.get(p.id) ?? 0);
  }
  return { headcount, filled: held, vacant: headcount - held, people: doc.people.length, payroll: monthlyPayroll(doc) };
}

/** Seats of one position: planned, held and vacant. */
export function seats(doc: PlanDoc, id: string): { headcount: number; filled: number; vacant: number } {
  const p = doc.positions.find((x) => x.id === id);
  const filled = filledCounts(doc).get(id) ?? 0;
  const headcount = p?.headcount ?? 0;
  return { headcount, filled, vacant: Math.max(0, headcount - filled) };
}

/** The sum of a person's shares, in percent. */
export function load(person: Person): number {
  return person.assignments.reduce((s, a) => s + a.share, 0);
}

export function isOverloaded(person: Person): boolean {
  return load(person) > 100;
}

/** Errors first, then warnings, then notes; the original order within each. */
export function bySeverity(findings: Finding[]): Finding[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

export function severityCounts(findings: Finding[]): { error: number; warning: number; info: number } {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** The people who hold a position, with their share of it. */
export function holders(doc: PlanDoc, id: string): { person: Person; share: number }[] {
  const out: { person: Person; share: number }[] = [];
  for (const person of doc.people) {
    const a = person.assignments.find((x) => x.position === id);
    if (a) out.push({ person, share: a.share });
  }
  return out;
}
