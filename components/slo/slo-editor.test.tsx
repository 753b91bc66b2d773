import { readFileSync } from "node:fs";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DefineResult } from "@/lib/slo/define-slos.ts";
import { formatProblem } from "@/lib/slo/format-problems.ts";
import { importSlos } from "@/lib/slo/import-slo.ts";
import { formatIssues, sloForm } from "@/lib/slo/slo-spec.ts";
import { realInput } from "@/lib/testing/real-input.ts";
import { apiServer, type Answer } from "../testing/api-server.ts";
import { renderWithClient } from "../testing/render-with-client.tsx";
import { SloEditor } from "./slo-editor.tsx";

// The server side of the two forms as far as it needs no database: the same validation and parsing the
// routes run (app/api/slos, app/api/slos/import), and a save that stores the SLO as new.
const saved = (workload: string, name: string): DefineResult => ({ ok: true, slos: [{ id: "slo-1", workload, name, created: true, redefined: false }], notes: [] });

const { received } = apiServer({
  "POST /api/slos": ({ body }): Answer => {
    const parsed = sloForm.safeParse(JSON.parse(body));
    if (!parsed.success) return { status: 400, json: { error: formatIssues(parsed.error) } };
    return { status: 201, json: saved(parsed.data.workload, parsed.data.name) };
  },
  "POST /api/slos/import": ({ body }): Answer => {
    const read = importSlos(body);
    const notes = read.notes.map((n) => formatProblem("slo.yaml", n));
    if (read.problems.length > 0) {
      const problems = read.problems.map((p) => formatProblem("slo.yaml", p));
      return { status: 422, json: { error: problems.join("\n"), problems, notes } };
    }
    return { status: 200, json: { ok: true, slos: read.slos.map((d) => ({ id: d.name, workload: "shop/checkout", name: d.name, created: true, redefined: false })), notes } };
  },
});

async function openEditor() {
  renderWithClient(<SloEditor />);
  await userEvent.click(screen.getByText("Define or import an SLO"));
}

describe("defining an SLO from the cockpit", () => {
  it("sends the target as a fraction and the latency threshold, and says what was saved", async () => {
    await openEditor();
    await userEvent.type(screen.getByLabelText("workload"), "shop/checkout");
    await userEvent.type(screen.getByLabelText("name"), "checkout-latency");
    await userEvent.clear(screen.getByLabelText("target (%)"));
    await userEvent.type(screen.getByLabelText("target (%)"), "99.9");
    await userEvent.click(screen.getByRole("button", { name: "Save SLO" }));
    expect(await screen.findByText("shop/checkout checkout-latency: created")).toBeTruthy();
    expect(JSON.parse(received[0]!.body)).toMatchObject({ workload: "shop/checkout", name: "checkout-latency", indicator: "latency", target: 0.999, thresholdMs: 300, windowDays: 30 });
  });

  it("shows the server's sentence when the form cannot be saved, in the form", async () => {
    await openEditor();
    await userEvent.type(screen.getByLabelText("workload"), "shop/checkout");
    await userEvent.type(screen.getByLabelText("name"), "Checkout Latency");
    await userEvent.click(screen.getByRole("button", { name: "Save SLO" }));
    const refusal = await screen.findByRole("status");
    expect(refusal.textContent).toMatch(/^name/);
    expect(refusal.textContent).not.toContain("created");
  });
});

describe("importing a file", () => {
  it("sends the YAML as YAML with the chosen cluster, and lists each SLO it imported", async () => {
    const yaml = readFileSync(realInput("slo/sloth/getting-started.yml"), "utf8");
    await openEditor();
    await userEvent.type(screen.getByLabelText("cluster"), "prod-eu");
    await userEvent.click(screen.getByLabelText("OpenSLO or Sloth YAML"));
    await userEvent.paste(yaml);
    await userEvent.click(screen.getByRole("button", { name: "Import" }));
    const answer = await screen.findByRole("status");
    const names = importSlos(yaml).slos.map((d) => d.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(answer.textContent).toContain(`shop/checkout ${name}: created`);
    expect(received[0]).toMatchObject({ type: "application/yaml", search: "?cluster=prod-eu", body: yaml });
  });

  it("a broken file is refused whole, each problem with its line", async () => {
    await openEditor();
    await userEvent.click(screen.getByLabelText("OpenSLO or Sloth YAML"));
    await userEvent.paste("apiVersion: sloth.slok.dev/v1\nkind: PrometheusServiceLevel\nspec:\n  service: checkout\n  slos: [ {name: x\n");
    await userEvent.click(screen.getByRole("button", { name: "Import" }));
    const refusal = await screen.findByRole("status");
    expect(refusal.textContent).toMatch(/slo\.yaml:\d+/);
    expect(refusal.textContent).not.toContain("created");
  });
});
