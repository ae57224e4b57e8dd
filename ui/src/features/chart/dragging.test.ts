import { describe, expect, it } from "vitest";
import { dropMarkRect, dropStateOf, hintText, hintTone } from "./dragging";
import type { DragInfo } from "./dragging";
import { dropBarRect } from "./dnd";
import type { DropPlan } from "./dnd";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";

function pos(id: string, parent: string | null, title_en = ""): Position {
  return {
    id, parent, title: `${id}-zh`, title_en, department: null, headcount: 1, grade: "", purpose: "",
    duties: [], requirements: [], dotted: [], collaborations: [], escalations: [], functions: [],
    pay_band: null, notes: "", kpis: [], lineage: null, role: null,
  };
}

const doc: PlanDoc = {
  plan: { id: "plan", name: "p", company: "", target_size: 3, stage: "growth", goal_notes: "", template: null, logo: null, scenario_of: null, roster: null, created_at: "", updated_at: "" },
  departments: [],
  positions: [pos("root", null, "Boss"), pos("a", "root", "Ann"), pos("b", "root")],
  people: [],
  goals: [],
};
const t = (key: string, vars?: Record<string, string | number>) => (vars ? `${key} ${JSON.stringify(vars)}` : key);
const move = (o: Partial<Extract<DropPlan, { kind: "move" }>> = {}): DropPlan => ({
  kind: "move", position: "a", newParent: "b", index: undefined, zone: "child", cycle: false, noop: false, ...o,
});
const dragA: DragInfo = { source: { kind: "position", id: "a" }, target: "b", zone: "child" };

describe("drop feedback", () => {
  it("names what a drop would do", () => {
    expect(hintText(t, doc, "zh", null, null)).toBe("");
    expect(hintText(t, doc, "zh", { ...dragA, target: null }, null)).toBe("dropIdle");
    expect(hintText(t, doc, "zh", dragA, move())).toBe('dropChild {"a":"a-zh","b":"b-zh"}');
    expect(hintText(t, doc, "en", dragA, move({ zone: "before" }))).toBe('dropBefore {"a":"Ann","b":"b-zh"}');
    expect(hintText(t, doc, "zh", dragA, move({ zone: "after" }))).toBe('dropAfter {"a":"a-zh","b":"b-zh"}');
    expect(hintText(t, doc, "zh", dragA, move({ cycle: true }))).toBe('dropCycle {"a":"a-zh","b":"b-zh"}');
    expect(hintText(t, doc, "zh", dragA, move({ noop: true }))).toBe('dropNoop {"a":"a-zh"}');
    const role: DragInfo = { source: { kind: "role", id: "r", title: "Cook" }, target: "root", zone: "child" };
    expect(hintText(t, doc, "en", role, { kind: "add", parent: "root", index: undefined, zone: "child" })).toBe('dropChild {"a":"Cook","b":"Boss"}');
  });

  it("marks a refused drop as an error", () => {
    expect(hintTone(move({ cycle: true }))).toBe("error");
    expect(hintTone(move())).toBe("info");
    expect(hintTone(null)).toBe("info");
  });

  it("picks the drop mark from the plan", () => {
    expect(dropStateOf(null)).toBeNull();
    expect(dropStateOf(move({ cycle: true, noop: true }))).toBe("cycle");
    expect(dropStateOf(move({ noop: true }))).toBe("noop");
    expect(dropStateOf(move({ zone: "before" }))).toBe("before");
    expect(dropStateOf({ kind: "add", parent: "root", index: 0, zone: "after" })).toBe("after");
  });

  it("places the ring around the card and the bar beside it, in screen pixels", () => {
    const v = { x: 10, y: 20, k: 2 };
    const node = { x: 5, y: 5, stacked: false };
    const sizes = { width: 100, height: 50 };
    expect(dropMarkRect(v, node, sizes, "child")).toEqual({ mark: "ring", x: 17, y: 27, w: 206, h: 106 });
    expect(dropMarkRect(v, node, sizes, "cycle").mark).toBe("ring");
    const box = { x: 20, y: 30, w: 200, h: 100 };
    expect(dropMarkRect(v, node, sizes, "before")).toEqual({ mark: "bar", ...dropBarRect(box, "before", false, 2) });
    expect(dropMarkRect(v, { ...node, stacked: true }, sizes, "after")).toEqual({ mark: "bar", ...dropBarRect(box, "after", true, 2) });
  });
});
