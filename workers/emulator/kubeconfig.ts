import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { stringify } from "yaml";

export const DEMO_CONTEXT = "uptrust-demo";

/** token: null writes a user without credentials, as an anonymous client would have. */
export type KubeconfigAuth = { token?: string | null; caPem?: string };

/** A kubeconfig for the demo cluster, usable by kubectl and by Uptrust's own workers. */
export function demoKubeconfig(server: string, auth: KubeconfigAuth = {}) {
  // Over plain http there is nothing to verify, but @kubernetes/client-node 2.x refuses an http
  // server unless TLS verification is switched off; over https the CA makes verification real.
  const tls = auth.caPem ? { "certificate-authority-data": Buffer.from(auth.caPem).toString("base64") } : server.startsWith("http://") ? { "insecure-skip-tls-verify": true } : {};
  return {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: DEMO_CONTEXT, cluster: { server, ...tls } }],
    users: [{ name: "uptrust-demo-viewer", user: auth.token === null ? {} : { token: auth.token ?? "uptrust-demo-token" } }],
    contexts: [{ name: DEMO_CONTEXT, context: { cluster: DEMO_CONTEXT, user: "uptrust-demo-viewer" } }],
    "current-context": DEMO_CONTEXT,
    preferences: {},
  };
}

export async function writeKubeconfig(path: string, server: string, auth: KubeconfigAuth = {}) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, stringify(demoKubeconfig(server, auth)), { mode: 0o600 });
}
