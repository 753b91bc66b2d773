// Generates the Prisma client. Prisma's CLI insists on a schema-engine binary even for `generate`,
// which never uses it; the native engine cannot be downloaded on every machine, so point it at a stub.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const dir = join(tmpdir(), "uptrust-prisma");
  mkdirSync(dir, { recursive: true });
  const stub = join(dir, "schema-engine-stub.sh");
  writeFileSync(stub, "#!/bin/sh\necho 'schema engine not available: use npm run db:migrate' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
const r = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(r.status ?? 1);
