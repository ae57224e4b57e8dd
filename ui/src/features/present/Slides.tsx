// The three kinds of step: the title slide, the top of the chart and a department. They draw
// only what `presentSteps` put in the step, so what it dropped cannot show.
import type { CSSProperties, ReactNode } from "react";
import type { Lang } from "../../generated/Lang";
import { useT } from "../../lib/i18n";
import { moneyRange, payBandText } from "../../lib/format";
import { presentDict } from "./dict";
import type { Bilingual, DepartmentStep, OverviewStep, PresentCard, PresentPosition, SeatNames, TopStep } from "./steps";

type T = ReturnType<typeof useT<typeof presentDict>>;

/** The title in the reader's language; English falls back to Chinese. */
export function primary(b: Bilingual, lang: Lang): string {
  return lang === "en" && b.en ? b.en : b.zh;
}

/** The title in the other language, when it says something the primary one does not. */
function secondary(b: Bilingual, lang: Lang): string {
  const other = lang === "en" ? b.zh : b.en;
  return other && other !== primary(b, lang) ? other : "";
}

const accent = (color: string) => ({ "--pm-dept": color }) as CSSProperties;

export function OverviewSlide({ step, lang, logoSlot }: { step: OverviewStep; lang: Lang; logoSlot: ReactNode }) {
  const t = useT(presentDict);
  const most = Math.max(1, ...step.departments.map((d) => d.people));
  const unit = (zh: string) => (lang === "zh" ? zh : "");
  return (
    <div className="pm-overview">
      <div className="pm-spectrum" aria-hidden="true">
        {step.departments.map((d) => (
          <span key={d.id} style={{ flexGrow: d.people, background: d.color }} />
        ))}
      </div>
      <div className="pm-cover">
        {logoSlot}
        <p className="pm-eyebrow">{t("orgPlan")}</p>
        <h1 className="pm-cover-title">{step.planName}</h1>
        {step.company !== step.planName && <p className="pm-cover-company">{step.company}</p>}
        <p className="pm-stage-chip">{t(`stage_${step.stage}`)}</p>
        {step.goal && (
          <blockquote className="pm-goal" data-private="true">
            <span className="pm-label">{t("goal")}</span>
            {step.goal}
          </blockquote>
        )}
        <dl className="pm-stats">
          <Stat label={t("statPeople")} value={step.people} unit={unit("人")} testId="present-people" />
          {step.staffed && <Stat label={t("statFilled")} value={step.persons} unit={unit("人")} />}
          <Stat label={t("statHeadcount")} value={step.headcount} unit={unit("个")} />
          <Stat label={t("statDepartments")} value={step.departments.length} unit={unit("个")} />
          <Stat label={t("statPositions")} value={step.positions} unit={unit("个")} />
          {step.payroll !== null && <Stat label={t("statPayroll")} value={moneyRange(step.payroll, lang)} testId="present-payroll" />}
        </dl>
      </div>
      {step.departments.length > 0 && (
        <section className="pm-mix" aria-label={t("mix")}>
          <h2 className="pm-mix-title">{t("mix")}</h2>
          <ul>
            {step.departments.map((d) => {
              const sub = secondary(d, lang);
              return (
                <li key={d.id} style={accent(d.color)}>
                  <span className="pm-mix-name">
                    <span className="pm-dot" aria-hidden="true" />
                    {primary(d, lang)}
                    {sub && <span className="pm-mix-sub">{sub}</span>}
                  </span>
                  <span className="pm-mix-count pm-num">{t("people", { n: d.people })}</span>
                  <span className="pm-mix-bar" aria-hidden="true">
                    <span style={{ width: `${(d.people / most) * 100}%` }} />
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}

function Stat({ label, value, unit, testId }: { label: string; value: number | string; unit?: string; testId?: string }) {
  return (
    <div className="pm-stat" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="pm-num">{value}</span>
        {unit && <span className="pm-unit">{unit}</span>}
      </dd>
    </div>
  );
}

export function TopSlide({ step, lang, heading }: { step: TopStep; lang: Lang; heading: string }) {
  const t = useT(presentDict);
  // Wide fan-outs wrap into rows, each hanging from its own bar.
  const perRow = step.reports.length > 10 ? Math.ceil(step.reports.length / Math.ceil(step.reports.length / 8)) : step.reports.length;
  const rows: PresentCard[][] = [];
  for (let i = 0; i < step.reports.length; i += Math.max(1, perRow)) rows.push(step.reports.slice(i, i + perRow));
  return (
    <div className="pm-top">
      <SlideHead
        title={heading}
        sub={t("topSub", { name: primary(step.root.title, lang), n: step.reports.length, total: step.root.team })}
      />
      <div className="pm-tree">
        <TreeCard card={step.root} lang={lang} t={t} staffed={step.staffed} big />
        {rows.length > 0 && <span className="pm-trunk" aria-hidden="true" />}
        {rows.map((row, i) => (
          <ul key={i} className="pm-tree-row" style={{ "--n": row.length } as CSSProperties}>
            {row.map((c) => (
              <li key={c.id} className="pm-tree-child">
                <TreeCard card={c} lang={lang} t={t} staffed={step.staffed} />
              </li>
            ))}
          </ul>
        ))}
      </div>
    </div>
  );
}

function TreeCard({ card, lang, t, staffed, big }: { card: PresentCard; lang: Lang; t: T; staffed: boolean; big?: boolean }) {
  const sub = secondary(card.title, lang);
  return (
    <div className={big ? "pm-card big" : "pm-card"} style={accent(card.color)} data-testid="present-card">
      <span className="pm-card-title" data-one-line={/\s/.test(primary(card.title, lang)) ? undefined : "true"}>
        {primary(card.title, lang)}
      </span>
      {sub && <span className="pm-card-sub">{sub}</span>}
      <span className="pm-card-meta">
        {card.dept && <span className="pm-card-dept">{primary(card.dept, lang)}</span>}
        <span className="pm-num">{staffed ? t("seatsFilled", { filled: card.filled, n: card.headcount }) : t("seats", { n: card.headcount })}</span>
      </span>
      {card.team > card.headcount && <span className="pm-card-team">{t("teamOf", { n: card.team })}</span>}
      {card.names && <Holders names={card.names} lang={lang} t={t} className="pm-card-people" />}
    </div>
  );
}

/** Who holds a position: up to three names, "+n" for the rest, and 空缺 ×n for the seats
 * nobody holds. Nothing when the position has neither. */
function Holders({ names, lang, t, className }: { names: SeatNames; lang: Lang; t: T; className: string }) {
  if (names.shown.length === 0 && names.vacancies === 0) return null;
  return (
    <span className={className} data-private="true" data-testid="present-holders">
      {names.shown.length > 0 && (
        <span className="pm-holder-names">
          {names.shown.join(lang === "zh" ? "、" : ", ")}
          {names.more > 0 && <span className="pm-more pm-num">{t("moreNames", { n: names.more })}</span>}
        </span>
      )}
      {names.vacancies > 0 && <span className="pm-vacant pm-num">{t("vacancies", { n: names.vacancies })}</span>}
    </span>
  );
}

function SlideHead({ title, sub, color, aside }: { title: string; sub?: string; color?: string; aside?: ReactNode }) {
  return (
    <header className="pm-head" style={color ? accent(color) : undefined} data-dept={color ? "true" : undefined}>
      <div className="pm-head-text">
        <h2 className="pm-title">{title}</h2>
        {sub && <p className="pm-title-sub">{sub}</p>}
      </div>
      {aside && <div className="pm-head-aside">{aside}</div>}
    </header>
  );
}

export function DepartmentSlide({ step, lang, heading }: { step: DepartmentStep; lang: Lang; heading: string }) {
  const t = useT(presentDict);
  const count = step.positions.length;
  const wide = count === 1 && step.positions[0].span < 3;
  const cols = wide ? 1 : step.positions.reduce((s, p) => s + p.span, 0);
  const sub = step.dept ? secondary(step.dept, lang) : "";
  return (
    <div className="pm-dept" style={accent(step.dept?.color ?? "#64748b")}>
      <SlideHead
        title={heading}
        sub={sub}
        color={step.dept?.color ?? "#64748b"}
        aside={<span className="pm-num">{t("deptSeats", { n: step.positionCount, p: step.people, h: step.headcount })}</span>}
      />
      <div className={wide ? "pm-grid wide" : "pm-grid"} style={{ "--cols": cols } as CSSProperties}>
        {step.positions.map((p) => (
          <PositionCard key={p.id} p={p} lang={lang} t={t} staffed={step.staffed} wide={wide} />
        ))}
      </div>
    </div>
  );
}

function PositionCard({ p, lang, t, staffed, wide }: { p: PresentPosition; lang: Lang; t: T; staffed: boolean; wide: boolean }) {
  const sub = secondary(p.title, lang);
  const vacant = staffed && p.filled < p.headcount;
  return (
    <article className="pm-pos" style={{ "--span": p.span } as CSSProperties} aria-label={primary(p.title, lang)}>
      <header className="pm-pos-head">
        <h3 className="pm-pos-title">
          {primary(p.title, lang)}
          {sub && <span className="pm-pos-sub">{sub}</span>}
        </h3>
        <p className="pm-facts">
          <span className="pm-fact pm-num">
            {staffed ? t("seatsFilled", { filled: p.filled, n: p.headcount }) : t("seats", { n: p.headcount })}
          </span>
          <span className="pm-fact">
            {p.superior ? (
              <>
                <span className="pm-fact-label">{t("reportsTo")}</span> {primary(p.superior, lang)}
              </>
            ) : (
              t("topOfPlan")
            )}
          </span>
          {p.payBand && (
            <span className="pm-fact pm-pay pm-num" data-private="true" data-testid="present-pay">
              <span className="pm-fact-label">{t("payBand")}</span> {payBandText(p.payBand)}
              {t("perMonth")}
            </span>
          )}
        </p>
        {p.purpose && <p className="pm-purpose">{p.purpose}</p>}
        {p.names
          ? (p.names.shown.length > 0 || p.names.vacancies > 0) && (
              <p className="pm-holders">
                {p.names.shown.length > 0 && <span className="pm-fact-label">{t("holders")}</span>}
                <Holders names={p.names} lang={lang} t={t} className="pm-holder-list" />
              </p>
            )
          : vacant && (
              <p className="pm-holders">
                <span className="pm-vacant">{t("vacant")}</span>
              </p>
            )}
      </header>
      <div className={wide ? "pm-pos-body wide" : "pm-pos-body"}>
        <section className="pm-sec">
          <h4 className="pm-sec-title">{t("duties")}</h4>
          {p.duties.length ? (
            <ul className="pm-duties" style={{ "--span": p.span } as CSSProperties}>
              {p.duties.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : (
            <p className="pm-none">{t("noDuties")}</p>
          )}
        </section>
        {p.kpis.length > 0 && (
          <section className="pm-sec">
            <h4 className="pm-sec-title">{t("kpis")}</h4>
            <ul className="pm-kpis">
              {p.kpis.map((k, i) => (
                <li key={i} className="pm-kpi">
                  <span className="pm-kpi-metric">{k.metric}</span>
                  {k.target ? (
                    <span className="pm-kpi-target">
                      {k.target}
                      <span className="pm-kpi-cycle"> · {t(`cycle_${k.cycle}`)}</span>
                    </span>
                  ) : (
                    <span className="pm-kpi-target pm-kpi-cycle">{t(`cycle_${k.cycle}`)}</span>
                  )}
                  <span className="pm-kpi-weight pm-num" aria-label={`${t("weight")} ${k.weight}%`}>
                    {k.weight}%
                  </span>
                  <span className="pm-kpi-bar" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, Math.max(0, k.weight))}%` }} />
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {p.notes && (
          <section className="pm-sec pm-notes" data-private="true">
            <h4 className="pm-sec-title">{t("notes")}</h4>
            <p>{p.notes}</p>
          </section>
        )}
      </div>
    </article>
  );
}
