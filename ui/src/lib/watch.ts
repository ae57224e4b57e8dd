// Live refresh: other clients (another window, the command line, a browser tab) edit the same
// database. A cheap `watch` every few seconds while the page is visible, and at once when it
// comes back into view, tells the open plan's revision, the plan list's token and the file's
// state; only what changed is loaded again.
import { useEffect } from "react";
import { useApp } from "./store";
import { translate } from "./i18n";
import { BackendError } from "./backend";
import type { Watch } from "../generated/Watch";

export const WATCH_INTERVAL = 2000;

export const watchDict = {
  planGone: {
    zh: "方案「{name}」已在别处被删除（另一个窗口或命令行），已回到方案列表。",
    en: "The plan “{name}” was deleted elsewhere (another window or the command line); back to the plan list.",
  },
} as const;

function hidden() {
  return typeof document !== "undefined" && document.visibilityState === "hidden";
}

/** The user is typing a value into the plan (a search box does not count). A plan changed
 * elsewhere is not loaded under their hands then: their save carries what they saw, so a
 * change to the same field is refused as a conflict instead of overwritten, and the next
 * look after they leave the field loads the rest. */
export function typing(): boolean {
  if (typeof document === "undefined") return false;
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) return !["search", "checkbox", "radio", "button", "submit", "range", "color", "file"].includes(el.type);
  return false;
}

/** Starts looking for changes made elsewhere; returns the function that stops it. */
export function startWatch(interval = WATCH_INTERVAL): () => void {
  let stopped = false;
  let busy = false;
  /** The plan list's token at the last look: a different one means the list changed. */
  let plans: string | null = null;
  /** A look found the file damaged: when one finds it sound again, it was repaired. */
  let damaged = false;

  async function look() {
    if (stopped || busy || hidden()) return;
    const s = useApp.getState();
    // Our own edits bring their state back themselves; a look in between could only see a
    // revision on its way and load the plan for nothing.
    if (s.saving > 0 || s.loading) return;
    // Other full-page states have nothing to watch; a damaged file is watched for its repair.
    if (s.fatal && s.fatal.kind !== "corrupt") return;
    const held = s.current;
    const plan = held?.doc.plan.id;
    busy = true;
    try {
      let w: Watch;
      try {
        w = await s.backend.call("watch", plan ? { plan } : {});
      } catch (e) {
        // Unreachable for a moment: the next look tries again. A damaged file says so.
        if (e instanceof BackendError && e.kind === "corrupt") useApp.setState({ fatal: { kind: e.kind, text: e.message } });
        return;
      }
      if (!stopped) await apply(w, held);
    } finally {
      busy = false;
    }
  }

  async function apply(w: Watch, held: ReturnType<typeof useApp.getState>["current"]) {
    const app = useApp.getState();
    if (w.damaged) {
      damaged = true;
      if (app.fatal?.kind !== "corrupt") useApp.setState({ fatal: { kind: "corrupt", text: w.damaged } });
      return;
    }
    if (app.fatal) {
      // Repaired elsewhere (a backup restored in another window, `orgplan recover`): start again.
      if (damaged) {
        damaged = false;
        await app.init();
      }
      return;
    }
    damaged = false;
    app.setReadOnly(w.read_only);
    if (w.plans !== plans) {
      plans = w.plans;
      // Only the plan list shows the list's figures; other views read it when it is shown.
      if (app.view === "plans") void app.refreshPlans();
    }
    // Only when nothing moved meanwhile: an edit, undo or another plan opened since the
    // look began brings its own state.
    const now = useApp.getState();
    if (!held || now.current !== held || now.saving > 0) return;
    if (w.revision === null) {
      now.closePlan();
      now.notify("info", translate(watchDict, now.lang, "planGone", { name: held.doc.plan.name }));
    } else if (w.revision !== held.revision && !typing()) {
      await now.reloadPlan();
    }
  }

  const timer = setInterval(() => void look(), interval);
  const onFocus = () => void look();
  const onVisible = () => {
    if (!hidden()) void look();
  };
  window.addEventListener("focus", onFocus);
  document.addEventListener("visibilitychange", onVisible);
  void look();
  return () => {
    stopped = true;
    clearInterval(timer);
    window.removeEventListener("focus", onFocus);
    document.removeEventListener("visibilitychange", onVisible);
  };
}

/** Keeps the window in step with edits made elsewhere while it is mounted. */
export function useWatch() {
  useEffect(() => startWatch(), []);
}
