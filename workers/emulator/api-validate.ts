import type { KObj, Resource } from "./store.ts";

// The validation errors a real app's manifest most often meets on kube-apiserver (pkg/apis/*/validation),
// with the same fields and wording, so a manifest the demo cluster accepts is one a real cluster would
// run, and a broken one is refused instead of sitting there doing nothing.

export type Cause = { reason: "FieldValueRequired" | "FieldValueInvalid" | "FieldValueNotSupported"; message: string; field: string };

const required = (field: string): Cause => ({ reason: "FieldValueRequired", message: "Required value", field });

/** Go's %#v of a map[string]string, as the selector mismatch message prints the labels. */
const goMap = (m: Record<string, string>) => `map[string]string{${Object.entries(m).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `"${k}":"${v}"`).join(", ")}}`;

type Selector = { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };

function selects(sel: Selector, labels: Record<string, string>) {
  const byLabels = Object.entries(sel.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  return byLabels && (sel.matchExpressions ?? []).every((e) => {
    const v = labels[e.key];
    switch (e.operator) {
      case "In":
        return v !== undefined && (e.values ?? []).includes(v);
      case "NotIn":
        return v === undefined || !(e.values ?? []).includes(v);
      case "Exists":
        return v !== undefined;
      default:
        return v === undefined;
    }
  });
}

function podSpecCauses(spec: KObj["spec"] | undefined, at: string): Cause[] {
  const containers: { name?: string; image?: string }[] = spec?.containers ?? [];
  if (!containers.length) return [required(`${at}.containers`)];
  return containers.flatMap((c, i) => [...(c.name ? [] : [required(`${at}.containers[${i}].name`)]), ...(c.image ? [] : [required(`${at}.containers[${i}].image`)])]);
}

function workloadCauses(spec: KObj["spec"] | undefined): Cause[] {
  const causes: Cause[] = [];
  const selector: Selector | undefined = spec?.selector;
  const labels: Record<string, string> = spec?.template?.metadata?.labels ?? {};
  if (!selector || (!Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length)) causes.push(required("spec.selector"));
  else if (!selects(selector, labels)) {
    causes.push({ reason: "FieldValueInvalid", message: `Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\``, field: "spec.template.metadata.labels" });
  }
  return [...causes, ...podSpecCauses(spec?.template?.spec, "spec.template.spec")];
}

/** What the API server finds invalid in a defaulted object about to be created (empty: valid). */
export function validationCauses(resource: Resource, o: KObj): Cause[] {
  switch (resource) {
    case "deployments":
    case "replicasets":
    case "statefulsets":
    case "daemonsets":
      return workloadCauses(o.spec);
    case "jobs": {
      const policy = o.spec?.template?.spec?.restartPolicy;
      const restart: Cause[] =
        policy === "OnFailure" || policy === "Never" ? [] : [{ reason: "FieldValueNotSupported", message: `Unsupported value: "${policy}": supported values: "OnFailure", "Never"`, field: "spec.template.spec.restartPolicy" }];
      return [...restart, ...podSpecCauses(o.spec?.template?.spec, "spec.template.spec")];
    }
    case "pods":
      return podSpecCauses(o.spec, "spec");
    case "services": {
      const headless = o.spec?.clusterIP === "None" || o.spec?.type === "ExternalName";
      return headless || (o.spec?.ports ?? []).length ? [] : [required("spec.ports")];
    }
    default:
      return [];
  }
}
