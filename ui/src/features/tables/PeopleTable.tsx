// People: each person, the seats they hold with their share of time (editable), the total
// share (red above 100%), the roster fields (工号, 人员类型, 入职日期; 手机 and 邮箱 only when
// the plan has them: personal data), and actions to assign, rename and remove.
import { memo, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon } from "../../lib/ui/Icon";
import { NumberField, TextField } from "../../lib/ui/fields";
import { departmentColor, hasPersonalData, title } from "../../lib/plan";
import { fte } from "../../lib/format";
import type { PersonFigures } from "../../generated/PersonFigures";
import { confirmRemovePerson } from "../../lib/actions";
import type { Person } from "../../generated/Person";
import type { PlanDoc } from "../../generated/PlanDoc";
import type { PersonKind } from "../../generated/PersonKind";
import type { PersonPatch } from "../../generated/PersonPatch";
import { tablesDict } from "./dict";
import { PERSON_KINDS, filterPeople, nextSort, sortPeople, startDate } from "./rows";
import type { PeopleSortKey, SortState } from "./rows";
import { SortTh, Spacer, useTableRows } from "./virtual";
import type { Position } from "../../generated/Position";
import { PositionOptions } from "../../lib/ui/PositionOptions";
import "./tables.css";
import { LIMITS } from "../../generated/limitValues";

export function PeopleTable() {
  const t = useT(tablesDict);
  const current = useApp((s) => s.current);
  const edit = useApp((s) => s.edit);
  const search = useApp((s) => s.search);
  const setSearch = useApp((s) => s.setSearch);
  const [name, setName] = useState("");
  const [sort, setSort] = useState<SortState<PeopleSortKey> | null>(null);
  const doc = current?.doc;
  const f = current?.figures;
  // Filtered, then sorted: pure (rows.ts); recomputed only when the plan, search or sort change.
  const people = useMemo(
    () => (doc && f ? sortPeople(doc, filterPeople(doc, doc.people, search), f, sort) : []),
    [doc, f, search, sort],
  );
  const byPerson = useMemo(() => new Map((f?.by_person ?? []).map((x) => [x.person, x])), [f]);
  const positions = useMemo(() => new Map((doc?.positions ?? []).map((p) => [p.id, p])), [doc]);
  const order = useMemo(() => new Map((doc?.people ?? []).map((p, i) => [p.id, i + 1])), [doc]);
  const rows = useTableRows(people.length, ROW_HEIGHT);
  if (!current || !doc || !f) return null;
  // 手机 and 邮箱 are personal data: their columns show only in a plan that holds some.
  const personal = hasPersonalData(doc);
  const columns = personal ? 9 : 7;
  const onSort = (k: PeopleSortKey) => setSort((s) => nextSort(s, k));
  const th = (k: PeopleSortKey, className: string, label: string, title?: string) => (
    <SortTh k={k} sort={sort} onSort={onSort} className={className} title={title} hint={t("sortHint")}>
      {label}
    </SortTh>
  );

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

      <div className="tbl-bar">
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
        {doc.people.length > 0 && (
          <FilterBox label={t("filterPeople")} placeholder={t("filterPeoplePh")} value={search} onChange={setSearch} clear={t("clearSearch")}>
            {search.trim() && (
              <span className="muted tbl-shown" role="status" data-testid="people-shown">
                {t("shownOf", { n: people.length, total: doc.people.length })}
              </span>
            )}
          </FilterBox>
        )}
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
        <div className="tbl-scroll" ref={rows.scrollRef}>
          <table
            className={personal ? "tbl people personal" : "tbl people"}
            data-testid="people-table"
            aria-label={t("people")}
            aria-rowcount={people.length + 1}
          >
            <thead>
              <tr aria-rowindex={1}>
                {th("name", "col-name", t("name"))}
                {th("employee_no", "col-no", t("employeeNo"))}
                {th("seats", "col-seats", t("seats"))}
                {th("load", "col-load", t("load"))}
                {th("kind", "col-kind", t("kind"))}
                {th("start_date", "col-date", t("startDate"))}
                {personal && (
                  <>
                    {th("phone", "col-phone", t("phone"), t("personalHint"))}
                    {th("email", "col-email", t("email"), t("personalHint"))}
                  </>
                )}
                <th scope="col" className="col-actions">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <Spacer height={rows.padTop} cols={columns} />
              {rows.items.map((item) => {
                const person = people[item.index];
                return (
                  <PersonRow
                    key={person.id}
                    doc={doc}
                    positions={positions}
                    person={person}
                    figures={byPerson.get(person.id)}
                    n={order.get(person.id) ?? 0}
                    index={item.index}
                    measure={rows.virtualizer.measureElement}
                    personal={personal}
                  />
                );
              })}
              <Spacer height={rows.padBottom} cols={columns} />
              {people.length === 0 && (
                <tr>
                  <td colSpan={columns} className="tbl-empty">
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

/** A row's height before it is measured (a row with one line of seats). */
const ROW_HEIGHT = 47;

/** The filter box above a table: the app's one search (the top bar's), typed here too. */
export function FilterBox({
  label,
  placeholder,
  value,
  onChange,
  clear,
  children,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange(v: string): void;
  clear: string;
  children?: ReactNode;
}) {
  return (
    <div className="tbl-filter">
      <div className="tbl-filter-box">
        <Icon name="search" size={14} className="tbl-filter-icon" />
        <input
          type="search"
          className="input"
          aria-label={label}
          placeholder={placeholder}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape" && value) {
              e.stopPropagation();
              onChange("");
            }
          }}
        />
        {value && (
          <button type="button" className="tbl-filter-clear" aria-label={clear} title={clear} onClick={() => onChange("")}>
            <Icon name="x" size={12} />
          </button>
        )}
      </div>
      {children}
    </div>
  );
}

const PersonRow = memo(function PersonRow({
  doc,
  positions: byId,
  person,
  figures,
  n,
  index,
  measure,
  personal,
}: {
  doc: PlanDoc;
  positions: Map<string, Position>;
  person: Person;
  figures: PersonFigures | undefined;
  /** The person's place in the plan (for the name field's label). */
  n: number;
  /** The row's place in the filtered, sorted list (0-based). */
  index: number;
  measure(el: Element | null): void;
  personal: boolean;
}) {
  const t = useT(tablesDict);
  const lang = useApp((s) => s.lang);
  const edit = useApp((s) => s.edit);
  const select = useApp((s) => s.select);
  const total = figures?.total_share ?? 0;
  const overloaded = figures?.overloaded ?? false;
  const held = new Set(person.assignments.map((a) => a.position));
  /** Saves roster fields of this person (compare-and-set: the store sends what they held). */
  const update = (patch: PersonPatch) => edit("update_person", { person: person.id, ...patch });

  return (
    <tr data-person={person.id} data-index={index} ref={measure} aria-rowindex={index + 2} className={overloaded ? "overloaded" : undefined}>
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
      <td className="col-no">
        <TextField
          className="input ghost-input cell-text num"
          value={person.employee_no}
          maxLength={LIMITS.short_text}
          aria-label={t("employeeNoOf", { name: person.name })}
          onCommit={(v) => update({ employee_no: v })}
        />
      </td>
      <td className="col-seats">
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
          <AssignSelect
            doc={doc}
            held={held}
            more={person.assignments.length > 0}
            label={t("assignTo", { name: person.name })}
            who={t("forPerson", { name: person.name })}
            placeholder={t(person.assignments.length ? "assignMorePh" : "assignPh")}
            // The core proposes the share still free, and refuses when none is.
            onPick={(id) => void edit("assign", { person: person.id, position: id })}
          />
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
      <td className="col-kind">
        <KindSelect value={person.kind} label={t("kindOf", { name: person.name })} who={t("forPerson", { name: t("kindOf", { name: person.name }) })} onPick={(kind) => void update({ kind })} />
      </td>
      <td className="col-date">
        <DateField value={person.start_date} label={t("startDateOf", { name: person.name })} onCommit={(v) => update({ start_date: v })} />
      </td>
      {personal && (
        <>
          <td className="col-phone">
            <TextField
              type="tel"
              className="input ghost-input cell-text num"
              value={person.phone}
              maxLength={LIMITS.short_text}
              autoComplete="off"
              aria-label={t("phoneOf", { name: person.name })}
              onCommit={(v) => update({ phone: v })}
            />
          </td>
          <td className="col-email">
            <TextField
              type="email"
              className="input ghost-input cell-text"
              value={person.email}
              maxLength={LIMITS.short_text}
              autoComplete="off"
              aria-label={t("emailOf", { name: person.name })}
              onCommit={(v) => update({ email: v })}
            />
          </td>
        </>
      )}
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
});

/** A menu (<select>) that is a button looking like it until pressed (click, Enter or Space):
 * then the menu, focused and open; left, the button again. Two <select>s in every visible row
 * (one holding every position of the plan) would make the 人员 table slow to open. */
function LazySelect({
  className,
  label,
  text,
  buttonName,
  value,
  onChange,
  children,
}: {
  className: string;
  /** The menu's accessible name. */
  label: string;
  /** What the button shows: the menu's current choice. */
  text: ReactNode;
  /** The button's accessible name; it must contain the text it shows. */
  buttonName: ReactNode;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}) {
  const [armed, setArmed] = useState(false);
  if (!armed) {
    return (
      <button type="button" className={className} aria-haspopup="listbox" onClick={() => setArmed(true)}>
        {text}
        <span className="sr-only">{buttonName}</span>
      </button>
    );
  }
  return (
    <select
      className={className}
      aria-label={label}
      value={value}
      ref={(el) => {
        if (!el || document.activeElement === el) return;
        el.focus();
        try {
          el.showPicker();
        } catch {
          // Refused without a user gesture: the menu is focused, and Space opens it.
        }
      }}
      onBlur={() => setArmed(false)}
      onChange={(e) => onChange(e.target.value)}
    >
      {children}
    </select>
  );
}

/** The menu of positions to assign a person to (every position of the plan). */
function AssignSelect({
  doc,
  held,
  more,
  label,
  who,
  placeholder,
  onPick,
}: {
  doc: PlanDoc;
  held: Set<string>;
  more: boolean;
  label: string;
  /** Who the button is for, read after its visible text. */
  who: string;
  placeholder: string;
  onPick(id: string): void;
}) {
  return (
    <LazySelect
      className={more ? "input select sm assign-select more" : "input select sm assign-select"}
      label={label}
      text={placeholder}
      buttonName={who}
      value=""
      onChange={(id) => id && onPick(id)}
    >
      <option value="">{placeholder}</option>
      <PositionOptions doc={doc} exclude={(p) => held.has(p.id)} />
    </LazySelect>
  );
}

/** A person's 人员类型. */
function KindSelect({ value, label, who, onPick }: { value: PersonKind | null; label: string; who: string; onPick(kind: PersonKind | null): void }) {
  const t = useT(tablesDict);
  return (
    <LazySelect
      className={value ? "input select sm cell-kind" : "input select sm cell-kind empty"}
      label={label}
      text={value ? t(`kind_${value}`) : t("kindNone")}
      buttonName={who}
      value={value ?? ""}
      onChange={(v) => onPick((v || null) as PersonKind | null)}
    >
      <option value="">{t("kindNone")}</option>
      {PERSON_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(`kind_${k}`)}
        </option>
      ))}
    </LazySelect>
  );
}

/** A 入职日期, written as text (2024-03-01, 2024/3/1, 2024年3月1日 …) and shown as YYYY-MM-DD
 * whatever the browser's locale; cleared, no date. A plain text field also keeps the table
 * quick to open (a date input per row is costly to lay out). */
function DateField({ value, label, onCommit }: { value: string | null; label: string; onCommit(v: string | null): Promise<unknown> }) {
  const t = useT(tablesDict);
  return (
    <TextField
      className="input ghost-input cell-date num"
      value={value ?? ""}
      parse={(text) => {
        const day = startDate(text);
        return day === undefined ? undefined : (day ?? "");
      }}
      onCommit={(v) => onCommit(v || null)}
      maxLength={20}
      aria-label={label}
      title={t("dateHint")}
      placeholder={t("datePh")}
    />
  );
}
