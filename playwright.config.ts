import { defineConfig } from "@playwright/test";

// End-to-end tests run the cockpit exactly as a newcomer does (`npm start` with nothing configured:
// embedded database, demo cluster, development sign-in), on ports of their own.
// UPTRUST_E2E_PORT_OFFSET shifts every port, so two checkouts can run their end-to-end tests at once.
const offset = Number(process.env.UPTRUST_E2E_PORT_OFFSET ?? 0);
export const E2E_PORT = 3300 + offset;
export const E2E_DATA_DIR = ".uptrust/e2e";
// The embedded database the e2e server runs on, for tests that must age or inspect stored facts.
export const E2E_DATABASE_URL = `postgresql://postgres@127.0.0.1:${5533 + offset}/postgres`;
export const E2E_METRICS_TOKEN = "e2e-metrics-token-7f3a9c21";
export const E2E_ALERTMANAGER_TOKEN = "e2e-alertmanager-token-4b8d2e60";
const dataDir = E2E_DATA_DIR;

export default defineConfig({
  testDir: "e2e",
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    // Every run starts from an empty data directory, as a newcomer does: facts a previous run stored
    // (an SLO it defined, sessions it opened) must not decide what this run sees.
    command: `node -e "require('fs').rmSync('${dataDir}', { recursive: true, force: true })" && npx tsx scripts/start.ts`,
    url: `http://localhost:${E2E_PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      UPTRUST_DATA_DIR: dataDir,
      PORT: String(E2E_PORT),
      UPTRUST_DEV_IDP_PORT: String(4300 + offset),
      UPTRUST_EMULATOR_PORT: String(6543 + offset),
      UPTRUST_EMBEDDED_DB_PORT: String(5533 + offset),
      // Replay the demo cluster's six hours of history in about 30 seconds.
      UPTRUST_EMULATOR_SPEED: "720",
      UPTRUST_EMULATOR_LEAD_MINUTES: "360",
      UPTRUST_METRICS_POLL_MS: "100",
      // What e2e/metrics.spec.ts's Prometheus scrapes /metrics with.
      UPTRUST_METRICS_TOKEN: E2E_METRICS_TOKEN,
      // What e2e/alerts.spec.ts's Alertmanager sends its webhook with.
      UPTRUST_ALERTMANAGER_TOKEN: E2E_ALERTMANAGER_TOKEN,
      DATABASE_URL: "",
      KUBECONFIG: "",
      AUTH_OIDC_ISSUER: "",
      AUTH_OIDC_ID: "",
      AUTH_OIDC_SECRET: "",
      AUTH_SECRET: "",
    },
  },
});
