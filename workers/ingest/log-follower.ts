import { lastLogTimestamp } from "@/lib/db/ingest/insert-log-lines.ts";
import { followLog, type FollowEnd } from "@/lib/k8s/follow-log.ts";
import { LogMessageAssembler, type LogMessage } from "@/lib/k8s/log-message-assembler.ts";
import { parseLogLine } from "@/lib/k8s/parse-log-line.ts";
import { createLogRedactor } from "@/lib/domain/redact.ts";
import type { ClusterContext } from "./cluster-context.ts";
import type { LogWriter } from "./log-writer.ts";

// Follows one container from where Uptrust left off. The API's sinceTime has whole seconds, so the
// follower re-reads part of the last stored second: lines older than the last stored timestamp are
// dropped, and lines at that same millisecond get the same seq as before, which the insert ignores.

export type ContainerRef = { namespace: string; pod: string; container: string };
const QUIET_FLUSH_MS = 300;

export async function followContainer(ctx: ClusterContext, ref: ContainerRef, writer: LogWriter, signal: AbortSignal): Promise<FollowEnd> {
  const resumeFrom = await lastLogTimestamp(ctx.db, ctx.clusterId, ref.namespace, ref.pod, ref.container);
  const assembler = new LogMessageAssembler();
  // Secrets are removed before a message is buffered, so no credential ever reaches the database.
  const redact = createLogRedactor();
  let lastMs = -1;
  let seq = 0;
  const emit = (m: LogMessage | undefined) => {
    if (!m) return;
    const ms = m.ts.getTime();
    seq = ms === lastMs ? seq + 1 : 0;
    lastMs = ms;
    writer.add({ ...ref, ts: m.ts, seq, level: m.level, message: redact(m.text) });
  };
  // A trace's last line has no successor to close it: flush a message once the stream goes quiet.
  let quiet: NodeJS.Timeout | undefined;
  const onLine = (raw: string) => {
    const line = parseLogLine(raw);
    if (!line) {
      if (raw.trim() !== "") ctx.skip("logs", `${ref.namespace}/${ref.pod}/${ref.container}: line without a timestamp`);
      return;
    }
    if (resumeFrom && line.ts < resumeFrom) return;
    emit(assembler.push(line));
    if (quiet) clearTimeout(quiet);
    quiet = setTimeout(() => emit(assembler.flush()), QUIET_FLUSH_MS);
  };
  try {
    return await followLog(ctx.kc, { ...ref, sinceTime: resumeFrom }, onLine, { signal, byteBudget: ctx.config.logBytesPerContainer });
  } finally {
    if (quiet) clearTimeout(quiet);
    emit(assembler.flush());
  }
}
