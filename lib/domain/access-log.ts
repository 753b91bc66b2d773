// Request facts read from access logs, the only request signal every cluster has without a metrics
// stack: ingress-nginx's default upstream format (status, request time, the upstream it proxied to) and
// the NCSA combined format many services print, optionally followed by a request time in seconds
// (nginx's `$request_time`, Apache's `%T`-style). Lines in any other shape are not requests.

export type AccessRecord = {
  status: number;
  /** Request time as the server measured it; null when the line does not say. */
  ms: number | null;
  /** ingress-nginx's `$proxy_upstream_name` ("shop-checkout-80"): the Service that served it. */
  upstream: string | null;
};

// remote_addr - remote_user [time_local] "request" status bytes "referer" "user agent" <rest>
const COMBINED = /^\S+ \S+ \S+ \[[^\]]+\] "[^"]*" (\d{3}) (?:\d+|-) "[^"]*" "[^"]*"(.*)$/;
// <rest> of ingress-nginx: request_length request_time [upstream] [alternative] upstream_addr ...
const INGRESS_REST = /^ \d+ (\d+(?:\.\d+)?) \[([^\]]*)\] \[[^\]]*\]/;
const TRAILING_SECONDS = /^ (\d+(?:\.\d+)?)\s*$/;

export function parseAccessLine(line: string): AccessRecord | null {
  const m = COMBINED.exec(line);
  if (!m) return null;
  const status = Number(m[1]);
  if (status < 100 || status > 599) return null;
  const rest = m[2];
  const ingress = INGRESS_REST.exec(rest);
  if (ingress) {
    // An upstream of "" or "upstream-default-backend" served nothing of the user's: no service to charge.
    const upstream = ingress[2] && ingress[2] !== "upstream-default-backend" ? ingress[2] : null;
    return { status, ms: seconds(ingress[1]), upstream };
  }
  const trailing = TRAILING_SECONDS.exec(rest);
  return { status, ms: trailing ? seconds(trailing[1]) : null, upstream: null };
}

function seconds(text: string): number | null {
  const s = Number(text);
  return Number.isFinite(s) && s >= 0 ? Math.round(s * 1000) : null;
}

// A request failed the user when the server answered 5xx; 4xx is the client's own mistake and spends no
// error budget (the SRE Workbook's request-success SLI).
export const isServerError = (status: number) => status >= 500;

// Latency is counted in fixed buckets, as Prometheus histograms are: a latency SLO's threshold must be
// one of these bounds, so any such SLO can be answered from the stored minutes without re-reading logs.
export const LATENCY_BOUNDS_MS = [50, 100, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000] as const;

export type RequestMinute = { ts: number; total: number; errors: number; timed: number; /** Cumulative: requests ≤ bound i. */ le: number[] };

export function emptyMinute(ts: number): RequestMinute {
  return { ts, total: 0, errors: 0, timed: 0, le: LATENCY_BOUNDS_MS.map(() => 0) };
}

export function addRequest(minute: RequestMinute, r: AccessRecord): void {
  minute.total++;
  if (isServerError(r.status)) minute.errors++;
  if (r.ms === null) return;
  minute.timed++;
  for (let i = 0; i < LATENCY_BOUNDS_MS.length; i++) if (r.ms <= LATENCY_BOUNDS_MS[i]) minute.le[i]++;
}

// ingress-nginx names an upstream namespace-service-port; names and named ports may all contain dashes,
// so the name is matched against the Services that exist (keyed "namespace-service") rather than split.
export function resolveUpstream(upstream: string, services: ReadonlyMap<string, string>): string | undefined {
  for (let cut = upstream.lastIndexOf("-"); cut > 0; cut = upstream.lastIndexOf("-", cut - 1)) {
    const found = services.get(upstream.slice(0, cut));
    if (found) return found;
  }
  return undefined;
}
