import { serviceWindow } from "@/lib/domain/service-window.ts";
import type { ServicePage } from "@/lib/views/service.ts";
import { getServiceAxis } from "./get-service-axis.ts";
import { getServiceGuardrails } from "./get-service-guardrails.ts";
import { getServiceRightsizing } from "./get-service-rightsizing.ts";
import { getServiceSlos } from "./get-service-slos.ts";
import { getServiceTarget, type ServiceNames } from "./get-service-target.ts";

// Everything the service page shows of one workload: its axis over the asked range (the six hours up to
// the cluster's newest report by default), its SLOs, right-sizing suggestions and guardrail findings.
export async function getServicePage(names: ServiceNames, range: { from?: number; to?: number } = {}, serverNow: Date = new Date()): Promise<ServicePage> {
  const target = await getServiceTarget(names, serverNow);
  if (target.kind !== "found") return target;
  const { ref, workload, now } = target;
  const w = serviceWindow(range, now);
  const [axis, slos, recommendations, findings] = await Promise.all([
    getServiceAxis(ref, workload, w, now),
    getServiceSlos(workload.id),
    getServiceRightsizing(workload.id),
    getServiceGuardrails(workload.id),
  ]);
  const current = { id: workload.id, desired: workload.desired, ready: workload.ready, available: workload.available, revision: workload.revision, images: workload.images, deleted: workload.deleted };
  return { kind: "found", ref, asOf: new Date(now).toISOString(), workload: current, axis, slos, recommendations, findings };
}
