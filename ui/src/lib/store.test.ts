import { beforeEach, describe, expect, it, vi } from "vitest";
import { useApp } from "./store";
import { fakeBackend, pos, refuse, state } from "./testkit";

const initial = useApp.getState();

beforeEach(() => {
  localStorage.clear();
  useApp.setState({ ...initial, notices: [], current: null, selected: null, fatal: null, confirm: null, saving: 0, readOnly: false, plans: [] }, true);
});

describe("store", () => {
  it("opens the first plan on init and shows the plans view when there is none", async () => {
    const { backend } = fakeBackend({
      list_plans: () => [{ id: "plan-1" }],
      list_templates: () => [],
      list_roles: () => [],
      get_plan: () => state(["root"]),
    });
    useApp.setState({ backend });
    await useApp.getState().init();
    expect(useApp.getState().current?.doc.plan.id).toBe("plan-1");
    expect(useApp.getState().loading).toBe(false);

    const empty = fakeBackend({ list_plans: () => [], list_templates: () => [], list_roles: () => [] });
    useApp.setState({ backend: empty.backend, current: null, view: "chart" });
    await useApp.getState().init();
    expect(useApp.getState().view).toBe("plans");
  });

  it("edit() replaces the plan state and selects the position it created", async () => {
    const { backend, calls } = fakeBackend({ add_position: () => state(["root", "new"], "new", "add_position") });
    useApp.setState({ backend, current: state(["root"]), selected: "root" });
    const result = await useApp.getState().edit("add_position", { parent: "root", title: "新岗位" });
    expect(result?.created).toBe("new");
    expect(useApp.getState().current?.doc.positions.map((p) => p.id)).toEqual(["root", "new"]);
    expect(useApp.getState().selected).toBe("new");
    expect(calls[0]).toEqual({ command: "add_position", args: { parent: "root", title: "新岗位", plan: "plan-1", revision: 1 } });
    // One round trip: the plan list is read when it is shown, not after every edit.
    expect(calls.map((c) => c.command)).toEqual(["add_position"]);
    await useApp.getState().undo();
    expect(calls.some((c) => c.command === "list_plans")).toBe(false);
  });

  it("edit() sends the revision and what it replaces, as the previous edit left it", async () => {
    const { backend, calls } = fakeBackend({
      update_position: (args) => {
        // Each edit raises the revision: 2 after the first, 3 after the second.
        const next = state(["root"], null, "update_position", 1 + calls.filter((c) => c.command === "update_position").length);
        next.doc.positions[0].title = String(args.title);
        return next;
      },
    });
    useApp.setState({ backend, current: state(["root"]) });
    const first = useApp.getState().edit("update_position", { position: "root", title: "店长" });
    const second = useApp.getState().edit("update_position", { position: "root", title: "总经理" });
    await Promise.all([first, second]);
    const sent = calls.filter((c) => c.command === "update_position").map((c) => c.args);
    expect(sent[0]).toEqual({ plan: "plan-1", position: "root", title: "店长", revision: 1, was: { title: "root" } });
    expect(sent[1]).toEqual({ plan: "plan-1", position: "root", title: "总经理", revision: 2, was: { title: "店长" } });
  });

  it("a conflict says so, loads the plan as it now stands and keeps the selection", async () => {
    const theirs = state(["root", "a"], null, "update_position", 5);
    theirs.doc.positions[1].duties = ["命令行写的职责"];
    const { backend, calls } = fakeBackend({
      update_position: refuse("conflict", "「a」的职责已在别处修改，你的修改没有保存，已载入最新版本。"),
      get_plan: () => theirs,
    });
    useApp.setState({ backend, current: state(["root", "a"]), selected: "a" });
    const result = await useApp.getState().edit("update_position", { position: "a", duties: ["我写的职责"] });
    expect(result).toBeNull();
    expect(calls.map((c) => c.command)).toEqual(["update_position", "get_plan"]);
    expect(useApp.getState().current).toBe(theirs);
    expect(useApp.getState().selected).toBe("a");
    const [notice] = useApp.getState().notices;
    expect(notice).toMatchObject({ tone: "error", kind: "conflict" });
    expect(notice.text).toContain("已载入最新版本");
  });

  it("removing a collaboration sends the one seen at its index", async () => {
    const before = state(["root", "a"]);
    before.doc.positions[1].collaborations = [{ with: "root", about: "排班" }, { with: "root", about: "预算" }];
    const { backend, calls } = fakeBackend({ remove_collaboration: () => state(["root", "a"], null, null, 2) });
    useApp.setState({ backend, current: before });
    await useApp.getState().edit("remove_collaboration", { position: "a", index: 1 });
    expect(calls[0].args).toMatchObject({ index: 1, revision: 1, was: { with: "root", about: "预算" } });
  });

  it("a file that cannot be written shows the read-only state", async () => {
    const { backend } = fakeBackend({ add_position: refuse("read_only", "数据库文件不可写") });
    useApp.setState({ backend, current: state(["root"]) });
    await useApp.getState().edit("add_position", { parent: "root", title: "新岗位" });
    expect(useApp.getState().readOnly).toBe(true);
    expect(useApp.getState().fatal).toBeNull();
  });

  it("a damaged database stops the app with its own full-page state", async () => {
    const { backend } = fakeBackend({ list_plans: refuse("corrupt", "数据库文件已损坏"), list_templates: () => [], list_roles: () => [] });
    useApp.setState({ backend });
    await useApp.getState().init();
    expect(useApp.getState().fatal).toEqual({ kind: "corrupt", text: "数据库文件已损坏" });
  });

  it("renaming a plan from the list sends the name it showed", async () => {
    const { backend, calls } = fakeBackend({ update_plan: () => state(["root"], null, null, 4), list_plans: () => [] });
    useApp.setState({ backend, plans: [{ id: "plan-9", name: "旧名", revision: 3 } as never] });
    await useApp.getState().renamePlan("plan-9", "新名");
    expect(calls[0].args).toEqual({ plan: "plan-9", name: "新名", revision: 3, was: { name: "旧名" } });
  });

  it("a refused edit keeps the plan and becomes an error notice with its kind", async () => {
    const { backend } = fakeBackend({ move_position: refuse("cycle", "「店长」不能移到自己的下属之下（会形成循环）") });
    const before = state(["root", "a"]);
    useApp.setState({ backend, current: before });
    const result = await useApp.getState().edit("move_position", { position: "root", new_parent: "a" });
    expect(result).toBeNull();
    expect(useApp.getState().current).toBe(before);
    const [notice] = useApp.getState().notices;
    expect(notice).toMatchObject({ tone: "error", kind: "cycle" });
    expect(notice.text).toContain("循环");
    expect(useApp.getState().fatal).toBeNull();
  });

  it("a database from a newer version stops the app with a full-page error", async () => {
    const { backend } = fakeBackend({ list_plans: refuse("newer_database", "schema 9 is newer than 1"), list_templates: () => [], list_roles: () => [] });
    useApp.setState({ backend });
    await useApp.getState().init();
    expect(useApp.getState().fatal).toEqual({ kind: "newer_database", text: "schema 9 is newer than 1" });
  });

  it("drops the selection when undo removes the selected position", async () => {
    const { backend, calls } = fakeBackend({ undo: () => state(["root"]) });
    useApp.setState({ backend, current: state(["root", "new"], null, "add_position"), selected: "new" });
    await useApp.getState().undo();
    const undos = () => calls.filter((c) => c.command === "undo").length;
    expect(undos()).toBe(1);
    expect(useApp.getState().selected).toBeNull();
    // Nothing left to undo: no call at all.
    await useApp.getState().undo();
    expect(undos()).toBe(1);
  });

  it("runs edits one after another, so a slow reply never overwrites a newer one", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    const { backend } = fakeBackend({
      update_position: async (args) => {
        if (args.title === "first") await gate;
        order.push(String(args.title));
        return state(["root", String(args.title)]);
      },
    });
    useApp.setState({ backend, current: state(["root"]) });
    const first = useApp.getState().edit("update_position", { position: "root", title: "first" });
    const second = useApp.getState().edit("update_position", { position: "root", title: "second" });
    expect(useApp.getState().saving).toBe(2);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "second"]);
    expect(useApp.getState().current?.doc.positions[1].id).toBe("second");
    expect(useApp.getState().saving).toBe(0);
  });

  it("a redo pressed while an undo is on its way waits for it", async () => {
    const { backend, calls } = fakeBackend({
      undo: async () => ({ ...state(["root"]), history: { undo: null, redo: "add_position", undo_by: null, redo_by: null } }),
      redo: async () => state(["root", "new"], null, "add_position"),
    });
    useApp.setState({ backend, current: state(["root", "new"], null, "add_position") });
    const a = useApp.getState().undo();
    const b = useApp.getState().redo();
    await Promise.all([a, b]);
    expect(calls.filter((c) => c.command !== "list_plans").map((c) => c.command)).toEqual(["undo", "redo"]);
    expect(useApp.getState().current?.doc.positions).toHaveLength(2);
  });

  it("asks a question and resolves with the answer", async () => {
    const answer = useApp.getState().ask({ title: "删除？", confirmLabel: "删除", cancelLabel: "取消", danger: true });
    expect(useApp.getState().confirm?.title).toBe("删除？");
    useApp.getState().answer(true);
    await expect(answer).resolves.toBe(true);
    expect(useApp.getState().confirm).toBeNull();
  });

  it("reveal() selects, switches to the chart and opens collapsed branches above", () => {
    const s = state(["root", "mid"]);
    s.doc.positions.push(pos("leaf", "mid"));
    useApp.setState({ current: s, view: "people", collapsed: ["mid", "other"], side: "findings" });
    useApp.getState().reveal("leaf");
    const after = useApp.getState();
    expect(after).toMatchObject({ selected: "leaf", view: "chart", side: "inspector", collapsed: ["other"] });
  });

  it("importing a roster opens the plan made; a refusal is thrown for the dialog, not a notice", async () => {
    const made = state(["top"]);
    const result = (created: typeof made | null) => ({
      table: { format: "csv", encoding: "UTF-8", delimiter: ",", sheets: [], sheet: null, header_row: 1, headers: ["姓名"], rows: [] },
      rows: 1, mapping: { columns: [] }, problems: [], matched: [], unmatched: [], people: 1, positions: 1, created,
    });
    const { backend, calls } = fakeBackend({
      import_roster: (args) => result(args.dry_run ? null : made),
      list_plans: () => [{ id: "plan-1" }],
    });
    useApp.setState({ backend, view: "plans", search: "张" });
    const preview = await useApp.getState().importRoster({ file_name: "a.csv", base64: "", dry_run: true });
    expect(preview.created).toBeNull();
    expect(useApp.getState()).toMatchObject({ current: null, view: "plans" });
    await useApp.getState().importRoster({ file_name: "a.csv", base64: "" });
    expect(useApp.getState()).toMatchObject({ current: made, view: "chart", search: "" });
    expect(localStorage.getItem("orgplan.plan")).toBe("plan-1");
    expect(calls.map((c) => c.command)).toEqual(["import_roster", "import_roster", "list_plans"]);

    useApp.setState({ backend: fakeBackend({ import_roster: refuse("bad_file", "a.csv：文件中没有任何数据行") }).backend });
    await expect(useApp.getState().importRoster({ file_name: "a.csv", base64: "" })).rejects.toThrow("文件中没有任何数据行");
    expect(useApp.getState().notices).toHaveLength(0);
    expect(useApp.getState().fatal).toBeNull();
  });

  it("importing a roster into the open plan takes the state it left, as an edit does", async () => {
    const after = state(["top", "new"], null, "import_roster", 2);
    const result = (merged: typeof after | null) => ({
      table: { format: "csv", encoding: "UTF-8", delimiter: ",", sheets: [], sheet: null, header_row: 1, headers: ["姓名"], rows: [] },
      rows: 1, mapping: { columns: [] }, problems: [], matched: [], unmatched: [], people: 1, positions: 2, needs: [],
      changes: { joiners: [], leavers: [], leavers_kept: false, moves: [], updated: [], positions_added: ["new"], headcount_raised: [] },
      created: null, merged,
    });
    const { backend, calls } = fakeBackend({ import_roster: (args) => result(args.dry_run ? null : after) });
    useApp.setState({ backend, current: state(["top"]), selected: "top", view: "people" });
    const preview = await useApp.getState().importRoster({ file_name: "a.csv", base64: "", plan: "plan-1", dry_run: true });
    expect(preview.merged).toBeNull();
    expect(useApp.getState().current?.revision).toBe(1);
    await useApp.getState().importRoster({ file_name: "a.csv", base64: "", plan: "plan-1", revision: 1 });
    // The open plan is replaced in place: the view and the selection stay, undo undoes the import.
    expect(useApp.getState()).toMatchObject({ current: after, selected: "top", view: "people", saving: 0 });
    expect(useApp.getState().current?.history.undo).toBe("import_roster");
    expect(calls.map((c) => c.command)).toEqual(["import_roster", "import_roster"]);
    expect(calls[1].args).toEqual({ file_name: "a.csv", base64: "", plan: "plan-1", revision: 1 });
  });

  it("passes personal to exports only when asked", async () => {
    const { backend } = fakeBackend({});
    const plans: unknown[] = [];
    const docs: unknown[] = [];
    backend.exportPlanFile = async (args) => (plans.push(args), true);
    backend.exportDocument = async (args) => (docs.push(args), true);
    useApp.setState({ backend, current: state(["top"]) });
    await useApp.getState().exportPlanFile();
    await useApp.getState().exportPlanFile("plan-2", true);
    await useApp.getState().exportDocument("xlsx");
    await useApp.getState().exportDocument("xlsx", { personal: true });
    await useApp.getState().exportDocument("docx", { position: "top", personal: false });
    expect(plans).toEqual([{ plan: "plan-1" }, { plan: "plan-2", personal: true }]);
    expect(docs).toEqual([
      { plan: "plan-1", format: "xlsx" },
      { plan: "plan-1", format: "xlsx", personal: true },
      { plan: "plan-1", format: "docx", position: "top" },
    ]);
  });

  it("dismisses notices after a while", async () => {
    vi.useFakeTimers();
    useApp.getState().notify("info", "已导出");
    expect(useApp.getState().notices).toHaveLength(1);
    vi.advanceTimersByTime(10_000);
    expect(useApp.getState().notices).toHaveLength(0);
    vi.useRealTimers();
  });
});
