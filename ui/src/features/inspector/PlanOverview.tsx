// What the inspector shows with nothing selected: a hint, the plan's own fields and its
// departments (name, English name, colour).
import { useEffect, useRef, useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon } from "../../lib/ui/Icon";
import { NumberField, TextArea, TextField } from "../../lib/ui/fields";
import type { Stage } from "../../generated/Stage";
import { inspectorDict } from "./dict";
import { Row, Section } from "./common";
import { LIMITS } from "../../generated/limitValues";

const STAGES: Stage[] = ["startup", "growth", "scale"];

export function PlanOverview() {
  const t = useT(inspectorDict);
  const current = useApp((s) => s.current!);
  const view = useApp((s) => s.view);
  const edit = useApp((s) => s.edit);
  const renamePlan = useApp((s) => s.renamePlan);
  const plan = current.doc.plan;

  return (
    <aside className="insp" aria-label={t("planLandmark")} data-testid="plan-overview">
      <div className="insp-hintcard">
        <span className="empty-icon">
          <Icon name="chart" size={22} />
        </span>
        <div>
          <h2>{t("emptyTitle")}</h2>
          <p>{view === "chart" ? t("emptyBody") : t("emptyBodyTable")}</p>
        </div>
      </div>

      <PendingSuggestions />

      <Section title={t("planInfo")} id="plan-info">
        <Row label={t("planName")} htmlFor="plan-name-input">
          <TextField id="plan-name-input" value={plan.name} allowEmpty={false} maxLength={LIMITS.short_text} aria-label={t("planName")} onCommit={(v) => renamePlan(plan.id, v)} />
        </Row>
        <Row label={t("company")} htmlFor="plan-company">
          <TextField id="plan-company" value={plan.company} maxLength={LIMITS.short_text} aria-label={t("company")} placeholder={t("companyPh")} onCommit={(v) => edit("update_plan", { company: v })} />
        </Row>
        <Row label={t("stage")} htmlFor="plan-stage">
          <select id="plan-stage" className="input select" aria-label={t("stage")} value={plan.stage} onChange={(e) => void edit("update_plan", { stage: e.target.value as Stage })}>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stage_${s}`)}
              </option>
            ))}
          </select>
        </Row>
        <Row label={t("targetSize")} htmlFor="plan-size">
          <NumberField id="plan-size" value={plan.target_size} min={1} max={LIMITS.headcount_max} aria-label={t("targetSize")} onCommit={(n) => (n === null ? null : edit("update_plan", { target_size: n }))} />
        </Row>
        <Row label={t("goalNotes")} htmlFor="plan-goals">
          <TextArea id="plan-goals" value={plan.goal_notes} rows={4} aria-label={t("goalNotes")} placeholder={t("goalNotesPh")} onCommit={(v) => edit("update_plan", { goal_notes: v })} />
        </Row>
      </Section>
      <Departments />
    </aside>
  );
}

function Departments() {
  const t = useT(inspectorDict);
  const doc = useApp((s) => s.current!.doc);
  const edit = useApp((s) => s.edit);
  const ask = useApp((s) => s.ask);
  const lang = useApp((s) => s.lang);
  const [name, setName] = useState("");

  async function add() {
    if (!name.trim()) return;
    if (await edit("add_department", { name: name.trim() })) setName("");
  }

  return (
    <Section title={t("departments")} count={doc.departments.length || undefined} id="plan-depts">
      {doc.departments.length === 0 && <p className="insp-empty">{t("noDepts")}</p>}
      <ul className="dept-list">
        {doc.departments.map((d, i) => {
          const n = doc.positions.filter((p) => p.department === d.id).length;
          const label = lang === "en" && d.name_en ? d.name_en : d.name;
          return (
            <li key={d.id} className="dept-item">
              <ColorSwatch color={d.color} label={t("deptColor", { name: label })} onPick={(c) => void edit("update_department", { department: d.id, color: c, parent: null })} />
              <div className="dept-names">
                <TextField className="input ghost-input dept-zh" value={d.name} allowEmpty={false} maxLength={LIMITS.short_text} aria-label={t("deptName", { n: i + 1 })} onCommit={(v) => edit("update_department", { department: d.id, name: v })} />
                <TextField className="input ghost-input dept-en" value={d.name_en} maxLength={LIMITS.short_text} aria-label={t("deptNameEn", { n: i + 1 })} placeholder={t("deptNameEnPh")} lang="en" onCommit={(v) => edit("update_department", { department: d.id, name_en: v })} />
              </div>
              <span className="dept-n muted num">{t("deptPositions", { n })}</span>
              <button
                type="button"
                className="icon-btn xs danger"
                aria-label={t("removeDept", { name: label })}
                title={t("removeDept", { name: label })}
                onClick={async () => {
                  const yes = await ask({
                    title: t("removeDeptTitle", { name: label }),
                    message: t("removeDeptBody"),
                    confirmLabel: t("remove", { label: "" }).trim(),
                    cancelLabel: t("cancel"),
                    danger: true,
                  });
                  if (yes) void edit("remove_department", { department: d.id });
                }}
              >
                <Icon name="trash" size={13} />
              </button>
            </li>
          );
        })}
      </ul>
      <div className="list-add">
        <Icon name="plus" size={14} />
        <input
          className="input ghost-input"
          aria-label={t("addDept")}
          placeholder={t("addDept")}
          value={name}
          maxLength={LIMITS.short_text}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void add();
            }
          }}
        />
      </div>
    </Section>
  );
}

/** A colour well that saves once the picker closes (the native `change` event), not on every
 * move of the picker. */
function ColorSwatch({ color, label, onPick }: { color: string; label: string; onPick(c: string): void }) {
  const input = useRef<HTMLInputElement>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    const onChange = () => {
      if (el.value.toLowerCase() !== color.toLowerCase()) pick.current(el.value);
    };
    el.addEventListener("change", onChange);
    return () => el.removeEventListener("change", onChange);
  }, [color]);
  return (
    <label className="swatch" style={{ background: color }} title={label}>
      <input
        ref={input}
        type="color"
        className="sr-only"
        aria-label={label}
        defaultValue={color}
        key={color}
        onInput={(e) => {
          ((e.target as HTMLInputElement).parentElement as HTMLElement).style.background = (e.target as HTMLInputElement).value;
        }}
      />
    </label>
  );
}

/** How many positions still carry the role library's suggestion from a roster import, and a
 * way to the first of them. */
function PendingSuggestions() {
  const t = useT(inspectorDict);
  const doc = useApp((s) => s.current!.doc);
  const select = useApp((s) => s.select);
  const pending = doc.plan.roster?.suggested ?? [];
  const first = doc.positions.find((p) => pending.includes(p.id));
  if (!first) return null;
  return (
    <div className="insp-suggestion" role="note" data-testid="pending-suggestions">
      <span>{t("pendingSuggestions", { n: pending.length })}</span>
      <button type="button" className="btn sm" onClick={() => select(first.id)}>
        {t("reviewSuggestions")}
      </button>
    </div>
  );
}
