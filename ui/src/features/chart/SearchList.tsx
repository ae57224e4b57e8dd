// The chart search as the top bar's search box shows it: a list under the box of each match,
// with its path from the top and what matched (姓名, 职责, KPI…), and stepping through the
// matches (Enter / Shift+Enter), each selected and centred on the chart. What matches is
// decided in search.ts; the chart lights the same positions.
import { useEffect, useMemo } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { chartDict } from "./i18n";
import type { ChartT } from "./i18n";
import { Marked } from "./Marked";
import { centreCard } from "./reveal";
import { excerpt, searchChartOnce, shortPath, stepMatch } from "./search";
import type { ChartMatch } from "./search";

export const SEARCH_LIST_ID = "chart-search-list";
export const searchOptionId = (id: string) => `chart-search-${id}`;

/** More than this many matches: the first ones are listed, the rest counted. */
const MAX_LISTED = 60;

/** Selects a position, opening its branch if folded, and centres it on the chart. */
export function showMatch(id: string): void {
  centreCard(id);
  useApp.getState().reveal(id);
}

/** Shows the next (1) or previous (-1) match after the selected position; false when the
 * search finds nothing. */
export function stepSearch(dir: 1 | -1): boolean {
  const s = useApp.getState();
  if (!s.current) return false;
  const ids = searchChartOnce(s.current.doc, s.search, s.lang).map((m) => m.id);
  const next = stepMatch(ids, s.selected, dir);
  if (next !== null) showMatch(next);
  return next !== null;
}

/** The open plan's matches for the search, and the one selected (null when the selection is
 * not a match). */
export function useChartSearch(): { matches: ChartMatch[]; active: string | null } {
  const current = useApp((s) => s.current);
  const search = useApp((s) => s.search);
  const lang = useApp((s) => s.lang);
  const selected = useApp((s) => s.selected);
  const matches = useMemo(() => (current ? searchChartOnce(current.doc, search, lang) : []), [current, search, lang]);
  const active = selected !== null && matches.some((m) => m.id === selected) ? selected : null;
  return { matches, active };
}


export function SearchList({ query, matches, active }: { query: string; matches: ChartMatch[]; active: string | null }) {
  const t = useT(chartDict);
  useEffect(() => {
    if (active) document.getElementById(searchOptionId(active))?.scrollIntoView({ block: "nearest" });
  }, [active]);
  const listed = matches.slice(0, MAX_LISTED);
  return (
    // A press anywhere in the list (its scrollbar too) keeps the focus in the search box.
    <div className="oc-results" data-testid="chart-search-list" onMouseDown={(e) => e.preventDefault()}>
      <div className="oc-results-head">
        <span>{matches.length ? t("searchCount", { n: matches.length }) : t("searchNone", { q: query.trim() })}</span>
        {matches.length > 0 && <span className="oc-results-keys">{t("searchKeys")}</span>}
      </div>
      {listed.length > 0 && (
        <ul id={SEARCH_LIST_ID} className="oc-results-list" role="listbox" aria-label={t("searchResults")}>
          {listed.map((m) => (
            <Row key={m.id} m={m} query={query} active={m.id === active} t={t} />
          ))}
        </ul>
      )}
      {matches.length > listed.length && <div className="oc-results-more">{t("searchMore", { n: matches.length - listed.length })}</div>}
    </div>
  );
}

function Row({ m, query, active, t }: { m: ChartMatch; query: string; active: boolean; t: ChartT }) {
  const path = shortPath(m.path);
  const own = path.pop() ?? "";
  const titleHit = m.hits.some((h) => h.kind === "title");
  // What to quote: the first reason that is not the title itself.
  const quoted = m.hits.find((h) => h.kind !== "title");
  const kinds = [...new Set(m.hits.map((h) => h.kind))];
  const label = [m.path.join(" › "), kinds.map((k) => t(`kind_${k}`)).join(" "), quoted?.text ?? ""].filter(Boolean).join(" · ");
  return (
    <li
      id={searchOptionId(m.id)}
      role="option"
      aria-selected={active}
      aria-label={label}
      className="oc-result"
      onClick={() => showMatch(m.id)}
    >
      <span className="oc-result-path">
        {path.length > 0 && (
          <>
            <span className="oc-result-ups">
              {path.map((p, i) => (
                <span key={i}>
                  {i > 0 && <span className="oc-result-sep">›</span>}
                  {p}
                </span>
              ))}
            </span>
            <span className="oc-result-sep">›</span>
          </>
        )}
        <span className="oc-result-title">{titleHit ? <Marked text={own} query={query} /> : own}</span>
      </span>
      <span className="oc-result-why">
        {kinds.map((k) => (
          <span key={k} className="oc-result-kind" data-kind={k}>
            {t(`kind_${k}`)}
          </span>
        ))}
        {quoted && (
          <span className="oc-result-text">
            <Marked text={excerpt(quoted.text, query)} query={query} />
          </span>
        )}
      </span>
    </li>
  );
}
