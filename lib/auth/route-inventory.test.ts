import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exportedMethods, gateProblems, listAppRoutes, publicReason, type AppRoute } from "./route-inventory.ts";

const APP = join(import.meta.dirname, "../../app");

describe("every page and route handler in Uptrust's app/", () => {
  const routes = listAppRoutes(APP);

  it("is found by walking the folder, pages and handlers alike", () => {
    expect(routes.filter((r) => r.kind === "page").map((r) => r.file)).toContain("app/page.tsx");
    expect(routes.filter((r) => r.kind === "route").length).toBeGreaterThan(0);
  });

  it("goes through the one gate itself: gatePage in pages, gateRoute in each handler, except the public ones", () => {
    expect(routes.flatMap(gateProblems)).toEqual([]);
  });

  // A loading.tsx streams its page: the answer starts as 200 before gatePage runs, so someone signed out gets
  // a 200 page that redirects in the browser instead of an HTTP redirect. Pages show their loading states
  // inside their panels instead.
  it("answers before the gate with no loading.tsx anywhere in app/", () => {
    const loading = readdirSync(APP, { recursive: true, encoding: "utf8" }).filter((f) => f.split(sep).at(-1) === "loading.tsx");
    expect(loading).toEqual([]);
  });
});

describe("a page or route added tomorrow", () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const byFile = (file: string) => listAppRoutes(join(dir, "app")).find((r) => r.file === file) as AppRoute;
  const gated = 'import { gateRoute } from "@/lib/auth/gate.ts";\n';

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is enumerated with a URL to try it at, and is gated unless it is one of the listed public paths", () => {
    dir = mkdtempSync(join(tmpdir(), "uptrust-routes-"));
    write("app/(ops)/reports/[cluster]/[id]/page.tsx", "export default async function Page() {}");
    write("app/api/exports/[...parts]/route.ts", "export async function GET(req: Request) {}");
    write("app/_parts/route.ts", "export async function GET() {}");
    write("app/share/[token]/page.tsx", "export default function SharedIncident() {}");
    const routes = listAppRoutes(join(dir, "app"));
    expect(routes.map((r) => [r.file, r.url])).toEqual([
      ["app/(ops)/reports/[cluster]/[id]/page.tsx", "/reports/sample-cluster/3f1c9a52-7d4e-4b8a-9c21-5e6f7a8b9c0d"],
      ["app/api/exports/[...parts]/route.ts", "/api/exports/sample-parts"],
      ["app/share/[token]/page.tsx", "/share/q7Yx3vN0dM2kPz8sLw4tRb6hJf1cGe9aUo5iKy2nXs0"],
    ]);
    expect(routes.map((r) => publicReason(r) !== null)).toEqual([false, false, true]);
  });

  it("fails the check when it forgets the gate, in a page or in any one of its handlers", () => {
    dir = mkdtempSync(join(tmpdir(), "uptrust-routes-"));
    write("app/reports/page.tsx", "export default async function Reports() { return null; }");
    write(
      "app/api/reports/route.ts",
      `${gated}export async function GET(req: Request) {\n  const user = await gateRoute(req);\n}\nexport async function DELETE(req: Request) {\n  return new Response(null);\n}\n`,
    );
    expect(gateProblems(byFile("app/reports/page.tsx"))).toEqual(["app/reports/page.tsx must call gatePage() before it reads anything"]);
    expect(gateProblems(byFile("app/api/reports/route.ts"))).toEqual(["app/api/reports/route.ts: DELETE must call gateRoute(req) before it reads anything"]);
  });

  it("fails the check when its handlers are exported in a form whose gate cannot be read", () => {
    dir = mkdtempSync(join(tmpdir(), "uptrust-routes-"));
    write("app/api/reports/route.ts", `${gated}export const { GET } = somewhere;\n`);
    write("app/api/nothing/route.ts", "export const dynamic = 'force-dynamic';\n");
    expect(gateProblems(byFile("app/api/reports/route.ts"))[0]).toMatch(/exports GET in a form whose gate cannot be checked/);
    expect(gateProblems(byFile("app/api/nothing/route.ts"))[0]).toMatch(/exports no HTTP method/);
  });
});

describe("the HTTP methods a route file exports", () => {
  it("are read from functions, constants, destructuring and re-exports", () => {
    expect(exportedMethods("export const dynamic = 'force-dynamic';\nexport async function GET() {}\nexport function PATCH() {}")).toEqual(["GET", "PATCH"]);
    expect(exportedMethods("export const { GET, POST } = handlers;")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export const DELETE = wrap(x);\nexport { list as HEAD, PUT } from './x';")).toEqual(["HEAD", "PUT", "DELETE"]);
  });
});
