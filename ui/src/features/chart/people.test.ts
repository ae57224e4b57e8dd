import { describe, expect, it } from "vitest";
import { cardModels } from "./model";
import { layoutTree } from "./layout";
import { decodeHolders, encodeHolders, holdersByPosition, initialOf, inkOn, isPartTime } from "./people";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Person } from "../../generated/Person";
import type { PlanFigures } from "../../generated/PlanFigures";

function person(id: string, name: string, seats: [string, number][]): Person {
  return {
    id, name, assignments: seats.map(([position, share]) => ({ position, share })),
    employee_no: "", phone: "", email: "", start_date: null, kind: null,
  };
}

describe("holders", () => {
  it("lists each seat's holders, the larger share first, else in plan order", () => {
    const doc = {
      people: [person("a", "王磊", [["top", 60], ["fin", 20]]), person("b", "李娜", [["fin", 100]]), person("c", "张婷", [["fin", 20]])],
    } as unknown as PlanDoc;
    const by = holdersByPosition(doc);
    expect(by.get("top")).toEqual([{ name: "王磊", share: 60 }]);
    expect(by.get("fin")!.map((h) => h.name)).toEqual(["李娜", "王磊", "张婷"]);
    expect(by.get("none")).toBeUndefined();
  });

  it("round-trips through the card's string", () => {
    const list = [{ name: "王磊", share: 60 }, { name: "Li\tFang", share: 100 }];
    expect(decodeHolders(encodeHolders(list))).toEqual([{ name: "王磊", share: 60 }, { name: "Li Fang", share: 100 }]);
    expect(decodeHolders(encodeHolders([]))).toEqual([]);
  });

  it("marks a share below 100 % as part-time (兼)", () => {
    expect(isPartTime({ name: "x", share: 99 })).toBe(true);
    expect(isPartTime({ name: "x", share: 100 })).toBe(false);
  });
});

describe("avatars", () => {
  it("shows a Chinese surname, or Latin initials", () => {
    expect(initialOf("王磊")).toBe("王");
    expect(initialOf(" 欧阳娜娜")).toBe("欧");
    expect(initialOf("li fang")).toBe("LF");
    expect(initialOf("Madonna")).toBe("M");
    expect(initialOf("Jean-Luc Picard Smith")).toBe("JL");
    expect(initialOf("  ")).toBe("?");
  });

  it("picks white ink on dark department colours, dark ink on light ones", () => {
    for (const c of ["#2563eb", "#475569", "#b45309", "#0f766e", "#64748b"]) expect(inkOn(c)).toBe("#ffffff");
    for (const c of ["#facc15", "#a3e635", "#ffffff"]) expect(inkOn(c)).toBe("#1d2530");
    expect(inkOn("teal")).toBe("#ffffff");
  });
});

describe("cards", () => {
  it("carry the core's vacancies and the holders, larger share first", () => {
    const pos = (id: string, parent: string | null, headcount: number) => ({
      id, parent, title: id, title_en: "", department: null, headcount, grade: "", purpose: "",
      duties: [], requirements: [], dotted: [], collaborations: [], escalations: [], functions: [],
      pay_band: null, notes: "", kpis: [], lineage: null, role: null,
    });
    const doc = {
      plan: { id: "p" },
      departments: [],
      positions: [pos("top", null, 1), pos("cs", "top", 3)],
      goals: [],
      people: [person("a", "王磊", [["top", 60], ["cs", 40]]), person("b", "刘洋", [["cs", 100]])],
    } as unknown as PlanDoc;
    // The figures are the core's: the cards take them as they come.
    const figures = {
      by_position: [
        { position: "top", holders: 1, vacancies: 0 },
        { position: "cs", holders: 2, vacancies: 1 },
      ],
    } as unknown as PlanFigures;
    const cards = cardModels(doc, figures, [], layoutTree(doc, []), "zh");
    const cs = cards.find((c) => c.id === "cs")!;
    expect(cs).toMatchObject({ filled: 2, headcount: 3, vacancies: 1, ink: "#ffffff" });
    expect(decodeHolders(cs.holders)).toEqual([{ name: "刘洋", share: 100 }, { name: "王磊", share: 40 }]);
    expect(cards.find((c) => c.id === "top")!.vacancies).toBe(0);
  });
});
