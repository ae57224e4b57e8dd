// KPI points as the inspector edits them: weights are kept as typed text until saved, so the
// total can follow every keystroke. Pure functions: tested in kpi.test.ts.
import type { Kpi } from "../generated/Kpi";
import type { Cycle } from "../generated/Cycle";
import type { Lang } from "../generated/Lang";
import { LIMITS } from "../generated/limitValues";

export const CYCLES: readonly { code: Cycle; zh: string; en: string }[] = [
  { code: "daily", zh: "日", en: "Daily" },
  { code: "weekly", zh: "周", en: "Weekly" },
  { code: "monthly", zh: "月", en: "Monthly" },
  { code: "quarterly", zh: "季度", en: "Quarterly" },
  { code: "yearly", zh: "年", en: "Yearly" },
];

export function cycleLabel(c: Cycle, lang: Lang): string {
  return CYCLES.find((x) => x.code === c)?.[lang] ?? c;
}

export interface KpiDraft {
  metric: string;
  weight: string;
  target: string;
  cycle: Cycle;
  source: string;
  /** The plan goal it serves (kept through edits). */
  goal: string | null;
}

export function toDraft(kpis: Kpi[]): KpiDraft[] {
  return kpis.map((k) => ({ ...k, weight: String(k.weight) }));
}

/** A typed weight as a number; `null` when the core would not take it: not a number, below 0,
 * above 100 or with more decimals than it keeps (LIMITS, generated from the core). Blank counts
 * as 0. */
export function parseWeight(text: string): number | null {
  const t = text.trim().replace(/%$/, "").trim();
  if (t === "") return 0;
  const n = Number(t);
  if (!Number.isFinite(n) || n < 0 || n > LIMITS.weight_max) return null;
  const scale = 10 ** LIMITS.weight_decimals;
  return Math.abs(Math.round(n * scale) - n * scale) < 1e-6 ? n : null;
}

/** The sum of the weights as typed (text that is not a number counts as 0). */
export function draftTotal(rows: KpiDraft[]): number {
  // Tenths, as the core adds them: 33.3 + 33.3 + 33.4 is exactly 100.
  const tenths = rows.reduce((s, r) => s + Math.round((parseWeight(r.weight) ?? 0) * 10), 0);
  return tenths / 10;
}

export type TotalState = "empty" | "ok" | "off";

/** `ok` at exactly 100, `off` otherwise, `empty` when there are no KPI points. */
export function totalState(rows: { length: number }, total: number): TotalState {
  if (rows.length === 0) return "empty";
  return Math.abs(total - 100) < 1e-9 ? "ok" : "off";
}

/** The list to save, or the index of the first row whose weight is not a number. */
export function fromDraft(rows: KpiDraft[]): { kpis: Kpi[] } | { badRow: number } {
  const kpis: Kpi[] = [];
  for (let i = 0; i < rows.length; i++) {
    const w = parseWeight(rows[i].weight);
    if (w === null) return { badRow: i };
    kpis.push({ ...rows[i], weight: w, metric: rows[i].metric.trim() });
  }
  return { kpis };
}

/** The weight a new KPI point starts with: what is left to reach 100, never below 0. */
export function remainingWeight(kpis: { weight: number }[]): number {
  const tenths = kpis.reduce((s, k) => s + Math.round(k.weight * 10), 0);
  return Math.max(0, Math.min(1000, 1000 - tenths)) / 10;
}

/** Moves item `from` to `to` (both indexes into the original list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}
