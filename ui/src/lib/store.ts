// The one UI store. Plan data always comes from the backend: every edit is a command whose
// result (a PlanState) replaces what the store holds. Undo is the backend's journal; selection,
// viewport, collapsed branches, language and theme are UI state, never edits.
import { create } from "zustand";
import type { Backend } from "./backend";
import { BackendError, detectBackend } from "./backend";
import type { Commands, CommandName } from "../generated/commands";
import type { PlanState } from "../generated/PlanState";
import type { PlanSummary } from "../generated/PlanSummary";
import type { Role } from "../generated/Role";
import type { TemplateInfo } from "../generated/TemplateInfo";
import type { Lang } from "../generated/Lang";
import type { ErrorKind } from "../generated/ErrorKind";

export type View = "plans" | "chart" | "establishment" | "people";
export type Theme = "light" | "dark";

export interface Notice {
  id: number;
  tone: "error" | "info";
  kind?: ErrorKind;
  text: string;
}

export interface AppState {
  backend: Backend;
  lang: Lang;
  theme: Theme;
  view: View;
  /** Loading the first data, or a command in flight. */
  loading: boolean;
  plans: PlanSummary[];
  templates: TemplateInfo[];
  roles: Role[];
  /** The open plan. */
  current: PlanState | null;
  selected: string | null;
  collapsed: string[];
  search: string;
  notices: Notice[];

  init(): Promise<void>;
  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  setView(view: View): void;
  select(id: string | null): void;
  toggleCollapsed(id: string): void;
  setSearch(q: string): void;
  refreshPlans(): Promise<void>;
  openPlan(id: string): Promise<void>;
  /** Runs a command on the open plan; returns the new state, or null when refused. */
  edit<C extends EditCommand>(command: C, args: Omit<Commands[C]["args"], "plan">): Promise<PlanState | null>;
  /** Runs any command; a refusal becomes a notice and `null`. */
  run<C extends CommandName>(command: C, args: Commands[C]["args"]): Promise<Commands[C]["result"] | null>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  notify(tone: Notice["tone"], text: string, kind?: ErrorKind): void;
  dismiss(id: number): void;
}

/** Commands that take `plan` and return the plan's new state. */
export type EditCommand = {
  [C in CommandName]: Commands[C]["result"] extends PlanState
    ? Commands[C]["args"] extends { plan: string }
      ? C
      : never
    : never;
}[CommandName];

let noticeId = 0;

function stored<T extends string>(key: string, fallback: T, allowed: readonly T[]): T {
  try {
    const v = localStorage.getItem(key) as T | null;
    return v && allowed.includes(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

export const useApp = create<AppState>((set, get) => ({
  backend: detectBackend(),
  lang: stored<Lang>("orgplan.lang", "zh", ["zh", "en"]),
  theme: stored<Theme>("orgplan.theme", "light", ["light", "dark"]),
  view: "chart",
  loading: true,
  plans: [],
  templates: [],
  roles: [],
  current: null,
  selected: null,
  collapsed: [],
  search: "",
  notices: [],

  async init() {
    const { backend, lang } = get();
    backend.setLang(lang);
    set({ loading: true });
    const [plans, templates, roles] = await Promise.all([
      get().run("list_plans", {}),
      get().run("list_templates", {}),
      get().run("list_roles", {}),
    ]);
    set({ plans: plans ?? [], templates: templates ?? [], roles: roles ?? [] });
    const last = (() => {
      try {
        return localStorage.getItem("orgplan.plan");
      } catch {
        return null;
      }
    })();
    const open = plans?.find((p) => p.id === last) ?? plans?.[0];
    if (open) {
      await get().openPlan(open.id);
    } else {
      set({ view: "plans" });
    }
    set({ loading: false });
  },

  setLang(lang) {
    get().backend.setLang(lang);
    try {
      localStorage.setItem("orgplan.lang", lang);
    } catch {
      /* private mode */
    }
    set({ lang });
  },

  setTheme(theme) {
    try {
      localStorage.setItem("orgplan.theme", theme);
    } catch {
      /* private mode */
    }
    set({ theme });
  },

  setView(view) {
    set({ view });
  },

  select(id) {
    set({ selected: id });
  },

  toggleCollapsed(id) {
    const c = get().collapsed;
    set({ collapsed: c.includes(id) ? c.filter((x) => x !== id) : [...c, id] });
  },

  setSearch(q) {
    set({ search: q });
  },

  async refreshPlans() {
    const plans = await get().run("list_plans", {});
    if (plans) set({ plans });
  },

  async openPlan(id) {
    set({ loading: true });
    const state = await get().run("get_plan", { plan: id });
    if (state) {
      try {
        localStorage.setItem("orgplan.plan", id);
      } catch {
        /* private mode */
      }
      set({ current: state, selected: null, collapsed: [], view: get().view === "plans" ? "chart" : get().view });
    }
    set({ loading: false });
  },

  async edit(command, args) {
    const current = get().current;
    if (!current) return null;
    const full = { ...args, plan: current.doc.plan.id } as Commands[typeof command]["args"];
    const state = (await get().run(command, full)) as PlanState | null;
    if (state) {
      set({ current: state });
      if (state.created && state.doc.positions.some((p) => p.id === state.created)) {
        set({ selected: state.created });
      }
      void get().refreshPlans();
    }
    return state;
  },

  async run(command, args) {
    try {
      return await get().backend.call(command, args);
    } catch (e) {
      if (e instanceof BackendError) {
        get().notify("error", e.message, e.kind);
      } else {
        get().notify("error", String(e));
      }
      return null;
    }
  },

  async undo() {
    const current = get().current;
    if (!current?.history.undo) return;
    const state = await get().run("undo", { plan: current.doc.plan.id });
    if (state) set({ current: state });
  },

  async redo() {
    const current = get().current;
    if (!current?.history.redo) return;
    const state = await get().run("redo", { plan: current.doc.plan.id });
    if (state) set({ current: state });
  },

  notify(tone, text, kind) {
    const id = ++noticeId;
    set({ notices: [...get().notices, { id, tone, text, kind }] });
    setTimeout(() => get().dismiss(id), 6000);
  },

  dismiss(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
}));
