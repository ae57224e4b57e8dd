import { describe, expect, it } from "vitest";
import type { Goal } from "../generated/Goal";
import { goalAndBelow, goalTargetText, goalTree, goalValue, isAdditive, kindDefaults } from "./goals";

function goal(id: string, parent: string | null, kind: Goal["kind"], target: number, extra: Partial<Goal> = {}): Goal {
  return { id, parent, name: id, name_en: "", kind, unit: kindDefaults(kind).unit, direction: "at_least", target, period: "monthly", ...extra };
}

const goals: Goal[] = [
  goal("gmv", null, "gmv", 200000),
  goal("margin", null, "margin", 50),
  goal("traffic", "gmv", "traffic", 50000),
  goal("conv", "gmv", "conversion", 4),
  goal("basket", "gmv", "basket", 100),
  goal("orphan", "gone", "other", 1),
];

describe("goal tree", () => {
  it("puts each goal's sub-goals right after it, with depths", () => {
    expect(goalTree(goals).map((n) => `${n.goal.id}:${n.depth}`)).toEqual(["gmv:0", "traffic:1", "conv:1", "basket:1", "margin:0", "orphan:0"]);
  });
  it("does not lose goals in a cycle", () => {
    const loop = [goal("a", "b", "other", 1), goal("b", "a", "other", 1)];
    expect(goalTree(loop).map((n) => n.goal.id).sort()).toEqual(["a", "b"]);
  });
  it("finds a goal and those below it", () => {
    expect([...goalAndBelow(goals, "gmv")].sort()).toEqual(["basket", "conv", "gmv", "traffic"]);
    expect([...goalAndBelow(goals, "margin")]).toEqual(["margin"]);
  });
});

describe("goal targets", () => {
  it("writes values in their unit", () => {
    expect(goalValue(200000, "yuan", "zh")).toBe("¥20万");
    expect(goalValue(200000, "yuan", "en")).toBe("¥200,000");
    expect(goalValue(4, "percent", "en")).toBe("4%");
    expect(goalValue(50000, "count", "zh")).toBe("5万");
  });
  it("writes the direction and period", () => {
    expect(goalTargetText(goals[0], "zh")).toBe("≥ ¥20万 / 月");
    expect(goalTargetText({ ...goals[1], direction: "at_most", target: 20 }, "en")).toBe("≤ 20% / month");
  });
  it("knows which goals add up over time", () => {
    expect(isAdditive({ kind: "gmv", unit: "yuan" })).toBe(true);
    expect(isAdditive({ kind: "conversion", unit: "percent" })).toBe(false);
    expect(isAdditive({ kind: "other", unit: "count" })).toBe(true);
    expect(isAdditive({ kind: "other", unit: "percent" })).toBe(false);
  });
  it("defaults unit and direction by kind", () => {
    expect(kindDefaults("gmv")).toEqual({ unit: "yuan", direction: "at_least" });
    expect(kindDefaults("traffic").unit).toBe("count");
    expect(kindDefaults("promotion_cost")).toEqual({ unit: "percent", direction: "at_most" });
  });
});

