// Dotted-line superiors, collaborations and escalations of a position.
import { useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon } from "../../lib/ui/Icon";
import { departmentColor, title } from "../../lib/plan";
import type { Position } from "../../generated/Position";
import { inspectorDict } from "./dict";
import { PositionOptions, Section, WrapField, useUpdate } from "./common";
import { LIMITS } from "../../generated/limitValues";

export function Lines({ position: p }: { position: Position }) {
  const t = useT(inspectorDict);
  return (
    <Section title={t("lines")} id="insp-lines">
      <Dotted position={p} />
      <Collaborations position={p} />
      <Escalations position={p} />
    </Section>
  );
}

function Dotted({ position: p }: { position: Position }) {
  const t = useT(inspectorDict);
  const doc = useApp((s) => s.current!.doc);
  const lang = useApp((s) => s.lang);
  const edit = useApp((s) => s.edit);
  const select = useApp((s) => s.select);
  const byId = new Map(doc.positions.map((x) => [x.id, x]));
  return (
    <div className="insp-sub-block">
      <h4 className="insp-subhead">
        <Icon name="link" size={13} />
        {t("dotted")}
      </h4>
      <div className="chips">
        {p.dotted.map((id) => {
          const sup = byId.get(id);
          if (!sup) return null;
          const name = title(sup, lang);
          return (
            <span key={id} className="pchip">
              <span className="dept-dot" style={{ background: departmentColor(doc, sup) }} aria-hidden="true" />
              <button type="button" className="link" onClick={() => select(id)}>
                {name}
              </button>
              <button type="button" className="pchip-x" aria-label={t("removeDotted", { name })} title={t("removeDotted", { name })} onClick={() => void edit("remove_dotted", { position: p.id, superior: id })}>
                <Icon name="x" size={12} />
              </button>
            </span>
          );
        })}
        <select
          className="input select sm dotted-add"
          aria-label={t("addDotted")}
          value=""
          onChange={(e) => {
            if (e.target.value) void edit("add_dotted", { position: p.id, superior: e.target.value });
          }}
        >
          <option value="">{`＋ ${t("addDotted")}`}</option>
          <PositionOptions doc={doc} exclude={(x) => x.id === p.id || x.id === p.parent || p.dotted.includes(x.id)} />
        </select>
      </div>
    </div>
  );
}

function Collaborations({ position: p }: { position: Position }) {
  const t = useT(inspectorDict);
  const doc = useApp((s) => s.current!.doc);
  const lang = useApp((s) => s.lang);
  const edit = useApp((s) => s.edit);
  const select = useApp((s) => s.select);
  const update = useUpdate(p.id);
  const [withId, setWith] = useState("");
  const [about, setAbout] = useState("");
  const byId = new Map(doc.positions.map((x) => [x.id, x]));

  async function add() {
    if (!withId) return;
    const state = await edit("add_collaboration", { position: p.id, with: withId, about: about.trim() });
    if (state) {
      setWith("");
      setAbout("");
    }
  }

  return (
    <div className="insp-sub-block">
      <h4 className="insp-subhead">
        <Icon name="swap" size={13} />
        {t("collaborations")}
        {p.collaborations.length > 0 && <span className="insp-count num">{p.collaborations.length}</span>}
      </h4>
      {p.collaborations.length > 0 && (
        <ul className="line-list">
          {p.collaborations.map((c, i) => {
            const other = byId.get(c.with);
            const name = other ? title(other, lang) : "?";
            return (
              <li key={`${c.with}-${i}`} className="line-item">
                <button type="button" className="line-who" onClick={() => select(c.with)} title={name}>
                  <span className="dept-dot" style={{ background: other ? departmentColor(doc, other) : undefined }} aria-hidden="true" />
                  {name}
                </button>
                <WrapField
                  value={c.about}
                  aria-label={t("aboutN", { n: i + 1 })}
                  placeholder={t("aboutPh")}
                  maxLength={LIMITS.short_text}
                  onCommit={(v) => update({ collaborations: p.collaborations.map((x, j) => (j === i ? { ...x, about: v } : x)) })}
                />
                <button type="button" className="icon-btn xs danger" aria-label={t("removeCollaboration", { name })} title={t("removeCollaboration", { name })} onClick={() => void edit("remove_collaboration", { position: p.id, index: i, was: c })}>
                  <Icon name="x" size={13} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="line-add">
        <select className="input select sm" aria-label={t("collaborator")} value={withId} onChange={(e) => setWith(e.target.value)}>
          <option value="">{t("pickPosition")}</option>
          <PositionOptions doc={doc} exclude={(x) => x.id === p.id} />
        </select>
        <input
          className="input sm"
          aria-label={t("about")}
          placeholder={t("aboutPh")}
          value={about}
          maxLength={LIMITS.short_text}
          onChange={(e) => setAbout(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void add();
            }
          }}
        />
        <button type="button" className="btn sm icon-only" disabled={!withId} aria-label={t("addCollaboration")} title={t("addCollaboration")} onClick={() => void add()}>
          <Icon name="plus" size={14} />
        </button>
      </div>
    </div>
  );
}

function Escalations({ position: p }: { position: Position }) {
  const t = useT(inspectorDict);
  const doc = useApp((s) => s.current!.doc);
  const edit = useApp((s) => s.edit);
  const update = useUpdate(p.id);
  const [when, setWhen] = useState("");
  const [to, setTo] = useState("");

  async function add() {
    if (!to || !when.trim()) return;
    const state = await edit("add_escalation", { position: p.id, when: when.trim(), to });
    if (state) {
      setWhen("");
      setTo("");
    }
  }

  return (
    <div className="insp-sub-block">
      <h4 className="insp-subhead">
        <Icon name="escalate" size={13} />
        {t("escalations")}
        {p.escalations.length > 0 && <span className="insp-count num">{p.escalations.length}</span>}
      </h4>
      {p.escalations.length > 0 && (
        <ul className="line-list">
          {p.escalations.map((x, i) => (
            <li key={`${x.to}-${i}`} className="esc-item">
              <div className="esc-when">
                <WrapField
                  value={x.when}
                  aria-label={t("whenN", { n: i + 1 })}
                  placeholder={t("whenPh")}
                  maxLength={LIMITS.short_text}
                  allowEmpty={false}
                  onCommit={(v) => update({ escalations: p.escalations.map((e, j) => (j === i ? { ...e, when: v } : e)) })}
                />
                <button type="button" className="icon-btn xs danger" aria-label={t("removeEscalation", { n: i + 1 })} title={t("removeEscalation", { n: i + 1 })} onClick={() => void edit("remove_escalation", { position: p.id, index: i, was: x })}>
                  <Icon name="x" size={13} />
                </button>
              </div>
              <div className="esc-to">
                <Icon name="arrowRight" size={13} />
                <span className="muted">{t("escalateTo")}</span>
                <select
                  className="input select sm"
                  aria-label={t("escalateToN", { n: i + 1 })}
                  value={x.to}
                  onChange={(e) => void update({ escalations: p.escalations.map((y, j) => (j === i ? { ...y, to: e.target.value } : y)) })}
                >
                  <PositionOptions doc={doc} exclude={(y) => y.id === p.id} />
                </select>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="line-add esc-add">
        <input
          className="input sm"
          aria-label={t("when")}
          placeholder={t("whenPh")}
          value={when}
          maxLength={LIMITS.short_text}
          onChange={(e) => setWhen(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void add();
            }
          }}
        />
        <select className="input select sm" aria-label={t("escalateTo")} value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">{t("pickPosition")}</option>
          <PositionOptions doc={doc} exclude={(y) => y.id === p.id} />
        </select>
        <button type="button" className="btn sm icon-only" disabled={!to || !when.trim()} aria-label={t("addEscalation")} title={t("addEscalation")} onClick={() => void add()}>
          <Icon name="plus" size={14} />
        </button>
      </div>
    </div>
  );
}
