// Create a plan from one of the four templates or blank, with a preview of the structure.
// Nothing is created until the user confirms.
import { useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Dialog } from "../../lib/ui/Dialog";
import { Icon } from "../../lib/ui/Icon";
import type { TemplateInfo } from "../../generated/TemplateInfo";
import { plansDict } from "./dict";
import { LIMITS } from "../../generated/limitValues";

const BLANK = "";
const ROLES_SHOWN = 4;

export function NewPlanDialog({ onClose }: { onClose(): void }) {
  const t = useT(plansDict);
  const lang = useApp((s) => s.lang);
  const templates = useApp((s) => s.templates);
  const createPlan = useApp((s) => s.createPlan);
  const [chosen, setChosen] = useState<string>(templates.find((x) => x.id === "team-8")?.id ?? templates[0]?.id ?? BLANK);
  const [name, setName] = useState("");
  const [company, setCompany] = useState("");
  const [busy, setBusy] = useState(false);
  const info = templates.find((x) => x.id === chosen);

  async function create() {
    setBusy(true);
    const args: { name?: string; template?: string; company?: string } = {};
    if (name.trim()) args.name = name.trim();
    if (chosen) args.template = chosen;
    if (company.trim()) args.company = company.trim();
    const state = await createPlan(args);
    setBusy(false);
    if (state) onClose();
  }

  const tname = (x: TemplateInfo) => (lang === "en" ? x.name_en : x.name);

  return (
    <Dialog
      title={t("dialogTitle")}
      description={t("dialogDesc")}
      onClose={onClose}
      width={920}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t("cancel")}
          </button>
          <button type="button" className="btn primary" disabled={busy} onClick={() => void create()} data-testid="create-plan">
            {busy ? t("creating") : t("create")}
          </button>
        </>
      }
    >
      <div className="np">
        <div className="np-pick" role="radiogroup" aria-label={t("templates")}>
          {templates.map((x) => (
            <TemplateOption key={x.id} checked={chosen === x.id} onPick={() => setChosen(x.id)} title={tname(x)} summary={lang === "en" ? x.summary_en : x.summary_zh} meta={`${t("statPeople")} ${x.people} · ${t("statHeadcount")} ${x.headcount} · ${t("statPositions")} ${x.positions}`} />
          ))}
          <TemplateOption checked={chosen === BLANK} onPick={() => setChosen(BLANK)} title={t("blank")} summary={t("blankSummary")} meta="" />
        </div>
        <div className="np-preview" aria-live="polite">
          {info ? <Preview info={info} /> : <BlankPreview />}
        </div>
      </div>
      <div className="np-fields">
        <label className="np-field">
          <span>{t("planName")}</span>
          <input className="input" value={name} maxLength={LIMITS.short_text} placeholder={info ? tname(info) : t("blank")} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="np-field">
          <span>{t("company")}</span>
          <input className="input" value={company} maxLength={LIMITS.short_text} onChange={(e) => setCompany(e.target.value)} />
        </label>
      </div>
    </Dialog>
  );
}

function TemplateOption({ checked, onPick, title, summary, meta }: { checked: boolean; onPick(): void; title: string; summary: string; meta: string }) {
  return (
    <button
      type="button"
      role="radio"
      aria-checked={checked}
      className={checked ? "np-option on" : "np-option"}
      onClick={onPick}
      onKeyDown={(e) => {
        if (e.key === "ArrowDown" || e.key === "ArrowUp") {
          e.preventDefault();
          const all = Array.from((e.currentTarget.parentElement as HTMLElement).querySelectorAll<HTMLButtonElement>('[role="radio"]'));
          const at = all.indexOf(e.currentTarget);
          const next = all[(at + (e.key === "ArrowDown" ? 1 : all.length - 1)) % all.length];
          next.focus();
          next.click();
        }
      }}
      {...(checked ? { "data-autofocus": true } : {})}
    >
      <span className="np-radio" aria-hidden="true" />
      <span className="np-option-text">
        <span className="np-option-title">{title}</span>
        <span className="np-option-summary">{summary}</span>
        {meta && <span className="np-option-meta num">{meta}</span>}
      </span>
    </button>
  );
}

function Preview({ info }: { info: TemplateInfo }) {
  const t = useT(plansDict);
  const lang = useApp((s) => s.lang);
  return (
    <div className="np-pv" data-testid="template-preview">
      <div className="np-pv-head">
        <h3>{lang === "en" ? info.name_en : info.name}</h3>
        <p className="muted">{lang === "en" ? info.summary_en : info.summary_zh}</p>
        <dl className="np-stats">
          <div>
            <dt>{t("statPeople")}</dt>
            <dd className="num">{info.people}</dd>
          </div>
          <div>
            <dt>{t("statHeadcount")}</dt>
            <dd className="num">{info.headcount}</dd>
          </div>
          <div>
            <dt>{t("statPositions")}</dt>
            <dd className="num">{info.positions}</dd>
          </div>
          <div>
            <dt>{t("statDepartments")}</dt>
            <dd className="num">{info.departments}</dd>
          </div>
          <div>
            <dt>{t("statTarget")}</dt>
            <dd className="num">{info.target_size}</dd>
          </div>
        </dl>
        {info.persons > 0 && (
          <p className="np-people">
            <Icon name="users" size={14} />
            {t("withPeople", { n: info.persons, seats: info.headcount })}
          </p>
        )}
      </div>
      {info.preview.length > 0 && (
        <div className="np-tree" aria-label={t("previewTitle")}>
          <div className="np-top">
            <span className="np-top-node">{lang === "en" ? info.top[1] : info.top[0]}</span>
          </div>
          <div className="np-depts">
            {info.preview.map((d) => (
              <div key={d.name} className="np-dept" style={{ ["--dept" as string]: d.color }}>
                <div className="np-dept-head">
                  <span className="np-dept-name">{lang === "en" ? d.name_en : d.name}</span>
                  <span className="np-dept-hc num" title={t("deptPeopleHint", { people: d.people, seats: d.headcount })}>
                    {t("peopleN", { n: d.people })}
                  </span>
                </div>
                <ul>
                  {d.roles.slice(0, ROLES_SHOWN).map(([zh, en, hc]) => (
                    <li key={zh}>
                      <span>{lang === "en" ? en : zh}</span>
                      {hc > 1 && <span className="num muted">×{hc}</span>}
                    </li>
                  ))}
                  {d.roles.length > ROLES_SHOWN && <li className="muted">{t("more", { n: d.roles.length - ROLES_SHOWN })}</li>}
                </ul>
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

function BlankPreview() {
  const t = useT(plansDict);
  return (
    <div className="np-pv np-blank">
      <div className="np-top">
        <span className="np-top-node">{t("topNode")}</span>
      </div>
      <div className="np-blank-slots" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <p className="muted">{t("blankPreview")}</p>
    </div>
  );
}
