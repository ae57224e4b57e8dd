import { describe, expect, it } from "vitest";
import { DEFAULT_SIZES, STACK_GAP, WRAP_GAP, dottedLinks, edgePath, layoutTree } from "./layout";
import type { TreeLayout } from "./layout";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";

function pos(id: string, parent: string | null, dotted: string[] = []): Position {
  return {
    id, parent, title: id, title_en: "", department: null, headcount: 1, grade: "", purpose: "",
    duties: [], requirements: [], dotted, collaborations: [], escalations: [], functions: [],
    pay_band: null, notes: "", kpis: [], lineage: null, role: null,
  };
}

function docOf(positions: Position[]): PlanDoc {
  return {
    plan: { id: "plan", name: "p", company: "", target_size: 3, stage: "growth", goal_notes: "", template: null, logo: null, scenario_of: null, roster: null, created_at: "", updated_at: "" },
    departments: [],
    positions,
    people: [],
    goals: [],
  };
}

// a ─┬─ b ─┬─ d
//    │     ├─ e
//    │     └─ f ── g
//    ├─ c
//    └─ h ─┬─ i
//          └─ j
const small = docOf([
  pos("a", null), pos("b", "a"), pos("d", "b"), pos("e", "b"), pos("f", "b"), pos("g", "f"),
  pos("c", "a", ["h"]), pos("h", "a"), pos("i", "h"), pos("j", "h"),
]);

/** A pseudo-random but reproducible tree of `n` positions. */
function randomDoc(n: number, seed: number): PlanDoc {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const ps = [pos("p0", null)];
  for (let i = 1; i < n; i++) {
    // Prefer recent positions as superiors so the tree gets deep as well as wide.
    const j = Math.floor(i - 1 - rand() * rand() * (i - 1));
    ps.push(pos(`p${i}`, `p${j}`));
  }
  return docOf(ps);
}

/** Two cards closer than `gap` horizontally while sharing rows, or overlapping at all. */
function overlaps(layout: TreeLayout, gap = 8): [string, string] | null {
  const { width: w, height: h } = layout.sizes;
  const ns = [...layout.nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < ns.length; i++) {
    for (let j = i + 1; j < ns.length; j++) {
      const a = ns[i];
      const b = ns[j];
      if (b.x >= a.x + w + gap) break; // sorted by x: nothing further right can touch a
      if (a.y < b.y + h + gap && b.y < a.y + h + gap) return [a.id, b.id];
    }
  }
  return null;
}

describe("layoutTree", () => {
  it("puts the root on top, centred on x = 0, and every level one step lower", () => {
    const l = layoutTree(small, []);
    const a = l.byId.get("a")!;
    expect(a.depth).toBe(0);
    expect(a.y).toBe(0);
    expect(a.x + DEFAULT_SIZES.width / 2).toBeCloseTo(0);
    for (const n of l.nodes) expect(n.y).toBe(n.depth * (DEFAULT_SIZES.height + DEFAULT_SIZES.gapY));
    expect(l.nodes.every((n) => !n.stacked)).toBe(true);
    expect(l.byId.get("g")!.depth).toBe(3);
  });

  it("lists cards in pre-order with sibling order kept", () => {
    const l = layoutTree(small, []);
    expect(l.nodes.map((n) => n.id)).toEqual(["a", "b", "d", "e", "f", "g", "c", "h", "i", "j"]);
    const xs = ["b", "c", "h"].map((id) => l.byId.get(id)!.x);
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
    expect(l.byId.get("c")!.index).toBe(1);
    expect(l.byId.get("c")!.siblings).toBe(3);
  });

  it("centres every superior over its subordinates", () => {
    for (const [doc, stackLeaves] of [[small, false], [randomDoc(300, 7), false], [randomDoc(300, 7), true]] as const) {
      const l = layoutTree(doc, [], DEFAULT_SIZES, { stackLeaves });
      for (const n of l.nodes) {
        if (n.children.length === 0) continue;
        const first = l.byId.get(n.children[0])!;
        const last = l.byId.get(n.children[n.children.length - 1])!;
        expect(n.x).toBeCloseTo((first.x + last.x) / 2, 6);
      }
    }
  });

  it("never lets cards overlap, even on large random trees", () => {
    for (const seed of [1, 2, 3, 42]) {
      const l = layoutTree(randomDoc(1000, seed), []);
      expect(l.nodes).toHaveLength(1000);
      expect(overlaps(l, DEFAULT_SIZES.gapX - 1e-6)).toBeNull();
      const compact = layoutTree(randomDoc(1000, seed), [], DEFAULT_SIZES, { stackLeaves: true });
      expect(compact.nodes).toHaveLength(1000);
      expect(overlaps(compact, STACK_GAP - 1e-6)).toBeNull();
      expect(compact.bounds.maxX - compact.bounds.minX).toBeLessThan(l.bounds.maxX - l.bounds.minX);
    }
  });

  it("stacks leaf-only groups below the root in a column when compact", () => {
    const l = layoutTree(small, [], DEFAULT_SIZES, { stackLeaves: true });
    // h's subordinates i and j are leaves: a column under h, same left edge.
    const [hh, i, j] = ["h", "i", "j"].map((id) => l.byId.get(id)!);
    expect(i.stacked && j.stacked).toBe(true);
    expect(i.x).toBe(hh.x);
    expect(j.x).toBe(hh.x);
    expect(j.y - i.y).toBe(DEFAULT_SIZES.height + STACK_GAP);
    expect(i.y).toBe(hh.y + DEFAULT_SIZES.height + DEFAULT_SIZES.gapY);
    expect([i.index, j.index, j.siblings, j.depth]).toEqual([0, 1, 2, 2]);
    expect(hh.children).toEqual(["i", "j"]);
    // b has a non-leaf subordinate (f), so its row stays a row; the root's row always does.
    expect(l.byId.get("d")!.stacked).toBe(false);
    expect(l.byId.get("b")!.stacked).toBe(false);
    expect(l.nodes.map((n) => n.id)).toEqual(["a", "b", "d", "e", "f", "g", "c", "h", "i", "j"]);
    expect(overlaps(l, STACK_GAP - 1e-6)).toBeNull();
    // Collapsed groups are not stacked (nothing to show).
    expect(layoutTree(small, ["h"], DEFAULT_SIZES, { stackLeaves: true }).byId.has("i")).toBe(false);
    // The connector is a comb: it reaches each stacked card's left edge.
    expect(edgePath(l)).toContain(`H${Math.round(i.x * 10) / 10}`);
  });

  it("wraps a root's row of five or more leaves into rows of at most four when compact", () => {
    const flat = docOf([pos("r", null), ...["a", "b", "c", "d", "e", "f", "g"].map((id) => pos(id, "r"))]);
    const wide = layoutTree(flat, []);
    expect(new Set(wide.nodes.slice(1).map((n) => n.y)).size).toBe(1);
    const l = layoutTree(flat, [], DEFAULT_SIZES, { stackLeaves: true });
    expect(l.nodes.map((n) => n.id)).toEqual(["r", "a", "b", "c", "d", "e", "f", "g"]);
    expect(l.nodes.slice(1).map((n) => n.row)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    const [a, d, e] = ["a", "d", "e"].map((id) => l.byId.get(id)!);
    expect(e.x).toBe(a.x);
    expect(e.y - a.y).toBe(DEFAULT_SIZES.height + WRAP_GAP);
    expect(a.y).toBe(DEFAULT_SIZES.height + DEFAULT_SIZES.gapY);
    // The root is centred over the full first row.
    const root = l.byId.get("r")!;
    expect(root.x + DEFAULT_SIZES.width / 2).toBeCloseTo((a.x + d.x + DEFAULT_SIZES.width) / 2);
    expect(overlaps(l)).toBeNull();
    expect(l.bounds.maxX - l.bounds.minX).toBeLessThan(wide.bounds.maxX - wide.bounds.minX);
    expect(l.byId.get("g")!).toMatchObject({ index: 6, siblings: 7, depth: 1, parent: "r" });
    // Four or fewer stay a row; a subordinate with its own subordinates keeps the tidy tree.
    expect(layoutTree(docOf(flat.positions.slice(0, 5)), [], DEFAULT_SIZES, { stackLeaves: true }).nodes.every((n) => n.row === 0)).toBe(true);
    // A wide branch (three subordinates side by side) keeps the tidy tree.
    const wideBranch = docOf([...flat.positions, pos("x", "a"), pos("y", "a"), pos("z", "a"), pos("x1", "x"), pos("y1", "y"), pos("z1", "z")]);
    expect(layoutTree(wideBranch, [], DEFAULT_SIZES, { stackLeaves: true }).nodes.every((n) => n.row === 0)).toBe(true);
  });

  it("wraps narrow branches (a lead over a column) into rows too", () => {
    // Like the 30-person template: seven leads, most with a column of specialists.
    const ps = [pos("boss", null)];
    for (let i = 0; i < 7; i++) {
      ps.push(pos(`lead${i}`, "boss"));
      for (let j = 0; j < i % 4; j++) ps.push(pos(`s${i}${j}`, `lead${i}`));
    }
    const doc = docOf(ps);
    const l = layoutTree(doc, [], DEFAULT_SIZES, { stackLeaves: true });
    expect(l.nodes).toHaveLength(ps.length);
    expect(overlaps(l, STACK_GAP - 1e-6)).toBeNull();
    const leads = [0, 1, 2, 3, 4, 5, 6].map((i) => l.byId.get(`lead${i}`)!);
    expect(leads.map((n) => n.row)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(leads.every((n) => n.depth === 1 && n.parent === "boss")).toBe(true);
    // The second row starts below the deepest column of the first.
    const firstRowBottom = Math.max(...l.nodes.filter((n) => n.depth === 2 && l.byId.get(n.parent!)!.row === 0).map((n) => n.y + DEFAULT_SIZES.height));
    expect(leads[4].y).toBeGreaterThan(firstRowBottom);
    // Every lead sits over its own column.
    for (const lead of leads) for (const id of lead.children) expect(l.byId.get(id)!.x).toBe(lead.x);
    const plain = layoutTree(doc, [], DEFAULT_SIZES, { stackLeaves: false });
    expect(l.bounds.maxX - l.bounds.minX).toBeLessThan((plain.bounds.maxX - plain.bounds.minX) * 0.7);
    expect(l.wrapGap).toBe(DEFAULT_SIZES.gapY);
  });

  it("hides collapsed branches and counts what they hide", () => {
    const l = layoutTree(small, ["b"]);
    expect(l.nodes.map((n) => n.id)).toEqual(["a", "b", "c", "h", "i", "j"]);
    const b = l.byId.get("b")!;
    expect(b.hidden).toBe(4);
    expect(b.children).toEqual([]);
    expect(b.childCount).toBe(3);
    expect(l.byId.get("h")!.hidden).toBe(0);
    expect(overlaps(l)).toBeNull();
    // Collapsing inside a collapsed branch changes nothing visible.
    expect(layoutTree(small, ["b", "f"]).nodes.map((n) => n.id)).toEqual(l.nodes.map((n) => n.id));
  });

  it("is deterministic", () => {
    const doc = randomDoc(400, 9);
    const one = layoutTree(doc, ["p3", "p10"], DEFAULT_SIZES, { stackLeaves: true });
    const two = layoutTree(doc, ["p10", "p3"], DEFAULT_SIZES, { stackLeaves: true });
    expect(two.nodes).toEqual(one.nodes);
    expect(two.bounds).toEqual(one.bounds);
  });

  it("reports bounds that contain every card", () => {
    const l = layoutTree(randomDoc(200, 5), []);
    for (const n of l.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(l.bounds.minX);
      expect(n.x + DEFAULT_SIZES.width).toBeLessThanOrEqual(l.bounds.maxX);
      expect(n.y + DEFAULT_SIZES.height).toBeLessThanOrEqual(l.bounds.maxY);
    }
  });

  it("handles an empty plan", () => {
    const l = layoutTree(docOf([]), []);
    expect(l.nodes).toEqual([]);
  });

  it("draws elbow connectors and dotted links between visible cards", () => {
    const l = layoutTree(small, []);
    expect(edgePath(l)).toMatch(/^M/);
    expect(dottedLinks(small, l)).toEqual([{ from: "h", to: "c" }]);
    // With h's parent collapsed... h is the root's child, so collapse the root instead.
    const folded = layoutTree(small, ["a"]);
    expect(dottedLinks(small, folded)).toEqual([]);
    expect(edgePath(folded)).toBe("");
  });
});
