import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv, SETTING_NAMES } from "./env.ts";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
}

describe("start-up configuration", () => {
  it("runs with nothing configured: embedded database, demo cluster, development sign-in", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.KUBECONFIG).toBeUndefined();
    expect(env.AUTH_OIDC_ISSUER).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it("names DATABASE_URL and shows the expected shape when it is malformed", () => {
    const [problem] = problemsOf({ DATABASE_URL: "localhost:5432/uptrust" });
    expect(problem).toContain("DATABASE_URL");
    expect(problem).toContain("postgresql://USER:PASSWORD@HOST:5432/DATABASE");
  });

  it("rejects a MySQL URL given as DATABASE_URL", () => {
    expect(problemsOf({ DATABASE_URL: "mysql://root@localhost/uptrust" })[0]).toContain("DATABASE_URL");
  });

  it("keeps AI off unless an endpoint is set, and asks for the model when one is", () => {
    expect(parseEnv({}).UPTRUST_LLM_URL).toBeUndefined();
    expect(problemsOf({ UPTRUST_LLM_URL: "https://llm.example.com/v1" })).toEqual(["UPTRUST_LLM_MODEL is missing: with UPTRUST_LLM_URL set, name the model to ask (e.g. gpt-4o-mini)"]);
  });

  it("refuses a role map it cannot read at start-up, and accepts \"off\"", () => {
    expect(problemsOf({ UPTRUST_ROLE_MAP: "sre=owner" })).toEqual([
      'UPTRUST_ROLE_MAP "sre=owner": the role must be viewer, responder or admin; or "off" to let admins manage roles in Uptrust',
    ]);
    expect(parseEnv({ UPTRUST_ROLE_MAP: "off" }).UPTRUST_ROLE_MAP).toBe("off");
  });

  it("names the missing OIDC secret when an issuer and client id are set", () => {
    const problems = problemsOf({ AUTH_OIDC_ISSUER: "https://login.example.com", AUTH_OIDC_ID: "uptrust" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^AUTH_OIDC_SECRET is missing/);
  });

  it("rejects an issuer that is not an http(s) URL", () => {
    const problems = problemsOf({ AUTH_OIDC_ISSUER: "login.example.com", AUTH_OIDC_ID: "a", AUTH_OIDC_SECRET: "b" });
    expect(problems[0]).toContain("AUTH_OIDC_ISSUER must be an http(s) URL");
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", KUBECONFIG: "  " }).DATABASE_URL).toBeUndefined();
  });

  it("treats every setting left empty (docker compose's ${VAR:-}) as unset: defaults apply, nothing is refused", () => {
    expect(parseEnv(Object.fromEntries(SETTING_NAMES.map((name) => [name, ""])))).toEqual(parseEnv({}));
    expect(SETTING_NAMES).toContain("UPTRUST_PAGERDUTY_EVENTS_URL");
  });

  it("keeps the Alertmanager receiver off until its token is set, and refuses a token too short to be secret", () => {
    expect(parseEnv({}).UPTRUST_ALERTMANAGER_TOKEN).toBeUndefined();
    expect(problemsOf({ UPTRUST_ALERTMANAGER_TOKEN: "short" })).toEqual(["UPTRUST_ALERTMANAGER_TOKEN must be at least 16 characters (openssl rand -hex 16)"]);
    expect(parseEnv({ UPTRUST_ALERTMANAGER_TOKEN: "0123456789abcdef", UPTRUST_ALERTMANAGER_CLUSTER: "prod" })).toMatchObject({ UPTRUST_ALERTMANAGER_CLUSTER: "prod" });
  });

  it("ends a silent Alertmanager alert after 8.5 hours unless told otherwise, and refuses a window that is no number or too short", () => {
    expect(parseEnv({}).UPTRUST_ALERTMANAGER_STALE_HOURS).toBe(8.5);
    expect(parseEnv({ UPTRUST_ALERTMANAGER_STALE_HOURS: "25" }).UPTRUST_ALERTMANAGER_STALE_HOURS).toBe(25);
    expect(problemsOf({ UPTRUST_ALERTMANAGER_STALE_HOURS: "4h" })).toEqual(["UPTRUST_ALERTMANAGER_STALE_HOURS must be a number of hours, such as 8.5"]);
    expect(problemsOf({ UPTRUST_ALERTMANAGER_STALE_HOURS: "0.1" })).toEqual([
      "UPTRUST_ALERTMANAGER_STALE_HOURS must be at least 0.25 (15 minutes); make it longer than the longest repeat_interval in Alertmanager's routes",
    ]);
  });

  it("explains how to make an AUTH_SECRET that is too short", () => {
    expect(problemsOf({ AUTH_SECRET: "short" })[0]).toContain("openssl rand -base64 32");
  });

  it("rejects a port outside 1-65535, or no number at all, saying what a port looks like", () => {
    expect(problemsOf({ PORT: "70000" })).toEqual(["PORT must be a port number from 1 to 65535, such as 9464"]);
    expect(problemsOf({ UPTRUST_INGEST_METRICS_PORT: "metrics" })).toEqual(["UPTRUST_INGEST_METRICS_PORT must be a port number from 1 to 65535, such as 9464"]);
    expect(parseEnv({ UPTRUST_ANALYZE_METRICS_PORT: "9465" }).UPTRUST_ANALYZE_METRICS_PORT).toBe(9465);
    expect(parseEnv({}).UPTRUST_INGEST_METRICS_PORT).toBeUndefined();
  });

  it("names the malformed entry of UPTRUST_LOG_WORKLOADS and a lease too short to renew", () => {
    expect(problemsOf({ UPTRUST_LOG_WORKLOADS: "shop/*,ledger" })[0]).toMatch(/^UPTRUST_LOG_WORKLOADS .*"ledger" is not namespace\/name/);
    expect(problemsOf({ UPTRUST_INGEST_LEASE_SECONDS: "1" })[0]).toMatch(/^UPTRUST_INGEST_LEASE_SECONDS /);
  });

  it("prices right-sizing savings at OpenCost's defaults, and refuses a price written with a currency sign", () => {
    expect(parseEnv({})).toMatchObject({ UPTRUST_PRICE_CPU_CORE_HOUR: 0.031611, UPTRUST_PRICE_MEMORY_GIB_HOUR: 0.004237, UPTRUST_PRICE_CURRENCY: "USD" });
    expect(parseEnv({ UPTRUST_PRICE_CPU_CORE_HOUR: "0.05", UPTRUST_PRICE_CURRENCY: "eur" })).toMatchObject({ UPTRUST_PRICE_CPU_CORE_HOUR: 0.05, UPTRUST_PRICE_CURRENCY: "EUR" });
    expect(problemsOf({ UPTRUST_PRICE_CPU_CORE_HOUR: "$0.03" })[0]).toBe("UPTRUST_PRICE_CPU_CORE_HOUR must be a price per hour such as 0.031611 (a plain number, no currency sign)");
    expect(problemsOf({ UPTRUST_PRICE_MEMORY_GIB_HOUR: "-1" })[0]).toMatch(/^UPTRUST_PRICE_MEMORY_GIB_HOUR .*not negative/);
    expect(problemsOf({ UPTRUST_PRICE_CURRENCY: "euro" })[0]).toMatch(/^UPTRUST_PRICE_CURRENCY must be a three-letter currency code/);
  });

  it("reads one Prometheus's clusters apart by a label name, and refuses a label that is not one or has no Prometheus", () => {
    const prometheus = { UPTRUST_PROMETHEUS_URL: "http://prometheus:9090" };
    expect(parseEnv(prometheus).UPTRUST_PROMETHEUS_CLUSTER_LABEL).toBeUndefined();
    expect(parseEnv({ ...prometheus, UPTRUST_PROMETHEUS_CLUSTER_LABEL: "cluster" }).UPTRUST_PROMETHEUS_CLUSTER_LABEL).toBe("cluster");
    expect(problemsOf({ ...prometheus, UPTRUST_PROMETHEUS_CLUSTER_LABEL: "k8s-cluster" })).toEqual([
      "UPTRUST_PROMETHEUS_CLUSTER_LABEL must be a Prometheus label name such as cluster (letters, digits and _, not starting with a digit)",
    ]);
    expect(problemsOf({ UPTRUST_PROMETHEUS_CLUSTER_LABEL: "cluster" })).toEqual([
      "UPTRUST_PROMETHEUS_CLUSTER_LABEL needs UPTRUST_PROMETHEUS_URL: set the Prometheus to read, or unset the label",
    ]);
  });

  it("defines notification channels from the environment, asking for a webhook's signing secret and refusing a malformed routing key", () => {
    expect(parseEnv({})).toMatchObject({ UPTRUST_PAGERDUTY_EVENTS_URL: "https://events.pagerduty.com/v2/enqueue", UPTRUST_NOTIFY_MAX_ATTEMPTS: 8 });
    expect(problemsOf({ UPTRUST_WEBHOOK_URL: "https://hooks.example.com/uptrust" })).toEqual([
      "UPTRUST_WEBHOOK_SECRET is missing: with UPTRUST_WEBHOOK_URL set, give the secret its receiver verifies signatures with (openssl rand -hex 32)",
    ]);
    expect(problemsOf({ UPTRUST_PAGERDUTY_ROUTING_KEY: "not a key!" })[0]).toMatch(/^UPTRUST_PAGERDUTY_ROUTING_KEY must be a PagerDuty integration \(routing\) key/);
    expect(problemsOf({ UPTRUST_SLACK_WEBHOOK_URL: "hooks.slack.com/services/x" })[0]).toMatch(/^UPTRUST_SLACK_WEBHOOK_URL must be an http\(s\) URL/);
  });
});
