// The people who hold this seat, each with a share of their time; assign someone, or add a
// new person and assign them at once.
import { useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon } from "../../lib/ui/Icon";
import { NumberField } from "../../lib/ui/fields";
import { holders } from "../../lib/totals";
import type { Position } from "../../generated/Position";
import { inspectorDict } from "./dict";
import { Section } from "./common";
import { LIMITS } from "../../generated/limitValues";

const NEW = "__new__";

export function Holders({ position: p }: { position: Position }) {
  const t = useT(inspectorDict);
  const doc = useApp((s) => s.current!.doc);
  const figures = useApp((s) => s.current!.figures);
  const byPerson = new Map(figures.by_person.map((x) => [x.person, x]));
  const positionFigures = figures.by_position.find((x) => x.position === p.id);
  const edit = useApp((s) => s.edit);
  const lang = useApp((s) => s.lang);
  const list = holders(doc, p.id);
  const others = doc.people.filter((x) => !x.assignments.some((a) => a.position === p.id));
  const [who, setWho] = useState("");
  const [name, setName] = useState("");
  const [share, setShare] = useState("100");

  async function assign() {
    const n = share.trim() === "" ? null : Number(share);
    let person = who;
    if (who === NEW) {
      if (!name.trim()) return;
      const state = await edit("add_person", { name: name.trim() });
      if (!state?.created) return;
      person = state.created;
    }
    if (!person) return;
    // Without a share the core proposes what is still free of the person's time.
    const state = await edit("assign", n !== null && Number.isFinite(n) ? { person, position: p.id, share: n } : { person, position: p.id });
    if (state) {
      setWho("");
      setName("");
      setShare("100");
    }
  }

  return (
    <Section title={t("holders")} count={`${positionFigures?.holders ?? 0}/${p.headcount}`} id="insp-holders">
      {list.length === 0 ? (
        <p className="insp-empty">{t("noHolders")}</p>
      ) : (
        <ul className="holder-list">
          {list.map(({ person, share: s }) => {
            const pf = byPerson.get(person.id);
            const over = pf?.overloaded ?? false;
            return (
              <li key={person.id} className="holder">
                <span className="avatar" aria-hidden="true">
                  {person.name.slice(0, 1)}
                </span>
                <span className="holder-name">
                  {person.name}
                  <span className={over ? "holder-load over" : "holder-load"}>
                    {over ? `${t("overloaded")} · ` : ""}
                    {t("totalLoad", { n: pf?.total_share ?? 0 })}
                  </span>
                </span>
                <span className="share-input">
                  <NumberField
                    value={s}
                    min={LIMITS.share_min}
                    max={LIMITS.share_max}
                    aria-label={t("shareOf", { name: person.name })}
                    onCommit={(n) => (n === null ? null : edit("assign", { person: person.id, position: p.id, share: n }))}
                  />
                  <span aria-hidden="true">%</span>
                </span>
                <button
                  type="button"
                  className="icon-btn xs danger"
                  aria-label={t("unassign", { name: person.name })}
                  title={t("unassign", { name: person.name })}
                  onClick={() => void edit("unassign", { person: person.id, position: p.id })}
                >
                  <Icon name="x" size={13} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="line-add holder-add">
        {who === NEW ? (
          <input
            className="input sm"
            autoFocus
            aria-label={t("newPersonName")}
            placeholder={t("newPersonName")}
            value={name}
            maxLength={LIMITS.short_text}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void assign();
              } else if (e.key === "Escape") {
                e.stopPropagation();
                setWho("");
                setName("");
              }
            }}
          />
        ) : (
          <select
            className="input select sm"
            aria-label={t("assignPerson")}
            value={who}
            onChange={(e) => {
              const id = e.target.value;
              setWho(id);
              // Propose what is still free of their time; nothing when all of it is taken.
              const free = id === NEW ? 100 : (byPerson.get(id)?.free_share ?? 100);
              setShare(free > 0 ? String(free) : "");
            }}
          >
            <option value="">{t("choosePerson")}</option>
            {others.map((x) => (
              <option key={x.id} value={x.id}>
                {lang === "zh" ? `${x.name}（${byPerson.get(x.id)?.total_share ?? 0}%）` : `${x.name} (${byPerson.get(x.id)?.total_share ?? 0}%)`}
              </option>
            ))}
            <option value={NEW}>{t("newPerson")}</option>
          </select>
        )}
        <span className="share-input">
          <input className="input sm num" type="number" min={LIMITS.share_min} max={LIMITS.share_max} aria-label={t("share")} placeholder={t("shareFull")} value={share} onChange={(e) => setShare(e.target.value)} />
          <span aria-hidden="true">%</span>
        </span>
        <button type="button" className="btn sm icon-only" disabled={!who || (who === NEW && !name.trim())} aria-label={t("assign")} title={t("assign")} onClick={() => void assign()}>
          <Icon name="userPlus" size={14} />
        </button>
      </div>
    </Section>
  );
}
