// Scenarios (备选方案): copies of a plan made to compare against it. Naming the next one,
// listing each plan with its scenarios under it, and the pair to compare first. Pure functions: tested in scenarios.test.ts.
import type { PlanSummary } from "../generated/PlanSummary";
import type { Lang } from "../generated/Lang";

const newest = (a: PlanSummary, b: PlanSummary) => b.updated_at.localeCompare(a.updated_at);

const LETTERS = "BCDEFGHIJKLMNOPQRSTUVWXYZ";

/** `方案B`, `方案C`, … (`Scenario B`, …): the first letter no plan is named with yet. */
export function nextScenarioName(plans: PlanSummary[], lang: Lang): string {
  const word = lang === "en" ? "Scenario " : "方案";
  const taken = new Set(plans.map((p) => p.name));
  for (const l of LETTERS) if (!taken.has(word + l)) return word + l;
  return `${word}${plans.length + 1}`;
}

/** The plan a scenario was made from, if it still exists. */
export function baseOf(plans: PlanSummary[], plan: PlanSummary): PlanSummary | undefined {
  return plan.scenario_of ? plans.find((p) => p.id === plan.scenario_of && p.id !== plan.id) : undefined;
}

/** Plans newest first, each followed by its scenarios (newest first, and theirs under them);
 * a scenario whose base is gone stands on its own. */
export function groupPlans(plans: PlanSummary[]): { plan: PlanSummary; depth: number; base?: PlanSummary }[] {
  const sorted = [...plans].sort(newest);
  const out: { plan: PlanSummary; depth: number; base?: PlanSummary }[] = [];
  const seen = new Set<string>();
  const visit = (p: PlanSummary, depth: number) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    out.push({ plan: p, depth, base: baseOf(plans, p) });
    for (const s of sorted) if (s.scenario_of === p.id) visit(s, depth + 1);
  };
  for (const p of sorted) if (!baseOf(plans, p)) visit(p, 0);
  for (const p of sorted) visit(p, 0);
  return out;
}

/** The built-in growth path, smallest first (as the backend's growth.json orders it). */
export const GROWTH_PATH = ["team-5", "team-8", "team-30", "ops-center"] as const;

/** The pair the compare view opens with, for the plan in front (`current`): a scenario against
 * its base; a plan against its newest scenario; the previous stage of the growth path against
 * this one (or this one against the next); else the newest other plan against this one.
 * `null` when there is only one plan. */
export function defaultPair(plans: PlanSummary[], current: string | null): { a: string; b: string } | null {
  if (plans.length < 2) return null;
  const sorted = [...plans].sort(newest);
  const cur = sorted.find((p) => p.id === current) ?? sorted[0];
  const others = sorted.filter((p) => p.id !== cur.id);
  const base = cur.scenario_of ? others.find((p) => p.id === cur.scenario_of) : undefined;
  if (base) return { a: base.id, b: cur.id };
  const scenario = others.find((p) => p.scenario_of === cur.id);
  if (scenario) return { a: cur.id, b: scenario.id };
  const at = GROWTH_PATH.indexOf(cur.template as (typeof GROWTH_PATH)[number]);
  if (at >= 0) {
    const before = at > 0 ? others.find((p) => p.template === GROWTH_PATH[at - 1]) : undefined;
    if (before) return { a: before.id, b: cur.id };
    const after = others.find((p) => p.template === GROWTH_PATH[at + 1]);
    if (after) return { a: cur.id, b: after.id };
  }
  return { a: others[0].id, b: cur.id };
}
