import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env.ts";
import { loadSecretFiles } from "./secret-files.ts";

const dir = mkdtempSync(join(tmpdir(), "uptrust-secret-files-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const problemsOf = (env: Record<string, string | undefined>) => {
  try {
    loadSecretFiles(env);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
};

describe("secrets mounted as files (DATABASE_URL_FILE, AUTH_SECRET_FILE, ...)", () => {
  it("reads each named file into its variable, without the newline `echo` leaves, and the result passes validation", () => {
    const env: Record<string, string | undefined> = {
      DATABASE_URL_FILE: file("database-url", "postgresql://uptrust:s3cret@db.internal:5432/uptrust\n"),
      AUTH_SECRET_FILE: file("auth-secret", "x".repeat(44)),
      UPTRUST_METRICS_TOKEN_FILE: file("metrics-token", "prometheus-scrape-token\r\n"),
      UPTRUST_ALERTMANAGER_TOKEN_FILE: file("alertmanager-token", "alertmanager-webhook-token\n"),
    };
    loadSecretFiles(env);
    expect(env.DATABASE_URL).toBe("postgresql://uptrust:s3cret@db.internal:5432/uptrust");
    expect(env.UPTRUST_METRICS_TOKEN).toBe("prometheus-scrape-token");
    expect(parseEnv(env).AUTH_SECRET).toBe("x".repeat(44));
    expect(parseEnv(env).UPTRUST_ALERTMANAGER_TOKEN).toBe("alertmanager-webhook-token");
  });

  it("reads the notification channels' secrets from files too, and the channels they define pass validation", () => {
    const env: Record<string, string | undefined> = {
      UPTRUST_SLACK_WEBHOOK_URL_FILE: file("slack-webhook-url", "https://hooks.slack.com/services/T000/B000/XXXXXXXX\n"),
      UPTRUST_PAGERDUTY_ROUTING_KEY_FILE: file("pagerduty-routing-key", "0123456789abcdef0123456789abcdef\n"),
      UPTRUST_WEBHOOK_URL: "https://hooks.corp.example/uptrust",
      UPTRUST_WEBHOOK_SECRET_FILE: file("webhook-secret", "a-webhook-signing-secret-of-32-chars"),
    };
    loadSecretFiles(env);
    const parsed = parseEnv(env);
    expect([parsed.UPTRUST_SLACK_WEBHOOK_URL, parsed.UPTRUST_PAGERDUTY_ROUTING_KEY, parsed.UPTRUST_WEBHOOK_SECRET]).toEqual([
      "https://hooks.slack.com/services/T000/B000/XXXXXXXX",
      "0123456789abcdef0123456789abcdef",
      "a-webhook-signing-secret-of-32-chars",
    ]);
    const both = { UPTRUST_SLACK_WEBHOOK_URL: "https://hooks.slack.com/x", UPTRUST_SLACK_WEBHOOK_URL_FILE: file("s", "https://hooks.slack.com/y") };
    expect(problemsOf(both)[0]).toMatch(/^UPTRUST_SLACK_WEBHOOK_URL and UPTRUST_SLACK_WEBHOOK_URL_FILE are both set: keep one/);
  });

  it("leaves variables without a file alone", () => {
    const env = { DATABASE_URL: "postgresql://u@h:5432/d" };
    loadSecretFiles(env);
    expect(env).toEqual({ DATABASE_URL: "postgresql://u@h:5432/d" });
  });

  it("names the variable and the path of a file that is missing or empty, and refuses a value set both ways", () => {
    expect(problemsOf({ AUTH_OIDC_SECRET_FILE: join(dir, "nope") })).toEqual([
      `AUTH_OIDC_SECRET_FILE points at ${join(dir, "nope")}, which cannot be read (ENOENT): mount the Secret there or fix the path`,
    ]);
    const empty = file("empty", "\n");
    expect(problemsOf({ AUTH_SECRET_FILE: empty })).toEqual([`AUTH_SECRET_FILE points at ${empty}, which is empty: put the value in the Secret's key`]);
    expect(problemsOf({ DATABASE_URL: "postgresql://u@h/d", DATABASE_URL_FILE: file("u", "postgresql://v@h/d") })[0]).toMatch(/DATABASE_URL and DATABASE_URL_FILE are both set/);
  });
});
