import { describe, expect, it } from "vitest";
import { bySeverity, holders, severityCounts } from "./totals";
import type { PlanDoc } from "../generated/PlanDoc";
import type { Position } from "../generated/Position";
import type { Finding } from "../generated/Finding";
import { person } from "./testkit";

function pos(id: string, parent: string | null, headcount: number, band: [number, number] | null): Position {
  return {
    id, parent, title: id, title_en: "", department: null, headcount, grade: "", purpose: "",
    duties: [], requirements: [], dotted: [], collaborations: [], escalations: [], functions: [],
    pay_band: band ? { min: band[0], max: band[1] } : null, notes: "", kpis: [], lineage: null, role: null,
  };
}

const doc: PlanDoc = {
  plan: { id: "p", name: "p", company: "", target_size: 5, stage: "growth", goal_notes: "", template: null, logo: null, scenario_of: null, roster: null, created_at: "", updated_at: "" },
  departments: [],
  positions: [pos("boss", null, 1, null), pos("cs", "boss", 3, [4000, 6000]), pos("art", "boss", 1, [6000, 9000])],
  goals: [],
  people: [
    person("a", "A", [{ position: "boss", share: 80 }, { position: "art", share: 40 }]),
    person("b", "B", [{ position: "cs", share: 100 }]),
    person("c", "C", [{ position: "art", share: 50 }]),
  ],
};

describe("holders", () => {
  it("lists who holds a seat with their share", () => {
    expect(holders(doc, "art").map((h) => [h.person.id, h.share])).toEqual([
      ["a", 40],
      ["c", 50],
    ]);
  });
});

describe("findings order", () => {
  const f = (severity: Finding["severity"], code: string): Finding => ({
    severity, code, position: null, person: null, function: null, goal: null, message_zh: code, message_en: code,
  });
  it("puts errors first and keeps the order within a severity", () => {
    const list = [f("info", "i1"), f("warning", "w1"), f("error", "e1"), f("warning", "w2")];
    expect(bySeverity(list).map((x) => x.code)).toEqual(["e1", "w1", "w2", "i1"]);
    expect(severityCounts(list)).toEqual({ error: 1, warning: 2, info: 1 });
  });
});
