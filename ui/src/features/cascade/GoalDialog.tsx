// Add or edit a plan goal: name (both languages), kind, target with its unit and direction,
// period and parent goal. A new goal's unit and direction follow its kind until the user sets
// them. Nothing is saved until the user confirms; a refusal keeps the dialog open.
import { useMemo, useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Dialog } from "../../lib/ui/Dialog";
import { CYCLES } from "../../lib/kpi";
import { GOAL_KINDS, GOAL_UNITS, goalAndBelow, goalName, goalTargetText, goalTree, kindDefaults } from "../../lib/goals";
import type { Goal } from "../../generated/Goal";
import type { GoalKind } from "../../generated/GoalKind";
import type { GoalUnit } from "../../generated/GoalUnit";
import type { Direction } from "../../generated/Direction";
import type { Cycle } from "../../generated/Cycle";
import { cascadeDict } from "./dict";
import { LIMITS } from "../../generated/limitValues";

export type GoalDialogMode = { edit: Goal } | { parent: string | null };

export function GoalDialog({ mode, onClose }: { mode: GoalDialogMode; onClose(): void }) {
  const t = useT(cascadeDict);
  const lang = useApp((s) => s.lang);
  const goals = useApp((s) => s.current?.doc.goals ?? []);
  const edit = useApp((s) => s.edit);
  const editing = "edit" in mode ? mode.edit : null;
  const [name, setName] = useState(editing?.name ?? "");
  const [nameEn, setNameEn] = useState(editing?.name_en ?? "");
  const [kind, setKind] = useState<GoalKind>(editing?.kind ?? "gmv");
  const [unit, setUnit] = useState<GoalUnit>(editing?.unit ?? "yuan");
  const [direction, setDirection] = useState<Direction>(editing?.direction ?? "at_least");
  const [target, setTarget] = useState(editing ? String(editing.target) : "");
  const [period, setPeriod] = useState<Cycle>(editing?.period ?? "monthly");
  const [parent, setParent] = useState<string | null>(editing ? editing.parent : "parent" in mode ? mode.parent : null);
  const [touched, setTouched] = useState(editing !== null);
  const [busy, setBusy] = useState(false);

  const blocked = useMemo(() => (editing ? goalAndBelow(goals, editing.id) : new Set<string>()), [goals, editing]);
  const tree = useMemo(() => goalTree(goals).filter((n) => !blocked.has(n.goal.id)), [goals, blocked]);
  const value = Number(target.trim());
  const targetOk = target.trim() !== "" && Number.isFinite(value) && value >= 0;
  const ok = name.trim() !== "" && targetOk;

  function pickKind(k: GoalKind) {
    setKind(k);
    if (!touched) {
      const d = kindDefaults(k);
      setUnit(d.unit);
      setDirection(d.direction);
    }
  }

  async function save() {
    if (!ok || busy) return;
    setBusy(true);
    const fields = { name: name.trim(), name_en: nameEn.trim(), kind, unit, direction, target: value, period };
    const state = editing
      ? await edit("update_goal", { goal: editing.id, ...fields, parent })
      : await edit("add_goal", { ...fields, ...(parent ? { parent } : {}) });
    setBusy(false);
    if (state) onClose();
  }

  const suffix = unit === "percent" ? "%" : "";

  return (
    <Dialog
      title={editing ? t("dialogEdit") : t("dialogAdd")}
      description={t("dialogDesc")}
      onClose={onClose}
      width={560}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t("cancel")}
          </button>
          <button type="button" className="btn primary" disabled={!ok || busy} onClick={() => void save()}>
            {editing ? t("save") : t("add")}
          </button>
        </>
      }
    >
      <form
        className="form-grid gl-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="form-field">
          <span>{t("fName")}</span>
          <input className="input" data-autofocus value={name} maxLength={LIMITS.short_text} placeholder={t("fNamePh")} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="form-field">
          <span>{t("fNameEn")}</span>
          <input className="input" value={nameEn} maxLength={LIMITS.short_text} lang="en" onChange={(e) => setNameEn(e.target.value)} />
        </label>
        <label className="form-field">
          <span>{t("fKind")}</span>
          <select className="input select" value={kind} onChange={(e) => pickKind(e.target.value as GoalKind)}>
            {GOAL_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k[lang]}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span>{t("fPeriod")}</span>
          <select className="input select" value={period} onChange={(e) => setPeriod(e.target.value as Cycle)}>
            {CYCLES.map((c) => (
              <option key={c.code} value={c.code}>
                {c[lang]}
              </option>
            ))}
          </select>
        </label>
        <div className="form-field span-2">
          <span id="gl-target-label">{t("fTarget")}</span>
          <div className="gl-target-row">
            <div className="seg gl-dir" role="group" aria-label={t("fDirection")}>
              {(["at_least", "at_most"] as const).map((d) => (
                <button
                  key={d}
                  type="button"
                  className={direction === d ? "on" : ""}
                  aria-pressed={direction === d}
                  onClick={() => {
                    setDirection(d);
                    setTouched(true);
                  }}
                >
                  {t(d === "at_least" ? "atLeast" : "atMost")}
                </button>
              ))}
            </div>
            <span className="gl-target-input">
              <input
                className="input num"
                inputMode="decimal"
                aria-labelledby="gl-target-label"
                aria-invalid={target.trim() !== "" && !targetOk}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              />
              {suffix && <span className="gl-suffix">{suffix}</span>}
            </span>
            <select
              className="input select gl-unit"
              aria-label={t("fUnit")}
              value={unit}
              onChange={(e) => {
                setUnit(e.target.value as GoalUnit);
                setTouched(true);
              }}
            >
              {GOAL_UNITS.map((u) => (
                <option key={u.unit} value={u.unit}>
                  {u[lang]}
                </option>
              ))}
            </select>
          </div>
          {target.trim() !== "" && !targetOk ? (
            <span className="form-error">{t("badTarget")}</span>
          ) : (
            targetOk && (
              <span className="form-hint num" data-testid="goal-preview">
                {goalTargetText({ target: value, unit, direction, period }, lang)}
              </span>
            )
          )}
        </div>
        <label className="form-field span-2">
          <span>{t("fParent")}</span>
          <select className="input select" value={parent ?? ""} onChange={(e) => setParent(e.target.value || null)}>
            <option value="">{t("noParent")}</option>
            {tree.map((n) => (
              <option key={n.goal.id} value={n.goal.id}>
                {"\u3000".repeat(Math.min(n.depth, 6))}
                {goalName(n.goal, lang)}
              </option>
            ))}
          </select>
          <span className="form-hint">{t("parentHint")}</span>
        </label>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
