// People: each person, the seats they hold with their share of time (editable), the total
// share (red above 100%), and actions to assign, rename and remove.
import { useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon } from "../../lib/ui/Icon";
import { NumberField, TextField } from "../../lib/ui/fields";
import { departmentColor, title } from "../../lib/plan";
import { fte } from "../../lib/format";
import type { PersonFigures } from "../../generated/PersonFigures";
import { confirmRemovePerson } from "../../lib/actions";
import type { Person } from "../../generated/Person";
import type { PlanDoc } from "../../generated/PlanDoc";
import { tablesDict } from "./dict";
import { PositionOptions } from "../../lib/ui/PositionOptions";
import "./tables.css";
import { LIMITS } from "../../generated/limitValues";

export function PeopleTable() {
  const t = useT(tablesDict);
  const current = useApp((s) => s.current);
  const edit = useApp((s) => s.edit);
  const search = useApp((s) => s.search);
  const [name, setName] = useState("");
  if (!current) return null;
  const doc = current.doc;
  const q = search.trim().toLowerCase();
  const byId = new Map(doc.positions.map((p) => [p.id, p]));
  const people = q
    ? doc.people.filter(
        (x) =>
          x.name.toLowerCase().includes(q) ||
          x.assignments.some((a) => {
            const p = byId.get(a.position);
            return p && (p.title.toLowerCase().includes(q) || p.title_en.toLowerCase().includes(q));
          }),
      )
    : doc.people;
  const f = current.figures;
  const byPerson = new Map(f.by_person.map((x) => [x.person, x]));

  async function add() {
    if (!name.trim()) return;
    if (await edit("add_person", { name: name.trim() })) setName("");
  }

  return (
    <div className="tbl-page">
      <header className="tbl-head">
        <div>
          <h1>{t("people")}</h1>
          <p className="muted">{t("peopleIntro")}</p>
        </div>
        <div className="tbl-stats">
          <span className="stat" data-testid="people-persons">
            {t("summaryPeople", { n: f.persons })}
          </span>
          <span className={f.overloaded ? "stat bad" : "stat"}>{t("summaryOver", { n: f.overloaded })}</span>
          <span className={f.vacancies_fte ? "stat warn" : "stat"}>{t("summaryVacant", { n: fte(f.vacancies_fte) })}</span>
        </div>
      </header>

      <div className="tbl-toolbar">
        <input
          className="input"
          aria-label={t("newPersonName")}
          placeholder={t("newPersonName")}
          value={name}
          maxLength={LIMITS.short_text}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void add();
            }
          }}
        />
        <button type="button" className="btn primary" disabled={!name.trim()} onClick={() => void add()}>
          <Icon name="userPlus" size={15} />
          {t("addPerson")}
        </button>
      </div>

      {doc.people.length === 0 ? (
        <div className="empty-state card">
          <span className="empty-icon">
            <Icon name="users" size={24} />
          </span>
          <h3>{t("noPeopleTitle")}</h3>
          <p>{t("noPeopleBody")}</p>
        </div>
      ) : (
        <div className="tbl-scroll">
          <table className="tbl people" data-testid="people-table">
            <thead>
              <tr>
                <th scope="col" className="col-name">
                  {t("name")}
                </th>
                <th scope="col">{t("seats")}</th>
                <th scope="col" className="col-load">
                  {t("load")}
                </th>
                <th scope="col" className="col-actions">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((person, i) => (
                <PersonRow key={person.id} doc={doc} person={person} figures={byPerson.get(person.id)} n={doc.people.indexOf(person) + 1} index={i} />
              ))}
              {people.length === 0 && (
                <tr>
                  <td colSpan={4} className="tbl-empty">
                    {t("noMatch", { q: search })}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function PersonRow({ doc, person, figures, n }: { doc: PlanDoc; person: Person; figures: PersonFigures | undefined; n: number; index: number }) {
  const t = useT(tablesDict);
  const lang = useApp((s) => s.lang);
  const edit = useApp((s) => s.edit);
  const select = useApp((s) => s.select);
  const byId = new Map(doc.positions.map((p) => [p.id, p]));
  const total = figures?.total_share ?? 0;
  const overloaded = figures?.overloaded ?? false;
  const held = new Set(person.assignments.map((a) => a.position));

  return (
    <tr data-person={person.id} className={overloaded ? "overloaded" : undefined}>
      <td className="col-name">
        <div className="person-cell">
          <span className="avatar" aria-hidden="true">
            {person.name.slice(0, 1)}
          </span>
          <TextField
            className="input ghost-input strong"
            value={person.name}
            allowEmpty={false}
            maxLength={LIMITS.short_text}
            aria-label={t("nameOf", { n })}
            onCommit={(v) => edit("rename_person", { person: person.id, name: v })}
          />
        </div>
      </td>
      <td>
        <div className="seat-chips">
          {person.assignments.length === 0 && <span className="muted">{t("unassigned")}</span>}
          {person.assignments.map((a) => {
            const p = byId.get(a.position);
            if (!p) return null;
            const pos = title(p, lang);
            return (
              <span key={a.position} className="seat-chip" style={{ ["--dept" as string]: departmentColor(doc, p) }}>
                <button type="button" className="link" onClick={() => select(p.id)}>
                  {pos}
                </button>
                <span className="seat-share">
                  <NumberField
                    className="input num share-cell"
                    value={a.share}
                    min={LIMITS.share_min}
                    max={LIMITS.share_max}
                    aria-label={t("shareIn", { name: person.name, pos })}
                    onCommit={(v) => (v === null ? null : edit("assign", { person: person.id, position: p.id, share: v }))}
                  />
                  %
                </span>
                <button
                  type="button"
                  className="pchip-x"
                  aria-label={t("unassign", { name: person.name, pos })}
                  title={t("unassign", { name: person.name, pos })}
                  onClick={() => void edit("unassign", { person: person.id, position: p.id })}
                >
                  <Icon name="x" size={12} />
                </button>
              </span>
            );
          })}
          <select
            className="input select sm assign-select"
            aria-label={t("assignTo", { name: person.name })}
            value=""
            onChange={(e) => {
              const id = e.target.value;
              if (!id) return;
              // The core proposes the share still free, and refuses when none is.
              void edit("assign", { person: person.id, position: id });
            }}
          >
            <option value="">{t("assignPh")}</option>
            <PositionOptions doc={doc} exclude={(p) => held.has(p.id)} />
          </select>
        </div>
      </td>
      <td className="col-load">
        <div className={overloaded ? "load over" : "load"} data-testid="person-load">
          <div className="load-bar" aria-hidden="true">
            <span style={{ width: `${Math.min(100, total)}%` }} />
          </div>
          <span className="num load-num">{total}%</span>
          {overloaded && <span className="load-flag">{t("overloaded")}</span>}
        </div>
      </td>
      <td className="col-actions">
        <button
          type="button"
          className="icon-btn xs danger"
          aria-label={t("removePerson", { name: person.name })}
          title={t("removePerson", { name: person.name })}
          onClick={() => void confirmRemovePerson(person.id)}
        >
          <Icon name="trash" size={14} />
        </button>
      </td>
    </tr>
  );
}
