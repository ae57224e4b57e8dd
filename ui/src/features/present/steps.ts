// The steps of present mode, built from a plan by one pure function. What the client must not
// see (pay bands, notes, people's names) is dropped here, not merely hidden by the view, so a
// step built with `hidePrivate` (or without `showNames`) cannot leak it.
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";
import type { Stage } from "../../generated/Stage";
import type { Cycle } from "../../generated/Cycle";
import type { PayBand } from "../../generated/PayBand";
import type { Payroll } from "../../generated/Payroll";
import type { PlanFigures } from "../../generated/PlanFigures";
import { NEUTRAL_COLOR } from "../../lib/plan";

export interface PresentOptions {
  /** Drop pay bands and notes (the plan's and each position's). */
  hidePrivate: boolean;
  /** Keep the holders' names of each position (off by default in present mode). */
  showNames: boolean;
}

/** Who holds a position's seats, as a slide lists them. */
export interface SeatNames {
  /** The first holders' names, at most NAMES_SHOWN. */
  shown: string[];
  /** Holders beyond those shown ("+n"). */
  more: number;
  /** Seats nobody holds, as the core counts them (空缺 ×n). */
  vacancies: number;
}

/** Names listed per position before the rest is counted as "+n". */
export const NAMES_SHOWN = 3;

/** The names to show for a position: its holders' names (first NAMES_SHOWN, the rest counted)
 * and the core's vacancies. */
export function seatNames(holders: readonly string[], vacancies: number, max = NAMES_SHOWN): SeatNames {
  const shown = holders.slice(0, Math.max(0, max));
  return { shown, more: holders.length - shown.length, vacancies: Math.max(0, vacancies) };
}

/** A title in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface DeptTag extends Bilingual {
  color: string;
}

export interface DeptSummary extends DeptTag {
  id: string;
  /** People (persons whose main seat is here, plus vacancies), as the core counts them. */
  people: number;
}

/** A position on the chart step: one large card. */
export interface PresentCard {
  id: string;
  title: Bilingual;
  dept: DeptTag | null;
  color: string;
  headcount: number;
  /** People holding the seat. */
  filled: number;
  /** People in the position and everything below it, as the core counts them. */
  team: number;
  /** Holders' names and vacancies; null when names are not shown. */
  names: SeatNames | null;
}

export interface PresentKpi {
  metric: string;
  weight: number;
  target: string;
  cycle: Cycle;
}

/** A position on a department step, with everything a client reads about it. */
export interface PresentPosition extends PresentCard {
  superior: Bilingual | null;
  purpose: string;
  duties: string[];
  kpis: PresentKpi[];
  /** Null when hidden or not set. */
  payBand: PayBand | null;
  /** Empty when hidden. */
  notes: string;
  /** Columns of the step's grid the position takes (1 to COLUMNS). */
  span: number;
}

export interface OverviewStep {
  kind: "overview";
  id: string;
  company: string;
  planName: string;
  logo: string | null;
  stage: Stage;
  /** The plan's goal notes; empty when hidden. */
  goal: string;
  /** People: persons + vacancies. */
  people: number;
  /** Persons in the plan. */
  persons: number;
  /** 编制: seats planned. */
  headcount: number;
  positions: number;
  /** True when anybody is assigned, so filled figures mean something. */
  staffed: boolean;
  departments: DeptSummary[];
  /** Monthly payroll range (people and vacancies); null when hidden or no band is set. */
  payroll: Payroll | null;
}

export interface TopStep {
  kind: "top";
  id: string;
  root: PresentCard;
  reports: PresentCard[];
  staffed: boolean;
}

export interface DepartmentStep {
  kind: "department";
  id: string;
  /** Null for the positions without a department. */
  dept: (DeptTag & { id: string }) | null;
  /** 1-based part when the department is split over several steps, of `parts`. */
  part: number;
  parts: number;
  /** Seats, people and positions in the whole department (all parts). */
  headcount: number;
  people: number;
  positionCount: number;
  positions: PresentPosition[];
  staffed: boolean;
}

export type PresentStep = OverviewStep | TopStep | DepartmentStep;

/** Columns of a department step's grid. */
export const COLUMNS = 3;
/** Lines of body text one column holds at 1920×1080 (before the type is shrunk to fit). */
export const COLUMN_LINES = 22;
/** Characters of Chinese text on one line of a column. */
const LINE_CHARS = 24;

/** Width of a text in Chinese characters: Latin letters and digits count about half. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return w;
}

function lines(text: string): number {
  return Math.max(1, Math.ceil(width(text) / LINE_CHARS));
}

/** Lines a position takes in one column: its head and purpose, duties, KPI points (a line and
 * a bar each) and notes. */
export function positionLines(p: Pick<PresentPosition, "purpose" | "duties" | "kpis" | "notes">): number {
  const head = 4 + (p.purpose ? lines(p.purpose) : 0);
  const duties = p.duties.length ? 1 + p.duties.reduce((s, d) => s + lines(d), 0) : 1;
  const kpis = p.kpis.length ? 1 + Math.ceil(1.5 * p.kpis.length) : 0;
  const notes = p.notes ? 1 + lines(p.notes) : 0;
  return head + duties + kpis + notes;
}

/** Splits positions (each with its span) into steps of at most COLUMNS columns, as evenly as
 * their order allows: 4 → 2 + 2, 5 → 3 + 2, 7 → 3 + 2 + 2. */
export function splitColumns<T extends { span: number }>(items: T[]): T[][] {
  const total = items.reduce((s, p) => s + p.span, 0);
  let parts = Math.max(1, Math.ceil(total / COLUMNS));
  const out: T[][] = [];
  let left = total;
  let chunk: T[] = [];
  let used = 0;
  let cap = Math.ceil(left / parts);
  for (const item of items) {
    if (chunk.length > 0 && used + item.span > cap) {
      out.push(chunk);
      left -= used;
      parts = Math.max(1, parts - 1);
      cap = Math.min(COLUMNS, Math.max(Math.ceil(left / parts), 1));
      chunk = [];
      used = 0;
    }
    chunk.push(item);
    used += item.span;
  }
  if (chunk.length) out.push(chunk);
  return out;
}

export function presentSteps(doc: PlanDoc, figures: PlanFigures, opts: PresentOptions): PresentStep[] {
  const hide = opts.hidePrivate;
  const byPosition = new Map(figures.by_position.map((f) => [f.position, f]));
  const staffed = doc.people.some((p) => p.assignments.length > 0);
  const byId = new Map(doc.positions.map((p) => [p.id, p]));
  const depts = new Map(doc.departments.map((d) => [d.id, d]));
  const names = new Map<string, string[]>();
  if (opts.showNames) {
    for (const person of doc.people) {
      // Each person once per position, in the plan's order of people.
      for (const at of new Set(person.assignments.map((a) => a.position))) names.set(at, [...(names.get(at) ?? []), person.name]);
    }
  }

  const tag = (p: Position): DeptTag | null => {
    const d = p.department ? depts.get(p.department) : undefined;
    return d ? { zh: d.name, en: d.name_en, color: d.color } : null;
  };
  const card = (p: Position): PresentCard => {
    const f = byPosition.get(p.id);
    const dept = tag(p);
    return {
      id: p.id,
      title: { zh: p.title, en: p.title_en },
      dept,
      color: dept?.color ?? NEUTRAL_COLOR,
      headcount: p.headcount,
      filled: f?.holders ?? 0,
      team: f?.team_people ?? 0,
      names: opts.showNames ? seatNames(names.get(p.id) ?? [], f?.vacancies ?? 0) : null,
    };
  };
  const full = (p: Position): PresentPosition => {
    const up = p.parent ? byId.get(p.parent) : undefined;
    const out: PresentPosition = {
      ...card(p),
      superior: up ? { zh: up.title, en: up.title_en } : null,
      purpose: p.purpose,
      duties: p.duties,
      kpis: p.kpis.map((k) => ({ metric: k.metric, weight: k.weight, target: k.target, cycle: k.cycle })),
      payBand: hide ? null : p.pay_band,
      notes: hide ? "" : p.notes,
      span: 1,
    };
    out.span = Math.min(COLUMNS, Math.max(1, Math.ceil(positionLines(out) / COLUMN_LINES)));
    return out;
  };

  const steps: PresentStep[] = [
    {
      kind: "overview",
      id: "overview",
      company: doc.plan.company.trim() || doc.plan.name,
      planName: doc.plan.name,
      logo: planLogo(doc),
      stage: doc.plan.stage,
      goal: hide ? "" : doc.plan.goal_notes,
      people: figures.people,
      persons: figures.persons,
      headcount: figures.headcount,
      positions: figures.positions,
      staffed,
      departments: doc.departments
        .map((d) => ({
          id: d.id,
          zh: d.name,
          en: d.name_en,
          color: d.color,
          people: figures.departments.find((x) => x.department === d.id)?.people ?? 0,
        }))
        .filter((d) => d.people > 0),
      payroll: hide || figures.unpriced === figures.positions ? null : figures.payroll_monthly,
    },
  ];

  const top = doc.positions.find((p) => p.parent === null);
  if (top) {
    steps.push({
      kind: "top",
      id: "top",
      root: card(top),
      reports: doc.positions.filter((p) => p.parent === top.id).map(card),
      staffed,
    });
  }

  const groups: { dept: DepartmentStep["dept"]; positions: Position[] }[] = doc.departments.map((d) => ({
    dept: { id: d.id, zh: d.name, en: d.name_en, color: d.color },
    positions: doc.positions.filter((p) => p.department === d.id),
  }));
  groups.push({ dept: null, positions: doc.positions.filter((p) => !p.department || !depts.has(p.department)) });
  for (const g of groups) {
    if (g.positions.length === 0) continue;
    const chunks = splitColumns(g.positions.map(full));
    const df = figures.departments.find((x) => x.department === (g.dept?.id ?? null));
    chunks.forEach((positions, i) =>
      steps.push({
        kind: "department",
        id: `dept-${g.dept?.id ?? "none"}-${i + 1}`,
        dept: g.dept,
        part: i + 1,
        parts: chunks.length,
        headcount: df?.headcount ?? 0,
        people: df?.people ?? 0,
        positionCount: g.positions.length,
        positions,
        staffed,
      }),
    );
  }
  return steps;
}

/** The plan's logo, when it is an image data URL (never a remote address). */
export function planLogo(doc: PlanDoc): string | null {
  const logo = doc.plan.logo;
  return logo && logo.startsWith("data:image/") ? logo : null;
}
