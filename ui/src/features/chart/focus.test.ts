import { describe, expect, it } from "vitest";
import { focusDoc, focusSet, focusableDepartments, subtreeBounds, zoomToBounds } from "./focus";
import { DEFAULT_SIZES, layoutTree } from "./layout";
import { visibleRect } from "./viewport";
import type { PlanDoc } from "../../generated/PlanDoc";
import { pos } from "../../lib/testkit";

// top(ops) ─┬─ ops1(ops) ── cs1(cs) ── cs2(cs)
//           ├─ cs0(cs)
//           └─ hr1(hr) ── hr2(hr)
const at = (id: string, parent: string | null, department: string | null) => ({ ...pos(id, parent), department });
const doc: PlanDoc = {
  plan: { id: "p", name: "p", company: "", target_size: 7, stage: "growth", goal_notes: "", template: null, logo: null, scenario_of: null, roster: null, created_at: "", updated_at: "" },
  departments: [
    { id: "ops", name: "运营部", name_en: "", color: "#111111", parent: null },
    { id: "cs", name: "客服部", name_en: "", color: "#222222", parent: null },
    { id: "hr", name: "人事部", name_en: "", color: "#333333", parent: null },
    { id: "none", name: "空部门", name_en: "", color: "#444444", parent: null },
  ],
  positions: [at("top", null, "ops"), at("ops1", "top", "ops"), at("cs1", "ops1", "cs"), at("cs2", "cs1", "cs"), at("cs0", "top", "cs"), at("hr1", "top", "hr"), at("hr2", "hr1", "hr")],
  people: [],
  goals: [],
};

describe("聚焦部门", () => {
  it("keeps the department's positions and the path up to the top", () => {
    expect([...focusSet(doc, "cs")!].sort()).toEqual(["cs0", "cs1", "cs2", "ops1", "top"]);
    expect([...focusSet(doc, "hr")!].sort()).toEqual(["hr1", "hr2", "top"]);
  });
  it("is no focus for no department or one without positions", () => {
    expect(focusSet(doc, null)).toBeNull();
    expect(focusSet(doc, "none")).toBeNull();
    expect(focusableDepartments(doc).map((d) => d.id)).toEqual(["ops", "cs", "hr"]);
  });
  it("lays out one tree of only the kept positions", () => {
    const focused = focusDoc(doc, focusSet(doc, "cs"));
    expect(focused.positions.map((p) => p.id)).toEqual(["top", "ops1", "cs1", "cs2", "cs0"]);
    expect(focusDoc(doc, null)).toBe(doc);
    const layout = layoutTree(focused, []);
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(["cs0", "cs1", "cs2", "ops1", "top"]);
    expect(layout.byId.has("hr1")).toBe(false);
  });
});

describe("缩放到所选", () => {
  const layout = layoutTree(doc, [], DEFAULT_SIZES, { stackLeaves: false });
  const { width: w, height: h } = DEFAULT_SIZES;
  it("bounds a card and every card shown below it", () => {
    const b = subtreeBounds(layout, "ops1")!;
    for (const id of ["ops1", "cs1", "cs2"]) {
      const n = layout.byId.get(id)!;
      expect(n.x >= b.minX && n.y >= b.minY && n.x + w <= b.maxX && n.y + h <= b.maxY).toBe(true);
    }
    const other = layout.byId.get("hr1")!;
    expect(other.x >= b.maxX || other.x + w <= b.minX).toBe(true);
    const leaf = layout.byId.get("cs2")!;
    expect(subtreeBounds(layout, "cs2")).toEqual({ minX: leaf.x, minY: leaf.y, maxX: leaf.x + w, maxY: leaf.y + h });
    expect(subtreeBounds(layout, "nope")).toBeNull();
    // Collapsed: only what is shown.
    const folded = layoutTree(doc, ["ops1"], DEFAULT_SIZES, { stackLeaves: false });
    const n = folded.byId.get("ops1")!;
    expect(subtreeBounds(folded, "ops1")).toEqual({ minX: n.x, minY: n.y, maxX: n.x + w, maxY: n.y + h });
  });
  it("frames the bounds, centred, zoomed out to fit and never in beyond 100%", () => {
    const b = { minX: 1000, minY: 2000, maxX: 1400, maxY: 2200 };
    const v = zoomToBounds({ x: 0, y: 0, k: 0.2 }, b, 1000, 800);
    expect(v.k).toBe(1);
    const seen = visibleRect(v, 1000, 800);
    expect((seen.minX + seen.maxX) / 2).toBeCloseTo(1200);
    expect((seen.minY + seen.maxY) / 2).toBeCloseTo(2100);
    const wide = { minX: 0, minY: 0, maxX: 4000, maxY: 300 };
    const z = zoomToBounds({ x: 0, y: 0, k: 1 }, wide, 1000, 800, 50);
    expect(z.k).toBeCloseTo(900 / 4000);
    const s = visibleRect(z, 1000, 800);
    expect(s.minX).toBeLessThanOrEqual(0);
    expect(s.maxX).toBeGreaterThanOrEqual(4000);
  });
});
