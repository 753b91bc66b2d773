import { isHttpUrl } from "../domain/is-http-url.ts";

// UPTRUST_PROMETHEUS_URLS as lib/env.ts reads it: cluster=URL pairs, comma-separated (see prometheus-for.ts).

/** UPTRUST_PROMETHEUS_URLS as cluster name → URL, or the first mistake in words that say how to write it. */
export function parsePrometheusUrls(value: string): { ok: true; urls: Map<string, string> } | { ok: false; error: string } {
  const urls = new Map<string, string>();
  for (const entry of value.split(",").map((e) => e.trim()).filter(Boolean)) {
    const at = entry.indexOf("=");
    const [cluster, url] = at < 0 ? [entry, ""] : [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
    if (!cluster || !url) {
      return { ok: false, error: `"${entry}" is not cluster=URL: write e.g. prod=http://prometheus.prod:9090,staging=http://prometheus.staging:9090` };
    }
    if (!isHttpUrl(url)) return { ok: false, error: `${cluster}'s Prometheus "${url}" is not an http(s) URL` };
    if (urls.has(cluster)) return { ok: false, error: `${cluster} is listed twice` };
    urls.set(cluster, url);
  }
  return { ok: true, urls };
}
