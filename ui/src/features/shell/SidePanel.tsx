// The right-hand column: the inspector or the findings panel, collapsible to a thin rail.
import { useEffect, useRef } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon } from "../../lib/ui/Icon";
import { severityCounts } from "../../lib/totals";
import { Inspector } from "../inspector";
import { FindingsPanel } from "../findings";
import { shellDict } from "./dict";

export function SidePanel() {
  const t = useT(shellDict);
  const side = useApp((s) => s.side);
  const open = useApp((s) => s.sideOpen);
  const setSide = useApp((s) => s.setSide);
  const toggleSide = useApp((s) => s.toggleSide);
  const findings = useApp((s) => s.current?.findings);
  const selected = useApp((s) => s.selected);
  const body = useRef<HTMLDivElement>(null);
  const counts = severityCounts(findings ?? []);
  useEffect(() => {
    body.current?.scrollTo({ top: 0 });
  }, [selected, side]);
  const issues = counts.error + counts.warning;

  if (!open) {
    return (
      <div className="col-side collapsed">
        <button type="button" className="icon-btn" aria-label={t("expandSide")} title={t("expandSide")} aria-expanded={false} onClick={toggleSide}>
          <Icon name="chevronLeft" />
        </button>
        <button type="button" className="icon-btn" aria-label={t("sideInspector")} title={t("sideInspector")} onClick={() => setSide("inspector", true)}>
          <Icon name="panelRight" />
        </button>
        <button type="button" className="icon-btn rail-count" aria-label={t("findings")} title={t("findings")} onClick={() => setSide("findings", true)}>
          <Icon name="warning" />
          {issues > 0 && <span className="rail-dot num">{issues}</span>}
        </button>
      </div>
    );
  }

  return (
    <div className="col-side">
      <div className="side-tabs">
        <div className="seg seg-wide" role="tablist" aria-label={t("sidePanel")}>
          <button type="button" role="tab" aria-selected={side === "inspector"} className={side === "inspector" ? "on" : ""} onClick={() => setSide("inspector")}>
            {t("sideInspector")}
          </button>
          <button type="button" role="tab" aria-selected={side === "findings"} className={side === "findings" ? "on" : ""} onClick={() => setSide("findings")}>
            {t("sideFindings")}
            {issues > 0 && <span className={counts.error ? "tab-count error" : "tab-count"}>{issues}</span>}
          </button>
        </div>
        <button type="button" className="icon-btn" aria-label={t("collapseSide")} title={t("collapseSide")} aria-expanded={true} onClick={toggleSide}>
          <Icon name="chevronRight" />
        </button>
      </div>
      <div className="side-body" ref={body}>{side === "inspector" ? <Inspector /> : <FindingsPanel />}</div>
    </div>
  );
}
