import { z } from "zod";
import { roleMapFrom } from "./auth/roles-from-claims.ts";
import { DEFAULT_ALERT_STALE_HOURS } from "./domain/alert-signals.ts";
import { parseWorkloadPatterns } from "./domain/log-follow-plan.ts";
import { parsePrometheusUrls } from "./prometheus/parse-prometheus-urls.ts";

// One validated view of the environment. Every variable an operator can set is listed here, and a bad
// value stops start-up with a message naming the variable and how to fix it, never a stack trace.

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "postgres:" || u.protocol === "postgresql:") && u.hostname !== "";
    } catch {
      return false;
    }
  }, "must look like postgresql://USER:PASSWORD@HOST:5432/DATABASE");

const httpUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL such as https://login.example.com/realms/sre");

const PORT_RULE = "must be a port number from 1 to 65535, such as 9464";
const port = z.coerce.number({ error: PORT_RULE }).int(PORT_RULE).min(1, PORT_RULE).max(65535, PORT_RULE);

// Prices per hour, for the money right-sizing saves (monthly = amount × price × 730 h). A plain number:
// "$0.03" or "0,03" would silently become NaN, so they are refused with the expected shape.
const hourlyPrice = (example: string) =>
  z.coerce
    .number({ error: `must be a price per hour such as ${example} (a plain number, no currency sign)` })
    .nonnegative(`must be a price per hour such as ${example}, not negative`);

const schema = z
  .object({
    DATABASE_URL: postgresUrl.optional(),
    UPTRUST_DATA_DIR: z.string().min(1).default(".uptrust"),
    UPTRUST_EMBEDDED_DB_PORT: port.default(5433),
    KUBECONFIG: z.string().min(1).optional(),
    UPTRUST_KUBE_CONTEXTS: z.string().optional(),
    /** Inside a pod with no kubeconfig: the name this cluster has in Uptrust (ingest watches it with its service account). */
    UPTRUST_CLUSTER_NAME: z
      .string()
      .trim()
      .max(63, "must be at most 63 characters")
      .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, "must be a name such as prod-eu-1: lowercase letters, digits, '-' and '.'")
      .optional(),
    // 0 lets the system pick a free port (the emulator prints the one it got).
    UPTRUST_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(6443),
    UPTRUST_EMULATOR_SPEED: z.coerce.number().positive().max(100_000).default(360),
    UPTRUST_EMULATOR_LEAD_MINUTES: z.coerce.number().int().min(0).max(60 * 24 * 30).default(360),
    /** Which story the demo cluster tells; checked against the emulator's scenarios when it starts. */
    UPTRUST_EMULATOR_SCENARIO: z.string().trim().default("demo"),
    /** Fleet size of the "scale" scenario (20 pods a Deployment, 100 a node). */
    UPTRUST_EMULATOR_PODS: z.coerce.number().int().min(1).max(100_000).default(10_000),
    /** A file written by the emulator's snapshot(): serve that cluster instead of a fresh scenario. */
    UPTRUST_EMULATOR_RESTORE_FROM: z.string().min(1).optional(),
    UPTRUST_METRICS_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(30_000),
    UPTRUST_LOG_MAX_FOLLOWERS: z.coerce.number().int().min(0).max(10_000).default(200),
    /** namespace/name patterns (with *) of the workloads whose logs are followed; restarted containers always are. */
    UPTRUST_LOG_WORKLOADS: z
      .string()
      .default("*/*")
      .superRefine((v, ctx) => {
        try {
          parseWorkloadPatterns(v);
        } catch (err) {
          ctx.addIssue({ code: "custom", message: (err as Error).message });
        }
      }),
    UPTRUST_LOG_BYTES_PER_CONTAINER: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
    UPTRUST_LOG_BYTES_PER_MINUTE: z.coerce.number().int().min(1024).default(64 * 1024 * 1024),
    // 15 s: a dead worker's clusters are taken over within 20 s (one lease plus a third of one).
    UPTRUST_INGEST_LEASE_SECONDS: z.coerce.number().int().min(3).max(300).default(15),
    // Rows per write buffer held through a database outage; past it, facts are dropped and a relist
    // recovers them. bench:outage measures what a full buffer costs beside 10,000 pods under the
    // worker's 192 MB heap (scripts/build-workers.ts); raise both together.
    UPTRUST_INGEST_BUFFER_ROWS: z.coerce.number().int().min(2000).max(10_000_000).default(25_000),
    UPTRUST_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    // 14 days of raw samples; right-sizing reads the 5-minute rollups (kept 30 days) instead.
    UPTRUST_USAGE_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    /** Where the ingest worker serves GET /metrics for Prometheus; unset, it serves none. */
    UPTRUST_INGEST_METRICS_PORT: port.optional(),
    /** Names this worker in leases and logs (e.g. its pod name); the process id is appended. */
    UPTRUST_INGEST_HOLDER: z.string().trim().min(1).max(100).optional(),
    UPTRUST_ANALYZE_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
    /** Where the analyze worker serves GET /metrics for Prometheus; unset, it serves none. */
    UPTRUST_ANALYZE_METRICS_PORT: port.optional(),
    // OpenCost's default on-demand prices; set your own provider's (or your internal chargeback rate).
    UPTRUST_PRICE_CPU_CORE_HOUR: hourlyPrice("0.031611").default(0.031611),
    UPTRUST_PRICE_MEMORY_GIB_HOUR: hourlyPrice("0.004237").default(0.004237),
    UPTRUST_PRICE_CURRENCY: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "must be a three-letter currency code such as USD or EUR")
      .default("USD"),
    // Where imported PromQL SLIs are measured (the Prometheus HTTP API's base URL); unset, they are not.
    UPTRUST_PROMETHEUS_URL: httpUrl.optional(),
    // A Prometheus per cluster (cluster name = the name Uptrust shows), read instead of UPTRUST_PROMETHEUS_URL for it.
    UPTRUST_PROMETHEUS_URLS: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return undefined;
        const parsed = parsePrometheusUrls(v);
        if (parsed.ok) return parsed.urls;
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }),
    // The label that names the cluster on cAdvisor's series when one Prometheus (Thanos, Mimir…) holds several
    // clusters; its value must be the cluster's name in Uptrust. Unset, the Prometheus holds one cluster.
    UPTRUST_PROMETHEUS_CLUSTER_LABEL: z
      .string()
      .trim()
      .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "must be a Prometheus label name such as cluster (letters, digits and _, not starting with a digit)")
      .optional(),
    // Scoped AI, off unless set: an OpenAI-compatible chat endpoint (base URL ending before /chat/completions).
    UPTRUST_LLM_URL: httpUrl.optional(),
    UPTRUST_LLM_MODEL: z.string().trim().min(1).max(200).optional(),
    UPTRUST_LLM_API_KEY: z.string().min(1).optional(),
    /** The bearer token Prometheus scrapes the web app's /metrics with; unset, /metrics answers 401. */
    UPTRUST_METRICS_TOKEN: z.string().trim().min(16, "must be at least 16 characters (openssl rand -hex 16)").optional(),
    /** The bearer token Alertmanager's webhook_config sends to /api/alerts/alertmanager; unset, the receiver answers 401. */
    UPTRUST_ALERTMANAGER_TOKEN: z.string().trim().min(16, "must be at least 16 characters (openssl rand -hex 16)").optional(),
    /** The registered cluster an alert without a `cluster` label belongs to. */
    UPTRUST_ALERTMANAGER_CLUSTER: z.string().trim().min(1).optional(),
    /** A firing alert Alertmanager has not re-sent for this long is taken to have ended at its last sighting. */
    UPTRUST_ALERTMANAGER_STALE_HOURS: z.coerce
      .number({ error: "must be a number of hours, such as 8.5" })
      .min(0.25, "must be at least 0.25 (15 minutes); make it longer than the longest repeat_interval in Alertmanager's routes")
      .max(24 * 30, "must be at most 720 (30 days)")
      .default(DEFAULT_ALERT_STALE_HOURS),
    /** Where people open Uptrust (links in notifications); AUTH_URL or NEXTAUTH_URL when unset. */
    UPTRUST_PUBLIC_URL: httpUrl.optional(),
    AUTH_URL: httpUrl.optional(),
    NEXTAUTH_URL: httpUrl.optional(),
    /** Channels defined by the environment (shown read-only under Admin → Notifications); each hears everything. */
    UPTRUST_SLACK_WEBHOOK_URL: httpUrl.optional(),
    UPTRUST_PAGERDUTY_ROUTING_KEY: z.string().trim().regex(/^[\w-]{8,64}$/, "must be a PagerDuty integration (routing) key: 32 letters and digits").optional(),
    /** The Events API v2 URL (the EU service region uses https://events.eu.pagerduty.com/v2/enqueue). */
    UPTRUST_PAGERDUTY_EVENTS_URL: httpUrl.default("https://events.pagerduty.com/v2/enqueue"),
    UPTRUST_WEBHOOK_URL: httpUrl.optional(),
    UPTRUST_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 random characters (openssl rand -hex 32)").optional(),
    UPTRUST_NOTIFY_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
    /** Attempts before a message becomes a dead letter (retries back off from 5 s to 10 min, with jitter). */
    UPTRUST_NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    /** Messages an environment-defined channel may send in any minute (admin channels set their own). */
    UPTRUST_NOTIFY_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(20),
    AUTH_SECRET: z.string().min(32, "must be at least 32 random characters (openssl rand -base64 32)").optional(),
    AUTH_OIDC_ISSUER: httpUrl.optional(),
    AUTH_OIDC_ID: z.string().min(1).optional(),
    AUTH_OIDC_SECRET: z.string().min(1).optional(),
    /** Extra scopes to ask the provider for, e.g. "offline_access groups" for refresh tokens and group claims. */
    AUTH_OIDC_SCOPE: z.string().trim().regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, "must be scopes separated by single spaces").optional(),
    /** A session with no activity by its person for this long ends (polling does not count as activity). */
    UPTRUST_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    /** A session ends this long after sign-in, active or not. */
    UPTRUST_SESSION_MAX_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
    /** Where the provider puts a user's groups in its claims (a dotted path such as realm_access.roles works). */
    UPTRUST_ROLE_CLAIM: z.string().trim().regex(/^[\w:/.-]+$/, "must be a claim name such as groups or realm_access.roles").default("groups"),
    /**
     * group=role pairs, comma-separated (e.g. "sre=admin,oncall=responder,*=viewer"); see lib/auth/roles-from-claims.ts.
     * "off": no map, admins manage roles under Admin → Users (with the development provider, whose users map
     * by their groups when this is unset, only UPTRUST_ADMIN_EMAILS then makes anyone admin).
     */
    UPTRUST_ROLE_MAP: z
      .string()
      .trim()
      .optional()
      .superRefine((v, ctx) => {
        try {
          roleMapFrom(v);
        } catch (err) {
          ctx.addIssue({ code: "custom", message: `${(err as Error).message}; or "off" to let admins manage roles in Uptrust` });
        }
      }),
    /** Emails that are admins whatever else is configured: how the first admin is named. */
    UPTRUST_ADMIN_EMAILS: z.string().trim().optional(),
    UPTRUST_DEV_IDP_PORT: port.default(4000),
    PORT: port.default(3000),
  })
  .superRefine((env, ctx) => {
    if (env.UPTRUST_PROMETHEUS_CLUSTER_LABEL && !env.UPTRUST_PROMETHEUS_URL) {
      const message = "needs UPTRUST_PROMETHEUS_URL: set the Prometheus to read, or unset the label";
      ctx.addIssue({ code: "custom", path: ["UPTRUST_PROMETHEUS_CLUSTER_LABEL"], message });
    }
    if (env.UPTRUST_LLM_URL && !env.UPTRUST_LLM_MODEL) {
      ctx.addIssue({ code: "custom", path: ["UPTRUST_LLM_MODEL"], message: "is missing: with UPTRUST_LLM_URL set, name the model to ask (e.g. gpt-4o-mini)" });
    }
    if (env.UPTRUST_WEBHOOK_URL && !env.UPTRUST_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["UPTRUST_WEBHOOK_SECRET"], message: "is missing: with UPTRUST_WEBHOOK_URL set, give the secret its receiver verifies signatures with (openssl rand -hex 32)" });
    }
    if (env.UPTRUST_WEBHOOK_SECRET && !env.UPTRUST_WEBHOOK_URL) {
      ctx.addIssue({ code: "custom", path: ["UPTRUST_WEBHOOK_URL"], message: "is missing: UPTRUST_WEBHOOK_SECRET signs messages to UPTRUST_WEBHOOK_URL; set the URL too" });
    }
    const oidc = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_ID, env.AUTH_OIDC_SECRET];
    const set = oidc.filter(Boolean).length;
    if (set > 0 && set < 3) {
      for (const key of ["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"] as const) {
        if (!env[key]) {
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "is missing: set AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET together (or none of them for the local development sign-in)",
          });
        }
      }
    }
  });

export type Env = z.infer<typeof schema>;

/** Every setting an operator can set, as named in the environment. */
export const SETTING_NAMES = Object.keys(schema.shape) as (keyof Env)[];

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Uptrust cannot start: the configuration needs fixing.\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

// Empty strings count as unset: `FOO= npm start` is a common way to clear a variable.
function withoutBlanks(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(withoutBlanks(source));
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`));
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
