// The client's logo: an image the user picks, read as a data URL and saved on the plan with
// `update_plan` (`logo`, or null to remove it). A refusal is shown in present mode itself,
// worded by its kind.
import { useRef, useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon } from "../../lib/ui/Icon";
import type { ErrorKind } from "../../generated/ErrorKind";
import { presentDict } from "./dict";
import { planLogo } from "./steps";

export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"];
/** The backend refuses a logo whose data URL is longer than 1.4 million characters: a file of
 * about 1 MB. */
export const LOGO_MAX_BYTES = 1024 * 1024;

/** Why a picked file cannot be a logo, before it is sent: "type", "size" or null. */
export function logoProblem(file: { type: string; size: number }): "type" | "size" | null {
  if (!LOGO_TYPES.includes(file.type)) return "type";
  if (file.size > LOGO_MAX_BYTES) return "size";
  return null;
}

function readDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("read"));
    reader.readAsDataURL(file);
  });
}

export interface LogoError {
  kind?: ErrorKind;
  text: string;
}

export function useLogo() {
  const t = useT(presentDict);
  const doc = useApp((s) => s.current?.doc);
  const [error, setError] = useState<LogoError | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const url = doc ? planLogo(doc) : null;

  async function save(logo: string | null) {
    setBusy(true);
    try {
      const state = await useApp.getState().edit("update_plan", { logo });
      if (state) {
        setError(null);
        return;
      }
      // The store made the refusal a notice; it is shown here instead, worded by its kind.
      const { notices, dismiss } = useApp.getState();
      const last = [...notices].reverse().find((n) => n.tone === "error");
      if (last) dismiss(last.id);
      const kind = last?.kind;
      setError({ kind, text: kind === "invalid_input" ? t("logoInvalid") : t("logoFailed", { message: last?.text ?? "" }) });
    } finally {
      setBusy(false);
    }
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    if (logoProblem(file)) {
      setError({ kind: "invalid_input", text: t("logoInvalid") });
      return;
    }
    let data: string;
    try {
      data = await readDataUrl(file);
    } catch {
      setError({ text: t("logoInvalid") });
      return;
    }
    await save(data);
  }

  return {
    url,
    error,
    busy,
    input,
    pick: () => input.current?.click(),
    remove: () => save(null),
    onFile,
    clearError: () => setError(null),
  };
}

export type Logo = ReturnType<typeof useLogo>;

/** The presenter's logo button (and the one file input). */
export function LogoInput({ logo }: { logo: Logo }) {
  const t = useT(presentDict);
  return (
    <>
      <input
        ref={logo.input}
        type="file"
        accept={LOGO_TYPES.join(",")}
        className="sr-only"
        tabIndex={-1}
        aria-label={logo.url ? t("logoChange") : t("logoAdd")}
        data-testid="present-logo-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          void logo.onFile(file);
        }}
      />
      <button type="button" className="pm-btn" title={t("logoHint")} disabled={logo.busy} onClick={logo.pick}>
        <Icon name="image" size={18} />
        {logo.url ? t("logoChange") : t("logoAdd")}
      </button>
      {logo.url && (
        <button type="button" className="pm-btn icon" aria-label={t("logoRemove")} title={t("logoRemove")} disabled={logo.busy} onClick={() => void logo.remove()}>
          <Icon name="trash" size={18} />
        </button>
      )}
    </>
  );
}

/** The logo on the title slide; without one, a place to add it that fades with the controls. */
export function LogoSlot({ logo, company }: { logo: Logo; company: string }) {
  const t = useT(presentDict);
  if (logo.url) {
    return (
      <div className="pm-cover-logo">
        <img src={logo.url} alt={t("logoAlt", { name: company })} data-testid="present-logo" />
      </div>
    );
  }
  return (
    <button type="button" className="pm-logo-add pm-fades" onClick={logo.pick} disabled={logo.busy} title={t("logoHint")}>
      <Icon name="image" size={28} />
      <span>{t("logoAdd")}</span>
      <span className="pm-logo-hint">{t("logoHint")}</span>
    </button>
  );
}
