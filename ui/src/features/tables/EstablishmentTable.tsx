// 定岗定编: positions grouped by department with headcount (editable), holders, vacancies,
// grade, pay band and payroll; subtotals per department and a totals row. Every figure is the
// core's (PlanState.figures), shown as it is. Virtualised: only the rows in view are rendered;
// sortable by its column headers, filtered by the app's search (the box above it).
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { NumberField } from "../../lib/ui/fields";
import { Icon } from "../../lib/ui/Icon";
import { departmentName, title } from "../../lib/plan";
import { fte, moneyRange, payBandText } from "../../lib/format";
import { useMemo, useState } from "react";
import { establishmentGroups, establishmentLines, matches, nextSort, sortEstablishment } from "./rows";
import type { EstablishmentSortKey, SortState } from "./rows";
import { SortTh, Spacer, useTableRows } from "./virtual";
import { FilterBox } from "./PeopleTable";
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
  const [sort, setSort] = useState<SortState<EstablishmentSortKey> | null>(null);
  const doc = current?.doc;
  const f = current?.figures;
  // Filtered, grouped, sorted and laid out as lines: pure (rows.ts), the figures the core's.
  const lines = useMemo(
    () => (doc && f ? establishmentLines(sortEstablishment(doc, establishmentGroups(doc, f, (p) => matches(doc, p, search)), sort)) : []),
    [doc, f, search, sort],
  );
  const byId = useMemo(() => new Map((doc?.positions ?? []).map((p) => [p.id, p])), [doc]);
  const rows = useTableRows(lines.length, ROW_HEIGHT);
  if (!current || !doc || !f) return null;
  const shown = lines.length > 0;
  const onSort = (k: EstablishmentSortKey) => setSort((s) => nextSort(s, k));
  const th = (k: EstablishmentSortKey, label: string, className?: string, title?: string) => (
    <SortTh k={k} sort={sort} onSort={onSort} className={className} title={title} hint={t("sortHint")}>
      {label}
    </SortTh>
  );

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
      <div className="tbl-bar">
        <FilterBox label={t("filterPositions")} placeholder={t("filterPositionsPh")} value={search} onChange={setSearch} clear={t("clearSearch")} />
      </div>
      <div className="tbl-scroll" ref={rows.scrollRef}>
        <table className="tbl est" data-testid="establishment-table" aria-label={t("establishment")} aria-rowcount={lines.length + 2}>
          <thead>
            <tr aria-rowindex={1}>
              {th("department", t("department"), "col-dept")}
              {th("position", t("position"))}
              {th("superior", t("superior"))}
              {th("headcount", t("headcount"), "n col-hc")}
              {th("filled", t("filled"), "n", t("filledHint"))}
              {th("vacant", t("vacant"), "n")}
              {th("grade", t("grade"))}
              {th("payBand", t("payBand"), "n")}
              {th("payroll", t("payroll"), "n col-pay", t("payrollHint"))}
            </tr>
          </thead>
          <tbody>
            <Spacer height={rows.padTop} cols={9} />
            {rows.items.map((item) => {
              const line = lines[item.index];
              const g = line.group;
              const style = { ["--dept" as string]: g.department?.color ?? "var(--border-strong)" };
              const deptName = g.department ? departmentName(g.department, lang) : t("noDepartment");
              const common = { "data-index": item.index, ref: rows.virtualizer.measureElement, "aria-rowindex": item.index + 2, style };
              if (line.kind === "subtotal") {
                const gf = g.figures!;
                return (
                  <tr key={`sub-${g.department?.id ?? "none"}`} className="subtotal" {...common}>
                    <td className="col-dept dept-cell cont">
                      <span className="dept-mark" aria-hidden="true" />
                      <span className="sr-only">{deptName}</span>
                    </td>
                    <td colSpan={2} className="muted" data-testid="establishment-subtotal-people">
                      {t("subtotal")} · {t("peopleN", { n: gf.people })}
                    </td>
                    <td className="n num">{gf.headcount}</td>
                    <td className="n num">{fte(gf.filled_fte)}</td>
                    <td className={gf.vacancies_fte ? "n num vacant" : "n num muted"}>{fte(gf.vacancies_fte)}</td>
                    <td />
                    <td />
                    <td className="n num col-pay" data-testid="establishment-subtotal-pay">
                      <Payroll range={gf.payroll_monthly} unpriced={gf.unpriced} />
                    </td>
                  </tr>
                );
              }
              const r = line.row;
              const p = r.position;
              const parent = p.parent ? byId.get(p.parent) : undefined;
              const name = title(p, lang);
              return (
                <tr
                  key={p.id}
                  {...common}
                  className={selected === p.id ? "sel" : undefined}
                  aria-selected={selected === p.id}
                  onClick={(e) => {
                    if ((e.target as HTMLElement).closest("input,button,select")) return;
                    select(p.id);
                  }}
                  data-position={p.id}
                >
                  <td className={line.first ? "col-dept dept-cell" : "col-dept dept-cell cont"}>
                    <span className="dept-mark" aria-hidden="true" />
                    {line.first ? (
                      <>
                        <span className="dept-cell-name">{deptName}</span>
                        <span className="dept-cell-sub muted">{t("positionsN", { n: g.rows.length })}</span>
                      </>
                    ) : (
                      <span className="sr-only">{deptName}</span>
                    )}
                  </td>
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
            <Spacer height={rows.padBottom} cols={9} />
            {!shown && (
              <tr>
                <td colSpan={9} className="tbl-empty">
                  {t("noMatch", { q: search })}
                </td>
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr data-testid="establishment-total" aria-rowindex={lines.length + 2}>
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

/** A row's height before it is measured. */
const ROW_HEIGHT = 45;

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
