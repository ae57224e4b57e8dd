import { describe, expect, it } from "vitest";
import type { PlanSummary } from "../generated/PlanSummary";
import { baseOf, defaultPair, groupPlans, nextScenarioName } from "./scenarios";

function plan(id: string, updated: number, scenario_of: string | null = null, name = id): PlanSummary {
  const at = new Date(Date.UTC(2026, 0, 1, 0, updated)).toISOString();
  return { id, name, company: "", template: "team-8", stage: "growth", target_size: 8, positions: 8, headcount: 8, people: 8, scenario_of, revision: 1, created_at: at, updated_at: at };
}

describe("scenarios", () => {
  it("names the next scenario with the first free letter", () => {
    expect(nextScenarioName([plan("a", 1)], "zh")).toBe("方案B");
    expect(nextScenarioName([plan("a", 1), plan("b", 2, "a", "方案B")], "zh")).toBe("方案C");
    expect(nextScenarioName([plan("a", 1)], "en")).toBe("Scenario B");
  });
  it("lists each plan with its scenarios under it, newest first", () => {
    const plans = [plan("a", 1), plan("b", 5), plan("a1", 3, "a"), plan("a2", 4, "a"), plan("a1x", 6, "a1"), plan("lost", 2, "gone")];
    expect(groupPlans(plans).map((r) => `${r.plan.id}:${r.depth}`)).toEqual(["b:0", "lost:0", "a:0", "a2:1", "a1:1", "a1x:2"]);
    expect(groupPlans(plans).find((r) => r.plan.id === "a1x")?.base?.id).toBe("a1");
  });
  it("finds the base of a scenario", () => {
    const plans = [plan("a", 1), plan("s", 2, "a"), plan("t", 3, "gone")];
    expect(baseOf(plans, plans[1])?.id).toBe("a");
    expect(baseOf(plans, plans[2])).toBeUndefined();
  });
});

const summaryOf = (id: string, updated: number, extra: Partial<PlanSummary> = {}): PlanSummary => ({ ...plan(id, updated), template: null, ...extra });

describe("default pair", () => {
  it("needs two plans", () => {
    expect(defaultPair([summaryOf("a", 1)], "a")).toBeNull();
  });
  it("compares a scenario with its base", () => {
    const plans = [summaryOf("base", 1), summaryOf("s", 2, { scenario_of: "base" }), summaryOf("x", 3)];
    expect(defaultPair(plans, "s")).toEqual({ a: "base", b: "s" });
    expect(defaultPair(plans, "base")).toEqual({ a: "base", b: "s" });
  });
  it("compares the previous stage of the growth path with this one, or this one with the next", () => {
    const plans = [summaryOf("five", 1, { template: "team-5" }), summaryOf("eight", 2, { template: "team-8" }), summaryOf("other", 3)];
    expect(defaultPair(plans, "eight")).toEqual({ a: "five", b: "eight" });
    expect(defaultPair(plans, "five")).toEqual({ a: "five", b: "eight" });
  });
  it("otherwise compares the newest other plan with this one", () => {
    const plans = [summaryOf("x", 1), summaryOf("y", 2), summaryOf("z", 3)];
    expect(defaultPair(plans, "x")).toEqual({ a: "z", b: "x" });
  });
});
