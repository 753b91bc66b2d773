import type { ContainerSpec } from "@/lib/domain/guardrails.ts";

// What the guardrail checks read from a pod template, taken at ingest: security settings, resources,
// probes and the names (never the values) of env vars filled from Secrets. Kept beside the template,
// not in it: tightening a securityContext should not read as a rollout on the timeline twice.

export type SpecFacts = {
  labels: Record<string, string>;
  hostNetwork: boolean;
  hostPID: boolean;
  hostIPC: boolean;
  containers: ContainerSpec[];
};

type Sec = { privileged?: unknown; allowPrivilegeEscalation?: unknown; runAsNonRoot?: unknown; runAsUser?: unknown; capabilities?: { add?: unknown } | null } | null | undefined;
type RawContainer = {
  name?: unknown;
  image?: unknown;
  securityContext?: Sec;
  resources?: { requests?: Record<string, unknown> | null; limits?: Record<string, unknown> | null } | null;
  env?: Array<{ name?: unknown; valueFrom?: { secretKeyRef?: unknown } | null } | null> | null;
  livenessProbe?: unknown;
  readinessProbe?: unknown;
};
type RawSpec = { hostNetwork?: unknown; hostPID?: unknown; hostIPC?: unknown; securityContext?: Sec; containers?: RawContainer[] | null } | null | undefined;

const bool = (v: unknown) => v === true;
const optBool = (v: unknown) => (typeof v === "boolean" ? v : null);
const optInt = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? v : null);
const quantities = (r: Record<string, unknown> | null | undefined) => ({
  ...(r?.cpu !== undefined ? { cpu: String(r.cpu) } : {}),
  ...(r?.memory !== undefined ? { memory: String(r.memory) } : {}),
});

export function specFacts(spec: RawSpec, labels: Record<string, string> | null | undefined): SpecFacts {
  const pod = spec?.securityContext;
  return {
    labels: labels ?? {},
    hostNetwork: bool(spec?.hostNetwork),
    hostPID: bool(spec?.hostPID),
    hostIPC: bool(spec?.hostIPC),
    containers: (spec?.containers ?? []).map((c) => {
      const sec = c.securityContext;
      const added = sec?.capabilities?.add;
      return {
        name: typeof c.name === "string" ? c.name : "",
        image: typeof c.image === "string" ? c.image : "",
        privileged: bool(sec?.privileged),
        allowPrivilegeEscalation: optBool(sec?.allowPrivilegeEscalation),
        // A container's own setting wins over the pod's, as the kubelet applies them.
        runAsNonRoot: optBool(sec?.runAsNonRoot) ?? optBool(pod?.runAsNonRoot),
        runAsUser: optInt(sec?.runAsUser) ?? optInt(pod?.runAsUser),
        capabilitiesAdded: Array.isArray(added) ? added.filter((a): a is string => typeof a === "string") : [],
        requests: quantities(c.resources?.requests),
        limits: quantities(c.resources?.limits),
        livenessProbe: !!c.livenessProbe,
        readinessProbe: !!c.readinessProbe,
        secretEnv: (c.env ?? []).filter((e) => e?.valueFrom?.secretKeyRef).map((e) => String(e?.name ?? "")),
      };
    }),
  };
}
