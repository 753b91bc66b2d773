import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { BUILT_WORKERS, INGEST_NODE_FLAGS } from "./build-workers.ts";
import { parseEnv } from "@/lib/env.ts";
import { settingsRead } from "./settings-read.ts";
import { WEB_NODE_OPTIONS } from "./web-node-options.ts";

// No Docker engine runs on the development machines, so the compose file is checked for what breaks
// first on a user's machine: missing services, missing configuration, commands naming files that moved.
type Service = { command?: string[]; environment?: Record<string, string>; expose?: string[]; depends_on?: Record<string, { condition: string }> };
const compose = parse(readFileSync("docker-compose.yml", "utf8"), { merge: true }) as { services: Record<string, Service> };

describe("docker-compose.yml", () => {
  it("runs PostgreSQL, a one-shot migration, the web app and both workers", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["analyze", "ingest", "migrate", "postgres", "web"]);
  });

  it("starts the app and workers only after the migration succeeded", () => {
    for (const name of ["web", "ingest", "analyze"]) {
      expect(compose.services[name].depends_on?.migrate.condition).toBe("service_completed_successfully");
    }
  });

  it("gives every Uptrust process the database, the cluster and sign-in configuration", () => {
    for (const name of ["web", "ingest", "analyze"]) {
      const env = compose.services[name].environment ?? {};
      for (const key of ["DATABASE_URL", "KUBECONFIG", "AUTH_SECRET", "AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"]) {
        expect(env[key], `${name} sets ${key}`).toBeTruthy();
      }
    }
  });

  it("names entry points that exist in the repository, or that the image's build produces", () => {
    for (const service of Object.values(compose.services)) {
      const file = service.command?.find((arg) => arg.endsWith(".ts"));
      if (file) expect(existsSync(file), file).toBe(true);
      const built = service.command?.find((arg) => arg.endsWith(".mjs"));
      if (built) expect(BUILT_WORKERS, built).toContain(built);
      if (built?.endsWith("ingest.mjs")) expect(service.command).toEqual(["node", ...INGEST_NODE_FLAGS, built]);
    }
    expect(readFileSync("Dockerfile", "utf8")).toContain("scripts/build-workers.ts");
  });

  it("has each worker serve its /metrics on a port of its own, exposed to the compose network alone", () => {
    for (const [name, key] of [["ingest", "UPTRUST_INGEST_METRICS_PORT"], ["analyze", "UPTRUST_ANALYZE_METRICS_PORT"]] as const) {
      const service = compose.services[name];
      const port = service.environment?.[key];
      expect(parseEnv({ [key]: port })[key], `${name} sets ${key}`).toBeGreaterThan(0);
      expect(service.expose, `${name} exposes its metrics port`).toEqual([port]);
    }
    expect(new Set(["web", "ingest", "analyze"].map((n) => Object.keys(compose.services[n].environment ?? {}).includes("UPTRUST_METRICS_TOKEN")))).toEqual(new Set([true]));
  });

  it("runs the web server with the Node flags npm start gives it, as does the image by default", () => {
    const web = ["node", ...WEB_NODE_OPTIONS.split(" "), "node_modules/next/dist/bin/next", "start", "-p", "3000"];
    expect(compose.services.web.command).toEqual(web);
    expect(existsSync(web[web.length - 4])).toBe(true);
    expect(readFileSync("Dockerfile", "utf8")).toContain(`CMD ${JSON.stringify(web).replace(/","/g, '", "')}`);
  });

  it("gives each process every setting its code reads, except those listed here with the reason", () => {
    const missing = Object.entries(settingsRead()).flatMap(([process, names]) => {
      const passed = Object.keys(compose.services[process].environment ?? {});
      const unpassed = names.filter((n) => !passed.includes(n) && !(n in NOT_PASSED));
      return unpassed.map((n) => `${process} reads ${n}, which docker-compose.yml does not pass`);
    });
    expect(missing).toEqual([]);
    const read = new Set(Object.values(settingsRead()).flat());
    expect(Object.keys(NOT_PASSED).filter((n) => !read.has(n)), "listed as not passed, yet no process reads it").toEqual([]);
    // The walk does find what it looks for: the notifier's channels, in the analyze worker alone.
    expect(Object.entries(settingsRead()).filter(([, names]) => names.includes("UPTRUST_SLACK_WEBHOOK_URL")).map(([p]) => p)).toEqual(["analyze"]);
  });

  it("leaves a setting missing from .env unset (so its default applies), and starts each process with an .env of the required five", () => {
    const dotEnv: Record<string, string> = {
      POSTGRES_PASSWORD: "pw",
      AUTH_SECRET: "0123456789abcdef0123456789abcdef0123",
      AUTH_OIDC_ISSUER: "https://login.example.com/realms/sre",
      AUTH_OIDC_ID: "uptrust",
      AUTH_OIDC_SECRET: "from-the-provider",
    };
    for (const name of ["web", "ingest", "analyze", "migrate"]) {
      const env = Object.fromEntries(Object.entries(compose.services[name].environment ?? {}).map(([k, v]) => [k, interpolate(v, dotEnv)]));
      const optional = Object.keys(env).filter((k) => /^\$\{\w+:-\}$/.test(compose.services[name].environment![k]));
      const settings = parseEnv(env);
      const unset = parseEnv(Object.fromEntries(Object.entries(env).filter(([k]) => !optional.includes(k))));
      expect(settings, name).toEqual(unset);
    }
    expect(interpolate("${UPTRUST_WEBHOOK_URL:-}", { UPTRUST_WEBHOOK_URL: "https://hooks.example" })).toBe("https://hooks.example");
  });
});

// What docker compose does to a value with a .env file: ${VAR:-default}, ${VAR:?message} and ${VAR}.
function interpolate(value: string, dotEnv: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, rest?: string) => {
    if (dotEnv[name]) return dotEnv[name];
    if (op === "?") throw new Error(`compose refuses to start without ${name}: ${rest}`);
    return op === "-" ? (rest ?? "") : "";
  });
}

// Settings a process reads that compose leaves out on purpose.
const NOT_PASSED: Record<string, string> = {
  UPTRUST_DATA_DIR: "the embedded database's folder, and compose runs PostgreSQL",
  UPTRUST_EMBEDDED_DB_PORT: "the embedded database's port, and compose runs PostgreSQL",
  UPTRUST_CLUSTER_NAME: "names the one cluster ingest watches from inside it; compose watches the kubeconfig's clusters",
  UPTRUST_INGEST_HOLDER: "names an ingest worker in leases; unset, the container's host name and process id do",
  UPTRUST_DEV_IDP_PORT: "the development sign-in, which compose does not run (it signs in through AUTH_OIDC_ISSUER)",
  NEXTAUTH_URL: "the older name of AUTH_URL, which compose passes",
  PORT: "the base of notification links when neither UPTRUST_PUBLIC_URL nor AUTH_URL is set, and compose passes AUTH_URL",
};
