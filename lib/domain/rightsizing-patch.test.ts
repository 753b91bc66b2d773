import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { MIB } from "./rightsizing.ts";
import { buildResourcePatch } from "./rightsizing-patch.ts";

const frontend = { cluster: "demo", kind: "Deployment", namespace: "shop", workload: "frontend", container: "frontend" };
const current = { cpuRequestMillis: 500, cpuLimitMillis: 1000, memoryRequestBytes: 1024 * MIB, memoryLimitBytes: 1024 * MIB };
const smaller = { cpuRequestMillis: 68, memoryRequestBytes: 245 * MIB, memoryLimitBytes: 245 * MIB };

describe("a suggestion as a kubectl patch", () => {
  it("patches just this container's resources in the pod template, as JSON, YAML and the exact command", () => {
    const p = buildResourcePatch(frontend, current, smaller, false);
    if (!p.ok) throw new Error(p.reason);
    const expected = { spec: { template: { spec: { containers: [{ name: "frontend", resources: { requests: { cpu: "68m", memory: "245Mi" }, limits: { memory: "245Mi" } } }] } } } };
    expect(JSON.parse(p.json)).toEqual(expected);
    expect(parse(p.yaml)).toEqual(expected);
    expect(p.commands.json).toBe(`kubectl --context demo --namespace shop patch deployment frontend --type strategic --patch '${p.json}'`);
    expect(p.commands.yaml).toBe("kubectl --context demo --namespace shop patch deployment frontend --type strategic --patch-file shop-frontend-frontend.patch.yaml");
    expect(p.changes.map((c) => `${c.field} ${c.from} → ${c.to}`)).toEqual(["requests.cpu 500m → 68m", "requests.memory 1024Mi → 245Mi", "limits.memory 1024Mi → 245Mi"]);
  });

  it("while downsizing is held, exports only what adds room and says what stays", () => {
    const mixed = { cpuRequestMillis: 68, memoryRequestBytes: 1536 * MIB, memoryLimitBytes: 1536 * MIB };
    const p = buildResourcePatch(frontend, current, mixed, true);
    if (!p.ok) throw new Error(p.reason);
    expect(JSON.parse(p.json).spec.template.spec.containers[0].resources).toEqual({ requests: { memory: "1536Mi" }, limits: { memory: "1536Mi" } });
    expect(p.leftOut).toEqual(["requests.cpu stays 500m (held; suggested 68m)"]);
    const none = buildResourcePatch(frontend, current, smaller, true);
    expect(none).toMatchObject({ ok: false });
    if (!none.ok) expect(none.reason).toMatch(/^nothing to export while downsizing is held/);
  });

  it("raises a CPU limit the new request would exceed, since the API refuses request > limit", () => {
    const p = buildResourcePatch(frontend, { ...current, cpuRequestMillis: 200, cpuLimitMillis: 250 }, { ...smaller, cpuRequestMillis: 400 }, false);
    if (!p.ok) throw new Error(p.reason);
    expect(JSON.parse(p.json).spec.template.spec.containers[0].resources.limits).toEqual({ memory: "245Mi", cpu: "400m" });
  });

  it("reaches a CronJob's template through its jobTemplate, and declines a Job, whose template is fixed", () => {
    const cron = buildResourcePatch({ ...frontend, kind: "CronJob", workload: "nightly" }, current, smaller, false);
    if (!cron.ok) throw new Error(cron.reason);
    expect(JSON.parse(cron.json).spec.jobTemplate.spec.template.spec.containers[0].name).toBe("frontend");
    expect(cron.commands.yaml).toContain("patch cronjob nightly");
    expect(buildResourcePatch({ ...frontend, kind: "Job" }, current, smaller, false)).toMatchObject({ ok: false });
  });

  it("quotes a cluster name the shell would split", () => {
    const p = buildResourcePatch({ ...frontend, cluster: "prod eu's" }, current, smaller, false);
    if (!p.ok) throw new Error(p.reason);
    expect(p.commands.yaml).toContain(`--context 'prod eu'\\''s'`);
  });

  it("says so when there is nothing to change", () => {
    expect(buildResourcePatch(frontend, current, { cpuRequestMillis: 500, memoryRequestBytes: 1024 * MIB, memoryLimitBytes: 1024 * MIB }, false))
      .toEqual({ ok: false, reason: "nothing to change: the container already asks for what Uptrust suggests" });
  });
});
