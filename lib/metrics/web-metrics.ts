import { collectDefaultMetrics, Counter, Registry } from "prom-client";

export type WebMetrics = ReturnType<typeof createWebMetrics>;

function createWebMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "uptrust_web_" });
  const signIns = new Counter({
    name: "uptrust_web_sign_ins_total",
    help: "Sign-ins by outcome: accepted, or refused (no e-mail from the provider, or no role for the person's groups).",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  for (const outcome of ["accepted", "refused"]) signIns.inc({ outcome }, 0);
  return {
    registry,
    signIn(outcome: "accepted" | "refused") {
      signIns.inc({ outcome });
    },
  };
}

// One set per server process: Next.js may load this module once per route bundle, and a sign-in counted in the
// auth route must show in /metrics.
const holder = globalThis as typeof globalThis & { uptrustWebMetrics?: WebMetrics };
export const webMetrics = (): WebMetrics => (holder.uptrustWebMetrics ??= createWebMetrics());
