import { describe, expect, it } from "vitest";
import { headerRows } from "./JobDescriptionPreview";

const f = (label: string, value: string) => ({ label, value });

describe("the job description's header rows", () => {
  it("sets short fields two to a row and a long one across, keeping the core's order", () => {
    const rows = headerRows([f("公司", "无"), f("方案", "八人"), f("直接下级", "售前客服、售后客服、财务组长、产品组长"), f("编制", "1"), f("职级", "M2"), f("编制日期", "2026-12-03")]);
    expect(rows.map((r) => r.map((x) => x.label))).toEqual([["公司", "方案"], ["直接下级"], ["编制", "职级"], ["编制日期"]]);
  });
  it("closes a half row before a long value", () => {
    const rows = headerRows([f("公司", "无"), f("直接下级", "一二三四五六七八九十一二三四五六七八九")]);
    expect(rows.map((r) => r.length)).toEqual([1, 1]);
  });
});
