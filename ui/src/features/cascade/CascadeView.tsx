// 目标分解: the plan's goals as a tree, each with the KPI points that serve it and the
// positions that own them (top of the reporting tree first), the goal findings inline (nobody
// owns it; sales factors that do not multiply out), forms to add, edit and remove goals, and
// the selected goal's target split over a year.
import { useMemo, useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { useQuery } from "../../lib/query";
import { Icon } from "../../lib/ui/Icon";
import { LoadError } from "../../lib/ui/LoadError";
import { departmentColor, title } from "../../lib/plan";
import { STANDARD_GOALS, goalName, goalTargetText, goalValue, isAdditive, kindLabel } from "../../lib/goals";
import type { CascadeNode } from "../../generated/CascadeNode";
import type { Goal } from "../../generated/Goal";
import type { PlanState } from "../../generated/PlanState";
import { cascadeDict } from "./dict";
import { GoalDialog, type GoalDialogMode } from "./GoalDialog";
import { PeriodPanel } from "./PeriodPanel";
import { owners, unlinked } from "./model";
import "./cascade.css";

/** A number for each plan state the store has held, so the cascade reloads after every edit. */
const versions = new WeakMap<PlanState, number>();
let nextVersion = 0;
function versionOf(s: PlanState): number {
  let v = versions.get(s);
  if (v === undefined) {
    v = ++nextVersion;
    versions.set(s, v);
  }
  return v;
}

export function CascadeView() {
  const t = useT(cascadeDict);
  const current = useApp((s) => s.current);
  const [dialog, setDialog] = useState<GoalDialogMode | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  if (!current) return null;
  const goals = current.doc.goals;
  const focus = goals.find((g) => g.id === picked) ?? goals.find((g) => isAdditive(g)) ?? goals[0];

  return (
    <div className="gl-page" data-testid="cascade-view">
      <header className="gl-head">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
        </div>
        {goals.length > 0 && (
          <button type="button" className="btn primary" onClick={() => setDialog({ parent: null })}>
            <Icon name="plus" size={15} />
            {t("addGoal")}
          </button>
        )}
      </header>
      {goals.length === 0 ? (
        <NoGoals onCustom={() => setDialog({ parent: null })} />
      ) : (
        <div className="gl-grid">
          <Cascade state={current} focus={focus?.id ?? null} onFocus={setPicked} onDialog={setDialog} />
          <PeriodPanel key={focus?.id ?? "none"} goal={focus} />
        </div>
      )}
      {dialog && <GoalDialog mode={dialog} onClose={() => setDialog(null)} />}
    </div>
  );
}

function NoGoals({ onCustom }: { onCustom(): void }) {
  const t = useT(cascadeDict);
  const edit = useApp((s) => s.edit);
  const notify = useApp((s) => s.notify);
  const [busy, setBusy] = useState(false);
  async function addStandard() {
    setBusy(true);
    // One edit: one undo step, and nothing added if it is refused.
    const ok = await edit("add_goals", { goals: [...STANDARD_GOALS] });
    setBusy(false);
    if (ok) notify("info", t("addedStandard"));
  }
  return (
    <div className="empty-state card gl-empty" data-testid="cascade-empty">
      <span className="empty-icon big">
        <Icon name="target" size={30} />
      </span>
      <h2>{t("emptyTitle")}</h2>
      <p>{t("emptyBody")}</p>
      <div className="gl-empty-actions">
        <button type="button" className="btn primary" disabled={busy} onClick={() => void addStandard()}>
          <Icon name="plus" size={15} />
          {t("addStandard")}
        </button>
        <button type="button" className="btn" onClick={onCustom}>
          {t("addCustom")}
        </button>
      </div>
      <p className="gl-empty-hint num">{t("standardHint")}</p>
    </div>
  );
}

function Cascade({ state, focus, onFocus, onDialog }: { state: PlanState; focus: string | null; onFocus(id: string): void; onDialog(m: GoalDialogMode): void }) {
  const t = useT(cascadeDict);
  const plan = state.doc.plan.id;
  const key = `${plan}|${versionOf(state)}`;
  const q = useQuery(key, () => useApp.getState().backend.call("plan_cascade", { plan }));
  const missing = useMemo(() => unlinked(state.doc), [state.doc]);

  if (q.error && !q.data) return <LoadError title={t("errorTitle")} message={q.error.message} onRetry={q.retry} />;
  if (!q.data || !q.dataKey?.startsWith(`${plan}|`)) {
    return (
      <div className="gl-tree" aria-busy="true" role="status" aria-label={t("loading")}>
        {[140, 96, 96, 120].map((h, i) => (
          <span key={i} className="skeleton" style={{ height: h }} />
        ))}
      </div>
    );
  }
  return (
    <div className="gl-tree">
      <ol className="gl-goals" aria-label={t("goalTree")}>
        {q.data.map((n) => (
          <GoalCard key={n.goal.id} node={n} state={state} focused={focus === n.goal.id} onFocus={() => onFocus(n.goal.id)} onDialog={onDialog} />
        ))}
      </ol>
      {missing.length > 0 && <Unlinked rows={missing} state={state} />}
    </div>
  );
}

function GoalCard({ node, state, focused, onFocus, onDialog }: { node: CascadeNode; state: PlanState; focused: boolean; onFocus(): void; onDialog(m: GoalDialogMode): void }) {
  const t = useT(cascadeDict);
  const lang = useApp((s) => s.lang);
  const ask = useApp((s) => s.ask);
  const edit = useApp((s) => s.edit);
  const g = node.goal;
  const name = goalName(g, lang);
  const other = lang === "zh" ? g.name_en : g.name;
  const findings = state.findings.filter((f) => f.goal === g.id && f.code !== "goal_factors");
  // The sales factors as the core multiplied them (CascadeNode.factors).
  const f = node.factors;
  const goalOf = (id: string) => state.doc.goals.find((x) => x.id === id);
  const factors = f && goalOf(f.traffic) && goalOf(f.conversion) && goalOf(f.basket) ? { ...f, traffic: goalOf(f.traffic)!, conversion: goalOf(f.conversion)!, basket: goalOf(f.basket)! } : null;
  const groups = owners(node.links);

  async function remove() {
    const yes = await ask({ title: t("removeTitle", { name }), message: t("removeBody"), confirmLabel: t("remove"), cancelLabel: t("cancel"), danger: true });
    if (yes) await edit("remove_goal", { goal: g.id });
  }

  return (
    <li className="gl-goal" style={{ ["--depth" as string]: node.depth }} data-depth={node.depth} data-focused={focused || undefined}>
      <article className="card gl-card" aria-label={name} data-goal={g.id}>
        <header className="gl-card-head">
          <div className="gl-card-title">
            <span className="gl-kind" data-kind={g.kind}>
              {kindLabel(g.kind, lang)}
            </span>
            <h3>{name}</h3>
            {other && other !== name && (
              <span className="gl-other" lang={lang === "zh" ? "en" : "zh-CN"}>
                {other}
              </span>
            )}
          </div>
          <div className="gl-card-actions">
            <button type="button" className={focused ? "btn sm gl-split on" : "btn sm ghost gl-split"} aria-pressed={focused} aria-label={t("splitOf", { name })} title={t("splitOf", { name })} onClick={onFocus}>
              <Icon name="calendar" size={14} />
              {t("split")}
            </button>
            <button type="button" className="icon-btn xs" aria-label={t("addSubGoalOf", { name })} title={t("addSubGoal")} onClick={() => onDialog({ parent: g.id })}>
              <Icon name="plus" size={14} />
            </button>
            <button type="button" className="icon-btn xs" aria-label={t("editGoalOf", { name })} title={t("editGoal")} onClick={() => onDialog({ edit: g })}>
              <Icon name="pencil" size={14} />
            </button>
            <button type="button" className="icon-btn xs danger" aria-label={t("removeGoalOf", { name })} title={t("remove")} onClick={() => void remove()}>
              <Icon name="trash" size={14} />
            </button>
          </div>
        </header>
        <div className="gl-target num" data-testid="goal-target">
          {goalTargetText(g, lang)}
        </div>

        {factors && (
          <div className="gl-factors" data-state={factors.off ? "off" : "ok"} role={factors.off ? "alert" : undefined} data-testid="goal-factors">
            <div className="gl-factors-head">
              <Icon name={factors.off ? "warning" : "checkCircle"} size={14} />
              <span>{factors.off ? t("factorsOff") : t("factorsOk")}</span>
              <span className="gl-factors-formula muted">{t("factors")}</span>
            </div>
            <div className="gl-factors-eq num">
              <Factor goal={factors.traffic} />
              <span className="gl-op">×</span>
              <Factor goal={factors.conversion} />
              <span className="gl-op">×</span>
              <Factor goal={factors.basket} />
              <span className="gl-op">=</span>
              <span className="gl-factor result">
                <span className="gl-factor-v">{goalValue(factors.product, "yuan", lang)}</span>
                <span className="gl-factor-n">{t("factorsGive")}</span>
              </span>
              <span className="gl-op">{factors.off ? "≠" : "≈"}</span>
              <span className="gl-factor target">
                <span className="gl-factor-v">{goalValue(factors.target, "yuan", lang)}</span>
                <span className="gl-factor-n">{t("factorsTarget")}</span>
              </span>
            </div>
          </div>
        )}

        {findings.length > 0 && (
          <ul className="gl-findings">
            {findings.map((f, i) => (
              <li key={`${f.code}-${i}`} className={`sev-${f.severity}`}>
                <Icon name={f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "info"} size={14} />
                <span>{lang === "zh" ? f.message_zh : f.message_en}</span>
              </li>
            ))}
          </ul>
        )}

        {groups.length === 0 ? (
          <p className="gl-no-owner">{t("noOwnersHint")}</p>
        ) : (
          <div className="gl-owners">
            <div className="gl-owners-head">
              {t("owners")} <span className="muted">· {t("ownersN", { n: node.links.length })}</span>
            </div>
            <ul aria-label={t("owners")}>
              {groups.map((o) => (
                <Owner key={o.position} position={o.position} depth={o.depth} links={o.links} state={state} />
              ))}
            </ul>
          </div>
        )}
      </article>
    </li>
  );
}

/** Selects a position and shows its KPI points in the inspector, where each links to a goal. */
function showKpis(id: string) {
  const { select, setSide } = useApp.getState();
  select(id);
  setSide("inspector", true);
  // After the side panel has scrolled to the top for the new selection.
  requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById("insp-kpis")?.scrollIntoView({ block: "start", behavior: "smooth" })));
}

function Factor({ goal }: { goal: Goal }) {
  const lang = useApp((s) => s.lang);
  return (
    <span className="gl-factor">
      <span className="gl-factor-v">{goalValue(goal.target, goal.unit, lang)}</span>
      <span className="gl-factor-n">{goalName(goal, lang)}</span>
    </span>
  );
}

function Owner({ position, depth, links, state }: { position: string; depth: number; links: CascadeNode["links"]; state: PlanState }) {
  const t = useT(cascadeDict);
  const lang = useApp((s) => s.lang);
  const selected = useApp((s) => s.selected);
  const p = state.doc.positions.find((x) => x.id === position);
  const name = p ? title(p, lang) : links[0].title;
  return (
    <li className="gl-owner" data-selected={selected === position || undefined} style={{ ["--dept" as string]: p ? departmentColor(state.doc, p) : undefined }}>
      <button
        type="button"
        className="gl-owner-pos"
        aria-label={`${name} · ${depth === 0 ? t("levelTop") : t("level", { n: depth + 1 })} · ${t("openPosition", { name })}`}
        onClick={() => showKpis(position)}
      >
        <span className="gl-owner-name">{name}</span>
        <span className="gl-owner-level">{depth === 0 ? t("levelTop") : t("level", { n: depth + 1 })}</span>
      </button>
      <ul className="gl-kpis">
        {links.map((l) => (
          <li key={l.kpi} className="gl-kpi">
            <span className="gl-kpi-metric">{l.metric}</span>
            {l.target && <span className="gl-kpi-target muted">{l.target}</span>}
            <span className="gl-kpi-weight num">{t("weight", { w: l.weight })}</span>
          </li>
        ))}
      </ul>
    </li>
  );
}

function Unlinked({ rows, state }: { rows: ReturnType<typeof unlinked>; state: PlanState }) {
  const t = useT(cascadeDict);
  const lang = useApp((s) => s.lang);
  return (
    <section className="card gl-unlinked" aria-label={t("unlinkedTitle")}>
      <header>
        <Icon name="link" size={15} />
        <h2>{t("unlinkedTitle")}</h2>
      </header>
      <p className="muted">{t("unlinkedBody")}</p>
      <ul>
        {rows.map(({ position: p, count }) => (
          <li key={p.id}>
            <button
              type="button"
              className="chip"
              onClick={() => showKpis(p.id)}
            >
              <span className="dept-dot" style={{ background: departmentColor(state.doc, p) }} aria-hidden="true" />
              <span className="chip-text">{title(p, lang)}</span>
              <span className="muted">· {t("unlinkedN", { n: count })}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
