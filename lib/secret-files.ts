import { readFileSync } from "node:fs";
import { ConfigError } from "./env.ts";

// Secrets from files: in a cluster, Uptrust's chart mounts each Secret key as a file and names it in X_FILE,
// so no secret sits in the pod spec or in the process's initial environment (/proc/PID/environ), which
// Uptrust's own guardrails flag as a danger. Each process reads the files once at start, before anything reads
// the variables, and keeps the values in its own environment.

// A Slack incoming-webhook URL is itself the credential (anyone holding it can post), so it is one of them.
export const SECRET_VARIABLES = [
  "DATABASE_URL",
  "AUTH_SECRET",
  "AUTH_OIDC_ID",
  "AUTH_OIDC_SECRET",
  "UPTRUST_METRICS_TOKEN",
  "UPTRUST_ALERTMANAGER_TOKEN",
  "UPTRUST_LLM_API_KEY",
  "UPTRUST_SLACK_WEBHOOK_URL",
  "UPTRUST_PAGERDUTY_ROUTING_KEY",
  "UPTRUST_WEBHOOK_SECRET",
] as const;

export function loadSecretFiles(target: Record<string, string | undefined> = process.env, read: (path: string) => string = (p) => readFileSync(p, "utf8")): void {
  const problems: string[] = [];
  for (const name of SECRET_VARIABLES) {
    const path = target[`${name}_FILE`]?.trim();
    if (!path) continue;
    if (target[name]?.trim()) {
      problems.push(`${name} and ${name}_FILE are both set: keep one (the file is meant for secrets mounted from a Kubernetes Secret)`);
      continue;
    }
    let value: string;
    try {
      // A Secret written with `echo` ends in a newline that is not part of the value.
      value = read(path).replace(/\r?\n$/, "");
    } catch (err) {
      problems.push(`${name}_FILE points at ${path}, which cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): mount the Secret there or fix the path`);
      continue;
    }
    if (!value.trim()) problems.push(`${name}_FILE points at ${path}, which is empty: put the value in the Secret's key`);
    else target[name] = value;
  }
  if (problems.length) throw new ConfigError(problems);
}
