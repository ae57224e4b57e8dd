// One position card. Every prop is a primitive so `memo` skips cards whose content did not
// change; events are handled by the chart (delegation), not here. Zoomed out, a card holds only
// what can be seen at that size (see `Lod`): the treeitem and its ARIA stay the same.
// The treeitem is a layer over the whole card, named by the title and described by the rest;
// what the card shows (and the mouse-only fold button) sits beside it, hidden from assistive
// technology, so the item holds no text but its name and no control inside another.
// With names on (the chart's 显示姓名 switch), a row between title and department shows who
// holds the seat: up to three initials avatars, their names on one line, 兼 on a part-time
// holder, and the seats nobody holds. The box keeps its size either way (layout.ts).
import { Fragment, memo } from "react";
import type { CSSProperties } from "react";
import type { Lang } from "../../generated/Lang";
import { translate } from "../../lib/i18n";
import { chartDict } from "./i18n";
import type { CardModel } from "./model";
import { Marked } from "./Marked";
import { decodeHolders, initialOf, isPartTime, MAX_AVATARS } from "./people";
import type { Holder } from "./people";

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
  /** Show who holds the seat (the 显示姓名 switch). */
  names: boolean;
}

type Tr = (key: keyof typeof chartDict, vars?: Record<string, string | number>) => string;

/** A holder as said in a tooltip or to a screen reader: 王磊（兼任 60%）. */
function holderText(h: Holder, lang: Lang, tr: Tr): string {
  if (!isPartTime(h)) return h.name;
  const part = tr("partTime", { share: h.share });
  return lang === "zh" ? `${h.name}（${part}）` : `${h.name} (${part})`;
}


export const Card = memo(function Card(p: CardProps) {
  const vacant = p.vacancies;
  const tr: Tr = (key, vars) => translate(chartDict, p.lang, key, vars);
  const holders = p.names ? decodeHolders(p.holders) : [];
  const people = p.names && p.lod === "high";
  const description = [
    p.dept,
    holders.length ? tr("heldBy", { names: holders.map((h) => holderText(h, p.lang, tr)).join(tr("nameSep")) }) : "",
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
      data-people={people ? "true" : undefined}
      style={{ left: p.x, top: p.y, "--dept": p.color, "--dept-ink": p.ink } as CSSProperties}
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
            <Marked text={p.title} query={p.query} />
          </span>
          {p.warnCount > 0 && p.lod === "high" && (
            <span className="oc-warn" data-tone={p.warnTone ?? "warning"} data-tip={p.warnText}>
              <WarnIcon />
              <span className="num">{p.warnCount}</span>
            </span>
          )}
        </div>
      )}
      {people && <People holders={holders} filled={p.filled} vacant={vacant} lang={p.lang} query={p.query} tr={tr} />}
      {p.lod === "high" && (
        <div className="oc-row oc-meta" aria-hidden="true">
          <span className="oc-dept">{p.dept}</span>
          {vacant > 0 && !people && <span className="oc-vacant">{tr("vacant", { n: vacant })}</span>}
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

/** Who holds the seat: avatars and names of the first holders, how many more, and the seats
 * nobody holds. `filled` is the core's count of holders. */
function People({ holders, filled, vacant, lang, query, tr }: { holders: Holder[]; filled: number; vacant: number; lang: Lang; query: string; tr: Tr }) {
  const shown = holders.slice(0, MAX_AVATARS);
  const more = Math.max(0, filled - shown.length);
  const all = holders.map((h) => holderText(h, lang, tr)).join(tr("nameSep"));
  return (
    <div className="oc-row oc-people" aria-hidden="true">
      {shown.length > 0 ? (
        <span className="oc-avatars">
          {shown.map((h, i) => {
            const initial = initialOf(h.name);
            return (
              <span key={i} className="oc-avatar" data-wide={initial.length > 1 ? "true" : undefined} title={holderText(h, lang, tr)}>
                {initial}
              </span>
            );
          })}
        </span>
      ) : (
        <span className="oc-avatar oc-avatar-empty" />
      )}
      {shown.length > 0 && (
        <span className="oc-names" title={all}>
          {shown.map((h, i) => (
            <Fragment key={i}>
              {i > 0 && <span className="oc-sep">{tr("nameSep")}</span>}
              <Marked text={h.name} query={query} />
              {isPartTime(h) && <span className="oc-part">{tr("partTag")}</span>}
            </Fragment>
          ))}
        </span>
      )}
      {more > 0 && (
        <span className="oc-more num" title={tr("moreHolders", { n: more })}>
          +{more}
        </span>
      )}
      {vacant > 0 && <span className="oc-vacant oc-vacant-seats">{tr("vacantSeats", { n: vacant })}</span>}
    </div>
  );
}

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
