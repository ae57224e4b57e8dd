// The keyboard equivalent of dragging a card onto another: "move under…", a searchable list of
// the positions the card may report to (never itself or anything below it).
import { useId, useMemo, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Lang } from "../../generated/Lang";
import { byId, departmentColor, title } from "../../lib/plan";
import { useT } from "../../lib/i18n";
import { chartDict } from "./i18n";
import { validSuperiors } from "./dnd";

interface Props {
  doc: PlanDoc;
  position: string;
  lang: Lang;
  onPick(newParent: string): void;
  onClose(): void;
}

export function MovePicker({ doc, position, lang, onPick, onClose }: Props) {
  const t = useT(chartDict);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const index = useMemo(() => byId(doc), [doc]);
  const me = index.get(position);

  const items = useMemo(() => {
    return validSuperiors(doc, position).map((id) => {
      const p = index.get(id)!;
      const path: string[] = [];
      let at = p.parent;
      while (at && path.length < 6) {
        const q = index.get(at);
        if (!q) break;
        path.unshift(title(q, lang));
        at = q.parent;
      }
      return { id, title: title(p, lang), alt: p.title_en || p.title, path: path.join(" › "), color: departmentColor(doc, p) };
    });
  }, [doc, index, position, lang]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return items;
    return items.filter((i) => i.title.toLowerCase().includes(q) || i.alt.toLowerCase().includes(q) || i.path.toLowerCase().includes(q));
  }, [items, query]);
  const at = Math.min(active, Math.max(0, shown.length - 1));

  const scrollTo = (i: number) => {
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${i}"]`);
    el?.scrollIntoView({ block: "nearest" });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = Math.max(0, Math.min(shown.length - 1, at + (e.key === "ArrowDown" ? 1 : -1)));
      setActive(next);
      scrollTo(next);
    } else if (e.key === "Enter") {
      e.preventDefault();
      const pick = shown[at];
      if (pick) onPick(pick.id);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  if (!me) return null;
  return (
    <div className="oc-picker oc-ui" role="dialog" aria-label={t("moveTitle", { a: title(me, lang) })} onKeyDown={onKeyDown}>
      <div className="oc-picker-head">{t("moveTitle", { a: title(me, lang) })}</div>
      <input
        className="input"
        autoFocus
        value={query}
        placeholder={t("movePlaceholder")}
        aria-label={t("movePlaceholder")}
        role="combobox"
        aria-expanded="true"
        aria-controls={`${baseId}-list`}
        aria-activedescendant={shown[at] ? `${baseId}-${at}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onBlur={(e) => {
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) onClose();
        }}
      />
      <div className="oc-picker-list" role="listbox" id={`${baseId}-list`} ref={listRef} aria-label={t("movePlaceholder")}>
        {shown.length === 0 && <div className="oc-picker-empty">{t("moveNone")}</div>}
        {shown.map((item, i) => (
          <div
            key={item.id}
            id={`${baseId}-${i}`}
            role="option"
            aria-selected={i === at}
            aria-label={item.title}
            data-index={i}
            className="oc-picker-item"
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => onPick(item.id)}
          >
            <span className="oc-dot" style={{ background: item.color }} />
            <span className="oc-picker-title">{item.title}</span>
            {item.id === me.parent && <span className="oc-picker-tag">{t("moveCurrent")}</span>}
            {item.path && <span className="oc-picker-path">{item.path}</span>}
          </div>
        ))}
      </div>
      <div className="oc-picker-foot">{t("moveHint")}</div>
    </div>
  );
}
