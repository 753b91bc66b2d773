import type { CoreV1Event } from "@kubernetes/client-node";
import { upsertEvents } from "@/lib/db/ingest/insert-events.ts";
import { WATCHED_PATHS } from "@/lib/k8s/ingest-api-paths.ts";
import { mapEvent, type EventRow } from "@/lib/k8s/map-event.ts";
import type { ClusterContext } from "./cluster-context.ts";
import { KeyedBatcher } from "./keyed-batcher.ts";
import type { PodIndex } from "./pod-index.ts";
import { runInformer } from "./run-informer.ts";

// Kubernetes events (BackOff, OOMKilling, FailedScheduling, …). The cluster expires them after an
// hour; Uptrust keeps them. A relist re-sends every live event and the upsert key makes that a no-op.
export function eventsStream(ctx: ClusterContext, pods: PodIndex): { run: () => Promise<void>; drain: () => Promise<void> } {
  const batcher = new KeyedBatcher<EventRow>((rows) => upsertEvents(ctx.db, ctx.clusterId, rows), { name: "events", log: ctx.log, maxBatch: 1000, maxPending: ctx.config.bufferRows });
  ctx.backlog.add(batcher);
  const onEvent = (obj: CoreV1Event) => {
    const m = mapEvent(obj);
    if (!m.ok) return ctx.skip("events", m.reason);
    ctx.clock.observe(m.value.lastSeen);
    // Failing probes, back-off, failed mounts: the log follower reads that pod's containers next.
    if (m.value.type === "Warning" && m.value.involvedKind === "Pod") pods.noteWarning(m.value.namespace, m.value.involvedName, m.value.lastSeen.getTime());
    batcher.put(`${m.value.uid}|${m.value.firstSeen.getTime()}`, m.value);
  };
  const run = () =>
    runInformer<CoreV1Event>(ctx, {
      stream: "events",
      path: WATCHED_PATHS.events,
      onUpsert: onEvent,
      // An expired event is still history: nothing to delete.
      onDelete: () => undefined,
    });
  return { run, drain: () => batcher.drain() };
}
