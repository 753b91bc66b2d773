import { notAnSlo, type Located } from "./import-fields.ts";
import { readDataSource, readOpenSloV1, readSli, type Measure, type OpenSloRefs } from "./openslo-v1.ts";
import { readOpenSloV1alpha } from "./openslo-v1alpha.ts";
import { readSlothFile, readSlothResource } from "./sloth.ts";
import { readDocuments, type SourceDocument } from "./yaml-documents.ts";

// SLOs as SREs already write them, OpenSLO (v1, and v1alpha as Sloth reads it) and Sloth (its plain file and
// its Kubernetes resource), read into one definition Uptrust evaluates. Every document is read, acknowledged
// with a note, or refused with a problem naming the document, the line and the field: an import either takes
// a whole file or tells exactly what to fix, and never succeeds having dropped something.

export type SloWindow = { kind: "rolling"; days: number } | { kind: "calendar"; unit: "week" | "month" | "quarter" | "year" };
export type BudgetingMethod = "Occurrences" | "Timeslices" | "RatioTimeslices";
// `sourceType` is the metric source's type as written (Prometheus, Uptrust, …); Sloth's is Prometheus.
export type SloIndicator =
  | { kind: "ratio"; good?: string; bad?: string; total: string; sourceType?: string }
  /** One query that is itself the error ratio (Sloth raw, OpenSLO rawType failure) or the good ratio. */
  | { kind: "raw"; query: string; ratio: "error" | "good"; sourceType?: string }
  | { kind: "threshold"; query: string; op: "lt" | "lte" | "gt" | "gte"; value: number; sourceType?: string };

export type SloDefinition = {
  source: "openslo" | "sloth";
  name: string;
  service: string;
  /** 0.999 for 99.9 %. */
  target: number;
  window: SloWindow;
  budgeting: BudgetingMethod;
  /** Timeslices: the slice length, and the share of good events that makes a slice good (not for RatioTimeslices). */
  timeslice?: { target?: number; windowSeconds: number };
  indicator: SloIndicator;
  /** Where the file defines it (the Sloth SLO or the OpenSLO objective), for problems found after reading. */
  at: { document: number; line: number };
};
/** A definition as a reader returns it: where in its document it is, as a path. */
export type ReadSlo = Omit<SloDefinition, "at"> & { path: (string | number)[] };

export type ImportProblem = { document: number; line: number; field: string; message: string };
/** Notes say what was read but not used (a Service, an AlertPolicy, Sloth's alerting), so nothing vanishes unsaid. */
export type ImportResult = { slos: SloDefinition[]; problems: ImportProblem[]; notes: ImportProblem[] };

// OpenSLO kinds read for what an SLO refers to, or acknowledged: Uptrust alerts from its own burn rates.
const ACKNOWLEDGED: Record<string, string> = {
  Service: "understood: SLOs name their service, which Uptrust matches to a workload",
  AlertPolicy: "not used: Uptrust raises page and ticket alerts from its own multi-window burn rates",
  AlertCondition: "not used: Uptrust raises page and ticket alerts from its own multi-window burn rates",
  AlertNotificationTarget: "not used: Uptrust's alerts show on the cockpit and its incidents",
};

export function importSlos(text: string): ImportResult {
  const { documents, problems } = readDocuments(text);
  const notes: ImportProblem[] = [];
  const slos: SloDefinition[] = [];
  const at = (d: SourceDocument): Located => (path, message) => problems.push({ document: d.document, line: d.line(path), field: path.join("."), message });
  const place = (d: SourceDocument, read: ReadSlo[]) => read.map(({ path, ...s }) => ({ ...s, at: { document: d.document, line: d.line(path) } }));
  const note = (d: SourceDocument, message: string) => notes.push({ document: d.document, line: d.line([]), field: "", message });
  const openSlo = documents.filter((d) => isMapping(d.value) && d.value.apiVersion === "openslo/v1");
  const refs = openSloRefs(openSlo, at, note);
  for (const d of documents) {
    const value = d.value;
    if (!isMapping(value)) {
      at(d)([], "must be a mapping: an OpenSLO document (apiVersion: openslo/v1) or a Sloth file (version: prometheus/v1)");
      continue;
    }
    const { apiVersion, kind } = value;
    const kindName = typeof kind === "string" && kind ? kind : "object without a kind";
    if (apiVersion === "openslo/v1") {
      if (kind === "SLO") slos.push(...place(d, readOpenSloV1(value, at(d), refs)));
      else if (!["SLI", "DataSource", ...Object.keys(ACKNOWLEDGED)].includes(kind as string)) {
        at(d)(["kind"], `document ${d.document} is an OpenSLO ${kindName}, a kind Uptrust does not read: it imports SLO, SLI, DataSource and Service`);
      }
    } else if (apiVersion === "openslo/v1alpha") {
      if (kind === "SLO") slos.push(...place(d, readOpenSloV1alpha(value, at(d))));
      else if (kind === "Service") note(d, `OpenSLO v1alpha Service ${nameOf(value)}: ${ACKNOWLEDGED.Service}`);
      else at(d)(["kind"], `document ${d.document} is an OpenSLO v1alpha ${kindName}, a kind Uptrust does not read: it imports v1alpha SLO and Service`);
    } else if (apiVersion === "sloth.slok.dev/v1") {
      if (kind === "PrometheusServiceLevel" || kind === "ManagedPrometheusServiceLevel") slos.push(...place(d, readSlothResource(value, at(d), (m) => note(d, m))));
      else if (kind === "AlertWindows") note(d, "Sloth AlertWindows not used: Uptrust scales its burn-rate windows to each SLO's window");
      else at(d)(["kind"], notAnSlo(d.document, apiVersion, kind));
    } else if (typeof apiVersion === "string" && apiVersion.startsWith("openslo/")) {
      at(d)(["apiVersion"], `document ${d.document} is ${apiVersion}, a version of OpenSLO Uptrust does not read: write it as openslo/v1`);
    } else if (typeof apiVersion === "string") at(d)(["apiVersion"], notAnSlo(d.document, apiVersion, kind));
    else if ("version" in value) slos.push(...place(d, readSlothFile(value, at(d), (m) => note(d, m))));
    else at(d)([], `document ${d.document} is neither OpenSLO (apiVersion: openslo/v1) nor Sloth (version: prometheus/v1)`);
  }
  unusedSlis(openSlo, refs, note);
  const seen = new Set<string>();
  for (const s of slos) {
    const key = `${s.service}/${s.name}`;
    if (seen.has(key)) problems.push({ document: 0, line: 1, field: "name", message: `SLO ${key} is defined twice` });
    seen.add(key);
  }
  if (!problems.length && !slos.length) {
    problems.push({ document: 0, line: 1, field: "", message: "holds no SLO: add an OpenSLO kind: SLO document or a Sloth file with slos" });
  }
  return problems.length ? { slos: [], problems, notes } : { slos, problems, notes };
}

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const nameOf = (v: Record<string, unknown>) => String((isMapping(v.metadata) && v.metadata.name) || "(unnamed)");

// The DataSources and SLIs an OpenSLO import's SLOs may name, each read once (its problems reported once).
function openSloRefs(docs: readonly SourceDocument[], at: (d: SourceDocument) => Located, note: (d: SourceDocument, m: string) => void): OpenSloRefs {
  const refs: OpenSloRefs = { sources: new Map(), slis: new Map(), used: new Set() };
  for (const d of docs) {
    const value = d.value as Record<string, unknown>;
    if (value.kind === "DataSource") {
      const s = readDataSource(value, at(d));
      if (s) refs.sources.set(s.name, s.type);
    } else if (typeof value.kind === "string" && Object.hasOwn(ACKNOWLEDGED, value.kind)) note(d, `OpenSLO ${value.kind} ${nameOf(value)}: ${ACKNOWLEDGED[value.kind]}`);
  }
  for (const d of docs) {
    if ((d.value as Record<string, unknown>).kind !== "SLI") continue;
    // An SLI with problems of its own still exists: the SLOs naming it are not told it is missing.
    const sli = readSli(d.value, at(d), refs.sources);
    refs.slis.set(sli?.name ?? nameOf(d.value as Record<string, unknown>), (sli?.measure ?? null) satisfies Measure | null);
  }
  return refs;
}

// An SLI no SLO of the import refers to measures nothing: said, rather than read and forgotten.
function unusedSlis(docs: readonly SourceDocument[], refs: OpenSloRefs, note: (d: SourceDocument, m: string) => void): void {
  for (const d of docs) {
    const value = d.value as Record<string, unknown>;
    if (value.kind === "SLI" && refs.slis.has(nameOf(value)) && !refs.used.has(nameOf(value))) {
      note(d, `OpenSLO SLI ${nameOf(value)}: no SLO of this import refers to it (indicatorRef), so nothing measures it`);
    }
  }
}
