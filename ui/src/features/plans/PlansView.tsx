// The list of plans: open, rename, duplicate, export, delete; new from a template; import.
import { useEffect, useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon } from "../../lib/ui/Icon";
import { Menu } from "../../lib/ui/Menu";
import { Dialog } from "../../lib/ui/Dialog";
import { relativeTime, dateText } from "../../lib/format";
import type { PlanSummary } from "../../generated/PlanSummary";
import { NewPlanDialog } from "./NewPlanDialog";
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
          </div>
        </div>
      ) : (
        <PlanList plans={plans} />
      )}
      {creating && <NewPlanDialog onClose={() => setCreating(false)} />}
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
  const [renaming, setRenaming] = useState<PlanSummary | null>(null);
  const now = useNow();
  const sorted = [...plans].sort((a, b) => b.updated_at.localeCompare(a.updated_at));

  function templateName(id: string | null) {
    if (!id) return t("blank");
    const x = templates.find((y) => y.id === id);
    return x ? (lang === "en" ? x.name_en : x.name) : id;
  }

  async function open(p: PlanSummary) {
    if (current?.doc.plan.id === p.id) setView("chart");
    else await openPlan(p.id);
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
          {sorted.map((p) => {
            const isCurrent = current?.doc.plan.id === p.id;
            return (
              <tr key={p.id} className="plan-row" data-plan={p.id} onClick={(e) => !(e.target as HTMLElement).closest("button") && void open(p)}>
                <td>
                  <button type="button" className="plan-open" aria-label={t("open", { name: p.name })} onClick={() => void open(p)}>
                    <span className="plan-title">{p.name}</span>
                    {p.company && <span className="plan-company muted">{p.company}</span>}
                  </button>
                  {isCurrent && <span className="badge accent">{t("current")}</span>}
                </td>
                <td className="muted">{templateName(p.template)}</td>
                <td>
                  <span className={`stage stage-${p.stage}`}>{t(`stage_${p.stage}`)}</span>
                </td>
                <td className="n num">{p.headcount}</td>
                <td className="n num">{p.positions}</td>
                <td className="muted" title={dateText(new Date(p.updated_at))}>
                  {relativeTime(p.updated_at, now, lang)}
                </td>
                <td className="col-actions">
                  <div className="row-actions">
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
                            if (await exportPlanFile(p.id)) notify("info", t("exported"));
                          },
                        },
                        {
                          label: t("delete"),
                          icon: "trash",
                          danger: true,
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
    </div>
  );
}

function RenameDialog({ plan, onClose }: { plan: PlanSummary; onClose(): void }) {
  const t = useT(plansDict);
  const renamePlan = useApp((s) => s.renamePlan);
  const [name, setName] = useState(plan.name);
  async function save() {
    const v = name.trim();
    if (!v || v === plan.name) return onClose();
    if (await renamePlan(plan.id, v)) onClose();
  }
  return (
    <Dialog
      title={t("renameOf", { name: plan.name })}
      onClose={onClose}
      width={420}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t("cancel")}
          </button>
          <button type="button" className="btn primary" disabled={!name.trim()} onClick={() => void save()}>
            {t("save")}
          </button>
        </>
      }
    >
      <label className="np-field">
        <span>{t("planName")}</span>
        <input
          className="input"
          data-autofocus
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onFocus={(e) => e.target.select()}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void save();
            }
          }}
        />
      </label>
    </Dialog>
  );
}
