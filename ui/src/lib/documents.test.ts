import { describe, expect, it } from "vitest";
import { base64ToBytes, documentBlob } from "./documents";

describe("documents", () => {
  it("decodes base64 into the exact bytes", () => {
    expect(Array.from(base64ToBytes("UEsDBA=="))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(Array.from(base64ToBytes(""))).toEqual([]);
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const b64 = btoa(String.fromCharCode(...all));
    expect(Array.from(base64ToBytes(b64))).toEqual(Array.from(all));
  });

  it("makes a Blob of the file's type and size", async () => {
    const blob = documentBlob({
      file_name: "八人团队-定岗定编.xlsx",
      mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      base64: "UEsDBAoAAAA=",
    });
    expect(blob.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(blob.size).toBe(8);
    const head = new Uint8Array(await blob.arrayBuffer()).slice(0, 2);
    expect(String.fromCharCode(...head)).toBe("PK");
  });
});
