// Title, English title, department, superior, headcount, grade and purpose.
import { useId, useMemo, useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { NumberField, TextArea, TextField } from "../../lib/ui/fields";
import { departmentName, selfAndBelow } from "../../lib/plan";
import type { Position } from "../../generated/Position";
import { inspectorDict } from "./dict";
import { PositionOptions, Row, Section, useUpdate } from "./common";
import { LIMITS } from "../../generated/limitValues";

const NEW = "__new__";

export function Basics({ position: p }: { position: Position }) {
  const t = useT(inspectorDict);
  const doc = useApp((s) => s.current!.doc);
  // Positions that cannot become the superior: this one and everything below it.
  const below = useMemo(() => selfAndBelow(doc, p.id), [doc, p.id]);
  const lang = useApp((s) => s.lang);
  const edit = useApp((s) => s.edit);
  const update = useUpdate(p.id);
  const id = useId();
  const [creating, setCreating] = useState(false);
  const [deptName, setDeptName] = useState("");
  const pf = useApp((s) => s.current!.figures.by_position.find((x) => x.position === p.id));
  const s = { filled: pf?.holders ?? 0, over: pf?.over ?? 0, vacant: pf?.vacancies ?? 0 };

  async function createDepartment() {
    const name = deptName.trim();
    if (!name) {
      setCreating(false);
      return;
    }
    const state = await edit("add_department", { name });
    if (state?.created) {
      await update({ department: state.created });
      setCreating(false);
      setDeptName("");
    }
  }

  return (
    <Section title={t("basics")} id={`${id}-h`}>
      <Row label={t("title")} htmlFor={`${id}-title`}>
        <TextField id={`${id}-title`} value={p.title} onCommit={(v) => update({ title: v })} aria-label={t("title")} maxLength={LIMITS.short_text} />
      </Row>
      <Row label={t("titleEn")} htmlFor={`${id}-en`}>
        <TextField
          id={`${id}-en`}
          value={p.title_en}
          onCommit={(v) => update({ title_en: v })}
          aria-label={t("titleEn")}
          placeholder={t("titleEnPlaceholder")}
          maxLength={LIMITS.short_text}
          lang="en"
        />
      </Row>
      <Row label={t("department")} htmlFor={`${id}-dept`}>
        {creating ? (
          <div className="insp-inline">
            <input
              className="input"
              autoFocus
              aria-label={t("newDepartmentName")}
              placeholder={t("newDepartmentName")}
              title={t("newDepartmentHint")}
              value={deptName}
              maxLength={LIMITS.short_text}
              onChange={(e) => setDeptName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  void createDepartment();
                } else if (e.key === "Escape") {
                  e.stopPropagation();
                  setCreating(false);
                  setDeptName("");
                }
              }}
            />
            <button type="button" className="btn sm primary" onClick={() => void createDepartment()}>
              {t("create")}
            </button>
            <button
              type="button"
              className="btn sm ghost"
              onClick={() => {
                setCreating(false);
                setDeptName("");
              }}
            >
              {t("cancel")}
            </button>
          </div>
        ) : (
          <div className="insp-dept">
            <span
              className="dept-dot"
              style={{ background: doc.departments.find((d) => d.id === p.department)?.color ?? "var(--border-strong)" }}
              aria-hidden="true"
            />
            <select
              id={`${id}-dept`}
              className="input select"
              aria-label={t("department")}
              value={p.department ?? ""}
              onChange={(e) => {
                const v = e.target.value;
                if (v === NEW) setCreating(true);
                else void update({ department: v === "" ? null : v });
              }}
            >
              <option value="">{t("noDepartment")}</option>
              {doc.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {departmentName(d, lang)}
                </option>
              ))}
              <option value={NEW}>{t("newDepartment")}</option>
            </select>
          </div>
        )}
      </Row>
      <Row label={t("superior")} htmlFor={`${id}-parent`}>
        {p.parent ? (
          <select
            id={`${id}-parent`}
            className="input select"
            aria-label={t("superior")}
            value={p.parent}
            onChange={(e) => void edit("move_position", { position: p.id, new_parent: e.target.value })}
          >
            <PositionOptions doc={doc} exclude={(x) => below.has(x.id)} />
          </select>
        ) : (
          <span className="insp-static muted">{t("topPosition")}</span>
        )}
      </Row>
      <Row label={t("headcount")} htmlFor={`${id}-hc`}>
        <div className="insp-hc">
          <NumberField id={`${id}-hc`} value={p.headcount} min={1} max={LIMITS.headcount_max} step={1} onCommit={(n) => (n === null ? null : update({ headcount: n }))} aria-label={t("headcount")} />
          <span className={s.over ? "seat-note over" : s.vacant ? "seat-note vacant" : "seat-note"} data-testid="seat-note">
            {s.over
              ? t("overfilled", { filled: s.filled, over: s.over })
              : t("seats", { filled: s.filled, vacant: s.vacant })}
          </span>
        </div>
      </Row>
      <Row label={t("grade")} htmlFor={`${id}-grade`}>
        <TextField id={`${id}-grade`} value={p.grade} onCommit={(v) => update({ grade: v })} aria-label={t("grade")} placeholder={t("gradePlaceholder")} maxLength={LIMITS.short_text} />
      </Row>
      <Row label={t("purpose")} htmlFor={`${id}-purpose`}>
        <TextArea id={`${id}-purpose`} value={p.purpose} onCommit={(v) => update({ purpose: v })} aria-label={t("purpose")} placeholder={t("purposePlaceholder")} rows={3} />
      </Row>
    </Section>
  );
}
