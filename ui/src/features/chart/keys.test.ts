import { describe, expect, it } from "vitest";
import { keyAction } from "./keys";
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
//       ├─ b ── b1
//       └─ c
const doc: PlanDoc = {
  plan: { id: "plan", name: "p", company: "", target_size: 6, stage: "growth", goal_notes: "", template: null, logo: null, scenario_of: null, roster: null, created_at: "", updated_at: "" },
  departments: [],
  positions: [pos("root", null), pos("a", "root"), pos("a1", "a"), pos("b", "root"), pos("b1", "b"), pos("c", "root")],
  people: [],
  goals: [],
};
const open = layoutTree(doc, []);
const folded = layoutTree(doc, ["a"]);
const plain = { alt: false, ctrl: false, meta: false };
const alt = { ...plain, alt: true };
const key = (id: string, k: string, mods = plain, layout = open) => keyAction(layout, doc, id, k, mods);

describe("keyAction", () => {
  it("moves up to the superior and down to the first subordinate", () => {
    expect(key("a", "ArrowUp")).toEqual({ kind: "go", to: "root" });
    expect(key("root", "ArrowUp")).toEqual({ kind: "none" });
    expect(key("root", "ArrowDown")).toEqual({ kind: "go", to: "a" });
    expect(key("c", "ArrowDown")).toEqual({ kind: "none" });
  });

  it("opens a collapsed card on the way down", () => {
    expect(key("a", "ArrowDown", plain, folded)).toEqual({ kind: "open", to: "a1" });
  });

  it("moves sideways among siblings, then along the level", () => {
    expect(key("b", "ArrowLeft")).toEqual({ kind: "go", to: "a" });
    expect(key("b", "ArrowRight")).toEqual({ kind: "go", to: "c" });
    expect(key("c", "ArrowRight")).toEqual({ kind: "none" });
    // a1 has no siblings: the next card on its level is its cousin.
    expect(key("a1", "ArrowRight")).toEqual({ kind: "go", to: "b1" });
    expect(key("b1", "ArrowLeft")).toEqual({ kind: "go", to: "a1" });
    expect(key("b1", "Home")).toEqual({ kind: "go", to: "root" });
  });

  it("selects, folds and opens the move picker", () => {
    expect(key("b", "Enter")).toEqual({ kind: "select" });
    expect(key("b", " ")).toEqual({ kind: "select" });
    expect(key("a", "-")).toEqual({ kind: "fold" });
    expect(key("c", "-")).toEqual({ kind: "none" });
    expect(key("a", "+")).toEqual({ kind: "none" });
    expect(key("a", "=", plain, folded)).toEqual({ kind: "fold" });
    expect(key("b", "m")).toEqual({ kind: "move" });
    expect(key("b", "M")).toEqual({ kind: "move" });
    expect(key("b", "f")).toEqual({ kind: "zoom" });
    expect(key("a", "F")).toEqual({ kind: "zoom" });
    // The root reports to no one.
    expect(key("root", "m")).toEqual({ kind: "none" });
  });

  it("reorders with Alt+arrows, within the siblings", () => {
    expect(key("b", "ArrowUp", alt)).toEqual({ kind: "reorder", newParent: "root", index: 0 });
    expect(key("b", "ArrowRight", alt)).toEqual({ kind: "reorder", newParent: "root", index: 2 });
    expect(key("a", "ArrowLeft", alt)).toEqual({ kind: "none" });
    expect(key("root", "ArrowDown", alt)).toEqual({ kind: "none" });
    // Alt wins over the other modifiers.
    expect(key("b", "ArrowUp", { alt: true, ctrl: true, meta: false })).toEqual({ kind: "reorder", newParent: "root", index: 0 });
  });

  it("leaves other keys and modified keys to the browser", () => {
    expect(key("b", "x")).toBeNull();
    expect(key("b", "Tab")).toBeNull();
    expect(key("b", "ArrowUp", { ...plain, ctrl: true })).toBeNull();
    expect(key("b", "Enter", { ...plain, meta: true })).toBeNull();
    expect(key("b", "m", alt)).toBeNull();
    // A card the layout does not show.
    expect(key("a1", "ArrowUp", plain, folded)).toBeNull();
  });
});
