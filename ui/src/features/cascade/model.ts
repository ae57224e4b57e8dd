// The cascade view's data as pure functions: each goal's KPI links grouped by position, the
// positions with KPI points that serve no goal, and the period split's rows named in either
// language. Tested in model.test.ts.
import type { CascadeLink } from "../../generated/CascadeLink";
import type { PeriodTarget } from "../../generated/PeriodTarget";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";
import type { Lang } from "../../generated/Lang";

export interface Owner {
  position: string;
  depth: number;
  links: CascadeLink[];
}

/** A goal's links grouped by position, in the order the backend gives (top of the tree first). */
export function owners(links: CascadeLink[]): Owner[] {
  const out: Owner[] = [];
  const at = new Map<string, Owner>();
  for (const l of links) {
    let o = at.get(l.position);
    if (!o) {
      o = { position: l.position, depth: l.depth, links: [] };
      at.set(l.position, o);
      out.push(o);
    }
    o.links.push(l);
  }
  return out;
}

/** Positions with KPI points that serve no goal, and how many (only when the plan has goals). */
export function unlinked(doc: PlanDoc): { position: Position; count: number }[] {
  if (doc.goals.length === 0) return [];
  return doc.positions.map((p) => ({ position: p, count: p.kpis.filter((k) => k.goal === null).length })).filter((x) => x.count > 0);
}

const ZH_NUM = ["一", "二", "三", "四"];
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2026-06-15` → month 6, day 15. */
function md(iso: string): [number, number] {
  const [, m, d] = iso.split("-").map(Number);
  return [m, d];
}

/** The period's name: 2026 年 / 上半年 / 二季度 / 6 月 / 第 3 周 (2026 / H1 / Q2 / Jun / Week 3). */
export function periodName(p: PeriodTarget, lang: Lang): string {
  const zh = lang === "zh";
  const [m] = md(p.start);
  switch (p.level) {
    case "year":
      return zh ? `${p.label} 年` : p.label;
    case "half": {
      const h = p.label.endsWith("H1") ? 1 : 2;
      return zh ? (h === 1 ? "上半年" : "下半年") : `H${h}`;
    }
    case "quarter": {
      const q = Math.ceil(m / 3);
      return zh ? `${ZH_NUM[q - 1]}季度` : `Q${q}`;
    }
    case "month":
      return zh ? `${m} 月` : EN_MONTHS[m - 1];
    case "week": {
      const w = Number(p.label.slice(p.label.lastIndexOf("W") + 1));
      return zh ? `第 ${w} 周` : `Week ${w}`;
    }
  }
}

/** `6/15–6/21`. */
export function periodDates(p: PeriodTarget): string {
  const [m1, d1] = md(p.start);
  const [m2, d2] = md(p.end);
  return `${m1}/${d1}–${m2}/${d2}`;
}

/** The campaigns in a period: `["618"]`, `["双11", "双12"]`. */
export function peaks(p: PeriodTarget): string[] {
  return p.peak ? p.peak.split(" ").filter(Boolean) : [];
}

/** The largest target of each level, for the bars. */
export function levelMax(rows: PeriodTarget[]): Map<PeriodTarget["level"], number> {
  const out = new Map<PeriodTarget["level"], number>();
  for (const r of rows) out.set(r.level, Math.max(out.get(r.level) ?? 0, r.target));
  return out;
}

/** A campaign's name: 双11 is 11.11 in English. */
export function peakName(name: string, lang: Lang): string {
  if (lang === "zh") return name;
  return name === "双11" ? "11.11" : name === "双12" ? "12.12" : name;
}
