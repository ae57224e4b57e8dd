// The list of plans: open, rename, duplicate, export, delete; new from a template; import a
// plan file or a roster (花名册).
import { useEffect, useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon } from "../../lib/ui/Icon";
import { Menu } from "../../lib/ui/Menu";
import { NameDialog } from "../../lib/ui/NameDialog";
import { ScenarioDialog } from "../../lib/ui/ScenarioDialog";
import { relativeTime, dateText } from "../../lib/format";
import { defaultPair, groupPlans } from "../../lib/scenarios";
import { hasPersonalData } from "../../lib/plan";
import type { PlanSummary } from "../../generated/PlanSummary";
import { NewPlanDialog } from "./NewPlanDialog";
import { RosterImportDialog } from "../roster";
import { plansDict } from "./dict";
import "./plans.css";

/** Re-renders every minute so relative times stay true. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

export function PlansView() {
  const t = useT(plansDict);
  const plans = useApp((s) => s.plans);
  const importPlanFile = useApp((s) => s.importPlanFile);
  const notify = useApp((s) => s.notify);
  const [creating, setCreating] = useState(false);
  const [roster, setRoster] = useState(false);

  async function doImport() {
    const s = await importPlanFile();
    if (s) notify("info", t("imported", { name: s.doc.plan.name }));
  }

  return (
    <div className="plans-page">
      <header className="plans-head">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
        </div>
        <div className="plans-actions">
          <button type="button" className="btn" onClick={() => setRoster(true)}>
            <Icon name="users" size={15} />
            {t("importRoster")}
          </button>
          <button type="button" className="btn" onClick={() => void doImport()}>
            <Icon name="upload" size={15} />
            {t("importFile")}
          </button>
          <button type="button" className="btn primary" onClick={() => setCreating(true)}>
            <Icon name="plus" size={15} />
            {t("newPlan")}
          </button>
        </div>
      </header>

      {plans.length === 0 ? (
        <div className="empty-state card plans-empty" data-testid="plans-empty">
          <span className="empty-icon big">
            <Icon name="chart" size={30} />
          </span>
          <h2>{t("emptyTitle")}</h2>
          <p>{t("emptyBody")}</p>
          <div className="plans-actions">
            <button type="button" className="btn primary" onClick={() => setCreating(true)}>
              <Icon name="plus" size={15} />
              {t("newPlan")}
            </button>
            <button type="button" className="btn" onClick={() => void doImport()}>
              <Icon name="upload" size={15} />
              {t("importFile")}
            </button>
            <button type="button" className="btn" onClick={() => setRoster(true)}>
              <Icon name="users" size={15} />
              {t("importRoster")}
            </button>
          </div>
        </div>
      ) : (
        <PlanList plans={plans} />
      )}
      {creating && <NewPlanDialog onClose={() => setCreating(false)} />}
      {roster && <RosterImportDialog onClose={() => setRoster(false)} />}
    </div>
  );
}

function PlanList({ plans }: { plans: PlanSummary[] }) {
  const t = useT(plansDict);
  const lang = useApp((s) => s.lang);
  const templates = useApp((s) => s.templates);
  const current = useApp((s) => s.current);
  const openPlan = useApp((s) => s.openPlan);
  const setView = useApp((s) => s.setView);
  const duplicatePlan = useApp((s) => s.duplicatePlan);
  const deletePlan = useApp((s) => s.deletePlan);
  const exportPlanFile = useApp((s) => s.exportPlanFile);
  const ask = useApp((s) => s.ask);
  const notify = useApp((s) => s.notify);
  const openCompare = useApp((s) => s.openCompare);
  const [renaming, setRenaming] = useState<PlanSummary | null>(null);
  const [branching, setBranching] = useState<PlanSummary | null>(null);
  // 手机 and 邮箱 (personal data) stay out of a plan file unless ticked; only the open plan is
  // known to hold any.
  const [personalFor, setPersonalFor] = useState<string | null>(null);
  const personalPlan = current && hasPersonalData(current.doc) ? current.doc.plan.id : null;
  const now = useNow();
  const rows = groupPlans(plans);

  function templateName(id: string | null) {
    if (!id) return t("blank");
    const x = templates.find((y) => y.id === id);
    return x ? (lang === "en" ? x.name_en : x.name) : id;
  }

  async function open(p: PlanSummary) {
    if (current?.doc.plan.id === p.id) setView("chart");
    else await openPlan(p.id);
  }

  /** A scenario against its base; any other plan against what it is best compared with. */
  async function compare(p: PlanSummary) {
    const pair = defaultPair(plans, p.id);
    if (pair) return openCompare(pair.a, pair.b);
    if (current?.doc.plan.id !== p.id) await openPlan(p.id);
    setView("compare");
  }

  return (
    <div className="card plans-list">
      <table className="tbl plans-tbl" data-testid="plans-table">
        <thead>
          <tr>
            <th scope="col">{t("colName")}</th>
            <th scope="col">{t("colTemplate")}</th>
            <th scope="col">{t("colStage")}</th>
            <th scope="col" className="n">
              {t("colPeople")}
            </th>
            <th scope="col" className="n">
              {t("colHeadcount")}
            </th>
            <th scope="col" className="n">
              {t("colPositions")}
            </th>
            <th scope="col">{t("colUpdated")}</th>
            <th scope="col" className="col-actions">
              <span className="sr-only">{t("colActions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ plan: p, depth, base }) => {
            const isCurrent = current?.doc.plan.id === p.id;
            return (
              <tr
                key={p.id}
                className={depth > 0 ? "plan-row scenario" : "plan-row"}
                data-plan={p.id}
                style={depth > 0 ? { ["--indent" as string]: `${(depth - 1) * 22}px` } : undefined}
                onClick={(e) => !(e.target as HTMLElement).closest("button") && void open(p)}
              >
                <td>
                  <div className="plan-cell">
                    {depth > 0 && <span className="plan-branch" aria-hidden="true" />}
                    <button type="button" className="plan-open" aria-label={t("open", { name: p.name })} onClick={() => void open(p)}>
                      <span className="plan-title">
                        {p.name}
                        {base && <span className="plan-based"> · {t("basedOn", { name: base.name })}</span>}
                      </span>
                      {base ? (
                        <span className="plan-company muted">{t("scenarioLabel")}</span>
                      ) : (
                        p.company && <span className="plan-company muted">{p.company}</span>
                      )}
                    </button>
                    {isCurrent && <span className="badge accent">{t("current")}</span>}
                  </div>
                </td>
                <td className="muted">{templateName(p.template)}</td>
                <td>
                  <span className={`stage stage-${p.stage}`}>{t(`stage_${p.stage}`)}</span>
                </td>
                <td className="n num">{p.people}</td>
                <td className="n num">{p.headcount}</td>
                <td className="n num">{p.positions}</td>
                <td className="muted" title={dateText(new Date(p.updated_at))}>
                  {relativeTime(p.updated_at, now, lang)}
                </td>
                <td className="col-actions">
                  <div className="row-actions">
                    <button
                      type="button"
                      className="btn sm ghost plan-compare"
                      aria-label={base ? t("compareWith", { name: p.name, base: base.name }) : t("compareOf", { name: p.name })}
                      title={t("compareHint")}
                      onClick={() => void compare(p)}
                    >
                      <Icon name="columns" size={14} />
                      {t("compare")}
                    </button>
                    <button type="button" className="icon-btn xs" aria-label={t("scenarioOf", { name: p.name })} title={t("saveScenario")} onClick={() => setBranching(p)}>
                      <Icon name="branch" size={14} />
                    </button>
                    <button type="button" className="icon-btn xs" aria-label={t("renameOf", { name: p.name })} title={t("rename")} onClick={() => setRenaming(p)}>
                      <Icon name="pencil" size={14} />
                    </button>
                    <button
                      type="button"
                      className="icon-btn xs"
                      aria-label={t("duplicateOf", { name: p.name })}
                      title={t("duplicate")}
                      onClick={async () => {
                        const s = await duplicatePlan(p.id);
                        if (s) notify("info", t("duplicated", { name: s.doc.plan.name }));
                      }}
                    >
                      <Icon name="copy" size={14} />
                    </button>
                    <Menu
                      label={t("moreOf", { name: p.name })}
                      className="icon-btn xs"
                      title={t("colActions")}
                      items={[
                        {
                          label: t("exportFile"),
                          icon: "download",
                          onSelect: async () => {
                            if (await exportPlanFile(p.id, personalFor === p.id && personalPlan === p.id)) notify("info", t("exported"));
                          },
                        },
                        ...(personalPlan === p.id
                          ? [
                              {
                                label: t("includePersonal"),
                                checked: personalFor === p.id,
                                onSelect: () => setPersonalFor(personalFor === p.id ? null : p.id),
                              },
                            ]
                          : []),
                        {
                          label: t("delete"),
                          icon: "trash",
                          danger: true,
                          divider: personalPlan === p.id,
                          onSelect: async () => {
                            const yes = await ask({
                              title: t("deleteTitle", { name: p.name }),
                              message: t("deleteBody"),
                              confirmLabel: t("delete"),
                              cancelLabel: t("cancel"),
                              danger: true,
                            });
                            if (yes && (await deletePlan(p.id))) notify("info", t("deleted", { name: p.name }));
                          },
                        },
                      ]}
                    >
                      <Icon name="more" size={16} />
                    </Menu>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {renaming && <RenameDialog plan={renaming} onClose={() => setRenaming(null)} />}
      {branching && <ScenarioDialog base={branching} onClose={() => setBranching(null)} />}
    </div>
  );
}

function RenameDialog({ plan, onClose }: { plan: PlanSummary; onClose(): void }) {
  const t = useT(plansDict);
  const renamePlan = useApp((s) => s.renamePlan);
  return (
    <NameDialog
      title={t("renameOf", { name: plan.name })}
      label={t("planName")}
      initial={plan.name}
      saveLabel={t("save")}
      onSave={async (name) => name === plan.name || (await renamePlan(plan.id, name)) !== null}
      onClose={onClose}
    />
  );
}
