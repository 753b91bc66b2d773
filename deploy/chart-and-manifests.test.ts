import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { SECRET_VARIABLES } from "@/lib/secret-files.ts";
import { chartValues, component, defaultRender, egress, envOf, podSpec, policyOf, secretFiles, workloadOf, workloadsOf } from "./testing/chart-objects.ts";
import { helm, MANIFESTS_LINE } from "./testing/helm.ts";
import { DEPLOY_DIR, parseObjects, type K8sObject } from "./testing/rendered-manifests.ts";

// The chart rendered by the real helm (scripts/install-helm.sh) with its defaults, and deploy/manifests/uptrust.yaml held
// equal to what it renders with the line at the top of that file; then what the rendered objects mean for someone
// installing them. deploy/chart-platform.test.ts renders it with a platform team's values.

const values = chartValues();
const manifestsText = readFileSync(join(DEPLOY_DIR, "manifests", "uptrust.yaml"), "utf8");
const objects = defaultRender();

describe("the chart, rendered by the real helm", () => {
  it("lints clean, with its defaults and with the values an install gives", () => {
    const plain = helm(["lint", "deploy/helm/uptrust"]);
    expect(plain.code, plain.stdout + plain.stderr).toBe(0);
    expect(plain.stdout).toContain("1 chart(s) linted, 0 chart(s) failed");
    // With a namespace and a cluster name every template renders, so a template error would be an [ERROR] here.
    const strict = helm(["lint", "--strict", "deploy/helm/uptrust", "-n", "uptrust", "--set", "clusterName=my-cluster"]);
    expect(strict.code, strict.stdout + strict.stderr).toBe(0);
    expect(strict.stdout).not.toMatch(/\[(ERROR|WARNING)\]/);
    expect(strict.stderr).toBe("");
    // And with every optional object on: the Ingress and the ServiceMonitor.
    const optional = helm(["lint", "--strict", "deploy/helm/uptrust", "-n", "uptrust", "--set", "clusterName=c,ingress.enabled=true,serviceMonitor.enabled=true"]);
    expect(optional.code, optional.stdout + optional.stderr).toBe(0);
    expect(optional.stdout).not.toMatch(/\[(ERROR|WARNING)\]/);
  });

  it("renders, document by document, what deploy/manifests/uptrust.yaml holds, from the line written at its top", () => {
    expect(manifestsText.split("\n")[1]).toBe(`#   ${MANIFESTS_LINE}`);
    const run = helm(MANIFESTS_LINE.split(" ").slice(1));
    expect(run.stderr).toBe("");
    const stale = "deploy/manifests/uptrust.yaml is not what the chart renders: regenerate it with bash scripts/render-manifests.sh";
    const rendered = parseObjects(run.stdout);
    const inFile = parseObjects(manifestsText);
    const ids = (objs: K8sObject[]) => objs.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(ids(inFile), stale).toEqual(ids(rendered));
    rendered.forEach((o, i) => expect(inFile[i], `${stale} (${o.kind}/${o.metadata.name} differs)`).toEqual(o));
  });

  it("starts each process as docker-compose.yml does, with tsx run directly (npx would write to a read-only home)", () => {
    const compose = parse(readFileSync(join(DEPLOY_DIR, "..", "docker-compose.yml"), "utf8")) as { services: Record<string, { command: string[] }> };
    const direct = (command: string[]) => (command[0] === "npx" && command[1] === "tsx" ? ["node_modules/.bin/tsx", ...command.slice(2)] : command);
    const commands = Object.fromEntries(workloadsOf(objects).map((w) => [component(w), podSpec(w).containers[0].command]));
    expect(commands).toEqual({
      web: direct(compose.services.web.command),
      ingest: direct(compose.services.ingest.command),
      analyze: direct(compose.services.analyze.command),
      migrate: direct(compose.services.migrate.command),
    });
  });

  it("runs every container from the pinned image, as the Dockerfile's user, with values.yaml's securityContext and resources", () => {
    expect(values.image.tag).toMatch(/^\d+\.\d+\.\d+$/);
    const [, user, group] = /^USER (\d+):(\d+)$/m.exec(readFileSync(join(DEPLOY_DIR, "..", "Dockerfile"), "utf8")) ?? [];
    expect(values.podSecurityContext).toMatchObject({ runAsNonRoot: true, runAsUser: Number(user), runAsGroup: Number(group) });
    expect(Number(user)).toBeGreaterThan(0);
    const workloads = workloadsOf(objects);
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

  it("opens the ports values.yaml names, to the process and in each NetworkPolicy", () => {
    const ports = (c: string) => podSpec(workloadOf(objects, c)).containers.flatMap((x) => (x.ports ?? []).map((p) => p.containerPort));
    const env = (c: string, name: string) => envOf(objects, c).find((e) => e.name === name)?.value;
    expect([ports("web"), ports("ingest"), ports("analyze")]).toEqual([[values.web.port], [values.ingest.metricsPort], [values.analyze.metricsPort]]);
    expect([env("ingest", "UPTRUST_INGEST_METRICS_PORT"), env("analyze", "UPTRUST_ANALYZE_METRICS_PORT")]).toEqual([String(values.ingest.metricsPort), String(values.analyze.metricsPort)]);
    const inPorts = (c: string) => policyOf(objects, c).spec.ingress.flatMap((r) => r.ports.map((p) => p.port));
    expect([inPorts("web"), inPorts("ingest"), inPorts("analyze"), inPorts("migrate")]).toEqual([[values.web.port], [values.ingest.metricsPort], [values.analyze.metricsPort], []]);
    const outPorts = (c: string) => egress(objects, c).flatMap((r) => r.ports);
    const base = ["UDP/53", "TCP/53", `TCP/${values.database.port}`];
    expect(outPorts("ingest")).toEqual([...base, ...values.apiServer.ports.map((p) => `TCP/${p}`)]);
    expect(outPorts("analyze")).toEqual(base);
    expect(outPorts("migrate")).toEqual(base);
    expect(outPorts("web")).toEqual([...base, "TCP/443"]);
  });

  it("mounts a service-account token into ingest alone, and puts nothing in the default namespace", () => {
    const tokens = Object.fromEntries(workloadsOf(objects).map((w) => [component(w), podSpec(w).automountServiceAccountToken]));
    expect(tokens).toEqual({ web: false, ingest: true, analyze: false, migrate: false });
    const accounts = objects.filter((o) => o.kind === "ServiceAccount");
    expect(accounts.map((a) => [a.metadata.name, a.automountServiceAccountToken ?? true]).sort()).toEqual([
      ["uptrust-analyze", false],
      ["uptrust-ingest", true],
      ["uptrust-web", false],
    ]);
    const namespaced = objects.filter((o) => !["ClusterRole", "ClusterRoleBinding"].includes(o.kind));
    expect(new Set(namespaced.map((o) => o.metadata.namespace))).toEqual(new Set(["uptrust"]));
  });

  it("migrates before the release's other objects on install and upgrade", () => {
    const hooks = objects.filter((o) => o.metadata.annotations?.["helm.sh/hook"]);
    expect(hooks.map((o) => [o.kind, o.metadata.annotations!["helm.sh/hook"], o.metadata.annotations!["helm.sh/hook-weight"]]).sort()).toEqual([
      ["Job", "pre-install,pre-upgrade", "0"],
      ["NetworkPolicy", "pre-install,pre-upgrade", "-1"],
    ]);
  });

  it("reads every secret it mounts through a *_FILE variable Uptrust loads, and puts no secret in an env var", () => {
    for (const w of workloadsOf(objects)) {
      const env = podSpec(w).containers[0].env ?? [];
      expect(env.filter((e) => e.valueFrom && JSON.stringify(e.valueFrom).includes("secretKeyRef")), w.metadata.name).toEqual([]);
      const files = env.filter((e) => e.name.endsWith("_FILE"));
      const unread = files.map((e) => e.name.replace(/_FILE$/, "")).filter((n) => !(SECRET_VARIABLES as readonly string[]).includes(n));
      expect(unread, w.metadata.name).toEqual([]);
      expect(files.map((e) => basename(e.value!)).sort(), w.metadata.name).toEqual(Object.keys(secretFiles(objects, component(w))).sort());
    }
  });
});
