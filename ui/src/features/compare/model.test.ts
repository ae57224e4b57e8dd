import { describe, expect, it } from "vitest";
import type { Comparison } from "../../generated/Comparison";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { PlanSummary } from "../../generated/PlanSummary";
import type { Position } from "../../generated/Position";
import { deptLabel, diffChart, ghostId, planLabels, refTitle, summary, unchanged, type MarkWords } from "./model";

function pos(id: string, parent: string | null, title: string, extra: Partial<Position> = {}): Position {
  return {
    id, parent, title, title_en: `${title}-en`, department: "d", headcount: 1, grade: "", purpose: "", duties: [], requirements: [],
    kpis: [], dotted: [], collaborations: [], escalations: [], functions: [], pay_band: null, notes: "", lineage: null, role: null, ...extra,
  };
}

function doc(id: string, positions: Position[], dept = "d"): PlanDoc {
  return {
    plan: { id, name: id, company: "", target_size: 5, stage: "growth", goal_notes: "", template: null, logo: null, scenario_of: null, roster: null, created_at: "", updated_at: "" },
    departments: [{ id: dept, name: "客服组", name_en: "Customer service", color: "#0f766e", parent: null }],
    positions,
    people: [],
    goals: [],
  };
}

const ref = (p: Position) => ({ id: p.id, title: p.title, department: "客服组", headcount: p.headcount });

// A: 店长 → 客服 → 客服助理, 店长 → 美工.  B: 店长 → 售前 (was 客服, ×2), 店长 → 售后 (new),
// 美工 moved under 售后; 客服助理 removed (its superior still there), 财务 removed with its
// subordinate 出纳.
const a = doc("A", [
  pos("a1", null, "店长"),
  pos("a2", "a1", "客服"),
  pos("a3", "a2", "客服助理"),
  pos("a4", "a1", "美工"),
  pos("a5", "a1", "财务"),
  pos("a6", "a5", "出纳"),
]);
const b = doc("B", [pos("b1", null, "店长"), pos("b2", "b1", "售前", { headcount: 2 }), pos("b3", "b1", "售后"), pos("b4", "b3", "美工")], "d2");

const comparison: Comparison = {
  a: { id: "A", name: "A", template: null, positions: 6, headcount: 6, people: 6, seats_fte: 6, payroll_monthly: { min: 20000, max: 30000 }, unpriced: 0 },
  b: { id: "B", name: "B", template: null, positions: 4, headcount: 5, people: 5, seats_fte: 5, payroll_monthly: { min: 30000, max: 40000 }, unpriced: 0 },
  added: [ref(b.positions[2])],
  removed: [
    { position: ref(a.positions[2]), anchor: "b2" },
    { position: ref(a.positions[4]), anchor: "b1" },
    { position: ref(a.positions[5]), anchor: null },
  ],
  moved: [{ position: ref(b.positions[3]), before: "店长", after: "售后" }],
  renamed: [{ position: ref(b.positions[1]), before: "客服", after: "售前" }],
  headcount_changed: [{ position: ref(b.positions[1]), before: 1, after: 2 }],
  duties_moved: [],
  splits: [],
  seat_splits: [],
  hiring_order: [],
  hires: 0,
  leavers: [],
  departments: [],
  deltas: { people: -1, positions: -2, headcount: -1 },
  cost_delta: {
    monthly_a: { min: 20000, max: 30000 },
    monthly_b: { min: 30000, max: 40000 },
    monthly: { min: 10000, max: 10000 },
    yearly: { min: 120000, max: 120000 },
  },
  matched: [
    ["a1", "b1"],
    ["a2", "b2"],
    ["a4", "b4"],
  ],
};

const words: MarkWords = {
  added: "新增",
  moved: "调整汇报",
  renamed: "更名",
  removed: "已撤销",
  resized: (x, y) => `编制 ${x}→${y}`,
  addedNote: "新增岗位",
  movedNote: (x, y) => `${x} → ${y}`,
  renamedNote: (x) => `原名 ${x}`,
  resizedNote: (x, y) => `${x}→${y}`,
  removedNote: (x) => `原上级 ${x}`,
};

describe("compare chart marks", () => {
  const { doc: chart, marks } = diffChart(comparison, a, b, "zh", words);

  it("marks added green, moved amber, renamed and resized as changed", () => {
    expect(marks.b3.status).toBe("added");
    expect(marks.b4).toMatchObject({ status: "moved", badges: ["调整汇报"], note: "店长 → 售后" });
    expect(marks.b2).toMatchObject({ status: "changed", badges: ["更名", "编制 1→2"] });
    expect(marks.b1).toBeUndefined();
  });

  it("hangs removed positions as ghosts under their anchor, or under a removed superior's ghost", () => {
    const parent = (id: string) => chart.positions.find((p) => p.id === id)?.parent;
    expect(parent(ghostId("a3"))).toBe("b2");
    expect(parent(ghostId("a5"))).toBe("b1");
    expect(parent(ghostId("a6"))).toBe(ghostId("a5"));
    expect(marks[ghostId("a3")]).toMatchObject({ status: "removed", badges: ["已撤销"], note: "原上级 客服" });
    expect(chart.positions).toHaveLength(7);
  });

  it("keeps the removed positions' departments for their cards", () => {
    expect(chart.departments.map((d) => d.id)).toEqual(["d2", "d"]);
  });

  it("names the superiors in English from the plans", () => {
    const en = diffChart(comparison, a, b, "en", words).marks;
    expect(en.b4.note).toBe("店长-en → 售后-en");
  });
});

describe("compare figures and names", () => {
  it("sums up both plans", () => {
    expect(summary(comparison)).toMatchObject({
      people: [6, 5],
      peopleDelta: -1,
      positions: [6, 4],
      headcount: [6, 5],
      monthly: [comparison.cost_delta.monthly_a, comparison.cost_delta.monthly_b],
      monthlyDelta: { min: 10000, max: 10000 },
      yearlyDelta: { min: 120000, max: 120000 },
    });
    expect(unchanged(comparison)).toBe(false);
    expect(unchanged({ ...comparison, added: [], removed: [], moved: [], renamed: [], headcount_changed: [] })).toBe(true);
  });
  it("names positions and departments in the reader's language", () => {
    expect(refTitle(ref(b.positions[2]), b, "en")).toBe("售后-en");
    expect(refTitle({ id: "x", title: "旧", department: "", headcount: 1 }, b, "en")).toBe("旧");
    expect(deptLabel("客服组", [b], "en")).toBe("Customer service");
    expect(deptLabel("客服组", [b], "zh")).toBe("客服组");
  });
});

function summaryOf(id: string, updated: number, extra: Partial<PlanSummary> = {}): PlanSummary {
  const at = new Date(Date.UTC(2026, 0, 1, 0, updated)).toISOString();
  return { id, name: id, company: "", template: null, stage: "growth", target_size: 8, positions: 8, headcount: 8, people: 8, scenario_of: null, revision: 1, created_at: at, updated_at: at, ...extra };
}

describe("plan labels", () => {
  it("numbers plans that share a name", () => {
    const plans = [summaryOf("p1", 1, { name: "八人团队" }), summaryOf("p2", 2, { name: "八人团队" }), summaryOf("p3", 3, { name: "五人" })];
    expect([...planLabels(plans).values()]).toEqual(["八人团队", "八人团队 (2)", "五人"]);
  });
});
