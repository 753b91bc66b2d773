import { z } from "zod";
import { cleanText } from "./clean-text.ts";
import { describeIssues, mapped, skipped, toDate, type Mapped } from "./mapped.ts";
import { nameOf } from "./map-pod.ts";

export type EventRow = {
  uid: string;
  namespace: string;
  involvedKind: string;
  involvedName: string;
  reason: string;
  message: string;
  type: string;
  source: string | null;
  count: number;
  firstSeen: Date;
  lastSeen: Date;
};

const eventSchema = z.object({
  metadata: z.object({ uid: z.string().min(1), namespace: z.string().nullish(), creationTimestamp: z.unknown() }),
  involvedObject: z.object({ kind: z.string().nullish(), name: z.string().nullish(), namespace: z.string().nullish() }).nullish(),
  regarding: z.object({ kind: z.string().nullish(), name: z.string().nullish() }).nullish(),
  reason: z.string().nullish(),
  message: z.string().nullish(),
  note: z.string().nullish(),
  type: z.string().nullish(),
  source: z.object({ component: z.string().nullish(), host: z.string().nullish() }).nullish(),
  reportingComponent: z.string().nullish(),
  count: z.number().int().nullish(),
  series: z.object({ count: z.number().int().nullish(), lastObservedTime: z.unknown() }).nullish(),
  firstTimestamp: z.unknown().optional(),
  lastTimestamp: z.unknown().optional(),
  eventTime: z.unknown().optional(),
});

// first_seen is the partition key, so it must never move for a given event: firstTimestamp, else
// eventTime (events.k8s.io style), else the object's creation. last_seen only ever grows.
export function mapEvent(obj: unknown): Mapped<EventRow> {
  const parsed = eventSchema.safeParse(obj);
  if (!parsed.success) return skipped(`event ${nameOf(obj)}: ${describeIssues(parsed.error)}`);
  const e = parsed.data;
  const firstSeen = toDate(e.firstTimestamp) ?? toDate(e.eventTime) ?? toDate(e.metadata.creationTimestamp);
  if (!firstSeen) return skipped(`event ${nameOf(obj)}: no firstTimestamp, eventTime or creationTimestamp`);
  const last = toDate(e.series?.lastObservedTime) ?? toDate(e.lastTimestamp) ?? firstSeen;
  const involved = e.involvedObject ?? e.regarding;
  return mapped({
    uid: e.metadata.uid,
    namespace: e.metadata.namespace ?? e.involvedObject?.namespace ?? "",
    involvedKind: involved?.kind ?? "",
    involvedName: cleanText(involved?.name ?? "", 253),
    reason: cleanText(e.reason ?? "", 256),
    // The API server caps new messages at 1 KiB; older or foreign clusters may not.
    message: cleanText(e.message ?? e.note ?? "", 8 * 1024),
    type: e.type ?? "Normal",
    source: e.source?.component ?? e.reportingComponent ?? null,
    count: Math.max(1, e.series?.count ?? e.count ?? 1),
    firstSeen,
    lastSeen: last < firstSeen ? firstSeen : last,
  });
}
