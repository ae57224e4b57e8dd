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

/** A 入职日期 as typed: `null` when cleared, the date when it is a real `YYYY-MM-DD` day, and
 * `undefined` when it is neither (a date input mid-edit), which is not saved. */
export function startDate(text: string): string | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d ? t : undefined;
}
