// 定岗定编: positions grouped by department with headcount (editable), holders, vacancies,
// grade, pay band and payroll; subtotals per department and a totals row. Every figure is the
// core's (PlanState.figures), shown as it is.
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { NumberField } from "../../lib/ui/fields";
import { Icon } from "../../lib/ui/Icon";
import { departmentName, title } from "../../lib/plan";
import { fte, moneyRange, payBandText } from "../../lib/format";
import { establishmentGroups, matches } from "./rows";
import { tablesDict } from "./dict";
import "./tables.css";
import { LIMITS } from "../../generated/limitValues";

export function EstablishmentTable() {
  const t = useT(tablesDict);
  const current = useApp((s) => s.current);
  const lang = useApp((s) => s.lang);
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  const edit = useApp((s) => s.edit);
  const search = useApp((s) => s.search);
  const setSearch = useApp((s) => s.setSearch);
  if (!current) return null;
  const doc = current.doc;
  const f = current.figures;
  const groups = establishmentGroups(doc, f, (p) => matches(doc, p, search));
  const byId = new Map(doc.positions.map((p) => [p.id, p]));
  const shown = groups.some((g) => g.rows.length > 0);

  return (
    <div className="tbl-page">
      <header className="tbl-head">
        <div>
          <h1>{t("establishment")}</h1>
          <p className="muted">{t("establishmentIntro")}</p>
        </div>
        {search && (
          <button type="button" className="chip chip-filter" onClick={() => setSearch("")} aria-label={t("clearSearch")}>
            {t("filtered", { q: search })}
            <Icon name="x" size={12} />
          </button>
        )}
      </header>
      <div className="tbl-scroll">
        <table className="tbl" data-testid="establishment-table">
          <thead>
            <tr>
              <th scope="col" className="col-dept">
                {t("department")}
              </th>
              <th scope="col">{t("position")}</th>
              <th scope="col">{t("superior")}</th>
              <th scope="col" className="n col-hc">
                {t("headcount")}
              </th>
              <th scope="col" className="n" title={t("filledHint")}>
                {t("filled")}
              </th>
              <th scope="col" className="n">
                {t("vacant")}
              </th>
              <th scope="col">{t("grade")}</th>
              <th scope="col" className="n">
                {t("payBand")}
              </th>
              <th scope="col" className="n col-pay" title={t("payrollHint")}>
                {t("payroll")}
              </th>
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.department?.id ?? "none"} className="tbl-group" style={{ ["--dept" as string]: g.department?.color ?? "var(--border-strong)" }}>
              {g.rows.map((r, i) => {
                const p = r.position;
                const parent = p.parent ? byId.get(p.parent) : undefined;
                const name = title(p, lang);
                return (
                  <tr
                    key={p.id}
                    className={selected === p.id ? "sel" : undefined}
                    aria-selected={selected === p.id}
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest("input,button,select")) return;
                      select(p.id);
                    }}
                    data-position={p.id}
                  >
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={g.rows.length + 1} className="col-dept dept-cell">
                        <span className="dept-mark" aria-hidden="true" />
                        <span className="dept-cell-name">{g.department ? departmentName(g.department, lang) : t("noDepartment")}</span>
                        <span className="dept-cell-sub muted">{t("positionsN", { n: g.rows.length })}</span>
                      </th>
                    )}
                    <td className="col-pos">
                      <button type="button" className="link strong" onClick={() => select(p.id)}>
                        {name}
                      </button>
                      {lang === "zh" && p.title_en && <span className="sub">{p.title_en}</span>}
                    </td>
                    <td className="muted">{parent ? title(parent, lang) : t("top")}</td>
                    <td className="n col-hc">
                      <NumberField
                        className="input num cell-input"
                        value={p.headcount}
                        min={1}
                        max={LIMITS.headcount_max}
                        step={1}
                        aria-label={t("headcountOf", { name })}
                        onCommit={(n) => (n === null ? null : edit("update_position", { position: p.id, headcount: n }))}
                      />
                    </td>
                    <td className={r.figures.over ? "n num over" : "n num"} title={r.figures.over ? t("overfilled", { n: r.figures.over }) : undefined}>
                      {r.figures.holders}
                      {r.figures.holders > 0 && r.figures.filled_fte !== r.figures.holders && <span className="muted fte"> ({fte(r.figures.filled_fte)})</span>}
                    </td>
                    <td className={r.figures.vacancies ? "n num vacant" : "n num muted"}>{r.figures.vacancies}</td>
                    <td>{p.grade || <span className="muted">—</span>}</td>
                    <td className="n num muted">{p.pay_band ? payBandText(p.pay_band) : "—"}</td>
                    <td className="n num col-pay">
                      <Payroll range={r.figures.payroll_monthly} />
                    </td>
                  </tr>
                );
              })}
              {g.figures && (
                <tr className="subtotal">
                  <td colSpan={2} className="muted" data-testid="establishment-subtotal-people">
                    {t("subtotal")} · {t("peopleN", { n: g.figures.people })}
                  </td>
                  <td className="n num">{g.figures.headcount}</td>
                  <td className="n num">{fte(g.figures.filled_fte)}</td>
                  <td className={g.figures.vacancies_fte ? "n num vacant" : "n num muted"}>{fte(g.figures.vacancies_fte)}</td>
                  <td />
                  <td />
                  <td className="n num col-pay" data-testid="establishment-subtotal-pay">
                    <Payroll range={g.figures.payroll_monthly} unpriced={g.figures.unpriced} />
                  </td>
                </tr>
              )}
            </tbody>
          ))}
          {!shown && (
            <tbody>
              <tr>
                <td colSpan={9} className="tbl-empty">
                  {t("noMatch", { q: search })}
                </td>
              </tr>
            </tbody>
          )}
          <tfoot>
            <tr data-testid="establishment-total">
              <th scope="row" colSpan={3} data-testid="establishment-total-people">
                {t("total")} <span className="strong">· {t("peopleN", { n: f.people })}</span> <span className="muted">· {t("positionsN", { n: f.positions })}</span>
              </th>
              <td className="n num">{f.headcount}</td>
              <td className="n num" title={t("personsHint", { n: f.persons })}>
                {fte(f.filled_fte)}
              </td>
              <td className={f.vacancies_fte ? "n num vacant" : "n num"}>{fte(f.vacancies_fte)}</td>
              <td colSpan={2} className="n muted tbl-yearly" data-testid="establishment-yearly">
                {t("yearly")} <span className="num strong">{moneyRange(f.payroll_yearly, lang)}</span>
              </td>
              <td className="n num col-pay" data-testid="establishment-monthly">
                {moneyRange(f.payroll_monthly, lang)}
                <span className="muted"> {t("perMonth")}</span>
                {f.payroll_vacancies.max > 0 && f.payroll_filled.max > 0 && (
                  <div className="tbl-unpriced-note">{t("payrollSplit", { filled: moneyRange(f.payroll_filled, lang), vacant: moneyRange(f.payroll_vacancies, lang) })}</div>
                )}
                {f.unpriced > 0 && <div className="tbl-unpriced-note">{t("unpricedN", { n: f.unpriced })}</div>}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

/** A monthly payroll range, or 未定薪 for a position without a pay band; a subtotal also says
 * how many of its positions have none. */
function Payroll({ range, unpriced = 0 }: { range: { min: number; max: number } | null; unpriced?: number }) {
  const t = useT(tablesDict);
  const lang = useApp((s) => s.lang);
  if (!range) return <span className="unpriced">{t("noBand")}</span>;
  if (range.max === 0 && unpriced > 0) return <span className="unpriced">{t("noBand")}</span>;
  return (
    <>
      {moneyRange(range, lang)}
      {unpriced > 0 && (
        <span className="unpriced-n" title={t("unpricedN", { n: unpriced })}>
          {" "}
          +{unpriced}
        </span>
      )}
    </>
  );
}
