import { parse } from "yaml";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ExportedSlo } from "@/lib/domain/slo-rules.ts";

const user = vi.hoisted(() => ({ current: { email: "sre@example.com", role: "viewer" } as { email: string; role: string } | null }));
const asked = vi.hoisted(() => [] as { id?: string; cluster?: string }[]);
vi.mock("@/lib/auth/require-user.ts", () => ({ currentSession: async () => ({ user: user.current }) }));
vi.mock("@/lib/db/queries/get-exported-slos.ts", () => ({
  getExportedSlos: async (filter: { id?: string; cluster?: string }) => {
    asked.push(filter);
    return SLOS.filter((s) => (!filter.id || s.id === filter.id) && (!filter.cluster || s.cluster === filter.cluster));
  },
}));

const ID = "4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90";
const base = { namespace: "shop", workload: "checkout", target: 0.999, windowDays: 30, calendar: null, timesliceTarget: null, query: null } as const;
const SLOS: ExportedSlo[] = [
  { ...base, id: ID, cluster: "prod", name: "availability", indicator: "availability", budgeting: "timeslices" },
  { ...base, id: "5a7d3b2f-9c1e-4d4f-8b62-3e8f4c9d2a01", cluster: "staging", name: "requests", indicator: "success", budgeting: "occurrences" },
];

const one = await import("./route.ts");
const all = await import("../../rules/route.ts");
const getOne = (id: string, query = "") => one.GET(new Request(`http://localhost/api/slos/${id}/rules${query}`), { params: Promise.resolve({ id }) });
const getAll = (query = "") => all.GET(new Request(`http://localhost/api/slos/rules${query}`));
const groupNames = async (res: Response) => (parse(await res.text()) as { groups: { name: string }[] }).groups.map((g) => g.name);

beforeEach(() => {
  user.current = { email: "sre@example.com", role: "viewer" };
  asked.length = 0;
});

describe("GET /api/slos/:id/rules and /api/slos/rules", () => {
  it("answer 401 to a caller who is not signed in, and read nothing", async () => {
    user.current = null;
    expect((await getOne(ID)).status).toBe(401);
    expect((await getAll()).status).toBe(401);
    expect(asked).toEqual([]);
  });

  it("download one SLO's rules as a YAML file named after it", async () => {
    const res = await getOne(ID);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/yaml; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="shop-checkout-availability.rules.yaml"');
    expect(await groupNames(res)).toEqual(["sli-recordings", "meta-recordings", "alerts"].map((g) => `sloth-slo-${g}-prod/shop/checkout-availability`));
  });

  it("refuse an id that is not a UUID, and say an unknown SLO does not exist", async () => {
    const bad = await getOne("checkout");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^SLO id must be a UUID/);
    const unknown = await getOne("00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toBe("No SLO with id 00000000-0000-4000-8000-000000000000: it may have been deleted with its workload");
  });

  it("download every SLO's rules, or one cluster's, say a cluster without SLOs has none, and refuse other parameters", async () => {
    const everything = await getAll();
    expect(everything.headers.get("content-disposition")).toBe('attachment; filename="uptrust-slos.rules.yaml"');
    expect(await groupNames(everything)).toHaveLength(6);
    const staging = await getAll("?cluster=staging");
    expect(staging.headers.get("content-disposition")).toBe('attachment; filename="staging-slos.rules.yaml"');
    expect((await groupNames(staging)).every((n) => n.includes("staging/shop/checkout-requests"))).toBe(true);
    const nowhere = await getAll("?cluster=prdo");
    expect(nowhere.status).toBe(404);
    expect((await nowhere.json()).error).toBe("No SLO in a cluster named prdo: name a cluster Uptrust watches, as /clusters lists them");
    const other = await getAll("?format=json");
    expect(other.status).toBe(400);
    expect((await other.json()).error).toBe("format=json is not one Uptrust writes: rules (for rule_files) or prometheusrule (for the Prometheus Operator)");
    const unknown = await getAll("?clusters=prod");
    expect((await unknown.json()).error).toBe("clusters is not a setting of this download: give only cluster, format, namespace, label");
  });

  it("download the same groups as a PrometheusRule, in the namespace and with the labels the Prometheus Operator selects by", async () => {
    const res = await getOne(ID, "?format=prometheusrule&namespace=monitoring&label=release=kube-prometheus-stack");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="shop-checkout-availability.prometheusrule.yaml"');
    const rule = parse(await res.text()) as { apiVersion: string; kind: string; metadata: unknown; spec: { groups: unknown[] } };
    expect([rule.apiVersion, rule.kind]).toEqual(["monitoring.coreos.com/v1", "PrometheusRule"]);
    expect(rule.metadata).toEqual({
      name: "shop-checkout-availability",
      namespace: "monitoring",
      labels: { "app.kubernetes.io/managed-by": "uptrust", release: "kube-prometheus-stack" },
    });
    expect(rule.spec.groups).toEqual((parse(await (await getOne(ID)).text()) as { groups: unknown[] }).groups);
    const all = await getAll("?cluster=staging&format=prometheusrule");
    expect(all.headers.get("content-disposition")).toBe('attachment; filename="staging-slos.prometheusrule.yaml"');
    expect((parse(await all.text()) as { metadata: unknown }).metadata).toEqual({ name: "staging-slos", labels: { "app.kubernetes.io/managed-by": "uptrust" } });
    const misplaced = await getOne(ID, "?namespace=monitoring");
    expect(misplaced.status).toBe(400);
    expect((await misplaced.json()).error).toBe("namespace and label name where a PrometheusRule goes: add format=prometheusrule, or leave them out");
    expect((await (await getOne(ID, "?cluster=prod")).json()).error).toBe("cluster is not a setting of this download: give only format, namespace, label");
  });
});
