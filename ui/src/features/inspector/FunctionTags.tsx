// The function tags of a position: the twelve codes as toggle chips.
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { FUNCTIONS } from "../../lib/functions";
import type { Position } from "../../generated/Position";
import { inspectorDict } from "./dict";
import { Section, useUpdate } from "./common";

export function FunctionTags({ position: p }: { position: Position }) {
  const t = useT(inspectorDict);
  const lang = useApp((s) => s.lang);
  const update = useUpdate(p.id);
  return (
    <Section title={t("functions")} count={p.functions.length || undefined} id="insp-functions">
      <div className="tag-grid" role="group" aria-label={t("functions")} title={t("functionsHint")}>
        {FUNCTIONS.map((f) => {
          const on = p.functions.includes(f.code);
          return (
            <button
              key={f.code}
              type="button"
              className={on ? "tag on" : "tag"}
              aria-pressed={on}
              data-code={f.code}
              onClick={() => {
                const next = on ? p.functions.filter((x) => x !== f.code) : FUNCTIONS.map((x) => x.code).filter((c) => c === f.code || p.functions.includes(c));
                void update({ functions: next });
              }}
            >
              {f[lang]}
            </button>
          );
        })}
      </div>
    </Section>
  );
}
