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
import type { DocFormat } from "../generated/DocFormat";
import type { PaperSize } from "../generated/PaperSize";
import type { ComparisonDocFormat } from "../generated/ComparisonDocFormat";
import type { StoreInfo } from "../generated/StoreInfo";
import type { ImportRosterArgs } from "../generated/ImportRosterArgs";
import type { RosterImport } from "../generated/RosterImport";
import { withWas } from "./cas";

export type View = "plans" | "chart" | "establishment" | "people" | "cascade" | "compare";
export type Theme = "light" | "dark";
/** What the right-hand column shows. */
export type SidePanel = "inspector" | "findings";

export interface Notice {
  id: number;
  tone: "error" | "info";
  kind?: ErrorKind;
  text: string;
}

/** A failure that leaves nothing to work with: shown as a full page instead of the editor. */
export interface Fatal {
  kind?: ErrorKind;
  text: string;
}

/** A question put to the user in a modal dialog (see `ask`). */
export interface ConfirmRequest {
  id: number;
  title: string;
  message?: string;
  confirmLabel: string;
  /** Without one, the dialog only informs: one button. */
  cancelLabel?: string;
  danger?: boolean;
}

/** Kinds after which the app cannot go on: the database is unusable. */
export const FATAL_KINDS: readonly ErrorKind[] = ["newer_database", "database", "corrupt"];

export interface AppState {
  backend: Backend;
  lang: Lang;
  theme: Theme;
  view: View;
  /** Loading the first data, or a plan being opened. */
  loading: boolean;
  /** Edits in flight (for the save-state hint). */
  saving: number;
  plans: PlanSummary[];
  templates: TemplateInfo[];
  roles: Role[];
  /** The open plan. */
  current: PlanState | null;
  selected: string | null;
  collapsed: string[];
  search: string;
  notices: Notice[];
  /** Set when the database cannot be used, or the first load failed. */
  fatal: Fatal | null;
  /** The database file cannot be written: plans can be read, not changed. */
  readOnly: boolean;
  side: SidePanel;
  sideOpen: boolean;
  confirm: ConfirmRequest | null;
  /** The plans the compare view shows (A before, B after); null until the user picks. */
  comparing: { a: string; b: string } | null;
  /** The position whose job description the preview dialog shows; null when it is closed. */
  preview: string | null;

  init(): Promise<void>;
  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  setView(view: View): void;
  select(id: string | null): void;
  toggleCollapsed(id: string): void;
  setSearch(q: string): void;
  setSide(side: SidePanel, open?: boolean): void;
  toggleSide(): void;
  /** Selects a position, shows it on the chart and in the inspector. */
  reveal(id: string): void;
  refreshPlans(): Promise<void>;
  openPlan(id: string): Promise<void>;
  /** Loads the open plan again (changed elsewhere), keeping selection, folds and views. */
  reloadPlan(): Promise<PlanState | null>;
  /** Leaves the open plan for the plan list (it is gone). */
  closePlan(): void;
  setReadOnly(readOnly: boolean): void;
  /** The database file and its daily backups; null when refused (notified). */
  storeInfo(): Promise<StoreInfo | null>;
  /** Puts a daily backup in place of the damaged database, then loads everything again. */
  restoreBackup(name: string): Promise<boolean>;
  createPlan(args: Commands["create_plan"]["args"]): Promise<PlanState | null>;
  /** Copies a plan; `scenario` makes the copy a scenario of it (方案的备选方案). */
  duplicatePlan(id: string, name?: string, scenario?: boolean): Promise<PlanState | null>;
  /** Shows the compare view for plans `a` (before) and `b` (after). */
  openCompare(a: string, b: string): Promise<void>;
  renamePlan(id: string, name: string): Promise<PlanState | null>;
  deletePlan(id: string): Promise<boolean>;
  importPlanFile(): Promise<PlanState | null>;
  /** Reads a roster file (花名册) and, unless `dry_run`, makes a plan of it and opens it, or
   * with `plan` brings it into that plan: the open plan then takes the state it left (`merged`),
   * like an edit, so undo takes it back. A refusal is thrown (a BackendError) for the import
   * dialog to show; an unusable database still stops the app. */
  importRoster(args: ImportRosterArgs): Promise<RosterImport>;
  /** Saves a plan file (the open plan unless `id`); `personal` keeps people's 手机 and 邮箱. */
  exportPlanFile(id?: string, personal?: boolean): Promise<boolean>;
  /** Exports a document of the open plan and saves it; false when cancelled or refused.
   * `personal` includes people's 手机 and 邮箱 (the 花名册 sheet). */
  exportDocument(format: DocFormat, opts?: { position?: string; paper?: PaperSize; personal?: boolean; names?: boolean }): Promise<boolean>;
  /** Saves the comparison of plans `a` and `b`; `false` when cancelled or refused (refusals
   * are notified). */
  exportComparison(a: string, b: string, format: ComparisonDocFormat, paper?: PaperSize): Promise<boolean>;
  /** Opens (a position id) or closes (null) the job-description preview. */
  setPreview(position: string | null): void;
  /** Runs a command on the open plan; returns the new state, or null when refused. */
  edit<C extends EditCommand>(command: C, args: Omit<Commands[C]["args"], "plan">): Promise<PlanState | null>;
  /** Runs any command; a refusal becomes a notice and `null`. */
  run<C extends CommandName>(command: C, args: Commands[C]["args"]): Promise<Commands[C]["result"] | null>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  notify(tone: Notice["tone"], text: string, kind?: ErrorKind): void;
  dismiss(id: number): void;
  /** Asks a yes/no question in a modal dialog. */
  ask(q: Omit<ConfirmRequest, "id">): Promise<boolean>;
  answer(yes: boolean): void;
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
let confirmId = 0;
let confirmResolve: ((yes: boolean) => void) | null = null;
/** Edits run one after another so a slower reply never overwrites a newer state. */
let queue: Promise<unknown> = Promise.resolve();

function serial<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

function stored<T extends string>(key: string, fallback: T, allowed: readonly T[]): T {
  try {
    const v = localStorage.getItem(key) as T | null;
    return v && allowed.includes(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

function remember(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* private mode */
  }
}

export const useApp = create<AppState>((set, get) => {
  /** Saves a file through the backend: `false` when the user cancels or the backend refuses
   * (a refusal is notified). */
  async function saveFile(save: () => Promise<boolean>): Promise<boolean> {
    try {
      return await save();
    } catch (e) {
      if (e instanceof BackendError) get().notify("error", e.message, e.kind);
      else get().notify("error", String(e));
      return false;
    }
  }

  /** Takes a plan state from the backend; drops a selection that no longer exists. */
  function adopt(state: PlanState) {
    const { selected } = get();
    const keep = selected && state.doc.positions.some((p) => p.id === selected) ? selected : null;
    set({ current: state, selected: keep });
  }

  /** Opens a plan the backend has just made (created, imported) and reads the list again. */
  async function openMade(state: PlanState) {
    remember("orgplan.plan", state.doc.plan.id);
    set({ current: state, selected: null, collapsed: [], search: "", view: "chart" });
    await get().refreshPlans();
  }

  /** A refused command: a notice, or the full-page state when the database is unusable. */
  function refused(e: unknown) {
    if (e instanceof BackendError) {
      // A fatal error replaces the whole window (role="alert" there); no toast besides.
      if (FATAL_KINDS.includes(e.kind)) set({ fatal: { kind: e.kind, text: e.message } });
      else get().notify("error", e.message, e.kind);
      if (e.kind === "read_only") set({ readOnly: true });
    } else {
      get().notify("error", e instanceof Error ? e.message : String(e));
    }
  }

  /** Runs an edit of `plan` inside its queue job. A conflict (what it changes was changed
   * elsewhere meanwhile) loads the plan as it now stands, as the refusal says. */
  async function commit<C extends CommandName>(command: C, args: Commands[C]["args"], plan: string): Promise<PlanState | null> {
    try {
      return (await get().backend.call(command, args)) as PlanState;
    } catch (e) {
      refused(e);
      if (e instanceof BackendError && e.kind === "conflict") {
        const state = await get().run("get_plan", { plan });
        if (state && get().current?.doc.plan.id === plan) adopt(state);
      }
      return null;
    }
  }

  /** Undo or redo, decided when its turn in the queue comes: a redo pressed right after an
   * undo sees the redo that undo makes possible. */
  async function step(which: "undo" | "redo") {
    set({ saving: get().saving + 1 });
    try {
      await serial(async () => {
        const current = get().current;
        if (!current?.history[which]) return null;
        const plan = current.doc.plan.id;
        const next = await commit(which, { plan, revision: current.revision }, plan);
        if (next && get().current?.doc.plan.id === plan) adopt(next);
        return next;
      });
    } finally {
      set({ saving: get().saving - 1 });
    }
  }

  return {
    backend: detectBackend(),
    lang: stored<Lang>("orgplan.lang", "zh", ["zh", "en"]),
    theme: stored<Theme>("orgplan.theme", "light", ["light", "dark"]),
    view: "chart",
    loading: true,
    saving: 0,
    plans: [],
    templates: [],
    roles: [],
    current: null,
    selected: null,
    collapsed: [],
    search: "",
    notices: [],
    fatal: null,
    readOnly: false,
    side: "inspector",
    sideOpen: stored<"open" | "closed">("orgplan.side", "open", ["open", "closed"]) === "open",
    confirm: null,
    comparing: null,
    preview: null,

    async init() {
      const { backend, lang } = get();
      backend.setLang(lang);
      set({ loading: true, fatal: null });
      const [plans, templates, roles] = await Promise.all([
        get().run("list_plans", {}),
        get().run("list_templates", {}),
        get().run("list_roles", {}),
      ]);
      if (plans === null) {
        // Nothing to show: a full-page error with the last refusal (or a generic text).
        const last = get().notices.at(-1);
        if (!get().fatal) set({ fatal: { kind: last?.kind, text: last?.text ?? "" } });
        set({ loading: false });
        return;
      }
      set({ plans, templates: templates ?? [], roles: roles ?? [] });
      let last: string | null = null;
      try {
        last = localStorage.getItem("orgplan.plan");
      } catch {
        /* private mode */
      }
      const open = plans.find((p) => p.id === last) ?? plans[0];
      if (open) {
        await get().openPlan(open.id);
      } else {
        set({ view: "plans" });
      }
      set({ loading: false });
    },

    setLang(lang) {
      get().backend.setLang(lang);
      remember("orgplan.lang", lang);
      set({ lang });
    },

    setTheme(theme) {
      remember("orgplan.theme", theme);
      set({ theme });
    },

    setView(view) {
      set({ view });
      // The list's figures change with edits, which do not reload it: it is read when shown.
      if (view === "plans") void get().refreshPlans();
    },

    select(id) {
      set(id ? { selected: id, side: "inspector" } : { selected: null });
    },

    toggleCollapsed(id) {
      const c = get().collapsed;
      set({ collapsed: c.includes(id) ? c.filter((x) => x !== id) : [...c, id] });
    },

    setSearch(q) {
      set({ search: q });
    },

    setSide(side, open = true) {
      remember("orgplan.side", open ? "open" : "closed");
      set({ side, sideOpen: open });
    },

    toggleSide() {
      const open = !get().sideOpen;
      remember("orgplan.side", open ? "open" : "closed");
      set({ sideOpen: open });
    },

    reveal(id) {
      const { current, collapsed } = get();
      // Open every collapsed branch above the position so the chart can show it.
      let hidden = collapsed;
      if (current) {
        const parents = new Map(current.doc.positions.map((p) => [p.id, p.parent]));
        let at = parents.get(id) ?? null;
        const seen = new Set<string>();
        while (at && !seen.has(at)) {
          seen.add(at);
          hidden = hidden.filter((c) => c !== at);
          at = parents.get(at) ?? null;
        }
      }
      set({ selected: id, view: "chart", side: "inspector", collapsed: hidden });
    },

    async refreshPlans() {
      const plans = await get().run("list_plans", {});
      if (plans) set({ plans });
    },

    reloadPlan() {
      return serial(async () => {
        const plan = get().current?.doc.plan.id;
        if (!plan) return null;
        let state: PlanState;
        try {
          state = await get().backend.call("get_plan", { plan });
        } catch (e) {
          // Gone or unreachable: the next look (see watch.ts) says which. A damaged file
          // stops the app as anywhere else.
          if (e instanceof BackendError && FATAL_KINDS.includes(e.kind)) refused(e);
          return null;
        }
        if (get().current?.doc.plan.id !== plan) return null;
        adopt(state);
        return state;
      });
    },

    closePlan() {
      remember("orgplan.plan", null);
      set({ current: null, selected: null, preview: null, view: "plans" });
      void get().refreshPlans();
    },

    setReadOnly(readOnly) {
      if (get().readOnly !== readOnly) set({ readOnly });
    },

    async storeInfo() {
      const info = await get().run("store_info", {});
      if (info) get().setReadOnly(info.read_only);
      return info;
    },

    async restoreBackup(name) {
      const info = await get().run("restore_backup", { name });
      if (!info) return false;
      await get().init();
      return true;
    },

    async openPlan(id) {
      set({ loading: true });
      const state = await get().run("get_plan", { plan: id });
      if (state) {
        remember("orgplan.plan", id);
        set({
          current: state,
          selected: null,
          collapsed: [],
          search: "",
          view: get().view === "plans" ? "chart" : get().view,
        });
      }
      set({ loading: false });
    },

    async createPlan(args) {
      const state = await get().run("create_plan", args);
      if (state) await openMade(state);
      return state;
    },

    async duplicatePlan(id, name, scenario) {
      const state = await get().run("duplicate_plan", { plan: id, ...(name ? { name } : {}), ...(scenario ? { scenario } : {}) });
      if (state) await get().refreshPlans();
      return state;
    },

    async openCompare(a, b) {
      set({ comparing: { a, b } });
      // The views live beside an open plan: open B when none is.
      if (!get().current) await get().openPlan(b);
      set({ view: "compare" });
    },

    async renamePlan(id, name) {
      // What the user saw: the open plan, or its row in the plan list.
      const open = get().current?.doc.plan.id === id ? get().current : null;
      const row = get().plans.find((p) => p.id === id);
      const seen = open ? { revision: open.revision, was: { name: open.doc.plan.name } } : row ? { revision: row.revision, was: { name: row.name } } : {};
      const state = await serial(() => commit("update_plan", { plan: id, name, ...seen }, id));
      if (!state) await get().refreshPlans();
      if (state) {
        if (get().current?.doc.plan.id === id) adopt(state);
        await get().refreshPlans();
      }
      return state;
    },

    async deletePlan(id) {
      const res = await get().run("delete_plan", { plan: id });
      if (!res) return false;
      if (get().current?.doc.plan.id === id) {
        remember("orgplan.plan", null);
        set({ current: null, selected: null, view: "plans" });
      }
      await get().refreshPlans();
      return true;
    },

    async importPlanFile() {
      const { backend, lang } = get();
      let state: PlanState | null = null;
      try {
        state = await backend.importPlanFile(lang);
      } catch (e) {
        if (e instanceof BackendError) get().notify("error", e.message, e.kind);
        else get().notify("error", String(e));
        return null;
      }
      if (state) await openMade(state);
      return state;
    },

    async importRoster(args) {
      const call = async () => {
        try {
          return await get().backend.call("import_roster", args);
        } catch (e) {
          if (e instanceof BackendError) {
            if (FATAL_KINDS.includes(e.kind)) refused(e);
            if (e.kind === "read_only") set({ readOnly: true });
          }
          throw e;
        }
      };
      // Bringing a roster into a plan is an edit of it: it waits its turn behind the edits
      // in flight, and its result replaces the open plan's state as theirs do.
      const into = args.plan !== undefined && !args.dry_run;
      let out: RosterImport;
      if (into) {
        set({ saving: get().saving + 1 });
        try {
          out = await serial(call);
        } finally {
          set({ saving: get().saving - 1 });
        }
      } else {
        out = await call();
      }
      if (out.created) await openMade(out.created);
      if (out.merged && get().current?.doc.plan.id === out.merged.doc.plan.id) adopt(out.merged);
      return out;
    },

    async exportPlanFile(id, personal) {
      const { backend, lang, current } = get();
      const plan = id ?? current?.doc.plan.id;
      if (!plan) return false;
      return saveFile(() => backend.exportPlanFile({ plan, ...(personal ? { personal: true } : {}) }, lang));
    },

    async exportDocument(format, opts = {}) {
      const { backend, lang, current } = get();
      if (!current) return false;
      const { personal, names, ...rest } = opts;
      return saveFile(() =>
        backend.exportDocument(
          { plan: current.doc.plan.id, format, ...rest, ...(personal ? { personal: true } : {}), ...(names ? { names: true } : {}) },
          lang,
        ),
      );
    },

    async exportComparison(a, b, format, paper) {
      const { backend, lang } = get();
      return saveFile(() => backend.exportComparison({ a, b, format, paper }, lang));
    },

    setPreview(position) {
      set({ preview: position });
    },

    async edit(command, args) {
      const current = get().current;
      if (!current) return null;
      const plan = current.doc.plan.id;
      set({ saving: get().saving + 1 });
      try {
        const state = await serial(async () => {
          // Decided when its turn comes, from the state the previous edit left: the revision
          // and the values this edit replaces, so an edit made elsewhere meanwhile is not
          // overwritten unseen.
          const held = get().current;
          const full = held?.doc.plan.id === plan ? withWas(command, { ...args, plan, revision: held.revision }, held.doc) : { ...args, plan };
          return commit(command, full as Commands[typeof command]["args"], plan);
        });
        if (state && get().current?.doc.plan.id === plan) {
          adopt(state);
          if (state.created && state.doc.positions.some((p) => p.id === state.created)) {
            set({ selected: state.created, side: "inspector" });
          }
        }
        return state;
      } finally {
        set({ saving: get().saving - 1 });
      }
    },

    async run(command, args) {
      try {
        return await get().backend.call(command, args);
      } catch (e) {
        refused(e);
        return null;
      }
    },

    undo() {
      return step("undo");
    },

    redo() {
      return step("redo");
    },

    notify(tone, text, kind) {
      const id = ++noticeId;
      set({ notices: [...get().notices, { id, tone, text, kind }].slice(-4) });
      setTimeout(() => get().dismiss(id), tone === "error" ? 8000 : 4000);
    },

    dismiss(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },

    ask(q) {
      // A question still open is answered "no" before the new one replaces it.
      confirmResolve?.(false);
      return new Promise<boolean>((resolve) => {
        confirmResolve = resolve;
        set({ confirm: { ...q, id: ++confirmId } });
      });
    },

    answer(yes) {
      const resolve = confirmResolve;
      confirmResolve = null;
      set({ confirm: null });
      resolve?.(yes);
    },
  };
});
