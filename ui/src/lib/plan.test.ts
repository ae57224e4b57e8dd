import { describe, expect, it } from "vitest";
import { chainToTop, childrenOf, hasPersonalData, isSelfOrBelow, kpiTotal, root, selfAndBelow, depths } from "./plan";
import type { PlanDoc } from "../generated/PlanDoc";
import type { Position } from "../generated/Position";
import { person } from "./testkit";

function pos(id: string, parent: string | null, weights: number[] = []): Position {
  return {
    id, parent, title: id, title_en: "", department: null, headcount: 1, grade: "", purpose: "",
    duties: [], requirements: [], dotted: [], collaborations: [], escalations: [], functions: [],
    pay_band: null, notes: "", lineage: null, role: null,
    kpis: weights.map((w) => ({ metric: "m", weight: w, target: "", cycle: "monthly", source: "", goal: null })),
  };
}

const doc: PlanDoc = {
  plan: { id: "plan", name: "p", company: "", target_size: 3, stage: "growth", goal_notes: "", template: null, logo: null, scenario_of: null, roster: null, created_at: "", updated_at: "" },
  departments: [],
  positions: [pos("a", null), pos("b", "a", [60, 40]), pos("c", "b", [50]), pos("d", "a")],
  goals: [],
  people: [person("u", "u", [{ position: "b", share: 50 }, { position: "c", share: 50 }])],
};

describe("plan helpers", () => {
  it("tells when a plan holds personal data (手机 or 邮箱)", () => {
    expect(hasPersonalData(doc)).toBe(false);
    expect(hasPersonalData({ ...doc, people: [person("v", "v", [], { employee_no: "E1", start_date: "2024-01-01", kind: "intern" })] })).toBe(false);
    expect(hasPersonalData({ ...doc, people: [person("v", "v", [], { phone: "13800000000" })] })).toBe(true);
    expect(hasPersonalData({ ...doc, people: [person("v", "v", [], { email: "v@example.com" })] })).toBe(true);
    expect(hasPersonalData({ ...doc, people: [person("v", "v", [], { phone: "  " })] })).toBe(false);
  });

  it("finds the root and children in order", () => {
    expect(root(doc)?.id).toBe("a");
    expect(childrenOf(doc, "a").map((p) => p.id)).toEqual(["b", "d"]);
  });
  it("walks the chain to the top", () => {
    expect(chainToTop(doc, "c")).toEqual(["c", "b", "a"]);
  });
  it("tells when a move would make a cycle", () => {
    expect(isSelfOrBelow(doc, "c", "b")).toBe(true);
    expect(isSelfOrBelow(doc, "d", "b")).toBe(false);
    expect(isSelfOrBelow(doc, "b", "b")).toBe(true);
  });
  it("sums KPI weights", () => {
    expect(kpiTotal(doc.positions[1])).toBe(100);
    expect(kpiTotal(doc.positions[2])).toBe(50);
  });
});

describe("selfAndBelow", () => {
  it("collects a position and everything under it", () => {
    expect([...selfAndBelow(doc, "b")].sort()).toEqual(["b", "c"]);
    expect(selfAndBelow(doc, "a").size).toBe(4);
    expect([...selfAndBelow(doc, "d")]).toEqual(["d"]);
  });
});

describe("depths", () => {
  it("gives every position its depth in one pass", () => {
    const d = depths(doc);
    expect([d.get("a"), d.get("b"), d.get("c"), d.get("d")]).toEqual([0, 1, 2, 1]);
  });
});
