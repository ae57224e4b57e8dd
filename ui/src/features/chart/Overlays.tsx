// What sits over the chart besides the controls: the search bar (count, previous / next match),
// the legend, the hint bar (what a drop would do, or a passing message) and the findings tooltip.
import { useApp } from "../../lib/store";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Lang } from "../../generated/Lang";
import type { DropPlan } from "./dnd";
import { hintText, hintTone } from "./dragging";
import type { DragInfo } from "./dragging";
import type { ChartT } from "./i18n";
import type { Flash } from "./useEdits";
import { stepMatch } from "./search";
import { showMatch } from "./SearchList";

export type TipInfo = { x: number; y: number; text: string; tone: string };

export function SearchBar({ t, query, matches, selected }: { t: ChartT; query: string; matches: string[]; selected: string | null }) {
  const jumpMatch = (dir: 1 | -1) => {
    const next = stepMatch(matches, selected, dir);
    if (next !== null) showMatch(next);
  };
  return (
    <div className="oc-search oc-ui" role="status">
      <SearchIcon />
      <span>{matches.length ? t("searchCount", { n: matches.length }) : t("searchNone", { q: query.trim() })}</span>
      {matches.length > 0 && (
        <>
          <button type="button" className="oc-icon-btn" aria-label={t("searchPrev")} title={t("searchPrev")} onClick={() => jumpMatch(-1)}>
            <Chevron dir="left" />
          </button>
          <button type="button" className="oc-icon-btn" aria-label={t("searchNext")} title={t("searchNext")} onClick={() => jumpMatch(1)}>
            <Chevron dir="right" />
          </button>
        </>
      )}
      <button type="button" className="oc-icon-btn" aria-label={t("searchClear")} title={t("searchClear")} onClick={() => useApp.getState().setSearch("")}>
        <CloseIcon />
      </button>
    </div>
  );
}

export function Legend({ t, hasDotted }: { t: ChartT; hasDotted: boolean }) {
  return (
    <div className="oc-legend oc-ui" aria-hidden="true">
      <span className="oc-legend-item">
        <svg width="22" height="8">
          <path d="M1 4h20" className="oc-legend-solid" />
        </svg>
        {t("legendSolid")}
      </span>
      <span className="oc-legend-item" data-off={hasDotted ? undefined : "true"}>
        <svg width="22" height="8">
          <path d="M1 4h20" className="oc-legend-dotted" />
        </svg>
        {t("legendDotted")}
      </span>
      <span className="oc-legend-item">
        <span className="oc-legend-vacant" />
        {t("legendVacant")}
      </span>
    </div>
  );
}

/** During a drag, what the drop would do; else the last passing message, if any. */
export function HintBar(p: { t: ChartT; doc: PlanDoc; lang: Lang; drag: DragInfo | null; plan: DropPlan | null; flash: Flash | null }) {
  const { drag, flash } = p;
  return (
    <div className="oc-hint-wrap" role="status" aria-live="polite">
      {(drag || flash) && (
        <div className="oc-hint" data-tone={drag ? hintTone(p.plan) : flash!.tone}>
          {drag ? hintText(p.t, p.doc, p.lang, drag, p.plan) : flash!.text}
        </div>
      )}
    </div>
  );
}

export function WarnTip({ tip }: { tip: TipInfo }) {
  return (
    <div className="oc-tip" data-tone={tip.tone} style={{ left: tip.x, top: tip.y }} role="tooltip">
      {tip.text.split("\n").map((line, i) => (
        <div key={i}>{line}</div>
      ))}
    </div>
  );
}

function SearchIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

function Chevron({ dir }: { dir: "left" | "right" }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path d={dir === "left" ? "M10 3 5 8l5 5" : "M6 3l5 5-5 5"} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function CloseIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
