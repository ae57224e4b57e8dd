// Findings in order and counted, and who holds a seat. The plan's figures (people, seats,
// payroll) are not computed here: they come from the core with the plan (PlanState.figures).
// Pure functions: tested in totals.test.ts.
import type { PlanDoc } from "../generated/PlanDoc";
import type { Person } from "../generated/Person";
import type { Finding } from "../generated/Finding";

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
