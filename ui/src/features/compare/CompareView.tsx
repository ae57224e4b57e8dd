// 方案对比: two plans side by side. Pick A (before) and B (after); see the figures, plan B's
// chart with the changes marked (removed positions as red ghosts), how seats split along the
// growth path and why, the order to hire in, every change, and headcount and payroll per
// department. The chart comes from the shell (the chart feature draws it).
import { useMemo, useState } from "react";
import type { ComponentType, ReactNode } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { useQuery } from "../../lib/query";
import { Icon } from "../../lib/ui/Icon";
import type { IconName } from "../../lib/ui/Icon";
import { ScenarioDialog } from "../../lib/ui/ScenarioDialog";
import { LoadError } from "../../lib/ui/LoadError";
import { Menu } from "../../lib/ui/Menu";
import { defaultPair } from "../../lib/scenarios";
import { moneyRange, signed, signedMoneyRange } from "../../lib/format";
import type { MarkedChartProps } from "../../lib/chartMarks";
import type { Comparison } from "../../generated/Comparison";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Lang } from "../../generated/Lang";
import type { Payroll } from "../../generated/Payroll";
import type { PayrollDelta } from "../../generated/PayrollDelta";
import { compareDict } from "./dict";
import { deptLabel, diffChart, planLabels, refTitle, summary, superiors, unchanged } from "./model";
import "./compare.css";

type T = ReturnType<typeof useT<typeof compareDict>>;

export function CompareView({ Chart }: { Chart: ComponentType<MarkedChartProps> }) {
  const t = useT(compareDict);
  const plans = useApp((s) => s.plans);
  const current = useApp((s) => s.current);
  const comparing = useApp((s) => s.comparing);
  const [saving, setSaving] = useState(false);
  const known = (id: string) => plans.some((p) => p.id === id);
  const pair = comparing && known(comparing.a) && known(comparing.b) ? comparing : defaultPair(plans, current?.doc.plan.id ?? null);

  if (!pair) {
    return (
      <div className="cmp-page">
        <div className="empty-state card cmp-empty" data-testid="compare-empty">
          <span className="empty-icon big">
            <Icon name="columns" size={30} />
          </span>
          <h2>{t("onlyOneTitle")}</h2>
          <p>{t("onlyOneBody")}</p>
          <div className="cmp-empty-actions">
            {current && (
              <button type="button" className="btn primary" onClick={() => setSaving(true)}>
                <Icon name="branch" size={15} />
                {t("saveScenario")}
              </button>
            )}
            <button type="button" className="btn" onClick={() => useApp.getState().setView("plans")}>
              {t("toPlans")}
            </button>
          </div>
        </div>
        {saving && current && <ScenarioDialog base={{ id: current.doc.plan.id, name: current.doc.plan.name }} onClose={() => setSaving(false)} />}
      </div>
    );
  }

  return (
    <div className="cmp-page" data-testid="compare-view">
      <header className="cmp-head">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
        </div>
        <div className="cmp-head-tools">
          <Pickers a={pair.a} b={pair.b} />
          {pair.a !== pair.b && <ExportMenu a={pair.a} b={pair.b} />}
        </div>
      </header>
      {pair.a === pair.b ? (
        <div className="card cmp-notice" role="status">
          <Icon name="info" size={16} />
          {t("samePlan")}
        </div>
      ) : (
        <Loaded a={pair.a} b={pair.b} Chart={Chart} />
      )}
    </div>
  );
}

function Pickers({ a, b }: { a: string; b: string }) {
  const t = useT(compareDict);
  const plans = useApp((s) => s.plans);
  const labels = useMemo(() => planLabels(plans), [plans]);
  const sorted = useMemo(() => [...plans].sort((x, y) => y.updated_at.localeCompare(x.updated_at)), [plans]);
  const pick = (next: { a: string; b: string }) => useApp.setState({ comparing: next });
  const options = sorted.map((p) => (
    <option key={p.id} value={p.id}>
      {labels.get(p.id)}
      {p.scenario_of ? ` · ${t("scenarioTag")}` : ""}
    </option>
  ));
  return (
    <div className="cmp-pickers">
      <label className="cmp-pick">
        <span className="cmp-pick-label">
          <span className="cmp-ab a">A</span>
          {t("planA")}
        </span>
        <select className="input select" value={a} onChange={(e) => pick({ a: e.target.value, b })}>
          {options}
        </select>
      </label>
      <button type="button" className="icon-btn cmp-swap" aria-label={t("swap")} title={t("swap")} onClick={() => pick({ a: b, b: a })}>
        <Icon name="swap" size={16} />
      </button>
      <label className="cmp-pick">
        <span className="cmp-pick-label">
          <span className="cmp-ab b">B</span>
          {t("planB")}
        </span>
        <select className="input select" value={b} onChange={(e) => pick({ a, b: e.target.value })}>
          {options}
        </select>
      </label>
    </div>
  );
}

/** Saves the comparison: the two sheets as Excel, or the report with the marked chart as PDF. */
function ExportMenu({ a, b }: { a: string; b: string }) {
  const t = useT(compareDict);
  const exportComparison = useApp((s) => s.exportComparison);
  const notify = useApp((s) => s.notify);
  const save = (format: "xlsx" | "pdf", paper?: "a4" | "a3") => async () => {
    if (await exportComparison(a, b, format, paper)) notify("info", t("exported"));
  };
  return (
    <Menu
      label={t("exportMenu")}
      title={t("exportHint")}
      items={[
        { label: t("exportXlsx"), icon: "table", onSelect: save("xlsx") },
        { label: t("exportPdfA4"), icon: "file", onSelect: save("pdf", "a4") },
        { label: t("exportPdfA3"), icon: "file", onSelect: save("pdf", "a3") },
      ]}
    >
      <Icon name="download" size={15} />
      {t("export")}
    </Menu>
  );
}

interface Data {
  cmp: Comparison;
  a: PlanDoc;
  b: PlanDoc;
}

function Loaded({ a, b, Chart }: { a: string; b: string; Chart: ComponentType<MarkedChartProps> }) {
  const t = useT(compareDict);
  const plans = useApp((s) => s.plans);
  const stamp = (id: string) => plans.find((p) => p.id === id)?.updated_at ?? "";
  const key = `${a}|${b}|${stamp(a)}|${stamp(b)}`;
  const q = useQuery<Data>(key, async () => {
    const backend = useApp.getState().backend;
    const [cmp, da, db] = await Promise.all([
      backend.call("compare_plans", { a, b }),
      backend.call("get_plan", { plan: a }),
      backend.call("get_plan", { plan: b }),
    ]);
    return { cmp, a: da.doc, b: db.doc };
  });
  const fresh = q.data && q.data.cmp.a.id === a && q.data.cmp.b.id === b ? q.data : undefined;

  if (q.error) return <LoadError title={t("errorTitle")} message={q.error.kind === "not_found" ? t("errorGone") : q.error.message} onRetry={q.retry} />;
  if (!fresh) return <CompareSkeleton label={t("loading")} />;
  return <Report data={fresh} Chart={Chart} busy={q.loading} />;
}

function CompareSkeleton({ label }: { label: string }) {
  return (
    <div className="cmp-skeleton" aria-busy="true" role="status" aria-label={label}>
      <div className="cmp-cards">
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className="skeleton" style={{ height: 96 }} />
        ))}
      </div>
      <div className="cmp-grid">
        <span className="skeleton" style={{ height: 360 }} />
        <span className="skeleton" style={{ height: 360 }} />
      </div>
    </div>
  );
}

function Report({ data, Chart, busy }: { data: Data; Chart: ComponentType<MarkedChartProps>; busy: boolean }) {
  const t = useT(compareDict);
  const lang = useApp((s) => s.lang);
  const { cmp, a, b } = data;
  const s = summary(cmp);
  const hiring = <Hiring cmp={cmp} b={b} />;
  const unpriced = cmp.b.unpriced;
  const chart = useMemo(
    () =>
      diffChart(cmp, a, b, lang, {
        added: t("badgeAdded"),
        moved: t("badgeMoved"),
        renamed: t("badgeRenamed"),
        removed: t("badgeRemoved"),
        resized: (x, y) => t("badgeResized", { a: x, b: y }),
        addedNote: t("noteAdded"),
        movedNote: (x, y) => t("noteMoved", { a: x, b: y }),
        renamedNote: (x) => t("noteRenamed", { a: x }),
        resizedNote: (x, y) => t("noteResized", { a: x, b: y }),
        removedNote: (x) => (x ? t("noteRemoved", { a: x }) : t("noteRemovedTop")),
      }),
    [cmp, a, b, lang, t],
  );

  return (
    <div className="cmp-report" aria-busy={busy || undefined}>
      <section className="cmp-cards" aria-label={t("title")}>
        <Figure
          label={t("people")}
          hint={t("peopleHint")}
          from={String(s.people[0])}
          to={String(s.people[1])}
          delta={signed(s.peopleDelta)}
          tone={tone(s.peopleDelta)}
          sub={t("hiresN", { n: s.hires })}
          testId="compare-people"
        />
        <Figure
          label={t("positions")}
          from={String(s.positions[0])}
          to={String(s.positions[1])}
          delta={signed(s.positionsDelta)}
          tone={tone(s.positionsDelta)}
          sub={t("seatsAB", { a: s.headcount[0], b: s.headcount[1] })}
        />
        <Figure
          label={t("monthly")}
          hint={t("monthlyHint")}
          from={moneyRange(s.monthly[0], lang)}
          to={moneyRange(s.monthly[1], lang)}
          delta={`${signedMoneyRange(s.monthlyDelta, lang)}${t("perMonth")}`}
          tone={tone(s.monthlyDelta.min + s.monthlyDelta.max)}
          cost
          sub={unpriced > 0 ? t("unpricedB", { n: unpriced }) : undefined}
        />
        <Figure label={t("yearly")} to={`${signedMoneyRange(s.yearlyDelta, lang)}`} unit={t("perYear")} tone={tone(s.yearlyDelta.min + s.yearlyDelta.max)} cost sub={t("twelveMonths")} />
      </section>

      <div className="cmp-grid">
        <div className="cmp-col">
          <section className="card cmp-chart" aria-labelledby="cmp-chart-title">
            <header className="cmp-sec-head">
              <div>
                <h2 id="cmp-chart-title">
                  {t("chartTitle")} <span className="cmp-chart-name">· {cmp.b.name}</span>
                </h2>
                <p className="muted">{t("chartSub")}</p>
              </div>
              <Legend t={t} />
            </header>
            <div className="cmp-chart-body">
              <Chart doc={chart.doc} marks={chart.marks} label={t("chartLabel")} />
            </div>
          </section>
          <Departments cmp={cmp} docs={[b, a]} />
        </div>
        <div className="cmp-col">
          {cmp.splits.length > 0 && (
            <Section icon="branch" title={t("splitsTitle")} sub={t("splitsSub", { a: cmp.a.name, b: cmp.b.name })} testId="compare-splits">
              <ul className="cmp-splits">
                {cmp.splits.map((sp, i) => {
                  const from = sp.from.map((p) => refTitle(p, a, lang));
                  const into = sp.into.map((p) => refTitle(p, b, lang));
                  return (
                    <li key={i} className="cmp-split" aria-label={`${from.join(" + ") || "—"} → ${into.join(" + ") || "—"}`}>
                      <div className="cmp-flow">
                        <Seats names={from} kind="from" />
                        <span className="cmp-arrow" aria-hidden="true">
                          {" "}→{" "}
                        </span>
                        <Seats names={into} kind="to" />
                      </div>
                      <p className="cmp-reason">{sp.reason}</p>
                    </li>
                  );
                })}
              </ul>
            </Section>
          )}
          {cmp.seat_splits.length > 0 && (
            <Section icon="users" title={t("seatSplitsTitle")} sub={t("seatSplitsSub")} testId="compare-seat-splits">
              <ul className="cmp-splits">
                {cmp.seat_splits.map((sp, i) => {
                  const kept = refTitle(sp.kept, b, lang);
                  const handed = sp.handed.map((p) => refTitle(p, b, lang));
                  return (
                    <li key={i} className="cmp-split">
                      <div className="cmp-flow">
                        <span className="strong">{sp.person}</span>
                        <span className="muted">{t("seatSplitLine", { kept, handed: handed.join("、") })}</span>
                      </div>
                      {sp.reason && <p className="cmp-reason">{sp.reason}</p>}
                    </li>
                  );
                })}
              </ul>
            </Section>
          )}
          {cmp.hiring_order.length > 0 && hiring}
          <Changes data={data} />
          {cmp.hiring_order.length === 0 && hiring}
        </div>
      </div>
    </div>
  );
}

type Tone = "rise" | "fall" | "flat";

function Hiring({ cmp, b }: { cmp: Comparison; b: PlanDoc }) {
  const t = useT(compareDict);
  const lang = useApp((s) => s.lang);
  return (
    <Section icon="userPlus" title={t("hiringTitle")} sub={cmp.hiring_order.length ? t("hiringSub", { n: cmp.hires }) : undefined} testId="compare-hiring">
      {cmp.hiring_order.length === 0 ? (
        <p className="cmp-none">{t("noHires")}</p>
      ) : (
        <Folded
          ordered
          className="cmp-hires"
          label={t("hiringTitle")}
          items={cmp.hiring_order}
          render={(h, i) => (
            <li key={h.position.id} className="cmp-hire" data-testid="compare-hire">
              <span className="cmp-hire-n num" aria-hidden="true">
                {i + 1}
              </span>
              <div className="cmp-hire-main">
                <div className="cmp-hire-line">
                  <span className="strong">{refTitle(h.position, b, lang)}</span>
                  {h.position.department && <span className="cmp-tag">{deptLabel(h.position.department, [b], lang)}</span>}
                  <span className="muted cmp-hire-hc">{t("hireHc", { n: h.count })}</span>
                </div>
                {h.reason && <p className="cmp-reason">{h.reason}</p>}
              </div>
            </li>
          )}
        />
      )}
    </Section>
  );
}

function tone(n: number): Tone {
  if (Math.round(n) === 0) return "flat";
  return n > 0 ? "rise" : "fall";
}

function Figure(p: { label: string; hint?: string; from?: string; to: string; delta?: string; unit?: string; sub?: string; tone: Tone; cost?: boolean; testId?: string }) {
  return (
    <div className="card cmp-figure" data-tone={p.tone} data-cost={p.cost || undefined} role="group" aria-label={p.label} title={p.hint} data-testid={p.testId}>
      <div className="cmp-figure-label">{p.label}</div>
      <div className="cmp-figure-value num">
        {p.from !== undefined && (
          <>
            <span className="cmp-from">{p.from}</span>
            <span className="cmp-figure-arrow" aria-hidden="true">
              {" "}→{" "}
            </span>
          </>
        )}
        <span className={p.from === undefined ? "cmp-to solo" : "cmp-to"}>{p.to}</span>
        {p.unit && <span className="cmp-unit">{p.unit}</span>}
      </div>
      <div className="cmp-figure-foot">
        {p.delta && <span className="cmp-delta num">{p.delta}</span>}
        {p.sub && <span className="muted">{p.sub}</span>}
      </div>
    </div>
  );
}

function Legend({ t }: { t: T }) {
  return (
    <ul className="cmp-legend" aria-label={t("chartLabel")}>
      {(["added", "moved", "changed", "removed"] as const).map((k) => (
        <li key={k}>
          <span className="cmp-swatch" data-status={k} aria-hidden="true" />
          {t(k === "added" ? "legendAdded" : k === "moved" ? "legendMoved" : k === "changed" ? "legendChanged" : "legendRemoved")}
        </li>
      ))}
    </ul>
  );
}

function Seats({ names, kind }: { names: string[]; kind: "from" | "to" }) {
  if (names.length === 0) return <span className="cmp-seat none">—</span>;
  return (
    <>
      {names.map((n, i) => (
        <span key={`${n}-${i}`}>
          {i > 0 && (
            <span className="cmp-plus" aria-hidden="true">
              {" "}+{" "}
            </span>
          )}
          <span className={`cmp-seat ${kind}`}>{n}</span>
        </span>
      ))}
    </>
  );
}

function Section({ icon, title, sub, testId, children }: { icon: IconName; title: string; sub?: string; testId?: string; children: ReactNode }) {
  return (
    <section className="card cmp-sec" aria-label={title} data-testid={testId}>
      <header className="cmp-sec-head">
        <div className="cmp-sec-title">
          <Icon name={icon} size={16} />
          <h2>{title}</h2>
        </div>
        {sub && <p className="muted cmp-sec-sub">{sub}</p>}
      </header>
      {children}
    </section>
  );
}

/** Items a long list shows until the user asks for all of them. */
const SHOWN = 8;

function Folded<T>({ items, render, className, label, ordered }: { items: T[]; render(item: T, i: number): ReactNode; className?: string; label?: string; ordered?: boolean }) {
  const t = useT(compareDict);
  const [all, setAll] = useState(false);
  const fold = items.length > SHOWN + 1;
  const shown = fold && !all ? items.slice(0, SHOWN) : items;
  const List = ordered ? "ol" : "ul";
  return (
    <>
      <List className={className} aria-label={label}>
        {shown.map(render)}
      </List>
      {fold && (
        <button type="button" className="link cmp-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t("showLess") : t("moreItems", { n: items.length - SHOWN })}
        </button>
      )}
    </>
  );
}

function Changes({ data }: { data: Data }) {
  const t = useT(compareDict);
  const lang = useApp((s) => s.lang);
  const { cmp, a, b } = data;
  const inB = (id: string | null) => {
    const p = id ? b.positions.find((x) => x.id === id) : undefined;
    return p ? refTitle({ id: p.id, title: p.title, department: "", headcount: 0 }, b, lang) : "";
  };
  const toA = new Map(cmp.matched.map(([x, y]) => [y, x]));
  const before = (id: string, fallback: string) => refTitle({ id: toA.get(id) ?? "", title: fallback, department: "", headcount: 0 }, a, lang);
  const groups: { key: string; status: string; title: string; items: { key: string; main: string; detail?: string }[] }[] = [
    {
      key: "added",
      status: "added",
      title: t("added"),
      items: cmp.added.map((p) => ({ key: p.id, main: refTitle(p, b, lang), detail: deptLabel(p.department, [b], lang) })),
    },
    {
      key: "removed",
      status: "removed",
      title: t("removed"),
      items: cmp.removed.map((r) => ({ key: r.position.id, main: refTitle(r.position, a, lang), detail: r.anchor ? t("underAnchor", { a: inB(r.anchor) }) : undefined })),
    },
    {
      key: "moved",
      status: "moved",
      title: t("moved"),
      items: cmp.moved.map((m) => {
        const [from, to] = superiors(m, cmp, a, b, lang);
        return { key: m.position.id, main: refTitle(m.position, b, lang), detail: t("noteMoved", { a: from, b: to }) };
      }),
    },
    {
      key: "renamed",
      status: "changed",
      title: t("renamed"),
      items: cmp.renamed.map((r) => ({ key: r.position.id, main: `${before(r.position.id, r.before)} → ${refTitle(r.position, b, lang)}` })),
    },
    {
      key: "resized",
      status: "changed",
      title: t("resized"),
      items: cmp.headcount_changed.map((h) => ({ key: h.position.id, main: refTitle(h.position, b, lang), detail: `${h.before} → ${h.after}` })),
    },
    {
      key: "duties",
      status: "same",
      title: t("dutiesMoved"),
      items: cmp.duties_moved.map((d, i) => ({ key: `${i}`, main: d.duty, detail: `${refTitle(d.from, a, lang)} → ${refTitle(d.to, b, lang)}` })),
    },
  ];
  return (
    <Section icon="list" title={t("changesTitle")} testId="compare-changes">
      {unchanged(cmp) ? (
        <p className="cmp-none">{t("noChanges")}</p>
      ) : (
        <div className="cmp-changes">
          {groups
            .filter((g) => g.items.length > 0)
            .map((g) => (
              <section key={g.key} className="cmp-change" aria-label={g.title} data-testid={`compare-${g.key}`}>
                <h3>
                  <span className="cmp-swatch" data-status={g.status} aria-hidden="true" />
                  {g.title}
                  <span className="cmp-count num">{g.items.length}</span>
                </h3>
                <Folded
                  items={g.items}
                  render={(it) => (
                    <li key={it.key}>
                      <span className="cmp-change-main">{it.main}</span>
                      {it.detail && <span className="cmp-change-detail muted">{it.detail}</span>}
                    </li>
                  )}
                />
              </section>
            ))}
        </div>
      )}
    </Section>
  );
}

function Departments({ cmp, docs }: { cmp: Comparison; docs: PlanDoc[] }) {
  const t = useT(compareDict);
  const lang = useApp((s) => s.lang);
  const rows = cmp.departments;
  const pay = (r: Payroll, l: Lang) => (r.max ? moneyRange(r, l) : "—");
  const moneyTone = (d: PayrollDelta) => tone(d.min + d.max);
  return (
    <section className="card cmp-sec cmp-depts" aria-label={t("deptTitle")}>
      <header className="cmp-sec-head">
        <div className="cmp-sec-title">
          <Icon name="table" size={16} />
          <h2>{t("deptTitle")}</h2>
        </div>
      </header>
      <table className="tbl cmp-tbl" data-testid="compare-departments">
        <thead>
          <tr>
            <th scope="col">{t("deptCol")}</th>
            <th scope="col" className="n">
              {t("people")} A
            </th>
            <th scope="col" className="n">
              {t("people")} B
            </th>
            <th scope="col" className="n">
              Δ
            </th>
            <th scope="col" className="n">
              {t("monthly")} A
            </th>
            <th scope="col" className="n">
              {t("monthly")} B
            </th>
            <th scope="col" className="n">
              Δ
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name || "none"}>
              <th scope="row">
                <span className="dept-dot" style={{ background: r.color || undefined }} aria-hidden="true" />
                {r.name ? deptLabel(r.name, docs, lang) : t("noDept")}
              </th>
              <td className="n num">{r.people_a}</td>
              <td className="n num">{r.people_b}</td>
              <td className="n num cmp-d" data-tone={tone(r.people_delta)}>
                {r.people_delta ? signed(r.people_delta) : ""}
              </td>
              <td className="n num muted">{pay(r.monthly_a, lang)}</td>
              <td className="n num">{pay(r.monthly_b, lang)}</td>
              <td className="n num cmp-d" data-tone={moneyTone(r.monthly)} data-cost>
                {r.monthly.min || r.monthly.max ? signedMoneyRange(r.monthly, lang) : ""}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("total")}</th>
            <td className="n num">{cmp.a.people}</td>
            <td className="n num">{cmp.b.people}</td>
            <td className="n num cmp-d" data-tone={tone(cmp.deltas.people)}>
              {signed(cmp.deltas.people)}
            </td>
            <td className="n num">{moneyRange(cmp.cost_delta.monthly_a, lang)}</td>
            <td className="n num">{moneyRange(cmp.cost_delta.monthly_b, lang)}</td>
            <td className="n num cmp-d" data-tone={moneyTone(cmp.cost_delta.monthly)} data-cost>
              {signedMoneyRange(cmp.cost_delta.monthly, lang)}
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
