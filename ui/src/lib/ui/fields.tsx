// Fields that save on commit: text saves on blur or Enter, Esc puts the saved value back, and
// a refused save puts the backend's value back too. The draft follows the saved value whenever
// it changes (after an edit, undo or redo).
import { useCallback, useState, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";

/** Local draft of `value`. When `value` changes (an edit, undo or redo, a change made
 * elsewhere), the draft follows it, unless the user is in the middle of changing the draft:
 * then the change is the echo of their own save and what they typed since is kept.
 * `revert` puts back the saved value as it is when React applies it, not as it was when the
 * save began: a refused save may bring a newer value (a conflict loads the latest plan). */
export function useDraft<T>(value: T, same: (a: T, b: T) => boolean = Object.is) {
  const [s, setS] = useState({ draft: value, base: value });
  if (!same(s.base, value)) {
    setS({ base: value, draft: same(s.draft, s.base) ? value : s.draft });
  }
  const setDraft = useCallback((draft: T) => setS((x) => ({ ...x, draft })), []);
  const revert = useCallback(() => setS((x) => ({ ...x, draft: x.base })), []);
  return [s.draft, setDraft, revert] as const;
}

export function sameJson<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type Commit = (next: string) => Promise<unknown> | unknown;

/** Saves when the result is not `null`/`false`; otherwise reverts. Whether it was saved. */
async function save(commit: Commit, next: string, revert: () => void): Promise<boolean> {
  const ok = await commit(next);
  if (ok === null || ok === false) {
    revert();
    return false;
  }
  return true;
}

export function TextField({
  value,
  onCommit,
  trim = true,
  allowEmpty = true,
  parse,
  ...rest
}: {
  value: string;
  onCommit: Commit;
  trim?: boolean;
  allowEmpty?: boolean;
  /** Reads what was typed as the value to save (`undefined`: not a value; the saved one comes
   * back). Saved, the field shows the value as read (2024/3/1 → 2024-03-01). */
  parse?: (text: string) => string | undefined;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange">) {
  const [draft, setDraft, revert] = useDraft(value);
  const read = (text: string) => (parse ? parse(text) : trim ? text.trim() : text);
  function commit() {
    const next = read(draft);
    if (next === undefined || next === value) {
      if (draft !== value) setDraft(value);
      return;
    }
    if (!allowEmpty && next === "") {
      setDraft(value);
      return;
    }
    void save(onCommit, next, revert).then((saved) => {
      if (saved && parse) setDraft(next);
    });
  }
  return (
    <input
      className="input"
      aria-invalid={parse && read(draft) === undefined ? true : undefined}
      {...rest}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={(e) => {
        commit();
        rest.onBlur?.(e);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" && !e.nativeEvent.isComposing) {
          e.preventDefault();
          e.currentTarget.blur();
        } else if (e.key === "Escape") {
          e.stopPropagation();
          setDraft(value);
          requestAnimationFrame(() => (e.target as HTMLInputElement).blur());
        }
        rest.onKeyDown?.(e);
      }}
    />
  );
}

export function TextArea({
  value,
  onCommit,
  ...rest
}: { value: string; onCommit: Commit } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange">) {
  const [draft, setDraft, revert] = useDraft(value);
  return (
    <textarea
      className="input"
      rows={3}
      {...rest}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        const next = draft.trim();
        if (next === value) return;
        void save(onCommit, next, revert);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
          e.preventDefault();
          e.currentTarget.blur();
        } else if (e.key === "Escape") {
          e.stopPropagation();
          setDraft(value);
        }
      }}
    />
  );
}

/** A number field; not a number reverts, and so does blank unless `allowBlank` (then it
 * commits `null`). */
export function NumberField({
  value,
  onCommit,
  allowBlank = false,
  ...rest
}: {
  value: number | null;
  onCommit: (n: number | null) => Promise<unknown> | unknown;
  allowBlank?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange">) {
  const text = value === null ? "" : String(value);
  const [draft, setDraft, revert] = useDraft(text);
  function commit() {
    const t = draft.trim();
    if (t === text) return;
    if (t === "" && !allowBlank) {
      setDraft(text);
      return;
    }
    const n = t === "" ? null : Number(t);
    if (n !== null && !Number.isFinite(n)) {
      setDraft(text);
      return;
    }
    void Promise.resolve(onCommit(n)).then((ok) => {
      if (ok === null || ok === false) revert();
    });
  }
  return (
    <input
      className="input num"
      type="number"
      inputMode="numeric"
      {...rest}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          e.currentTarget.blur();
        } else if (e.key === "Escape") {
          e.stopPropagation();
          setDraft(text);
        }
      }}
    />
  );
}
