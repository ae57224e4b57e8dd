// The role library (岗位库), grouped by function. Drag a role onto a card in the chart, or
// press Enter / double-click to add it under the selected position.
import { useMemo, useRef, useState } from "react";
import type { CSSProperties, KeyboardEvent, PointerEvent } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import type { Role } from "../../generated/Role";
import { title as positionTitle } from "../../lib/plan";
import { pressToDrag } from "../../lib/pointerDrag";
import { FUNCTION_COLORS, functionLabel } from "./functions";
import { groupRoles, roleTitle } from "./roles";
import { paletteDict } from "./i18n";
import "./palette.css";

export function RolePalette() {
  const t = useT(paletteDict);
  const roles = useApp((s) => s.roles);
  const lang = useApp((s) => s.lang);
  const selected = useApp((s) => s.selected);
  const selectedTitle = useApp((s) => {
    const p = s.selected ? s.current?.doc.positions.find((q) => q.id === s.selected) : undefined;
    return p ? positionTitle(p, s.lang) : null;
  });
  const [query, setQuery] = useState("");
  const [active, setActive] = useState<string | null>(null);
  const [announce, setAnnounce] = useState("");
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const groups = useMemo(() => groupRoles(roles, query), [roles, query]);
  const flat = useMemo(() => groups.flatMap((g) => g.roles), [groups]);
  const activeId = active && flat.some((r) => r.id === active) ? active : (flat[0]?.id ?? null);

  const focusOption = (id: string | undefined) => {
    if (!id) return;
    setActive(id);
    const el = listRef.current?.querySelector<HTMLElement>(`[data-role="${CSS.escape(id)}"]`);
    el?.focus();
  };

  const add = async (role: Role) => {
    const { current, selected: parent, edit, notify } = useApp.getState();
    if (!current || !parent || !current.doc.positions.some((p) => p.id === parent)) {
      notify("info", t("selectFirst"));
      return;
    }
    const p = current.doc.positions.find((q) => q.id === parent)!;
    const result = await edit("add_position", { parent, role: role.id });
    if (result) setAnnounce(t("added", { role: roleTitle(role, lang), parent: positionTitle(p, lang) }));
  };

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = (e.target as Element).closest<HTMLElement>("[data-role]");
    const id = el?.dataset.role;
    const at = id ? flat.findIndex((r) => r.id === id) : -1;
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        focusOption(flat[Math.min(flat.length - 1, at + 1)]?.id);
        break;
      case "ArrowUp":
        e.preventDefault();
        if (at <= 0) searchRef.current?.focus();
        else focusOption(flat[at - 1]?.id);
        break;
      case "Home":
        e.preventDefault();
        focusOption(flat[0]?.id);
        break;
      case "End":
        e.preventDefault();
        focusOption(flat[flat.length - 1]?.id);
        break;
      case "Enter":
      case " ": {
        e.preventDefault();
        const role = flat[at];
        if (role) void add(role);
        break;
      }
    }
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      focusOption(activeId ?? undefined);
    } else if (e.key === "Escape" && query) {
      e.preventDefault();
      setQuery("");
    } else if (e.key === "Enter" && flat.length === 1) {
      e.preventDefault();
      void add(flat[0]);
    }
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>, role: Role) => {
    if ((e.target as Element).closest(".rp-add")) return;
    const title = roleTitle(role, lang);
    pressToDrag(e.nativeEvent, { kind: "role", id: role.id, title }, { title, color: FUNCTION_COLORS[role.function] });
  };

  return (
    <div className="rp-root">
      <div className="rp-head">
        <span className="rp-heading">{t("heading")}</span>
        <span className="rp-total num">{roles.length}</span>
      </div>
      <div className="rp-search">
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <input
          ref={searchRef}
          type="search"
          className="rp-input"
          value={query}
          placeholder={t("search")}
          aria-label={t("searchLabel")}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
        />
        {query && (
          <button type="button" className="rp-clear" aria-label={t("clear")} title={t("clear")} onClick={() => setQuery("")}>
            <svg width="10" height="10" viewBox="0 0 16 16" aria-hidden="true">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
        )}
      </div>
      <div ref={listRef} className="rp-list" role="listbox" aria-label={t("listLabel")} onKeyDown={onListKey}>
        {groups.length === 0 && <div className="rp-none">{t("none", { q: query.trim() })}</div>}
        {groups.map((g) => {
          const label = functionLabel(g.fn, lang);
          return (
            <div key={g.fn} role="group" aria-label={label} className="rp-group">
              <div className="rp-group-title" aria-hidden="true">
                <span>{label}</span>
                <span className="rp-group-count num">{g.roles.length}</span>
              </div>
              {g.roles.map((r) => {
                const name = roleTitle(r, lang);
                return (
                  <div
                    key={r.id}
                    role="option"
                    aria-label={name}
                    aria-selected={r.id === activeId}
                    tabIndex={r.id === activeId ? 0 : -1}
                    data-role={r.id}
                    className="rp-option"
                    style={{ "--fn": FUNCTION_COLORS[r.function] } as CSSProperties}
                    title={t("tooltip", { title: name, duties: r.duties.length, kpis: r.kpis.length })}
                    onFocus={() => setActive(r.id)}
                    onClick={() => setActive(r.id)}
                    onDoubleClick={() => void add(r)}
                    onPointerDown={(e) => onPointerDown(e, r)}
                  >
                    <span className="rp-dot" aria-hidden="true" />
                    <span className="rp-title">{name}</span>
                    {/* A shortcut for the mouse: an option holds no control of its own (Enter or a
                        double-click on the option adds the role). */}
                    <span
                      className="rp-add"
                      aria-hidden="true"
                      title={selected ? t("add") : t("selectFirst")}
                      onClick={(e) => {
                        e.stopPropagation();
                        void add(r);
                      }}
                    >
                      <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true">
                        <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
                      </svg>
                    </span>
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
      <div className="rp-foot">
        {selectedTitle ? t("footerSelected", { parent: selectedTitle }) : t("footer")}
      </div>
      <div className="sr-only" role="status" aria-live="polite">
        {announce}
      </div>
    </div>
  );
}
