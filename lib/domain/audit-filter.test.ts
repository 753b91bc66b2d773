import { describe, expect, it } from "vitest";
import { auditCursor, auditPageHref, parseAuditFilter, utcFieldValue } from "./audit-filter.ts";

describe("the audit log's filters in the URL", () => {
  it("are all optional: no filter lists everything, newest first", () => {
    expect(parseAuditFilter({})).toEqual({ ok: true, filter: {} });
    expect(parseAuditFilter({ action: "", user: " ", from: "" })).toEqual({ ok: true, filter: {} });
  });

  it("reads an action prefix, part of an email and a UTC time range as the form sends them", () => {
    const parsed = parseAuditFilter({ action: "session.", user: "viewer@", from: "2026-12-06T09:30", to: "2026-12-07" });
    expect(parsed).toEqual({
      ok: true,
      filter: { action: "session.", user: "viewer@", from: new Date("2026-12-06T09:30:00Z"), to: new Date("2026-12-07T00:00:00Z") },
    });
  });

  it("reads times as UTC whether or not they say so", () => {
    const a = parseAuditFilter({ from: "2026-12-06T09:30:15Z" });
    const b = parseAuditFilter({ from: "2026-12-06T09:30:15" });
    expect(a).toEqual(b);
    expect(a.ok && a.filter.from?.toISOString()).toBe("2026-12-06T09:30:15.000Z");
  });

  it("says which field to fix and how", () => {
    expect(parseAuditFilter({ from: "yesterday" })).toEqual({ ok: false, problems: ["from must be a UTC time such as 2026-12-06T09:30 or a day such as 2026-12-06"] });
    expect(parseAuditFilter({ from: "2026-13-45" })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^from must be a UTC time/)] });
    expect(parseAuditFilter({ action: "session.%" })).toEqual({ ok: false, problems: ["action must be the start of an action name such as session. or role.change"] });
    expect(parseAuditFilter({ from: "2026-12-07", to: "2026-12-06" })).toEqual({ ok: false, problems: ["from must be earlier than to"] });
    expect(parseAuditFilter({ before: "page-2" })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^before must be the position a page link gave/)] });
  });

  it("takes the first value when a parameter is repeated", () => {
    expect(parseAuditFilter({ action: ["role.", "session."] })).toEqual({ ok: true, filter: { action: "role." } });
  });
});

describe("paging through the audit log", () => {
  const last = { at: new Date("2026-12-06T09:30:00.123Z"), id: 42n };

  it("continues after the last entry shown, under the same filters", () => {
    const href = auditPageHref({ action: "session.", from: new Date("2026-12-06T09:00:00Z") }, auditCursor(last));
    expect(href).toBe("/admin/audit?action=session.&from=2026-12-06T09%3A00&before=1796549400123-42");
    const back = parseAuditFilter(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(back).toEqual({ ok: true, filter: { action: "session.", from: new Date("2026-12-06T09:00:00Z"), before: { at: last.at.getTime(), id: 42n } } });
  });

  it("starts at the newest entry without a position", () => {
    expect(auditPageHref({})).toBe("/admin/audit");
  });

  it("shows a time in the form as it was given, to the second or millisecond when those were set", () => {
    expect(utcFieldValue(new Date("2026-12-06T09:30:00Z"))).toBe("2026-12-06T09:30");
    expect(utcFieldValue(new Date("2026-12-06T09:30:15Z"))).toBe("2026-12-06T09:30:15");
    expect(utcFieldValue(new Date("2026-12-06T09:30:15.120Z"))).toBe("2026-12-06T09:30:15.120");
  });
});
