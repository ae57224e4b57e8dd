// One position card. Every prop is a primitive so `memo` skips cards whose content did not
// change; events are handled by the chart (delegation), not here. Zoomed out, a card holds only
// what can be seen at that size (see `Lod`): the treeitem and its ARIA stay the same.
// The treeitem is a layer over the whole card, named by the title and described by the rest;
// what the card shows (and the mouse-only fold button) sits beside it, hidden from assistive
// technology, so the item holds no text but its name and no control inside another.
import { memo } from "react";
import type { CSSProperties } from "react";
import type { Lang } from "../../generated/Lang";
import { translate } from "../../lib/i18n";
import { chartDict } from "./i18n";
import type { CardModel } from "./model";
import { splitMatch } from "./model";

export type SearchState = "match" | "chain" | "dim" | null;
/** What a drop on a card would do, for the drop marks over the chart (ring or bar). */
export type DropState = "child" | "before" | "after" | "cycle" | "noop" | null;
/** Level of detail, from the zoom: everything; the title only; a coloured box. */
export type Lod = "high" | "low" | "min";

export interface CardProps extends CardModel {
  lang: Lang;
  selected: boolean;
  /** The one card reachable with Tab (roving tabindex). */
  tabbable: boolean;
  search: SearchState;
  /** The search text, only for matching cards (to highlight it in the title). */
  query: string;
  /** Zoomed out, a card is built with only what shows at that size: fewer nodes to build. */
  lod: Lod;
}

export const Card = memo(function Card(p: CardProps) {
  const vacant = Math.max(0, p.headcount - p.filled);
  const tr = (key: keyof typeof chartDict, vars?: Record<string, string | number>) => translate(chartDict, p.lang, key, vars);
  const parts = p.query ? splitMatch(p.title, p.query) : null;
  const description = [
    p.dept,
    tr("headcountTip", { filled: p.filled, planned: p.headcount }),
    vacant > 0 ? tr("vacant", { n: vacant }) : "",
    p.warnCount > 0 ? tr("findings", { n: p.warnCount }) : "",
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <div
      className="oc-card"
      data-id={p.id}
      data-root={p.isRoot ? "true" : undefined}
      data-stacked={p.stacked ? "true" : undefined}
      data-selected={p.selected ? "true" : undefined}
      data-search={p.search ?? undefined}
      data-vacant={vacant > 0 ? "true" : undefined}
      style={{ left: p.x, top: p.y, "--dept": p.color } as CSSProperties}
    >
      <div
        role="treeitem"
        className="oc-item"
        aria-label={p.title}
        aria-description={description}
        aria-level={p.level}
        aria-posinset={p.posinset}
        aria-setsize={p.setsize}
        aria-selected={p.selected}
        aria-expanded={p.hasChildren ? !p.collapsed : undefined}
        tabIndex={p.tabbable ? 0 : -1}
      />
      {p.lod !== "min" && (
        <div className="oc-row" aria-hidden="true">
          <span className="oc-title" title={p.title}>
            {parts ? (
              <>
                {parts[0]}
                <mark>{parts[1]}</mark>
                {parts[2]}
              </>
            ) : (
              p.title
            )}
          </span>
          {p.warnCount > 0 && p.lod === "high" && (
            <span className="oc-warn" data-tone={p.warnTone ?? "warning"} data-tip={p.warnText}>
              <WarnIcon />
              <span className="num">{p.warnCount}</span>
            </span>
          )}
        </div>
      )}
      {p.lod === "high" && (
        <div className="oc-row oc-meta" aria-hidden="true">
          <span className="oc-dept">{p.dept}</span>
          {vacant > 0 && <span className="oc-vacant">{tr("vacant", { n: vacant })}</span>}
          <span className="oc-hc num" data-full={vacant === 0 ? "true" : undefined}>
            <span className="oc-hc-filled">{p.filled}</span>/{p.headcount}
          </span>
        </div>
      )}
      {p.hasChildren && p.lod !== "min" && (
        <button
          type="button"
          className="oc-toggle"
          tabIndex={-1}
          aria-hidden="true"
          draggable={false}
          data-collapsed={p.collapsed ? "true" : undefined}
          aria-label={p.collapsed ? tr("expand", { n: p.hidden }) : tr("collapse")}
          title={p.collapsed ? tr("expand", { n: p.hidden }) : tr("collapse")}
        >
          {p.collapsed ? <span className="num">{p.hidden}</span> : <MinusIcon />}
        </button>
      )}
    </div>
  );
});

function WarnIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M8 1.5 15 14H1L8 1.5Z" fill="currentColor" />
      <path d="M8 6v3.6" stroke="var(--surface)" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="11.6" r="0.95" fill="var(--surface)" />
    </svg>
  );
}

function MinusIcon() {
  return (
    <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
      <path d="M2 5h6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
