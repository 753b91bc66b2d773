import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { stringify } from "yaml";

export const DEMO_CONTEXT = "uptrust-demo";

/** A kubeconfig for the demo cluster, usable by kubectl and by Uptrust's own workers. */
export function demoKubeconfig(server: string) {
  return {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: DEMO_CONTEXT, cluster: { server } }],
    users: [{ name: "uptrust-demo-viewer", user: { token: "uptrust-demo-token" } }],
    contexts: [{ name: DEMO_CONTEXT, context: { cluster: DEMO_CONTEXT, user: "uptrust-demo-viewer" } }],
    "current-context": DEMO_CONTEXT,
    preferences: {},
  };
}

export async function writeKubeconfig(path: string, server: string) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, stringify(demoKubeconfig(server)), { mode: 0o600 });
}
