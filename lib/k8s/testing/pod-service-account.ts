import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "@/workers/emulator/index.ts";

// What a pod sees, made for tests: the kubelet's KUBERNETES_SERVICE_HOST/PORT pointing at the emulator, and the
// service account's token, CA and namespace under /var/run/secrets/kubernetes.io/serviceaccount, here below a
// directory standing for /. The home directory holds no ~/.kube/config.

export type FakePod = { rootDir: string; home: string; mountToken(token: string): void; leave(): void };

export function enterPod(emu: Emulator, token: string): FakePod {
  const rootDir = mkdtempSync(join(tmpdir(), "uptrust-pod-root-"));
  const home = mkdtempSync(join(tmpdir(), "uptrust-pod-home-"));
  const accountDir = join(rootDir, "var/run/secrets/kubernetes.io/serviceaccount");
  const saved = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT };
  const mountToken = (t: string) => {
    mkdirSync(accountDir, { recursive: true });
    writeFileSync(join(accountDir, "token"), t);
    writeFileSync(join(accountDir, "ca.crt"), emu.caPem ?? "");
    writeFileSync(join(accountDir, "namespace"), "uptrust");
  };
  mountToken(token);
  process.env.KUBERNETES_SERVICE_HOST = "127.0.0.1";
  process.env.KUBERNETES_SERVICE_PORT = String(emu.port);
  const leave = () => {
    for (const [k, v] of [["KUBERNETES_SERVICE_HOST", saved.host], ["KUBERNETES_SERVICE_PORT", saved.port]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  return { rootDir, home, mountToken, leave };
}
