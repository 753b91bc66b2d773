import { describe, expect, it } from "vitest";
import { decodeSegment, lookupKind, servicePath, serviceLabel, serviceNotFound } from "./service-ref.ts";

describe("naming a service", () => {
  it("accepts a kind as kubectl prints it or in lower case", () => {
    expect(lookupKind("Deployment")).toEqual({ kind: "tracked", value: "Deployment" });
    expect(lookupKind("statefulset")).toEqual({ kind: "tracked", value: "StatefulSet" });
  });

  it("answers a kind Uptrust does not track with the kinds it does", () => {
    const r = lookupKind("ReplicaSet");
    expect(r.kind).toBe("untracked");
    if (r.kind === "untracked") expect(r.sentence).toBe('Uptrust keeps the history of Deployment, StatefulSet, DaemonSet, Job, CronJob workloads; "ReplicaSet" is not one of these kinds.');
  });

  it("builds a path that survives names with characters a URL reserves", () => {
    expect(servicePath({ cluster: "prod eu", namespace: "shop", kind: "Deployment", name: "checkout" })).toBe("/services/prod%20eu/shop/Deployment/checkout");
    expect(serviceLabel({ cluster: "demo", namespace: "shop", kind: "Deployment", name: "checkout" })).toBe("Deployment shop/checkout in demo");
  });

  it("reads a segment back whether or not the router decoded it", () => {
    expect(decodeSegment("prod%20eu")).toBe("prod eu");
    expect(decodeSegment("prod eu")).toBe("prod eu");
    expect(decodeSegment("100%")).toBe("100%");
  });

  it("says from an address alone why it names no workload", () => {
    expect(serviceNotFound({ cluster: "prod", namespace: "shop", kind: "deployment", name: "checkuot" })).toEqual({
      title: "No such workload",
      sentence: "Uptrust has not seen a Deployment named checkuot in namespace shop of cluster prod.",
    });
    expect(serviceNotFound({ cluster: "prod", namespace: "shop", kind: "Ingress", name: "web" }).title).toBe("Not a kind Uptrust tracks");
  });
});
