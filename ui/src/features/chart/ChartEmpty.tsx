// What the chart view shows without a chart: no plan (or no positions yet), and loading.
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { chartDict } from "./i18n";

export function ChartEmpty({ noPositions = false }: { noPositions?: boolean }) {
  const t = useT(chartDict);
  const setView = useApp((s) => s.setView);
  return (
    <div className="oc-root oc-empty">
      <div className="oc-empty-card">
        <svg width="120" height="84" viewBox="0 0 120 84" aria-hidden="true" className="oc-empty-art">
          <rect x="42" y="4" width="36" height="18" rx="4" />
          <rect x="6" y="58" width="32" height="18" rx="4" />
          <rect x="44" y="58" width="32" height="18" rx="4" />
          <rect x="82" y="58" width="32" height="18" rx="4" />
          <path d="M60 22v14M22 58V44h76v14M60 36v22" />
        </svg>
        <h2>{noPositions ? t("noPositions") : t("emptyTitle")}</h2>
        {!noPositions && (
          <>
            <p>{t("emptyBody")}</p>
            <button type="button" className="btn primary" onClick={() => setView("plans")}>
              {t("emptyAction")}
            </button>
          </>
        )}
      </div>
    </div>
  );
}

export function ChartSkeleton() {
  const t = useT(chartDict);
  const row = (y: number, xs: number[]) =>
    xs.map((x) => <div key={`${x}-${y}`} className="oc-skel-card" style={{ left: `calc(50% + ${x}px)`, top: y }} />);
  return (
    <div className="oc-root oc-skeleton" aria-busy="true" aria-label={t("loading")}>
      {row(60, [-92])}
      {row(196, [-400, -196, 12, 216])}
      {row(332, [-400, -196, 216])}
    </div>
  );
}
