// Positions as <option>s of a <select>, in tree order, indented by depth.
import { useMemo } from "react";
import { useApp } from "../store";
import { depths, title } from "../plan";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { Position } from "../../generated/Position";

export function PositionOptions({ doc, exclude }: { doc: PlanDoc; exclude?: (p: Position) => boolean }) {
  const lang = useApp((s) => s.lang);
  const depth = useMemo(() => depths(doc), [doc]);
  return (
    <>
      {doc.positions
        .filter((p) => !exclude?.(p))
        .map((p) => (
          <option key={p.id} value={p.id}>
            {"\u3000".repeat(Math.min(depth.get(p.id) ?? 0, 6))}
            {title(p, lang)}
          </option>
        ))}
    </>
  );
}
