import { describe, expect, it } from "vitest";
import { EVERYTHING, inScope, isEverything, parseScope, rangeBounds, scopeSearch } from "./scope.ts";

const read = (search: string) => parseScope(new URLSearchParams(search));

describe("the scope in the URL", () => {
  it("an empty URL is the whole fleet over each panel's own window", () => {
    expect(read("")).toEqual({ scope: EVERYTHING, problems: [] });
    expect(isEverything(read("").scope)).toBe(true);
  });

  it("several clusters and namespaces at once, repeated or comma-separated, in a stable order", () => {
    const { scope, problems } = read("cluster=prod-eu&cluster=prod-us&ns=shop,payments&q=Checkout&range=6h");
    expect(problems).toEqual([]);
    expect(scope).toEqual({ clusters: ["prod-eu", "prod-us"], namespaces: ["payments", "shop"], service: "checkout", range: { kind: "last", minutes: 360 } });
  });

  it("the same scope always writes the same URL, so a shared link and a cache key agree", () => {
    const a = read("ns=shop&cluster=b&cluster=a&range=24h").scope;
    const b = read("cluster=a&range=24h&ns=shop&cluster=b").scope;
    expect(scopeSearch(a).toString()).toBe("cluster=a&cluster=b&ns=shop&range=24h");
    expect(scopeSearch(b).toString()).toBe(scopeSearch(a).toString());
    expect(read(scopeSearch(a).toString()).scope).toEqual(a);
  });

  it("a fixed UTC span is read as UTC and written back as ISO instants", () => {
    const { scope, problems } = read("from=2026-12-06T09:30&to=2026-12-06T10:00");
    expect(problems).toEqual([]);
    expect(scope.range).toEqual({ kind: "between", from: "2026-12-06T09:30:00.000Z", to: "2026-12-06T10:00:00.000Z" });
    expect(read(scopeSearch(scope).toString()).scope.range).toEqual(scope.range);
  });

  it("what cannot be read is named with what to write instead, and the rest still applies", () => {
    const { scope, problems } = read("cluster=Prod_EU&ns=shop&range=2h&from=yesterday");
    expect(scope.namespaces).toEqual(["shop"]);
    expect(scope.clusters).toEqual([]);
    expect(problems).toEqual([
      'cluster=Prod_EU is not a cluster name: lower-case letters, digits, "-" and "."',
      "give either range or from and to, not both",
      "range=2h is not one of 15m, 1h, 6h, 24h, 7d, 30d",
    ]);
    expect(read("from=2026-12-06T10:00&to=2026-12-06T09:00").problems).toEqual(["from (2026-12-06T10:00) must come before to (2026-12-06T09:00)"]);
    expect(read("from=2026-12-06").problems).toEqual(["a fixed range needs both from and to"]);
  });
});

describe("what is inside a scope", () => {
  const checkout = { cluster: "prod-eu", namespace: "shop", name: "checkout" };

  it("the whole fleet holds every workload", () => {
    expect(inScope(EVERYTHING, checkout)).toBe(true);
  });

  it("a service search matches part of the workload's name in any case", () => {
    expect(inScope(read("q=CHECK").scope, checkout)).toBe(true);
    expect(inScope(read("q=cart").scope, checkout)).toBe(false);
  });

  it("a namespace filter leaves out what belongs to no namespace, such as a node pool", () => {
    expect(inScope(read("ns=shop").scope, checkout)).toBe(true);
    expect(inScope(read("ns=shop").scope, { cluster: "prod-eu", namespace: null, name: null })).toBe(false);
    expect(inScope(read("cluster=prod-us").scope, checkout)).toBe(false);
  });

  it("a preset reaches back from the clusters' newest time, not the wall clock", () => {
    const now = new Date("2026-12-06T12:00:00Z");
    expect(rangeBounds(read("range=1h").scope.range, now)).toEqual({ from: new Date("2026-12-06T11:00:00Z"), to: now });
    expect(rangeBounds(EVERYTHING.range, now)).toEqual({ from: null, to: now });
  });
});
