import { describe, expect, it } from "vitest";
import { plural } from "./plural.ts";

describe("a counted noun", () => {
  it("is singular for one and plural otherwise, zero included", () => {
    expect(plural(1, "user")).toBe("1 user");
    expect(plural(0, "channel")).toBe("0 channels");
    expect(plural(2, "entry", "entries")).toBe("2 entries");
  });
});
