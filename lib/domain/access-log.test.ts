import { describe, expect, it } from "vitest";
import { addRequest, emptyMinute, LATENCY_BOUNDS_MS, parseAccessLine, resolveUpstream } from "./access-log.ts";

const INGRESS =
  '198.51.100.7 - - [01/Dec/2026:10:00:00 +0000] "POST /api/checkout HTTP/2.0" 504 171 "https://shop.example.com/" "Mozilla/5.0" 512 5.004 [shop-checkout-80] [] 10.244.1.9:8080 171 5.004 504 0f3c';
const COMBINED_TIMED = '10.244.0.3 - - [01/Dec/2026:10:00:00 +0000] "GET /products HTTP/1.1" 200 5120 "-" "Mozilla/5.0" 0.045';

describe("access log lines", () => {
  it("reads an ingress-nginx line: the 504 it served, its 5 s request time and the Service behind it", () => {
    expect(parseAccessLine(INGRESS)).toEqual({ status: 504, ms: 5004, upstream: "shop-checkout-80" });
  });

  it("reads a service's own combined log line with a trailing request time", () => {
    expect(parseAccessLine(COMBINED_TIMED)).toEqual({ status: 200, ms: 45, upstream: null });
  });

  it("counts a combined line without a request time as a request of unknown latency", () => {
    expect(parseAccessLine('1.2.3.4 - bob [01/Dec/2026:10:00:00 +0000] "GET / HTTP/1.1" 404 - "-" "curl/8"')).toEqual({ status: 404, ms: null, upstream: null });
  });

  it("ignores application lines that merely mention a status code", () => {
    expect(parseAccessLine('level=error msg="upstream answered 503"')).toBeNull();
    expect(parseAccessLine('{"level":"info","status":200}')).toBeNull();
  });

  it("charges nothing to the default backend (no Service served the request)", () => {
    expect(parseAccessLine(INGRESS.replace("[shop-checkout-80]", "[upstream-default-backend]"))!.upstream).toBeNull();
  });
});

describe("request minutes", () => {
  it("a 5xx spends budget, a 404 does not; latency lands in every bucket at or above it", () => {
    const m = emptyMinute(0);
    addRequest(m, { status: 200, ms: 45, upstream: null });
    addRequest(m, { status: 404, ms: 600, upstream: null });
    addRequest(m, { status: 502, ms: null, upstream: null });
    expect([m.total, m.errors, m.timed]).toEqual([3, 1, 2]);
    const at = (bound: number) => m.le[LATENCY_BOUNDS_MS.indexOf(bound as (typeof LATENCY_BOUNDS_MS)[number])];
    expect([at(50), at(500), at(750), at(10000)]).toEqual([1, 1, 2, 2]);
  });
});

describe("ingress upstream names", () => {
  const services = new Map([
    ["shop-checkout", "Deployment/shop/checkout"],
    ["payments-eu-api-gateway", "Deployment/payments-eu/api-gateway"],
  ]);
  it("finds the Service even when namespace, name and named port all contain dashes", () => {
    expect(resolveUpstream("shop-checkout-80", services)).toBe("Deployment/shop/checkout");
    expect(resolveUpstream("payments-eu-api-gateway-grpc-web", services)).toBe("Deployment/payments-eu/api-gateway");
    expect(resolveUpstream("shop-unknown-80", services)).toBeUndefined();
  });
});
