// Rows of the tables, as pure functions over a plan and the core's figures (PlanFigures): the
// tables group and look up, they never add up. Tested in rows.test.ts.
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";
import type { Department } from "../../generated/Department";
import type { PlanFigures } from "../../generated/PlanFigures";
import type { PositionFigures } from "../../generated/PositionFigures";
import type { DepartmentFigures } from "../../generated/DepartmentFigures";
import type { Person } from "../../generated/Person";
import type { PersonKind } from "../../generated/PersonKind";

export interface EstablishmentRow {
  position: Position;
  figures: PositionFigures;
}

export interface EstablishmentGroup {
  department: Department | null;
  rows: EstablishmentRow[];
  /** The department's figures, for all its positions (whatever the filter shows). */
  figures: DepartmentFigures | undefined;
}

/** Positions grouped by department in the plan's department order (tree order within a
 * group), positions without a department last; groups with no rows left out. */
export function establishmentGroups(doc: PlanDoc, figures: PlanFigures, keep: (p: Position) => boolean = () => true): EstablishmentGroup[] {
  const known = new Set(doc.departments.map((d) => d.id));
  const byPosition = new Map(figures.by_position.map((f) => [f.position, f]));
  const groups: EstablishmentGroup[] = [...doc.departments, null].map((department) => ({
    department,
    rows: [],
    figures: figures.departments.find((d) => d.department === (department?.id ?? null)),
  }));
  const at = new Map(groups.map((g, i) => [g.department?.id ?? null, i]));
  for (const p of doc.positions) {
    if (!keep(p)) continue;
    const f = byPosition.get(p.id);
    if (!f) continue;
    const key = p.department && known.has(p.department) ? p.department : null;
    groups[at.get(key)!].rows.push({ position: p, figures: f });
  }
  return groups.filter((g) => g.rows.length > 0);
}

/** True when the search text is empty or found in the title, English title, grade or
 * department of a position (case-insensitive). */
export function matches(doc: PlanDoc, p: Position, search: string): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  const d = p.department ? doc.departments.find((x) => x.id === p.department) : undefined;
  return [p.title, p.title_en, p.grade, d?.name ?? "", d?.name_en ?? ""].some((s) => s.toLowerCase().includes(q));
}

/** The 人员类型 a person can have, in the order the 人员 table's menu lists them. */
export const PERSON_KINDS: readonly PersonKind[] = ["full_time", "part_time", "intern", "outsourced"];

/** True when the search text is empty or found in the person's name or 工号, or in the title
 * (Chinese or English) of a seat they hold (case-insensitive). */
export function personMatches(doc: PlanDoc, person: Person, search: string): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  if (person.name.toLowerCase().includes(q) || person.employee_no.toLowerCase().includes(q)) return true;
  return person.assignments.some((a) => {
    const p = doc.positions.find((x) => x.id === a.position);
    return p !== undefined && (p.title.toLowerCase().includes(q) || p.title_en.toLowerCase().includes(q));
  });
}

/** A 入职日期 as typed: `null` when cleared, the day as `YYYY-MM-DD` when it is a real day
 * written the ways people write dates here (2024-03-01, 2024-3-1, 2024/3/1, 2024.3.1,
 * 2024年3月1日), and `undefined` otherwise (not saved). */
export function startDate(text: string): string | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// ---- Sorting and filtering (pure; the tables keep only which column and which way) ----

export type SortDir = "asc" | "desc";
export interface SortState<K extends string> {
  key: K;
  dir: SortDir;
}

/** The next sort after a click on column `key`: a new column sorts ascending, the same column
 * flips its direction. */
export function nextSort<K extends string>(sort: SortState<K> | null, key: K): SortState<K> {
  return sort && sort.key === key ? { key, dir: sort.dir === "asc" ? "desc" : "asc" } : { key, dir: "asc" };
}

/** The aria-sort of a column header. */
export function ariaSort<K extends string>(sort: SortState<K> | null, key: K): "ascending" | "descending" | undefined {
  if (!sort || sort.key !== key) return undefined;
  return sort.dir === "asc" ? "ascending" : "descending";
}

const collator = new Intl.Collator(["zh-Hans-CN-u-co-pinyin", "en"], { numeric: true, sensitivity: "base" });
type SortValue = string | number | null;

/** Compares two sort values: numbers by value, text by collation; empty text and null come last
 * whichever the direction. */
export function compareValues(a: SortValue, b: SortValue, dir: SortDir): number {
  const emptyA = a === null || a === "";
  const emptyB = b === null || b === "";
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  const c = typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b));
  if (c === 0) return 0;
  return dir === "asc" ? c : -c;
}

/** `items` sorted by `value` (stable: equal values keep their order); a new array. */
export function sortBy<T>(items: readonly T[], value: (x: T) => SortValue, dir: SortDir): T[] {
  const keyed = items.map((x, i) => ({ x, i, v: value(x) }));
  keyed.sort((a, b) => compareValues(a.v, b.v, dir) || a.i - b.i);
  return keyed.map((k) => k.x);
}

export type PeopleSortKey = "name" | "employee_no" | "seats" | "load" | "kind" | "start_date" | "phone" | "email";

/** People sorted by a column of the 人员 table (`null`: the plan's order). 担任岗位 sorts by the
 * title of the first seat held, 总占比 by the core's total share (looked up, not added up). */
export function sortPeople(doc: PlanDoc, people: readonly Person[], figures: PlanFigures, sort: SortState<PeopleSortKey> | null): Person[] {
  if (!sort) return [...people];
  const titles = new Map(doc.positions.map((p) => [p.id, p.title]));
  const share = new Map(figures.by_person.map((f) => [f.person, f.total_share]));
  const value = (p: Person): SortValue => {
    switch (sort.key) {
      case "name":
        return p.name;
      case "employee_no":
        return p.employee_no;
      case "seats":
        return p.assignments.length ? (titles.get(p.assignments[0].position) ?? "") : null;
      case "load":
        return share.get(p.id) ?? 0;
      case "kind":
        return p.kind === null ? null : PERSON_KINDS.indexOf(p.kind);
      case "start_date":
        return p.start_date;
      case "phone":
        return p.phone;
      case "email":
        return p.email;
    }
  };
  return sortBy(people, value, sort.dir);
}

/** The people the 人员 table's filter keeps: as `personMatches` (name, 工号, titles of the seats
 * held), and also the name of a department they hold a seat in. One pass, with lookups built
 * once (2,000 people on 2,000 positions). */
export function filterPeople(doc: PlanDoc, people: readonly Person[], search: string): Person[] {
  const q = search.trim().toLowerCase();
  if (!q) return [...people];
  const positions = new Map(doc.positions.map((p) => [p.id, p]));
  const depts = new Map(doc.departments.map((d) => [d.id, d]));
  return people.filter((person) => {
    if (person.name.toLowerCase().includes(q) || person.employee_no.toLowerCase().includes(q)) return true;
    return person.assignments.some((a) => {
      const p = positions.get(a.position);
      if (!p) return false;
      const d = p.department ? depts.get(p.department) : undefined;
      return [p.title, p.title_en, d?.name ?? "", d?.name_en ?? ""].some((s) => s.toLowerCase().includes(q));
    });
  });
}

export type EstablishmentSortKey = "department" | "position" | "superior" | "headcount" | "filled" | "vacant" | "grade" | "payBand" | "payroll";

/** The 定岗定编 groups sorted by a column: 部门 orders the groups by name (未分配部门 stays
 * last), any other column orders the rows within each group (so subtotals stay with their
 * department). Figures are the core's, only compared. `null`: as given. */
export function sortEstablishment(doc: PlanDoc, groups: readonly EstablishmentGroup[], sort: SortState<EstablishmentSortKey> | null): EstablishmentGroup[] {
  if (!sort) return [...groups];
  if (sort.key === "department") {
    const named = groups.filter((g) => g.department !== null);
    const rest = groups.filter((g) => g.department === null);
    return [...sortBy(named, (g) => g.department!.name, sort.dir), ...rest];
  }
  const titles = new Map(doc.positions.map((p) => [p.id, p.title]));
  const value = (r: EstablishmentRow): SortValue => {
    const p = r.position;
    switch (sort.key) {
      case "position":
        return p.title;
      case "superior":
        return p.parent ? (titles.get(p.parent) ?? null) : null;
      case "headcount":
        return p.headcount;
      case "filled":
        return r.figures.holders;
      case "vacant":
        return r.figures.vacancies;
      case "grade":
        return p.grade;
      case "payBand":
        return p.pay_band ? p.pay_band.min : null;
      case "payroll":
        return r.figures.payroll_monthly ? r.figures.payroll_monthly.max : null;
      default:
        return null;
    }
  };
  return groups.map((g) => ({ ...g, rows: sortBy(g.rows, value, sort.dir) }));
}

/** One line of the virtualised 定岗定编 table: a position's row (`first`: the group's first,
 * which names the department), or a department's subtotal. */
export type EstablishmentLine =
  | { kind: "row"; group: EstablishmentGroup; row: EstablishmentRow; first: boolean }
  | { kind: "subtotal"; group: EstablishmentGroup };

/** The groups as one list of lines, each group's rows then its subtotal (when the core gave
 * the department's figures). */
export function establishmentLines(groups: readonly EstablishmentGroup[]): EstablishmentLine[] {
  const out: EstablishmentLine[] = [];
  for (const group of groups) {
    group.rows.forEach((row, i) => out.push({ kind: "row", group, row, first: i === 0 }));
    if (group.figures) out.push({ kind: "subtotal", group });
  }
  return out;
}
