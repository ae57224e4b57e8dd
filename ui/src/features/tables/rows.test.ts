import { describe, expect, it } from "vitest";
import {
  ariaSort, compareValues, establishmentGroups, establishmentLines, filterPeople, matches, nextSort, personMatches, PERSON_KINDS, sortBy,
  sortEstablishment, sortPeople, startDate,
} from "./rows";
import type { PlanFigures } from "../../generated/PlanFigures";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";
import { person } from "../../lib/testkit";

function pos(id: string, parent: string | null, department: string | null, headcount: number): Position {
  return {
    id, parent, title: `岗位${id}`, title_en: `Role ${id}`, department, headcount, grade: "", purpose: "",
    duties: [], requirements: [], dotted: [], collaborations: [], escalations: [], functions: [],
    pay_band: id === "b" ? { min: 4000, max: 6000 } : null, notes: "", kpis: [], lineage: null, role: null,
  };
}

const doc: PlanDoc = {
  plan: { id: "p", name: "p", company: "", target_size: 5, stage: "growth", goal_notes: "", template: null, logo: null, scenario_of: null, roster: null, created_at: "", updated_at: "" },
  departments: [
    { id: "ops", name: "运营部", name_en: "Operations", color: "#2563eb", parent: null },
    { id: "cs", name: "客服组", name_en: "Customer service", color: "#0f766e", parent: null },
    { id: "empty", name: "空部门", name_en: "", color: "#000000", parent: null },
  ],
  positions: [pos("a", null, "ops", 1), pos("b", "a", "cs", 3), pos("c", "a", null, 1), pos("d", "a", "ops", 2)],
  goals: [],
  people: [
    person("x", "X", [{ position: "b", share: 100 }, { position: "c", share: 50 }], { employee_no: "E007" }),
    person("y", "Y", [{ position: "c", share: 50 }]),
  ],
};

// The figures as the core computes them for this plan (see cost.rs): the tables only look
// them up.
const pf = (position: string, headcount: number, holders: number, vacancies: number) => ({
  position, headcount, holders, over: Math.max(0, holders - headcount), filled_fte: 0, vacancies,
  payroll_filled: null, payroll_vacancies: null, payroll_monthly: null, people: vacancies, team_people: 0,
});
const df = (department: string | null, people: number) => ({
  department, positions: 0, headcount: 0, people, persons: 0, seats_fte: 0, filled_fte: 0, vacancies_fte: 0,
  payroll_monthly: { min: 0, max: 0 }, payroll_filled: { min: 0, max: 0 }, payroll_vacancies: { min: 0, max: 0 }, unpriced: 0,
});
const figures: PlanFigures = {
  people: 7, persons: 2, multi_seat: 1, overloaded: 0, positions: 4, headcount: 7, seats_fte: 7, filled_fte: 2, vacancies_fte: 5,
  payroll_monthly: { min: 0, max: 0 }, payroll_yearly: { min: 0, max: 0 }, payroll_filled: { min: 0, max: 0 }, payroll_vacancies: { min: 0, max: 0 },
  unpriced: 3,
  departments: [df("ops", 3), df("cs", 3), df(null, 1)],
  by_position: [pf("a", 1, 0, 1), pf("b", 3, 1, 2), pf("c", 1, 2, 0), pf("d", 2, 0, 2)],
  by_person: [],
};

describe("establishment rows", () => {
  it("groups by department in plan order, no department last, empty groups left out", () => {
    const groups = establishmentGroups(doc, figures);
    expect(groups.map((g) => g.department?.id ?? null)).toEqual(["ops", "cs", null]);
    expect(groups[0].rows.map((r) => r.position.id)).toEqual(["a", "d"]);
  });
  it("carries each position's and department's figures from the core", () => {
    const [ops, cs, none] = establishmentGroups(doc, figures);
    expect(ops.figures?.people).toBe(3);
    expect(cs.rows[0].figures).toMatchObject({ holders: 1, vacancies: 2 });
    expect(none.rows[0].figures).toMatchObject({ holders: 2, over: 1 });
  });
  it("filters by title, English title or department", () => {
    expect(matches(doc, doc.positions[1], "客服")).toBe(true);
    expect(matches(doc, doc.positions[1], "role b")).toBe(true);
    expect(matches(doc, doc.positions[0], "客服")).toBe(false);
    expect(establishmentGroups(doc, figures, (p) => matches(doc, p, "运营")).flatMap((g) => g.rows.map((r) => r.position.id))).toEqual(["a", "d"]);
  });
});

describe("people rows", () => {
  it("finds people by name, 工号 or the title of a seat they hold", () => {
    const [x, y] = doc.people;
    expect(personMatches(doc, x, "")).toBe(true);
    expect(personMatches(doc, x, " x ")).toBe(true);
    expect(personMatches(doc, x, "e007")).toBe(true);
    expect(personMatches(doc, y, "e007")).toBe(false);
    expect(personMatches(doc, y, "岗位c")).toBe(true);
    expect(personMatches(doc, y, "ROLE C")).toBe(true);
    expect(personMatches(doc, y, "岗位b")).toBe(false);
  });
  it("lists the four 人员类型", () => {
    expect(PERSON_KINDS).toEqual(["full_time", "part_time", "intern", "outsourced"]);
  });
  it("saves a 入职日期 only when it is a real day, and a cleared one as null", () => {
    expect(startDate("2024-02-29")).toBe("2024-02-29");
    expect(startDate(" 2019-12-31 ")).toBe("2019-12-31");
    expect(startDate("")).toBeNull();
    expect(startDate("  ")).toBeNull();
    for (const [typed, day] of [["2024-1-5", "2024-01-05"], ["2024/01/05", "2024-01-05"], ["2024.3.1", "2024-03-01"], ["2024年3月1日", "2024-03-01"], ["2024 年 12 月 31 日", "2024-12-31"]]) {
      expect(startDate(typed)).toBe(day);
    }
    for (const bad of ["2023-02-29", "2024-13-01", "0002-01-01", "2024/01/05/1", "24-1-5", "2024-1", "昨天"]) expect(startDate(bad)).toBeUndefined();
  });
});

describe("sorting", () => {
  it("flips the direction on the same column, starts ascending on another", () => {
    expect(nextSort(null, "name")).toEqual({ key: "name", dir: "asc" });
    expect(nextSort({ key: "name", dir: "asc" }, "name")).toEqual({ key: "name", dir: "desc" });
    expect(nextSort({ key: "name", dir: "desc" }, "name")).toEqual({ key: "name", dir: "asc" });
    expect(nextSort({ key: "name", dir: "desc" }, "load")).toEqual({ key: "load", dir: "asc" });
    expect(ariaSort({ key: "name", dir: "desc" }, "name")).toBe("descending");
    expect(ariaSort({ key: "name", dir: "asc" }, "name")).toBe("ascending");
    expect(ariaSort({ key: "name", dir: "asc" }, "load")).toBeUndefined();
    expect(ariaSort(null, "load")).toBeUndefined();
  });
  it("puts empty values last in both directions, numbers by value, text naturally", () => {
    expect(sortBy([3, null, 10, 1], (x) => x, "asc")).toEqual([1, 3, 10, null]);
    expect(sortBy([3, null, 10, 1], (x) => x, "desc")).toEqual([10, 3, 1, null]);
    expect(sortBy(["E10", "", "E9", "E100"], (x) => x, "asc")).toEqual(["E9", "E10", "E100", ""]);
    expect(compareValues("a", "a", "desc")).toBe(0);
  });
  it("is stable: equal values keep the plan's order", () => {
    const items = [{ k: 1, id: "a" }, { k: 0, id: "b" }, { k: 1, id: "c" }, { k: 0, id: "d" }];
    expect(sortBy(items, (x) => x.k, "asc").map((x) => x.id)).toEqual(["b", "d", "a", "c"]);
    expect(sortBy(items, (x) => x.k, "desc").map((x) => x.id)).toEqual(["a", "c", "b", "d"]);
  });
  it("sorts people by name, 工号, total share (the core's figure) or first seat", () => {
    const people = [
      person("1", "赵六", [{ position: "b", share: 100 }], { employee_no: "E10" }),
      person("2", "李四", [], { employee_no: "E9" }),
      person("3", "王五", [{ position: "a", share: 50 }], { employee_no: "" }),
    ];
    const withShares: PlanFigures = {
      ...figures,
      by_person: [
        { person: "1", total_share: 100, overloaded: false, seats: 1 },
        { person: "2", total_share: 0, overloaded: false, seats: 0 },
        { person: "3", total_share: 150, overloaded: true, seats: 1 },
      ] as unknown as PlanFigures["by_person"],
    };
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
    expect(ids(sortPeople(doc, people, withShares, null))).toEqual(["1", "2", "3"]);
    expect(ids(sortPeople(doc, people, withShares, { key: "name", dir: "asc" }))).toEqual(["2", "3", "1"]);
    expect(ids(sortPeople(doc, people, withShares, { key: "employee_no", dir: "asc" }))).toEqual(["2", "1", "3"]);
    expect(ids(sortPeople(doc, people, withShares, { key: "employee_no", dir: "desc" }))).toEqual(["1", "2", "3"]);
    expect(ids(sortPeople(doc, people, withShares, { key: "load", dir: "desc" }))).toEqual(["3", "1", "2"]);
    expect(ids(sortPeople(doc, people, withShares, { key: "seats", dir: "asc" }))).toEqual(["3", "1", "2"]);
  });
  it("sorts 定岗定编 rows within their department, or the departments by name", () => {
    const groups = establishmentGroups(doc, figures);
    const rowIds = (gs: ReturnType<typeof establishmentGroups>) => gs.map((g) => g.rows.map((r) => r.position.id));
    expect(rowIds(sortEstablishment(doc, groups, { key: "headcount", dir: "desc" }))).toEqual([["d", "a"], ["b"], ["c"]]);
    expect(rowIds(sortEstablishment(doc, groups, { key: "headcount", dir: "asc" }))).toEqual([["a", "d"], ["b"], ["c"]]);
    expect(rowIds(sortEstablishment(doc, groups, { key: "vacant", dir: "desc" }))).toEqual([["d", "a"], ["b"], ["c"]]);
    const byDept = sortEstablishment(doc, groups, { key: "department", dir: "desc" });
    expect(byDept.map((g) => g.department?.id ?? null)).toEqual(["ops", "cs", null]);
    expect(sortEstablishment(doc, groups, { key: "department", dir: "asc" }).at(-1)?.department).toBeNull();
    // The figures travel with their rows, untouched.
    expect(sortEstablishment(doc, groups, { key: "headcount", dir: "desc" })[0].rows[0].figures).toBe(groups[0].rows[1].figures);
  });
  it("lays the groups out as lines: rows, the first naming the department, then the subtotal", () => {
    const lines = establishmentLines(establishmentGroups(doc, figures));
    expect(lines.map((l) => (l.kind === "row" ? `${l.row.position.id}${l.first ? "*" : ""}` : `sub:${l.group.department?.id ?? "-"}`))).toEqual([
      "a*", "d", "sub:ops", "b*", "sub:cs", "c*", "sub:-",
    ]);
  });
});

describe("people filter", () => {
  it("keeps people by name, 工号, seat title or the department of a seat", () => {
    const names = (q: string) => filterPeople(doc, doc.people, q).map((p) => p.id);
    expect(names("")).toEqual(["x", "y"]);
    expect(names("E007")).toEqual(["x"]);
    expect(names("role c")).toEqual(["x", "y"]);
    expect(names("客服组")).toEqual(["x"]);
    expect(names("customer")).toEqual(["x"]);
    expect(names("nobody")).toEqual([]);
    // The same as personMatches where that looks.
    for (const q of ["x", "e007", "岗位c", "岗位b"]) expect(names(q)).toEqual(doc.people.filter((p) => personMatches(doc, p, q)).map((p) => p.id));
  });
});
