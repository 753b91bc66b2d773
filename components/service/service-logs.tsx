"use client";

import { useQuery } from "@tanstack/react-query";
import type { ServiceLogs } from "@/lib/views/service.ts";
import { getJson } from "../api/api-client.ts";
import { queryKeys } from "../api/query-keys.ts";
import { formatUtcSeconds } from "../format.ts";
import { Empty } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import a from "./service.module.css";

// The workload's container logs around the chosen moment, one block per pod and container. Secrets were
// redacted when the lines were stored, so they are shown as stored.
export function ServiceLogsView({ api, moment }: { api: string; moment: string }) {
  const q = useQuery({
    queryKey: queryKeys.serviceLogs(api, moment),
    queryFn: () => getJson<ServiceLogs>(`${api}/logs?${new URLSearchParams({ at: moment })}`),
  });
  if (q.isPending) return <Empty>Reading the logs around {formatUtcSeconds(moment)} UTC…</Empty>;
  if (q.isError) return <p className={s.notice} role="alert">The logs could not be read: {q.error.message}</p>;
  const logs = q.data;
  return (
    <div data-testid="service-logs">
      <p className={`${s.small} ${s.muted}`}>
        From {formatUtcSeconds(logs.from)} to {formatUtcSeconds(logs.to)} UTC, around {formatUtcSeconds(logs.at)} UTC.
      </p>
      {logs.streams.length === 0 ? <Empty>No container of this workload logged anything in these ten minutes.</Empty> : null}
      {logs.streams.map((stream, i) => (
        <details key={`${stream.pod}/${stream.container}`} open={stream.errors > 0 || i < 2} data-testid="log-stream">
          <summary className={s.small}>
            <span className={s.mono}>{stream.pod}</span> / {stream.container} · {stream.lines.length} lines
            {stream.errors > 0 ? <> · <span className={a.errors}>{stream.errors} errors</span></> : null}
            {stream.omitted > 0 ? ` (${stream.omitted} further from the moment left out)` : ""}
          </summary>
          <div className={`${s.logBlock} ${s.mono} ${s.small}`}>
            {stream.lines.map((l, j) => (
              <div key={j} className={a.logLine} data-level={l.level ?? undefined}>
                <time dateTime={l.ts} className={s.muted}>{l.ts.slice(11, 19)}</time>
                <span className={s.muted}>{l.level ?? ""}</span>
                <span>{l.message}</span>
              </div>
            ))}
          </div>
        </details>
      ))}
    </div>
  );
}
