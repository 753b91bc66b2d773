import { z } from "zod";
import { describeIssues, mapped, skipped, toDate, type Mapped } from "./mapped.ts";
import { nameOf } from "./map-pod.ts";
import { observedAt } from "./observed-at.ts";

// Any other kind as Uptrust keeps it: identity, labels, controller, spec and status. Pod templates are
// dropped (workloads track them, and a ReplicaSet's is its Deployment's); an EndpointSlice keeps its
// endpoint counts, not every address (they churn with every pod and say nothing a count does not).
// A spec or status larger than MAX_JSON_CHARS is replaced by a note saying so: a 1 MB custom field must
// not make one row a megabyte.

export type KubeObjectRow = {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  ownerKind: string | null;
  ownerName: string | null;
  /** JSON text, ready for a jsonb column. */
  spec: string;
  status: string;
  createdAt: Date | null;
  observedAt: Date;
};

export const MAX_JSON_CHARS = 32 * 1024;

const schema = z.looseObject({
  apiVersion: z.string().nullish(),
  kind: z.string().nullish(),
  metadata: z.object({
    name: z.string().min(1),
    namespace: z.string().nullish(),
    uid: z.string().min(1),
    labels: z.record(z.string(), z.string()).nullish(),
    ownerReferences: z.array(z.object({ kind: z.string(), name: z.string(), controller: z.boolean().nullish() })).nullish(),
    creationTimestamp: z.unknown().optional(),
    managedFields: z.unknown().optional(),
  }),
});

type Endpoint = { conditions?: { ready?: boolean | null } | null };

// jsonb refuses the escape \u0000 as text refuses NUL: it becomes \ufffd, as in every other stored text.
const NUL_ESCAPE = /(?<!\\)\\u0000/g;

function bounded(value: unknown, what: string): string {
  const text = JSON.stringify(value ?? {});
  if (text.length <= MAX_JSON_CHARS) return text.replace(NUL_ESCAPE, "\\ufffd");
  return JSON.stringify({ uptrustOmitted: `${what} of ${text.length} characters exceeds ${MAX_JSON_CHARS}; not stored` });
}

function withoutTemplate(spec: unknown): unknown {
  if (!spec || typeof spec !== "object") return spec ?? {};
  const rest: Record<string, unknown> = { ...(spec as Record<string, unknown>) };
  const jobTemplate = rest.jobTemplate;
  delete rest.template;
  delete rest.jobTemplate;
  // A CronJob's jobTemplate holds a pod template; keep the Job settings around it.
  if (jobTemplate && typeof jobTemplate === "object") {
    const jobSpec = (jobTemplate as { spec?: unknown }).spec;
    return { ...rest, jobTemplate: { spec: withoutTemplate(jobSpec) } };
  }
  return rest;
}

export function mapKubeObject(apiVersion: string, kind: string, obj: unknown, fallbackTime: Date): Mapped<KubeObjectRow> {
  const parsed = schema.safeParse(obj);
  if (!parsed.success) return skipped(`${kind} ${nameOf(obj)}: ${describeIssues(parsed.error)}`);
  const o = parsed.data as z.infer<typeof schema> & { spec?: unknown; status?: unknown; endpoints?: Endpoint[] | null; [k: string]: unknown };
  const owner = o.metadata.ownerReferences?.find((r) => r.controller) ?? o.metadata.ownerReferences?.[0];
  let spec: unknown = withoutTemplate(o.spec);
  let status: unknown = o.status ?? {};
  if (kind === "EndpointSlice") {
    const endpoints = o.endpoints ?? [];
    const ready = endpoints.filter((e) => e?.conditions?.ready !== false).length;
    spec = { addressType: o.addressType, ports: o.ports ?? [] };
    status = { endpoints: endpoints.length, ready, notReady: endpoints.length - ready };
  } else if (o.spec === undefined) {
    // RBAC and other spec-less kinds keep their body (rules, subjects, roleRef) as the spec.
    const body: Record<string, unknown> = { ...o };
    for (const k of ["apiVersion", "kind", "metadata"]) delete body[k];
    spec = body;
  }
  return mapped({
    apiVersion: o.apiVersion ?? apiVersion,
    kind,
    namespace: o.metadata.namespace ?? "",
    name: o.metadata.name,
    uid: o.metadata.uid,
    labels: o.metadata.labels ?? {},
    ownerKind: owner?.kind ?? null,
    ownerName: owner?.name ?? null,
    spec: bounded(spec, "spec"),
    status: bounded(status, "status"),
    createdAt: toDate(o.metadata.creationTimestamp) ?? null,
    observedAt: observedAt(obj, fallbackTime),
  });
}
