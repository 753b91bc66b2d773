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

export type WorkloadTemplate = {
  replicas: number | null;
  containers: ContainerTemplate[];
  initContainers: ContainerTemplate[];
  // Present only when set, so a template without them hashes as it did before they were tracked.
  /** ConfigMaps the pods read (env, envFrom, volumes): their content changes are this workload's changes. */
  configMaps?: string[];
  /** Secrets the pods read, by name only: Uptrust tracks a hash of their content, never a value. */
  secrets?: string[];
  /** `kubectl rollout restart` stamps this annotation: a restart with no other change is still a change. */
  restartedAt?: string;
};

/** Fields added after templates were first stored: a stored template without any of them predates them. */
export const LATER_FIELDS = ["configMaps", "secrets", "restartedAt"] as const;

type Ref = { name?: unknown } | null | undefined;
type RawContainer = {
  name?: unknown;
  envFrom?: Array<{ configMapRef?: Ref; secretRef?: Ref } | null> | null;
  image?: unknown;
  resources?: { requests?: Record<string, unknown> | null; limits?: Record<string, unknown> | null } | null;
  env?: Array<{ name?: unknown; valueFrom?: { configMapKeyRef?: Ref; secretKeyRef?: Ref } | null } | null> | null;
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

type RawVolume = {
  configMap?: Ref;
  secret?: { secretName?: unknown } | null;
  projected?: { sources?: Array<{ configMap?: Ref; secret?: Ref } | null> | null } | null;
} | null;
type RawPodSpec = { containers?: RawContainer[] | null; initContainers?: RawContainer[] | null; volumes?: RawVolume[] | null };

const names = (values: unknown[]) => [...new Set(values.filter((n): n is string => typeof n === "string" && n !== ""))].sort();

function configRefs(spec: RawPodSpec | null | undefined): { configMaps: string[]; secrets: string[] } {
  const containers = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  const env = containers.flatMap((c) => c.env ?? []);
  const envFrom = containers.flatMap((c) => c.envFrom ?? []);
  const volumes = spec?.volumes ?? [];
  const projected = volumes.flatMap((v) => v?.projected?.sources ?? []);
  return {
    configMaps: names([
      ...env.map((e) => e?.valueFrom?.configMapKeyRef?.name),
      ...envFrom.map((e) => e?.configMapRef?.name),
      ...volumes.map((v) => v?.configMap?.name),
      ...projected.map((p) => p?.configMap?.name),
    ]),
    secrets: names([
      ...env.map((e) => e?.valueFrom?.secretKeyRef?.name),
      ...envFrom.map((e) => e?.secretRef?.name),
      ...volumes.map((v) => v?.secret?.secretName),
      ...projected.map((p) => p?.secret?.name),
    ]),
  };
}

export function normalizeTemplate(podSpec: RawPodSpec | null | undefined, replicas: number | null, annotations?: Record<string, string> | null): WorkloadTemplate {
  const refs = configRefs(podSpec);
  const restartedAt = annotations?.["kubectl.kubernetes.io/restartedAt"];
  return {
    replicas,
    containers: (podSpec?.containers ?? []).map(normalizeContainer),
    initContainers: (podSpec?.initContainers ?? []).map(normalizeContainer),
    ...(refs.configMaps.length ? { configMaps: refs.configMaps } : {}),
    ...(refs.secrets.length ? { secrets: refs.secrets } : {}),
    ...(restartedAt ? { restartedAt } : {}),
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
  return contentHash(template);
}

/** The hash of a template as it was before LATER_FIELDS were tracked. */
export function legacyTemplateHash(template: WorkloadTemplate): string {
  const old: Record<string, unknown> = { ...template };
  for (const k of LATER_FIELDS) delete old[k];
  return contentHash(old);
}

/** Content hash of any JSON value (sorted keys): templates, ConfigMap and Secret data. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(stableJson(value)).digest("hex").slice(0, 32);
}
