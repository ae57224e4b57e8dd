// A read-only chart of any tree, for views that show a plan rather than edit it (compare). The
// same layout as the editor's chart; each card may carry a status and badges (see chartMarks).
// It fits the width it is given and grows to the height the tree needs.
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import type { CSSProperties } from "react";
import { useApp } from "../../lib/store";
import type { MarkedChartProps } from "../../lib/chartMarks";
import { departmentColor, departmentName, departmentOf, title as titleOf } from "../../lib/plan";
import { DEFAULT_SIZES, edgePath, layoutTree } from "./layout";
import "./chart.css";
import "./static-chart.css";

const PAD = 28;
/** The smallest scale the chart is drawn at. */
const MIN_SCALE = 0.6;
/** Badges on a card; the rest are in its tooltip and description. */
const BADGES = 2;

export function StaticChart({ doc, marks, label }: MarkedChartProps) {
  const lang = useApp((s) => s.lang);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const sizes = useMemo(() => ({ ...DEFAULT_SIZES, width: lang === "en" ? 212 : DEFAULT_SIZES.width }), [lang]);
  const layout = useMemo(() => layoutTree(doc, [], sizes, { stackLeaves: true }), [doc, sizes]);
  const byId = useMemo(() => new Map(doc.positions.map((p) => [p.id, p])), [doc]);
  const edges = useMemo(() => edgePath(layout), [layout]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(el.clientWidth);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const b = layout.bounds;
  const w = b.maxX - b.minX + PAD * 2;
  const h = b.maxY - b.minY + PAD * 2;
  // Fit the width, but never so small that titles cannot be read: a wide tree scrolls sideways.
  const k = width > 0 ? Math.max(MIN_SCALE, Math.min(1, width / w)) : 1;
  const ox = b.minX - PAD;
  const oy = b.minY - PAD;

  return (
    <div ref={box} className="sc-root" style={{ height: h * k }} data-scroll={w * k > width + 1 || undefined}>
      <div className="sc-room" style={{ width: w * k, height: h * k }} />
      <div className="sc-layer" role="tree" aria-label={label} style={{ width: w, height: h, left: Math.max(0, (width - w * k) / 2), transform: `scale(${k})` }}>
        <svg className="sc-lines" width={w} height={h} viewBox={`${ox} ${oy} ${w} ${h}`} aria-hidden="true">
          <path className="oc-edge" d={edges} />
        </svg>
        {layout.nodes.map((n) => {
          const p = byId.get(n.id);
          if (!p) return null;
          const mark = marks[n.id];
          const status = mark?.status ?? "same";
          const name = titleOf(p, lang);
          const dept = departmentName(departmentOf(doc, p), lang);
          return (
            <div
              key={n.id}
              className="oc-card sc-card"
              data-status={status}
              data-id={n.id}
              title={mark?.note || undefined}
              style={{ left: n.x - ox, top: n.y - oy, width: sizes.width, height: sizes.height, "--dept": departmentColor(doc, p) } as CSSProperties}
            >
              {/* As in the editor's chart: the treeitem is a layer named by the title, the card's
                  text beside it for the eye. */}
              <div
                role="treeitem"
                className="oc-item"
                aria-label={name}
                aria-description={mark?.note || undefined}
                aria-level={n.depth + 1}
                aria-posinset={n.index + 1}
                aria-setsize={n.siblings}
                aria-selected={false}
              />
              <div className="oc-row" aria-hidden="true">
                <span className="oc-title">{name}</span>
                <span className="sc-hc num">
                  ×{p.headcount}
                </span>
              </div>
              <div className="oc-row oc-meta" aria-hidden="true">
                {mark && mark.badges.length > 0 ? (
                  <>
                    {mark.badges.slice(0, BADGES).map((t) => (
                      <span key={t} className="sc-badge">
                        {t}
                      </span>
                    ))}
                    {mark.badges.length > BADGES && <span className="sc-more">+{mark.badges.length - BADGES}</span>}
                  </>
                ) : (
                  <span className="oc-dept">{dept}</span>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
