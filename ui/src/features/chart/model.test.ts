import { describe, expect, it } from "vitest";
import { ancestorsOf, cardModels, chainsOf, defaultFold, searchMatches, splitMatch } from "./model";
import { layoutTree } from "./layout";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";
import type { Finding } from "../../generated/Finding";
import type { PlanFigures } from "../../generated/PlanFigures";
import { person } from "../../lib/testkit";

function pos(id: string, parent: string | null, title: string, extra: Partial<Position> = {}): Position {
  return {
    id, parent, title, title_en: "", department: null, headcount: 1, grade: "", purpose: "",
    duties: [], requirements: [], dotted: [], collaborations: [], escalations: [], functions: [],
    pay_band: null, notes: "", kpis: [], lineage: null, role: null, ...extra,
  };
}

const doc: PlanDoc = {
  plan: { id: "plan", name: "p", company: "", target_size: 3, stage: "growth", goal_notes: "", template: null, logo: null, scenario_of: null, roster: null, created_at: "", updated_at: "" },
  departments: [{ id: "d", name: "客服组", name_en: "Customer Service", color: "#0f766e", parent: null }],
  positions: [
    pos("a", null, "店长", { title_en: "Store Manager" }),
    pos("b", "a", "客服组长", { department: "d", headcount: 3 }),
    pos("c", "b", "售前客服", { department: "d" }),
    pos("e", "a", "美工"),
  ],
  goals: [],
  people: [person("u", "张三", [{ position: "b", share: 100 }])],
};

// What the core reports for this plan: 张三 holds 客服组长 (cards show holders, not a count of
// their own).
const holders: Record<string, number> = { a: 0, b: 1, c: 0, e: 0 };
const figures = {
  by_position: Object.entries(holders).map(([position, n]) => ({ position, holders: n })),
} as unknown as PlanFigures;

const finding = (severity: Finding["severity"], position: string | null, zh: string): Finding => ({
  severity, code: "x", position, person: null, function: null, goal: null, message_zh: zh, message_en: `en ${zh}`,
});

describe("cardModels", () => {
  it("flattens what each card shows", () => {
    const layout = layoutTree(doc, []);
    const findings = [finding("info", "b", "空缺"), finding("warning", "b", "KPI 合计 90%"), finding("error", "c", "坏")];
    const cards = cardModels(doc, figures, findings, layout, "zh");
    const b = cards.find((c) => c.id === "b")!;
    expect(b).toMatchObject({ level: 2, posinset: 1, setsize: 2, title: "客服组长", dept: "客服组", color: "#0f766e", filled: 1, headcount: 3 });
    expect(b).toMatchObject({ warnCount: 1, warnTone: "warning", warnText: "KPI 合计 90%", hasChildren: true, collapsed: false });
    expect(cards.find((c) => c.id === "c")!.warnTone).toBe("error");
    expect(cards.find((c) => c.id === "e")!).toMatchObject({ warnCount: 0, warnTone: null, hasChildren: false, color: "#64748b" });
    expect(cardModels(doc, figures, findings, layout, "en")[0].title).toBe("Store Manager");
    // A title without an English version stays Chinese.
    expect(cardModels(doc, figures, findings, layout, "en")[1].title).toBe("客服组长");
  });

  it("marks collapsed cards with what they hide", () => {
    const cards = cardModels(doc, figures, [], layoutTree(doc, ["b"]), "zh");
    expect(cards.map((c) => c.id)).toEqual(["a", "b", "e"]);
    expect(cards[1]).toMatchObject({ collapsed: true, hidden: 1 });
  });
});

describe("search", () => {
  it("matches titles in either language and lights the chain to the top", () => {
    expect(searchMatches(doc, "客服")).toEqual(["b", "c"]);
    expect(searchMatches(doc, "store")).toEqual(["a"]);
    expect(searchMatches(doc, "  ")).toEqual([]);
    expect([...chainsOf(doc, ["c"])]).toEqual(["c", "b", "a"]);
    expect(ancestorsOf(doc, "c")).toEqual(["b", "a"]);
  });

  it("matches the positions a person holds by their name", () => {
    const staffed: PlanDoc = {
      ...doc,
      people: [
        person("u", "张三", [{ position: "b", share: 100 }]),
        person("v", "Li Fang", [{ position: "e", share: 50 }, { position: "a", share: 50 }]),
        person("w", "张三丰"),
      ],
    };
    expect(searchMatches(staffed, "张三")).toEqual(["b"]);
    // Every seat the person holds, in plan order; case-insensitive, spaces around ignored.
    expect(searchMatches(staffed, " li fang ")).toEqual(["a", "e"]);
    // A title match and a name match together, each position once.
    expect(searchMatches(staffed, "客服")).toEqual(["b", "c"]);
    expect(searchMatches(staffed, "王五")).toEqual([]);
  });

  it("splits a title around the match", () => {
    expect(splitMatch("售前客服", "前客")).toEqual(["售", "前客", "服"]);
    expect(splitMatch("Store Manager", "MAN")).toEqual(["Store ", "Man", "ager"]);
    expect(splitMatch("美工", "客服")).toBeNull();
  });
});

describe("defaultFold", () => {
  it("leaves small plans alone", () => {
    expect(defaultFold(doc, 150)).toEqual([]);
  });

  it("keeps as many top levels as fit and collapses the next", () => {
    // root → 3 → 9 → 27 (40 positions)
    const ps = [pos("r", null, "r")];
    for (let i = 0; i < 3; i++) {
      ps.push(pos(`a${i}`, "r", "a"));
      for (let j = 0; j < 3; j++) {
        ps.push(pos(`b${i}${j}`, `a${i}`, "b"));
        for (let k = 0; k < 3; k++) ps.push(pos(`c${i}${j}${k}`, `b${i}${j}`, "c"));
      }
    }
    const big = { ...doc, positions: ps };
    expect(defaultFold(big, 20).sort()).toEqual(["b00", "b01", "b02", "b10", "b11", "b12", "b20", "b21", "b22"]);
    expect(defaultFold(big, 5).sort()).toEqual(["a0", "a1", "a2"]);
    expect(defaultFold(big, 40)).toEqual([]);
    const visible = layoutTree(big, defaultFold(big, 20)).nodes.length;
    expect(visible).toBe(13);
  });
});
