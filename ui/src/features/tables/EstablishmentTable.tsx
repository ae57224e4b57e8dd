// 定岗定编: positions grouped by department with headcount (editable), filled, vacancies,
// grade and pay band; subtotals per department and a totals row.
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { NumberField } from "../../lib/ui/fields";
import { Icon } from "../../lib/ui/Icon";
import { departmentName, monthlyPayroll, title } from "../../lib/plan";
import { payBandText, yuan } from "../../lib/format";
import { establishmentGroups, matches } from "./rows";
import { tablesDict } from "./dict";
import "./tables.css";

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
  const groups = establishmentGroups(doc, (p) => matches(doc, p, search));
  const all = establishmentGroups(doc);
  const sum = {
    headcount: all.reduce((n, g) => n + g.headcount, 0),
    filled: all.reduce((n, g) => n + g.filled, 0),
    vacant: all.reduce((n, g) => n + g.vacant, 0),
    payroll: monthlyPayroll(doc),
  };
  const byId = new Map(doc.positions.map((p) => [p.id, p]));
  const shown = groups.reduce((n, g) => n + g.rows.length, 0);

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
              <th scope="col" className="n">
                {t("filled")}
              </th>
              <th scope="col" className="n">
                {t("vacant")}
              </th>
              <th scope="col">{t("grade")}</th>
              <th scope="col" className="n">
                {t("payBand")}
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
                        step={1}
                        aria-label={t("headcountOf", { name })}
                        onCommit={(n) => (n === null ? null : edit("update_position", { position: p.id, headcount: n }))}
                      />
                    </td>
                    <td className={r.over ? "n num over" : "n num"} title={r.over ? t("overfilled", { n: r.over }) : undefined}>
                      {r.filled}
                    </td>
                    <td className={r.vacant ? "n num vacant" : "n num muted"}>{r.vacant}</td>
                    <td>{p.grade || <span className="muted">—</span>}</td>
                    <td className="n num">{payBandText(p.pay_band)}</td>
                  </tr>
                );
              })}
              <tr className="subtotal">
                <td colSpan={2} className="muted">
                  {t("subtotal")}
                </td>
                <td className="n num">{g.headcount}</td>
                <td className="n num">{g.filled}</td>
                <td className={g.vacant ? "n num vacant" : "n num muted"}>{g.vacant}</td>
                <td />
                <td className="n num muted">{g.payroll ? yuan(g.payroll) : "—"}</td>
              </tr>
            </tbody>
          ))}
          {shown === 0 && (
            <tbody>
              <tr>
                <td colSpan={8} className="tbl-empty">
                  {t("noMatch", { q: search })}
                </td>
              </tr>
            </tbody>
          )}
          <tfoot>
            <tr data-testid="establishment-total">
              <th scope="row" colSpan={3}>
                {t("total")} <span className="muted">· {t("positionsN", { n: doc.positions.length })}</span>
              </th>
              <td className="n num">{sum.headcount}</td>
              <td className="n num">{sum.filled}</td>
              <td className={sum.vacant ? "n num vacant" : "n num"}>{sum.vacant}</td>
              <td />
              <td className="n num" title={t("payroll")}>
                {yuan(sum.payroll)}
                <span className="muted"> /{lang === "zh" ? "月" : "mo"}</span>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
