import { z } from "zod";
import { name, query, reportIssues, type Located } from "./import-fields.ts";
import type { ReadSlo, SloIndicator } from "./import-slo.ts";
import { percentToFraction } from "./percent.ts";

// Sloth, in both its forms: the plain file (`version: prometheus/v1`, snake_case fields) and the Kubernetes
// resource (`apiVersion: sloth.slok.dev/v1`, `kind: PrometheusServiceLevel` or ManagedPrometheusServiceLevel,
// the same under `spec`, in camelCase). Events SLIs (error and total queries) and raw SLIs (an error-ratio query) are PromQL Uptrust
// asks itself; an SLI plugin is Go code Sloth runs to write that PromQL, so Uptrust cannot evaluate it.

type Keys = { error: string; total: string; errorRatio: string; sloPlugins: string };
const PLAIN: Keys = { error: "error_query", total: "total_query", errorRatio: "error_ratio_query", sloPlugins: "slo_plugins" };
const KUBERNETES: Keys = { error: "errorQuery", total: "totalQuery", errorRatio: "errorRatioQuery", sloPlugins: "sloPlugins" };

const pluginChain = z.object({ chain: z.array(z.object({ id: z.string() }).loose()).optional() }).loose().optional();

const service = (k: Keys) => ({
  service: z.string().min(1, "must name the service"),
  slos: z
    .array(
      z
        .object({
          name,
          objective: z.number().gt(0, "must be above 0").lt(100, "must be below 100 (99.9 for 99.9 %)"),
          sli: z
            .object({
              events: z.object({ [k.error]: query, [k.total]: query }).loose().optional(),
              raw: z.object({ [k.errorRatio]: query }).loose().optional(),
              plugin: z.object({ id: z.string().min(1, "must name the plugin") }).loose().optional(),
            })
            .loose(),
          plugins: pluginChain,
          alerting: z.unknown().optional(),
        })
        .loose(),
    )
    .min(1, "must hold at least one SLO"),
});
const specSchema = (k: Keys) => z.object(service(k)).loose();
const plain = z.object({ version: z.literal("prometheus/v1", { message: 'must be "prometheus/v1"' }), ...service(PLAIN) }).loose();
const kubernetes = z.object({
  apiVersion: z.literal("sloth.slok.dev/v1"),
  // The Google Managed Prometheus variant holds the same SLOs; only the rules Sloth writes differ.
  kind: z.enum(["PrometheusServiceLevel", "ManagedPrometheusServiceLevel"]),
  spec: specSchema(KUBERNETES),
});

type Note = (message: string) => void;

export function readSlothFile(doc: unknown, problem: Located, note: Note): ReadSlo[] {
  const parsed = plain.safeParse(doc);
  if (!parsed.success) return reportIssues(parsed.error, problem), [];
  return slosOf(parsed.data, PLAIN, [], problem, note);
}

export function readSlothResource(doc: unknown, problem: Located, note: Note): ReadSlo[] {
  const parsed = kubernetes.safeParse(doc);
  if (!parsed.success) return reportIssues(parsed.error, problem), [];
  return slosOf(parsed.data.spec, KUBERNETES, ["spec"], problem, note);
}

type Spec = z.infer<ReturnType<typeof specSchema>>;

function slosOf(spec: Spec, k: Keys, at: string[], problem: Located, note: Note): ReadSlo[] {
  // SLO plugins and alerting shape the Prometheus rules Sloth writes; Uptrust evaluates the SLI itself.
  const sloPlugins = [pluginChain.safeParse(spec[k.sloPlugins]).data, ...spec.slos.map((s) => s.plugins)].flatMap((p) => p?.chain?.map((c) => c.id) ?? []);
  if (sloPlugins.length) note(`Sloth SLO plugins (${[...new Set(sloPlugins)].join(", ")}) change the rules Sloth generates; Uptrust evaluates the SLIs itself and does not run them`);
  if (spec.slos.some((s) => s.alerting !== undefined)) note("Sloth alerting (page and ticket alerts) is not used: Uptrust raises page and ticket alerts from its own multi-window burn rates");
  return spec.slos.flatMap((s, i) => {
    const path = [...at, "slos", i, "sli"];
    const kinds = (["events", "raw", "plugin"] as const).filter((kind) => s.sli[kind] !== undefined);
    if (kinds.length !== 1) return problem(path, kinds.length ? `holds ${kinds.join(" and ")}: an SLI is one of them` : "must hold events (error and total queries) or raw (an error-ratio query)"), [];
    if (s.sli.plugin) {
      problem([...path, "plugin", "id"], `SLO ${s.name} uses Sloth SLI plugin ${s.sli.plugin.id}, which Uptrust cannot evaluate (Sloth writes its PromQL); replace it with an events or raw SLI`);
      return [];
    }
    const indicator: SloIndicator = s.sli.events
      ? { kind: "ratio", bad: s.sli.events[k.error], total: s.sli.events[k.total], sourceType: "Prometheus" }
      : { kind: "raw", query: s.sli.raw![k.errorRatio], ratio: "error", sourceType: "Prometheus" };
    // Sloth's SLOs are 30-day rolling windows counted by events.
    return [
      {
        source: "sloth" as const,
        path: [...at, "slos", i],
        name: s.name,
        service: spec.service,
        target: percentToFraction(s.objective),
        window: { kind: "rolling" as const, days: 30 },
        budgeting: "Occurrences" as const,
        indicator,
      },
    ];
  });
}
