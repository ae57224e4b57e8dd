// The chart's controls, bottom right: the view (holders' names, compact layout), expand and
// collapse all, 聚焦部门 (one department and the path up to the top), and zoom (in, the level,
// which resets to 100 %, out, 缩放到所选, fit).
import { useEffect, useState } from "react";
import type { ChartT } from "./i18n";
import type { View } from "./viewport";

export function Controls(props: {
  t: ChartT;
  /** Views as they are applied (for the zoom level shown). */
  subscribe: Set<(v: View) => void>;
  initial: number;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
  onReset(): void;
  compact: boolean;
  onCompact(): void;
  /** Holders' names on the cards (显示姓名), a toggle. */
  names: boolean;
  onNames(): void;
  onExpandAll(): void;
  onCollapseAll(): void;
  /** 聚焦部门: the departments to pick from, the one focused (null: all). */
  departments: { id: string; name: string }[];
  focusDept: string | null;
  onFocusDept(id: string | null): void;
  /** 缩放到所选 (F on a card): frame the selected card and its subtree. */
  canZoomSelected: boolean;
  onZoomSelected(): void;
}) {
  const { t, subscribe } = props;
  const [k, setK] = useState(props.initial);
  useEffect(() => {
    const f = (v: View) => setK(v.k);
    subscribe.add(f);
    return () => {
      subscribe.delete(f);
    };
  }, [subscribe]);
  return (
    <div className="oc-controls oc-ui">
      {props.departments.length > 0 && (
        <div className="oc-focus" data-active={props.focusDept ? "true" : undefined} title={t("focusDept")}>
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
            <circle cx="8" cy="8" r="2" fill="currentColor" />
          </svg>
          <select
            className="input select sm oc-focus-select"
            aria-label={t("focusDept")}
            value={props.focusDept ?? ""}
            data-testid="chart-focus-dept"
            onChange={(e) => props.onFocusDept(e.target.value || null)}
          >
            <option value="">{t("focusAll")}</option>
            {props.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="oc-control-group">
        <button
          type="button"
          className="oc-ctl"
          aria-label={t("showNames")}
          title={t("showNames")}
          aria-pressed={props.names}
          data-testid="chart-names-toggle"
          onClick={props.onNames}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="6" cy="5.2" r="2.6" fill="none" stroke="currentColor" strokeWidth="1.3" />
            <path d="M1.6 13.5c.5-2.6 2.3-4 4.4-4s3.9 1.4 4.4 4" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
            {props.names ? (
              <path d="M11 6.5h3.5M11 9.5h3.5" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
            ) : (
              <path d="M2 2l12 12" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
            )}
          </svg>
        </button>
        <button
          type="button"
          className="oc-ctl"
          aria-label={t("compact")}
          title={t("compact")}
          aria-pressed={props.compact}
          onClick={props.onCompact}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            {props.compact ? (
              <path
                d="M3 2.5h6v3H3zM5 5.5v8M5 8.5h3M5 12.5h3M8 7h5.5v3H8zM8 11h5.5v3H8z"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.2"
                strokeLinejoin="round"
              />
            ) : (
              <path
                d="M5.5 2h5v3h-5zM8 5v2.5M3.5 10V7.5h9V10M1 10h5v3H1zM10 10h5v3h-5z"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.2"
                strokeLinejoin="round"
              />
            )}
          </svg>
        </button>
        <button type="button" className="oc-ctl" aria-label={t("expandAll")} title={t("expandAll")} onClick={props.onExpandAll}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 6l4-4 4 4M4 10l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        <button type="button" className="oc-ctl" aria-label={t("collapseAll")} title={t("collapseAll")} onClick={props.onCollapseAll}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 2l4 4 4-4M4 14l4-4 4 4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </div>
      <div className="oc-control-group">
        <button type="button" className="oc-ctl" aria-label={t("zoomIn")} title={t("zoomIn")} onClick={props.onZoomIn}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
        <button type="button" className="oc-ctl oc-zoom num" title={t("zoomReset")} aria-label={`${Math.round(k * 100)}% · ${t("zoomReset")}`} onClick={props.onReset}>
          {Math.round(k * 100)}%
        </button>
        <button type="button" className="oc-ctl" aria-label={t("zoomOut")} title={t("zoomOut")} onClick={props.onZoomOut}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M3 8h10" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
        <button
          type="button"
          className="oc-ctl"
          aria-label={t("zoomSelected")}
          title={`${t("zoomSelected")} (F)`}
          aria-keyshortcuts="F"
          disabled={!props.canZoomSelected}
          onClick={props.onZoomSelected}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <rect x="5" y="5" width="6" height="6" rx="1" fill="none" stroke="currentColor" strokeWidth="1.4" />
            <path d="M1.5 4.5v-3h3M11.5 1.5h3v3M14.5 11.5v3h-3M4.5 14.5h-3v-3" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
          </svg>
        </button>
        <button type="button" className="oc-ctl" aria-label={t("fit")} title={t("fit")} onClick={props.onFit}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path
              d="M2.5 6V3.5a1 1 0 0 1 1-1H6M10 2.5h2.5a1 1 0 0 1 1 1V6M13.5 10v2.5a1 1 0 0 1-1 1H10M6 13.5H3.5a1 1 0 0 1-1-1V10"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </div>
    </div>
  );
}
