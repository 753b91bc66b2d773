import { createHash } from "node:crypto";

// The parts of a pod template a user changes on purpose. Normalizing them (sorted env names, probes as
// present/absent, resources as written) means a controller re-serializing the object or reordering keys
// never looks like a change, while an image bump, a new env var or a resized request always does.

export type ContainerTemplate = {
  name: string;
  image: string;
  requests: Record<string, string>;
  limits: Record<string, string>;
  env: string[];
  probes: { liveness: boolean; readiness: boolean; startup: boolean };
};

export type WorkloadTemplate = { replicas: number | null; containers: ContainerTemplate[]; initContainers: ContainerTemplate[] };

type RawContainer = {
  name?: unknown;
  image?: unknown;
  resources?: { requests?: Record<string, unknown> | null; limits?: Record<string, unknown> | null } | null;
  env?: Array<{ name?: unknown } | null> | null;
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  startupProbe?: unknown;
};

function quantities(source: Record<string, unknown> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(source ?? {}).sort()) out[key] = String(source?.[key]);
  return out;
}

function normalizeContainer(c: RawContainer): ContainerTemplate {
  return {
    name: typeof c.name === "string" ? c.name : "",
    image: typeof c.image === "string" ? c.image : "",
    requests: quantities(c.resources?.requests),
    limits: quantities(c.resources?.limits),
    env: [...new Set((c.env ?? []).map((e) => e?.name).filter((n): n is string => typeof n === "string"))].sort(),
    probes: { liveness: !!c.livenessProbe, readiness: !!c.readinessProbe, startup: !!c.startupProbe },
  };
}

export function normalizeTemplate(
  podSpec: { containers?: RawContainer[] | null; initContainers?: RawContainer[] | null } | null | undefined,
  replicas: number | null,
): WorkloadTemplate {
  return {
    replicas,
    containers: (podSpec?.containers ?? []).map(normalizeContainer),
    initContainers: (podSpec?.initContainers ?? []).map(normalizeContainer),
  };
}

/** Stable JSON (sorted keys) so the hash depends on content, not key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function templateHash(template: WorkloadTemplate): string {
  return createHash("sha256").update(stableJson(template)).digest("hex").slice(0, 32);
}
