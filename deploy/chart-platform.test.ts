import { describe, expect, it } from "vitest";
import { SECRET_VARIABLES } from "@/lib/secret-files.ts";
import { settingsRead } from "@/scripts/settings-read.ts";
import { chartValues, defaultRender, egress, envOf, secretFiles, settingsOf, workloadOf } from "./testing/chart-objects.ts";
import { helm, helmTemplate, PLATFORM_VALUES, writeValues } from "./testing/helm.ts";
import type { K8sObject } from "./testing/rendered-manifests.ts";

// The chart rendered by the real helm with the values a platform team gives it (deploy/testing/helm.ts's PLATFORM_VALUES),
// and what it refuses, in its own words.

const values = chartValues();
const objects = defaultRender();

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

  it("gives the Prometheus Operator one ServiceMonitor that scrapes each component's /metrics once, the web's with the metrics token", () => {
    type Endpoint = { port: string; path: string; authorization?: { type: string; credentials: { name: string; key: string } } };
    type Monitor = K8sObject & {
      spec: { selector: { matchLabels: Record<string, string>; matchExpressions: { key: string; operator: string; values: string[] }[] }; endpoints: Endpoint[] };
    };
    type Service = K8sObject & { spec: { ports: { name: string }[] } };
    const rendered = helmTemplate("sre", "reliability", "-f", valuesFile, "--set", "serviceMonitor.enabled=true", "--set", "serviceMonitor.labels.release=kps");
    const monitors = rendered.filter((o) => o.kind === "ServiceMonitor") as Monitor[];
    expect(monitors).toHaveLength(1);
    const [{ metadata, spec }] = monitors;
    expect(metadata.labels?.release).toBe("kps");
    // The Services the selector picks, as the operator reads it, and the endpoints each one keeps (those whose port it has).
    const picked = (rendered.filter((o) => o.kind === "Service") as Service[]).filter((svc) => {
      const labels = svc.metadata.labels ?? {};
      return Object.entries(spec.selector.matchLabels).every(([k, v]) => labels[k] === v)
        && spec.selector.matchExpressions.every((e) => e.operator === "In" && e.values.includes(labels[e.key]));
    });
    const scraped = Object.fromEntries(picked.map((svc) => [svc.metadata.name, spec.endpoints.filter((e) => svc.spec.ports.some((p) => p.name === e.port))]));
    const token = secretFiles(custom, "web")["metrics-token"].split("/");
    expect(scraped).toEqual({
      "sre-uptrust-web": [{ port: "http", path: "/metrics", interval: "30s", authorization: { type: "Bearer", credentials: { name: token[0], key: token[1] } } }],
      "sre-uptrust-ingest-metrics": [{ port: "metrics", path: "/metrics", interval: "30s" }],
      "sre-uptrust-analyze-metrics": [{ port: "metrics", path: "/metrics", interval: "30s" }],
    });

    expect(objects.filter((o) => o.kind === "ServiceMonitor")).toEqual([]);
    const tokenless = helm(["template", "u", "deploy/helm/uptrust", "-n", "uptrust", "--set", "clusterName=c,serviceMonitor.enabled=true,metricsToken=null"]);
    expect([tokenless.code, tokenless.stderr]).toEqual([1, expect.stringContaining("serviceMonitor needs metricsToken (a secretKeyRef)")]);
  });

  it("refuses a Prometheus cluster label without a Prometheus, and an install without a cluster name", () => {
    const label = helm(["template", "u", "deploy/helm/uptrust", "-n", "uptrust", "--set", "clusterName=c", "--set", "prometheus.clusterLabel=cluster"]);
    expect([label.code, label.stderr]).toEqual([1, expect.stringContaining("prometheus.clusterLabel needs prometheus.url")]);
    const unnamed = helm(["template", "uptrust", "deploy/helm/uptrust", "-n", "uptrust"]);
    expect([unnamed.code, unnamed.stderr]).toEqual([1, expect.stringContaining("clusterName is required: the name this cluster has in Uptrust")]);
  });
});
