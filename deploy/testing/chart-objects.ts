import { basename } from "node:path";
import { parseEnv } from "@/lib/env.ts";
import { loadSecretFiles } from "@/lib/secret-files.ts";
import { helmTemplate } from "./helm.ts";
import { chartFile, type K8sObject } from "./rendered-manifests.ts";

// What the tests of the chart read in the objects helm renders: each workload's pod spec, environment, secret files and
// NetworkPolicy, by the component it runs (web, ingest, analyze, migrate).

export type Values = {
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
export type Env = { name: string; value?: string; valueFrom?: unknown };
export type Container = { image: string; command: string[]; securityContext: unknown; resources: unknown; ports?: { containerPort: number }[]; env?: Env[] };
type Projection = { secret: { name: string; items: { key: string; path: string }[] } };
export type PodSpec = {
  automountServiceAccountToken?: boolean;
  securityContext: unknown;
  containers: Container[];
  volumes: { name: string; projected?: { sources: Projection[] } }[];
};
type Peer = Record<string, unknown>;
type Rule = { ports: { protocol: string; port: number }[]; to?: Peer[] };
export type Policy = K8sObject & { spec: { ingress: Rule[]; egress: Rule[] } };

/** values.yaml, and the chart rendered with it as deploy/manifests is (release and namespace uptrust). */
export const chartValues = () => chartFile<Values>("values.yaml");
export const defaultRender = () => helmTemplate("uptrust", "uptrust", "--set", "clusterName=my-cluster");
export const component = (o: K8sObject) => o.metadata.labels?.["app.kubernetes.io/component"] ?? "";
export const podSpec = (o: K8sObject) => (o.spec as { template: { spec: PodSpec } }).template.spec;
export const workloadsOf = (objs: K8sObject[]) => objs.filter((o) => o.kind === "Deployment" || o.kind === "Job");
export const workloadOf = (objs: K8sObject[], c: string) => workloadsOf(objs).find((w) => component(w) === c)!;
export const envOf = (objs: K8sObject[], c: string) => podSpec(workloadOf(objs, c)).containers[0].env ?? [];
export const policyOf = (objs: K8sObject[], c: string) => objs.find((o) => o.kind === "NetworkPolicy" && component(o) === c) as Policy;
export const egress = (objs: K8sObject[], c: string) =>
  policyOf(objs, c).spec.egress.map((r) => ({ ports: r.ports.map((p) => `${p.protocol}/${p.port}`), to: r.to }));
// The settings a component starts with once Uptrust has read its secret files (named here by file: content).
export const settingsOf = (objs: K8sObject[], c: string, secretValues: Record<string, string>) => {
  const env: Record<string, string | undefined> = Object.fromEntries(envOf(objs, c).map((e) => [e.name, e.value]));
  loadSecretFiles(env, (path) => secretValues[basename(path)]);
  return parseEnv(env);
};
// Where each component's secrets come from: file name in /var/run/secrets/uptrust → "Secret/key".
export const secretFiles = (objs: K8sObject[], c: string) =>
  Object.fromEntries(
    podSpec(workloadOf(objs, c))
      .volumes.flatMap((v) => v.projected?.sources ?? [])
      .flatMap((s) => s.secret.items.map((i) => [i.path, `${s.secret.name}/${i.key}`])),
  );
