import { describe, expect, it } from "vitest";
import { crossSiteReason } from "./cross-site.ts";

const from = (headers: Record<string, string>) => crossSiteReason(new Headers(headers));

describe("a change to Uptrust made from another site", () => {
  it("is refused when the browser says another origin of the same site sent it (another port or subdomain)", () => {
    expect(from({ "sec-fetch-site": "same-site", origin: "http://localhost:8080", host: "localhost:3000" })).toMatch(/same-site request may not change/);
  });

  it("is refused when the browser says another site sent it", () => {
    expect(from({ "sec-fetch-site": "cross-site", origin: "https://evil.example" })).toMatch(/cross-site request/);
  });

  it("is refused by its Origin when an older browser sends no Sec-Fetch-Site", () => {
    expect(from({ origin: "http://localhost:8080", host: "localhost:3000" })).toMatch(/from http:\/\/localhost:8080/);
    expect(from({ origin: "null", host: "localhost:3000" })).toMatch(/from null/);
  });

  it("goes through from Uptrust's own pages, behind a proxy too", () => {
    expect(from({ "sec-fetch-site": "same-origin", origin: "http://localhost:3000", host: "localhost:3000" })).toBeNull();
    expect(from({ origin: "https://uptrust.example.com", host: "10.0.0.5:3000", "x-forwarded-host": "uptrust.example.com" })).toBeNull();
  });

  it("goes through from a script or CLI, which sends neither header", () => {
    expect(from({ host: "localhost:3000" })).toBeNull();
  });
});
