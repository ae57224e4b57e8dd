import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useApp } from "./store";
import { startWatch } from "./watch";
import { fakeBackend, refuse, state, type Handler } from "./testkit";
import type { Watch } from "../generated/Watch";

const initial = useApp.getState();
let stop: (() => void) | null = null;

/** A backend whose `watch` answers `look()`; the other commands as given. */
function watching(look: () => Partial<Watch>, handlers: Parameters<typeof fakeBackend>[0] = {}) {
  const watch: Handler = () => ({ revision: 1, plans: "t1", read_only: false, damaged: null, ...look() });
  const fake = fakeBackend({ watch, list_plans: () => [], ...handlers });
  useApp.setState({ backend: fake.backend });
  const count = (command: string) => fake.calls.filter((c) => c.command === command).length;
  return { ...fake, count };
}

/** Starts the poller and lets its first look finish. */
async function start() {
  stop = startWatch(2000);
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  useApp.setState(
    { ...initial, notices: [], current: state(["root", "a"]), selected: "a", collapsed: ["root"], view: "people", fatal: null, saving: 0, loading: false, readOnly: false },
    true,
  );
});

afterEach(() => {
  stop?.();
  stop = null;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("watch", () => {
  it("loads the plan again when its revision moved, keeping what the user looks at", async () => {
    let revision = 1;
    const theirs = state(["root", "a", "b"], null, "add_position", 2);
    const { count } = watching(() => ({ revision }), { get_plan: () => theirs });
    await start();
    expect(count("watch")).toBe(1);
    expect(count("get_plan")).toBe(0);

    revision = 2;
    await vi.advanceTimersByTimeAsync(2000);
    expect(count("get_plan")).toBe(1);
    const s = useApp.getState();
    expect(s.current).toBe(theirs);
    expect(s).toMatchObject({ selected: "a", collapsed: ["root"], view: "people" });

    // Seen now: no second load.
    await vi.advanceTimersByTimeAsync(2000);
    expect(count("watch")).toBe(3);
    expect(count("get_plan")).toBe(1);
  });

  it("does not load a plan changed elsewhere under the hands of a user typing into it", async () => {
    let revision = 1;
    const { count } = watching(() => ({ revision }), { get_plan: () => state(["root", "a"], null, null, 2) });
    await start();
    const field = document.createElement("textarea");
    document.body.append(field);
    field.focus();
    revision = 2;
    await vi.advanceTimersByTimeAsync(4000);
    expect(count("get_plan")).toBe(0);
    // A search box is not the plan: typing there does not hold changes back.
    const search = document.createElement("input");
    search.type = "search";
    document.body.append(search);
    search.focus();
    await vi.advanceTimersByTimeAsync(2000);
    expect(count("get_plan")).toBe(1);
    field.remove();
    search.remove();
  });

  it("refreshes the plan list when its token changes and the list is shown, and only then", async () => {
    let plans = "t1";
    const { count } = watching(() => ({ plans }));
    await start();
    const first = count("list_plans");
    await vi.advanceTimersByTimeAsync(4000);
    expect(count("list_plans")).toBe(first);
    // Another view: the list is not shown, so a change is not fetched.
    plans = "t2";
    await vi.advanceTimersByTimeAsync(2000);
    expect(count("list_plans")).toBe(first);
    useApp.setState({ view: "plans" });
    plans = "t3";
    await vi.advanceTimersByTimeAsync(2000);
    expect(count("list_plans")).toBe(first + 1);
  });

  it("says so and goes to the plan list when the plan was deleted elsewhere", async () => {
    const { count } = watching(() => ({ revision: null }));
    await start();
    const s = useApp.getState();
    expect(s.current).toBeNull();
    expect(s.view).toBe("plans");
    expect(s.notices.at(-1)).toMatchObject({ tone: "info" });
    expect(s.notices.at(-1)?.text).toContain("测试方案");
    expect(count("list_plans")).toBeGreaterThan(0);
  });

  it("does not look while an edit is on its way", async () => {
    useApp.setState({ saving: 1 });
    const { count } = watching(() => ({ revision: 7 }), { get_plan: () => state(["root"], null, null, 7) });
    await start();
    await vi.advanceTimersByTimeAsync(4000);
    expect(count("watch")).toBe(0);
    useApp.setState({ saving: 0 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(count("get_plan")).toBe(1);
  });

  it("looks only while the page is visible, and at once when it comes back", async () => {
    let visibility: DocumentVisibilityState = "hidden";
    vi.spyOn(document, "visibilityState", "get").mockImplementation(() => visibility);
    const { count } = watching(() => ({}));
    await start();
    await vi.advanceTimersByTimeAsync(6000);
    expect(count("watch")).toBe(0);
    visibility = "visible";
    document.dispatchEvent(new Event("visibilitychange"));
    await vi.advanceTimersByTimeAsync(0);
    expect(count("watch")).toBe(1);
    window.dispatchEvent(new Event("focus"));
    await vi.advanceTimersByTimeAsync(0);
    expect(count("watch")).toBe(2);
  });

  it("shows the read-only state while the file cannot be written", async () => {
    let readOnly = true;
    watching(() => ({ read_only: readOnly }));
    await start();
    expect(useApp.getState().readOnly).toBe(true);
    readOnly = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(useApp.getState().readOnly).toBe(false);
  });

  it("shows a damaged file, and starts again once it was repaired elsewhere", async () => {
    let damaged: string | null = "数据库文件已损坏";
    const { count } = watching(() => ({ damaged }), {
      list_plans: () => [{ id: "plan-1" }],
      list_templates: () => [],
      list_roles: () => [],
      get_plan: () => state(["root"]),
    });
    await start();
    expect(useApp.getState().fatal).toEqual({ kind: "corrupt", text: "数据库文件已损坏" });
    damaged = null;
    await vi.advanceTimersByTimeAsync(2000);
    expect(useApp.getState().fatal).toBeNull();
    expect(count("get_plan")).toBe(1);
  });

  it("stays quiet when the backend cannot be reached for a moment", async () => {
    watching(() => ({}), { watch: refuse("io", "connection refused") });
    await start();
    expect(useApp.getState().notices).toHaveLength(0);
    expect(useApp.getState().fatal).toBeNull();
  });

  it("stops when asked", async () => {
    const { count } = watching(() => ({}));
    await start();
    stop?.();
    stop = null;
    await vi.advanceTimersByTimeAsync(6000);
    window.dispatchEvent(new Event("focus"));
    expect(count("watch")).toBe(1);
  });
});
