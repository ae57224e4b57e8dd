// A dialog that asks for one name: Enter or the button saves, Esc or Cancel closes. A save that
// is refused keeps it open. Renaming a plan and naming a scenario use it.
import { useState } from "react";
import type { ReactNode } from "react";
import { useT } from "../i18n";
import { Dialog } from "./Dialog";
import { common } from "./dict";
import { LIMITS } from "../../generated/limitValues";

export function NameDialog(p: {
  title: string;
  description?: string;
  label: string;
  initial: string;
  saveLabel: ReactNode;
  /** Resolves true when saved. */
  onSave(name: string): Promise<boolean>;
  onClose(): void;
}) {
  const t = useT(common);
  const [name, setName] = useState(p.initial);
  const [busy, setBusy] = useState(false);

  async function save() {
    const v = name.trim();
    if (!v || busy) return;
    setBusy(true);
    if (await p.onSave(v)) p.onClose();
    else setBusy(false);
  }

  return (
    <Dialog
      title={p.title}
      description={p.description}
      onClose={p.onClose}
      width={460}
      footer={
        <>
          <button type="button" className="btn" onClick={p.onClose}>
            {t("cancel")}
          </button>
          <button type="button" className="btn primary" disabled={!name.trim() || busy} onClick={() => void save()}>
            {p.saveLabel}
          </button>
        </>
      }
    >
      <label className="form-field">
        <span>{p.label}</span>
        <input
          className="input"
          data-autofocus
          value={name}
          maxLength={LIMITS.short_text}
          onChange={(e) => setName(e.target.value)}
          onFocus={(e) => e.target.select()}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void save();
            }
          }}
        />
      </label>
    </Dialog>
  );
}
