// Small pieces shared by the inspector's sections.
import { useCallback, useEffect, useLayoutEffect, useRef, type ReactNode, type TextareaHTMLAttributes } from "react";
import { useDraft } from "../../lib/ui/fields";
import { useApp } from "../../lib/store";
import type { UpdatePositionArgs } from "../../generated/UpdatePositionArgs";

export type PositionPatch = Omit<UpdatePositionArgs, "plan" | "position">;

/** Saves fields of one position; resolves to the new state or null when refused. */
export function useUpdate(id: string) {
  const edit = useApp((s) => s.edit);
  return useCallback((patch: PositionPatch) => edit("update_position", { position: id, ...patch }), [edit, id]);
}

export function Section({
  title,
  count,
  children,
  action,
  id,
  mark,
}: {
  title: string;
  count?: ReactNode;
  children: ReactNode;
  action?: ReactNode;
  id?: string;
  /** A short tag after the title (the library's suggestion), with its explanation. */
  mark?: { text: string; tip: string };
}) {
  return (
    <section className="insp-section" aria-labelledby={id}>
      <header className="insp-section-head">
        <h3 id={id}>
          {title}
          {count !== undefined && <span className="insp-count num">{count}</span>}
          {mark && (
            <span className="insp-mark" title={mark.tip} data-testid="suggested-mark">
              {mark.text}
            </span>
          )}
        </h3>
        {action}
      </header>
      {children}
    </section>
  );
}

/** A label and its control on one row. */
export function Row({ label, htmlFor, children, hint }: { label: string; htmlFor?: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="insp-row">
      <label className="insp-label" htmlFor={htmlFor}>
        {label}
      </label>
      <div className="insp-control">
        {children}
        {hint && <div className="insp-hint">{hint}</div>}
      </div>
    </div>
  );
}

export { PositionOptions } from "../../lib/ui/PositionOptions";

function fit(el: HTMLTextAreaElement) {
  el.style.height = "auto";
  el.style.height = `${el.scrollHeight + 2}px`;
}

/** A textarea that grows with its text: reads as text, edits in place. */
export function AutoTextarea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    if (ref.current) fit(ref.current);
  });
  useEffect(() => {
    // The width can change without a render (the column, the language's layout): fit again.
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    let width = el.clientWidth;
    const ro = new ResizeObserver(() => {
      if (el.clientWidth !== width) {
        width = el.clientWidth;
        fit(el);
      }
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return <textarea ref={ref} rows={1} {...props} />;
}

/** One line of text that wraps as it grows; saves on blur or Enter, Esc puts it back. */
export function WrapField({
  value,
  onCommit,
  allowEmpty = true,
  ...rest
}: { value: string; onCommit(next: string): Promise<unknown> | unknown; allowEmpty?: boolean } & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "value" | "onChange"
>) {
  const [draft, setDraft, revert] = useDraft(value);
  function commit() {
    const next = draft.replace(/\s*\n\s*/g, " ").trim();
    if (next === value || (!allowEmpty && next === "")) {
      setDraft(value);
      return;
    }
    void Promise.resolve(onCommit(next)).then((ok) => {
      if (ok === null || ok === false) revert();
    });
  }
  return (
    <AutoTextarea
      className="list-text"
      {...rest}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter" && !e.nativeEvent.isComposing) {
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
