// The roster import dialog's arithmetic, kept pure: the plan name a file suggests, the columns
// the user set by hand, the arguments of each read, what the preview says about the file read
// and what it changes in a plan. Tested in model.test.ts.
import type { ColumnField } from "../../generated/ColumnField";
import type { Field } from "../../generated/Field";
import type { ImportRosterArgs } from "../../generated/ImportRosterArgs";
import type { PickedFile } from "../../generated/PickedFile";
import type { RosterChanges } from "../../generated/RosterChanges";
import type { Table } from "../../generated/Table";
import type { rosterDict } from "./dict";

/** What the preview is asked for: the sheet (the backend's choice when unset), the columns set
 * by hand, whether rows with problems are left out and 手机/邮箱 read; and where the roster
 * goes: a new plan, or the open plan (`into`): as its team now (people matched, joiners added,
 * leavers removed unless `keep`), or `under` the selected position. */
export interface Request {
  sheet?: string;
  columns: ColumnField[];
  skip: boolean;
  personal: boolean;
  into: boolean;
  under: boolean;
  keep: boolean;
}

export const FRESH: Request = { columns: [], skip: false, personal: false, into: false, under: false, keep: false };

/** `r` for another file or sheet: the columns and skipping start over, the choices of where
 * the roster goes and of 手机/邮箱 stay. */
export function restart(r: Request, sheet?: string): Request {
  return { ...r, sheet, columns: [], skip: false };
}

/** The open plan and its selected position, as far as an import into it is concerned. */
export interface Open {
  plan: string;
  selected: string | null;
}

/** Whether `r` brings the roster into the open plan (there must be one), and below which
 * position (the selected one, when `under` and one is selected). */
export function target(r: Request, open: Open | null): { plan: string; under?: string } | null {
  if (!r.into || !open) return null;
  return r.under && open.selected ? { plan: open.plan, under: open.selected } : { plan: open.plan };
}

/** The `import_roster` arguments for reading `file` as `r` (a dry run unless the caller
 * says otherwise). */
export function rosterArgs(file: PickedFile, r: Request, open: Open | null): ImportRosterArgs {
  const into = target(r, open);
  return {
    file_name: file.file_name,
    base64: file.base64,
    ...(r.sheet ? { sheet: r.sheet } : {}),
    ...(r.columns.length ? { columns: r.columns } : {}),
    ...(r.skip ? { skip_bad: true } : {}),
    ...(r.personal ? { personal: true } : {}),
    ...(into ? { ...into, ...(r.keep && !into.under ? { keep_leavers: true } : {}) } : {}),
  };
}

/** How many changes an import into a plan makes (0: the plan already matches the roster). */
export function changeCount(c: RosterChanges): number {
  // Kept leavers stay: they change nothing.
  const leavers = c.leavers_kept ? 0 : c.leavers.length;
  return c.joiners.length + leavers + c.moves.length + c.updated.length + c.positions_added.length + c.headcount_raised.length;
}

/** Titles as one text: `售前客服、售后客服`, or a dash when there are none. */
export function titles(list: readonly string[]): string {
  return list.length ? list.join("、") : "—";
}

/** Every field a column can be read as, in the order the column menus list them. */
export const FIELDS: readonly Field[] = [
  "name",
  "employee_id",
  "department",
  "title",
  "manager",
  "manager_id",
  "start_date",
  "kind",
  "share",
  "position_id",
  "parent_position_id",
  "phone",
  "email",
];

/** The file's name without its extension: the new plan's name unless the user gives one. */
export function fileStem(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The columns set by hand, with `column` now read as `field` (`null`: left out). The latest
 * choice goes last, so that the backend applies it after the others: a field given to one
 * column is taken from any other. */
export function setColumn(columns: readonly ColumnField[], column: string, field: Field | null): ColumnField[] {
  return [...columns.filter((c) => c.column !== column), { column, field }];
}

/** `mapping` with the columns set by hand applied, as the backend applies them: each in turn,
 * a field given to one column taken from any other. Shows a choice before the preview that
 * follows it comes back. */
export function applyColumns(mapping: readonly ColumnField[], columns: readonly ColumnField[]): ColumnField[] {
  const out = mapping.map((c) => ({ ...c }));
  for (const { column, field } of columns) {
    const at = out.findIndex((c) => c.column === column);
    if (at < 0) continue;
    if (field) {
      for (const c of out) if (c.field === field) c.field = null;
    }
    out[at].field = field;
  }
  return out;
}

/** The part-time share typed, or `null` when it is not a whole percent from 1 to 100. */
export function parseShare(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 100 ? n : null;
}

type Key = keyof typeof rosterDict;
type T = (key: Key, vars?: Record<string, string | number>) => string;

/** What was read, in a line: the format, the sheet or the encoding and separator, the header's
 * row and the number of rows. */
export function describeTable(table: Table, rows: number, t: T): string[] {
  const out: string[] = [];
  if (table.format === "workbook") {
    out.push(t("formatWorkbook"));
    if (table.sheet) out.push(t("sheetOf", { name: table.sheet }));
  } else if (table.format === "csv") {
    out.push(t("formatCsv"));
    if (table.encoding) out.push(t("encoding", { name: table.encoding }));
    if (table.delimiter) out.push(delimiter(table.delimiter, t));
  } else {
    out.push(t("formatJson"));
  }
  out.push(table.header_row > 0 ? t("headerRow", { n: table.header_row }) : t("headerJson"));
  out.push(t("rowCount", { n: rows }));
  return out;
}

function delimiter(d: string, t: T): string {
  if (d === ",") return t("delimComma");
  if (d === ";") return t("delimSemicolon");
  if (d === "\t") return t("delimTab");
  return t("delimOther", { d });
}

/** What to do before anything can be built: pick a column for each field the file lacks
 * (`needs`), e.g. 请在下方为「姓名」选择一列. Empty when nothing is missing. */
export function needsNotice(needs: readonly Field[], t: T): string {
  if (needs.length === 0) return "";
  return t("needsNotice", { fields: needs.map((f) => t(`field_${f}`)).join(t("fieldsJoin")) });
}
