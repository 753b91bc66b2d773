import { z } from "zod";

// What the OpenSLO and Sloth readers share: names as Kubernetes writes them, the metric sources Uptrust can
// ask, and a way to report a problem at a field of the document being read.

export type Located = (path: (string | number)[], message: string) => void;

export const name = z.string().regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be a DNS label: lower-case letters, digits and '-', at most 63");
export const query = z.string().min(1, "must be a non-empty query");

export function reportIssues(error: z.ZodError, problem: Located): void {
  for (const i of error.issues) problem(i.path as (string | number)[], i.message);
}

// Metric sources that answer PromQL, which Uptrust asks one value a minute; "Uptrust" names its own SLIs.
// A source type is free text in OpenSLO, so it is compared without case or separators.
const PROMQL_SOURCES = ["prometheus", "amazonprometheus", "googlemanagedprometheus", "thanos", "cortex", "mimir", "victoriametrics"];
const key = (type: string) => type.toLowerCase().replace(/[^a-z]/g, "");

export function unsupportedSource(type: string | undefined): string | null {
  if (type === undefined || key(type) === "uptrust" || PROMQL_SOURCES.includes(key(type))) return null;
  return `metric source type "${type}" is not one Uptrust can query: use type Prometheus (or Thanos, Cortex, Mimir, VictoriaMetrics) with a PromQL query, or type Uptrust with availability, success or latency`;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");

// A document of a kind Uptrust does not read, named as kubectl would name it.
export function notAnSlo(document: number, apiVersion: string, kind: unknown): string {
  const what = typeof kind === "string" && kind ? `${apiVersion} ${kind}` : `${apiVersion} object without a kind`;
  return `document ${document} is ${article(what)} ${what}, not an SLO: Uptrust imports OpenSLO (apiVersion openslo/v1 or openslo/v1alpha) and Sloth (version prometheus/v1, or apiVersion sloth.slok.dev/v1 kind PrometheusServiceLevel); import this file without it`;
}
