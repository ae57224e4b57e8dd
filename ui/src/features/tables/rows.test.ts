import { describe, expect, it } from "vitest";
import { departmentCost, establishmentGroups, matches, positionPayroll } from "./rows";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";

function pos(id: string, parent: string | null, department: string | null, headcount: number): Position {
  return {
    id, parent, title: `岗位${id}`, title_en: `Role ${id}`, department, headcount, grade: "", purpose: "",
    duties: [], requirements: [], dotted: [], collaborations: [], escalations: [], functions: [],
    pay_band: id === "b" ? { min: 4000, max: 6000 } : null, notes: "", kpis: [], lineage: null,
  };
}

const doc: PlanDoc = {
  plan: { id: "p", name: "p", company: "", target_size: 5, stage: "growth", goal_notes: "", template: null, logo: null, scenario_of: null, created_at: "", updated_at: "" },
  departments: [
    { id: "ops", name: "运营部", name_en: "Operations", color: "#2563eb" },
    { id: "cs", name: "客服组", name_en: "Customer service", color: "#0f766e" },
    { id: "empty", name: "空部门", name_en: "", color: "#000000" },
  ],
  positions: [pos("a", null, "ops", 1), pos("b", "a", "cs", 3), pos("c", "a", null, 1), pos("d", "a", "ops", 2)],
  goals: [],
  people: [
    { id: "x", name: "X", assignments: [{ position: "b", share: 100 }, { position: "c", share: 50 }] },
    { id: "y", name: "Y", assignments: [{ position: "c", share: 50 }] },
  ],
};

describe("establishment rows", () => {
  it("groups by department in plan order, no department last, empty groups left out", () => {
    const groups = establishmentGroups(doc);
    expect(groups.map((g) => g.department?.id ?? null)).toEqual(["ops", "cs", null]);
    expect(groups[0].rows.map((r) => r.position.id)).toEqual(["a", "d"]);
  });
  it("adds up headcount, filled, vacancies and payroll per group", () => {
    const [ops, cs, none] = establishmentGroups(doc);
    expect([ops.headcount, ops.filled, ops.vacant]).toEqual([3, 0, 3]);
    expect([cs.headcount, cs.filled, cs.vacant]).toEqual([3, 1, 2]);
    expect(none.rows[0]).toMatchObject({ filled: 2, vacant: 0, over: 1 });
  });
  it("filters by title, English title or department", () => {
    expect(matches(doc, doc.positions[1], "客服")).toBe(true);
    expect(matches(doc, doc.positions[1], "role b")).toBe(true);
    expect(matches(doc, doc.positions[0], "客服")).toBe(false);
    expect(establishmentGroups(doc, (p) => matches(doc, p, "运营")).flatMap((g) => g.rows.map((r) => r.position.id))).toEqual(["a", "d"]);
  });
});

describe("payroll", () => {
  it("is the pay band times the headcount, or nothing without a band", () => {
    expect(positionPayroll(doc.positions[1])).toEqual({ min: 12000, max: 18000 });
    expect(positionPayroll(doc.positions[0])).toBeNull();
  });
  it("finds a department's row of the plan's cost", () => {
    const cost = {
      departments: [
        { department: "cs", headcount: 3, monthly: { min: 12000, max: 18000 }, unpriced: 0 },
        { department: null, headcount: 1, monthly: { min: 0, max: 0 }, unpriced: 1 },
      ],
      headcount: 4,
      monthly: { min: 12000, max: 18000 },
      yearly: { min: 144000, max: 216000 },
      unpriced: 1,
    };
    expect(departmentCost(cost, "cs")?.monthly).toEqual({ min: 12000, max: 18000 });
    expect(departmentCost(cost, null)?.unpriced).toBe(1);
    expect(departmentCost(cost, "ops")).toBeUndefined();
  });
});
