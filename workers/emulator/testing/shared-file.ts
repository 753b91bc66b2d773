import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** A file of the shared real inputs (`shared/` beside the clone in CI; a worktree finds it further up). */
export function sharedFile(relative: string): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const candidate = join(dir, "..", "shared", relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`shared/${relative} is not beside ${process.cwd()} or any folder above it`);
  }
}

/** kubernetes/examples' guestbook, byte for byte as upstream publishes it. */
export const GUESTBOOK = "real/manifests/guestbook-all-in-one.yaml";
