import { describe, expect, it } from "vitest";
import { describeSlo, formatProblem } from "./format-problems.ts";
import { importSlos } from "./import-slo.ts";

describe("an SLO file's check, as a terminal shows it", () => {
  it("puts each problem at file:line with its field, as editors and CI annotations expect", () => {
    const { problems } = importSlos("version: prometheus/v1\nservice: shop\nslos:\n  - name: Bad_Name\n    objective: 99.9\n    sli: { events: { error_query: e, total_query: t } }\n");
    expect(problems.map((p) => formatProblem("slos/shop.yaml", p))).toEqual([
      "slos/shop.yaml:4: slos.0.name: must be a DNS label: lower-case letters, digits and '-', at most 63",
    ]);
  });

  it("says in one line what an SLO promises", () => {
    const { slos } = importSlos("version: prometheus/v1\nservice: shop\nslos:\n  - name: availability\n    objective: 99.95\n    sli: { events: { error_query: e, total_query: t } }\n");
    expect(slos.map(describeSlo)).toEqual(["shop/availability: 99.95% over 30d rolling, Occurrences, ratio SLI (sloth)"]);
  });
});
