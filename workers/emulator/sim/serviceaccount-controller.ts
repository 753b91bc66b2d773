import { stableUuid } from "../random.ts";
import type { Store } from "../store.ts";

/**
 * kube-controller-manager's ServiceAccount controller: every namespace has a `default` account, which
 * pods that name none run as. Namespaces are looked at once when they appear (all of them on the first
 * run, which covers a restored snapshot); the account is as old as its namespace.
 */
export function serviceAccountController(store: Store) {
  const pending = new Set<string>();
  let scanned = false;
  store.subscribe(({ resource, type, object }) => {
    if (resource === "namespaces" && type !== "DELETED") pending.add(object.metadata.name);
  });
  return (time: number) => {
    if (!scanned) {
      scanned = true;
      for (const ns of store.list("namespaces")) pending.add(ns.metadata.name);
    }
    for (const name of pending) {
      const ns = store.get("namespaces", undefined, name);
      if (!ns || store.get("serviceaccounts", name, "default")) continue;
      store.create(
        "serviceaccounts",
        { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: name, uid: stableUuid(`serviceaccount|${ns.metadata.uid}`), creationTimestamp: ns.metadata.creationTimestamp } },
        { manager: "kube-controller-manager", time },
      );
    }
    pending.clear();
  };
}
