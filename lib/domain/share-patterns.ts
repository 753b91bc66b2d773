// The shapes an external share must not carry, as Kubernetes and the network write them. Each pattern is
// global and matched against any text (titles, sentences, diffs): what the rules below miss is what
// leaks, so they err on the side of matching.

// A name is whole when no name character touches it; a dot may ("node-b." ends a sentence, and in
// "node-b.ec2.internal" the node is named all the same). The kubelet writes pods as "pod_namespace(uid)".
const START = String.raw`(?<![\w-])`;
const END = String.raw`(?:_[a-z0-9-]+\([0-9a-f-]{36}\))?(?![\w-])`;

// kube-controller-manager names ReplicaSets and pods from a "safe" alphabet (no vowels, no 0, 1, 3) so that
// generated suffixes never spell words; hand-made names ("7d9f8-abcde") at least carry a digit.
const SAFE = "[bcdfghjklmnpqrstvwxz2456789]";
const HASH = String.raw`(?:${SAFE}{5,10}|(?=[a-z]*\d)[a-z0-9]{5,10})`;
const BASE = String.raw`[a-z0-9](?:[a-z0-9-]*[a-z0-9])?`;

/** A Deployment's pod: base-<template hash>-<5 characters>. */
export const POD_SHAPE = new RegExp(`${START}(${BASE})-${HASH}-[a-z0-9]{5}${END}`, "g");
/** A ReplicaSet: base-<template hash>, the hash from the safe alphabet with a digit (a word never is). */
export const REPLICA_SET_SHAPE = new RegExp(`${START}(${BASE})-(?=[a-z]*\\d)${SAFE}{8,10}${END}`, "g");

// Cloud providers' node names: AWS ip-10-0-1-23(.region.compute.internal), GKE gke-cluster-pool-hash-xxxx,
// AKS aks-pool-12345678-vmss000000.
const CLOUD_NODES = [
  String.raw`ip-\d{1,3}(?:-\d{1,3}){3}(?:\.[a-z0-9-]+)*`,
  "gke-[a-z0-9-]+-[a-z0-9]{4}",
  String.raw`aks-[a-z0-9]+-\d+-vmss[a-z0-9]+`,
];
export const CLOUD_NODE = new RegExp(`${START}(?:${CLOUD_NODES.join("|")})${END}`, "g");

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
export const IPV4 = new RegExp(`(?<![\\w.])(?:${OCTET}\\.){3}${OCTET}(?![\\w]|\\.\\d)`, "g");
/** Candidates only: `isIpv6` decides (clock times such as 04:03:34 look alike). */
export const IPV6_CANDIDATE = /(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{1,4})?(?:%[\w.]+)?(?![\w:]|\.\d)/gi;

// 8 groups of up to 4 hex digits, fewer with one "::" standing for the missing ones; a trailing dotted
// IPv4 address counts as two groups (::ffff:10.0.0.1).
export function isIpv6(candidate: string): boolean {
  const address = candidate.replace(/%[\w.]+$/, "");
  const halves = address.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === "" ? [] : h.split(":")));
  const last = groups.at(-1) ?? "";
  const v4 = /^\d{1,3}(?:\.\d{1,3}){3}$/.test(last);
  const hex = v4 ? groups.slice(0, -1) : groups;
  if (!hex.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const count = hex.length + (v4 ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

export const EMAIL = /(?<![\w.+-])[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

/**
 * An image reference with its registry: host(:port)/path/name(:tag)(@digest). Groups: 1 registry, 2 path,
 * 3 name, 4 tag, 5 digest. Not inside a URL (after "//" or "@"): those are hosts, not registries.
 */
const REGISTRY = String.raw`(?:[a-z0-9-]+\.)+[a-z0-9-]+(?::\d+)?|localhost(?::\d+)?`;
export const IMAGE_REF = new RegExp(
  String.raw`(?<![\w./@:-])(${REGISTRY})\/((?:[a-z0-9._-]+\/)*)([a-z0-9._-]+)(:[\w][\w.-]{0,127})?(@sha256:[0-9a-f]{64})?(?![\w/])`,
  "gi",
);

// "kubernetes.io/hostname" has the same shape as an untagged image; an image is told apart by its tag,
// digest or a path, or by being a whole value (a diff's image field).
export function isImageRef(match: { path: string; tag?: string; digest?: string; whole: boolean }): boolean {
  return Boolean(match.tag || match.digest || match.path || match.whole);
}

// Only suffixes Kubernetes could have made are cut: "web-debug" was named by hand and stays whole.
const GENERATED = new RegExp(`^(.+?)-(?:${HASH}-[a-z0-9]{5}|${HASH}|\\d+)$`);

/** "checkout-c8j2xcq7sj-5h9qp", "checkout-c8j2xcq7sj", "redis-0", "fluentd-x7k2p" → the name they were made from. */
export function baseName(generated: string): string {
  return GENERATED.exec(generated)?.[1] ?? generated;
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** Matches any of `names` as a whole name, longest first (so "web-1" never eats into "web-10"). */
export function namesPattern(names: Iterable<string>): RegExp | null {
  const sorted = [...names].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (sorted.length === 0) return null;
  // "Pod/" or "namespace/" in front belongs to the name.
  return new RegExp(`${START}(?:(?:Pod|Node|ReplicaSet)/|[a-z0-9-]+/)?(${sorted.join("|")})${END}`, "g");
}
