import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

// Which modules a page reaches through its imports, and by what chain, read from the source as a bundler would
// follow it: relative and "@/…" imports of TypeScript files, re-exports, side-effect imports and import().
// Type-only imports are skipped (they ship nothing). Used to keep a package out of a page's JavaScript by
// construction: a chain from the page to the package is the failure message.

const CODE = [".ts", ".tsx", ".js", ".jsx", ".mjs"];
// `import … from "x"`, `export … from "x"`, `import "x"`: the clause between never holds ; ( ) or =.
const STATIC = /(?:^|[\n;])\s*(?:import|export)\s+(type\s+)?([^;()="'`]*?\s*from\s*)?["']([^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

function onlyTypes(clause: string): boolean {
  const named = /^\{([^}]*)\}\s*from\s*$/.exec(clause.trim());
  return named !== null && named[1].split(",").map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith("type "));
}

/** The specifiers a module imports at run time (or lazily), in source order. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(STATIC)) if (!m[1] && !(m[2] && onlyTypes(m[2]))) found.push(m[3]);
  for (const m of source.matchAll(DYNAMIC)) found.push(m[1]);
  return found;
}

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

// The Prisma client is generated (a fresh clone has none yet) and imports only Prisma's own runtime: not followed.
const GENERATED = "lib/generated/";

// A local specifier as a file on disk; null for packages and for assets (CSS modules, images) that hold no code.
function resolveLocal(spec: string, from: string, root: string): string | null {
  const base = spec.startsWith("@/") ? join(root, spec.slice(2)) : spec.startsWith(".") ? resolve(dirname(from), spec) : null;
  if (base === null || relative(root, base).startsWith(GENERATED)) return null;
  if (CODE.some((e) => base.endsWith(e)) && isFile(base)) return base;
  if (/\.\w+$/.test(base) && !CODE.some((e) => base.endsWith(e)) && isFile(base)) return null;
  const hit = [...CODE.map((e) => base + e), ...CODE.map((e) => join(base, `index${e}`))].find(isFile);
  if (!hit) throw new Error(`${relative(root, from)} imports "${spec}", which is no file this check can follow`);
  return hit;
}

const packageOf = (spec: string) => spec.split("/").slice(0, spec.startsWith("@") ? 2 : 1).join("/");

// Breadth-first over local imports from the entries: each reached file with the file that first imported it.
function walk(entries: string[], root: string, onPackage: (file: string, spec: string) => void): Map<string, string | null> {
  const parent = new Map<string, string | null>(entries.map((e) => [resolve(root, e), null]));
  const queue = [...parent.keys()];
  while (queue.length) {
    const file = queue.shift()!;
    for (const spec of importsOf(readFileSync(file, "utf8"))) {
      const next = spec.startsWith("@/") || spec.startsWith(".") ? resolveLocal(spec, file, root) : (onPackage(file, spec), null);
      if (next && !parent.has(next)) {
        parent.set(next, file);
        queue.push(next);
      }
    }
  }
  return parent;
}

/**
 * Every shortest chain of files (relative to `root`) from `entry` to a module importing package `pkg`, ending with
 * the package itself; empty when the entry cannot reach it.
 */
export function importChains(entry: string, pkg: string, root: string): string[][] {
  const hits: [string, string][] = [];
  const parent = walk([entry], root, (file, spec) => {
    if (packageOf(spec) === pkg) hits.push([file, spec]);
  });
  const chainTo = (file: string): string[] => {
    const out: string[] = [];
    for (let f: string | null = file; f; f = parent.get(f) ?? null) out.unshift(relative(root, f));
    return out;
  };
  return hits.map(([file, spec]) => [...chainTo(file), spec]);
}

/** Every local file (relative to `root`) the entries reach through their run-time imports, the entries included. */
export function reachableFiles(entries: string[], root: string): string[] {
  return [...walk(entries, root, () => {}).keys()].map((f) => relative(root, f));
}
