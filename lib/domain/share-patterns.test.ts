import { describe, expect, it } from "vitest";
import { baseName, CLOUD_NODE, IMAGE_REF, IPV4, IPV6_CANDIDATE, isIpv6, POD_SHAPE, REPLICA_SET_SHAPE } from "./share-patterns.ts";

const all = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => m[0]);
const ipv6In = (text: string) => all(IPV6_CANDIDATE, text).filter(isIpv6);

describe("what an external share recognises as a name or an address", () => {
  it("pods and ReplicaSets by the suffixes Kubernetes generates, not hyphenated words or ids", () => {
    expect(all(POD_SHAPE, "Created pod: checkout-c8j2xcq7sj-5h9qp and payment-api-7d9f8-abcde")).toEqual(["checkout-c8j2xcq7sj-5h9qp", "payment-api-7d9f8-abcde"]);
    expect(all(POD_SHAPE, "in pod checkout-c5sj5wg5sf-66nxm_shop(b9dc5ec2-9125-4384-a3a6-3b1b55d8233f)")).toEqual(["checkout-c5sj5wg5sf-66nxm_shop(b9dc5ec2-9125-4384-a3a6-3b1b55d8233f)"]);
    expect(all(POD_SHAPE, "checkout-config key renamed; front-end-proxy-check; id f7e3417c-b6ed-4b08-b4ce-e6b2717cd00c")).toEqual([]);
    expect(all(REPLICA_SET_SHAPE, "Scaled up replica set checkout-c8j2xcq7sj from 0 to 4; checkout-frontend; checkout-bcdfghjkl")).toEqual(["checkout-c8j2xcq7sj"]);
  });

  it("a generated name generalises to the name it was made from", () => {
    expect(["checkout-c8j2xcq7sj-5h9qp", "checkout-7d9f8-abcde", "checkout-c8j2xcq7sj", "redis-0", "fluentd-x7k2p", "debug", "web-debug"].map(baseName))
      .toEqual(["checkout", "checkout", "checkout", "redis", "fluentd", "debug", "web-debug"]);
  });

  it("cloud providers' node names", () => {
    expect(all(CLOUD_NODE, "on ip-10-0-1-23.eu-west-1.compute.internal, gke-prod-pool-1-3f2a9c1d-x7kq and aks-nodepool1-12345678-vmss000002."))
      .toEqual(["ip-10-0-1-23.eu-west-1.compute.internal", "gke-prod-pool-1-3f2a9c1d-x7kq", "aks-nodepool1-12345678-vmss000002"]);
  });

  it("IPv4 addresses with or without a port, not versions or longer dotted numbers", () => {
    expect(all(IPV4, "dial 10.96.0.10:53, from 192.168.1.7; image v1.11.3; oid 1.3.6.1.4.1; 999.1.1.1")).toEqual(["10.96.0.10", "192.168.1.7"]);
  });

  it("IPv6 addresses, full or with ::, and not clock times or C++ scopes", () => {
    expect(ipv6In("from fd00:10:96::a and 2001:0db8:85a3:0000:0000:8a2e:0370:7334 and ::ffff:10.0.0.1 and fe80::1%eth0")).toEqual([
      "fd00:10:96::a", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "::ffff:10.0.0.1", "fe80::1%eth0",
    ]);
    expect(ipv6In("at 04:03:34, [06/Dec/2026:04:03:34 +0000], std::vector, 1:2:3")).toEqual([]);
  });

  it("image references with a registry, not URLs or database hosts", () => {
    const refs = (text: string) => [...text.matchAll(IMAGE_REF)].map((m) => [m[1], m[3], m[4] ?? ""]);
    expect(refs('Pulling image "ghcr.io/acme/checkout:1.4"; registry.k8s.io/coredns/coredns:v1.11.3; 10.0.0.5:5000/app:2'))
      .toEqual([["ghcr.io", "checkout", ":1.4"], ["registry.k8s.io", "coredns", ":v1.11.3"], ["10.0.0.5:5000", "app", ":2"]]);
    expect(refs("see https://status.example.com/incidents and postgres://app@db.shop.svc.cluster.local:5432/app")).toEqual([]);
  });
});
