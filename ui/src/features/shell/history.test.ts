import { describe, expect, it } from "vitest";
import { editName, historyLabel } from "./history";
import type { History } from "../../generated/History";

const h = (over: Partial<History>): History => ({ undo: null, redo: null, undo_by: null, redo_by: null, ...over });

describe("undo and redo labels", () => {
  it("name the edit they act on", () => {
    expect(historyLabel("undo", h({ undo: "add_position" }), "zh")).toBe("撤销：添加岗位");
    expect(historyLabel("redo", h({ redo: "update_goal" }), "en")).toBe("Redo: edit a goal");
    expect(historyLabel("undo", h({}), "zh")).toBe("撤销");
    expect(historyLabel("redo", h({}), "en")).toBe("Redo");
  });

  it("say whose edit it is when another client made it", () => {
    expect(historyLabel("undo", h({ undo: "add_position", undo_by: "cli" }), "zh")).toBe("撤销命令行的修改：添加岗位");
    expect(historyLabel("undo", h({ undo: "add_position", undo_by: "cli" }), "en")).toBe("Undo the command line’s edit: add a position");
    expect(historyLabel("undo", h({ undo: "delete_position", undo_by: "app" }), "zh")).toBe("撤销另一个窗口的修改：删除岗位");
    expect(historyLabel("undo", h({ undo: "delete_position", undo_by: "app" }), "en")).toBe("Undo another window’s edit: delete a position");
    expect(historyLabel("redo", h({ redo: "assign", redo_by: "browser" }), "zh")).toBe("重做浏览器中的 OrgPlan 所做的修改：安排人员");
    expect(historyLabel("redo", h({ redo: "assign", redo_by: "browser" }), "en")).toBe("Redo the edit made in OrgPlan in a browser: assign a person");
    // Only the side that names another client says so.
    expect(historyLabel("redo", h({ undo: "add_position", undo_by: "cli", redo: "add_goal" }), "zh")).toBe("重做：添加经营目标");
  });

  it("fall back to a plain word for an edit it does not know", () => {
    expect(editName("something_new", "zh")).toBe("一项修改");
    expect(historyLabel("undo", h({ undo: "something_new", undo_by: "cli" }), "en")).toBe("Undo the command line’s edit: an edit");
  });
});
