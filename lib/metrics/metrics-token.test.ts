import { describe, expect, it } from "vitest";
import { metricsTokenProblem } from "./metrics-token.ts";

describe("the web app's metrics token", () => {
  const token = "a-token-of-twenty-chars";

  it("lets the configured bearer token through, however its scheme is capitalized", () => {
    expect(metricsTokenProblem(`Bearer ${token}`, token)).toBeNull();
    expect(metricsTokenProblem(`bearer ${token}`, token)).toBeNull();
  });

  it("says what is missing: the setting, the header, or the right value", () => {
    expect(metricsTokenProblem(`Bearer ${token}`, undefined)).toMatch(/^metrics are off: set UPTRUST_METRICS_TOKEN/);
    expect(metricsTokenProblem(null, token)).toMatch(/^send UPTRUST_METRICS_TOKEN as a bearer token/);
    expect(metricsTokenProblem(`Basic ${token}`, token)).toMatch(/^send UPTRUST_METRICS_TOKEN as a bearer token/);
    expect(metricsTokenProblem("Bearer a-token-of-twenty-charz", token)).toBe("the bearer token is not UPTRUST_METRICS_TOKEN");
  });
});
