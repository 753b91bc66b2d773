import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env.ts";
import { loadSecretFiles, SECRET_VARIABLES } from "@/lib/secret-files.ts";
import { settingsRead } from "@/scripts/settings-read.ts";
import { helm, helmTemplate, MANIFESTS_LINE, PLATFORM_VALUES, writeValues } from "./testing/helm.ts";
import { chartFile, DEPLOY_DIR, parseObjects, type K8sObject } from "./testing/rendered-manifests.ts";

// The chart rendered by the real helm (scripts/install-helm.sh), and deploy/manifests/uptrust.yaml held equal to what
// it renders with the line at the top of that file; then what the rendered objects mean for someone installing them.

type Values = {
  image: { repository: string; tag: string };
  url: string;
  podSecurityContext: unknown;
  securityContext: unknown;
  database: { port: number };
  apiServer: { ports: number[] };
  web: { port: number; resources: unknown };
  ingest: { metricsPort: number; resources: unknown };
  analyze: { metricsPort: number; resources: unknown };
  migrate: { resources: unknown };
};
type Env = { name: string; value?: string; valueFrom?: unknown };
type Container = { image: string; command: string[]; securityContext: unknown; resources: unknown; ports?: { containerPort: number }[]; env?: Env[] };
type Projection = { secret: { name: string; items: { key: string; path: string }[] } };
type PodSpec = {
  automountServiceAccountToken?: boolean;
  securityContext: unknown;
  containers: Container[];
  volumes: { name: string; projected?: { sources: Projection[] } }[];
};
type Peer = Record<string, unknown>;
type Rule = { ports: { protocol: string; port: number }[]; to?: Peer[] };
type Policy = K8sObject & { spec: { ingress: Rule[]; egress: Rule[] } };

const values = chartFile<Values>("values.yaml");
const manifestsText = readFileSync(join(DEPLOY_DIR, "manifests", "uptrust.yaml"), "utf8");
const objects = helmTemplate("uptrust", "uptrust", "--set", "clusterName=my-cluster");
const component = (o: K8sObject) => o.metadata.labels?.["app.kubernetes.io/component"] ?? "";
const podSpec = (o: K8sObject) => (o.spec as { template: { spec: PodSpec } }).template.spec;
const workloadsOf = (objs: K8sObject[]) => objs.filter((o) => o.kind === "Deployment" || o.kind === "Job");
const workloadOf = (objs: K8sObject[], c: string) => workloadsOf(objs).find((w) => component(w) === c)!;
const envOf = (objs: K8sObject[], c: string) => podSpec(workloadOf(objs, c)).containers[0].env ?? [];
const policyOf = (objs: K8sObject[], c: string) => objs.find((o) => o.kind === "NetworkPolicy" && component(o) === c) as Policy;
const egress = (objs: K8sObject[], c: string) =>
  policyOf(objs, c).spec.egress.map((r) => ({ ports: r.ports.map((p) => `${p.protocol}/${p.port}`), to: r.to }));
// The settings a component starts with once Uptrust has read its secret files (named here by file: content).
const settingsOf = (objs: K8sObject[], c: string, secretValues: Record<string, string>) => {
  const env: Record<string, string | undefined> = Object.fromEntries(envOf(objs, c).map((e) => [e.name, e.value]));
  loadSecretFiles(env, (path) => secretValues[basename(path)]);
  return parseEnv(env);
};
// Where each component's secrets come from: file name in /var/run/secrets/uptrust → "Secret/key".
const secretFiles = (objs: K8sObject[], c: string) =>
  Object.fromEntries(
    podSpec(workloadOf(objs, c))
      .volumes.flatMap((v) => v.projected?.sources ?? [])
      .flatMap((s) => s.secret.items.map((i) => [i.path, `${s.secret.name}/${i.key}`])),
  );

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

describe("the chart with an external PostgreSQL, a company OpenID Provider, Alertmanager, Prometheus and notifications", () => {
  const valuesFile = writeValues(PLATFORM_VALUES);
  const custom = helmTemplate("sre", "reliability", "-f", valuesFile);
  // What the platform team's Secrets hold, by the name of the file each key is mounted as.
  const secretValues: Record<string, string> = {
    "database-url": "postgresql://uptrust:pw@pg.databases:6432/uptrust",
    "auth-secret": "0123456789abcdef0123456789abcdef0123",
    "oidc-client-id": "uptrust",
    "oidc-client-secret": "from-the-provider",
    "metrics-token": "prometheus-scrapes-with-this",
    "alertmanager-token": "alertmanager-posts-with-this",
    "llm-api-key": "sk-from-the-llm-provider",
    "slack-webhook-url": "https://hooks.slack.com/services/T000/B000/XXXXXXXX",
    "pagerduty-routing-key": "0123456789abcdef0123456789abcdef",
    "webhook-secret": "a-webhook-signing-secret-of-32-chars",
  };

  it("mounts the PostgreSQL and OIDC Secrets it is given, the Alertmanager token into web alone, the channels' into analyze alone", () => {
    expect(secretFiles(custom, "web")).toEqual({
      "database-url": "pg-external/dsn",
      "auth-secret": "uptrust-auth/auth-secret",
      "oidc-client-id": "sso/id",
      "oidc-client-secret": "sso/secret",
      "metrics-token": "uptrust-auth/metrics-token",
      "alertmanager-token": "uptrust-auth/alertmanager-token",
      "llm-api-key": "uptrust-auth/llm-api-key",
    });
    expect(secretFiles(custom, "analyze")).toEqual({
      "database-url": "pg-external/dsn",
      "auth-secret": "uptrust-auth/auth-secret",
      "slack-webhook-url": "uptrust-notify/slack-webhook-url",
      "pagerduty-routing-key": "uptrust-notify/pagerduty-routing-key",
      "webhook-secret": "uptrust-notify/webhook-secret",
    });
    for (const c of ["ingest", "migrate"]) expect(secretFiles(custom, c), c).toEqual({ "database-url": "pg-external/dsn" });
    expect(custom.filter((o) => o.kind === "Deployment").map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      "reliability/sre-uptrust-web",
      "reliability/sre-uptrust-ingest",
      "reliability/sre-uptrust-analyze",
    ]);
  });

  it("starts each process with settings Uptrust accepts: the provider, the Prometheus for analyze alone, the mounted secrets", () => {
    const settings = (c: string) => settingsOf(custom, c, secretValues);
    const web = settings("web");
    expect([web.AUTH_OIDC_ISSUER, web.AUTH_OIDC_ID, web.AUTH_OIDC_SCOPE, web.UPTRUST_ALERTMANAGER_TOKEN, web.UPTRUST_PROMETHEUS_URL]).toEqual([
      "https://sso.corp.example/realms/ops",
      "uptrust",
      "offline_access groups",
      "alertmanager-posts-with-this",
      undefined,
    ]);
    const { DATABASE_URL, UPTRUST_PROMETHEUS_URL, UPTRUST_PROMETHEUS_CLUSTER_LABEL, UPTRUST_ALERTMANAGER_TOKEN } = settings("analyze");
    expect([DATABASE_URL, UPTRUST_PROMETHEUS_URL, UPTRUST_PROMETHEUS_CLUSTER_LABEL, UPTRUST_ALERTMANAGER_TOKEN]).toEqual([
      "postgresql://uptrust:pw@pg.databases:6432/uptrust",
      "http://prometheus-server.monitoring:9090",
      "cluster",
      undefined,
    ]);
    expect(settings("ingest").UPTRUST_CLUSTER_NAME).toBe("prod-eu-1");
  });

  it("gives analyze the channels, the links' URL and the web app's AUTH_SECRET (the key admins' channel secrets are sealed with)", () => {
    const analyze = settingsOf(custom, "analyze", secretValues);
    expect({
      publicUrl: analyze.UPTRUST_PUBLIC_URL,
      slack: analyze.UPTRUST_SLACK_WEBHOOK_URL,
      pagerduty: [analyze.UPTRUST_PAGERDUTY_ROUTING_KEY, analyze.UPTRUST_PAGERDUTY_EVENTS_URL],
      webhook: [analyze.UPTRUST_WEBHOOK_URL, analyze.UPTRUST_WEBHOOK_SECRET],
    }).toEqual({
      publicUrl: "https://reliability.corp.example",
      slack: "https://hooks.slack.com/services/T000/B000/XXXXXXXX",
      pagerduty: ["0123456789abcdef0123456789abcdef", "https://events.eu.pagerduty.com/v2/enqueue"],
      webhook: ["http://hooks.tools.svc:8080/uptrust", "a-webhook-signing-secret-of-32-chars"],
    });
    // The same Secret's key as the web app's, so both derive the same key.
    expect(analyze.AUTH_SECRET).toBe(secretValues["auth-secret"]);
    expect(secretFiles(custom, "analyze")["auth-secret"]).toBe(secretFiles(custom, "web")["auth-secret"]);
    // Without notifications.publicUrl, links point where people sign in (url); analyze has AUTH_SECRET with the defaults too.
    const defaults = settingsOf(objects, "analyze", secretValues);
    expect([defaults.UPTRUST_PUBLIC_URL, defaults.AUTH_SECRET, defaults.UPTRUST_SLACK_WEBHOOK_URL]).toEqual([
      values.url,
      secretValues["auth-secret"],
      undefined,
    ]);
  });

  it("lets each component out only to where it was told: PostgreSQL's range, the provider's port, Prometheus, the extra rule", () => {
    const dns = { ports: ["UDP/53", "TCP/53"], to: undefined };
    const postgres = { ports: ["TCP/6432"], to: [{ ipBlock: { cidr: "10.20.0.0/16" } }] };
    const extra = { ports: ["TCP/8080"], to: [{ ipBlock: { cidr: "192.0.2.10/32" } }] };
    expect(egress(custom, "web")).toEqual([dns, postgres, { ports: ["TCP/8443"], to: undefined }, extra]);
    expect(egress(custom, "analyze")).toEqual([
      dns,
      postgres,
      { ports: ["TCP/9090"], to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } }] },
      // Slack's and PagerDuty's 443, and the webhook's own port, through the company's egress range.
      { ports: ["TCP/443", "TCP/8080"], to: [{ ipBlock: { cidr: "198.51.100.0/24" } }] },
    ]);
    expect(egress(custom, "ingest")).toEqual([dns, postgres, { ports: ["TCP/443", "TCP/6443"], to: undefined }]);
    expect(egress(custom, "migrate")).toEqual([dns, postgres]);
  });

  it("refuses the default namespace with the chart's own words unless allowDefaultNamespace is set", () => {
    const refused = helm(["template", "uptrust", "deploy/helm/uptrust", "-n", "default", "-f", valuesFile]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      "install Uptrust in a namespace of its own (helm install -n uptrust --create-namespace), or set allowDefaultNamespace=true",
    );
    const allowed = helmTemplate("uptrust", "default", "-f", valuesFile, "--set", "allowDefaultNamespace=true");
    expect(new Set(allowed.filter((o) => o.metadata.namespace).map((o) => o.metadata.namespace))).toEqual(new Set(["default"]));
  });

  it("mounts into each process every secret setting its code reads (plain ones go through `env`), so tomorrow's is not forgotten", () => {
    const read = settingsRead();
    const unmounted = (["web", "ingest", "analyze", "migrate"] as const).flatMap((c) => {
      const files = envOf(custom, c).map((e) => e.name.replace(/_FILE$/, ""));
      const secrets = read[c].filter((n) => (SECRET_VARIABLES as readonly string[]).includes(n));
      return secrets.filter((n) => !files.includes(n)).map((n) => `${c} reads ${n}, which the chart cannot mount as a file`);
    });
    expect(unmounted).toEqual([]);
    expect(settingsOf(custom, "web", secretValues).UPTRUST_LLM_API_KEY).toBe("sk-from-the-llm-provider");
  });

  it("lets analyze out to admins' channels only when asked (adminChannels), and refuses a webhook without its secret", () => {
    const admin = helmTemplate("u", "uptrust", "--set", "clusterName=c", "--set", "notifications.adminChannels=true");
    expect(egress(admin, "analyze").slice(2)).toEqual([{ ports: ["TCP/443"], to: undefined }]);
    const refusal = (...sets: string[]) =>
      helm(["template", "u", "deploy/helm/uptrust", "-n", "uptrust", "--set", ["clusterName=c", ...sets].join(",")]);
    expect(refusal("notifications.webhookUrl=https://hooks.example")).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("notifications.webhookUrl needs notifications.webhookSecret"),
    });
    expect(refusal("notifications.webhookSecret.secretKeyRef.name=s", "notifications.webhookSecret.secretKeyRef.key=k")).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("notifications.webhookSecret signs messages to notifications.webhookUrl: set the URL too"),
    });
  });

  it("gives analyze a Prometheus per watched cluster, and lets it out to each one's port once", () => {
    const urls = { prod: "http://prometheus.prod.example.com:9090", edge: "https://prometheus.edge.example.com", lab: "http://prom.lab:9090" };
    const rendered = helmTemplate("u", "uptrust", "-f", valuesFile, "--set-json", `prometheus.urls=${JSON.stringify(urls)}`);
    const analyze = settingsOf(rendered, "analyze", secretValues);
    expect([...(analyze.UPTRUST_PROMETHEUS_URLS ?? new Map()).entries()].sort()).toEqual(Object.entries(urls).sort());
    expect(analyze.UPTRUST_PROMETHEUS_URL).toBe("http://prometheus-server.monitoring:9090");
    expect(settingsOf(rendered, "web", secretValues).UPTRUST_PROMETHEUS_URLS).toBeUndefined();
    expect(egress(rendered, "analyze")[2]).toEqual({
      ports: ["TCP/9090", "TCP/443"], to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } }],
    });
  });

  it("routes url's host to the web pods through an Ingress of the team's class and certificate, and only when asked", () => {
    type Ingress = K8sObject & {
      spec: { ingressClassName?: string; tls?: unknown[]; rules: { host: string; http: { paths: { path: string; pathType: string; backend: unknown }[] } }[] };
    };
    type Service = K8sObject & { spec: { selector: Record<string, string>; ports: { name: string; targetPort: string }[] } };
    const ingresses = custom.filter((o) => o.kind === "Ingress") as Ingress[];
    expect(ingresses).toHaveLength(1);
    const [ingress] = ingresses;
    expect(ingress.metadata.annotations).toEqual({ "cert-manager.io/cluster-issuer": "letsencrypt" });
    expect(ingress.spec.ingressClassName).toBe("nginx");
    expect(ingress.spec.tls).toEqual([{ hosts: ["uptrust.corp.example"], secretName: "uptrust-tls" }]);
    expect(ingress.spec.rules).toEqual([
      { host: "uptrust.corp.example", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "sre-uptrust-web", port: { name: "http" } } } }] } },
    ]);
    // The backend is the Service in front of the web pods, by a port that Service has.
    const service = custom.find((o) => o.kind === "Service" && o.metadata.name === "sre-uptrust-web") as Service;
    expect(service.spec.ports.map((p) => p.name)).toContain("http");
    const webLabels = (workloadOf(custom, "web").spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
    expect(webLabels).toMatchObject(service.spec.selector);

    expect(objects.filter((o) => o.kind === "Ingress")).toEqual([]);
    const withPath = helm(["template", "u", "deploy/helm/uptrust", "-n", "uptrust", "-f", valuesFile, "--set", "url=https://tools.corp.example/uptrust"]);
    expect([withPath.code, withPath.stderr]).toEqual([
      1,
      expect.stringContaining("url https://tools.corp.example/uptrust has a path: Uptrust serves from a host's root, so set url to https://tools.corp.example"),
    ]);
  });

  it("refuses a Prometheus cluster label without a Prometheus, and an install without a cluster name", () => {
    const label = helm(["template", "u", "deploy/helm/uptrust", "-n", "uptrust", "--set", "clusterName=c", "--set", "prometheus.clusterLabel=cluster"]);
    expect([label.code, label.stderr]).toEqual([1, expect.stringContaining("prometheus.clusterLabel needs prometheus.url")]);
    const unnamed = helm(["template", "uptrust", "deploy/helm/uptrust", "-n", "uptrust"]);
    expect([unnamed.code, unnamed.stderr]).toEqual([1, expect.stringContaining("clusterName is required: the name this cluster has in Uptrust")]);
  });
});
