// Three hours of checkout traffic up to `now` as promtool backfills it (OpenMetrics): 10 requests a second, 6 of
// them failing (503) for the 15 minutes starting an hour before `now`; and the Sloth SLO a team writes on it.
const MIN = 60_000;

export function checkoutOutage(now: number) {
  const start = now - 3 * 60 * MIN;
  const outage = { from: now - 60 * MIN, to: now - 45 * MIN };
  const lines = ["# HELP http_requests_total Requests served.", "# TYPE http_requests_total counter"];
  const ok: string[] = [];
  const failed: string[] = [];
  let [served, errors] = [0, 0];
  for (let t = start; t <= now; t += 15_000) {
    ok.push(`http_requests_total{code="200",job="checkout"} ${served - errors} ${t / 1000}`);
    failed.push(`http_requests_total{code="503",job="checkout"} ${errors} ${t / 1000}`);
    served += 150;
    if (t >= outage.from && t < outage.to) errors += 90;
  }
  return { outage, history: [...lines, ...ok, ...failed, "# EOF", ""].join("\n"), sloth: SLOTH };
}

const SLOTH = `version: prometheus/v1
service: shop/checkout
slos:
  - name: requests-availability
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total{job="checkout"}[{{.window}}]))
`;
