// The backend behind one interface with two implementations: the Tauri window's `invoke` and
// HTTP `fetch` against `orgplan serve`. Both reach the same Rust command table.
import type { Commands, CommandName } from "../generated/commands";
import type { ApiError } from "../generated/ApiError";
import type { ErrorKind } from "../generated/ErrorKind";
import type { Lang } from "../generated/Lang";
import type { ExportDocumentArgs } from "../generated/ExportDocumentArgs";
import type { ExportComparisonArgs } from "../generated/ExportComparisonArgs";
import type { ExportPlanArgs } from "../generated/ExportPlanArgs";
import type { DesktopCommands, DesktopCommandName } from "../generated/desktop";
import type { PickedFile } from "../generated/PickedFile";
import { downloadDocument } from "./documents";

/** A refused command: the UI branches on `kind`, never on the message. */
export class BackendError extends Error {
  readonly kind: ErrorKind;
  constructor(e: ApiError) {
    super(e.message);
    this.kind = e.kind;
  }
}

export interface Backend {
  call<C extends CommandName>(command: C, args: Commands[C]["args"]): Promise<Commands[C]["result"]>;
  /** Asks the user for a plan file and imports it; `null` when the user cancels. */
  importPlanFile(lang: Lang): Promise<Commands["import_plan"]["result"] | null>;
  /** Asks the user where to save the plan file; `false` when the user cancels. People's 手机
   * and 邮箱 are in it only with `personal`. */
  exportPlanFile(args: ExportPlanArgs, lang: Lang): Promise<boolean>;
  /** Exports a document (Word, PDF, Excel, the chart…) and saves it: the native save dialog
   * on the desktop, a download in the browser; `false` when the user cancels. */
  exportDocument(args: ExportDocumentArgs, lang: Lang): Promise<boolean>;
  /** Exports the comparison of two plans (Excel or PDF) and saves it, as `exportDocument`. */
  exportComparison(args: ExportComparisonArgs, lang: Lang): Promise<boolean>;
  /** Asks the user for a roster file (花名册: Excel, CSV, JSON) and hands back its name and
   * bytes for `import_roster`; `null` when the user cancels. */
  pickRosterFile(lang: Lang): Promise<PickedFile | null>;
  setLang(lang: Lang): void;
}

/** The kinds of file a roster is read from. */
export const ROSTER_FILES = ".xlsx,.xls,.ods,.csv,.txt,.json";

/** Bytes as base64, encoded a slice at a time: spreading a whole file into one call would
 * overflow the call stack on large files. */
export function toBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += SLICE) {
    parts.push(String.fromCharCode(...bytes.subarray(at, at + SLICE)));
  }
  return btoa(parts.join(""));
}

function isApiError(v: unknown): v is ApiError {
  return typeof v === "object" && v !== null && "kind" in v && "message" in v;
}

/** This page's id for `orgplan serve`: undo tells the edits of one tab from another's by it. */
function clientId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Talks to `orgplan serve` over loopback HTTP. */
export class HttpBackend implements Backend {
  private lang: Lang = "zh";
  private readonly client = clientId();

  setLang(lang: Lang) {
    this.lang = lang;
  }

  async call<C extends CommandName>(command: C, args: Commands[C]["args"]): Promise<Commands[C]["result"]> {
    const res = await fetch(`/api/${command}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-OrgPlan-Lang": this.lang, "X-OrgPlan-Client": this.client },
      body: JSON.stringify(args ?? {}),
    });
    const body: unknown = await res.json();
    if (!res.ok) {
      throw new BackendError(isApiError(body) ? body : { kind: "io", message: `HTTP ${res.status}` });
    }
    return body as Commands[C]["result"];
  }

  async importPlanFile(): Promise<Commands["import_plan"]["result"] | null> {
    const file = await pickFile(".json,application/json");
    if (!file) return null;
    return this.call("import_plan", { text: await file.text() });
  }

  async exportPlanFile(args: ExportPlanArgs): Promise<boolean> {
    const out = await this.call("export_plan", args);
    const url = URL.createObjectURL(new Blob([out.text], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = out.file_name;
    a.click();
    URL.revokeObjectURL(url);
    return true;
  }

  async exportDocument(args: ExportDocumentArgs): Promise<boolean> {
    downloadDocument(await this.call("export_document", args));
    return true;
  }

  async exportComparison(args: ExportComparisonArgs): Promise<boolean> {
    downloadDocument(await this.call("export_comparison", args));
    return true;
  }

  async pickRosterFile(): Promise<PickedFile | null> {
    const file = await pickFile(ROSTER_FILES);
    if (!file) return null;
    return { file_name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) };
  }
}

/** The browser's file picker. The input sits in the page (hidden) while the user picks. */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = accept;
    input.hidden = true;
    input.setAttribute("aria-hidden", "true");
    input.tabIndex = -1;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.onchange = () => done(input.files?.[0] ?? null);
    input.oncancel = () => done(null);
    document.body.append(input);
    input.click();
  });
}

/** Talks to the Rust side of the Tauri window. File dialogs are native and run in Rust, so
 * the page never handles a path. */
export class TauriBackend implements Backend {
  private lang: Lang = "zh";

  setLang(lang: Lang) {
    this.lang = lang;
  }

  private async invoke<T>(cmd: string, args: Record<string, unknown>): Promise<T> {
    const { invoke } = await import("@tauri-apps/api/core");
    try {
      return await invoke<T>(cmd, args);
    } catch (e) {
      throw new BackendError(isApiError(e) ? e : { kind: "io", message: String(e) });
    }
  }

  call<C extends CommandName>(command: C, args: Commands[C]["args"]): Promise<Commands[C]["result"]> {
    return this.invoke("call", { command, args: args ?? {}, lang: this.lang });
  }

  /** One of the window's own commands (native file dialogs), typed from their declarations. */
  private desktop<C extends DesktopCommandName>(command: C, args: DesktopCommands[C]["args"], lang: Lang): Promise<DesktopCommands[C]["result"]> {
    return this.invoke(command, { args, lang });
  }

  importPlanFile(lang: Lang) {
    return this.desktop("import_plan_file", {}, lang);
  }

  exportPlanFile(args: ExportPlanArgs, lang: Lang) {
    return this.desktop("export_plan_file", args, lang);
  }

  exportDocument(args: ExportDocumentArgs, lang: Lang) {
    return this.desktop("export_document_file", args, lang);
  }

  exportComparison(args: ExportComparisonArgs, lang: Lang) {
    return this.desktop("export_comparison_file", args, lang);
  }

  pickRosterFile(lang: Lang) {
    return this.desktop("pick_roster_file", {}, lang);
  }
}

export function detectBackend(): Backend {
  const w = window as unknown as { __TAURI_INTERNALS__?: unknown };
  return w.__TAURI_INTERNALS__ ? new TauriBackend() : new HttpBackend();
}
