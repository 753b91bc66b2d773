import type { KObj, Store } from "../store.ts";

type KeyRef = { name: string; key: string; optional?: boolean };
type EnvVar = { name: string; valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef } };
type EnvFrom = { configMapRef?: { name: string; optional?: boolean }; secretRef?: { name: string; optional?: boolean } };

/**
 * What kubelet checks before it creates a container: every ConfigMap and Secret key the container's
 * environment refers to must exist. The message is kubelet's, shown as CreateContainerConfigError.
 */
export function missingConfig(store: Store, pod: KObj): string | undefined {
  const ns = pod.metadata.namespace!;
  const c = pod.spec.containers[0];
  for (const e of (c.env ?? []) as EnvVar[]) {
    const cm = e.valueFrom?.configMapKeyRef;
    if (cm && !cm.optional) {
      const obj = store.get("configmaps", ns, cm.name);
      if (!obj) return `configmap "${cm.name}" not found`;
      if (!(cm.key in (obj.data ?? {}))) return `couldn't find key ${cm.key} in ConfigMap ${ns}/${cm.name}`;
    }
    const sec = e.valueFrom?.secretKeyRef;
    if (sec && !sec.optional) {
      const obj = store.get("secrets", ns, sec.name);
      if (!obj) return `secret "${sec.name}" not found`;
      if (!(sec.key in (obj.data ?? {}))) return `couldn't find key ${sec.key} in Secret ${ns}/${sec.name}`;
    }
  }
  for (const f of (c.envFrom ?? []) as EnvFrom[]) {
    if (f.configMapRef && !f.configMapRef.optional && !store.get("configmaps", ns, f.configMapRef.name)) return `configmap "${f.configMapRef.name}" not found`;
    if (f.secretRef && !f.secretRef.optional && !store.get("secrets", ns, f.secretRef.name)) return `secret "${f.secretRef.name}" not found`;
  }
  return undefined;
}

type Taint = { key: string; effect: string };
type Toleration = { key?: string; operator?: string; effect?: string };

const tolerates = (pod: KObj, taint: Taint) =>
  ((pod.spec.tolerations ?? []) as Toleration[]).some(
    (t) => (t.operator === "Exists" && !t.key) || (t.key === taint.key && (!t.effect || t.effect === taint.effect)),
  );

/** The scheduler's filters that matter in Uptrust's stories: node Ready, taints, nodeSelector. */
export function nodeFits(node: KObj, pod: KObj): boolean {
  const ready = node.status?.conditions?.find((c: { type: string }) => c.type === "Ready");
  if (ready && ready.status !== "True") return false;
  for (const taint of (node.spec?.taints ?? []) as Taint[]) {
    if ((taint.effect === "NoSchedule" || taint.effect === "NoExecute") && !tolerates(pod, taint)) return false;
  }
  const selector: Record<string, string> = pod.spec.nodeSelector ?? {};
  return Object.entries(selector).every(([k, v]) => node.metadata.labels?.[k] === v);
}
