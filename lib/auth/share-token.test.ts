import { describe, expect, it } from "vitest";
import { hashShareToken, isShareToken, newShareToken } from "./share-token.ts";

describe("share link tokens", () => {
  it("are 256 random bits in 43 URL-safe characters, a new one every time", () => {
    const tokens = Array.from({ length: 200 }, () => newShareToken().token);
    expect(new Set(tokens).size).toBe(200);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, "base64url")).toHaveLength(32);
    }
  });

  it("are kept only as their SHA-256, which does not contain them", () => {
    const { token, hash } = newShareToken();
    expect(hash).toBe(hashShareToken(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    // The standard's own test vector: what is stored can be checked with any SHA-256 tool.
    expect(hashShareToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("one changed character is another token, and anything not shaped like one is not looked up", () => {
    const { token } = newShareToken();
    const tampered = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    expect(isShareToken(tampered)).toBe(true);
    expect(hashShareToken(tampered)).not.toBe(hashShareToken(token));
    for (const bad of ["", "short", `${token}x`, `${token.slice(0, 42)}=`, `${token.slice(0, 42)}/`]) expect(isShareToken(bad), bad).toBe(false);
  });
});
