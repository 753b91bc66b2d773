import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { DEPLOY_DIR, parseObjects, type K8sObject } from "./rendered-manifests.ts";

// The real helm (v3.17.2, the official binary) that scripts/install-helm.sh puts at .uptrust/tools/helm; npm test's
// first step installs it. Absent, the tests of the chart fail saying so: a chart nobody rendered is not tested.

const ROOT = join(DEPLOY_DIR, "..");
export const HELM = join(ROOT, ".uptrust", "tools", "helm");
/** The line deploy/manifests/uptrust.yaml is rendered with (scripts/render-manifests.sh). */
export const MANIFESTS_LINE = "helm template uptrust deploy/helm/uptrust -n uptrust --set clusterName=my-cluster";

// Helm's own cache and config go to a scratch directory, not the home of whoever runs the tests.
const home = mkdtempSync(join(tmpdir(), "uptrust-helm-"));

export type HelmRun = { stdout: string; stderr: string; code: number };

const helmEnv = () => ({ ...process.env, HELM_CACHE_HOME: join(home, "cache"), HELM_CONFIG_HOME: join(home, "config"), HELM_DATA_HOME: join(home, "data") });

function requireHelm(): void {
  if (!existsSync(HELM)) {
    throw new Error(`helm is not at ${HELM}: run bash scripts/install-helm.sh (npm test does, in scripts/test-prerequisites.sh)`);
  }
}

export function helm(args: string[]): HelmRun {
  requireHelm();
  const run = spawnSync(HELM, args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 30_000,
    env: helmEnv(),
  });
  if (run.error) throw run.error;
  return { stdout: run.stdout, stderr: run.stderr, code: run.status ?? 1 };
}

/** helm without blocking the event loop: for commands that reach a cluster served from this process (the emulator). */
export function helmAsync(args: string[]): Promise<HelmRun> {
  requireHelm();
  return new Promise((resolve) => {
    execFile(HELM, args, { cwd: ROOT, timeout: 30_000, env: helmEnv() }, (err, stdout, stderr) =>
      resolve({ stdout, stderr, code: err ? (typeof err.code === "number" ? err.code : 1) : 0 }),
    );
  });
}

/** `helm template` of the chart; throws with helm's own words when it refuses. */
export function helmTemplate(release: string, namespace: string, ...more: string[]): K8sObject[] {
  const run = helm(["template", release, "deploy/helm/uptrust", "-n", namespace, ...more]);
  if (run.code !== 0) throw new Error(`helm template failed: ${run.stderr}`);
  return parseObjects(run.stdout);
}

/**
 * A platform team's install: an external PostgreSQL, the company's OpenID Provider, Alertmanager, Prometheus, and
 * notifications to Slack, PagerDuty's EU region and a webhook on an internal port, through the company's egress range;
 * reached through the company's nginx Ingress with a cert-manager certificate.
 */
export const PLATFORM_VALUES = {
  clusterName: "prod-eu-1",
  url: "https://uptrust.corp.example",
  database: { url: { secretKeyRef: { name: "pg-external", key: "dsn" } }, port: 6432, cidrs: ["10.20.0.0/16"] },
  oidc: {
    issuer: "https://sso.corp.example/realms/ops",
    clientId: { secretKeyRef: { name: "sso", key: "id" } },
    clientSecret: { secretKeyRef: { name: "sso", key: "secret" } },
    scope: "offline_access groups",
    port: 8443,
  },
  alertmanagerToken: { secretKeyRef: { name: "uptrust-auth", key: "alertmanager-token" } },
  llmApiKey: { secretKeyRef: { name: "uptrust-auth", key: "llm-api-key" } },
  prometheus: {
    url: "http://prometheus-server.monitoring:9090",
    clusterLabel: "cluster",
    to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } }],
  },
  notifications: {
    publicUrl: "https://reliability.corp.example",
    slackWebhookUrl: { secretKeyRef: { name: "uptrust-notify", key: "slack-webhook-url" } },
    pagerdutyRoutingKey: { secretKeyRef: { name: "uptrust-notify", key: "pagerduty-routing-key" } },
    pagerdutyEventsUrl: "https://events.eu.pagerduty.com/v2/enqueue",
    webhookUrl: "http://hooks.tools.svc:8080/uptrust",
    webhookSecret: { secretKeyRef: { name: "uptrust-notify", key: "webhook-secret" } },
    to: [{ ipBlock: { cidr: "198.51.100.0/24" } }],
  },
  web: { extraEgress: [{ to: [{ ipBlock: { cidr: "192.0.2.10/32" } }], ports: [{ protocol: "TCP", port: 8080 }] }] },
  ingress: { enabled: true, className: "nginx", annotations: { "cert-manager.io/cluster-issuer": "letsencrypt" }, tlsSecretName: "uptrust-tls" },
};

/** A values file (helm -f) holding these values. */
export function writeValues(values: object): string {
  const path = join(mkdtempSync(join(tmpdir(), "uptrust-values-")), "values.yaml");
  writeFileSync(path, stringify(values));
  return path;
}
