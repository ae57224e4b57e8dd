// Import a roster (花名册): pick a file, see what was read and how each column is taken, the
// rows that cannot be placed and the library roles matched, then make a new plan of it, or
// bring it into the open plan (next month's roster: joiners, leavers, moves; or below the
// selected position) after seeing what that changes. Each change of sheet, column, skipping
// or destination reads the file again as a dry run: nothing is written until 导入/更新方案.
import { useEffect, useId, useRef, useState } from "react";
import { useApp } from "../../lib/store";
import { BackendError } from "../../lib/backend";
import { title as positionTitle } from "../../lib/plan";
import { useT } from "../../lib/i18n";
import { Dialog } from "../../lib/ui/Dialog";
import { Icon } from "../../lib/ui/Icon";
import { LIMITS } from "../../generated/limitValues";
import type { ColumnField } from "../../generated/ColumnField";
import type { Field } from "../../generated/Field";
import type { PickedFile } from "../../generated/PickedFile";
import type { RosterImport } from "../../generated/RosterImport";
import type { RoleMatch } from "../../generated/RoleMatch";
import type { RosterChanges } from "../../generated/RosterChanges";
import { rosterDict } from "./dict";
import {
  applyColumns,
  changeCount,
  describeTable,
  FIELDS,
  fileStem,
  FRESH,
  needsNotice,
  parseShare,
  restart,
  rosterArgs,
  setColumn,
  target,
  titles,
  type Open,
  type Request,
} from "./model";
import "./roster.css";

type T = ReturnType<typeof useT<typeof rosterDict>>;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function RosterImportDialog({ onClose }: { onClose(): void }) {
  const t = useT(rosterDict);
  const lang = useApp((s) => s.lang);
  const current = useApp((s) => s.current);
  const selected = useApp((s) => s.selected);
  // The plan the roster can go into, and the position it can go below.
  const open: Open | null = current ? { plan: current.doc.plan.id, selected: current.doc.positions.some((p) => p.id === selected) ? selected : null } : null;
  const selectedPosition = open?.selected ? current?.doc.positions.find((p) => p.id === open.selected) : undefined;
  const [file, setFile] = useState<PickedFile | null>(null);
  const [req, setReq] = useState<Request>(FRESH);
  const [preview, setPreview] = useState<RosterImport | null>(null);
  /** The open plan's revision the preview was read against: an import into it passes it, so
   * that a plan changed meanwhile is refused rather than changed unseen. */
  const [seenRevision, setSeenRevision] = useState<number | null>(null);
  /** A refusal, and whether it refused the import itself (else: reading the file). */
  const [error, setError] = useState<{ text: string; importing: boolean } | null>(null);
  const [busy, setBusy] = useState<"reading" | "importing" | null>(null);
  const [name, setName] = useState("");
  const [share, setShare] = useState("50");
  const sheetId = useId();
  /** Only the latest request's answer is shown: an older one arriving late is dropped. */
  const seq = useRef(0);

  async function read(f: PickedFile, r: Request) {
    const n = ++seq.current;
    setReq(r);
    setBusy("reading");
    setError(null);
    const revision = useApp.getState().current?.revision ?? null;
    try {
      const out = await useApp.getState().importRoster({ ...rosterArgs(f, r, open), dry_run: true });
      if (n === seq.current) {
        setPreview(out);
        setSeenRevision(revision);
      }
    } catch (e) {
      if (n === seq.current) setError({ text: messageOf(e), importing: false });
    } finally {
      if (n === seq.current) setBusy(null);
    }
  }

  async function pick() {
    let picked: PickedFile | null;
    try {
      picked = await useApp.getState().backend.pickRosterFile(lang);
    } catch (e) {
      // Refused before reading (too large, unreadable): back to choosing, with why.
      seq.current += 1;
      setFile(null);
      setPreview(null);
      setBusy(null);
      setError({ text: messageOf(e), importing: false });
      return;
    }
    if (!picked) return;
    setFile(picked);
    setPreview(null);
    setName(fileStem(picked.file_name));
    await read(picked, restart(req));
  }

  // The control that had the focus goes when the dialog moves on (choosing, reading, the
  // preview): the focus stays in the dialog, so that Tab and Esc keep working.
  const root = useRef<HTMLDivElement>(null);
  const phase = !file ? "pick" : !preview ? (busy ? "reading" : "failed") : "preview";
  useEffect(() => {
    const box = root.current?.closest<HTMLElement>('[role="dialog"]');
    const at = document.activeElement;
    if (!box || (at !== box && box.contains(at))) return;
    (box.querySelector<HTMLElement>("[data-autofocus]") ?? box).focus();
  }, [phase]);

  const shareN = parseShare(share);
  // A sheet asked for and refused: what the preview holds is another sheet's.
  const stale = preview !== null && req.sheet !== undefined && preview.table.sheet !== req.sheet;
  const shown = preview && !stale ? preview : null;
  const hasProblems = (shown?.problems.length ?? 0) > 0;
  const blocked = hasProblems && !req.skip;
  // No column read as 姓名 (or another field the import needs): nothing is built until one is.
  const needs = shown ? needsNotice(shown.needs, t) : "";
  // Into the open plan: what the preview says it changes (nothing to do when nothing does).
  const into = target(req, open);
  const changes = into ? (shown?.changes ?? null) : null;
  const unchanged = changes !== null && changeCount(changes) === 0;
  const canImport =
    file !== null &&
    shown !== null &&
    !error &&
    busy === null &&
    !blocked &&
    !needs &&
    shareN !== null &&
    (into ? changes !== null && !unchanged : shown.people > 0);

  async function confirm() {
    if (!file || !canImport || shareN === null) return;
    const n = ++seq.current;
    setBusy("importing");
    setError(null);
    try {
      const out = await useApp.getState().importRoster({
        ...rosterArgs(file, req, open),
        ...(into ? (seenRevision !== null ? { revision: seenRevision } : {}) : { name: name.trim() || fileStem(file.file_name) }),
        part_time_share: shareN,
      });
      if (out.created || out.merged) {
        const notify = useApp.getState().notify;
        if (out.created) notify("info", t("imported", { people: out.people, positions: out.positions }));
        else notify("info", out.changes ? t("merged", { n: changeCount(out.changes) }) : t("mergedNone"));
        onClose();
        return;
      }
      // Refused for rows with problems (the file changed meanwhile): they are listed.
      if (n === seq.current) setPreview(out);
    } catch (e) {
      if (n !== seq.current) return;
      if (e instanceof BackendError && e.kind === "conflict") {
        // The plan changed since the preview: load it, show what the import does now, and say why.
        await useApp.getState().reloadPlan();
        await read(file, req);
      }
      setError({ text: messageOf(e), importing: true });
    } finally {
      if (n === seq.current) setBusy(null);
    }
  }

  let body;
  if (!file) {
    body = <PickState t={t} error={error?.text ?? null} onPick={() => void pick()} />;
  } else if (!preview) {
    body = busy ? (
      <div className="ri-state" role="status" data-testid="roster-reading">
        <span className="spinner ri-spinner" aria-hidden="true" />
        <p>{t("reading", { name: file.file_name })}</p>
      </div>
    ) : (
      <div className="ri-state" data-testid="roster-error">
        <span className="empty-icon ri-icon-error">
          <Icon name="error" size={22} />
        </span>
        <h3>{t("readFailed")}</h3>
        <p className="ri-state-message" role="alert">
          {error?.text}
        </p>
        <button type="button" className="btn primary" data-autofocus onClick={() => void pick()}>
          <Icon name="upload" size={15} />
          {t("pickAgain")}
        </button>
      </div>
    );
  } else {
    const sheets = preview.table.sheets;
    const mapping = shown ? applyColumns(shown.mapping.columns, req.columns) : [];
    body = (
      <div className="ri" aria-busy={busy === "reading" || undefined}>
        <div className="ri-file">
          <span className="ri-file-icon" aria-hidden="true">
            <Icon name="table" size={18} />
          </span>
          <div className="ri-file-text">
            <span className="ri-file-name">{file.file_name}</span>
            {shown && (
              <span className="ri-file-meta num" data-testid="roster-summary">
                {describeTable(shown.table, shown.rows, t).join(" · ")}
              </span>
            )}
          </div>
          <span className="ri-busy" role="status">
            {busy === "reading" && (
              <>
                <span className="spinner" aria-hidden="true" />
                {t("updating")}
              </>
            )}
          </span>
          {sheets.length > 1 && (
            <span className="ri-sheet">
              <label htmlFor={sheetId}>{t("sheet")}</label>
              <select
                id={sheetId}
                className="input select sm"
                value={req.sheet ?? preview.table.sheet ?? ""}
                disabled={busy === "importing"}
                onChange={(e) => void read(file, restart(req, e.target.value))}
              >
                {sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </span>
          )}
          <button type="button" className="btn sm" disabled={busy === "importing"} onClick={() => void pick()}>
            <Icon name="upload" size={14} />
            {t("change")}
          </button>
        </div>

        {error && (
          <div className="ri-error" role="alert" data-testid="roster-error">
            <Icon name="error" size={18} />
            <div>
              <strong>{error.importing ? t("failed") : t("readFailed")}</strong>
              <p>{error.text}</p>
            </div>
          </div>
        )}

        {open && current && (
          <Destination
            t={t}
            req={req}
            planName={current.doc.plan.name}
            selectedTitle={selectedPosition ? positionTitle(selectedPosition, lang) : null}
            disabled={busy === "importing"}
            onChange={(r) => void read(file, r)}
          />
        )}

        {shown && (
          <ColumnsTable
            t={t}
            result={shown}
            mapping={mapping}
            needs={needs}
            disabled={busy === "importing"}
            onField={(column, field) => void read(file, { ...req, columns: setColumn(req.columns, column, field) })}
          />
        )}

        {shown && !error && !needs && into && (
          <Changes
            t={t}
            changes={blocked ? null : changes}
            keep={req.keep}
            canKeep={!into.under && busy !== "importing"}
            onKeep={(keep) => void read(file, { ...req, keep })}
          />
        )}

        {shown && !error && !needs && (
          <div className="ri-grid">
            <Checks t={t} result={shown} skip={req.skip} />
            <Roles t={t} result={shown} blocked={blocked} />
          </div>
        )}

        <Settings
          t={t}
          people={shown && !error && !blocked && !needs ? shown.people : null}
          positions={shown && !error && !blocked && !needs ? shown.positions : null}
          newPlan={!into}
          name={name}
          placeholder={fileStem(file.file_name)}
          onName={setName}
          share={share}
          shareOk={shareN !== null}
          onShare={setShare}
          skip={req.skip && hasProblems}
          canSkip={hasProblems && busy !== "importing"}
          hasProblems={hasProblems}
          onSkip={(skip) => void read(file, { ...req, skip })}
          personal={req.personal}
          canPersonal={busy !== "importing"}
          onPersonal={(personal) => void read(file, { ...req, personal })}
          onSubmit={() => void confirm()}
        />
      </div>
    );
  }

  return (
    <Dialog
      title={t("title")}
      description={t("desc")}
      onClose={onClose}
      width={preview ? 1040 : 600}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t("cancel")}
          </button>
          <button type="button" className="btn primary" disabled={!canImport} onClick={() => void confirm()} data-testid="roster-import">
            {busy === "importing" ? <span className="spinner ri-btn-spinner" aria-hidden="true" /> : <Icon name="upload" size={15} />}
            {busy === "importing" ? t(into ? "updatingPlan" : "importing") : t(into ? "updatePlan" : "import")}
          </button>
        </>
      }
    >
      <div ref={root}>{body}</div>
    </Dialog>
  );
}

function PickState({ t, error, onPick }: { t: T; error: string | null; onPick(): void }) {
  return (
    <div className="ri-state ri-pick">
      <span className="empty-icon big" aria-hidden="true">
        <Icon name="users" size={30} />
      </span>
      <h3>{t("pickTitle")}</h3>
      <p>{t("pickBody")}</p>
      <p className="ri-formats">{t("pickFormats")}</p>
      {error && (
        <p className="ri-state-message" role="alert" data-testid="roster-error">
          {error}
        </p>
      )}
      <button type="button" className="btn primary" data-autofocus onClick={onPick}>
        <Icon name="upload" size={15} />
        {t("pickButton")}
      </button>
    </div>
  );
}

function ColumnsTable({
  t,
  result,
  mapping,
  needs,
  disabled,
  onField,
}: {
  t: T;
  result: RosterImport;
  mapping: ColumnField[];
  /** What to pick before anything can be built (请在下方为「姓名」选择一列), or "". */
  needs: string;
  disabled: boolean;
  onField(column: string, field: Field | null): void;
}) {
  const headId = useId();
  const { table } = result;
  const bad = new Set(result.problems.map((p) => p.line));
  return (
    <section className="ri-section" aria-labelledby={headId}>
      <div className="ri-section-head">
        <h3 id={headId}>{t("columnsTitle")}</h3>
        {needs ? (
          <p className="ri-need" role="status" data-testid="roster-needs">
            <Icon name="info" size={14} />
            {needs}
          </p>
        ) : (
          <p>{t("columnsHint")}</p>
        )}
        <span className="ri-count num">{t("previewOf", { shown: table.rows.length, n: result.rows })}</span>
      </div>
      <div className="ri-table-wrap" role="region" aria-label={t("tableLabel")} tabIndex={0}>
        <table className="ri-table" data-testid="roster-preview">
          <thead>
            <tr>
              <th scope="col" className="ri-line">
                {t("colLine")}
              </th>
              {table.headers.map((h, i) => {
                const field = mapping[i]?.field ?? null;
                return (
                  <th key={i} scope="col" data-off={field ? undefined : "true"}>
                    <span className="ri-head" title={h}>
                      {h || t("noHeader")}
                    </span>
                    <select
                      className="input select sm"
                      aria-label={t("columnAs", { column: h || t("noHeader") })}
                      value={field ?? ""}
                      disabled={disabled}
                      onChange={(e) => onField(h, (e.target.value || null) as Field | null)}
                    >
                      <option value="">{t("skipColumn")}</option>
                      {FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {t(`field_${f}`)}
                        </option>
                      ))}
                    </select>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.line} data-problem={bad.has(r.line) ? "true" : undefined}>
                <th scope="row" className="ri-line num">
                  {r.line}
                </th>
                {table.headers.map((_, i) => (
                  <td key={i} data-off={mapping[i]?.field ? undefined : "true"}>
                    {r.cells[i] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Checks({ t, result, skip }: { t: T; result: RosterImport; skip: boolean }) {
  const headId = useId();
  const { problems } = result;
  return (
    <section className="ri-card" aria-labelledby={headId} data-testid="roster-problems">
      <h3 id={headId}>
        {t("problemsTitle")}
        {problems.length > 0 && (
          <span className={skip ? "ri-pill" : "ri-pill bad"}>{skip ? t("skippedCount", { n: problems.length }) : t("problemsCount", { n: problems.length })}</span>
        )}
      </h3>
      {problems.length === 0 ? (
        <div className="ri-ok">
          <span className="empty-icon ok" aria-hidden="true">
            <Icon name="checkCircle" size={20} />
          </span>
          <div>
            <strong>{t("noProblems")}</strong>
            <p>{t("noProblemsBody", { n: result.rows })}</p>
          </div>
        </div>
      ) : (
        <>
          <ul className="ri-problems" data-skipped={skip ? "true" : undefined} tabIndex={0} aria-label={t("problemsTitle")}>
            {problems.map((p, i) => (
              <li key={`${p.line}-${i}`}>
                <Icon name={skip ? "info" : "error"} size={14} />
                <span>{p.message}</span>
              </li>
            ))}
          </ul>
          {!skip && <p className="form-hint">{t("problemsHint")}</p>}
        </>
      )}
    </section>
  );
}

function Roles({ t, result, blocked }: { t: T; result: RosterImport; blocked: boolean }) {
  const headId = useId();
  const lang = useApp((s) => s.lang);
  const roles = useApp((s) => s.roles);
  const { matched, unmatched } = result;
  const label = (m: RoleMatch) => {
    const role = roles.find((r) => r.id === m.role);
    const roleTitle = role ? (lang === "en" ? role.title_en || role.title : role.title) : null;
    return roleTitle && roleTitle !== m.title ? t("matchedAs", { title: m.title, role: roleTitle }) : m.title;
  };
  let summary: string;
  if (unmatched.length === 0) summary = t("rolesAll", { m: matched.length });
  else if (matched.length === 0) summary = t("rolesNone");
  else summary = t("rolesSummary", { m: matched.length, u: unmatched.length });
  return (
    <section className="ri-card" aria-labelledby={headId} data-testid="roster-roles">
      <h3 id={headId}>{t("rolesTitle")}</h3>
      {blocked ? (
        <p className="ri-card-note">{t("rolesPending")}</p>
      ) : (
        <>
          <p className="ri-card-note">{summary}</p>
          <div className="ri-roles" role="group" tabIndex={0} aria-label={t("rolesTitle")}>
            {matched.length > 0 && (
              <div className="ri-role-group">
                <span className="ri-role-label">{t("matchedLabel")}</span>
                <ul aria-label={t("matchedLabel")}>
                  {matched.map((m) => (
                    <li key={m.title} className="ri-role on">
                      <Icon name="check" size={12} />
                      {label(m)}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {unmatched.length > 0 && (
              <div className="ri-role-group">
                <span className="ri-role-label">{t("unmatchedLabel")}</span>
                <ul aria-label={t("unmatchedLabel")}>
                  {unmatched.map((title) => (
                    <li key={title} className="ri-role">
                      {title}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function Settings(p: {
  t: T;
  people: number | null;
  positions: number | null;
  /** A new plan is made (it takes a name); else the open plan is updated. */
  newPlan: boolean;
  name: string;
  placeholder: string;
  onName(name: string): void;
  share: string;
  shareOk: boolean;
  onShare(share: string): void;
  skip: boolean;
  canSkip: boolean;
  hasProblems: boolean;
  onSkip(skip: boolean): void;
  personal: boolean;
  canPersonal: boolean;
  onPersonal(personal: boolean): void;
  onSubmit(): void;
}) {
  const { t } = p;
  const skipHint = useId();
  const personalHint = useId();
  const enter = (e: React.KeyboardEvent) => {
    if (e.key === "Enter" && !e.nativeEvent.isComposing) {
      e.preventDefault();
      p.onSubmit();
    }
  };
  return (
    <div className="ri-settings">
      <dl className="ri-stats" aria-label={t("resultTitle")} data-testid="roster-counts" data-empty={p.people === null ? "true" : undefined}>
        <div>
          <dt>{t("statPeople")}</dt>
          <dd className="num">{p.people ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("statPositions")}</dt>
          <dd className="num">{p.positions ?? "—"}</dd>
        </div>
      </dl>
      <div className="ri-fields" data-new={p.newPlan ? "true" : undefined}>
        {p.newPlan && (
          <label className="form-field">
            <span>{t("planName")}</span>
            <input className="input" value={p.name} maxLength={LIMITS.short_text} placeholder={p.placeholder} onChange={(e) => p.onName(e.target.value)} onKeyDown={enter} />
          </label>
        )}
        <label className="form-field">
          <span>{t("share")}</span>
          <input
            className="input num"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            step={1}
            value={p.share}
            aria-invalid={!p.shareOk}
            onChange={(e) => p.onShare(e.target.value)}
            onKeyDown={enter}
          />
          {p.shareOk ? <span className="form-hint">{t("shareHint")}</span> : <span className="form-error">{t("shareBad")}</span>}
        </label>
        <div className="ri-checks">
          <div className="ri-skip" data-disabled={p.canSkip ? undefined : "true"}>
            <label>
              <input type="checkbox" checked={p.skip} disabled={!p.canSkip} aria-describedby={skipHint} onChange={(e) => p.onSkip(e.target.checked)} />
              <span>{t("skip")}</span>
            </label>
            <span id={skipHint} className="form-hint">
              {p.hasProblems ? t("skipHint") : t("skipNone")}
            </span>
          </div>
          <div className="ri-skip" data-disabled={p.canPersonal ? undefined : "true"}>
            <label>
              <input
                type="checkbox"
                checked={p.personal}
                disabled={!p.canPersonal}
                aria-describedby={personalHint}
                onChange={(e) => p.onPersonal(e.target.checked)}
              />
              <span>{t("personal")}</span>
            </label>
            <span id={personalHint} className="form-hint">
              {t("personalHint")}
            </span>
          </div>
        </div>
      </div>
    </div>
  );
}

/** Where the roster goes: a new plan or the open one; into the open one, as its team now
 * (next month's roster) or below the selected position. */
function Destination({
  t,
  req,
  planName,
  selectedTitle,
  disabled,
  onChange,
}: {
  t: T;
  req: Request;
  planName: string;
  selectedTitle: string | null;
  disabled: boolean;
  onChange(r: Request): void;
}) {
  const name = useId();
  const place = useId();
  const hint = useId();
  const under = req.under && selectedTitle !== null;
  return (
    <div className="ri-dest" data-testid="roster-destination">
      <fieldset className="ri-choice" disabled={disabled}>
        <legend>{t("destTitle")}</legend>
        <label className="ri-option">
          <input type="radio" name={name} checked={!req.into} onChange={() => onChange({ ...req, into: false })} />
          <span>{t("destNew")}</span>
        </label>
        <label className="ri-option">
          <input type="radio" name={name} checked={req.into} onChange={() => onChange({ ...req, into: true })} />
          <span>
            {t("destInto")}
            <span className="ri-option-sub">「{planName}」</span>
          </span>
        </label>
      </fieldset>
      {req.into && (
        <fieldset className="ri-choice" disabled={disabled} aria-describedby={hint}>
          <legend>{t("placeTitle")}</legend>
          <label className="ri-option">
            <input type="radio" name={place} checked={!under} onChange={() => onChange({ ...req, under: false })} />
            <span>{t("placeRoster")}</span>
          </label>
          <label className="ri-option" data-disabled={selectedTitle === null ? "true" : undefined}>
            <input type="radio" name={place} checked={under} disabled={selectedTitle === null} onChange={() => onChange({ ...req, under: true })} />
            <span>
              {t("placeUnder")}
              <span className="ri-option-sub">{selectedTitle !== null ? `「${selectedTitle}」` : t("placeUnderNone")}</span>
            </span>
          </label>
          <p id={hint} className="form-hint ri-choice-hint">
            {under ? t("placeUnderHint", { title: selectedTitle }) : t("placeRosterHint")}
          </p>
        </fieldset>
      )}
    </div>
  );
}

/** What bringing the roster into the plan changes: joiners, leavers (kept or not), moves,
 * updated details, new positions and raised headcounts; or that nothing does. */
function Changes({
  t,
  changes,
  keep,
  canKeep,
  onKeep,
}: {
  t: T;
  /** `null` while rows with problems are neither fixed nor skipped. */
  changes: RosterChanges | null;
  keep: boolean;
  canKeep: boolean;
  onKeep(keep: boolean): void;
}) {
  const headId = useId();
  const n = changes ? changeCount(changes) : 0;
  const groups: { key: string; label: string; items: { name: string; detail?: string }[] }[] = changes
    ? [
        { key: "joiners", label: t("joiners"), items: changes.joiners.map((p) => ({ name: p.name, detail: titles(p.titles) })) },
        {
          key: "leavers",
          label: changes.leavers_kept ? t("leaversKept") : t("leavers"),
          items: changes.leavers.map((p) => ({ name: p.name, detail: titles(p.titles) })),
        },
        {
          key: "moves",
          label: t("moves"),
          items: changes.moves.map((m) => ({ name: m.name, detail: t("moveArrow", { from: titles(m.from), to: titles(m.to) }) })),
        },
        { key: "updated", label: t("updated"), items: changes.updated.map((name) => ({ name })) },
        { key: "positions", label: t("positionsAdded"), items: changes.positions_added.map((name) => ({ name })) },
        { key: "headcount", label: t("headcountRaised"), items: changes.headcount_raised.map((name) => ({ name })) },
      ].filter((g) => g.items.length > 0)
    : [];
  return (
    <section className="ri-card ri-changes" aria-labelledby={headId} data-testid="roster-changes">
      <h3 id={headId}>
        {t("changesTitle")}
        {n > 0 && <span className="ri-pill on">{t("changesCount", { n })}</span>}
      </h3>
      {changes === null ? (
        <p className="ri-card-note">{t("changesPending")}</p>
      ) : n === 0 && changes.leavers.length === 0 ? (
        <div className="ri-ok">
          <span className="empty-icon ok" aria-hidden="true">
            <Icon name="checkCircle" size={20} />
          </span>
          <div>
            <strong>{t("changesNone")}</strong>
            <p>{t("changesNoneBody")}</p>
          </div>
        </div>
      ) : (
        <div className="ri-change-groups">
          {groups.map((g) => (
            <div key={g.key} className="ri-change-group" data-kind={g.key} data-kept={g.key === "leavers" && changes.leavers_kept ? "true" : undefined} data-testid={`roster-${g.key}`}>
              <h4>
                <span className="ri-change-mark" aria-hidden="true" />
                {g.label}
                <span className="ri-change-n num">{g.items.length}</span>
              </h4>
              <ul tabIndex={0} aria-label={g.label}>
                {g.items.map((x, i) => (
                  <li key={`${x.name}-${i}`}>
                    <span className="ri-change-name">{x.name}</span>
                    {x.detail && <span className="ri-change-detail">{x.detail}</span>}
                  </li>
                ))}
              </ul>
              {g.key === "leavers" && (
                <label className="ri-keep">
                  <input type="checkbox" checked={keep} disabled={!canKeep} onChange={(e) => onKeep(e.target.checked)} />
                  <span>{t("keepLeavers")}</span>
                </label>
              )}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
