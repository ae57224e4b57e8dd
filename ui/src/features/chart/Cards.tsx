// The tree itself, inside the chart's transformed layer: reporting lines as one SVG beneath, and
// the cards over them.
import { memo } from "react";
import type { Lang } from "../../generated/Lang";
import { Card } from "./Card";
import type { Lod, SearchState } from "./Card";
import type { TreeLayout } from "./layout";
import type { CardModel } from "./model";

export const Lines = memo(function Lines({ layout, edges, chainEdges, dotted }: { layout: TreeLayout; edges: string; chainEdges: string; dotted: string }) {
  const b = layout.bounds;
  const pad = 80;
  const x = b.minX - pad;
  const y = b.minY - pad;
  const w = b.maxX - b.minX + pad * 2;
  const h = b.maxY - b.minY + pad * 2;
  return (
    <svg className="oc-lines" style={{ left: x, top: y }} width={w} height={h} viewBox={`${x} ${y} ${w} ${h}`} aria-hidden="true">
      <path className="oc-edge" d={edges} />
      {chainEdges && <path className="oc-edge oc-edge-chain" d={chainEdges} />}
      {dotted && <path className="oc-dotted" d={dotted} />}
    </svg>
  );
});

interface CardsProps {
  models: CardModel[];
  lang: Lang;
  selected: string | null;
  tabbable: string | null;
  matchSet: Set<string>;
  chain: Set<string> | null;
  query: string;
  lod: Lod;
  /** Holders' names on the cards. */
  names: boolean;
}

// The cards sit in a wrapper that mounts with the first of them: React then builds all of them
// off-document and inserts them at once (into an existing parent, it would place each one).
export const Cards = memo(function Cards(p: CardsProps) {
  if (p.models.length === 0) return null;
  return (
    <div className="oc-cards">
      {p.models.map((m) => {
        const search: SearchState = !p.chain ? null : p.matchSet.has(m.id) ? "match" : p.chain.has(m.id) ? "chain" : "dim";
        return (
          <Card
            key={m.id}
            {...m}
            lang={p.lang}
            selected={m.id === p.selected}
            tabbable={m.id === p.tabbable}
            search={search}
            query={search === "match" ? p.query : ""}
            lod={p.lod}
            names={p.names}
          />
        );
      })}
    </div>
  );
});
