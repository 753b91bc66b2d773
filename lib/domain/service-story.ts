import type { ServiceAxis, ServiceMark } from "@/lib/views/service.ts";
import { formatDuration } from "./format-duration.ts";
import { MINUTE_MS } from "./slo.ts";

// "What changed right before it broke?" in one sentence: the latest change in the hour before the first
// trouble on the axis (an incident's start or a restart), the same hour the incident timeline looks back.
// It says what preceded what, never who is to blame.

export const CHANGE_LOOKBACK_MS = 60 * MINUTE_MS;

type Change = Extract<ServiceMark, { kind: "change" }>;
export type ServiceStory = { kind: "preceded"; change: Change; trouble: ServiceMark; sentence: string } | { kind: "quiet"; sentence: string };

export function serviceStory(axis: ServiceAxis): ServiceStory {
  const trouble = axis.marks.find((m) => m.kind === "incident" || m.kind === "restart");
  if (!trouble) return { kind: "quiet", sentence: "No incident or restart in this range." };
  const start = Date.parse(trouble.at);
  const change = axis.marks
    .filter((m): m is Change => m.kind === "change" && Date.parse(m.at) <= start && Date.parse(m.at) >= start - CHANGE_LOOKBACK_MS)
    .at(-1);
  const what = trouble.kind === "incident" ? trouble.title : `the restarts (${trouble.title})`;
  if (!change) return { kind: "quiet", sentence: `No change of this workload in the hour before ${what}.` };
  const gapMs = start - Date.parse(change.at);
  const by = change.manager ? `, written by ${change.manager},` : "";
  const when = gapMs < 1000 ? "within the same second" : `by ${formatDuration(gapMs / 1000)}`;
  return { kind: "preceded", change, trouble, sentence: `The change “${change.title}”${by} preceded ${what} ${when}.` };
}
