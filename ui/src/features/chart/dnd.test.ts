import { describe, expect, it } from "vitest";
import { cardAt, dropBarRect, planDrop, siblingStep, validSuperiors, zoneAt } from "./dnd";
import { layoutTree } from "./layout";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";

function pos(id: string, parent: string | null): Position {
  return {
    id, parent, title: id, title_en: "", department: null, headcount: 1, grade: "", purpose: "",
    duties: [], requirements: [], dotted: [], collaborations: [], escalations: [], functions: [],
    pay_band: null, notes: "", kpis: [], lineage: null, role: null,
  };
}

// root ─┬─ a ── a1
//       ├─ b
//       └─ c
const doc: PlanDoc = {
  plan: { id: "plan", name: "p", company: "", target_size: 3, stage: "growth", goal_notes: "", template: null, logo: null, scenario_of: null, roster: null, created_at: "", updated_at: "" },
  departments: [],
  positions: [pos("root", null), pos("a", "root"), pos("a1", "a"), pos("b", "root"), pos("c", "root")],
  people: [],
  goals: [],
};
const card = (id: string) => ({ kind: "position" as const, id });

describe("zoneAt", () => {
  it("splits a card into quarters, except the root", () => {
    expect(zoneAt(0.1, false)).toBe("before");
    expect(zoneAt(0.5, false)).toBe("child");
    expect(zoneAt(0.9, false)).toBe("after");
    expect(zoneAt(0.1, true)).toBe("child");
    // Stacked cards also reorder from their top and bottom edges.
    expect(zoneAt(0.5, false, 0.1, true)).toBe("before");
    expect(zoneAt(0.5, false, 0.9, true)).toBe("after");
    expect(zoneAt(0.5, false, 0.5, true)).toBe("child");
    expect(zoneAt(0.5, false, 0.1, false)).toBe("child");
  });
});

describe("planDrop", () => {
  it("re-parents on the centre as the last subordinate", () => {
    expect(planDrop(doc, card("c"), "a", "child")).toEqual({
      kind: "move", position: "c", newParent: "a", index: undefined, zone: "child", cycle: false, noop: false,
    });
  });

  it("reorders on the sides, counting siblings without the dragged card", () => {
    // c before a: siblings without c are [a, b] → index 0.
    expect(planDrop(doc, card("c"), "a", "before")).toMatchObject({ newParent: "root", index: 0, noop: false });
    // a after c: siblings without a are [b, c] → index 2.
    expect(planDrop(doc, card("a"), "c", "after")).toMatchObject({ newParent: "root", index: 2, noop: false });
    // a after b: [b, c] → index 1.
    expect(planDrop(doc, card("a"), "b", "after")).toMatchObject({ index: 1, noop: false });
    // a1 before b: moves up a level, among [a, b, c] → index 1.
    expect(planDrop(doc, card("a1"), "b", "before")).toMatchObject({ newParent: "root", index: 1, noop: false });
  });

  it("knows when nothing would change", () => {
    expect(planDrop(doc, card("b"), "c", "before")).toMatchObject({ noop: true });
    expect(planDrop(doc, card("b"), "a", "after")).toMatchObject({ noop: true });
    expect(planDrop(doc, card("c"), "root", "child")).toMatchObject({ noop: true });
    expect(planDrop(doc, card("b"), "b", "before")).toMatchObject({ noop: true });
  });

  it("flags cycles but still plans the move (the backend refuses it)", () => {
    expect(planDrop(doc, card("root"), "a", "child")).toMatchObject({ kind: "move", newParent: "a", cycle: true, noop: false });
    expect(planDrop(doc, card("a"), "a", "child")).toMatchObject({ cycle: true });
    expect(planDrop(doc, card("a"), "a1", "child")).toMatchObject({ cycle: true });
    expect(planDrop(doc, card("b"), "a1", "child")).toMatchObject({ cycle: false });
  });

  it("never reorders around the root", () => {
    expect(planDrop(doc, card("b"), "root", "before")).toMatchObject({ zone: "child", newParent: "root" });
  });

  it("adds a role as a subordinate or a sibling", () => {
    const role = { kind: "role" as const, id: "r", title: "R" };
    expect(planDrop(doc, role, "a", "child")).toEqual({ kind: "add", parent: "a", index: undefined, zone: "child" });
    expect(planDrop(doc, role, "b", "before")).toEqual({ kind: "add", parent: "root", index: 1, zone: "before" });
    expect(planDrop(doc, role, "b", "after")).toEqual({ kind: "add", parent: "root", index: 2, zone: "after" });
  });

  it("ignores unknown targets", () => {
    expect(planDrop(doc, card("a"), "nope", "child")).toBeNull();
  });
});

describe("siblingStep", () => {
  it("moves one place left or right among siblings", () => {
    expect(siblingStep(doc, "b", -1)).toEqual({ newParent: "root", index: 0 });
    expect(siblingStep(doc, "b", 1)).toEqual({ newParent: "root", index: 2 });
    expect(siblingStep(doc, "a", -1)).toBeNull();
    expect(siblingStep(doc, "c", 1)).toBeNull();
    expect(siblingStep(doc, "root", 1)).toBeNull();
  });
});

describe("validSuperiors", () => {
  it("excludes the card and everything below it", () => {
    expect(validSuperiors(doc, "a")).toEqual(["root", "b", "c"]);
  });
});

describe("cardAt", () => {
  const l = layoutTree(doc, []);
  const { width: w, height: h } = l.sizes;
  const node = (id: string) => l.byId.get(id)!;

  it("finds the card under a point of the layer, and the zone of it", () => {
    const b = node("b");
    expect(cardAt(l, b.x + w / 2, b.y + h / 2)).toEqual({ id: "b", zone: "child" });
    expect(cardAt(l, b.x + 2, b.y + h / 2)).toEqual({ id: "b", zone: "before" });
    expect(cardAt(l, b.x + w - 2, b.y + h / 2)).toEqual({ id: "b", zone: "after" });
    // The root's card is all "subordinate".
    const r = node("root");
    expect(cardAt(l, r.x + 1, r.y + 1)).toEqual({ id: "root", zone: "child" });
    const a1 = node("a1");
    expect(cardAt(l, a1.x + w / 2, a1.y + h - 1)?.id).toBe("a1");
  });

  it("finds nothing in the gaps between cards or off the chart", () => {
    const a = node("a");
    const b = node("b");
    expect(b.x).toBeGreaterThan(a.x + w);
    expect(cardAt(l, (a.x + w + b.x) / 2, a.y + h / 2)).toBeNull();
    expect(cardAt(l, a.x + w / 2, a.y - 1)).toBeNull();
    expect(cardAt(l, -1e6, -1e6)).toBeNull();
  });

  it("ignores folded-away cards", () => {
    const folded = layoutTree(doc, ["a"]);
    const a1 = node("a1");
    expect(folded.byId.has("a1")).toBe(false);
    expect(cardAt(folded, a1.x + w / 2, a1.y + h / 2)?.id).not.toBe("a1");
  });
});

describe("dropBarRect", () => {
  const box = { x: 100, y: 50, w: 184, h: 76 };
  it("stands in the gap before or after a card, a little longer than it", () => {
    const before = dropBarRect(box, "before", false, 1);
    expect(before).toEqual({ x: 100 - 7 - 4, y: 43, w: 4, h: 90 });
    const after = dropBarRect(box, "after", false, 1);
    expect(after.x).toBe(100 + 184 + 7);
    const above = dropBarRect(box, "before", true, 1);
    expect(above).toEqual({ x: 93, y: 50 - 7 - 4, w: 198, h: 4 });
    expect(dropBarRect(box, "after", true, 1).y).toBe(50 + 76 + 7);
  });
  it("stays visible at the farthest zoom", () => {
    const far = { x: 10, y: 10, w: 9.2, h: 3.8 };
    const r = dropBarRect(far, "after", false, 0.05);
    expect(r.w).toBe(3);
    expect(r.h).toBeGreaterThan(far.h);
    expect(r.x).toBeGreaterThan(far.x + far.w);
  });
});
