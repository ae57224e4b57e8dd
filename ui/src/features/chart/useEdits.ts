// Edits made on the chart (a drop, the move picker), and the hint bar's passing messages: a
// refused edit shows the backend's message there too.
import { useCallback, useEffect, useRef, useState } from "react";
import { useApp } from "../../lib/store";
import type { DropPlan } from "./dnd";

export type Flash = { tone: "error" | "info"; text: string };

export function useEdits() {
  const [flash, setFlash] = useState<Flash | null>(null);
  const flashTimer = useRef<number | null>(null);
  const showFlash = useCallback((f: Flash, ms = 4500) => {
    if (flashTimer.current !== null) window.clearTimeout(flashTimer.current);
    setFlash(f);
    flashTimer.current = window.setTimeout(() => setFlash(null), ms);
  }, []);
  useEffect(() => () => {
    if (flashTimer.current !== null) window.clearTimeout(flashTimer.current);
  }, []);

  /** Runs a move or add; a refusal shows the backend's message in the hint bar too. */
  const runPlan = useCallback(
    async (plan: DropPlan, roleId: string | null) => {
      const { edit } = useApp.getState();
      let result;
      if (plan.kind === "add") {
        if (!roleId) return null;
        result = await edit("add_position", { parent: plan.parent, role: roleId, index: plan.index });
      } else {
        if (plan.noop) return null;
        result = await edit("move_position", { position: plan.position, new_parent: plan.newParent, index: plan.index });
      }
      if (!result) {
        const last = [...useApp.getState().notices].reverse().find((n) => n.tone === "error");
        if (last) showFlash({ tone: "error", text: last.text });
      }
      return result;
    },
    [showFlash],
  );

  return { flash, runPlan };
}
