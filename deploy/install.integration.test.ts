import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readGuardrailFacts } from "@/lib/db/analyze/read-guardrail-facts.ts";
import { getPool } from "@/lib/db/pool.ts";
import { rbacChecks } from "@/lib/domain/guardrails.ts";
import type { Emulator } from "@/workers/emulator/index.ts";
import { createReplayHarness, type Replay } from "@/workers/emulator/testing/replay-harness.ts";
import { helm, helmAsync, helmTemplate, PLATFORM_VALUES, writeValues } from "./testing/helm.ts";
import { kustomize, parseObjects, renderedManifests } from "./testing/rendered-manifests.ts";

// Uptrust installed on the demo cluster as an SRE installs it without helm: the Secrets it names by reference,
// then `kubectl kustomize deploy/manifests | kubectl create -f -`; beside it, in namespace reliability, what the real
// helm renders for a platform team (external PostgreSQL, OIDC, Alertmanager, Prometheus, notifications, two analyze replicas). The
// cluster must accept every object, and Uptrust, watching that cluster through the real ingest worker and analyzer,
// must find no danger in either install.

const cache = join(mkdtempSync(join(tmpdir(), "uptrust-install-")), "cache");
type Run = { stdout: string; stderr: string; code: number };
const kubectl = (emu: Emulator, args: string[], input?: string) =>
  new Promise<Run>((resolve) => {
    const child = execFile("kubectl", ["--kubeconfig", emu.kubeconfigPath!, "--cache-dir", cache, ...args], { timeout: 20_000 }, (err, stdout, stderr) =>
      resolve({ stdout, stderr, code: err ? ((err as { code?: number }).code ?? 1) : 0 }),
    );
    child.stdin?.end(input ?? "");
  });

// The Secrets values.yaml names (database.url, oidc.clientId/clientSecret, authSecret, metricsToken).
const SECRETS = `
apiVersion: v1
kind: Secret
metadata: { name: uptrust-database, namespace: uptrust }
stringData: { url: "postgresql://uptrust:pw@postgres.databases:5432/uptrust" }
---
apiVersion: v1
kind: Secret
metadata: { name: uptrust-oidc, namespace: uptrust }
stringData: { client-id: uptrust, client-secret: from-the-provider }
---
apiVersion: v1
kind: Secret
metadata: { name: uptrust-auth, namespace: uptrust }
stringData: { auth-secret: 0123456789abcdef0123456789abcdef0123, metrics-token: prometheus-scrapes-with-this }
`;

// The platform team's namespace (helm install --create-namespace) and Secrets, as PLATFORM_VALUES names them.
const PLATFORM_SECRETS = `
apiVersion: v1
kind: Namespace
metadata: { name: reliability }
---
apiVersion: v1
kind: Secret
metadata: { name: pg-external, namespace: reliability }
stringData: { dsn: "postgresql://uptrust:pw@10.20.0.5:6432/uptrust" }
---
apiVersion: v1
kind: Secret
metadata: { name: sso, namespace: reliability }
stringData: { id: uptrust, secret: from-the-provider }
---
apiVersion: v1
kind: Secret
metadata: { name: uptrust-auth, namespace: reliability }
stringData:
  auth-secret: 0123456789abcdef0123456789abcdef0123
  metrics-token: prometheus-scrapes-with-this
  alertmanager-token: alertmanager-posts-with-this
  llm-api-key: sk-from-the-llm-provider
---
apiVersion: v1
kind: Secret
metadata: { name: uptrust-notify, namespace: reliability }
stringData:
  slack-webhook-url: https://hooks.slack.com/services/T000/B000/XXXXXXXX
  pagerduty-routing-key: 0123456789abcdef0123456789abcdef
  webhook-secret: a-webhook-signing-secret-of-32-chars
`;
const platform = helm(["template", "sre", "deploy/helm/uptrust", "-n", "reliability", "-f", writeValues({ ...PLATFORM_VALUES, analyze: { replicas: 2 } })]);

const harness = createReplayHarness();
afterAll(() => harness.stop());

describe("Uptrust installed on the demo cluster from deploy/manifests and from the chart", () => {
  let created: Run;
  let secrets: Run;
  let helmCreated: Run;
  let played: Replay;

  it("is accepted object by object by kubectl create", async () => {
    played = await harness.replay("healthy", {
      leadMinutes: 30,
      onStart: async (emu) => {
        created = await kubectl(emu, ["create", "--validate=false", "-f", "-"], kustomize());
        secrets = await kubectl(emu, ["create", "--validate=false", "-f", "-"], SECRETS);
        helmCreated = await kubectl(emu, ["create", "--validate=false", "-f", "-"], `${PLATFORM_SECRETS}\n---\n${platform.stdout}`);
      },
    });
    expect([platform.stderr, created.stderr, secrets.stderr, helmCreated.stderr]).toEqual(["", "", "", ""]);
    const names = (run: Run) => run.stdout.trim().split("\n").map((l) => l.replace(/^[^/]+\/(\S+) created$/, "$1"));
    expect(names(created)).toEqual(renderedManifests().map((o) => o.metadata.name));
    const platformSecrets = ["pg-external", "sso", "uptrust-auth", "uptrust-notify"];
    expect(names(helmCreated)).toEqual(["reliability", ...platformSecrets, ...parseObjects(platform.stdout).map((o) => o.metadata.name)]);
  }, 150_000);

  it("serves back every Deployment, the migration Job, the service accounts, NetworkPolicies, the PDB, the ClusterRole and the Ingress", async () => {
    const get = async (what: string, namespaced = true) =>
      (await kubectl(played.emulator, ["get", what, ...(namespaced ? ["-n", "uptrust"] : []), "-o", "name"])).stdout.trim().split("\n").sort();
    expect(await get("deployments")).toEqual(["deployment.apps/uptrust-analyze", "deployment.apps/uptrust-ingest", "deployment.apps/uptrust-web"]);
    expect(await get("jobs")).toEqual(["job.batch/uptrust-migrate"]);
    expect(await get("serviceaccounts")).toEqual(["serviceaccount/default", "serviceaccount/uptrust-analyze", "serviceaccount/uptrust-ingest", "serviceaccount/uptrust-web"]);
    expect(await get("networkpolicies")).toEqual([
      "networkpolicy.networking.k8s.io/uptrust-analyze",
      "networkpolicy.networking.k8s.io/uptrust-ingest",
      "networkpolicy.networking.k8s.io/uptrust-migrate",
      "networkpolicy.networking.k8s.io/uptrust-web",
    ]);
    expect(await get("poddisruptionbudgets")).toEqual(["poddisruptionbudget.policy/uptrust-web"]);
    expect(await get("clusterrole/uptrust-ingest", false)).toEqual(["clusterrole.rbac.authorization.k8s.io/uptrust-ingest"]);
    expect(await get("clusterrolebinding/uptrust-ingest", false)).toEqual(["clusterrolebinding.rbac.authorization.k8s.io/uptrust-ingest"]);
    const role = JSON.parse((await kubectl(played.emulator, ["get", "clusterrole", "uptrust-ingest", "-o", "json"])).stdout);
    expect(role.rules).toEqual(renderedManifests().find((o) => o.kind === "ClusterRole")!.rules);
    // The platform team's Ingress, for url's host, to the web Service.
    const ingress = JSON.parse((await kubectl(played.emulator, ["get", "ingress", "sre-uptrust-web", "-n", "reliability", "-o", "json"])).stdout);
    expect(ingress.spec.rules.map((r: { host: string; http: { paths: { backend: unknown }[] } }) => [r.host, r.http.paths[0].backend])).toEqual([
      ["uptrust.corp.example", { service: { name: "sre-uptrust-web", port: { name: "http" } } }],
    ]);
  });

  it("tells whoever runs helm install what to do next, for the release they installed", async () => {
    // A second release of its own beside the two installed above, since helm refuses to take over their objects.
    const values = writeValues(PLATFORM_VALUES);
    const args = ["install", "ops", "deploy/helm/uptrust", "-n", "observability", "-f", values, "--kubeconfig", played.emulator.kubeconfigPath!];
    const install = await helmAsync([...args, "--dry-run=client", "--disable-openapi-validation"]);
    expect(install.stderr).toBe("");
    const notes = install.stdout.slice(install.stdout.indexOf("NOTES:"));
    expect(notes).toContain('Uptrust 0.1.0 watches this cluster as "prod-eu-1" (release ops, namespace observability).');
    expect(notes).toContain("kubectl -n observability wait --for=condition=complete job/ops-uptrust-migrate");
    expect(notes).toContain("at https://sso.corp.example/realms/ops, register\n     https://uptrust.corp.example/api/auth/callback/oidc\n");
    expect(notes).toContain("Open https://uptrust.corp.example\n   through Ingress ops-uptrust-web (class nginx).");
    expect(notes).toContain("kubectl -n observability logs deploy/ops-uptrust-ingest");
    // Every object the notes name is one that release renders.
    const names = new Set(helmTemplate("ops", "observability", "-f", values).map((o) => `${o.kind}/${o.metadata.name}`));
    for (const named of ["Job/ops-uptrust-migrate", "Ingress/ops-uptrust-web", "Deployment/ops-uptrust-ingest"]) expect(names).toContain(named);
  });

  // The emulator stores Jobs without running them, so the migration's pod is not among these.
  it("mounts a service-account token into the ingest pods alone", async () => {
    const pods = JSON.parse((await kubectl(played.emulator, ["get", "pods", "-n", "uptrust", "-o", "json"])).stdout) as {
      items: { metadata: { labels: Record<string, string> }; spec: { serviceAccountName: string; volumes?: { name: string }[] } }[];
    };
    const tokens = pods.items.map((p) => [
      p.metadata.labels["app.kubernetes.io/component"],
      p.spec.serviceAccountName ?? "default",
      (p.spec.volumes ?? []).some((v) => v.name.startsWith("kube-api-access-")),
    ]);
    expect(tokens.sort()).toEqual([
      ["analyze", "uptrust-analyze", false],
      ["ingest", "uptrust-ingest", true],
      ["web", "uptrust-web", false],
      ["web", "uptrust-web", false],
    ]);
  });

  it("passes Uptrust's own guardrails with no danger, warned only that each worker runs one replica without a PDB", async () => {
    const findings = (
      await getPool().query<{ target: string; check: string; severity: string }>(
        `SELECT target, "check", severity FROM guardrail_findings WHERE namespace = 'uptrust' OR target IN ('ClusterRole uptrust-ingest', 'ClusterRoleBinding uptrust-ingest') ORDER BY target, "check"`,
      )
    ).rows;
    expect(findings).toEqual([
      { target: "Deployment uptrust/uptrust-analyze", check: "singleReplicaWithoutPdb", severity: "warning" },
      { target: "Deployment uptrust/uptrust-ingest", check: "singleReplicaWithoutPdb", severity: "warning" },
    ]);
    const [score] = (await getPool().query(`SELECT passed, warnings, dangers FROM guardrail_scores WHERE namespace = 'uptrust'`)).rows;
    // 3 Deployments: 6 workload checks each, 11 per container.
    expect(score).toEqual({ passed: 3 * (6 + 11) - 2, warnings: 2, dangers: 0 });
  });

  it("passes them for the platform team's helm install too: two analyze replicas, so only ingest is warned", async () => {
    const findings = (
      await getPool().query<{ target: string; check: string; severity: string }>(
        `SELECT target, "check", severity FROM guardrail_findings
          WHERE namespace = 'reliability' OR target LIKE 'ClusterRole% sre-%' ORDER BY target, "check"`,
      )
    ).rows;
    expect(findings).toEqual([{ target: "Deployment reliability/sre-uptrust-ingest", check: "singleReplicaWithoutPdb", severity: "warning" }]);
    const [score] = (await getPool().query(`SELECT passed, warnings, dangers FROM guardrail_scores WHERE namespace = 'reliability'`)).rows;
    // The ClusterRole sre-uptrust-ingest is checked too, cluster-wide: no wildcard.
    expect(score).toEqual({ passed: 3 * (6 + 11) - 1, warnings: 1, dangers: 0 });
  });

  it("checked the ingest ClusterRole and its binding as stored from the cluster: no wildcard, not cluster-admin", async () => {
    const [{ id }] = (await getPool().query<{ id: string }>("SELECT id FROM clusters")).rows;
    const facts = await readGuardrailFacts(id);
    const roles = facts.roles.filter((r) => r.name === "uptrust-ingest");
    const bindings = facts.bindings.filter((b) => b.name === "uptrust-ingest");
    expect([roles.length, bindings.length]).toEqual([1, 1]);
    expect(rbacChecks(bindings, roles).map((r) => [r.check, r.passed])).toEqual([["wildcardRbac", true]]);
    expect(bindings[0].roleRef).toBe("uptrust-ingest");
  });
});
