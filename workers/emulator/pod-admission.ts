import { templateHash } from "./random.ts";
import type { KObj, Store } from "./store.ts";

// The admission plugins every pod passes on a real API server, whoever creates it (kubectl or the
// ReplicaSet controller): ServiceAccount (the account must exist; its token is mounted), Priority and
// DefaultTolerationSeconds. A pod naming a missing account is refused with the plugin's own words,
// which the ReplicaSet controller repeats in its FailedCreate event until the account appears.

const TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
const NOT_READY = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"];

/** Why the ServiceAccount admission plugin refuses the pod, or undefined. `name` is how the refusal names the pod. */
export function serviceAccountRefusal(store: Store, namespace: string, spec: KObj["spec"], name: string): string | undefined {
  const account: string = spec.serviceAccountName || spec.serviceAccount || "default";
  if (store.get("serviceaccounts", namespace, account)) return undefined;
  return `pods "${name}" is forbidden: error looking up service account ${namespace}/${account}: serviceaccount "${account}" not found`;
}

function tokenVolume(podName: string) {
  return {
    name: `kube-api-access-${templateHash(podName).slice(0, 5)}`,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
        { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
        { downwardAPI: { items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }] } },
      ],
    },
  };
}

/** What the admission plugins add to an accepted pod's spec, in place. */
export function admitPod(store: Store, namespace: string, podName: string, spec: KObj["spec"]) {
  const account: string = spec.serviceAccountName || spec.serviceAccount || "default";
  spec.serviceAccountName = account;
  spec.serviceAccount = account;
  const sa = store.get("serviceaccounts", namespace, account);
  const mount = spec.automountServiceAccountToken ?? sa?.automountServiceAccountToken ?? true;
  const mounted = (spec.volumes ?? []).some((v: { name: string }) => v.name.startsWith("kube-api-access-"));
  if (mount && !mounted) {
    const volume = tokenVolume(podName);
    spec.volumes = [...(spec.volumes ?? []), volume];
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      c.volumeMounts = [...(c.volumeMounts ?? []), { name: volume.name, readOnly: true, mountPath: TOKEN_PATH }];
    }
  }
  spec.priority ??= 0;
  spec.preemptionPolicy ??= "PreemptLowerPriority";
  const tolerations: { key?: string; effect?: string }[] = (spec.tolerations ??= []);
  for (const key of NOT_READY) {
    if (tolerations.some((t) => (t.key === key || t.key === undefined) && (!t.effect || t.effect === "NoExecute"))) continue;
    tolerations.push({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 } as never);
  }
}
