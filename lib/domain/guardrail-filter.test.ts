import { describe, expect, it } from "vitest";
import { filterSearch, parseGuardrailFilter } from "./guardrail-filter.ts";

const read = (search: string) => parseGuardrailFilter(new URLSearchParams(search));

describe("the guardrails page's filters", () => {
  it("reads clusters and namespaces with the cockpit's scope keys, and a check, a severity and a page", () => {
    expect(read("cluster=prod-eu&ns=shop&ns=payments&check=runAsRoot&severity=danger&page=3")).toEqual({
      filter: { clusters: ["prod-eu"], namespaces: ["payments", "shop"], service: null, check: "runAsRoot", severity: "danger", page: 3 },
      problems: [],
    });
  });

  it("says what to fix in a filter it cannot read, and leaves that filter out", () => {
    const { filter, problems } = read("severity=critical&page=0&check=run as root");
    expect(filter).toEqual({ clusters: [], namespaces: [], service: null, check: null, severity: null, page: 1 });
    expect(problems).toEqual([
      "check=run as root is not a check name: letters and digits, as in runAsRoot",
      "severity=critical is not a severity: danger or warning",
      "page=0 is not a page number: 1 or more",
    ]);
  });

  it("writes a filter back as the same search, starting again from its first page", () => {
    const { filter } = read("ns=shop&cluster=prod-eu&severity=warning&page=2&q=Checkout");
    expect(filterSearch(filter).toString()).toBe("cluster=prod-eu&ns=shop&q=checkout&severity=warning");
  });
});
