import { addRequest, emptyMinute, parseAccessLine, resolveUpstream, type RequestMinute } from "./access-log.ts";
import { floorToMinute } from "./availability-sli.ts";

export type LogLineFact = { namespace: string; pod: string; ts: number; message: string };
export type Routing = { podWorkloads: ReadonlyMap<string, string>; services: ReadonlyMap<string, string> };
export type WorkloadMinute = RequestMinute & { workloadId: string; source: "ingress" | "app" };

// Requests per workload and minute. A line an ingress proxied is charged to the workload behind its
// upstream Service (source "ingress"), never to the ingress controller; any other access line to the
// workload whose pod printed it (source "app"). Lines of pods or Services Uptrust cannot place are
// skipped: a request nobody owns has no SLO to spend.
export function requestMinutes(lines: readonly LogLineFact[], routing: Routing): WorkloadMinute[] {
  const minutes = new Map<string, WorkloadMinute>();
  for (const line of lines) {
    const record = parseAccessLine(line.message);
    if (!record) continue;
    const source = record.upstream !== null ? "ingress" : "app";
    const workloadId = record.upstream !== null ? resolveUpstream(record.upstream, routing.services) : routing.podWorkloads.get(`${line.namespace}/${line.pod}`);
    if (!workloadId) continue;
    const ts = floorToMinute(line.ts);
    const key = `${workloadId}|${source}|${ts}`;
    let minute = minutes.get(key);
    if (!minute) minutes.set(key, (minute = { ...emptyMinute(ts), workloadId, source }));
    addRequest(minute, record);
  }
  return [...minutes.values()];
}
