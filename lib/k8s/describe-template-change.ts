import type { ContainerTemplate, WorkloadTemplate } from "./workload-template.ts";

// One line a responder can read on a timeline: what changed, per container, in the order people care
// about (image first). Same-repository image bumps show only the new tag so the line stays short:
//   image checkout: registry.example.com/shop/checkout:1.4.2 → 1.5.0; replicas: 3 → 4

function splitImage(image: string): { repo: string; tag: string | undefined } {
  const at = image.indexOf("@");
  if (at >= 0) return { repo: image.slice(0, at), tag: image.slice(at) };
  const colon = image.lastIndexOf(":");
  // A colon before the last slash belongs to a registry port (host:5000/app), not to a tag.
  if (colon < 0 || colon < image.lastIndexOf("/")) return { repo: image, tag: undefined };
  return { repo: image.slice(0, colon), tag: image.slice(colon + 1) };
}

function describeImage(before: string, after: string): string {
  const b = splitImage(before);
  const a = splitImage(after);
  if (b.repo === a.repo && a.tag !== undefined) return `${before} → ${a.tag.startsWith("@") ? a.tag.slice(1) : a.tag}`;
  return `${before} → ${after}`;
}

function describeQuantities(kind: string, before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((k) => before[k] !== after[k])
    .map((k) => `${kind}.${k} ${before[k] ?? "none"} → ${after[k] ?? "none"}`);
}

function describeContainer(b: ContainerTemplate, a: ContainerTemplate): string[] {
  const parts: string[] = [];
  if (b.image !== a.image) parts.push(`image ${a.name}: ${describeImage(b.image, a.image)}`);
  const res = [...describeQuantities("requests", b.requests, a.requests), ...describeQuantities("limits", b.limits, a.limits)];
  if (res.length) parts.push(`resources ${a.name}: ${res.join(", ")}`);
  const added = a.env.filter((e) => !b.env.includes(e)).map((e) => `+${e}`);
  const removed = b.env.filter((e) => !a.env.includes(e)).map((e) => `-${e}`);
  if (added.length || removed.length) parts.push(`env ${a.name}: ${[...added, ...removed].join(" ")}`);
  const probes = (["liveness", "readiness", "startup"] as const)
    .filter((p) => b.probes[p] !== a.probes[p])
    .map((p) => `${a.probes[p] ? "+" : "-"}${p}`);
  if (probes.length) parts.push(`probes ${a.name}: ${probes.join(" ")}`);
  return parts;
}

function describeContainers(before: ContainerTemplate[], after: ContainerTemplate[], label: string): string[] {
  const parts: string[] = [];
  const old = new Map(before.map((c) => [c.name, c]));
  for (const c of after) {
    const b = old.get(c.name);
    if (!b) parts.push(`${label} added ${c.name}: ${c.image}`);
    else parts.push(...describeContainer(b, c));
  }
  for (const c of before) if (!after.some((a) => a.name === c.name)) parts.push(`${label} removed ${c.name}`);
  return parts;
}

export function describeTemplateChange(before: WorkloadTemplate, after: WorkloadTemplate): string {
  const parts = [
    ...describeContainers(before.containers, after.containers, "container"),
    ...describeContainers(before.initContainers, after.initContainers, "init container"),
  ];
  if (before.replicas !== after.replicas) parts.push(`replicas: ${before.replicas ?? "unset"} → ${after.replicas ?? "unset"}`);
  for (const [label, key] of [["ConfigMaps", "configMaps"], ["Secrets", "secrets"]] as const) {
    const b = before[key] ?? [];
    const a = after[key] ?? [];
    const refs = [...a.filter((n) => !b.includes(n)).map((n) => `+${n}`), ...b.filter((n) => !a.includes(n)).map((n) => `-${n}`)];
    if (refs.length) parts.push(`${label} read: ${refs.join(" ")}`);
  }
  if (after.restartedAt && before.restartedAt !== after.restartedAt) parts.push(`rollout restart at ${after.restartedAt}`);
  return parts.length ? parts.join("; ") : "pod template changed";
}
