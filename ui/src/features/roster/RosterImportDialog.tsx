// Import a roster (花名册): pick a file, see what was read and how each column is taken, the
// rows that cannot be placed and the library roles matched, then make a new plan of it. Each
// change of sheet, column or skipping reads the file again as a dry run: nothing is written
// until 导入.
import { useEffect, useId, useRef, useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Dialog } from "../../lib/ui/Dialog";
import { Icon } from "../../lib/ui/Icon";
import { LIMITS } from "../../generated/limitValues";
import type { ColumnField } from "../../generated/ColumnField";
import type { Field } from "../../generated/Field";
import type { PickedFile } from "../../generated/PickedFile";
import type { RosterImport } from "../../generated/RosterImport";
import type { RoleMatch } from "../../generated/RoleMatch";
import { rosterDict } from "./dict";
import { applyColumns, describeTable, FIELDS, fileStem, parseShare, setColumn } from "./model";
import "./roster.css";

type T = ReturnType<typeof useT<typeof rosterDict>>;

/** What the preview is asked for: the sheet (the backend's choice when unset), the columns set
 * by hand, and whether rows with problems are left out. */
interface Request {
  sheet?: string;
  columns: ColumnField[];
  skip: boolean;
}

const FRESH: Request = { columns: [], skip: false };

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function RosterImportDialog({ onClose }: { onClose(): void }) {
  const t = useT(rosterDict);
  const lang = useApp((s) => s.lang);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [req, setReq] = useState<Request>(FRESH);
  const [preview, setPreview] = useState<RosterImport | null>(null);
  /** A refusal, and whether it refused the import itself (else: reading the file). */
  const [error, setError] = useState<{ text: string; importing: boolean } | null>(null);
  const [busy, setBusy] = useState<"reading" | "importing" | null>(null);
  const [name, setName] = useState("");
  const [share, setShare] = useState("50");
  const sheetId = useId();
  /** Only the latest request's answer is shown: an older one arriving late is dropped. */
  const seq = useRef(0);

  function args(f: PickedFile, r: Request) {
    return {
      file_name: f.file_name,
      base64: f.base64,
      ...(r.sheet ? { sheet: r.sheet } : {}),
      ...(r.columns.length ? { columns: r.columns } : {}),
      ...(r.skip ? { skip_bad: true } : {}),
    };
  }

  async function read(f: PickedFile, r: Request) {
    const n = ++seq.current;
    setReq(r);
    setBusy("reading");
    setError(null);
    try {
      const out = await useApp.getState().importRoster({ ...args(f, r), dry_run: true });
      if (n === seq.current) setPreview(out);
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
    await read(picked, FRESH);
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
  const canImport = file !== null && shown !== null && !error && busy === null && !blocked && shown.people > 0 && shareN !== null;

  async function confirm() {
    if (!file || !canImport || shareN === null) return;
    const n = ++seq.current;
    setBusy("importing");
    setError(null);
    try {
      const out = await useApp.getState().importRoster({
        ...args(file, req),
        name: name.trim() || fileStem(file.file_name),
        part_time_share: shareN,
      });
      if (out.created) {
        useApp.getState().notify("info", t("imported", { people: out.people, positions: out.positions }));
        onClose();
        return;
      }
      // Refused for rows with problems (the file changed meanwhile): they are listed.
      if (n === seq.current) setPreview(out);
    } catch (e) {
      if (n === seq.current) setError({ text: messageOf(e), importing: true });
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
                onChange={(e) => void read(file, { ...FRESH, sheet: e.target.value })}
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

        {shown && (
          <ColumnsTable
            t={t}
            result={shown}
            mapping={mapping}
            disabled={busy === "importing"}
            onField={(column, field) => void read(file, { ...req, columns: setColumn(req.columns, column, field) })}
          />
        )}

        {shown && !error && (
          <div className="ri-grid">
            <Checks t={t} result={shown} skip={req.skip} />
            <Roles t={t} result={shown} blocked={blocked} />
          </div>
        )}

        <Settings
          t={t}
          people={shown && !error && !blocked ? shown.people : null}
          positions={shown && !error && !blocked ? shown.positions : null}
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
            {busy === "importing" ? t("importing") : t("import")}
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
  disabled,
  onField,
}: {
  t: T;
  result: RosterImport;
  mapping: ColumnField[];
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
        <p>{t("columnsHint")}</p>
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
  onSubmit(): void;
}) {
  const { t } = p;
  const skipHint = useId();
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
      <div className="ri-fields">
        <label className="form-field">
          <span>{t("planName")}</span>
          <input className="input" value={p.name} maxLength={LIMITS.short_text} placeholder={p.placeholder} onChange={(e) => p.onName(e.target.value)} onKeyDown={enter} />
        </label>
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
        <div className="ri-skip" data-disabled={p.canSkip ? undefined : "true"}>
          <label>
            <input type="checkbox" checked={p.skip} disabled={!p.canSkip} aria-describedby={skipHint} onChange={(e) => p.onSkip(e.target.checked)} />
            <span>{t("skip")}</span>
          </label>
          <span id={skipHint} className="form-hint">
            {p.hasProblems ? t("skipHint") : t("skipNone")}
          </span>
        </div>
      </div>
    </div>
  );
}
