import { describe, expect, it } from "vitest";
import { arrivedOverHttps, contentSecurityPolicy, newNonce } from "./response-policy.ts";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("a response's script nonce", () => {
  it("is 128 random bits, new for every response", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("the Content-Security-Policy", () => {
  it("lets only scripts carrying this response's nonce run, and whatever they load", () => {
    expect(directive(contentSecurityPolicy("abc123==", false), "script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
  });

  it("never allows inline scripts without the nonce, nor eval outside development", () => {
    const policy = contentSecurityPolicy("n", false);
    expect(directive(policy, "script-src")).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(directive(contentSecurityPolicy("n", true), "script-src")).toContain("'unsafe-eval'");
  });

  it("forbids framing, plugins and a foreign <base>, and leaves form targets alone so sign-in can reach the provider", () => {
    const policy = contentSecurityPolicy("n", false);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).not.toContain("form-action");
  });
});

describe("whether a request arrived over https (HSTS is sent only then)", () => {
  const at = (url: string, headers: Record<string, string> = {}) => arrivedOverHttps(url, new Headers(headers));

  it("is told by the proxy in front of Uptrust, whose first hop is the browser's", () => {
    expect(at("http://uptrust.internal:3000/", { "x-forwarded-proto": "https" })).toBe(true);
    expect(at("http://uptrust.internal:3000/", { "x-forwarded-proto": "HTTPS, http" })).toBe(true);
    expect(at("http://uptrust.internal:3000/", { "x-forwarded-proto": "http" })).toBe(false);
  });

  it("is read from the address when Uptrust terminates TLS itself", () => {
    expect(at("https://uptrust.example.com/")).toBe(true);
  });

  it("is false for plain http on localhost", () => {
    expect(at("http://localhost:3000/login")).toBe(false);
  });
});
