import { describe, expect, it } from "vitest";
import { etagOf, jsonWithEtag, matchesEtag } from "./json-with-etag.ts";

const get = (headers: Record<string, string> = {}) => new Request("http://localhost/api/cockpit", { headers });

describe("JSON answers a poll can revalidate", () => {
  it("sends the data with its tag the first time", async () => {
    const res = jsonWithEtag(get(), { slos: 3 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ slos: 3 });
    expect(res.headers.get("etag")).toBe(etagOf(JSON.stringify({ slos: 3 })));
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
  });

  it("answers 304 with no body when the browser already holds the same data", async () => {
    const etag = etagOf(JSON.stringify({ slos: 3 }));
    const res = jsonWithEtag(get({ "if-none-match": etag }), { slos: 3 });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
  });

  it("sends the new data when anything changed", async () => {
    const res = jsonWithEtag(get({ "if-none-match": etagOf(JSON.stringify({ slos: 3 })) }), { slos: 4 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ slos: 4 });
  });

  it("accepts a weak tag or one of several, as proxies and browsers send them", () => {
    const etag = etagOf("x");
    expect(matchesEtag(`W/${etag}`, etag)).toBe(true);
    expect(matchesEtag(`"other", ${etag}`, etag)).toBe(true);
    expect(matchesEtag(`"other"`, etag)).toBe(false);
    expect(matchesEtag(null, etag)).toBe(false);
  });
});
