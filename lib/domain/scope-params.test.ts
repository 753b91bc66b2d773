import { describe, expect, it } from "vitest";
import { hasScopeKeys, searchParamsOf } from "./scope-params.ts";
import { parseScope } from "./scope.ts";

describe("the scope of a page's query", () => {
  it("keeps repeated keys, so two namespaces chosen at once both narrow the page", () => {
    const params = searchParamsOf({ ns: ["shop", "payments"], cluster: "prod-eu", other: undefined });
    expect(parseScope(params).scope.namespaces).toEqual(["payments", "shop"]);
  });

  it("tells a URL without any scope (where the remembered scope applies) from one with an unreadable scope", () => {
    expect(hasScopeKeys(searchParamsOf({}))).toBe(false);
    expect(hasScopeKeys(searchParamsOf({ callbackUrl: "/" }))).toBe(false);
    expect(hasScopeKeys(searchParamsOf({ range: "2y" }))).toBe(true);
  });
});
