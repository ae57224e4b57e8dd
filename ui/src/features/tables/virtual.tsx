// What the two virtualised tables share: the rows in view (@tanstack/react-virtual, the rest
// stand in as two spacer rows so the real <table> keeps its columns and sticky header), and
// the sortable column header (a button in the <th>, aria-sort on the <th>, an arrow).
import { useRef } from "react";
import type { ReactNode } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ariaSort } from "./rows";
import type { SortState } from "./rows";

/** Rows rendered beyond the view on each side: Tab from the last one shown finds the next. */
const OVERSCAN = 2;

/** The height above a table's rows at the app's layout: the top bar, the page's heading and
 * toolbar, the table's header row. */
const TABLE_CHROME = 250;

export function useTableRows(count: number, estimate: number) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimate,
    overscan: OVERSCAN,
    // Before the first measure (in the same frame): the window less the app's bars and the
    // table's own head, about what the view will be, so the first render draws about the rows
    // it shows (too few are topped up before the frame is painted, too many are thrown away).
    initialRect: { width: window.innerWidth, height: Math.max(320, window.innerHeight - TABLE_CHROME) },
    // A row's height comes from the ResizeObserver that watches it, after the browser has laid
    // it out; until then, the estimate. Reading it on mount (getBoundingClientRect) would force
    // a layout of the whole table for every row drawn.
    measureElement: (_el, entry) => {
      const box = entry?.borderBoxSize?.[0];
      return box ? Math.round(box.blockSize) : estimate;
    },
  });
  const items = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  const padTop = items.length ? items[0].start : 0;
  const padBottom = items.length ? total - items[items.length - 1].end : 0;
  return { scrollRef, virtualizer, items, padTop, padBottom };
}

/** A spacer row standing in for the rows not rendered (hidden from assistive technology). */
export function Spacer({ height, cols }: { height: number; cols: number }) {
  if (height <= 0) return null;
  return (
    <tr className="tbl-spacer" aria-hidden="true">
      <td colSpan={cols} style={{ height }} />
    </tr>
  );
}

export function SortTh<K extends string>({
  k,
  sort,
  onSort,
  className,
  title,
  hint,
  children,
}: {
  k: K;
  sort: SortState<K> | null;
  onSort(k: K): void;
  className?: string;
  title?: string;
  /** The button's description: what a click does. */
  hint: string;
  children: ReactNode;
}) {
  const s = ariaSort(sort, k);
  return (
    <th scope="col" className={className ? `${className} th-sortable` : "th-sortable"} aria-sort={s} title={title}>
      <button type="button" className="th-sort" onClick={() => onSort(k)} title={hint} data-sort={s}>
        <span>{children}</span>
        <span className="sort-arrow" aria-hidden="true">
          {s === "ascending" ? "▲" : s === "descending" ? "▼" : "↕"}
        </span>
      </button>
    </th>
  );
}
