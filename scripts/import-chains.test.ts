import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importChains, importsOf } from "./import-chains.ts";

const ROOT = join(import.meta.dirname, "..");
const chainsText = (chains: string[][]) => chains.map((c) => c.join(" → ")).join("\n");

// Recharts with its dependencies is ~120 KB gzipped; the home page of a 1,000-SLO fleet draws its charts as
// plain SVG instead. This keeps it so: any module the home page (or the layout around it) reaches that imports
// recharts fails here, named by the chain of imports that pulls it in.
describe("the home page's JavaScript", () => {
  it.each(["app/page.tsx", "app/layout.tsx"])("reaches no module that imports recharts from %s", (entry) => {
    expect(chainsText(importChains(entry, "recharts", ROOT))).toBe("");
  });

  it("is checked by a walk that does find recharts where a detail page uses it", () => {
    const chains = importChains("app/capacity/[cluster]/[pool]/page.tsx", "recharts", ROOT);
    expect(chains.map((c) => c.at(-2))).toContain("components/capacity/capacity-chart.tsx");
  });
});

describe("a chart imported tomorrow", () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is caught through '@/' paths, re-exports and lazy imports, and the message names each link", () => {
    dir = mkdtempSync(join(tmpdir(), "uptrust-imports-"));
    write("app/page.tsx", 'import { Panel } from "@/components/panel.tsx";\nimport s from "./page.module.css";\n');
    write("app/page.module.css", ".x {}");
    write("components/panel.tsx", 'export { Chart } from "./chart";\nconst Lazy = () => import("./lazy.tsx");\n');
    write("components/chart.tsx", 'import {\n  LineChart,\n  Line,\n} from "recharts";\n');
    write("components/lazy.tsx", 'import { Bar } from "recharts/es6";\n');
    expect(importChains("app/page.tsx", "recharts", dir).map((c) => c.join(" → "))).toEqual([
      "app/page.tsx → components/panel.tsx → components/chart.tsx → recharts",
      "app/page.tsx → components/panel.tsx → components/lazy.tsx → recharts/es6",
    ]);
  });

  it("is not charged for type-only imports, which ship no code", () => {
    expect(importsOf('import type { LineProps } from "recharts";\nimport { type BarProps } from "recharts";\nexport type { X } from "./x.ts";')).toEqual([]);
    expect(importsOf('import { type A, b } from "./b.ts";\nimport "./side-effect.ts";')).toEqual(["./b.ts", "./side-effect.ts"]);
  });

  it("does not need the generated Prisma client, which a fresh clone has not made yet", () => {
    dir = mkdtempSync(join(tmpdir(), "uptrust-imports-"));
    write("app/page.tsx", 'import { PrismaClient } from "@/lib/generated/prisma/client.ts";\n');
    expect(importChains("app/page.tsx", "recharts", dir)).toEqual([]);
  });

  it("stops the check with a clear error when an import names no file", () => {
    dir = mkdtempSync(join(tmpdir(), "uptrust-imports-"));
    write("app/page.tsx", 'import { Gone } from "../components/gone.tsx";\n');
    expect(() => importChains("app/page.tsx", "recharts", dir)).toThrow('app/page.tsx imports "../components/gone.tsx", which is no file this check can follow');
  });
});
