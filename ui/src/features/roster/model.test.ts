import { describe, expect, it } from "vitest";
import { translate } from "../../lib/i18n";
import type { Table } from "../../generated/Table";
import { rosterDict } from "./dict";
import type { RosterChanges } from "../../generated/RosterChanges";
import { applyColumns, changeCount, describeTable, fileStem, FRESH, needsNotice, parseShare, restart, rosterArgs, setColumn, target, titles } from "./model";

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

describe("roster import into a plan", () => {
  const file = { file_name: "三月花名册.csv", base64: "YQ==" };
  const open = { plan: "plan-1", selected: "p-cs" };

  it("reads for a new plan unless asked to bring the roster into the open one", () => {
    expect(rosterArgs(file, FRESH, open)).toEqual({ file_name: "三月花名册.csv", base64: "YQ==" });
    const r = { ...FRESH, sheet: "在职", columns: [{ column: "手机", field: null }], skip: true, personal: true };
    expect(rosterArgs(file, r, open)).toEqual({
      file_name: "三月花名册.csv", base64: "YQ==", sheet: "在职", columns: [{ column: "手机", field: null }], skip_bad: true, personal: true,
    });
  });

  it("as this month's roster, or below the selected position", () => {
    const into = { ...FRESH, into: true };
    expect(rosterArgs(file, into, open)).toMatchObject({ plan: "plan-1" });
    expect(rosterArgs(file, into, open)).not.toHaveProperty("under");
    expect(rosterArgs(file, { ...into, keep: true }, open)).toMatchObject({ plan: "plan-1", keep_leavers: true });
    // Below a position there are no leavers to keep.
    expect(rosterArgs(file, { ...into, under: true, keep: true }, open)).toEqual({ file_name: "三月花名册.csv", base64: "YQ==", plan: "plan-1", under: "p-cs" });
    // No position selected: the roster updates the team; no plan open: a new plan.
    expect(target({ ...into, under: true }, { plan: "plan-1", selected: null })).toEqual({ plan: "plan-1" });
    expect(target(into, null)).toBeNull();
    expect(rosterArgs(file, into, null)).toEqual({ file_name: "三月花名册.csv", base64: "YQ==" });
  });

  it("starts the columns over for another sheet, keeping where the roster goes", () => {
    const r = { ...FRESH, sheet: "a", columns: [{ column: "x", field: null }], skip: true, personal: true, into: true, keep: true };
    expect(restart(r, "b")).toEqual({ ...FRESH, sheet: "b", personal: true, into: true, keep: true });
    expect(restart(r).sheet).toBeUndefined();
  });

  it("counts the changes; kept leavers change nothing", () => {
    const none: RosterChanges = { joiners: [], leavers: [], leavers_kept: false, moves: [], updated: [], positions_added: [], headcount_raised: [] };
    expect(changeCount(none)).toBe(0);
    const some: RosterChanges = {
      ...none,
      joiners: [{ name: "钱多多", titles: ["短视频剪辑"] }],
      leavers: [{ name: "廖强", titles: ["短视频剪辑"] }],
      moves: [{ name: "吴伟", from: ["售前客服"], to: ["售后客服"] }],
      headcount_raised: ["售后客服"],
    };
    expect(changeCount(some)).toBe(4);
    expect(changeCount({ ...some, leavers_kept: true })).toBe(3);
    expect(changeCount({ ...none, leavers: some.leavers, leavers_kept: true })).toBe(0);
  });

  it("writes titles and the fields to map", () => {
    expect(titles(["售前客服", "售后客服"])).toBe("售前客服、售后客服");
    expect(titles([])).toBe("—");
    expect(needsNotice([], zh)).toBe("");
    expect(needsNotice(["name"], zh)).toBe("请在下方为「姓名」选择一列");
    expect(needsNotice(["name", "title"], zh)).toBe("请在下方为「姓名」「职位」选择一列");
    expect(needsNotice(["name"], en)).toBe("Choose a column below for “Name”");
  });
});
