import { describe, expect, it } from "vitest";
import { count, fileSize, money, moneyRange, payBandText, percent, relativeTime, signed, signedMoney, yuan } from "./format";

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

describe("money at a glance", () => {
  it("uses 万 in Chinese from ten thousand up", () => {
    expect(money(12000, "zh")).toBe("¥1.2万");
    expect(money(200000, "zh")).toBe("¥20万");
    expect(money(12345, "zh")).toBe("¥1.23万");
    expect(money(1_176_000, "zh")).toBe("¥117.6万");
    expect(money(9500, "zh")).toBe("¥9,500");
  });
  it("groups thousands in English", () => {
    expect(money(12000, "en")).toBe("¥12,000");
    expect(money(1_176_000, "en")).toBe("¥1,176,000");
  });
  it("writes ranges once the currency sign", () => {
    expect(moneyRange({ min: 12000, max: 18000 }, "zh")).toBe("¥1.2万–1.8万");
    expect(moneyRange({ min: 12000, max: 18000 }, "en")).toBe("¥12,000–18,000");
    expect(moneyRange({ min: 5000, max: 5000 }, "en")).toBe("¥5,000");
  });
  it("signs changes", () => {
    expect(signedMoney(21000, "zh")).toBe("+¥2.1万");
    expect(signedMoney(-3000, "en")).toBe("−¥3,000");
    expect(signedMoney(0.2, "en")).toBe("±¥0");
    expect(signed(3)).toBe("+3");
    expect(signed(-1)).toBe("−1");
    expect(signed(0)).toBe("±0");
  });
  it("counts with 万 in Chinese", () => {
    expect(count(50000, "zh")).toBe("5万");
    expect(count(50000, "en")).toBe("50,000");
    expect(count(800, "zh")).toBe("800");
  });
});

describe("file sizes", () => {
  it("reads in bytes, KB or MB", () => {
    expect(fileSize(812)).toBe("812 B");
    expect(fileSize(36 * 1024 + 100)).toBe("36 KB");
    expect(fileSize(4.24 * 1024 * 1024)).toBe("4.2 MB");
    expect(fileSize(123 * 1024 * 1024)).toBe("123 MB");
  });
});
