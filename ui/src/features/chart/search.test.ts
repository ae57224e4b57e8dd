import { describe, expect, it } from "vitest";
import { excerpt, pathOf, searchChart, searchChartOnce, shortPath, stepMatch, treeOrder } from "./search";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";
import type { Person } from "../../generated/Person";
import type { Kpi } from "../../generated/Kpi";

function pos(id: string, parent: string | null, title: string, extra: Partial<Position> = {}): Position {
  return {
    id, parent, title, title_en: "", department: null, headcount: 1, grade: "", purpose: "",
    duties: [], requirements: [], dotted: [], collaborations: [], escalations: [], functions: [],
    pay_band: null, notes: "", kpis: [], lineage: null, role: null, ...extra,
  };
}

function person(id: string, name: string, seats: [string, number][]): Person {
  return {
    id, name, assignments: seats.map(([position, share]) => ({ position, share })),
    employee_no: "", phone: "", email: "", start_date: null, kind: null,
  };
}

const kpi = (metric: string): Kpi => ({ metric, weight: 50, target: "", cycle: "monthly", source: "", goal: null }) as unknown as Kpi;

// 店长 › 客服主管 › 售前客服 / 售后客服, and 美工 beside 客服主管. The plan lists them out of
// tree order on purpose: 美工 (a second subordinate of the top) comes before 售后客服.
const doc: PlanDoc = {
  plan: { id: "plan", name: "p", company: "", target_size: 5, stage: "growth", goal_notes: "", template: null, logo: null, scenario_of: null, roster: null, created_at: "", updated_at: "" },
  departments: [
    { id: "cs", name: "客服部", name_en: "Customer Service", color: "#0f766e", parent: null },
    { id: "vis", name: "视觉组", name_en: "Visual", color: "#b45309", parent: null },
  ],
  positions: [
    pos("top", null, "店长", { title_en: "Store Manager", kpis: [kpi("月销售额")] }),
    pos("lead", "top", "客服主管", { title_en: "CS Lead", department: "cs", duties: ["排班与质检"] }),
    pos("pre", "lead", "售前客服", { department: "cs", duties: ["接待旺旺咨询，解答商品和物流问题", "引导买家下单"], kpis: [kpi("询单转化率")] }),
    pos("art", "top", "美工", { department: "vis", duties: ["设计主图和详情页"], kpis: [kpi("主图点击率")] }),
    pos("post", "lead", "售后客服", { department: "cs", duties: ["处理退换货和物流异常"] }),
  ],
  goals: [],
  people: [
    person("u1", "王磊", [["top", 100]]),
    person("u2", "李娜", [["pre", 60], ["art", 40]]),
    person("u3", "Li Fang", [["post", 100]]),
  ],
};

const ids = (q: string) => searchChart(doc, q, "zh").map((m) => m.id);

describe("treeOrder and pathOf", () => {
  it("orders positions top-down, each superior before its subordinates", () => {
    expect(treeOrder(doc).map((p) => p.id)).toEqual(["top", "lead", "pre", "post", "art"]);
  });

  it("keeps a position no top reaches, last", () => {
    const loop: PlanDoc = { ...doc, positions: [...doc.positions, pos("x", "y", "甲"), pos("y", "x", "乙")] };
    expect(treeOrder(loop).map((p) => p.id).slice(-2)).toEqual(["x", "y"]);
    expect(pathOf(loop, "x", "zh")).toEqual(["乙", "甲"]);
  });

  it("builds the path from the top, in the chart's language", () => {
    expect(pathOf(doc, "pre", "zh")).toEqual(["店长", "客服主管", "售前客服"]);
    expect(pathOf(doc, "pre", "en")).toEqual(["Store Manager", "CS Lead", "售前客服"]);
    expect(pathOf(doc, "top", "zh")).toEqual(["店长"]);
    expect(pathOf(doc, "nope", "zh")).toEqual([]);
  });
});

describe("shortPath", () => {
  it("elides the middle of a deep path, keeping the top and the last levels", () => {
    expect(shortPath(["a", "b", "c"])).toEqual(["a", "b", "c"]);
    expect(shortPath(["a", "b", "c", "d"])).toEqual(["a", "b", "c", "d"]);
    expect(shortPath(["a", "b", "c", "d", "e", "f"])).toEqual(["a", "…", "e", "f"]);
  });
});

describe("searchChart", () => {
  it("finds nothing for an empty query", () => {
    expect(searchChart(doc, "   ", "zh")).toEqual([]);
  });

  it("matches a title in either language", () => {
    expect(searchChart(doc, "售前", "zh")).toEqual([{ id: "pre", path: ["店长", "客服主管", "售前客服"], hits: [{ kind: "title", text: "售前客服" }] }]);
    expect(searchChart(doc, "store", "zh")[0].hits).toEqual([{ kind: "title", text: "Store Manager" }]);
    expect(searchChart(doc, "店长", "en")[0].hits).toEqual([{ kind: "title", text: "店长" }]);
  });

  it("matches the department's name", () => {
    expect(ids("客服部")).toEqual(["lead", "pre", "post"]);
    expect(searchChart(doc, "visual", "zh")[0]).toMatchObject({ id: "art", hits: [{ kind: "department", text: "Visual" }] });
    expect(searchChart(doc, "视觉", "en")[0].hits).toEqual([{ kind: "department", text: "视觉组" }]);
  });

  it("matches every seat a person holds, by name, case-insensitive", () => {
    expect(searchChart(doc, "李娜", "zh")).toEqual([
      { id: "pre", path: ["店长", "客服主管", "售前客服"], hits: [{ kind: "person", text: "李娜" }] },
      { id: "art", path: ["店长", "美工"], hits: [{ kind: "person", text: "李娜" }] },
    ]);
    expect(ids(" LI FANG ")).toEqual(["post"]);
    expect(ids("赵六")).toEqual([]);
  });

  it("matches duties, each matching line", () => {
    expect(searchChart(doc, "物流", "zh")).toEqual([
      { id: "pre", path: ["店长", "客服主管", "售前客服"], hits: [{ kind: "duty", text: "接待旺旺咨询，解答商品和物流问题" }] },
      { id: "post", path: ["店长", "客服主管", "售后客服"], hits: [{ kind: "duty", text: "处理退换货和物流异常" }] },
    ]);
  });

  it("matches KPI metrics", () => {
    expect(searchChart(doc, "点击率", "zh")).toEqual([{ id: "art", path: ["店长", "美工"], hits: [{ kind: "kpi", text: "主图点击率" }] }]);
  });

  it("lists every reason in kind order, and each position once, top-down", () => {
    // "主图" is in 美工's duty and KPI; "客服" in titles and the department's name.
    expect(searchChart(doc, "主图", "zh")[0].hits.map((h) => h.kind)).toEqual(["duty", "kpi"]);
    const found = searchChart(doc, "客服", "zh");
    expect(found.map((m) => m.id)).toEqual(["lead", "pre", "post"]);
    expect(found[1].hits).toEqual([{ kind: "title", text: "售前客服" }, { kind: "department", text: "客服部" }]);
    // Tree order, not plan order: 售后客服 (listed last) before 美工.
    expect(ids("a")).toEqual(["top", "lead", "post", "art"]);
  });

  it("remembers the last search", () => {
    const a = searchChartOnce(doc, "客服", "zh");
    expect(searchChartOnce(doc, "客服", "zh")).toBe(a);
    expect(searchChartOnce(doc, "客服", "en")).not.toBe(a);
  });
});

describe("excerpt", () => {
  it("keeps short text whole", () => {
    expect(excerpt("引导买家下单", "买家")).toBe("引导买家下单");
  });

  it("cuts long text around the match", () => {
    const text = "结合销量和库存，每周制定补货计划，按近30天日均销量乘以15天设定安全库存";
    expect(excerpt(text, "安全库存", 12)).toBe("…量乘以15天设定安全库存");
    expect(excerpt(text, "结合", 10)).toBe("结合销量和库存，每周…");
    const mid = excerpt(text, "补货", 12);
    expect(mid.startsWith("…") && mid.endsWith("…") && mid.includes("补货")).toBe(true);
    expect(excerpt(text, "没有", 8)).toBe("结合销量和库存，…");
  });
});

describe("stepMatch", () => {
  it("steps forward and back, wrapping; from outside the matches to the first or last", () => {
    const list = ["a", "b", "c"];
    expect(stepMatch(list, "a", 1)).toBe("b");
    expect(stepMatch(list, "c", 1)).toBe("a");
    expect(stepMatch(list, "a", -1)).toBe("c");
    expect(stepMatch(list, null, 1)).toBe("a");
    expect(stepMatch(list, "z", -1)).toBe("c");
    expect(stepMatch([], "a", 1)).toBeNull();
  });
});
