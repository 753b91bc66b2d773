import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { BUILT_WORKERS, INGEST_NODE_FLAGS } from "./build-workers.ts";
import { parseEnv } from "@/lib/env.ts";
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
});
