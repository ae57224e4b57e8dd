import { describe, expect, it } from "vitest";
import { payBandText, percent, relativeTime, yuan } from "./format";

describe("money and numbers", () => {
  it("formats yuan with grouping", () => {
    expect(yuan(62000)).toBe("¥62,000");
    expect(yuan(0)).toBe("¥0");
    expect(yuan(12499.6)).toBe("¥12,500");
  });
  it("formats a pay band or its absence", () => {
    expect(payBandText({ min: 6000, max: 9000 })).toBe("¥6,000–9,000");
    expect(payBandText({ min: 5000, max: 5000 })).toBe("¥5,000");
    expect(payBandText(null)).toBe("—");
  });
  it("rounds percentages to one decimal", () => {
    expect(percent(90)).toBe("90%");
    expect(percent(33.333)).toBe("33.3%");
  });
});

describe("relativeTime", () => {
  const now = new Date(2026, 10, 23, 15, 0, 0);
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  it("says just now under a minute", () => {
    expect(relativeTime(ago(20_000), now, "zh")).toBe("刚刚");
    expect(relativeTime(ago(20_000), now, "en")).toBe("just now");
  });
  it("counts minutes and hours", () => {
    expect(relativeTime(ago(5 * 60_000), now, "zh")).toBe("5 分钟前");
    expect(relativeTime(ago(3 * 3_600_000), now, "en")).toBe("3 h ago");
  });
  it("says yesterday, then days, then the date", () => {
    expect(relativeTime(new Date(2026, 10, 22, 9, 0).toISOString(), now, "zh")).toBe("昨天");
    expect(relativeTime(new Date(2026, 10, 19, 9, 0).toISOString(), now, "en")).toBe("4 days ago");
    expect(relativeTime(new Date(2026, 9, 1, 9, 0).toISOString(), now, "zh")).toBe("2026-10-01");
  });
  it("treats a time in the future as now and ignores garbage", () => {
    expect(relativeTime(new Date(now.getTime() + 60_000).toISOString(), now, "zh")).toBe("刚刚");
    expect(relativeTime("not a date", now, "zh")).toBe("");
  });
});

describe("i18n format", () => {
  it("fills placeholders and the English plural ending", async () => {
    const { format } = await import("./i18n");
    expect(format("{n} position{s}", { n: 1 })).toBe("1 position");
    expect(format("{n} position{s}", { n: 3 })).toBe("3 positions");
    expect(format("「{a}」", { a: "店长" })).toBe("「店长」");
    expect(format("{missing}", { a: 1 })).toBe("{missing}");
  });
});
