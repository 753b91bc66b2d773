import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

// Public files nobody on the project wrote (shared/real, see its README), beside the clone in CI
// (`../shared/real`) and further up on a developer's machine: the nearest shared/real above the repository.
// Missing, it fails the test that asked for it: a test of real inputs never passes without them.
export function realInput(path: string): string {
  // Tests run from the repository root (in jsdom too, where import.meta.url is not a file URL).
  for (let dir = resolve(process.cwd()); ; dir = dirname(dir)) {
    const root = join(dir, "shared", "real");
    if (existsSync(root)) return join(root, path);
    if (dirname(dir) === dir) throw new Error(`no shared/real above the repository: put the real inputs at ../shared/real to read ${path}`);
  }
}
