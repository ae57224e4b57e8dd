import { beforeEach, describe, expect, it, vi } from "vitest";
import { useApp } from "./store";
import { BackendError, type Backend } from "./backend";
import type { CommandName } from "../generated/commands";
import type { PlanState } from "../generated/PlanState";
import type { Position } from "../generated/Position";
import type { ErrorKind } from "../generated/ErrorKind";

function pos(id: string, parent: string | null): Position {
  return {
    id, parent, title: id, title_en: "", department: null, headcount: 1, grade: "", purpose: "",
    duties: [], requirements: [], dotted: [], collaborations: [], escalations: [], functions: [],
    pay_band: null, notes: "", kpis: [], lineage: null,
  };
}

function state(ids: string[], created: string | null = null, undo: string | null = null): PlanState {
  return {
    doc: {
      plan: { id: "plan-1", name: "测试方案", company: "", target_size: 3, stage: "growth", goal_notes: "", template: null, logo: null, scenario_of: null, created_at: "", updated_at: "" },
      departments: [],
      positions: ids.map((id, i) => pos(id, i === 0 ? null : ids[0])),
      people: [],
      goals: [],
    },
    findings: [],
    figures: {
      people: 0, persons: 0, multi_seat: 0, overloaded: 0, positions: 0, headcount: 0, seats_fte: 0, filled_fte: 0, vacancies_fte: 0,
      payroll_monthly: { min: 0, max: 0 }, payroll_yearly: { min: 0, max: 0 }, payroll_filled: { min: 0, max: 0 }, payroll_vacancies: { min: 0, max: 0 },
      unpriced: 0, departments: [], by_position: [], by_person: [],
    },
    history: { undo, redo: null },
    created,
  };
}

type Handler = (args: Record<string, unknown>) => unknown;

/** A backend answering from a table of handlers; a handler may throw a BackendError. */
function fakeBackend(handlers: Partial<Record<CommandName, Handler>>) {
  const calls: { command: CommandName; args: Record<string, unknown> }[] = [];
  const backend: Backend = {
    async call(command, args) {
      calls.push({ command, args: args as Record<string, unknown> });
      const h = handlers[command];
      if (!h) throw new BackendError({ kind: "unknown_command", message: command });
      return (await h(args as Record<string, unknown>)) as never;
    },
    importPlanFile: async () => null,
    exportPlanFile: async () => true,
    exportDocument: async () => true,
    exportComparison: async () => true,
    setLang: () => {},
  };
  return { backend, calls };
}

function refuse(kind: ErrorKind, message: string): Handler {
  return () => {
    throw new BackendError({ kind, message });
  };
}

const initial = useApp.getState();

beforeEach(() => {
  localStorage.clear();
  useApp.setState({ ...initial, notices: [], current: null, selected: null, fatal: null, confirm: null, saving: 0 }, true);
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
    expect(calls[0]).toEqual({ command: "add_position", args: { parent: "root", title: "新岗位", plan: "plan-1" } });
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
      undo: async () => ({ ...state(["root"]), history: { undo: null, redo: "add_position" } }),
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

  it("dismisses notices after a while", async () => {
    vi.useFakeTimers();
    useApp.getState().notify("info", "已导出");
    expect(useApp.getState().notices).toHaveLength(1);
    vi.advanceTimersByTime(10_000);
    expect(useApp.getState().notices).toHaveLength(0);
    vi.useRealTimers();
  });
});
