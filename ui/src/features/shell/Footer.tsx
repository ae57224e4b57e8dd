// The footer: the most pressing findings as chips, and the plan's totals.
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon } from "../../lib/ui/Icon";
import { bySeverity } from "../../lib/totals";
import { fte, moneyRange } from "../../lib/format";
import { shellDict } from "./dict";

const SHOWN = 3;

export function Footer() {
  const t = useT(shellDict);
  const current = useApp((s) => s.current);
  const lang = useApp((s) => s.lang);
  const reveal = useApp((s) => s.reveal);
  const setSide = useApp((s) => s.setSide);
  const setView = useApp((s) => s.setView);
  if (!current) return null;
  const issues = bySeverity(current.findings.filter((f) => f.severity !== "info"));
  const f = current.figures;
  const partTime = Math.abs(f.seats_fte - f.headcount) > 0.005;
  const openPanel = () => {
    setView("chart");
    setSide("findings", true);
  };
  return (
    <footer className="footer">
      <div className="footer-findings" aria-label={t("footerFindings")} role="group">
        {issues.length === 0 && (
          <span className="footer-ok">
            <Icon name="checkCircle" size={14} />
            {t("noFindings")}
          </span>
        )}
        {issues.slice(0, SHOWN).map((f, i) => (
          <button
            key={`${f.code}-${f.position ?? f.person ?? f.function ?? i}`}
            type="button"
            className={`chip chip-${f.severity}`}
            data-testid="footer-finding"
            title={lang === "zh" ? f.message_zh : f.message_en}
            onClick={() => (f.position ? reveal(f.position) : f.person ? setView("people") : openPanel())}
          >
            <Icon name={f.severity === "error" ? "error" : "warning"} size={13} />
            <span className="chip-text">{lang === "zh" ? f.message_zh : f.message_en}</span>
          </button>
        ))}
        {issues.length > SHOWN && (
          <button type="button" className="chip chip-more" onClick={openPanel}>
            {t("moreFindings", { n: issues.length - SHOWN })}
          </button>
        )}
      </div>
      <dl className="footer-totals" aria-label={t("totals")} data-testid="totals">
        <div title={t("peopleHint")}>
          <dt>{t("people")}</dt>
          <dd className="num" data-testid="total-people">
            {f.people}
          </dd>
        </div>
        <div title={t("seatsHint")}>
          <dt>{t("headcount")}</dt>
          <dd className="num" data-testid="total-seats">
            {f.headcount}
            {partTime && <span className="muted"> ({fte(f.seats_fte)})</span>}
          </dd>
        </div>
        <div>
          <dt>{t("vacant")}</dt>
          <dd className={f.vacancies_fte ? "num warn" : "num"}>{fte(f.vacancies_fte)}</dd>
        </div>
        <div title={t("payrollHint")}>
          <dt>{t("payroll")}</dt>
          <dd className="num" data-testid="total-payroll">
            {moneyRange(f.payroll_monthly, lang)}
          </dd>
        </div>
      </dl>
    </footer>
  );
}
