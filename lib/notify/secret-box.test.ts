import { describe, expect, it } from "vitest";
import { openSecret, redactSecrets, sealSecret, secretHint, secretKey } from "./secret-box.ts";

const key = secretKey("an-auth-secret-of-at-least-32-characters!!");
const routingKey = "R0UT1NGKEY0123456789abcdefABCDEF";

describe("channel secrets at rest", () => {
  it("are sealed so the stored value reveals nothing and opens only under the same AUTH_SECRET", () => {
    const sealed = sealSecret(routingKey, key);
    expect(sealed).not.toContain(routingKey);
    expect(sealSecret(routingKey, key)).not.toBe(sealed);
    expect(openSecret(sealed, key)).toBe(routingKey);
    expect(() => openSecret(sealed, secretKey("another-auth-secret-of-32-characters!!!"))).toThrow(/AUTH_SECRET changed/);
  });

  it("a value altered in the database does not open", () => {
    const sealed = sealSecret(routingKey, key);
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[raw.length - 1] ^= 1;
    expect(() => openSecret(`v1:${raw.toString("base64")}`, key)).toThrow();
  });

  it("show only that they are set, with the last 4 characters when there are plenty", () => {
    expect(secretHint(routingKey)).toBe("set, ends …CDEF");
    expect(secretHint("short-secret")).toBe("set");
  });

  it("are cut out of any text before it is stored or logged", () => {
    const url = "https://hooks.slack.com/services/T000/B000/XXXXXXXX";
    expect(redactSecrets(`POST ${url} failed: getaddrinfo ENOTFOUND`, [url])).toBe("POST [REDACTED secret] failed: getaddrinfo ENOTFOUND");
  });
});
