import { getExportedSlos } from "@/lib/db/queries/get-exported-slos.ts";
import type { RuleExportQuery } from "@/lib/domain/rule-export-query.ts";
import { prometheusRuleName, prometheusRuleYaml, ruleFileName, ruleFileYaml } from "@/lib/domain/slo-rules-yaml.ts";

export type SloRuleFile = { fileName: string; yaml: string; slos: number };

// The rules of every SLO (of one cluster, if named), or of one SLO, as a rule file or a PrometheusRule; null when there
// is no such SLO (or the cluster named has none, most likely a misspelt name).
export async function exportSloRules(
  filter: { id?: string; cluster?: string },
  now: Date,
  as: Pick<RuleExportQuery, "format" | "namespace" | "labels"> = { format: "rules", labels: {} },
): Promise<SloRuleFile | null> {
  const slos = await getExportedSlos(filter);
  if ((filter.id || filter.cluster) && slos.length === 0) return null;
  const one = filter.id ? slos[0] : undefined;
  const parts = one ? [one.namespace, one.workload, one.name] : filter.cluster ? [filter.cluster, "slos"] : [];
  if (as.format === "prometheusrule") {
    const target = { name: prometheusRuleName(parts), namespace: as.namespace, labels: as.labels };
    return { fileName: ruleFileName(parts, "prometheusrule"), yaml: prometheusRuleYaml(slos, now, target), slos: slos.length };
  }
  return { fileName: ruleFileName(parts), yaml: ruleFileYaml(slos, now), slos: slos.length };
}

/** The file as a download: YAML, saved under its name, never cached (the rules follow the SLOs' definitions). */
export function ruleFileResponse(file: SloRuleFile): Response {
  return new Response(file.yaml, {
    headers: { "content-type": "application/yaml; charset=utf-8", "content-disposition": `attachment; filename="${file.fileName}"`, "cache-control": "no-store" },
  });
}
