// The query of a rule-file download: `format` (rules, the default: a file for prometheus.yml's rule_files; or
// prometheusrule: a PrometheusRule for the Prometheus Operator), with a PrometheusRule's `namespace` and `label`s
// (key=value, repeatable: kube-prometheus-stack's Prometheus only loads rules labelled release=<its release>),
// and, for every SLO's file, `cluster`.

export type RuleFormat = "rules" | "prometheusrule";
export type RuleExportQuery = { cluster?: string; format: RuleFormat; namespace?: string; labels: Record<string, string> };

const FORMATS: readonly RuleFormat[] = ["rules", "prometheusrule"];
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;
// A label's name, and its value when not empty: at most 63 of letters, digits, '-', '_' and '.', alphanumeric at both ends.
const LABEL_PART = /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/;
const MAX_LABELS = 20;

type Params = { getAll(name: string): string[]; keys(): Iterable<string> };

// Kubernetes' own rule for a label: an optional DNS-subdomain prefix and '/', a name, and a value that may be empty.
function labelProblem(pair: string): string | null {
  const eq = pair.indexOf("=");
  if (eq < 0) return `label=${pair} must be key=value, such as label=release=kube-prometheus-stack`;
  const [key, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
  const slash = key.lastIndexOf("/");
  const [prefix, name] = slash < 0 ? [null, key] : [key.slice(0, slash), key.slice(slash + 1)];
  if ((prefix !== null && !DNS_SUBDOMAIN.test(prefix)) || !LABEL_PART.test(name)) {
    return `label key ${key} is not a Kubernetes label name: at most 63 letters, digits, '-', '_' and '.', after an optional domain and '/'`;
  }
  if (value !== "" && !LABEL_PART.test(value)) return `label ${key}'s value ${value} is not a Kubernetes label value: at most 63 letters, digits, '-', '_' and '.'`;
  return null;
}

/** The download's query, or the first thing wrong with it in a sentence that says what to write instead. */
export function parseRuleExportQuery(params: Params, withCluster: boolean): { query: RuleExportQuery } | { problem: string } {
  const allowed = [...(withCluster ? ["cluster"] : []), "format", "namespace", "label"];
  const unknown = [...new Set(params.keys())].filter((k) => !allowed.includes(k));
  if (unknown.length) return { problem: `${unknown.join(", ")} is not a setting of this download: give only ${allowed.join(", ")}` };
  for (const key of ["cluster", "format", "namespace"]) {
    if (params.getAll(key).length > 1) return { problem: `${key} is given ${params.getAll(key).length} times: give it once` };
  }
  const [cluster] = params.getAll("cluster");
  if (cluster !== undefined && (cluster.length === 0 || cluster.length > 253)) return { problem: "cluster must name a cluster, in at most 253 characters" };
  const format = (params.getAll("format")[0] ?? "rules") as RuleFormat;
  if (!FORMATS.includes(format)) return { problem: `format=${format} is not one Uptrust writes: rules (for rule_files) or prometheusrule (for the Prometheus Operator)` };
  const [namespace] = params.getAll("namespace");
  const pairs = params.getAll("label");
  if (format !== "prometheusrule" && (namespace !== undefined || pairs.length)) {
    return { problem: "namespace and label name where a PrometheusRule goes: add format=prometheusrule, or leave them out" };
  }
  if (namespace !== undefined && !DNS_LABEL.test(namespace)) return { problem: `namespace=${namespace} is not a namespace name: lower-case letters, digits and '-', at most 63` };
  if (pairs.length > MAX_LABELS) return { problem: `${pairs.length} labels given; at most ${MAX_LABELS}` };
  const labels: Record<string, string> = {};
  for (const pair of pairs) {
    const problem = labelProblem(pair);
    if (problem) return { problem };
    const key = pair.slice(0, pair.indexOf("="));
    if (key in labels) return { problem: `label ${key} is given twice: give each key once` };
    labels[key] = pair.slice(pair.indexOf("=") + 1);
  }
  return { query: { ...(cluster !== undefined ? { cluster } : {}), format, ...(namespace !== undefined ? { namespace } : {}), labels } };
}
