// KPI points: metric, weight, target, cycle and data source per row, saved as one list. The
// weight total follows every keystroke and turns red when it is not 100%.
import { useMemo } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { isSuggested } from "../../lib/plan";
import { Icon } from "../../lib/ui/Icon";
import { sameJson, useDraft } from "../../lib/ui/fields";
import { CYCLES, draftTotal, fromDraft, remainingWeight, toDraft, totalState, type KpiDraft } from "../../lib/kpi";
import { percent } from "../../lib/format";
import { goalName, goalTree } from "../../lib/goals";
import type { Position } from "../../generated/Position";
import type { Cycle } from "../../generated/Cycle";
import { inspectorDict } from "./dict";
import { AutoTextarea, Section, useUpdate } from "./common";
import { LIMITS } from "../../generated/limitValues";

export function KpiEditor({ position: p }: { position: Position }) {
  const t = useT(inspectorDict);
  const lang = useApp((s) => s.lang);
  const suggested = useApp((s) => (s.current ? isSuggested(s.current.doc, p.id) : false));
  const notify = useApp((s) => s.notify);
  const update = useUpdate(p.id);
  const saved = toDraft(p.kpis);
  const [rows, setRows, revert] = useDraft(saved, sameJson);
  const total = draftTotal(rows);
  const planGoals = useApp((s) => s.current?.doc.goals);
  const goals = useMemo(() => goalTree(planGoals ?? []), [planGoals]);
  const state = totalState(rows, total);

  async function save(next: KpiDraft[]) {
    if (sameJson(next, saved)) {
      if (!sameJson(rows, saved)) setRows(saved);
      return;
    }
    const parsed = fromDraft(next);
    if ("badRow" in parsed) {
      notify("error", t("badWeight", { n: parsed.badRow + 1 }), "invalid_input");
      setRows(saved);
      return;
    }
    const result = await update({ kpis: parsed.kpis });
    if (!result) revert();
  }

  function change(i: number, patch: Partial<KpiDraft>) {
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  }

  async function add() {
    // From the rows as typed: a row being edited is saved on blur just before this click.
    const parsed = fromDraft(rows);
    const base = "kpis" in parsed ? parsed.kpis : p.kpis;
    const fresh = { metric: t("newMetric"), weight: remainingWeight(base), target: "", cycle: "monthly" as Cycle, source: "", goal: null };
    const result = await update({ kpis: [...base, fresh] });
    if (result) {
      const n = base.length + 1;
      requestAnimationFrame(() => {
        const el = document.querySelector<HTMLInputElement>(`input[data-kpi-metric="${n}"]`);
        el?.focus();
        el?.select();
      });
    }
  }

  const onKey = (e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.nativeEvent.isComposing) {
      e.preventDefault();
      e.currentTarget.blur();
    } else if (e.key === "Escape") {
      e.stopPropagation();
      setRows(saved);
    }
  };

  return (
    <Section
      title={t("kpis")}
      count={p.kpis.length || undefined}
      id="insp-kpis"
      mark={suggested ? { text: t("suggested"), tip: t("suggestedTip") } : undefined}
      action={
        <button type="button" className="btn sm ghost" onClick={() => void add()}>
          <Icon name="plus" size={14} />
          {t("addKpi")}
        </button>
      }
    >
      {rows.length === 0 ? (
        <p className="insp-empty">{t("noKpis")}</p>
      ) : (
        <ol className="kpi-list">
          {rows.map((k, i) => {
            const n = i + 1;
            return (
              <li key={i} className="kpi-row" aria-label={t("kpiLabel", { n })}>
                <div className="kpi-line">
                  <span className="kpi-num num" aria-hidden="true">
                    {n}
                  </span>
                  <input
                    className="input kpi-metric"
                    data-kpi-metric={n}
                    aria-label={t("metric", { n })}
                    placeholder={t("metricPh")}
                    value={k.metric}
                    maxLength={LIMITS.short_text}
                    onChange={(e) => change(i, { metric: e.target.value })}
                    onBlur={() => void save(rows)}
                    onKeyDown={onKey}
                  />
                  <span className="kpi-weight">
                    <input
                      className="input num"
                      type="text"
                      inputMode="decimal"
                      aria-label={t("weight", { n })}
                      value={k.weight}
                      onChange={(e) => change(i, { weight: e.target.value })}
                      onBlur={() => void save(rows)}
                      onKeyDown={onKey}
                    />
                    <span className="kpi-pct" aria-hidden="true">
                      %
                    </span>
                  </span>
                  <button
                    type="button"
                    className="icon-btn xs danger"
                    aria-label={t("remove", { label: t("kpiLabel", { n }) })}
                    title={t("remove", { label: t("kpiLabel", { n }) })}
                    onClick={() => void save(rows.filter((_, j) => j !== i))}
                  >
                    <Icon name="trash" size={13} />
                  </button>
                </div>
                <div className="kpi-line kpi-sub">
                  <span className="kpi-tag" aria-hidden="true">
                    {t("targetTag")}
                  </span>
                  <AutoTextarea
                    className="input kpi-target kpi-wrap"
                    aria-label={t("target", { n })}
                    placeholder={t("targetPh")}
                    value={k.target}
                    maxLength={LIMITS.short_text}
                    onChange={(e) => change(i, { target: e.target.value })}
                    onBlur={() => void save(rows)}
                    onKeyDown={onKey}
                  />
                  <select
                    className="input select kpi-cycle"
                    aria-label={t("cycle", { n })}
                    value={k.cycle}
                    onChange={(e) => {
                      const next = rows.map((r, j) => (j === i ? { ...r, cycle: e.target.value as Cycle } : r));
                      setRows(next);
                      void save(next);
                    }}
                  >
                    {CYCLES.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c[lang]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="kpi-line kpi-sub">
                  <span className="kpi-tag" aria-hidden="true">
                    {t("sourceTag")}
                  </span>
                  <input
                    className="input kpi-source"
                    aria-label={t("source", { n })}
                    placeholder={t("sourcePh")}
                    value={k.source}
                    maxLength={LIMITS.short_text}
                    onChange={(e) => change(i, { source: e.target.value })}
                    onBlur={() => void save(rows)}
                    onKeyDown={onKey}
                  />
                </div>
                {goals.length > 0 && (
                  <div className="kpi-line kpi-sub">
                    <span className="kpi-tag" aria-hidden="true">
                      {t("goalTag")}
                    </span>
                    <select
                      className="input select kpi-goal"
                      aria-label={t("goal", { n })}
                      value={k.goal ?? ""}
                      data-linked={k.goal ? "true" : undefined}
                      onChange={(e) => {
                        const next = rows.map((r, j) => (j === i ? { ...r, goal: e.target.value || null } : r));
                        setRows(next);
                        void save(next);
                      }}
                    >
                      <option value="">{t("noGoal")}</option>
                      {goals.map((g) => (
                        <option key={g.goal.id} value={g.goal.id}>
                          {"\u3000".repeat(Math.min(g.depth, 4))}
                          {goalName(g.goal, lang)}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {rows.length > 0 && (
        <div className={`kpi-total ${state}`} data-testid="kpi-total" data-state={state} aria-live="polite" title={state === "ok" ? t("totalOk") : t("totalOff")}>
          <span>{t("total")}</span>{" "}
          <span className="num kpi-total-value">
            {state === "off" ? `${percent(total)} ≠ 100%` : percent(total)}
          </span>
          <Icon name={state === "ok" ? "checkCircle" : "warning"} size={14} />
        </div>
      )}
    </Section>
  );
}
