// An accessible modal: role="dialog", aria-modal, labelled by its title, focus kept inside
// (Tab and Shift+Tab wrap), Esc and the backdrop close it, focus returns where it was.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { Icon } from "./Icon";
import { useT } from "../i18n";
import { common } from "./dict";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab wrap around the focusable elements inside `box`. */
export function keepTabInside(e: React.KeyboardEvent, box: HTMLElement) {
  if (e.key !== "Tab") return;
  const items = Array.from(box.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((x) => x.offsetParent !== null);
  if (items.length === 0) {
    e.preventDefault();
    return;
  }
  const first = items[0];
  const last = items[items.length - 1];
  if (e.shiftKey && (document.activeElement === first || document.activeElement === box)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

export interface DialogProps {
  title: ReactNode;
  /** Shown under the title. */
  description?: ReactNode;
  onClose(): void;
  children?: ReactNode;
  footer?: ReactNode;
  width?: number;
  /** `alertdialog` for confirmations. */
  role?: "dialog" | "alertdialog";
  /** The body is a text to read with no control in it: it takes the focus, so that it can be
   *  scrolled with the keyboard. */
  readable?: boolean;
}

export function Dialog({ title, description, onClose, children, footer, width = 480, role = "dialog", readable = false }: DialogProps) {
  const t = useT(common);
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descId = useId();
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const el = box.current;
    if (el) {
      const first = el.querySelector<HTMLElement>("[data-autofocus]") ?? el.querySelector<HTMLElement>(FOCUSABLE);
      (first ?? el).focus();
    }
    return () => {
      if (before && document.contains(before)) before.focus();
    };
  }, []);

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === "Escape") {
      e.stopPropagation();
      e.preventDefault();
      close.current();
      return;
    }
    if (box.current) keepTabInside(e, box.current);
  }

  return createPortal(
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) close.current();
      }}
    >
      <div
        ref={box}
        className="dialog"
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descId : undefined}
        tabIndex={-1}
        style={{ width }}
        onKeyDown={onKeyDown}
      >
        <header className="dialog-head">
          <div>
            <h2 id={titleId} className="dialog-title">
              {title}
            </h2>
            {description && (
              <p id={descId} className="dialog-desc">
                {description}
              </p>
            )}
          </div>
          <button type="button" className="icon-btn" aria-label={t("close")} title={t("close")} onClick={() => close.current()}>
            <Icon name="x" />
          </button>
        </header>
        {children &&
          (readable ? (
            <div className="dialog-body" role="region" aria-labelledby={titleId} tabIndex={0}>
              {children}
            </div>
          ) : (
            <div className="dialog-body">{children}</div>
          ))}
        {footer && <footer className="dialog-foot">{footer}</footer>}
      </div>
    </div>,
    document.body,
  );
}
