import { describe, expect, it } from "vitest";
import { listSearch, parseRightsizingListQuery, parseSloListQuery } from "./list-query.ts";

const slo = (search: string) => parseSloListQuery(new URLSearchParams(search));
const rightsizing = (search: string) => parseRightsizingListQuery(new URLSearchParams(search));

describe("the SLO list's address", () => {
  it("reads the scope, a state and a page", () => {
    const q = slo("cluster=prod-eu&ns=shop&q=check&alert=page&page=3");
    expect(q.scope).toMatchObject({ clusters: ["prod-eu"], namespaces: ["shop"], service: "check" });
    expect([q.alert, q.page, q.problems]).toEqual(["page", 3, []]);
  });

  it("opens every SLO on the first page when it names neither a state nor a page", () => {
    expect([slo("").alert, slo("").page]).toEqual([null, 1]);
  });

  it("names a state it does not know and lists every state instead", () => {
    const q = slo("alert=critical");
    expect(q.alert).toBeNull();
    expect(q.problems).toEqual(["alert=critical is not a state: page, ticket, healthy, waiting"]);
  });

  it("names a page that is not a page number and opens the first", () => {
    for (const bad of ["0", "-2", "1.5", "two"]) {
      const q = slo(`page=${bad}`);
      expect(q.page).toBe(1);
      expect(q.problems).toEqual([`page=${bad} is not a page number: 1 or more`]);
    }
  });

  it("keeps the scope's own problems beside its own", () => {
    expect(slo("ns=Shop&alert=nope").problems).toHaveLength(2);
  });
});

describe("the right-sizing list's address", () => {
  it("held=1 keeps the held suggestions only", () => {
    expect(rightsizing("held=1").held).toBe(true);
    expect(rightsizing("").held).toBe(false);
  });

  it("names any other held value and lists every suggestion", () => {
    const q = rightsizing("held=yes&page=2");
    expect([q.held, q.page]).toEqual([false, 2]);
    expect(q.problems).toEqual(["held=yes is not a filter: held=1 lists held suggestions only"]);
  });
});

describe("a list's links", () => {
  it("keep the scope and the chosen filter, and start again from the first page", () => {
    const { scope } = slo("ns=shop&cluster=prod-eu&range=6h&page=4");
    expect(listSearch(scope, { alert: "ticket" })).toBe("cluster=prod-eu&ns=shop&range=6h&alert=ticket");
    expect(listSearch(scope, { alert: null })).toBe("cluster=prod-eu&ns=shop&range=6h");
  });
});
