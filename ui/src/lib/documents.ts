// Exported documents in the browser: the command table returns a file as base64; these turn
// it into bytes and a download. (The desktop window saves through the native dialog in Rust.)
import type { ExportedDocument } from "../generated/ExportedDocument";

/** Decodes base64 (standard alphabet, padded) into bytes. */
export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The file as a Blob of its MIME type. */
export function documentBlob(doc: ExportedDocument): Blob {
  return new Blob([base64ToBytes(doc.base64)], { type: doc.mime });
}

/** Starts the browser's download of the file under its suggested name. */
export function downloadDocument(doc: ExportedDocument) {
  const url = URL.createObjectURL(documentBlob(doc));
  const a = document.createElement("a");
  a.href = url;
  a.download = doc.file_name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
