import { describe, expect, it } from "vitest";
import { edgePush, holdStill, wheelView } from "./pan";
import type { LaidNode, TreeLayout } from "./layout";
import { zoomAround } from "./viewport";

const wheel = (deltaX: number, deltaY: number, ctrlKey = false, deltaMode = 0) => ({ deltaX, deltaY, ctrlKey, deltaMode });

/** A layout with just what holdStill reads: card places, bounds and size. */
function lay(cards: Record<string, [number, number]>, bounds = { minX: 0, minY: 0, maxX: 1000, maxY: 1000 }): TreeLayout {
  const byId = new Map(Object.entries(cards).map(([id, [x, y]]) => [id, { id, x, y } as LaidNode]));
  return { nodes: [...byId.values()], byId, bounds, sizes: { width: 100, height: 50, gapX: 20, gapY: 60 }, wrapGap: 0 };
}

describe("wheelView", () => {
  const v = { x: 10, y: 20, k: 1 };

  it("pans on a sideways scroll", () => {
    expect(wheelView(v, wheel(30, 5), 0, 0, 800)).toEqual({ x: -20, y: 20, k: 1 });
    // Line mode: 16 px a line.
    expect(wheelView(v, wheel(2, 0, false, 1), 0, 0, 800)).toEqual({ x: -22, y: 20, k: 1 });
  });

  it("zooms around the pointer, faster for a pinch", () => {
    expect(wheelView(v, wheel(0, 100), 50, 60, 800)).toEqual(zoomAround(v, Math.exp(-100 * 0.0018), 50, 60));
    expect(wheelView(v, wheel(0, -10, true), 50, 60, 800)).toEqual(zoomAround(v, Math.exp(10 * 0.012), 50, 60));
    // Page mode: a page is the viewport's height.
    expect(wheelView(v, wheel(0, 1, false, 2), 0, 0, 500)).toEqual(zoomAround(v, Math.exp(-500 * 0.0018), 0, 0));
  });
});

describe("edgePush", () => {
  const r = { left: 0, top: 0, right: 1000, bottom: 800 };

  it("pans towards a near edge, faster the closer", () => {
    expect(edgePush(r, 500, 400)).toEqual({ dx: 0, dy: 0 });
    expect(edgePush(r, 20, 400)).toEqual({ dx: 7, dy: 0 });
    expect(edgePush(r, 0, 400).dx).toBe(14);
    // Past the edge, no faster.
    expect(edgePush(r, -30, 400).dx).toBe(14);
    expect(edgePush(r, 500, 790)).toEqual({ dx: 0, dy: -10.5 });
  });
});

describe("holdStill", () => {
  const v = { x: 0, y: 0, k: 2 };

  it("keeps the first card in both layouts still on screen", () => {
    const before = lay({ a: [100, 100], b: [300, 100] });
    const after = lay({ b: [200, 150] });
    const next = holdStill(before, after, [null, "a", "b"], v, 400, 300)!;
    expect(next).toEqual({ x: 200, y: -100, k: 2 });
    // b is where it was: 300 × 2 + 0 then, 200 × 2 + 200 now.
    expect(300 * v.k + v.x).toBe(200 * next.k + next.x);
  });

  it("does nothing when no card is in both or nothing moves", () => {
    expect(holdStill(lay({ a: [0, 0] }), lay({ b: [0, 0] }), ["a", "b", undefined], v, 400, 300)).toBeNull();
    expect(holdStill(lay({ a: [0, 0] }), lay({ a: [0.1, 0.1] }), ["a"], v, 400, 300)).toBeNull();
  });

  it("keeps a chart that fits wholly in view", () => {
    const small = { minX: 0, minY: 0, maxX: 300, maxY: 200 };
    const next = holdStill(lay({ a: [0, 0] }, small), lay({ a: [200, 0] }, small), ["a"], { x: 0, y: 0, k: 1 }, 1000, 800)!;
    // Held still, the chart would start at x = -200, off the left edge; it comes back in, and
    // 16 px off the edges.
    expect(next).toEqual({ x: 16, y: 16, k: 1 });
  });
});
