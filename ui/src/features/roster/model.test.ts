import { describe, expect, it } from "vitest";
import { translate } from "../../lib/i18n";
import type { Table } from "../../generated/Table";
import { rosterDict } from "./dict";
import { applyColumns, describeTable, fileStem, parseShare, setColumn } from "./model";

const zh = (key: keyof typeof rosterDict, vars?: Record<string, string | number>) => translate(rosterDict, "zh", key, vars);
const en = (key: keyof typeof rosterDict, vars?: Record<string, string | number>) => translate(rosterDict, "en", key, vars);

const table = (extra: Partial<Table>): Table => ({
  format: "csv", encoding: null, delimiter: null, sheets: [], sheet: null, header_row: 1, headers: [], rows: [], ...extra,
});

describe("roster import", () => {
  it("names the plan after the file", () => {
    expect(fileStem("花名册.xlsx")).toBe("花名册");
    expect(fileStem("2024.06 在职人员.csv")).toBe("2024.06 在职人员");
    expect(fileStem("roster")).toBe("roster");
    expect(fileStem(".csv")).toBe(".csv");
  });

  it("keeps the columns set by hand, the latest last", () => {
    let cols = setColumn([], "部门", null);
    cols = setColumn(cols, "职务", "title");
    cols = setColumn(cols, "部门", "department");
    expect(cols).toEqual([
      { column: "职务", field: "title" },
      { column: "部门", field: "department" },
    ]);
  });

  it("applies them as the backend does: a field given to a column is taken from any other", () => {
    const detected = [
      { column: "姓名", field: "name" as const },
      { column: "职位", field: "title" as const },
      { column: "岗位名称", field: null },
    ];
    const moved = applyColumns(detected, [{ column: "岗位名称", field: "title" }]);
    expect(moved.map((c) => c.field)).toEqual(["name", null, "title"]);
    // Applied again to the mapping it made, nothing changes.
    expect(applyColumns(moved, [{ column: "岗位名称", field: "title" }])).toEqual(moved);
    expect(applyColumns(detected, [{ column: "姓名", field: null }]).map((c) => c.field)).toEqual([null, "title", null]);
    // A column the file does not have is passed over; the input is left as it was.
    expect(applyColumns(detected, [{ column: "手机", field: "phone" }])).toEqual(detected);
    expect(detected[1].field).toBe("title");
  });

  it("reads the part-time share as a whole percent from 1 to 100", () => {
    expect(parseShare("50")).toBe(50);
    expect(parseShare(" 100 ")).toBe(100);
    for (const bad of ["0", "101", "", "12.5", "-5", "五十"]) expect(parseShare(bad)).toBeNull();
  });

  it("says what was read", () => {
    const book = table({ format: "workbook", sheets: ["说明", "在职人员"], sheet: "在职人员", header_row: 3 });
    expect(describeTable(book, 62, zh)).toEqual(["工作簿", "工作表「在职人员」", "表头在第 3 行", "共 62 行"]);
    expect(describeTable(book, 1, en)).toEqual(["Workbook", "sheet “在职人员”", "header on row 3", "1 row"]);
    const csv = table({ encoding: "GB18030", delimiter: "\t" });
    expect(describeTable(csv, 2, zh)).toEqual(["CSV 文本", "编码 GB18030", "制表符分隔", "表头在第 1 行", "共 2 行"]);
    expect(describeTable(table({ delimiter: "|" }), 2, zh)[1]).toBe("以「|」分隔");
    expect(describeTable(table({ format: "json", header_row: 0 }), 5, zh)).toEqual(["JSON", "列名取自 JSON 的键", "共 5 行"]);
  });
});
