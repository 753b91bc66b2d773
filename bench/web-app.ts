// The web app as bench:web runs it: built once (`next build`), started with `next start` against the
// bench database (no workers: the figures are of the read side alone), the development OpenID
// Provider in this process, and a headless Chromium signed in as the demo admin the way a person is.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { startDevIdp } from "@/workers/dev-idp/server.ts";
import { LoginPage } from "../e2e/pages/login-page.ts";
import { runToEnd, startChild, stopChildren, type Child } from "../scripts/start/children.ts";
import { webNodeOptions } from "../scripts/web-node-options.ts";

export type RunningApp = { url: string; browser: Browser; context: BrowserContext; cookie: string; stop(): Promise<void> };

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

export async function buildApp(skipIfBuilt: boolean): Promise<number> {
  if (skipIfBuilt && existsSync(".next/BUILD_ID")) return 0;
  const t = performance.now();
  await runToEnd("build", resolve("node_modules/.bin/next"), ["build"], { ...process.env, NODE_ENV: "production" });
  return performance.now() - t;
}

async function waitForHealth(url: string, child: Child): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`next start exited with code ${child.process.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.status < 500, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the web app did not answer ${url}/api/health within two minutes`);
}

export async function startApp(databaseUrl: string, port: number, idpPort: number): Promise<RunningApp> {
  const url = `http://localhost:${port}`;
  const idp = await startDevIdp({ port: idpPort, appUrl: url });
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, PORT: String(port), UPTRUST_DEV_IDP_PORT: String(idpPort),
    AUTH_SECRET: randomBytes(32).toString("base64url"), AUTH_TRUST_HOST: "true", AUTH_OIDC_ISSUER: "", AUTH_OIDC_ID: "", AUTH_OIDC_SECRET: "",
    NODE_OPTIONS: webNodeOptions(process.env),
  };
  const web = startChild("web", resolve("node_modules/.bin/next"), ["start", "-p", String(port)], env);
  let browser: Browser | null = null;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await stopChildren([web]);
    await idp.stop();
  };
  try {
    await waitForHealth(url, web);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto("/login");
    await new LoginPage(page).signIn({ user: "demo", password: "demo" });
    await page.waitForURL((u) => !u.pathname.startsWith("/login") && u.port === String(port), { timeout: 60_000 });
    await page.close();
    const cookie = (await context.cookies(url)).map((c) => `${c.name}=${c.value}`).join("; ");
    return { url, browser, context, cookie, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
