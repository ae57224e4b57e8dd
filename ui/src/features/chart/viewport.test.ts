import { describe, expect, it } from "vitest";
import { centreOn, contains, fitView, grow, lerpView, MAX_ZOOM, MIN_ZOOM, revealRect, visibleRect, zoomAround } from "./viewport";

describe("viewport", () => {
  const bounds = { minX: -500, minY: 0, maxX: 500, maxY: 400 };

  it("fits the chart, centred, never enlarged past 100%", () => {
    const v = fitView(bounds, 1200, 800, 50);
    expect(v.k).toBe(1);
    expect(v.x).toBe(600);
    const small = fitView(bounds, 600, 800, 50);
    expect(small.k).toBeCloseTo(0.5);
    // The whole chart is inside the viewport.
    const seen = visibleRect(small, 600, 800);
    expect(contains(seen, bounds)).toBe(true);
    expect(fitView({ minX: 0, minY: 0, maxX: 1e7, maxY: 10 }, 100, 100).k).toBe(MIN_ZOOM);
  });

  it("zooms around the pointer", () => {
    const v = { x: 10, y: 20, k: 1 };
    const z = zoomAround(v, 2, 110, 220);
    // The chart point under the pointer stays under it.
    expect((110 - z.x) / z.k).toBeCloseTo((110 - v.x) / v.k);
    expect((220 - z.y) / z.k).toBeCloseTo((220 - v.y) / v.k);
    expect(zoomAround(v, 1000, 0, 0).k).toBe(MAX_ZOOM);
  });

  it("pans just enough to reveal a card", () => {
    const v = { x: 0, y: 0, k: 1 };
    expect(revealRect(v, { x: 100, y: 100, width: 180, height: 72 }, 800, 600)).toBe(v);
    const r = revealRect(v, { x: 900, y: 100, width: 180, height: 72 }, 800, 600, 40);
    expect(r.x).toBe(800 - 40 - 1080);
    expect(r.y).toBe(0);
  });

  it("grows bounds and interpolates views", () => {
    expect(grow({ minX: 0, minY: 0, maxX: 10, maxY: 20 }, 0.5)).toEqual({ minX: -5, minY: -10, maxX: 15, maxY: 30 });
    const m = lerpView({ x: 0, y: 0, k: 1 }, { x: 10, y: 10, k: 4 }, 0.5);
    expect(m).toEqual({ x: 5, y: 5, k: 2 });
  });

  it("centres a card, zooming in only when too far out", () => {
    const card = { x: 100, y: 50, width: 184, height: 76 };
    const v = centreOn({ x: 7, y: 9, k: 1 }, card, 1000, 600);
    expect(v).toEqual({ k: 1, x: 500 - 192, y: 300 - 88 });
    const far = centreOn({ x: 0, y: 0, k: 0.2 }, card, 1000, 600, 0.6);
    expect(far.k).toBe(0.6);
    // The card's middle lands in the viewport's middle.
    expect(192 * far.k + far.x).toBeCloseTo(500);
    expect(88 * far.k + far.y).toBeCloseTo(300);
    expect(centreOn({ x: 0, y: 0, k: 2 }, card, 1000, 600, 0.6).k).toBe(2);
  });
});
