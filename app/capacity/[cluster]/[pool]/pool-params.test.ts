import { describe, expect, it } from "vitest";
import { parsePoolParams } from "./pool-params.ts";

describe("the pool page's address", () => {
  it("names a pool of a cluster, also when the cluster is an EKS ARN that arrives percent-encoded", () => {
    expect(parsePoolParams({ cluster: "prod-eu", pool: "general" })).toEqual({ cluster: "prod-eu", pool: "general" });
    expect(parsePoolParams({ cluster: encodeURIComponent("arn:aws:eks:eu-west-1:1234:cluster/prod"), pool: "m6i.xlarge" })).toEqual({
      cluster: "arn:aws:eks:eu-west-1:1234:cluster/prod",
      pool: "m6i.xlarge",
    });
  });

  it("names nothing for values no label could hold or a broken escape", () => {
    expect(parsePoolParams({ cluster: "prod", pool: "gen eral" })).toBeNull();
    expect(parsePoolParams({ cluster: "prod", pool: "-general" })).toBeNull();
    expect(parsePoolParams({ cluster: "prod", pool: "x".repeat(64) })).toBeNull();
    expect(parsePoolParams({ cluster: "%E0%A4%A", pool: "general" })).toBeNull();
    expect(parsePoolParams({ cluster: "", pool: "general" })).toBeNull();
  });
});
