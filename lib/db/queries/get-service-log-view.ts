import { logStreams, logWindow } from "@/lib/domain/service-logs.ts";
import type { ServiceLogs, ServiceRef } from "@/lib/views/service.ts";
import { getServiceLogs } from "./get-service-logs.ts";
import type { ServiceWorkloadRow } from "./get-service-workload.ts";

// The workload's container logs from `before` minutes before `at` to `after` minutes after, per container.
export async function getServiceLogView(ref: ServiceRef, workload: ServiceWorkloadRow, at: number, before?: number, after?: number): Promise<ServiceLogs> {
  const w = logWindow(at, before, after);
  const lines = await getServiceLogs(workload.clusterId, ref, w);
  return { at: new Date(at).toISOString(), from: new Date(w.from).toISOString(), to: new Date(w.to).toISOString(), streams: logStreams(lines, at) };
}
