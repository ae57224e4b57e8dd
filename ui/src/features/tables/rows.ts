// Rows of the tables, as pure functions over a plan: tested in rows.test.ts.
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";
import type { Department } from "../../generated/Department";
import type { Cost } from "../../generated/Cost";
import type { DepartmentCost } from "../../generated/DepartmentCost";
import type { Payroll } from "../../generated/Payroll";
import { filledCounts } from "../../lib/plan";

export interface EstablishmentRow {
  position: Position;
  /** People in the seat (may exceed the headcount). */
  filled: number;
  vacant: number;
  over: number;
}

export interface EstablishmentGroup {
  department: Department | null;
  rows: EstablishmentRow[];
  headcount: number;
  filled: number;
  vacant: number;
}

/** Positions grouped by department in the plan's department order (tree order within a
 * group), positions without a department last; groups with no rows left out. */
export function establishmentGroups(doc: PlanDoc, keep: (p: Position) => boolean = () => true): EstablishmentGroup[] {
  const filled = filledCounts(doc);
  const known = new Set(doc.departments.map((d) => d.id));
  const groups: EstablishmentGroup[] = [...doc.departments, null].map((department) => ({
    department,
    rows: [],
    headcount: 0,
    filled: 0,
    vacant: 0,
  }));
  const at = new Map(groups.map((g, i) => [g.department?.id ?? null, i]));
  for (const p of doc.positions) {
    if (!keep(p)) continue;
    const key = p.department && known.has(p.department) ? p.department : null;
    const g = groups[at.get(key)!];
    const have = filled.get(p.id) ?? 0;
    const row = { position: p, filled: have, vacant: Math.max(0, p.headcount - have), over: Math.max(0, have - p.headcount) };
    g.rows.push(row);
    g.headcount += p.headcount;
    g.filled += row.filled;
    g.vacant += row.vacant;
  }
  return groups.filter((g) => g.rows.length > 0);
}

/** A position's monthly payroll (pay band × headcount), or null without a pay band (未定薪). */
export function positionPayroll(p: Position): Payroll | null {
  return p.pay_band ? { min: p.pay_band.min * p.headcount, max: p.pay_band.max * p.headcount } : null;
}

/** The payroll row of a department in the plan's cost (`null` for no department). */
export function departmentCost(cost: Cost, department: string | null): DepartmentCost | undefined {
  return cost.departments.find((d) => d.department === department);
}

/** True when the search text is empty or found in the title, English title, grade or
 * department of a position (case-insensitive). */
export function matches(doc: PlanDoc, p: Position, search: string): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  const d = p.department ? doc.departments.find((x) => x.id === p.department) : undefined;
  return [p.title, p.title_en, p.grade, d?.name ?? "", d?.name_en ?? ""].some((s) => s.toLowerCase().includes(q));
}
