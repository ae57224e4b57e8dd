// Positions as <option>s, indented by depth.
import { useApp } from "../../lib/store";
import { depthOf, title } from "../../lib/plan";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";

export function PositionOptions({ doc, exclude }: { doc: PlanDoc; exclude?: (p: Position) => boolean }) {
  const lang = useApp((s) => s.lang);
  return (
    <>
      {doc.positions
        .filter((p) => !exclude?.(p))
        .map((p) => (
          <option key={p.id} value={p.id}>
            {"\u3000".repeat(Math.min(depthOf(doc, p.id), 6))}
            {title(p, lang)}
          </option>
        ))}
    </>
  );
}
