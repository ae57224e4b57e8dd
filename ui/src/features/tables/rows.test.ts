import { describe, expect, it } from "vitest";
import { establishmentGroups, matches, personMatches, PERSON_KINDS, startDate } from "./rows";
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
    for (const bad of ["2023-02-29", "2024-13-01", "2024-1-5", "0002-01-01", "2024/01/05", "昨天"]) expect(startDate(bad)).toBeUndefined();
  });
});
