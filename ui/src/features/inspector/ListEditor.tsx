// An ordered list of texts (duties, requirements): edit in place, add, delete, reorder with
// the up/down buttons or by dragging the handle. Every change saves the whole list.
import { useState } from "react";
import { useT } from "../../lib/i18n";
import { isSuggested } from "../../lib/plan";
import { useApp } from "../../lib/store";
import { Icon } from "../../lib/ui/Icon";
import { sameJson, useDraft } from "../../lib/ui/fields";
import { moveItem } from "../../lib/kpi";
import type { Position } from "../../generated/Position";
import { inspectorDict } from "./dict";
import { AutoTextarea, Section, useUpdate } from "./common";
import { LIMITS } from "../../generated/limitValues";

export function ListEditor({
  position: p,
  field,
  title,
  itemLabel,
  newLabel,
  newPlaceholder,
  empty,
}: {
  position: Position;
  field: "duties" | "requirements";
  title: string;
  itemLabel(n: number): string;
  newLabel: string;
  newPlaceholder: string;
  empty: string;
}) {
  const t = useT(inspectorDict);
  const update = useUpdate(p.id);
  const suggested = useApp((s) => (s.current ? isSuggested(s.current.doc, p.id) : false));
  const saved = p[field];
  const [draft, setDraft, revert] = useDraft(saved, sameJson);
  const [adding, setAdding] = useState("");
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dragOver, setDragOver] = useState<number | null>(null);

  async function save(next: string[]) {
    const state = await update({ [field]: next });
    if (!state) revert();
    return state;
  }

  function commitItem(i: number) {
    const text = (draft[i] ?? "").trim();
    if (text === saved[i]) {
      if (draft[i] !== saved[i]) setDraft(saved);
      return;
    }
    const next = text === "" ? saved.filter((_, j) => j !== i) : saved.map((x, j) => (j === i ? text : x));
    void save(next);
  }

  /** The list as typed (an item being edited is saved on blur just before a click). */
  const typed = () => draft.map((x) => x.trim());

  async function move(from: number, to: number, focusSel?: string) {
    if (to < 0 || to >= draft.length || from === to) return;
    const state = await save(moveItem(typed(), from, to));
    if (state && focusSel) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-list="${field}"][data-index="${to}"] ${focusSel}`)?.focus());
    }
  }

  async function add() {
    const text = adding.trim();
    if (!text) return;
    const state = await save([...typed().filter(Boolean), text]);
    if (state) setAdding("");
  }

  return (
    <Section title={title} count={saved.length || undefined} id={`insp-${field}`} mark={suggested ? { text: t("suggested"), tip: t("suggestedTip") } : undefined}>
      {saved.length === 0 && <p className="insp-empty">{empty}</p>}
      <ol className="list-editor">
        {draft.map((item, i) => (
          <li
            key={i}
            data-list={field}
            data-index={i}
            className={dragOver === i && dragFrom !== null && dragFrom !== i ? (dragFrom < i ? "drop-after" : "drop-before") : undefined}
            onDragOver={(e) => {
              if (dragFrom === null) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = "move";
              setDragOver(i);
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragFrom !== null) void move(dragFrom, i);
              setDragFrom(null);
              setDragOver(null);
            }}
          >
            <span
              className="drag-handle"
              draggable
              title={t("dragHint")}
              aria-hidden="true"
              onDragStart={(e) => {
                setDragFrom(i);
                e.dataTransfer.effectAllowed = "move";
                e.dataTransfer.setData("text/plain", String(i));
                const row = (e.currentTarget as HTMLElement).closest("li");
                if (row) e.dataTransfer.setDragImage(row, 12, 12);
              }}
              onDragEnd={() => {
                setDragFrom(null);
                setDragOver(null);
              }}
            >
              <Icon name="grip" size={14} />
            </span>
            <span className="list-num num" aria-hidden="true">
              {i + 1}.
            </span>
            <AutoTextarea
              className="list-text"
              aria-label={itemLabel(i + 1)}
              value={item}
              maxLength={LIMITS.long_text}
              onChange={(e) => setDraft(draft.map((x, j) => (j === i ? e.target.value : x)))}
              onBlur={() => commitItem(i)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  e.currentTarget.blur();
                } else if (e.key === "Escape") {
                  e.stopPropagation();
                  setDraft(saved);
                }
              }}
            />
            <span className="list-actions">
              <button
                type="button"
                className="icon-btn xs move-up"
                aria-label={t("moveUp", { label: itemLabel(i + 1) })}
                title={t("moveUp", { label: itemLabel(i + 1) })}
                disabled={i === 0}
                onClick={() => void move(i, i - 1, ".move-up")}
              >
                <Icon name="arrowUp" size={13} />
              </button>
              <button
                type="button"
                className="icon-btn xs move-down"
                aria-label={t("moveDown", { label: itemLabel(i + 1) })}
                title={t("moveDown", { label: itemLabel(i + 1) })}
                disabled={i === draft.length - 1}
                onClick={() => void move(i, i + 1, ".move-down")}
              >
                <Icon name="arrowDown" size={13} />
              </button>
              <button
                type="button"
                className="icon-btn xs danger"
                aria-label={t("remove", { label: itemLabel(i + 1) })}
                title={t("remove", { label: itemLabel(i + 1) })}
                onClick={() => void save(typed().filter((_, j) => j !== i))}
              >
                <Icon name="trash" size={13} />
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="list-add">
        <Icon name="plus" size={14} />
        <input
          className="input ghost-input"
          aria-label={newLabel}
          placeholder={newPlaceholder}
          value={adding}
          maxLength={LIMITS.long_text}
          onChange={(e) => setAdding(e.target.value)}
          onBlur={() => void add()}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void add();
            } else if (e.key === "Escape") {
              e.stopPropagation();
              setAdding("");
            }
          }}
        />
      </div>
    </Section>
  );
}
