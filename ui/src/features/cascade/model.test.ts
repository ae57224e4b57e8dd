import { describe, expect, it } from "vitest";
import type { CascadeLink } from "../../generated/CascadeLink";
import type { PeriodTarget } from "../../generated/PeriodTarget";
import type { PlanDoc } from "../../generated/PlanDoc";
import { levelMax, owners, peakName, peaks, periodDates, periodName, unlinked } from "./model";

const link = (position: string, depth: number, metric: string): CascadeLink => ({ position, title: position, depth, kpi: 0, metric, target: "", weight: 10 });

const row = (level: PeriodTarget["level"], label: string, start: string, end: string, target: number, peak: string | null = null): PeriodTarget => ({
  level, label, start, end, target, peak,
});

describe("cascade owners", () => {
  it("groups a goal's KPI points by position, in the order given", () => {
    const out = owners([link("店长", 0, "销售额"), link("售前", 1, "询单转化率"), link("店长", 0, "大促转化"), link("售后", 1, "DSR")]);
    expect(out.map((o) => `${o.position}:${o.links.length}`)).toEqual(["店长:2", "售前:1", "售后:1"]);
  });
  it("lists positions with KPI points that serve no goal, only when there are goals", () => {
    const kpi = (goal: string | null) => ({ metric: "m", weight: 50, target: "", cycle: "monthly" as const, source: "", goal });
    const doc = {
      goals: [{ id: "g" }],
      positions: [
        { id: "a", kpis: [kpi("g"), kpi(null)] },
        { id: "b", kpis: [kpi("g")] },
      ],
    } as unknown as PlanDoc;
    expect(unlinked(doc).map((u) => [u.position.id, u.count])).toEqual([["a", 1]]);
    expect(unlinked({ ...doc, goals: [] })).toEqual([]);
  });
});

describe("period names", () => {
  it("names each level in both languages", () => {
    expect(periodName(row("year", "2027", "2027-01-01", "2027-12-31", 1), "zh")).toBe("2027 年");
    expect(periodName(row("half", "2027 H2", "2027-07-01", "2027-12-31", 1), "zh")).toBe("下半年");
    expect(periodName(row("half", "2027 H1", "2027-01-01", "2027-06-30", 1), "en")).toBe("H1");
    expect(periodName(row("quarter", "2027 Q2", "2027-04-01", "2027-06-30", 1), "zh")).toBe("二季度");
    expect(periodName(row("quarter", "2027 Q4", "2027-10-01", "2027-12-31", 1), "en")).toBe("Q4");
    expect(periodName(row("month", "2027-06", "2027-06-01", "2027-06-30", 1), "zh")).toBe("6 月");
    expect(periodName(row("month", "2027-11", "2027-11-01", "2027-11-30", 1), "en")).toBe("Nov");
    expect(periodName(row("week", "2027-06 W3", "2027-06-15", "2027-06-21", 1), "zh")).toBe("第 3 周");
    expect(periodName(row("week", "2027-06 W4", "2027-06-22", "2027-06-30", 1), "en")).toBe("Week 4");
  });
  it("writes dates and campaign peaks", () => {
    const w = row("week", "2027-06 W3", "2027-06-15", "2027-06-21", 1, "618");
    expect(periodDates(w)).toBe("6/15–6/21");
    expect(peaks(w)).toEqual(["618"]);
    expect(peaks(row("quarter", "2027 Q4", "2027-10-01", "2027-12-31", 1, "双11 双12"))).toEqual(["双11", "双12"]);
    expect(peaks(row("month", "2027-03", "2027-03-01", "2027-03-31", 1))).toEqual([]);
    expect(peakName("双11", "en")).toBe("11.11");
    expect(peakName("618", "en")).toBe("618");
    expect(peakName("双12", "zh")).toBe("双12");
  });
  it("finds the largest target of each level", () => {
    const m = levelMax([row("month", "a", "2027-01-01", "2027-01-31", 3), row("month", "b", "2027-02-01", "2027-02-28", 7), row("week", "c", "2027-01-01", "2027-01-07", 2)]);
    expect(m.get("month")).toBe(7);
    expect(m.get("week")).toBe(2);
  });
});
