// The findings of the open plan: counts per severity, a filter, and a list whose items select
// their position and show it on the chart.
import { useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon } from "../../lib/ui/Icon";
import { bySeverity, severityCounts } from "../../lib/totals";
import { title } from "../../lib/plan";
import type { Severity } from "../../generated/Severity";
import type { Finding } from "../../generated/Finding";
import { findingsDict } from "./dict";
import "./findings.css";

const ICON = { error: "error", warning: "warning", info: "info" } as const;

export function FindingsPanel() {
  const t = useT(findingsDict);
  const current = useApp((s) => s.current);
  const lang = useApp((s) => s.lang);
  const reveal = useApp((s) => s.reveal);
  const setView = useApp((s) => s.setView);
  const [filter, setFilter] = useState<Severity | "all">("all");
  if (!current) return null;
  const findings = bySeverity(current.findings);
  const counts = severityCounts(findings);
  const shown = filter === "all" ? findings : findings.filter((f) => f.severity === filter);
  const positions = new Map(current.doc.positions.map((p) => [p.id, p]));
  const people = new Map(current.doc.people.map((p) => [p.id, p]));

  function where(f: Finding): string {
    if (f.position) {
      const p = positions.get(f.position);
      return p ? title(p, lang) : "";
    }
    if (f.person) return t("personLabel", { name: people.get(f.person)?.name ?? "" });
    return t("planWide");
  }

  return (
    <section className="fnd" id="findings-panel" tabIndex={-1} aria-labelledby="findings-title" data-testid="findings-panel">
      <header className="fnd-head">
        <h2 id="findings-title">{t("title")}</h2>
        <p className="fnd-intro">{t("intro")}</p>
        <div className="fnd-counts" role="group" aria-label={t("filter")}>
          <button type="button" className={filter === "all" ? "fnd-count on" : "fnd-count"} aria-pressed={filter === "all"} onClick={() => setFilter("all")}>
            {t("all")} <span className="num">{findings.length}</span>
          </button>
          {(["error", "warning", "info"] as const).map((s) => (
            <button
              key={s}
              type="button"
              className={`fnd-count sev-${s}${filter === s ? " on" : ""}`}
              aria-pressed={filter === s}
              data-testid={`findings-count-${s}`}
              onClick={() => setFilter(filter === s ? "all" : s)}
            >
              <Icon name={ICON[s]} size={13} />
              {t(s)} <span className="num">{counts[s]}</span>
            </button>
          ))}
        </div>
      </header>
      {findings.length === 0 ? (
        <div className="empty-state">
          <span className="empty-icon ok">
            <Icon name="checkCircle" size={24} />
          </span>
          <h3>{t("emptyTitle")}</h3>
          <p>{t("emptyBody")}</p>
        </div>
      ) : shown.length === 0 ? (
        <p className="fnd-none muted">{t("emptyFilter")}</p>
      ) : (
        <ul className="fnd-list">
          {shown.map((f, i) => {
            const msg = lang === "zh" ? f.message_zh : f.message_en;
            const place = where(f);
            return (
              <li key={`${f.code}-${f.position ?? ""}-${f.person ?? ""}-${f.function ?? ""}-${i}`}>
                <button
                  type="button"
                  className={`fnd-item sev-${f.severity}`}
                  data-testid="finding"
                  data-code={f.code}
                  onClick={() => {
                    if (f.position) reveal(f.position);
                    else setView(f.person ? "people" : "chart");
                  }}
                  title={f.position ? t("goTo", { name: place }) : undefined}
                >
                  <Icon name={ICON[f.severity]} size={16} className="fnd-icon" />
                  <span className="sr-only">{t(`${f.severity}One`)}</span>
                  <span className="fnd-text">
                    <span className="fnd-msg">{msg}</span>
                    <span className="fnd-where">{place}</span>
                  </span>
                  {f.position && <Icon name="chevronRight" size={14} className="fnd-go" />}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
