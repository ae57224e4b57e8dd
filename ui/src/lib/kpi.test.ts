import { describe, expect, it } from "vitest";
import { cycleLabel, draftTotal, fromDraft, moveItem, parseWeight, remainingWeight, toDraft, totalState, type KpiDraft } from "./kpi";

const row = (weight: string): KpiDraft => ({ metric: "m", weight, target: "", cycle: "monthly", source: "", goal: null });

describe("KPI weights as typed", () => {
  it("parses weights, blank as 0, a trailing % allowed", () => {
    expect(parseWeight("40")).toBe(40);
    expect(parseWeight(" 12.5 ")).toBe(12.5);
    expect(parseWeight("30%")).toBe(30);
    expect(parseWeight("")).toBe(0);
    expect(parseWeight("abc")).toBeNull();
    // What the core keeps: 0–100 with one decimal.
    expect(parseWeight("33.3")).toBe(33.3);
    expect(parseWeight("33.33")).toBeNull();
    expect(parseWeight("-5")).toBeNull();
    expect(parseWeight("101")).toBeNull();
  });
  it("sums the typed weights live", () => {
    expect(draftTotal([row("40"), row("30"), row("20")])).toBe(90);
    expect(draftTotal([row("40"), row("x"), row("60")])).toBe(100);
    expect(draftTotal([row("33.3"), row("33.3"), row("33.4")])).toBe(100);
  });
  it("is ok only at exactly 100", () => {
    expect(totalState([], 0)).toBe("empty");
    expect(totalState([row("100")], 100)).toBe("ok");
    expect(totalState([row("90")], 90)).toBe("off");
    expect(totalState([row("110")], 110)).toBe("off");
  });
  it("turns the draft back into KPI points, or names the bad row", () => {
    expect(fromDraft([row("60"), row("40")])).toEqual({
      kpis: [
        { metric: "m", weight: 60, target: "", cycle: "monthly", source: "", goal: null },
        { metric: "m", weight: 40, target: "", cycle: "monthly", source: "", goal: null },
      ],
    });
    expect(fromDraft([row("60"), row("forty")])).toEqual({ badRow: 1 });
  });
  it("round-trips through the draft", () => {
    const kpis = [{ metric: "ROI", weight: 50, target: "≥ 3", cycle: "weekly" as const, source: "直通车", goal: null }];
    expect(fromDraft(toDraft(kpis))).toEqual({ kpis });
  });
  it("starts a new point with what is left to 100", () => {
    expect(remainingWeight([{ weight: 40 }, { weight: 30 }])).toBe(30);
    expect(remainingWeight([{ weight: 80 }, { weight: 30 }])).toBe(0);
    expect(remainingWeight([])).toBe(100);
  });
  it("labels cycles in both languages", () => {
    expect(cycleLabel("quarterly", "zh")).toBe("季度");
    expect(cycleLabel("daily", "en")).toBe("Daily");
  });
});

describe("moveItem", () => {
  it("moves up and down and ignores moves out of range", () => {
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b"], 0, 5)).toEqual(["a", "b"]);
  });
});
