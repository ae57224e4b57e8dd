// @vitest-environment node
import { describe, expect, it } from "vitest";
import { toBase64 } from "./backend";

const decode = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

describe("toBase64", () => {
  it("encodes bytes as base64", () => {
    expect(toBase64(new Uint8Array([]))).toBe("");
    expect(toBase64(new TextEncoder().encode("花名册"))).toBe("6Iqx5ZCN5YaM");
  });

  it("encodes a file larger than one call can take, a slice at a time", () => {
    const bytes = new Uint8Array(1024 * 1024 + 7);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) & 0xff;
    const b64 = toBase64(bytes);
    expect(b64.length).toBe(4 * Math.ceil(bytes.length / 3));
    const back = decode(b64);
    expect(back.length).toBe(bytes.length);
    expect(back.every((b, i) => b === bytes[i])).toBe(true);
  });
});
