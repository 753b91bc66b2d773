import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";

// What an operator sees when the configuration is wrong: one message naming the variable and the fix,
// never a stack trace, and for a cluster that cannot be reached a worker that says so and keeps trying.

type Run = { code: number | null; output: string };

function run(script: string, env: Record<string, string>, until?: RegExp, timeoutMs = 30_000): Promise<Run> {
  return new Promise((resolve) => {
    // Only what an operator would set: none of the test runner's own environment leaks in.
    const childEnv: NodeJS.ProcessEnv = { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, UPTRUST_DATA_DIR: mkdtempSync(join(tmpdir(), "uptrust-cfg-")), ...env };
    const child = spawn("node_modules/.bin/tsx", [script], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const finish = (code: number | null) => {
      clearTimeout(timer);
      resolve({ code, output });
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until?.test(output)) child.kill("SIGTERM");
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => finish(code));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  });
}

const noStackTrace = (output: string) => expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe("start-up with bad configuration", () => {
  it("a malformed DATABASE_URL stops npm start with the expected shape of the URL", async () => {
    const { code, output } = await run("scripts/start.ts", { DATABASE_URL: "localhost:5432/uptrust" });
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL must look like postgresql://USER:PASSWORD@HOST:5432/DATABASE");
    noStackTrace(output);
  });

  it("a demo scenario that does not exist stops npm start and the emulator, listing the ones there are", async () => {
    for (const script of ["scripts/start.ts", "workers/emulator/main.ts"]) {
      const { code, output } = await run(script, { UPTRUST_EMULATOR_SCENARIO: "dns" });
      expect(code, output).not.toBe(0);
      expect(output).toContain('UPTRUST_EMULATOR_SCENARIO="dns" is not a scenario of the demo cluster; choose one of: demo, healthy, bad-rollout');
      expect(output).toContain("dns-outage");
      noStackTrace(output);
    }
  });

  it("a database that does not answer is named, without its password", async () => {
    const port = await closedPort();
    const { code, output } = await run("scripts/start.ts", { DATABASE_URL: `postgresql://uptrust:hunter2@127.0.0.1:${port}/uptrust` });
    expect(code).toBe(1);
    expect(output).toContain(`cannot use the database at 127.0.0.1:${port}/uptrust (from DATABASE_URL)`);
    expect(output).toContain("unset DATABASE_URL to use the embedded database");
    expect(output).not.toContain("hunter2");
    noStackTrace(output);
  });

  it("an identity provider without its client secret names AUTH_OIDC_SECRET", async () => {
    const { code, output } = await run("scripts/start.ts", { AUTH_OIDC_ISSUER: "https://login.example.com", AUTH_OIDC_ID: "uptrust" });
    expect(code).toBe(1);
    expect(output).toContain("AUTH_OIDC_SECRET is missing");
    noStackTrace(output);
  });

  it("a kubeconfig that does not exist stops the ingest worker naming KUBECONFIG", async () => {
    const { code, output } = await run("workers/ingest/main.ts", { DATABASE_URL: process.env.DATABASE_URL!, KUBECONFIG: "/nonexistent/kubeconfig" });
    expect(code).not.toBe(0);
    expect(output).toContain("KUBECONFIG");
    expect(output).toContain("/nonexistent/kubeconfig");
    noStackTrace(output);
  });

  it("an unreachable cluster is reported with its server and context, and recorded for the cockpit", async () => {
    const port = await closedPort();
    const dir = mkdtempSync(join(tmpdir(), "uptrust-kube-"));
    const kubeconfig = join(dir, "config");
    writeFileSync(
      kubeconfig,
      [
        "apiVersion: v1",
        "kind: Config",
        `clusters: [{name: gone, cluster: {server: "http://127.0.0.1:${port}"}}]`,
        "users: [{name: u, user: {token: t}}]",
        "contexts: [{name: gone-context, context: {cluster: gone, user: u}}]",
        "current-context: gone-context",
      ].join("\n"),
    );
    const { output } = await run("workers/ingest/main.ts", { DATABASE_URL: process.env.DATABASE_URL!, KUBECONFIG: kubeconfig }, /unreachable/, 45_000);
    expect(output).toMatch(/unreachable/);
    expect(output).toContain(`http://127.0.0.1:${port}`);
    expect(output).toContain("gone-context");
    noStackTrace(output);
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    await expect
      .poll(async () => (await db.query(`SELECT status, last_error FROM clusters WHERE name = 'gone-context'`)).rows[0], { timeout: 10_000 })
      // The test stopped the worker (SIGTERM): the cluster reads "stopped", its last error kept for the cockpit.
      .toMatchObject({ status: "stopped", last_error: expect.stringMatching(/ECONNREFUSED|refused/i) });
    await db.end();
  });
});
