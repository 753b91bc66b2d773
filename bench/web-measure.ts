// What bench:web measures, one helper per figure: request timings, Largest Contentful Paint in
// Chromium, and the gzipped JavaScript a page loads.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext } from "@playwright/test";
import { percentile } from "@/lib/domain/percentile.ts";

export type Timing = { p50: number; p95: number; samples: number };

export function summarize(ms: readonly number[]): Timing {
  return { p50: percentile(ms, 50) ?? NaN, p95: percentile(ms, 95) ?? NaN, samples: ms.length };
}

// `runs` timed calls after `warmup` untimed ones, one at a time (a single user's page loads and polls).
export async function timeCalls(run: () => Promise<unknown>, runs: number, warmup = 5): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return summarize(ms);
}

export type Fetched = { status: number; bytes: number; etag: string | null; text: string };

// The whole response, body read to its end: what the server costs until the browser has the page.
export async function fetchAll(url: string, cookie: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const res = await fetch(url, { headers: { cookie, ...headers }, redirect: "manual" });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, bytes: body.byteLength, etag: res.headers.get("etag"), text: body.toString("utf8") };
}

export async function expectStatus(url: string, cookie: string, status: number, headers: Record<string, string> = {}): Promise<Fetched> {
  const got = await fetchAll(url, cookie, headers);
  if (got.status !== status) throw new Error(`${url} answered ${got.status}, expected ${status}: is the session signed in?`);
  return got;
}

// LCP of `path` in a fresh browser context each run (nothing cached: a first visit), as the browser's
// own PerformanceObserver reports it once the page has loaded and settled for a second.
export async function measureLcp(browser: Browser, baseURL: string, path: string, runs: number, storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>): Promise<Timing> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, storageState });
    const page = await context.newPage();
    await page.goto(path, { waitUntil: "load" });
    const lcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = NaN;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) last = e.startTime;
          }).observe({ type: "largest-contentful-paint", buffered: true });
          setTimeout(() => resolve(last), 1_000);
        }),
    );
    await context.close();
    if (!Number.isFinite(lcp)) throw new Error(`Chromium reported no largest-contentful-paint for ${path}`);
    ms.push(lcp);
  }
  return summarize(ms);
}

export type Script = { path: string; raw: number; gz: number };

const gz = (body: Buffer) => gzipSync(body).byteLength;

// Every script file the page loads (the chunks in its HTML and those they import), gzipped at zlib's
// default level as a server or CDN would send them.
export async function pageScripts(context: BrowserContext, path: string): Promise<Script[]> {
  const page = await context.newPage();
  const scripts: Promise<Script | null>[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() !== "script") return;
    scripts.push(res.body().then((b) => ({ path: new URL(res.url()).pathname, raw: b.byteLength, gz: gz(b) }), () => null));
  });
  await page.goto(path, { waitUntil: "networkidle" });
  await page.close();
  const all = (await Promise.all(scripts)).filter((x): x is Script => x !== null);
  return [...new Map(all.map((x) => [x.path, x])).values()].sort((a, b) => b.gz - a.gz);
}

// The framework's own chunks (React, the App Router runtime): what every page of any Next.js app loads,
// read from the build's manifest.
export function frameworkScripts(): Script[] {
  const manifest = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")) as { rootMainFiles?: string[] };
  return (manifest.rootMainFiles ?? []).map((file) => {
    const body = readFileSync(`.next/${file.replace(/^static\//, "static/")}`);
    return { path: `/_next/${file}`, raw: body.byteLength, gz: gz(body) };
  });
}

/** The scripts a page's HTML names itself (those needed to hydrate it), out of those it loaded. */
export function initialScripts(html: string, loaded: readonly Script[]): Script[] {
  const named = new Set([...html.matchAll(/\/_next\/static\/chunks\/[\w.~-]+\.js/g)].map((m) => m[0]));
  return loaded.filter((x) => named.has(x.path));
}

export const sumGz = (scripts: readonly Script[]) => scripts.reduce((n, x) => n + x.gz, 0);
