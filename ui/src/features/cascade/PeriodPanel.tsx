// A goal's target split over a year (目标时间分解): the year, halves, quarters and months, each
// month's four weeks on request; the campaign peaks (618, 双11, 双12) highlighted.
import { Fragment, useMemo, useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { useQuery } from "../../lib/query";
import { Icon } from "../../lib/ui/Icon";
import { LoadError } from "../../lib/ui/LoadError";
import { goalName, goalTargetText, goalValue, isAdditive } from "../../lib/goals";
import type { Goal } from "../../generated/Goal";
import type { PeriodTarget } from "../../generated/PeriodTarget";
import { cascadeDict } from "./dict";
import { levelMax, peakName, peaks, periodDates, periodName } from "./model";

export function PeriodPanel({ goal }: { goal: Goal | undefined }) {
  const t = useT(cascadeDict);
  if (!goal) {
    return (
      <aside className="card gl-periods" aria-label={t("periodTitle")}>
        <div className="empty-state">
          <span className="empty-icon">
            <Icon name="calendar" size={22} />
          </span>
          <p>{t("periodPick")}</p>
        </div>
      </aside>
    );
  }
  return <Periods goal={goal} />;
}

function Periods({ goal }: { goal: Goal }) {
  const t = useT(cascadeDict);
  const lang = useApp((s) => s.lang);
  const plan = useApp((s) => s.current?.doc.plan.id ?? "");
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [open, setOpen] = useState<Set<string>>(new Set());
  const key = `${plan}|${goal.id}|${year}|${goal.target}|${goal.period}|${goal.kind}|${goal.unit}`;
  const q = useQuery(key, () => useApp.getState().backend.call("goal_periods", { plan, goal: goal.id, year }));
  const rows = q.data;
  const max = useMemo(() => levelMax(rows ?? []), [rows]);
  const additive = isAdditive(goal);
  const allOpen = rows ? rows.filter((r) => r.level === "month").every((r) => open.has(r.label)) : false;

  const toggle = (label: string) => {
    const next = new Set(open);
    if (next.has(label)) next.delete(label);
    else next.add(label);
    setOpen(next);
  };
  const name = goalName(goal, lang);

  return (
    <aside className="card gl-periods" aria-label={t("periodTitle")} data-testid="goal-periods">
      <header className="gl-periods-head">
        <div className="gl-periods-title">
          <Icon name="calendar" size={16} />
          <h2>{t("periodTitle")}</h2>
        </div>
        <div className="gl-year" role="group" aria-label={t("year")}>
          <button type="button" className="icon-btn xs" aria-label={t("prevYear")} title={t("prevYear")} onClick={() => setYear(year - 1)} disabled={year <= 2000}>
            <Icon name="chevronLeft" size={14} />
          </button>
          <span className="num gl-year-value" aria-live="polite">
            {year}
          </span>
          <button type="button" className="icon-btn xs" aria-label={t("nextYear")} title={t("nextYear")} onClick={() => setYear(year + 1)} disabled={year >= 2100}>
            <Icon name="chevronRight" size={14} />
          </button>
        </div>
      </header>
      <div className="gl-periods-goal">
        <span className="strong">{name}</span>
        <span className="muted num">{goalTargetText(goal, lang)}</span>
      </div>
      <p className="gl-periods-note">{additive ? t("periodAdditive") : t("periodRate")}</p>
      {q.error ? (
        <LoadError title={t("errorPeriods")} message={q.error.message} onRetry={q.retry} />
      ) : !rows ? (
        <div className="gl-periods-skel" aria-busy="true">
          {Array.from({ length: 10 }, (_, i) => (
            <span key={i} className="skeleton" style={{ height: 22 }} />
          ))}
        </div>
      ) : (
        <>
          <label className="gl-weeks-toggle">
            <input type="checkbox" checked={allOpen} onChange={() => setOpen(allOpen ? new Set() : new Set(rows.filter((r) => r.level === "month").map((r) => r.label)))} />
            {t("showWeeks")}
          </label>
          <div className="gl-periods-scroll" aria-busy={q.loading || undefined}>
            <table className="gl-ptbl" aria-label={t("periodTable", { name, year })}>
              <thead>
                <tr>
                  <th scope="col">{t("colPeriod")}</th>
                  <th scope="col">{t("colDates")}</th>
                  <th scope="col" className="n">
                    {t("colTarget")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  if (r.level === "week" && !open.has(r.label.slice(0, r.label.lastIndexOf(" ")))) return null;
                  return <PeriodRow key={r.label} row={r} max={max.get(r.level) ?? 0} additive={additive} open={open.has(r.label)} onToggle={() => toggle(r.label)} goal={goal} />;
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </aside>
  );
}

function PeriodRow({ row: r, max, additive, open, onToggle, goal }: { row: PeriodTarget; max: number; additive: boolean; open: boolean; onToggle(): void; goal: Goal }) {
  const t = useT(cascadeDict);
  const lang = useApp((s) => s.lang);
  const name = periodName(r, lang);
  const ps = peaks(r);
  const hot = ps.length > 0 && (r.level === "month" || r.level === "week");
  return (
    <tr className={`gl-p gl-p-${r.level}`} data-peak={hot || undefined}>
      <th scope="row">
        {r.level === "month" ? (
          <button type="button" className="gl-p-toggle" aria-expanded={open} aria-label={open ? t("hideWeeksOf", { m: name }) : t("weeksOf", { m: name })} onClick={onToggle}>
            <Icon name={open ? "chevronDown" : "chevronRight"} size={12} />
            <span aria-hidden="true">{name}</span>
          </button>
        ) : (
          <span className="gl-p-name">{name}</span>
        )}
        {(r.level === "year" ? [] : ps).map((p) => (
          <Fragment key={p}>
            {" "}
            <span className="gl-peak" title={t("peak")}>
              {peakName(p, lang)}
            </span>
          </Fragment>
        ))}
      </th>
      <td className="muted num gl-p-dates">{periodDates(r)}</td>
      <td className="n num gl-p-target">
        {additive && max > 0 && r.level !== "year" && (
          <span className="gl-bar" aria-hidden="true">
            <span style={{ width: `${Math.max(2, (r.target / max) * 100)}%` }} />
          </span>
        )}
        <span className="gl-p-value">{goalValue(additive ? Math.round(r.target) : r.target, goal.unit, lang)}</span>
      </td>
    </tr>
  );
}
