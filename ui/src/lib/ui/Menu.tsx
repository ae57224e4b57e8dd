// A menu button: aria-haspopup, role="menu" with role="menuitem" items (role="menuitemcheckbox"
// for an item with `checked`: it toggles and the menu stays open), arrow keys move, Esc and a
// click outside close it.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Icon, type IconName } from "./Icon";

export interface MenuItem {
  label: string;
  icon?: IconName;
  hint?: string;
  disabled?: boolean;
  danger?: boolean;
  /** A setting for the other items (a checkbox): toggled in place, the menu stays open. */
  checked?: boolean;
  /** A line above the item, setting it apart from those before. */
  divider?: boolean;
  onSelect(): void;
}

const ITEMS = '[role="menuitem"]:not([disabled]), [role="menuitemcheckbox"]:not([disabled])';

export function Menu({
  label,
  children,
  items,
  align = "end",
  className = "btn",
  title,
}: {
  label: string;
  children: ReactNode;
  items: MenuItem[];
  align?: "start" | "end";
  className?: string;
  title?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    const first = root.current?.querySelector<HTMLElement>(ITEMS);
    first?.focus();
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  function onMenuKey(e: React.KeyboardEvent) {
    const list = Array.from(root.current?.querySelectorAll<HTMLElement>(ITEMS) ?? []);
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === "ArrowDown") {
      e.preventDefault();
      list[(at + 1) % list.length]?.focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      list[(at - 1 + list.length) % list.length]?.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === "Tab") {
      setOpen(false);
    }
  }

  return (
    <div className="menu-root" ref={root}>
      <button
        ref={button}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={label}
        title={title}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {children}
      </button>
      {open && (
        <div id={id} className={`menu menu-${align}`} role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {items.map((item) =>
            item.checked !== undefined ? (
              <button
                key={item.label}
                type="button"
                role="menuitemcheckbox"
                aria-checked={item.checked}
                className={item.divider ? "menu-item menu-check divided" : "menu-item menu-check"}
                disabled={item.disabled}
                onClick={() => item.onSelect()}
              >
                <span className="menu-box" aria-hidden="true">
                  {item.checked && <Icon name="check" size={12} />}
                </span>
                <span className="menu-label">{item.label}</span>
                {item.hint && <span className="menu-hint">{item.hint}</span>}
              </button>
            ) : (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                className={[item.danger ? "menu-item danger" : "menu-item", item.divider ? "divided" : ""].join(" ").trim()}
                disabled={item.disabled}
                onClick={() => {
                  setOpen(false);
                  item.onSelect();
                }}
              >
                {item.icon && <Icon name={item.icon} />}
                <span className="menu-label">{item.label}</span>
                {item.hint && <span className="menu-hint">{item.hint}</span>}
              </button>
            ),
          )}
        </div>
      )}
    </div>
  );
}
