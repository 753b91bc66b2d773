// Generates the Prisma client (lib/generated/prisma). A fresh clone has none, and everything that
// touches the database imports it, so `npm start` and `npm test` both call this before anything else.
// Prisma's CLI insists on a schema-engine binary even for `generate`, which never uses it; the native
// engine cannot be downloaded on every machine, so point it at a stub.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

function engineStub(): string {
  const dir = join(tmpdir(), "uptrust-prisma");
  mkdirSync(dir, { recursive: true });
  const stub = join(dir, "schema-engine-stub.sh");
  writeFileSync(stub, "#!/bin/sh\necho 'schema engine not available: use npm run db:migrate' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
  return stub;
}

/** Runs `prisma generate`; quiet unless it fails, when its output is the error. */
export function generatePrismaClient(options: { quiet?: boolean } = {}): void {
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || engineStub() };
  const r = spawnSync("npx", ["prisma", "generate"], { stdio: options.quiet ? "pipe" : "inherit", env, encoding: "utf8" });
  if (r.status === 0) return;
  const output = options.quiet ? `\n${r.stdout ?? ""}${r.stderr ?? ""}` : "";
  throw new Error(`generating the database client (npx prisma generate) failed with exit code ${r.status}${output}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    generatePrismaClient();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
