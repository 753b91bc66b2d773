import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parse } from "yaml";
import { SloListPage } from "./pages/list-pages.ts";
import { loginAs } from "./pages/login-page.ts";
import { SloPage } from "./pages/slo-page.ts";

// A signed-in viewer downloads the demo's SLOs as Prometheus rules from /slos and from one SLO's page; the files
// pass promtool. Without a session the same links answer 401.

type RuleFile = { groups: { name: string; rules: { record?: string; alert?: string; labels?: Record<string, string> }[] }[] };

async function download(page: Page, link: Locator): Promise<{ name: string; path: string; file: RuleFile }> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), path, file: parse(readFileSync(path, "utf8")) as RuleFile };
}

const promtool = (path: string) => spawnSync("promtool", ["check", "rules", path], { encoding: "utf8" });
const ids = (f: RuleFile) => new Set(f.groups.flatMap((g) => g.rules.map((r) => r.labels?.sloth_id)).filter(Boolean));

test("a viewer downloads every SLO's rules from /slos and one SLO's from its page, and promtool accepts both; the PrometheusRule holds the same groups", async ({ page }) => {
  await loginAs(page, { user: "viewer", password: "viewer" }, "/slos");
  const slos = new SloListPage(page);
  await slos.eventually(async () => expect((await slos.read()).some((r) => r.workload === "shop/checkout" && r.slo === "availability")).toBe(true));

  const all = await download(page, slos.rulesLink());
  expect(all.name).toBe("uptrust-slos.rules.yaml");
  expect(ids(all.file)).toContain("shop/checkout-availability");
  expect(ids(all.file).size).toBeGreaterThanOrEqual((await slos.read()).length);
  const checkAll = promtool(all.path);
  expect(checkAll.stderr).toBe("");
  expect(checkAll.stdout).toMatch(/SUCCESS: \d+ rules found/);

  await slos.row("shop/checkout").getByRole("link", { name: "availability", exact: true }).click();
  await expect(page).toHaveURL(/\/slos\/[0-9a-f-]{36}$/);
  const one = await download(page, new SloPage(page).rulesLink());
  expect(one.name).toBe("shop-checkout-availability.rules.yaml");
  expect([...ids(one.file)]).toEqual(["shop/checkout-availability"]);
  expect(one.file.groups.flatMap((g) => g.rules.map((r) => r.alert ?? r.record))).toContain("CheckoutAvailabilitySLO");
  expect(promtool(one.path).status).toBe(0);

  // The same groups as a PrometheusRule, named after the SLO, for a cluster whose Prometheus the operator runs.
  const [operatorDownload] = await Promise.all([page.waitForEvent("download"), new SloPage(page).operatorRulesLink().click()]);
  expect(operatorDownload.suggestedFilename()).toBe("shop-checkout-availability.prometheusrule.yaml");
  const rule = parse(readFileSync(await operatorDownload.path(), "utf8")) as { kind: string; metadata: { name: string }; spec: RuleFile };
  expect([rule.kind, rule.metadata.name]).toEqual(["PrometheusRule", "shop-checkout-availability"]);
  expect(rule.spec.groups).toEqual(one.file.groups);
});

test("without a session the rule files are refused", async ({ request }) => {
  for (const path of ["/api/slos/rules", "/api/slos/4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90/rules"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(401);
    expect((await res.json()).error, path).toBe("sign in required");
  }
});
