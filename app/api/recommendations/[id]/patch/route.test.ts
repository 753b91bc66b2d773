import { beforeEach, describe, expect, it, vi } from "vitest";
import { buildResourcePatch } from "@/lib/domain/rightsizing-patch.ts";

const user = vi.hoisted(() => ({ current: { email: "sre@example.com", role: "viewer" } as { email: string; role: string } | null }));
const patches = vi.hoisted(() => new Map<string, unknown>());
vi.mock("@/lib/auth/require-user.ts", () => ({ currentSession: async () => ({ user: user.current }) }));
vi.mock("@/lib/db/queries/get-recommendation-patch.ts", () => ({ getRecommendationPatch: async (id: string) => patches.get(id) ?? null }));

const { GET } = await import("./route.ts");

const MIB = 2 ** 20;
const ID = "4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90";
const HELD = "5a7d3b2f-9c1e-4d4f-8b62-3e8f4c9d2a01";
const target = { cluster: "demo", kind: "Deployment", namespace: "shop", workload: "frontend", container: "frontend" };
const current = { cpuRequestMillis: 500, cpuLimitMillis: null, memoryRequestBytes: 1024 * MIB, memoryLimitBytes: 1024 * MIB };
const smaller = { cpuRequestMillis: 68, memoryRequestBytes: 245 * MIB, memoryLimitBytes: 245 * MIB };

const get = (id: string, query = "") => GET(new Request(`http://localhost/api/recommendations/${id}/patch${query}`), { params: Promise.resolve({ id }) });

beforeEach(() => {
  user.current = { email: "sre@example.com", role: "viewer" };
  patches.set(ID, buildResourcePatch(target, current, smaller, false));
  patches.set(HELD, buildResourcePatch(target, current, smaller, true));
});

describe("GET /api/recommendations/:id/patch", () => {
  it("answers 401 to a caller who is not signed in", async () => {
    user.current = null;
    expect((await get(ID)).status).toBe(401);
  });

  it("refuses an id that is not a UUID and a format it does not serve, saying why", async () => {
    const bad = await get("frontend");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/must be a UUID/);
    expect((await (await get(ID, "?format=xml")).json()).error).toBe("format must be bundle, json or yaml");
  });

  it("serves the JSON and YAML forms with the exact kubectl commands", async () => {
    const res = await get(ID);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.commands.yaml).toBe("kubectl --context demo --namespace shop patch deployment frontend --type strategic --patch-file shop-frontend-frontend.patch.yaml");
    expect(JSON.parse(body.json).spec.template.spec.containers[0]).toEqual({ name: "frontend", resources: { requests: { cpu: "68m", memory: "245Mi" }, limits: { memory: "245Mi" } } });
  });

  it("downloads the patch file itself as YAML or JSON", async () => {
    const yaml = await get(ID, "?format=yaml");
    expect(yaml.headers.get("content-disposition")).toBe('attachment; filename="shop-frontend-frontend.patch.yaml"');
    expect(await yaml.text()).toContain("name: frontend");
    const json = await get(ID, "?format=json");
    expect(json.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(await json.text()).spec.template.spec.containers[0].name).toBe("frontend");
  });

  it("answers 404 for an unknown suggestion and 409 with the hold's reason when nothing may be applied yet", async () => {
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const held = await get(HELD);
    expect(held.status).toBe(409);
    expect((await held.json()).error).toMatch(/^nothing to export while downsizing is held/);
  });
});
