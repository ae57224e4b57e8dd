// The words on the undo and redo buttons: what they would act on, and whose edit it is when
// another client made it (the journal is the plan's, shared by every window and the command
// line).
import { translate } from "../../lib/i18n";
import type { History } from "../../generated/History";
import type { Lang } from "../../generated/Lang";
import type { Source } from "../../generated/Source";
import { shellDict } from "./dict";

const BY = {
  undo: { app: "undoByApp", cli: "undoByCli", browser: "undoByBrowser" },
  redo: { app: "redoByApp", cli: "redoByCli", browser: "redoByBrowser" },
} as const satisfies Record<"undo" | "redo", Record<Source, keyof typeof shellDict>>;

/** The edit's name in the journal, in words. */
export function editName(name: string, lang: Lang): string {
  const key = `edit_${name}`;
  return translate(shellDict, lang, key in shellDict ? (key as keyof typeof shellDict) : "edit_other");
}

/** The label of the undo or redo button. */
export function historyLabel(which: "undo" | "redo", history: History, lang: Lang): string {
  const name = history[which];
  if (!name) return translate(shellDict, lang, which);
  const what = editName(name, lang);
  const by = which === "undo" ? history.undo_by : history.redo_by;
  if (by) return translate(shellDict, lang, BY[which][by], { what });
  return translate(shellDict, lang, which === "undo" ? "undoWhat" : "redoWhat", { what });
}
