// A deterministic 1,000-position plan for the chart benchmark, shared by both renderers: a root,
// 40 department heads under it, then 3–8 reports per manager, breadth-first, until the plan
// holds `size` positions. Same seed, same tree, on every machine.
import type { PlanDoc } from "../src/generated/PlanDoc";
import type { Position } from "../src/generated/Position";
import type { Person } from "../src/generated/Person";
import type { Department } from "../src/generated/Department";

export const BENCH_SIZE = 1000;
const HEADS = 40;
const SEED = 0x0c0ffee;

/** mulberry32: a tiny seeded PRNG, so the tree is the same everywhere. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hex(h: number, s: number, l: number): string {
  // HSL → #rrggbb
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

export function benchPlan(size = BENCH_SIZE, seed = SEED): PlanDoc {
  const rand = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const departments: Department[] = [{ id: "d0", name: "总经办", name_en: "Executive office", color: "#475569", parent: null }];
  for (let i = 1; i <= HEADS; i++) {
    departments.push({ id: `d${i}`, name: `部门${i}`, name_en: `Department ${i}`, color: hex((i * 137.5) % 360, 0.62, 0.46), parent: null });
  }
  const positions: Position[] = [];
  const people: Person[] = [];
  const add = (parent: string | null, department: string) => {
    const n = positions.length + 1;
    const id = `p${n}`;
    const headcount = int(1, 3);
    positions.push({
      id,
      parent,
      title: `岗位${n}`,
      title_en: `Position ${n}`,
      department,
      headcount,
      grade: `P${int(3, 8)}`,
      lineage: null, role: null,
      purpose: "",
      duties: [],
      requirements: [],
      kpis: [
        { metric: `指标${n}-A`, weight: 60, target: "≥ 95%", cycle: "monthly", source: "", goal: null },
        { metric: `指标${n}-B`, weight: 40, target: "≥ 90%", cycle: "quarterly", source: "", goal: null },
      ],
      dotted: [],
      collaborations: [],
      escalations: [],
      functions: [],
      pay_band: null,
      notes: "",
    });
    // Some seats filled, some vacant.
    const filled = int(0, headcount);
    for (let k = 0; k < filled; k++) {
      const no = people.length + 1;
      people.push({
        id: `e${no}`, name: `员工${no}`, assignments: [{ position: id, share: 100 }],
        employee_no: `E${String(no).padStart(5, "0")}`, phone: "", email: "", start_date: null, kind: null,
      });
    }
    return id;
  };

  const root = add(null, "d0");
  const queue: { id: string; dept: string }[] = [];
  for (let i = 1; i <= HEADS && positions.length < size; i++) {
    queue.push({ id: add(root, `d${i}`), dept: `d${i}` });
  }
  while (positions.length < size && queue.length) {
    const m = queue.shift()!;
    const reports = int(3, 8);
    for (let j = 0; j < reports && positions.length < size; j++) {
      queue.push({ id: add(m.id, m.dept), dept: m.dept });
    }
  }

  const now = "2025-01-01T00:00:00Z";
  return {
    plan: {
      id: "bench-1000",
      name: "Benchmark 1,000",
      company: "Bench Co.",
      target_size: size,
      stage: "scale",
      goal_notes: "",
      template: null,
      logo: null,
      scenario_of: null,
      roster: null,
      created_at: now,
      updated_at: now,
    },
    departments,
    positions,
    people,
    goals: [],
  };
}

/** What a d3-org-chart node shows: the same title, department and headcount as OrgPlan's card. */
export interface FlatRow {
  id: string;
  parentId: string | null;
  title: string;
  dept: string;
  color: string;
  filled: number;
  headcount: number;
  _expanded: boolean;
}

export function flatRows(doc: PlanDoc): FlatRow[] {
  const dept = new Map(doc.departments.map((d) => [d.id, d]));
  const filled = new Map<string, number>();
  for (const p of doc.people) for (const a of p.assignments) filled.set(a.position, (filled.get(a.position) ?? 0) + 1);
  return doc.positions.map((p) => ({
    id: p.id,
    parentId: p.parent,
    title: p.title,
    dept: dept.get(p.department ?? "")?.name ?? "",
    color: dept.get(p.department ?? "")?.color ?? "#64748b",
    filled: filled.get(p.id) ?? 0,
    headcount: p.headcount,
    _expanded: true,
  }));
}

/** Depth and fan-out figures, for the report. */
export function treeStats(doc: PlanDoc) {
  const kids = new Map<string, number>();
  const depth = new Map<string, number>();
  let maxDepth = 0;
  for (const p of doc.positions) {
    const d = p.parent === null ? 0 : depth.get(p.parent)! + 1;
    depth.set(p.id, d);
    maxDepth = Math.max(maxDepth, d);
    if (p.parent) kids.set(p.parent, (kids.get(p.parent) ?? 0) + 1);
  }
  const perLevel: number[] = [];
  for (const d of depth.values()) perLevel[d] = (perLevel[d] ?? 0) + 1;
  return { positions: doc.positions.length, managers: kids.size, leaves: doc.positions.length - kids.size, depth: maxDepth + 1, perLevel };
}

/** The tables' benchmark plan: `size` positions and exactly `people` people, each in one seat
 * (round the positions; every seventh also holds a second seat at 50 %). */
export function tablePlan(size: number, people: number): PlanDoc {
  const doc = benchPlan(size);
  const out: Person[] = [];
  for (let i = 0; i < people; i++) {
    const no = i + 1;
    const a = doc.positions[i % doc.positions.length].id;
    const assignments = i % 7 === 0 ? [{ position: a, share: 50 }, { position: doc.positions[(i * 13 + 5) % doc.positions.length].id, share: 50 }] : [{ position: a, share: 100 }];
    out.push({
      id: `e${no}`, name: `员工${no}`, assignments, employee_no: `E${String(no).padStart(5, "0")}`, phone: "", email: "",
      start_date: `20${String(10 + (i % 15)).padStart(2, "0")}-0${1 + (i % 9)}-1${i % 10}`, kind: i % 5 === 0 ? "part_time" : "full_time",
    });
  }
  return { ...doc, people: out };
}
