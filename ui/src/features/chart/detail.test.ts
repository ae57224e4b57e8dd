import { describe, expect, it } from "vitest";
import { area, lodAt, mountedModels, windowStep } from "./detail";
import type { CardModel } from "./model";

const sizes = { width: 100, height: 50, gapX: 20, gapY: 60 };
const model = (id: string, x: number, y: number) => ({ id, x, y }) as CardModel;

describe("detail", () => {
  it("drops detail as the chart zooms out", () => {
    expect(lodAt(1)).toBe("high");
    expect(lodAt(0.3)).toBe("high");
    expect(lodAt(0.29)).toBe("low");
    expect(lodAt(0.15)).toBe("low");
    expect(lodAt(0.14)).toBe("min");
  });

  it("moves the window when the view leaves it, shrinks it when zoomed well in", () => {
    const win = { minX: 0, minY: 0, maxX: 900, maxY: 900 };
    expect(area(win)).toBe(810000);
    expect(windowStep(null, { minX: 0, minY: 0, maxX: 10, maxY: 10 })).toBe("move");
    expect(windowStep(win, { minX: 800, minY: 0, maxX: 1000, maxY: 100 })).toBe("move");
    expect(windowStep(win, { minX: 0, minY: 0, maxX: 300, maxY: 300 })).toBe("keep");
    expect(windowStep(win, { minX: 0, minY: 0, maxX: 299, maxY: 299 })).toBe("shrink");
  });

  it("mounts the cards in the window, and always the tabbable one", () => {
    const models = [model("in", 0, 0), model("edge", -90, 0), model("out", 500, 0), model("tab", 900, 900)];
    const o = { cull: true, win: { minX: 0, minY: 0, maxX: 200, maxY: 200 }, fitted: true, keep: "tab", sizes };
    expect(mountedModels(models, { ...o, cull: false })).toBe(models);
    expect(mountedModels(models, o).map((m) => m.id)).toEqual(["in", "edge", "tab"]);
    // Before the first fit, a big plan mounts nothing; after it, without a window, everything.
    expect(mountedModels(models, { ...o, win: null, fitted: false })).toEqual([]);
    expect(mountedModels(models, { ...o, win: null })).toBe(models);
  });
});
