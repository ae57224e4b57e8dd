// Actions shared by several features (keyboard, inspector, tables), outside React.
import { useApp } from "./store";
import { translate } from "./i18n";
import { title } from "./plan";

const dict = {
  deleteTitle: { zh: "删除岗位「{name}」？", en: "Delete the position “{name}”?" },
  deleteBody: {
    zh: "它的 {n} 个直接下属将改为向上一级汇报，相关的人员安排也会移除。可以撤销。",
    en: "Its {n} direct reports move up to its superior and its assignments are removed. You can undo this.",
  },
  deleteBodyLeaf: { zh: "相关的人员安排也会一并移除。可以撤销。", en: "Its assignments are removed too. You can undo this." },
  deleteBodyTop: {
    zh: "「{top}」将成为最高岗位，相关的人员安排也会移除。可以撤销。",
    en: "“{top}” becomes the top position and its assignments are removed. You can undo this.",
  },
  cannotDeleteTitle: { zh: "不能删除「{name}」", en: "“{name}” cannot be deleted" },
  ok: { zh: "知道了", en: "OK" },
  delete: { zh: "删除", en: "Delete" },
  cancel: { zh: "取消", en: "Cancel" },
  removePersonTitle: { zh: "移除人员「{name}」？", en: "Remove “{name}”?" },
  removePersonBody: { zh: "此人担任的所有岗位将变为空缺。可以撤销。", en: "Every seat this person holds becomes vacant. You can undo this." },
  remove: { zh: "移除", en: "Remove" },
} as const;

/** Asks, then deletes a position. Returns true when it was deleted. */
export async function confirmDeletePosition(id: string): Promise<boolean> {
  const { current, lang, ask } = useApp.getState();
  const p = current?.doc.positions.find((x) => x.id === id);
  if (!current || !p) return false;
  // The core says what deleting does, or why it cannot be done, before anyone is asked.
  const preview = await useApp.getState().run("delete_preview", { plan: current.doc.plan.id, position: id });
  if (!preview) return false;
  const name = title(p, lang);
  if (preview.refused || !preview.effect) {
    await ask({
      title: translate(dict, lang, "cannotDeleteTitle", { name }),
      message: preview.refused?.message ?? "",
      confirmLabel: translate(dict, lang, "ok"),
    });
    return false;
  }
  const effect = preview.effect;
  const top = effect.new_top ? current.doc.positions.find((x) => x.id === effect.new_top) : undefined;
  const yes = await ask({
    title: translate(dict, lang, "deleteTitle", { name }),
    message: top
      ? translate(dict, lang, "deleteBodyTop", { top: title(top, lang) })
      : effect.reports > 0
        ? translate(dict, lang, "deleteBody", { n: effect.reports })
        : translate(dict, lang, "deleteBodyLeaf"),
    confirmLabel: translate(dict, lang, "delete"),
    cancelLabel: translate(dict, lang, "cancel"),
    danger: true,
  });
  if (!yes) return false;
  const state = await useApp.getState().edit("delete_position", { position: id });
  if (state && useApp.getState().selected === id) useApp.getState().select(null);
  return state !== null;
}

/** Asks, then removes a person from the plan. */
export async function confirmRemovePerson(id: string): Promise<boolean> {
  const { current, lang, ask } = useApp.getState();
  const person = current?.doc.people.find((x) => x.id === id);
  if (!person) return false;
  const yes = await ask({
    title: translate(dict, lang, "removePersonTitle", { name: person.name }),
    message: translate(dict, lang, "removePersonBody"),
    confirmLabel: translate(dict, lang, "remove"),
    cancelLabel: translate(dict, lang, "cancel"),
    danger: true,
  });
  if (!yes) return false;
  return (await useApp.getState().edit("remove_person", { person: id })) !== null;
}

/** True when keys typed now belong to a text field, not to the app's shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  const tag = el.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable) return true;
  if (tag === "INPUT") {
    const type = (el as HTMLInputElement).type;
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(type);
  }
  return false;
}

/** "Ctrl+Z" or "⌘Z" for the platform. */
export function shortcut(keys: string): string {
  const mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  return mac ? keys.replace("Ctrl+Shift+", "⇧⌘").replace("Ctrl+", "⌘") : keys;
}
