// The steps of present mode, built from the built-in templates and from made-up plans.
import { describe, expect, it } from "vitest";
import { COLUMNS, presentSteps, seatNames, splitColumns, type DepartmentStep, type PresentStep } from "./steps";
import { logoProblem, LOGO_MAX_BYTES } from "./logo";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";
import type { Kpi } from "../../generated/Kpi";
import type { PlanFigures } from "../../generated/PlanFigures";
import { person } from "../../lib/testkit";
import team8 from "../../../../crates/orgplan-core/data/team-8.json";
import opsCenter from "../../../../crates/orgplan-core/data/ops-center.json";

interface PlanFile {
  plan: { name: string; company: string; target_size: number; stage: string; goal_notes: string };
  departments: { id: string; name: string; name_en: string; color: string; parent?: string | null }[];
  positions: (Omit<Partial<Position>, "kpis"> & { id: string; title: string; kpis?: Omit<Kpi, "goal">[] })[];
}

function pos(id: string, parent: string | null, extra: Partial<Position> = {}): Position {
  return {
    id, parent, title: id, title_en: "", department: null, headcount: 1, grade: "", purpose: "",
    duties: [], requirements: [], kpis: [], dotted: [], collaborations: [], escalations: [], functions: [],
    pay_band: null, notes: "", lineage: null, role: null, ...extra,
  };
}

/** A plan file (a template) as the plan the backend would hand over. */
function fromFile(file: PlanFile): PlanDoc {
  return {
    plan: {
      id: "plan", name: file.plan.name, company: file.plan.company, target_size: file.plan.target_size,
      stage: file.plan.stage as PlanDoc["plan"]["stage"], goal_notes: file.plan.goal_notes, template: null,
      logo: null, scenario_of: null, roster: null, created_at: "", updated_at: "",
    },
    departments: file.departments.map((d) => ({ ...d, parent: d.parent ?? null })),
    positions: file.positions.map((p) =>
      pos(p.id, p.parent ?? null, { ...p, kpis: (p.kpis ?? []).map((k) => ({ ...k, goal: null })) }),
    ),
    people: [],
    goals: [],
  };
}

/** Stand-in for the core's figures (cost.rs), enough for the steps: people are persons at their
 * first seat plus vacancies; teams add up subtrees. The real rule is tested in Rust. */
function figuresOf(doc: PlanDoc): PlanFigures {
  const holders = new Map<string, number>();
  const here = new Map<string, number>();
  for (const person of doc.people) {
    for (const a of person.assignments) holders.set(a.position, (holders.get(a.position) ?? 0) + 1);
    const main = person.assignments[0]?.position;
    if (main) here.set(main, (here.get(main) ?? 0) + 1);
  }
  const people = (id: string, hc: number) => Math.max(0, hc - (holders.get(id) ?? 0)) + (here.get(id) ?? 0);
  const team = (id: string): number =>
    people(id, doc.positions.find((p) => p.id === id)!.headcount) + doc.positions.filter((p) => p.parent === id).reduce((n, c) => n + team(c.id), 0);
  const zero = { min: 0, max: 0 };
  const band = (p: Position) => (p.pay_band ? { min: p.pay_band.min * p.headcount, max: p.pay_band.max * p.headcount } : zero);
  const known = new Set(doc.departments.map((d) => d.id));
  const deptOf = (p: Position) => (p.department && known.has(p.department) ? p.department : null);
  const total = doc.positions.reduce((n, p) => n + people(p.id, p.headcount), 0);
  return {
    people: total, persons: doc.people.length, multi_seat: 0, overloaded: 0, positions: doc.positions.length,
    headcount: doc.positions.reduce((n, p) => n + p.headcount, 0), seats_fte: 0, filled_fte: 0, vacancies_fte: 0,
    payroll_monthly: doc.positions.reduce((r, p) => ({ min: r.min + band(p).min, max: r.max + band(p).max }), zero),
    payroll_yearly: zero, payroll_filled: zero, payroll_vacancies: zero,
    unpriced: doc.positions.filter((p) => !p.pay_band).length,
    departments: [...doc.departments.map((d) => d.id), null].map((d) => {
      const ps = doc.positions.filter((p) => deptOf(p) === d);
      return {
        department: d, positions: ps.length, headcount: ps.reduce((n, p) => n + p.headcount, 0),
        people: ps.reduce((n, p) => n + people(p.id, p.headcount), 0), persons: 0, seats_fte: 0, filled_fte: 0, vacancies_fte: 0,
        payroll_monthly: zero, payroll_filled: zero, payroll_vacancies: zero, unpriced: 0,
      };
    }),
    by_position: doc.positions.map((p) => ({
      position: p.id, headcount: p.headcount, holders: holders.get(p.id) ?? 0, over: 0, filled_fte: 0,
      vacancies: Math.max(0, p.headcount - (holders.get(p.id) ?? 0)), payroll_filled: null, payroll_vacancies: null,
      payroll_monthly: null, people: people(p.id, p.headcount), team_people: team(p.id),
    })),
    by_person: [],
  };
}
const build = (doc: PlanDoc, hidePrivate: boolean, showNames = false) => presentSteps(doc, figuresOf(doc), { hidePrivate, showNames });

const names = (steps: PresentStep[]) =>
  steps.map((s) => (s.kind === "department" ? `${s.dept?.zh ?? "-"}${s.parts > 1 ? ` ${s.part}/${s.parts}` : ""}` : s.kind));
const depts = (steps: PresentStep[]) => steps.filter((s): s is DepartmentStep => s.kind === "department");
const withPeople = (doc: PlanDoc): PlanDoc => ({
  ...doc,
  plan: { ...doc.plan, company: "杭州某某电子商务有限公司", goal_notes: "内部：明年再谈涨薪" },
  positions: doc.positions.map((p, i) => (i === 0 ? { ...p, notes: "老板亲戚，勿动" } : p)),
  people: [person("u1", "王小明", [{ position: doc.positions[0].id, share: 100 }])],
});

describe("presentSteps", () => {
  it("team-8: overview, the top, then one step per department in the plan's order", () => {
    const doc = fromFile(team8 as PlanFile);
    const steps = build(doc, true);
    expect(names(steps)).toEqual(["overview", "top", "店铺运营", "客服组", "财务组", "产品部", "视觉组", "营销策划组", "数据分析组"]);
    const overview = steps[0];
    expect(overview).toMatchObject({ kind: "overview", company: "八人成长型运营团队", people: 8, headcount: 8, positions: 8, staffed: false, payroll: null });
    expect(overview.kind === "overview" && overview.departments.map((d) => d.people)).toEqual([1, 2, 1, 1, 1, 1, 1]);
    const top = steps[1];
    expect(top.kind === "top" && [top.root.title.zh, top.root.team, top.reports.length]).toEqual(["店长", 8, 7]);
    const cs = depts(steps)[1];
    expect(cs.positions.map((p) => [p.title.zh, p.title.en, p.superior?.zh, p.duties.length > 0, p.kpis.length > 0])).toEqual([
      ["售前客服", "Pre-sales Customer Service", "店长", true, true],
      ["售后客服", "After-sales Customer Service", "店长", true, true],
    ]);
    // Every position is on exactly one department step.
    expect(depts(steps).flatMap((s) => s.positions.map((p) => p.id)).sort()).toEqual(doc.positions.map((p) => p.id).sort());
  });

  it("ops-center: its nine departments, the larger ones over two steps", () => {
    const doc = fromFile(opsCenter as PlanFile);
    const steps = build(doc, true);
    expect(names(steps)).toEqual([
      "overview", "top", "运营中心", "运营部", "商品部", "推广部 1/2", "推广部 2/2", "营销部 1/2", "营销部 2/2", "销售部", "物流部", "分销部", "聚划算",
    ]);
    const promo = depts(steps).filter((s) => s.dept?.zh === "推广部");
    expect(promo.map((s) => s.positions.length)).toEqual([3, 2]);
    expect(promo.every((s) => s.headcount === 5)).toBe(true);
    const top = steps[1];
    expect(top.kind === "top" && top.reports.map((c) => c.title.zh)).toEqual([
      "运营主管", "商品专员", "推广主管", "美工主管", "策划主管", "销售主管", "物流专员", "分销专员",
    ]);
  });

  it("hiding drops pay bands and notes, and names are dropped unless asked for", () => {
    const doc = withPeople(fromFile(team8 as PlanFile));
    const hidden = build(doc, true);
    const text = JSON.stringify(hidden);
    for (const secret of ["王小明", "老板亲戚", "明年再谈涨薪", "16000", "\"payBand\":{"]) expect(text).not.toContain(secret);
    expect(hidden[0]).toMatchObject({ company: "杭州某某电子商务有限公司", payroll: null, goal: "", persons: 1, people: 8, staffed: true });
    const manager = depts(hidden)[0].positions[0];
    expect([manager.filled, manager.names, manager.payBand, manager.notes]).toEqual([1, null, null, ""]);
    // Showing pay and notes does not bring the names along.
    expect(JSON.stringify(build(doc, false))).not.toContain("王小明");

    const shown = build(doc, false, true);
    const top = depts(shown)[0].positions[0];
    expect([top.names, top.payBand, top.notes]).toEqual([
      { shown: ["王小明"], more: 0, vacancies: 0 },
      { min: 10000, max: 16000 },
      "老板亲戚，勿动",
    ]);
    expect(shown[1].kind === "top" && shown[1].root.names).toEqual({ shown: ["王小明"], more: 0, vacancies: 0 });
    // Names with pay and notes hidden: the names only.
    const namesOnly = build(doc, true, true);
    expect(depts(namesOnly)[0].positions[0]).toMatchObject({ names: { shown: ["王小明"] }, payBand: null, notes: "" });
    expect(shown[0]).toMatchObject({ goal: "内部：明年再谈涨薪" });
    expect(shown[0].kind === "overview" && shown[0].payroll!.min).toBeGreaterThan(0);
  });

  it("names: up to three holders, +n for the rest, and the core's vacancies", () => {
    const base = fromFile(team8 as PlanFile);
    const cs = base.positions.find((p) => p.title === "售前客服")!;
    const doc: PlanDoc = {
      ...base,
      positions: base.positions.map((p) => (p.id === cs.id ? { ...p, headcount: 7 } : p)),
      people: ["甲", "乙", "丙", "丁", "戊"].map((n, i) => person(`u${i}`, n, [{ position: cs.id, share: 100 }])),
    };
    const figures = figuresOf(doc);
    const at = (steps: PresentStep[]) => depts(steps).flatMap((s) => s.positions).find((p) => p.id === cs.id)!;
    expect(at(presentSteps(doc, figures, { hidePrivate: true, showNames: true })).names).toEqual({
      shown: ["甲", "乙", "丙"],
      more: 2,
      vacancies: 2,
    });
    // Vacancies are the core's figure, never recounted from headcount and holders.
    const told = { ...figures, by_position: figures.by_position.map((f) => (f.position === cs.id ? { ...f, vacancies: 9 } : f)) };
    expect(at(presentSteps(doc, told, { hidePrivate: true, showNames: true })).names?.vacancies).toBe(9);
    // An unstaffed position still shows its vacancies; the other positions of the plan too.
    const other = depts(presentSteps(doc, figures, { hidePrivate: true, showNames: true }))[0].positions[0];
    expect(other.names).toEqual({ shown: [], more: 0, vacancies: 1 });
  });

  it("seatNames", () => {
    expect(seatNames([], 0)).toEqual({ shown: [], more: 0, vacancies: 0 });
    expect(seatNames(["甲", "乙", "丙"], 1)).toEqual({ shown: ["甲", "乙", "丙"], more: 0, vacancies: 1 });
    expect(seatNames(["甲", "乙", "丙", "丁"], 0)).toEqual({ shown: ["甲", "乙", "丙"], more: 1, vacancies: 0 });
    expect(seatNames(["甲", "乙"], 0, 1)).toEqual({ shown: ["甲"], more: 1, vacancies: 0 });
    expect(seatNames(["甲"], -1)).toEqual({ shown: ["甲"], more: 0, vacancies: 0 });
  });

  it("a department with many positions splits evenly; positions without one come last", () => {
    const many = Array.from({ length: 7 }, (_, i) =>
      pos(`s${i}`, "boss", { department: "d", duties: ["处理订单咨询"], kpis: [{ metric: "响应", weight: 100, target: "≤ 30 秒", cycle: "daily", source: "", goal: null }] }),
    );
    const doc: PlanDoc = {
      ...fromFile(team8 as PlanFile),
      departments: [{ id: "d", name: "客服部", name_en: "Service", color: "#0f766e", parent: null }, { id: "empty", name: "空部门", name_en: "", color: "#000000", parent: null }],
      positions: [pos("boss", null), ...many, pos("loose", "boss", { department: "gone" })],
    };
    const steps = build(doc, true);
    expect(names(steps)).toEqual(["overview", "top", "客服部 1/3", "客服部 2/3", "客服部 3/3", "-"]);
    expect(depts(steps).map((s) => s.positions.length)).toEqual([3, 2, 2, 2]);
    expect(depts(steps).at(-1)!.positions.map((p) => p.id)).toEqual(["boss", "loose"]);
    expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
  });

  it("a position with a long list of duties takes more columns of its step, at most all of them", () => {
    const duties = Array.from({ length: 70 }, (_, i) => `第 ${i + 1} 项职责：负责店铺日常运营中的一项具体工作`);
    const doc: PlanDoc = {
      ...fromFile(team8 as PlanFile),
      departments: [{ id: "d", name: "运营部", name_en: "Ops", color: "#2563eb", parent: null }],
      positions: [pos("a", null, { department: "d", duties }), pos("b", "a", { department: "d" })],
    };
    const steps = depts(build(doc, true));
    expect(steps.map((s) => s.positions.map((p) => p.span))).toEqual([[COLUMNS], [1]]);
  });

  it("splits columns as evenly as the order allows", () => {
    const of = (...spans: number[]) => splitColumns(spans.map((span) => ({ span }))).map((c) => c.map((x) => x.span));
    expect(of(1, 1, 1)).toEqual([[1, 1, 1]]);
    expect(of(1, 1, 1, 1)).toEqual([[1, 1], [1, 1]]);
    expect(of(1, 1, 1, 1, 1)).toEqual([[1, 1, 1], [1, 1]]);
    expect(of(1, 3, 1)).toEqual([[1], [3], [1]]);
    expect(of()).toEqual([]);
  });

  it("an empty plan is just its title slide", () => {
    const doc: PlanDoc = { ...fromFile(team8 as PlanFile), departments: [], positions: [] };
    expect(names(build(doc, true))).toEqual(["overview"]);
  });
});

describe("logoProblem", () => {
  it("takes PNG, JPEG and WebP up to 1 MB", () => {
    expect(logoProblem({ type: "image/png", size: 2048 })).toBeNull();
    expect(logoProblem({ type: "image/webp", size: LOGO_MAX_BYTES })).toBeNull();
    expect(logoProblem({ type: "image/jpeg", size: LOGO_MAX_BYTES + 1 })).toBe("size");
    expect(logoProblem({ type: "image/svg+xml", size: 10 })).toBe("type");
    expect(logoProblem({ type: "image/gif", size: 10 })).toBe("type");
  });
});
