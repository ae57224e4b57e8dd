// The roster import dialog's arithmetic, kept pure: the plan name a file suggests, the columns
// the user set by hand, what the preview says about the file read. Tested in model.test.ts.
import type { ColumnField } from "../../generated/ColumnField";
import type { Field } from "../../generated/Field";
import type { Table } from "../../generated/Table";
import type { rosterDict } from "./dict";

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
