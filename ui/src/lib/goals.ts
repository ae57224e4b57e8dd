// The plan's goals (经营目标) as the UI shows them: in tree order, named in either language,
// with their targets written out. Pure functions: tested in goals.test.ts.
import type { Goal } from "../generated/Goal";
import type { GoalKind } from "../generated/GoalKind";
import type { GoalUnit } from "../generated/GoalUnit";
import type { Direction } from "../generated/Direction";
import type { Cycle } from "../generated/Cycle";
import type { Lang } from "../generated/Lang";
import type { NewGoal } from "../generated/NewGoal";
import { count, money } from "./format";

export function goalName(g: Goal, lang: Lang): string {
  return lang === "en" && g.name_en ? g.name_en : g.name;
}

/** Goals in tree order (each followed by its sub-goals, in the plan's order) with their depth.
 * A goal whose parent is missing is a top-level goal; a cycle cannot hide a goal. */
export function goalTree(goals: Goal[]): { goal: Goal; depth: number }[] {
  const known = new Set(goals.map((g) => g.id));
  const out: { goal: Goal; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (g: Goal, depth: number) => {
    if (seen.has(g.id)) return;
    seen.add(g.id);
    out.push({ goal: g, depth });
    for (const c of goals) if (c.parent === g.id) visit(c, depth + 1);
  };
  for (const g of goals) if (g.parent === null || !known.has(g.parent)) visit(g, 0);
  for (const g of goals) visit(g, 0);
  return out;
}

/** `id` and every goal below it: the goals that cannot become its parent. */
export function goalAndBelow(goals: Goal[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of goals) {
      if (g.parent && out.has(g.parent) && !out.has(g.id)) {
        out.add(g.id);
        grew = true;
      }
    }
  }
  return out;
}

export const GOAL_KINDS: readonly { kind: GoalKind; zh: string; en: string }[] = [
  { kind: "gmv", zh: "销售额", en: "Sales (GMV)" },
  { kind: "traffic", zh: "流量 / 访客数", en: "Traffic" },
  { kind: "conversion", zh: "转化率", en: "Conversion" },
  { kind: "basket", zh: "客单价", en: "Basket size" },
  { kind: "margin", zh: "毛利率", en: "Gross margin" },
  { kind: "promotion_cost", zh: "推广费用占比", en: "Promotion cost" },
  { kind: "repeat", zh: "复购 / 回头客", en: "Repeat buyers" },
  { kind: "other", zh: "其他", en: "Other" },
];

export const GOAL_UNITS: readonly { unit: GoalUnit; zh: string; en: string }[] = [
  { unit: "yuan", zh: "元", en: "Yuan" },
  { unit: "count", zh: "数量", en: "Count" },
  { unit: "percent", zh: "百分比", en: "Percent" },
];

export function kindLabel(kind: GoalKind, lang: Lang): string {
  return GOAL_KINDS.find((k) => k.kind === kind)?.[lang] ?? kind;
}

/** The unit and direction a goal of this kind usually has (as the backend defaults them). */
export function kindDefaults(kind: GoalKind): { unit: GoalUnit; direction: Direction } {
  const unit: GoalUnit = kind === "gmv" || kind === "basket" ? "yuan" : kind === "traffic" ? "count" : "percent";
  return { unit, direction: kind === "promotion_cost" ? "at_most" : "at_least" };
}

/** A target in its unit: `¥20万`, `5万`, `4%`. */
export function goalValue(target: number, unit: GoalUnit, lang: Lang): string {
  if (unit === "yuan") return money(target, lang);
  if (unit === "percent") return `${Number(target.toFixed(2))}%`;
  return count(target, lang);
}

const PER: Record<Cycle, { zh: string; en: string }> = {
  daily: { zh: "日", en: "day" },
  weekly: { zh: "周", en: "week" },
  monthly: { zh: "月", en: "month" },
  quarterly: { zh: "季度", en: "quarter" },
  yearly: { zh: "年", en: "year" },
};

/** `≥ ¥20万 / 月`, `≤ 20% / month`. */
export function goalTargetText(g: Pick<Goal, "target" | "unit" | "direction" | "period">, lang: Lang): string {
  const sign = g.direction === "at_most" ? "≤" : "≥";
  return `${sign} ${goalValue(g.target, g.unit, lang)} / ${PER[g.period][lang]}`;
}

/** The four goals the seeds name for every store: monthly sales of 200,000 yuan, gross margin
 * of at least 50%, promotion at most 20% of sales, 30% repeat buyers. */
export const STANDARD_GOALS: readonly NewGoal[] = [
  { name: "月销售额", name_en: "Monthly sales", kind: "gmv", unit: "yuan", direction: "at_least", target: 200000, period: "monthly" },
  { name: "毛利率", name_en: "Gross margin", kind: "margin", unit: "percent", direction: "at_least", target: 50, period: "monthly" },
  {
    name: "推广费用占销售额比例",
    name_en: "Promotion cost as a share of sales",
    kind: "promotion_cost",
    unit: "percent",
    direction: "at_most",
    target: 20,
    period: "monthly",
  },
  { name: "回头客占比", name_en: "Repeat-buyer rate", kind: "repeat", unit: "percent", direction: "at_least", target: 30, period: "monthly" },
];

/** True when a goal adds up over time (sales, visitors): split over the year by weight. A rate
 * or an average holds in every period. Mirrors the backend's `GoalKind::additive`. */
export function isAdditive(g: Pick<Goal, "kind" | "unit">): boolean {
  if (g.kind === "gmv" || g.kind === "traffic") return true;
  return g.kind === "other" && g.unit !== "percent";
}
