import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { groupByContainer } from "./group-recommendations.ts";
import { row } from "./recommendation-fixture.ts";
import { RecommendationTable } from "./recommendation-table.tsx";

describe("the right-sizing table", () => {
  it("names each container's cluster, so the same workload in two clusters reads as two", () => {
    const rows = ["prod-eu", "prod-us"].flatMap((cluster) => [row({ id: `${cluster}-k`, cluster }), row({ id: `${cluster}-v`, cluster, strategy: "vpa" })]);
    render(<RecommendationTable groups={groupByContainer(rows)} />);
    expect(screen.getAllByTestId("recommendation-row")).toHaveLength(2);
    expect(screen.getAllByTestId("recommendation-where").map((w) => w.textContent)).toEqual(["prod-eu · shop/", "prod-us · shop/"]);
  });
});
