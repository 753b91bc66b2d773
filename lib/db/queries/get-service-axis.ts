import { buildServiceAxis } from "@/lib/domain/service-axis.ts";
import { burnBucketMs, type AxisWindow } from "@/lib/domain/service-window.ts";
import type { ServiceAxis, ServiceRef } from "@/lib/views/service.ts";
import { getServiceFacts } from "./get-service-facts.ts";
import type { ServiceWorkloadRow } from "./get-service-workload.ts";

// One workload's axis over a window: the facts read once, shaped by lib/domain/service-axis.ts.
export async function getServiceAxis(ref: ServiceRef, workload: ServiceWorkloadRow, w: AxisWindow, now: number): Promise<ServiceAxis> {
  const bucketMs = burnBucketMs(w);
  const facts = await getServiceFacts(workload.clusterId, { id: workload.id, kind: ref.kind, namespace: ref.namespace, name: ref.name }, w, bucketMs);
  return buildServiceAxis(facts, w, now, bucketMs);
}
