import { expect, test } from "@playwright/test";
import { queryWhenPresent, startScrapingPrometheus } from "../lib/prometheus/testing/scraping-prometheus.ts";
import { E2E_METRICS_TOKEN, E2E_PORT } from "../playwright.config.ts";
import { loginAs } from "./pages/login-page.ts";

// The web app's /metrics as a team's Prometheus sees it: Debian's Prometheus scrapes it with the bearer token
// the server was given, and counts the sign-in a person just made; without the token it gets nothing.
test("Prometheus scrapes the web app with its token and counts a person's sign-in; a wrong token gets 401", async ({ page, request }) => {
  const prometheus = await startScrapingPrometheus([{ job: "uptrust-web", address: `localhost:${E2E_PORT}`, bearer: E2E_METRICS_TOKEN }]);
  try {
    const before = await queryWhenPresent(prometheus.url, 'uptrust_web_sign_ins_total{outcome="accepted"}');
    await loginAs(page, { user: "demo", password: "demo" });
    const query = `uptrust_web_sign_ins_total{outcome="accepted"} > ${before[0].value[1]}`;
    expect(await queryWhenPresent(prometheus.url, query)).toHaveLength(1);
    expect(await queryWhenPresent(prometheus.url, 'up{job="uptrust-web"} == 1')).toHaveLength(1);
    expect(await queryWhenPresent(prometheus.url, "uptrust_web_process_resident_memory_bytes")).toHaveLength(1);
  } finally {
    await prometheus.stop();
  }
  const wrong = await request.get("/metrics", { headers: { authorization: "Bearer not-the-token" } });
  expect(wrong.status()).toBe(401);
  expect((await wrong.json()).error).toBe("the bearer token is not UPTRUST_METRICS_TOKEN");
});
