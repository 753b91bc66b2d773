import { z } from "zod";

// One incident timeline entry, as the analyzer writes it (lib/domain/incident-timeline.ts) and every page
// reads it (components/timeline): a union tagged by kind, each kind with the detail it carries. Stored
// rows are parsed back with the schemas below, so an entry written by an older Uptrust still renders:
// known older shapes are mapped (an event's `involved` became `object`), anything else is kept as "other"
// with its title, never dropped.

export type ChangeDetail = { revision: string | null; before: unknown; after: unknown };
export type GuardrailDetail = { check: string; severity: string };
export type SloAlertDetail = { impactFrom: string | null; impactTo: string | null };
/** An alert from the team's Alertmanager; generatorUrl is an http(s) link to the expression that fired. */
export type AlertDetail = { alertname: string; severity: string | null; summary: string | null; generatorUrl: string | null };
export type StatusDetail = { desired: number; available: number };
/** `object` names what the event was about, as kubectl does: "Pod/checkout-7d9f-abc12". */
export type EventDetail = { type: string | null; object: string | null; count: number; firstSeen: string | null; lastSeen: string | null };
export type LogDetail = { pod: string | null; container: string | null; level: string | null };
/** The n-th occurrence of a recurring trouble (lib/domain/incidents.ts), from startedAt (the entry's ts) to endedAt. */
export type OccurrenceDetail = { n: number; reason: string; endedAt: string | null };
/** What a responder wrote or did (lib/domain/incident-actions.ts), with who recorded it. */
export type PersonDetail = { author: string | null; message: string | null };

/** What the analyzer derives from facts. */
export type AnalyzedFact =
  | { kind: "change"; detail: ChangeDetail }
  | { kind: "guardrail"; detail: GuardrailDetail }
  | { kind: "slo"; detail: SloAlertDetail }
  | { kind: "alert"; detail: AlertDetail }
  | { kind: "status"; detail: StatusDetail }
  | { kind: "event"; detail: EventDetail }
  | { kind: "log"; detail: LogDetail }
  | { kind: "occurrence"; detail: OccurrenceDetail };
export type PersonFact = { kind: "note" | "status-update" | "lifecycle"; detail: PersonDetail };
/** A stored entry of a kind or shape this Uptrust does not know: shown by its title and stored kind. */
export type OtherFact = { kind: "other"; storedKind: string; detail: Record<string, never> };
export type TimelineFact = AnalyzedFact | PersonFact | OtherFact;
export type TimelineKind = TimelineFact["kind"];

/** The analyzer's entry: cluster time in epoch ms and a key naming the fact it came from. */
export type TimelineEntry = AnalyzedFact & { ts: number; title: string; sourceKey: string };
/** The page's entry: a stored row, its time as ISO 8601. */
export type TimelineItem = TimelineFact & { id: string; ts: string; title: string };

const text = z.string().nullable().catch(null);
const optionalText = z.string().nullish().transform((v) => v ?? null).catch(null);
const SCHEMAS = {
  change: z.object({
    revision: z.union([z.string(), z.number().transform(String)]).nullish().transform((v) => v ?? null).catch(null),
    before: z.unknown(),
    after: z.unknown(),
  }),
  guardrail: z.object({ check: z.string(), severity: z.string() }),
  slo: z.object({ impactFrom: optionalText, impactTo: optionalText }),
  // The link is rendered as an anchor: anything but http(s) is dropped, whatever was stored.
  alert: z.object({
    alertname: z.string(),
    severity: optionalText,
    summary: optionalText,
    generatorUrl: optionalText.transform((v) => (v && /^https?:\/\//i.test(v) ? v : null)),
  }),
  status: z.object({ desired: z.number(), available: z.number() }),
  // Entries written before the union called the object `involved`.
  event: z
    .object({ type: optionalText, object: optionalText, involved: optionalText, count: z.number().catch(1), firstSeen: optionalText, lastSeen: optionalText })
    .transform(({ involved, object, ...rest }) => ({ ...rest, object: object ?? involved })),
  log: z.object({ pod: optionalText, container: optionalText, level: optionalText }),
  occurrence: z.object({ n: z.number(), reason: z.string(), endedAt: text }),
  note: z.object({ author: optionalText, message: optionalText }),
} as const;
const SCHEMA_OF: Record<string, z.ZodType> = { ...SCHEMAS, "status-update": SCHEMAS.note, lifecycle: SCHEMAS.note };

/** A stored row's kind and detail read back into the union; never throws, never drops the row. */
export function parseTimelineFact(kind: string, detail: unknown): TimelineFact {
  const schema = SCHEMA_OF[kind];
  const parsed = schema?.safeParse(detail ?? {});
  if (!parsed?.success) return { kind: "other", storedKind: kind, detail: {} };
  return { kind, detail: parsed.data } as TimelineFact;
}

export function toTimelineItem(row: { id: string; ts: Date; kind: string; title: string; detail: unknown }): TimelineItem {
  return { id: row.id, ts: row.ts.toISOString(), title: row.title, ...parseTimelineFact(row.kind, row.detail) };
}
